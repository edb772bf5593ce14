/*
 * demo/vdso/replace.c - a regular file replaced whole, by name, leaving
 * nothing behind (for demo/vdso/write.c).
 *
 * The bytes first go into a file that has no name: open(2) with O_TMPFILE
 * makes one in the target's directory (Linux 3.11).  It is written, given
 * the old file's mode, synced, and only then linked in: linkat(2) gives it
 * the target's name in one step.  Until then there is no name to leave
 * behind: a signal, SIGKILL included, or a crash leaves nothing, and no
 * one ever sees the file half-written.
 *
 * linkat never replaces a name (EEXIST).  When the target exists, the file
 * is linked under a temporary name and rename(2)d over the target, which
 * swaps it in one step.  Every signal that can be held waits over those
 * two calls; SIGKILL or a power cut between them leaves a whole, synced
 * copy under the temporary name.  That is the one window left, two system
 * calls wide, and only when the target existed.
 *
 * Where O_TMPFILE is not to be had, or the unnamed file cannot be linked
 * (link_unnamed), the older way serves: a named temporary, created O_EXCL,
 * written, synced and renamed over the target, the signals held all along.
 * There SIGKILL leaves the temporary behind.
 *
 * Temporary names are ".vdso-" and 12 random characters: short and of one
 * length, so that any target name up to NAME_MAX (255) works, and random,
 * so that two dumps never meet (a pid repeats in each new pid namespace).
 */
#include <lib/lib.h>
#include <start/start.h>
#include <linux/random.h>
#include <linux/time.h>
#include <asm/signal.h>
#include <linux/fs.h>           /* FS_IOC_GETFLAGS, FS_APPEND_FL */
#include "commands.h"

/* All n bytes to fd, over short writes and EINTR.  0 or -errno. */
long write_all(int fd, const void *bytes, size_t n)
{
	const unsigned char *p = bytes;
	long r;

	while (n) {
		r = sys_write(fd, p, n);
		if (r == -EINTR)
			continue;
		if (r < 0)
			return r;
		if (r == 0)
			return -EIO;    /* no progress: never loop for ever */
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

#define TEMP_PREFIX ".vdso-"
#define TEMP_RANDOM 12          /* characters of 5 random bits each */
#define TEMP_BUF (sizeof TEMP_PREFIX + TEMP_RANDOM)
#define TEMP_TRIES 100          /* as many EEXIST in a row: give up */
#define NOT_HERE 1              /* no O_TMPFILE way here: take the named one */

/* The file to replace: its directory, its name there, the old file. */
struct target {
	int dir;                        /* the directory, opened O_PATH */
	const char *name;               /* the name in it, without '/' */
	const struct statx *old;        /* the regular file there, or 0 */
};

/*
 * 64 random bits for a temporary name: getrandom(2), not waiting for the
 * pool (GRND_NONBLOCK: early in a boot it may not be ready).  Failing that,
 * splitmix64 steps from a seed of AT_RANDOM's second half (the first is
 * the stack canary, start/stack_protector.c, which must not show in a
 * name), the clock and the pid.  A name is no secret; it only must not
 * repeat, and EEXIST is retried anyway.
 */
static uint64_t random_bits(void)
{
	static uint64_t state;
	struct __kernel_timespec ts = { 0, 0 };
	unsigned long at;
	uint64_t z;

	if (sys_getrandom(&z, sizeof z, GRND_NONBLOCK) == sizeof z)
		return z;
	if (state == 0) {
		if (auxv_get(AT_RANDOM, &at) && at)
			memcpy(&state, (const unsigned char *)at + 8, sizeof state);
		sys_clock_gettime(CLOCK_MONOTONIC, &ts);
		state ^= (uint64_t)ts.tv_sec << 32 ^ (uint64_t)ts.tv_nsec ^
			 (uint64_t)sys_getpid() << 44;
	}
	state += 0x9e3779b97f4a7c15ull;        /* splitmix64: a step, then a mix */
	z = (state ^ (state >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* ".vdso-" and 12 of [0-9a-v]: one case, for file systems that fold it. */
static void temp_name(char name[TEMP_BUF])
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
	uint64_t r = random_bits();
	size_t i, n = sizeof TEMP_PREFIX - 1;

	memcpy(name, TEMP_PREFIX, n);
	for (i = 0; i < TEMP_RANDOM; i++, r >>= 5)
		name[n + i] = digits[r & 31];
	name[n + TEMP_RANDOM] = 0;
}

/*
 * While a temporary name exists, every signal waits (the kernel never
 * holds SIGKILL and SIGSTOP: sigprocmask(2)); one that came is delivered
 * when they are released, after the clean-up.
 */
static void hold_signals(uint64_t *old)
{
	uint64_t all = ~(uint64_t)0;

	if (sys_rt_sigprocmask(SIG_BLOCK, &all, old) < 0)
		*old = 0;
}

static void release_signals(const uint64_t *old)
{
	sys_rt_sigprocmask(SIG_SETMASK, old, 0);
}

/*
 * The new file takes the old one's permission bits and, where the kernel
 * lets it, its owner and group, as cp(1) keeps them when it overwrites
 * (it writes into the old file).  chown first, since it clears
 * set-user-ID (chown(2)); and only the 0777 bits, as a write by another
 * user clears set-user-ID and set-group-ID (the kernel's
 * file_remove_privs).  An unprivileged user cannot give a file away
 * (EPERM) and keeps it: no error.
 */
static void keep_mode(int fd, const struct statx *old)
{
	if (sys_fchownat(fd, "", old->stx_uid, old->stx_gid, AT_EMPTY_PATH) < 0)
		sys_fchownat(fd, "", (unsigned)-1, old->stx_gid, AT_EMPTY_PATH);
	sys_fchmod(fd, old->stx_mode & 0777);
}

/* The bytes and the old mode, on the disk (fsync) before any name points
 * at them.  0 or -errno. */
static long fill(int fd, const void *bytes, size_t size, const struct target *t)
{
	long r = write_all(fd, bytes, size);

	if (r == 0 && t->old)
		keep_mode(fd, t->old);
	return r ? r : sys_fsync(fd);
}

/*
 * Give the unnamed file fd the name 'name': 0, -EEXIST if the name is
 * taken, -ENOENT if it cannot be done here.  linkat(2) with AT_EMPTY_PATH
 * names the file by its descriptor, which the kernel allows with
 * CAP_DAC_READ_SEARCH, and since 6.10 also to the opener of the file
 * (fs/namei.c, LOOKUP_LINKAT_EMPTY); else ENOENT.  The portable way names
 * it as /proc/self/fd/N and follows that link (AT_SYMLINK_FOLLOW): without
 * /proc (a boot's /init) that is ENOENT too.
 */
static long link_unnamed(int fd, int dir, const char *name)
{
	char proc[32] = "/proc/self/fd/";
	long r = sys_linkat(fd, "", dir, name, AT_EMPTY_PATH);

	if (r != -ENOENT)
		return r;
	proc[14 + fmt_udec(proc + 14, (uint64_t)fd)] = 0;
	return sys_linkat(AT_FDCWD, proc, dir, name, AT_SYMLINK_FOLLOW);
}

/* The temporary name, if it could not be removed (an append-only
 * directory refuses rename and unlink, chattr(1) +a): for the error line. */
char replace_left_behind[TEMP_BUF];

static void remove_temp(int dir, const char *tmp)
{
	if (sys_unlinkat(dir, tmp, 0) < 0)
		memcpy(replace_left_behind, tmp, TEMP_BUF);
}

/*
 * TMP becomes the target's name.  rename(2) replaces a name, whatever is
 * there now (another dump's file: the last one wins), and never follows a
 * link; in a sticky directory the kernel itself refuses to replace another
 * user's file (EPERM).  The link that must not be followed by hand is
 * write.c's business, before this.
 */
static long move_in(const struct target *t, const char *tmp)
{
	return sys_renameat(t->dir, tmp, t->dir, t->name);
}

/* The target exists: link under a temporary name, rename over it. */
static long link_over(int fd, const struct target *t)
{
	char tmp[TEMP_BUF];
	uint64_t old;
	long r;
	int tries = 0;

	hold_signals(&old);
	do {
		temp_name(tmp);
		r = link_unnamed(fd, t->dir, tmp);
	} while (r == -EEXIST && ++tries < TEMP_TRIES);
	if (r == 0 && (r = move_in(t, tmp)) < 0)
		remove_temp(t->dir, tmp);
	release_signals(&old);
	return r;
}

/* The O_TMPFILE way: 0, -errno, or NOT_HERE. */
static long write_unnamed(const struct target *t, const void *bytes, size_t size)
{
	long fd, r;

	/* 0644 less the umask, as for any new file (open(2)). */
	fd = sys_openat(t->dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	/* EOPNOTSUPP: a file system without it; EISDIR: a kernel before 3.11,
	 * which opens the directory (O_TMPFILE holds O_DIRECTORY); EINVAL,
	 * which some file systems and emulators give instead. */
	if (fd == -EOPNOTSUPP || fd == -EISDIR || fd == -EINVAL)
		return NOT_HERE;
	if (fd < 0)
		return fd;
	r = fill((int)fd, bytes, size, t);
	if (r == 0)
		r = link_unnamed((int)fd, t->dir, t->name);
	if (r == -EEXIST)
		r = link_over((int)fd, t);
	sys_close((int)fd);     /* synced: nothing left for close to report */
	return r == -ENOENT ? NOT_HERE : r;
}

/* The named way: a temporary, O_EXCL, renamed over the target. */
static long write_named(const struct target *t, const void *bytes, size_t size)
{
	char tmp[TEMP_BUF];
	uint64_t old;
	long fd, r, c;
	int tries = 0;

	hold_signals(&old);
	do {
		temp_name(tmp);
		fd = sys_openat(t->dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	} while (fd == -EEXIST && ++tries < TEMP_TRIES);
	if (fd < 0) {
		release_signals(&old);
		return fd;
	}
	r = fill((int)fd, bytes, size, t);
	c = sys_close((int)fd);                 /* NFS may report only here */
	if (r == 0)
		r = c;
	if (r == 0)
		r = move_in(t, tmp);
	if (r < 0)
		remove_temp(t->dir, tmp);
	release_signals(&old);
	return r;
}

/*
 * After a link or a rename the directory's entry is what must reach the
 * disk: fsync on the directory (fsync(2)).  The file is whole already, so
 * a failure is not reported: it would matter only after a power cut.
 */
static void sync_directory(int dir)
{
	long fd = sys_openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

	if (fd >= 0) {
		sys_fsync((int)fd);
		sys_close((int)fd);
	}
}

/*
 * NAME in the open directory DIR becomes a file of these bytes, whole;
 * OLD, the regular file there (or 0), gives its mode.  0 or -errno.
 */
/*
 * An append-only directory (chattr +a: FS_APPEND_FL, ioctl_iflags(2))
 * lets a name be made but never renamed over nor removed: a temporary
 * made there could not be undone.  Asked first; where the flags cannot be
 * read (not every file system has them), the error line says where a
 * temporary is left, if one is.
 */
static int append_only(int dir)
{
	long fd = sys_openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	int flags = 0;

	if (fd < 0)
		return 0;
	if (sys_ioctl((int)fd, FS_IOC_GETFLAGS, &flags) < 0)
		flags = 0;
	sys_close((int)fd);
	return (flags & (FS_APPEND_FL | FS_IMMUTABLE_FL)) != 0;
}

long replace_file(int dir, const char *name, const struct statx *old,
		  const void *bytes, size_t size)
{
	struct target t = { dir, name, old };
	long r;

	if (old && append_only(dir))    /* no rename over the old file there */
		return -EPERM;
	r = write_unnamed(&t, bytes, size);

	if (r == NOT_HERE)
		r = write_named(&t, bytes, size);
	if (r == 0)
		sync_directory(dir);
	return r;
}
