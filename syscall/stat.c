/*
 * syscall/stat.c - statx, and fstat and fstatat where statx is missing or
 * denied.  (A file of its own, as syscall/time.c, for the stack protector
 * that its wrappers' records bring.)
 */
#include <lib/lib.h>
#include "syscall.h"

long sys_fstat(int fd, arch_stat *st)
{
	return sys_call(ARCH_NR_fstat, fd, SYS_ARG(st), 0, 0, 0, 0);
}

long sys_fstatat(int dirfd, const char *path, arch_stat *st, int flags)
{
	return sys_call(ARCH_NR_fstatat, dirfd, SYS_ARG(path), SYS_ARG(st), flags, 0, 0);
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

	r = sys_call(__NR_statx, dirfd, SYS_ARG(path), flags, SYS_ARG(mask), SYS_ARG(st), 0);
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
