/*
 * syscall/syscall.h - the face of the system call layer.
 *
 * Three layers, as in the kernel's nolibc:
 *   arch_syscall()   the raw instruction (arch/<arch>/arch.h)
 *   sys_call()       a call by number, entering through the i386 gate when
 *                    the kernel gave one, else the raw instruction
 *   sys_*()          typed wrappers; each returns the result or -errno
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stddef.h>
#include <stdint.h>
#include <arch.h>
#include <linux/time_types.h>
#include <linux/stat.h>
#include <linux/utsname.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <asm-generic/errno.h>

/* A call by number through the way chosen at start-up: sys_use_gate. */
long sys_call(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* Every call after this enters through the gate at entry (0: the raw
 * instruction).  vdso_init (vdso/calls.c) calls it once it has checked the
 * gate lies in the vDSO; only i386 ever has one. */
void sys_use_gate(void *entry);

/* The gate in use, or 0: read it, set it by sys_use_gate. */
extern void *sys_gate;

/* Any integer or pointer as the long a system call argument is. */
#define SYS_ARG(x) ((long)(x))

/* A result in -4095..-1 is an error (the kernel's IS_ERR_VALUE). */
static inline int sys_failed(long r) { return r < 0 && r >= -4095; }

long sys_read(int fd, void *buf, size_t n);
long sys_write(int fd, const void *buf, size_t n);
long sys_openat(int dirfd, const char *path, int flags, int mode);
long sys_close(int fd);
long sys_lseek(int fd, int64_t offset, int whence, int64_t *result);
long sys_pread(int fd, void *buf, size_t n, int64_t offset);
long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset);
long sys_munmap(void *addr, size_t len);
/* exit_group; where it is refused, exit; then a fault: never returns, never spins. */
__attribute__((noreturn)) void sys_exit_group(int status);
long sys_getpid(void);
long sys_gettid(void);
/* getpid, checked: our pid (> 0), or -errno; never a value kill(2) would
 * read as a group or as everyone. */
long sys_self_pid(void);
/* sig to this thread only (tgkill with checked ids): 0 or -errno. */
long sys_raise(int sig);
long sys_uname(struct new_utsname *u);
/* personality(2): 0xffffffff asks without changing; the old persona
 * (ADDR_NO_RANDOMIZE 0x0040000 is setarch -R), or -errno. */
long sys_personality(unsigned long persona);
long sys_clock_gettime(int clock, struct __kernel_timespec *ts);     /* 64-bit time */
long sys_clock_getres(int clock, struct __kernel_timespec *ts);
long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long sys_time(long *t);
long sys_getcpu(unsigned *cpu, unsigned *node);
long sys_getrandom(void *buf, size_t n, unsigned flags);
long sys_kill(int pid, int sig);
long sys_renameat(int olddir, const char *oldpath, int newdir, const char *newpath);
long sys_fsync(int fd);
long sys_unlinkat(int dirfd, const char *path, int flags);
/* statx, or where it answers ENOSYS or EPERM, fstat or fstatat's answer in
 * the basic fields (stx_mask STATX_BASIC_STATS). */
long sys_statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *st);
/* The kernel's own struct stat of the arch (arch_stat: asm/stat.h). */
long sys_fstat(int fd, arch_stat *st);
long sys_fstatat(int dirfd, const char *path, arch_stat *st, int flags);
long sys_reboot(unsigned cmd);
long sys_ioctl(int fd, unsigned long request, void *arg);
long sys_sync(void);
/* F_GETFL / F_SETFL only (on i386 too: fcntl64 differs only for locks). */
long sys_fcntl(int fd, int cmd, long arg);

/* Processes: fork (0 in the child, its pid in the parent), wait4 (the
 * child's pid, retried over EINTR; *status as the kernel packs it: exit
 * status << 8, or the signal), pipe2, unshare (CLONE_* of <linux/sched.h>), and the CPU
 * affinity mask of 'pid' (0: this thread), 'size' bytes of bits. */
long sys_fork(void);
long sys_wait4(int pid, int *status, int options);
long sys_pipe2(int fds[2], int flags);
long sys_unshare(unsigned long flags);
/* wait4 once: -EINTR when a signal handler ran (a tracer's loop must see it). */
long sys_wait4_once(int pid, int *status, int options);
/* ptrace(2) as the kernel has it: PEEK requests store the word at *data
 * (libc's wrapper returns it instead); execve(2) returns only on failure. */
long sys_ptrace(long request, int pid, unsigned long addr, unsigned long data);
long sys_execve(const char *path, char *const argv[], char *const envp[]);
long sys_sched_setaffinity(int pid, size_t size, const unsigned long *mask);
long sys_sched_getaffinity(int pid, size_t size, unsigned long *mask);
/* A timer that sends a signal (ITIMER_REAL: SIGALRM), the old timeval
 * form: setitimer(2). */
long sys_setitimer(int which, const struct __kernel_old_itimerval *value,
		   struct __kernel_old_itimerval *old);

/* rt_sigaction's own struct (the kernel's, not libc's): handler, flags,
 * restorer, then a 64-bit mask (arch/x86/include/uapi/asm/signal.h). */
struct kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};
long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
		      struct kernel_sigaction *old);
long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old);
/* sig ignored, or where rt_sigaction is refused, blocked: 0 or -errno. */
long sys_signal_ignore(int sig);

/*
 * fn(arg), with a way back if it faults (syscall/probe.c): its result and
 * fault->signal 0; or 0 and the signal (SIGSEGV, SIGBUS), its si_code and
 * the address that faulted.  For looking at memory that may not be there.
 * If rt_sigaction refuses the handler, fn is not called: fault->error.
 */
struct sys_fault {
	int signal;
	int code;
	uintptr_t addr;
	long error;     /* -errno if the handler could not be installed: fn was
	                 * not called, and signal, code, addr say nothing */
};
long sys_probe(long (*fn)(long), long arg, struct sys_fault *fault);

/* errno names and messages: "ENOENT", "No such file or directory". */
const char *errno_name(int e);      /* e > 0; "E?" when unknown */
const char *errno_message(int e);


/* syscall/maps.c: /proc/self/maps, one mapping at a time, each line's
 * length bounded (a longer line is skipped, a name cut). */
struct maps_entry {
	uint64_t start, end;
	char perms[8];          /* "r-xp" */
	char name[64];          /* "[vdso]", a path (cut), or "" */
};
/* fn for each mapping until it returns non-zero; 0, or -errno (ENOENT:
 * no /proc). */
long maps_read(int (*fn)(const struct maps_entry *m, void *ctx), void *ctx);
/* The mapping holding addr: 1 (and *out), 0 none, or -errno. */
long maps_find(uint64_t addr, struct maps_entry *out);

/* syscall/child.c: fn(arg) in a child of fork(2), its result (0 to 255)
 * the child's exit status: that, or -errno (the fork, the wait; -ECHILD if
 * a signal killed the child). */
long sys_in_child(long (*fn)(long), long arg);

/* syscall/text.c: a small file's text into buf, NUL-ended, its last
 * newline cut: its length, or -errno. */
long sys_read_text(const char *path, char *buf, size_t size);

/* Is [addr, addr + len) mapped?  0, or -ENOMEM if a page is not (mincore(2)). */
long sys_mincore(void *addr, size_t len, unsigned char *vec);

/* The text of a symbolic link, without a NUL: its length, or -errno. */
long sys_readlinkat(int dirfd, const char *path, char *buf, size_t size);

/* For writing a file whole (demo/vdso/write.c): a name for an open file,
 * its mode and owner (sys_fcntl above gives its open flags). */
long sys_linkat(int olddir, const char *oldpath, int newdir, const char *newpath, int flags);
long sys_fchmod(int fd, unsigned mode);
long sys_fchownat(int dirfd, const char *path, unsigned uid, unsigned gid, int flags);

#endif
