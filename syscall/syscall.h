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

/* A call by number through the way chosen at start-up (see calls_init). */
long sys_call(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* The gate in use, or 0 (only i386 ever has one). */
extern void *sys_gate;

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
__attribute__((noreturn)) void sys_exit_group(int status);
long sys_getpid(void);
long sys_uname(struct new_utsname *u);
long sys_clock_gettime(int clock, struct __kernel_timespec *ts);     /* 64-bit time */
long sys_clock_getres(int clock, struct __kernel_timespec *ts);
long sys_clock_gettime_old(int clock, struct __kernel_old_timespec *ts); /* long time */
long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long sys_time(long *t);
long sys_getcpu(unsigned *cpu, unsigned *node);
long sys_getrandom(void *buf, size_t n, unsigned flags);
long sys_kill(int pid, int sig);
long sys_renameat(int olddir, const char *oldpath, int newdir, const char *newpath);
long sys_fsync(int fd);
long sys_unlinkat(int dirfd, const char *path, int flags);
long sys_statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *st);
long sys_mount(const char *source, const char *target, const char *fstype,
	       unsigned long flags, const void *data);
long sys_reboot(unsigned cmd);
long sys_mknodat(int dirfd, const char *path, unsigned mode, unsigned dev);
long sys_ioctl(int fd, unsigned long request, void *arg);
long sys_dup3(int oldfd, int newfd, int flags);
long sys_mkdirat(int dirfd, const char *path, unsigned mode);
long sys_sync(void);

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

/* errno names and messages: "ENOENT", "No such file or directory". */
const char *errno_name(int e);      /* e > 0; "E?" when unknown */
const char *errno_message(int e);


/* Is [addr, addr + len) mapped?  0, or -ENOMEM if a page is not (mincore(2)). */
long sys_mincore(void *addr, size_t len, unsigned char *vec);

/* The text of a symbolic link, without a NUL: its length, or -errno. */
long sys_readlinkat(int dirfd, const char *path, char *buf, size_t size);

/* For writing a file whole (demo/vdso/write.c): a name for an open file,
 * its mode and owner, and its open flags (F_GETFL, F_SETFL). */
long sys_linkat(int olddir, const char *oldpath, int newdir, const char *newpath, int flags);
long sys_fchmod(int fd, unsigned mode);
long sys_fchownat(int dirfd, const char *path, unsigned uid, unsigned gid, int flags);
long sys_fcntl(int fd, int cmd, long arg);

#endif
