/*
 * vdso/vdso.h - the face of the live vDSO: the one the kernel mapped into
 * this process, found from the auxiliary vector, opened with the ELF reader
 * (elf/), and the call table built from it.
 */
#ifndef VDSO_VDSO_H
#define VDSO_VDSO_H

#include <elf/read.h>
#include <syscall/syscall.h>

/*
 * The call table (vdso/calls.c): the time functions through the vDSO
 * when it has them, else through the system call.
 */
enum call_id {
	CALL_CLOCK_GETTIME, CALL_GETTIMEOFDAY, CALL_TIME, CALL_CLOCK_GETRES,
	CALL_GETCPU, CALL_COUNT
};
enum call_path { PATH_SYSCALL, PATH_GATE, PATH_VDSO };

struct call {
	const char *name;       /* "clock_gettime" */
	const char *symbol;     /* the vDSO symbol serving it, or 0 */
	void *fn;               /* its address, or 0: the system call serves */
	int time64;             /* fn takes a 64-bit timespec */
	unsigned fallbacks;     /* times fn answered -ENOSYS */
};

extern struct call calls[CALL_COUNT];
extern struct elf_image calls_vdso;    /* the live vDSO, when open */
extern int calls_vdso_status;           /* 0 if open, else -ELF_E* */
extern int calls_vdso_off;              /* VDSO=off was given */

void calls_init(void);                  /* once, at the start of main */
enum call_path call_path(enum call_id id);
const char *call_path_name(enum call_path p);

long call_clock_gettime(int clock, struct __kernel_timespec *ts);
long call_clock_getres(int clock, struct __kernel_timespec *ts);
long call_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long call_time(long *t);
long call_getcpu(unsigned *cpu, unsigned *node);

#endif
