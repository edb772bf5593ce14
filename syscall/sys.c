/*
 * syscall/sys.c - typed wrappers.  Each returns what the kernel returned:
 * the result, or -errno.  Numbers come from the kernel's <asm/unistd.h>;
 * where i386 and x86_64 differ, arch.h names the call and how its 64-bit
 * arguments are passed.
 */
#include <lib/lib.h>
#include "syscall.h"

#define L(x) ((long)(x))

long sys_read(int fd, void *buf, size_t n)
{
	return sys_call(__NR_read, fd, L(buf), L(n), 0, 0, 0);
}

long sys_write(int fd, const void *buf, size_t n)
{
	return sys_call(__NR_write, fd, L(buf), L(n), 0, 0, 0);
}

long sys_openat(int dirfd, const char *path, int flags, int mode)
{
	/* O_LARGEFILE: 64-bit file offsets also on i386 (asm-generic/fcntl.h
	 * leaves it 0 on x86_64, where they always are). */
	return sys_call(__NR_openat, dirfd, L(path), flags | O_LARGEFILE, mode, 0, 0);
}

long sys_close(int fd)
{
	return sys_call(__NR_close, fd, 0, 0, 0, 0, 0);
}

long sys_lseek(int fd, int64_t offset, int whence, int64_t *result)
{
	long r;

	if (ARCH_NR_llseek < 0) {       /* lseek takes and returns 64 bits */
		r = sys_call(__NR_lseek, fd, L(offset), whence, 0, 0, 0);
		if (!sys_failed(r))
			*result = r;
		return sys_failed(r) ? r : 0;
	}
	/* _llseek(fd, high, low, &result, whence) */
	r = sys_call(ARCH_NR_llseek, fd, L((uint64_t)offset >> 32),
		     L((uint32_t)offset), L(result), whence, 0);
	return r;
}

long sys_pread(int fd, void *buf, size_t n, int64_t offset)
{
	return sys_call(__NR_pread64, fd, L(buf), L(n),
			ARCH_OFF_LO(offset), ARCH_OFF_HI(offset), 0);
}

long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset)
{
	return sys_call(ARCH_NR_mmap, L(addr), L(len), prot, flags, fd,
			L(offset >> ARCH_MMAP_OFFSET_SHIFT));
}

long sys_munmap(void *addr, size_t len)
{
	return sys_call(__NR_munmap, L(addr), L(len), 0, 0, 0, 0);
}

void sys_exit_group(int status)
{
	for (;;)
		sys_call(__NR_exit_group, status, 0, 0, 0, 0, 0);
}

long sys_getpid(void)
{
	return sys_call(__NR_getpid, 0, 0, 0, 0, 0, 0);
}

long sys_uname(struct new_utsname *u)
{
	return sys_call(__NR_uname, L(u), 0, 0, 0, 0, 0);
}

/*
 * clock_gettime and clock_getres with a 64-bit time_t.  On i386 those are
 * clock_gettime64 and clock_getres_time64, new in Linux 5.1 (the y2038
 * work); a kernel before that, or a seccomp profile that does not know
 * them, answers ENOSYS.  Then the old calls serve, with the 32-bit
 * timespec of their time (struct __kernel_old_timespec: a long, which
 * is right until 2038), widened here.  The first ENOSYS is remembered,
 * so that each later call is one system call, not two.  On x86_64 the
 * 64-bit calls are the only ones, and an error is returned as it is.
 */
static int time64_missing;

static long timespec_call(long nr64, long nr_old, int clock, struct __kernel_timespec *ts)
{
	struct __kernel_old_timespec old;
	long r;

	if (!time64_missing) {
		r = sys_call(nr64, clock, L(ts), 0, 0, 0, 0);
		if (r != -ENOSYS || nr64 == nr_old)
			return r;
		time64_missing = 1;
	}
	r = sys_call(nr_old, clock, L(ts ? &old : 0), 0, 0, 0, 0);
	if (r == 0 && ts) {
		ts->tv_sec = old.tv_sec;
		ts->tv_nsec = old.tv_nsec;
	}
	return r;
}

long sys_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(ARCH_NR_clock_gettime64, __NR_clock_gettime, clock, ts);
}

long sys_clock_getres(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(ARCH_NR_clock_getres64, __NR_clock_getres, clock, ts);
}

long sys_clock_gettime_old(int clock, struct __kernel_old_timespec *ts)
{
	return sys_call(__NR_clock_gettime, clock, L(ts), 0, 0, 0, 0);
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	return sys_call(__NR_gettimeofday, L(tv), L(tz), 0, 0, 0, 0);
}

long sys_time(long *t)
{
	return sys_call(__NR_time, L(t), 0, 0, 0, 0, 0);
}

long sys_getcpu(unsigned *cpu, unsigned *node)
{
	return sys_call(__NR_getcpu, L(cpu), L(node), 0, 0, 0, 0);
}

long sys_getrandom(void *buf, size_t n, unsigned flags)
{
	return sys_call(__NR_getrandom, L(buf), L(n), L(flags), 0, 0, 0);
}

long sys_kill(int pid, int sig)
{
	return sys_call(__NR_kill, pid, sig, 0, 0, 0, 0);
}

long sys_renameat(int olddir, const char *oldpath, int newdir, const char *newpath)
{
	return sys_call(__NR_renameat, olddir, L(oldpath), newdir, L(newpath), 0, 0);
}

long sys_fsync(int fd)
{
	return sys_call(__NR_fsync, fd, 0, 0, 0, 0, 0);
}

long sys_unlinkat(int dirfd, const char *path, int flags)
{
	return sys_call(__NR_unlinkat, dirfd, L(path), flags, 0, 0, 0);
}

long sys_fstat(int fd, arch_stat *st)
{
	return sys_call(ARCH_NR_fstat, fd, L(st), 0, 0, 0, 0);
}

long sys_fstatat(int dirfd, const char *path, arch_stat *st, int flags)
{
	return sys_call(ARCH_NR_fstatat, dirfd, L(path), L(st), flags, 0, 0);
}

/* A device number as statx splits it: the kernel's huge encoding
 * (include/linux/kdev_t.h, new_encode_dev): minor bits 0-7 and 20-31,
 * major bits 8-19 (and above 32, where a 64-bit dev_t has room). */
static void split_dev(uint64_t dev, uint32_t *major, uint32_t *minor)
{
	*major = (uint32_t)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffULL));
	*minor = (uint32_t)((dev & 0xff) | ((dev >> 12) & ~0xffULL));
}

/*
 * statx is new in Linux 4.11, and container profiles of its time deny it
 * with EPERM (or ENOSYS).  Then fstat (for a descriptor: AT_EMPTY_PATH and
 * "") or fstatat (for a path) answers, in the kernel's struct stat of the
 * arch (asm/stat.h), copied into the basic fields of a struct statx.
 */
long sys_statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *st)
{
	arch_stat old;
	long r;

	r = sys_call(__NR_statx, dirfd, L(path), flags, L(mask), L(st), 0);
	if (r != -ENOSYS && r != -EPERM)
		return r;
	if ((flags & AT_EMPTY_PATH) && path[0] == 0)
		r = sys_fstat(dirfd, &old);
	else
		r = sys_fstatat(dirfd, path, &old, flags & ~AT_STATX_SYNC_TYPE);
	if (r != 0)
		return r;
	memset(st, 0, sizeof *st);
	st->stx_mask = STATX_BASIC_STATS;
	st->stx_mode = (uint16_t)old.st_mode;
	st->stx_nlink = (uint32_t)old.st_nlink;
	st->stx_uid = (uint32_t)old.st_uid;
	st->stx_gid = (uint32_t)old.st_gid;
	st->stx_ino = old.st_ino;
	st->stx_size = (uint64_t)old.st_size;
	st->stx_blksize = (uint32_t)old.st_blksize;
	st->stx_blocks = (uint64_t)old.st_blocks;
	st->stx_atime.tv_sec = (int64_t)old.st_atime;
	st->stx_atime.tv_nsec = (uint32_t)old.st_atime_nsec;
	st->stx_mtime.tv_sec = (int64_t)old.st_mtime;
	st->stx_mtime.tv_nsec = (uint32_t)old.st_mtime_nsec;
	st->stx_ctime.tv_sec = (int64_t)old.st_ctime;
	st->stx_ctime.tv_nsec = (uint32_t)old.st_ctime_nsec;
	split_dev(old.st_dev, &st->stx_dev_major, &st->stx_dev_minor);
	split_dev(old.st_rdev, &st->stx_rdev_major, &st->stx_rdev_minor);
	return 0;
}

long sys_mount(const char *source, const char *target, const char *fstype,
	       unsigned long flags, const void *data)
{
	return sys_call(__NR_mount, L(source), L(target), L(fstype), L(flags), L(data), 0);
}

long sys_reboot(unsigned cmd)
{
	/* the two magic numbers guard against a stray call (linux/reboot.h) */
	return sys_call(__NR_reboot, 0xfee1dead, 672274793, L(cmd), 0, 0, 0);
}

long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
		      struct kernel_sigaction *old)
{
	/* the last argument is the size of the mask: 8 bytes, 64 signals */
	return sys_call(__NR_rt_sigaction, sig, L(act), L(old), 8, 0, 0);
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old)
{
	return sys_call(__NR_rt_sigprocmask, how, L(set), L(old), 8, 0, 0);
}

long sys_mknodat(int dirfd, const char *path, unsigned mode, unsigned dev)
{
	return sys_call(__NR_mknodat, dirfd, L(path), L(mode), L(dev), 0, 0);
}

long sys_ioctl(int fd, unsigned long request, void *arg)
{
	return sys_call(__NR_ioctl, fd, L(request), L(arg), 0, 0, 0);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	return sys_call(__NR_dup3, oldfd, newfd, flags, 0, 0, 0);
}

long sys_mkdirat(int dirfd, const char *path, unsigned mode)
{
	return sys_call(__NR_mkdirat, dirfd, L(path), L(mode), 0, 0, 0);
}

long sys_sync(void)
{
	return sys_call(__NR_sync, 0, 0, 0, 0, 0, 0);
}

long sys_mincore(void *addr, size_t len, unsigned char *vec)
{
	/* -ENOMEM if any page of [addr, addr + len) is not mapped (mincore(2)) */
	return sys_call(__NR_mincore, L(addr), L(len), L(vec), 0, 0, 0);
}

long sys_readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	/* the length of the link's text, which has no NUL (readlink(2)) */
	return sys_call(__NR_readlinkat, dirfd, L(path), L(buf), L(size), 0, 0);
}
