/*
 * syscall/sys.c - typed wrappers.  Each returns what the kernel returned:
 * the result, or -errno.  Numbers come from the kernel's <asm/unistd.h>;
 * where i386 and x86_64 differ, arch.h names the call and how its 64-bit
 * arguments are passed.
 */
#include "syscall.h"
#include <asm/signal.h>          /* SIGCHLD */

long sys_read(int fd, void *buf, size_t n)
{
	return sys_call(__NR_read, fd, SYS_ARG(buf), SYS_ARG(n), 0, 0, 0);
}

long sys_write(int fd, const void *buf, size_t n)
{
	return sys_call(__NR_write, fd, SYS_ARG(buf), SYS_ARG(n), 0, 0, 0);
}

long sys_openat(int dirfd, const char *path, int flags, int mode)
{
	/* O_LARGEFILE: 64-bit file offsets also on i386 (asm-generic/fcntl.h
	 * leaves it 0 on x86_64, where they always are). */
	return sys_call(__NR_openat, dirfd, SYS_ARG(path), flags | O_LARGEFILE, mode, 0, 0);
}

long sys_close(int fd)
{
	return sys_call(__NR_close, fd, 0, 0, 0, 0, 0);
}

long sys_lseek(int fd, int64_t offset, int whence, int64_t *result)
{
	long r;

	if (ARCH_NR_llseek < 0) {       /* lseek takes and returns 64 bits */
		r = sys_call(__NR_lseek, fd, SYS_ARG(offset), whence, 0, 0, 0);
		if (!sys_failed(r))
			*result = r;
		return sys_failed(r) ? r : 0;
	}
	/* _llseek(fd, high, low, &result, whence) */
	r = sys_call(ARCH_NR_llseek, fd, SYS_ARG((uint64_t)offset >> 32),
		     SYS_ARG((uint32_t)offset), SYS_ARG(result), whence, 0);
	return r;
}

/* pread64's offset, the last three arguments: in one register or two,
 * where the arch puts them (arch.h; arm's EABI pads to an even pair). */
#ifndef ARCH_PREAD_OFFSET
#define ARCH_PREAD_OFFSET(off) ARCH_OFF_LO(off), ARCH_OFF_HI(off), 0L
#endif

long sys_pread(int fd, void *buf, size_t n, int64_t offset)
{
	return sys_call(__NR_pread64, fd, SYS_ARG(buf), SYS_ARG(n), ARCH_PREAD_OFFSET(offset));
}

#ifdef ARCH_MMAP_ARGS_IN_MEMORY
/* Not stack-protected: its array is only read, by the kernel, and a canary
 * check here would pull the canary into every program that links sys.o. */
__attribute__((no_stack_protector))
#endif
long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset)
{
#ifdef ARCH_MMAP_ARGS_IN_MEMORY
	/* The arch's mmap takes the address of its six arguments (arch.h). */
	unsigned long args[6] = { (uintptr_t)addr, len, (unsigned long)prot, (unsigned long)flags,
				  (unsigned long)(long)fd, (unsigned long)(offset >> ARCH_MMAP_OFFSET_SHIFT) };

	return sys_call(ARCH_NR_mmap, SYS_ARG(args), 0, 0, 0, 0, 0);
#else
	return sys_call(ARCH_NR_mmap, SYS_ARG(addr), SYS_ARG(len), prot, flags, fd,
			SYS_ARG(offset >> ARCH_MMAP_OFFSET_SHIFT));
#endif
}

long sys_munmap(void *addr, size_t len)
{
	return sys_call(__NR_munmap, SYS_ARG(addr), SYS_ARG(len), 0, 0, 0, 0);
}

/* exit_group, and if a seccomp profile refuses it, exit (this thread: all
 * of our programs have one), as glibc's _exit does; if that is refused too,
 * an instruction that faults (ud2: SIGILL, which the kernel delivers even
 * when it is blocked or ignored, kernel/signal.c force_sig_fault).  Never a
 * loop that retries the call and spins. */
void sys_exit_group(int status)
{
	sys_call(__NR_exit_group, status, 0, 0, 0, 0, 0);
	sys_call(__NR_exit, status, 0, 0, 0, 0, 0);
	for (;;)
		__builtin_trap();
}

long sys_getpid(void)
{
	return sys_call(__NR_getpid, 0, 0, 0, 0, 0, 0);
}

long sys_gettid(void)
{
	return sys_call(__NR_gettid, 0, 0, 0, 0, 0, 0);
}

/* Our own process id, checked: a failed getpid is -errno, and -EPERM is
 * -1, which kill(2) reads as "every process I may signal". */
long sys_self_pid(void)
{
	long pid = sys_getpid();

	return pid > 0 ? pid : sys_failed(pid) ? pid : -ESRCH;
}

/* A signal to this thread and nothing else (raise(3)): tgkill(2) with both
 * ids checked, so that no failure can widen it to another process. */
long sys_raise(int sig)
{
	long pid = sys_self_pid(), tid;

	if (pid < 0)
		return pid;
	tid = sys_gettid();
	if (tid <= 0)
		return sys_failed(tid) ? tid : -ESRCH;
	return sys_call(__NR_tgkill, pid, tid, sig, 0, 0, 0);
}

long sys_personality(unsigned long persona)
{
	return sys_call(__NR_personality, SYS_ARG(persona), 0, 0, 0, 0, 0);
}

long sys_uname(struct new_utsname *u)
{
	return sys_call(__NR_uname, SYS_ARG(u), 0, 0, 0, 0, 0);
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	return sys_call(__NR_gettimeofday, SYS_ARG(tv), SYS_ARG(tz), 0, 0, 0, 0);
}

/* time(2) exists on x86 but not on the asm-generic arches, whose
 * <asm/unistd.h> has no __NR_time: there gettimeofday says the same. */
/* Not stack-protected: its one local is the record the kernel fills, of
 * the size the kernel writes, and a canary check here (an arch with no
 * time(2)) would pull the canary into every program that links sys.o. */
__attribute__((no_stack_protector))
long sys_time(long *t)
{
#ifdef __NR_time
	return sys_call(__NR_time, SYS_ARG(t), 0, 0, 0, 0, 0);
#else
	struct __kernel_old_timeval tv;
	long r = sys_gettimeofday(&tv, 0);

	if (r < 0)
		return r;
	if (t)
		*t = tv.tv_sec;
	return tv.tv_sec;
#endif
}

long sys_getcpu(unsigned *cpu, unsigned *node)
{
	return sys_call(__NR_getcpu, SYS_ARG(cpu), SYS_ARG(node), 0, 0, 0, 0);
}

long sys_getrandom(void *buf, size_t n, unsigned flags)
{
	return sys_call(__NR_getrandom, SYS_ARG(buf), SYS_ARG(n), SYS_ARG(flags), 0, 0, 0);
}

/* One process only: pid 0, -1 and -pgid (a group, everyone) are refused
 * here, since the only way our programs come by such a pid is a failed
 * call whose -errno was taken for an id. */
long sys_kill(int pid, int sig)
{
	if (pid <= 0)
		return -EINVAL;
	return sys_call(__NR_kill, pid, sig, 0, 0, 0, 0);
}

/* An arch whose kernel has no renameat (asm-generic/unistd.h gives it
 * only with __ARCH_WANT_RENAMEAT: riscv has renameat2 alone) asks
 * renameat2 with no flags, which is renameat (Linux 3.15). */
long sys_renameat(int olddir, const char *oldpath, int newdir, const char *newpath)
{
#ifdef __NR_renameat
	return sys_call(__NR_renameat, olddir, SYS_ARG(oldpath), newdir, SYS_ARG(newpath), 0, 0);
#else
	return sys_call(__NR_renameat2, olddir, SYS_ARG(oldpath), newdir, SYS_ARG(newpath), 0, 0);
#endif
}

long sys_fsync(int fd)
{
	return sys_call(__NR_fsync, fd, 0, 0, 0, 0, 0);
}

long sys_unlinkat(int dirfd, const char *path, int flags)
{
	return sys_call(__NR_unlinkat, dirfd, SYS_ARG(path), flags, 0, 0, 0);
}


long sys_reboot(unsigned cmd)
{
	/* the two magic numbers guard against a stray call (linux/reboot.h) */
	return sys_call(__NR_reboot, 0xfee1dead, 672274793, SYS_ARG(cmd), 0, 0, 0);
}

#ifndef ARCH_SIGACTION_NO_RESTORER
long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
		      struct kernel_sigaction *old)
{
	/* the last argument is the size of the mask: 8 bytes, 64 signals */
	return sys_call(__NR_rt_sigaction, sig, SYS_ARG(act), SYS_ARG(old), 8, 0, 0);
}
#else
/*
 * An arch whose kernel has no sa_restorer (arch.h: riscv) has a struct
 * with no field for it: handler, flags, mask (asm-generic/signal.h without
 * SA_RESTORER).  The runtime's struct is translated both ways: the
 * restorer and the SA_RESTORER bit are dropped, as such a kernel would
 * drop them, and an old action comes back with neither.
 *
 * The mask is written twice, in the third word and in a fourth: Debian
 * 12's QEMU 7.2 user mode reads these arches' struct as the four words of
 * the arches with a restorer (handler, flags, restorer, mask: its generic
 * signal.h gave every such arch TARGET_SA_RESTORER), and it would take
 * the word after the kernel's struct for the mask.  The kernel reads
 * three words; QEMU 7.2 ignores the restorer it reads (its own
 * trampoline serves) and takes the fourth.  Either way the third word of
 * an old action is the mask.
 */
struct arch_kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	uint64_t mask;
	uint64_t mask_for_qemu_7;
};

/* Not stack-protected: its two locals are the records the kernel reads
 * and fills, of its own size or larger, and a canary check here would
 * pull the canary into every program that links sys.o (riscv's hello). */
__attribute__((no_stack_protector))
long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
		      struct kernel_sigaction *old)
{
	struct arch_kernel_sigaction a, o = { 0, 0, 0, 0 };
	long r;

	if (act) {
		a.handler = act->handler;
		a.flags = act->flags & ~(unsigned long)SA_RESTORER;
		a.mask = a.mask_for_qemu_7 = act->mask;
	}
	r = sys_call(__NR_rt_sigaction, sig, SYS_ARG(act ? &a : 0), SYS_ARG(old ? &o : 0), 8, 0, 0);
	if (r == 0 && old) {
		old->handler = o.handler;
		old->flags = o.flags;
		old->restorer = 0;
		old->mask = o.mask;
	}
	return r;
}
#endif

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old)
{
	return sys_call(__NR_rt_sigprocmask, how, SYS_ARG(set), SYS_ARG(old), 8, 0, 0);
}


long sys_ioctl(int fd, unsigned long request, void *arg)
{
	return sys_call(__NR_ioctl, fd, SYS_ARG(request), SYS_ARG(arg), 0, 0, 0);
}



long sys_sync(void)
{
	return sys_call(__NR_sync, 0, 0, 0, 0, 0, 0);
}

long sys_mincore(void *addr, size_t len, unsigned char *vec)
{
	/* -ENOMEM if any page of [addr, addr + len) is not mapped (mincore(2)) */
	return sys_call(__NR_mincore, SYS_ARG(addr), SYS_ARG(len), SYS_ARG(vec), 0, 0, 0);
}

long sys_readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	/* the length of the link's text, which has no NUL (readlink(2)) */
	return sys_call(__NR_readlinkat, dirfd, SYS_ARG(path), SYS_ARG(buf), SYS_ARG(size), 0, 0);
}

long sys_fcntl(int fd, int cmd, long arg)
{
	return sys_call(__NR_fcntl, fd, cmd, arg, 0, 0, 0);
}

/* fork(2) is clone(SIGCHLD) with nothing shared, which is all the
 * asm-generic arches have; x86 has both (kernel/fork.c). */
long sys_fork(void)
{
#ifdef __NR_fork
	return sys_call(__NR_fork, 0, 0, 0, 0, 0, 0);
#else
	return sys_call(__NR_clone, SIGCHLD, 0, 0, 0, 0, 0);
#endif
}

long sys_wait4(int pid, int *status, int options)
{
	long r;

	do
		r = sys_call(__NR_wait4, pid, SYS_ARG(status), options, 0, 0, 0);
	while (r == -EINTR);
	return r;
}

long sys_wait4_once(int pid, int *status, int options)
{
	return sys_call(__NR_wait4, pid, SYS_ARG(status), options, 0, 0, 0);
}

long sys_ptrace(long request, int pid, unsigned long addr, unsigned long data)
{
	return sys_call(__NR_ptrace, request, pid, SYS_ARG(addr), SYS_ARG(data), 0, 0);
}

long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return sys_call(__NR_execve, SYS_ARG(path), SYS_ARG(argv), SYS_ARG(envp), 0, 0, 0);
}

long sys_pipe2(int fds[2], int flags)
{
	return sys_call(__NR_pipe2, SYS_ARG(fds), flags, 0, 0, 0, 0);
}

long sys_unshare(unsigned long flags)
{
	return sys_call(__NR_unshare, SYS_ARG(flags), 0, 0, 0, 0, 0);
}

long sys_sched_setaffinity(int pid, size_t size, const unsigned long *mask)
{
	return sys_call(__NR_sched_setaffinity, pid, SYS_ARG(size), SYS_ARG(mask), 0, 0, 0);
}

long sys_sched_getaffinity(int pid, size_t size, unsigned long *mask)
{
	/* the raw call returns the size of the kernel's mask in bytes */
	return sys_call(__NR_sched_getaffinity, pid, SYS_ARG(size), SYS_ARG(mask), 0, 0, 0);
}

long sys_setitimer(int which, const struct __kernel_old_itimerval *value,
		   struct __kernel_old_itimerval *old)
{
	return sys_call(__NR_setitimer, which, SYS_ARG(value), SYS_ARG(old), 0, 0, 0);
}

long sys_linkat(int olddir, const char *oldpath, int newdir, const char *newpath, int flags)
{
	return sys_call(__NR_linkat, olddir, SYS_ARG(oldpath), newdir, SYS_ARG(newpath), flags, 0);
}

long sys_fchmod(int fd, unsigned mode)
{
	return sys_call(__NR_fchmod, fd, SYS_ARG(mode), 0, 0, 0, 0);
}

long sys_fchownat(int dirfd, const char *path, unsigned uid, unsigned gid, int flags)
{
	/* fchownat takes 32-bit ids on both arches (i386's fchown has 16-bit
	 * ones; its 32-bit twin is fchown32), and with AT_EMPTY_PATH an open
	 * file itself: one call for both. */
	return sys_call(__NR_fchownat, dirfd, SYS_ARG(path), SYS_ARG(uid), SYS_ARG(gid), flags, 0);
}
