/*
 * demo/vdso/write.c - a file written whole or not at all: how `vdso dump
 * FILE` writes (demo/vdso/dump.c).  What FILE is decides the way:
 *
 *   "-"                       standard output, as a stream
 *   a directory               EISDIR: not a place to write into
 *   a FIFO, terminal, device  written through, as the shell's `>` writes
 *   /proc/self/fd/N of a      written through too: the link's text ("x
 *   file with no name left    (deleted)", "/memfd:y (deleted)") is no name
 *                             to replace
 *   a regular file, or none   replaced whole, by name: demo/vdso/replace.c
 */
#include <lib/lib.h>
#include <asm/signal.h>
#include "commands.h"

#define PATH_BUF 4096           /* PATH_MAX, its NUL included */

/* To a stream: standard output, a FIFO, a device.  0, or 1 after one line. */
static int write_stream(const char *what, const char *name, int fd,
			const void *bytes, size_t size)
{
	long r = write_all(fd, bytes, size);

	return r < 0 ? file_error(what, name, r) : 0;
}

/*
 * Through the file as it is, as the shell's `>` writes: O_TRUNC, no
 * rename.  O_NONBLOCK for the open only: a FIFO with no reader then says
 * ENXIO at once instead of waiting for one (fifo(7)), and a serial line
 * does not wait for its carrier; then the writes block as usual.
 */
static int write_through(const char *what, const char *file, int fifo,
			 const void *bytes, size_t size)
{
	long fd, flags;
	int status;

	fd = sys_openat(AT_FDCWD, file, O_WRONLY | O_TRUNC | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
	if (fd == -ENXIO && fifo)
		return report(what, file, "ENXIO", "a FIFO with no reader: start the reader first");
	if (fd < 0)
		return file_error(what, file, fd);
	flags = sys_fcntl((int)fd, F_GETFL, 0);
	if (flags >= 0)
		flags = sys_fcntl((int)fd, F_SETFL, flags & ~O_NONBLOCK);
	if (flags < 0)
		status = file_error(what, file, flags);
	else
		status = write_stream(what, file, (int)fd, bytes, size);
	sys_close((int)fd);
	return status;
}

/*
 * rename(2) and linkat(2) act on the name they are given: a symbolic link
 * would be replaced by the file, not written through.  So the name is
 * first followed, link by link, to the name of the file itself, as the
 * kernel would (at most 40 links: MAXSYMLINKS, include/linux/namei.h).
 */
static long follow_links(const char *file, char *path, size_t cap)
{
	static char link[PATH_BUF];
	size_t len = strlen(file), dirlen, i;
	long n;
	int hops;

	if (len >= cap)
		return -ENAMETOOLONG;
	memcpy(path, file, len + 1);
	for (hops = 0; hops < 40; hops++) {
		n = sys_readlinkat(AT_FDCWD, path, link, sizeof link);
		if (n == -EINVAL || n == -ENOENT)
			return 0;       /* no link (or no file yet): this is the name */
		if (n < 0)
			return n;
		/* A relative link is relative to the directory holding it. */
		for (dirlen = 0, i = 0; path[i]; i++)
			if (path[i] == '/')
				dirlen = i + 1;
		if (link[0] == '/')
			dirlen = 0;
		if (dirlen + (size_t)n >= cap)
			return -ENAMETOOLONG;
		memcpy(path + dirlen, link, (size_t)n);
		path[dirlen + (size_t)n] = 0;
	}
	return -ELOOP;
}

/*
 * Does the name 'path' (no link) reach the file st describes?  Not when a
 * link of the kernel's was on the way: /proc/self/fd/N of a deleted file
 * or a memfd reads "/tmp/x (deleted)" or "/memfd:y (deleted)", a text
 * that names no file, or names another (proc(5), /proc/pid/fd).
 */
static int same_file(const char *path, const struct statx *st)
{
	struct statx at;

	return sys_statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_INO, &at) == 0 &&
	       at.stx_ino == st->stx_ino && at.stx_dev_major == st->stx_dev_major &&
	       at.stx_dev_minor == st->stx_dev_minor;
}

/*
 * Write size bytes as FILE, whole or not at all; "-" is standard output.
 * 0, or 1 after one line on stderr.
 */
int dump_write(const char *what, const char *file, const void *bytes, size_t size)
{
	static char path[PATH_BUF], dir[PATH_BUF];
	struct statx st;
	size_t dirlen = 0, i;
	int exists;
	long r, fd;

	/* A file size limit (RLIMIT_FSIZE) then makes write fail with EFBIG
	 * rather than end the program (setrlimit(2)). */
	sys_signal_ignore(SIGXFSZ);
	if (str_eq(file, "-"))
		return write_stream(what, "standard output", 1, bytes, size);
	if (!*file)                     /* as open(2) answers an empty name */
		return file_error(what, file, -ENOENT);
	/* What the name reaches through every link, as open(2) would. */
	r = sys_statx(AT_FDCWD, file, 0, STATX_BASIC_STATS, &st);
	if (r == 0 && S_ISDIR(st.stx_mode))
		return file_error(what, file, -EISDIR);
	if (r == 0 && !S_ISREG(st.stx_mode))
		return write_through(what, file, S_ISFIFO(st.stx_mode), bytes, size);
	if (r < 0 && r != -ENOENT)      /* ENOENT: a new file, fine */
		return file_error(what, file, r);
	exists = r == 0;
	if ((r = follow_links(file, path, sizeof path)) < 0)
		return file_error(what, file, r);
	if (!exists && !str_eq(path, file)) {
		/* No file, yet a link on the way: a link to nothing, or one
		 * planted since the statx above (a world-writable directory).
		 * A link is followed only where the kernel's own lookup follows
		 * it (fs.protected_symlinks, fs/namei.c may_follow_link), to a
		 * file it reaches: never by hand to a name the kernel refused. */
		r = sys_statx(AT_FDCWD, file, 0, STATX_BASIC_STATS, &st);
		if (r == -ENOENT)
			return report(what, file, "ENOENT", "a symbolic link to no file: not followed");
		if (r < 0)
			return file_error(what, file, r);
		if (!S_ISREG(st.stx_mode) || !same_file(path, &st))
			return report(what, file, "EAGAIN", "it changed while it was looked up");
		exists = 1;
	}
	if (exists && !same_file(path, &st))    /* no name to replace */
		return write_through(what, file, 0, bytes, size);

	/* DIR/NAME: the directory opened once, the name looked up in it. */
	for (i = 0; path[i]; i++)
		if (path[i] == '/')
			dirlen = i + 1;
	if (!path[dirlen])              /* "x/": a directory's name */
		return file_error(what, file, -EISDIR);
	memcpy(dir, path, dirlen);
	dir[dirlen] = 0;
	fd = sys_openat(AT_FDCWD, dirlen ? dir : ".", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	if (fd < 0)
		return file_error(what, file, fd);
	r = replace_file((int)fd, path + dirlen, exists ? &st : 0, bytes, size);
	sys_close((int)fd);
	if (replace_left_behind[0]) {   /* say where it is: one line, still */
		static const char note[] = ": the directory does not let it be removed";
		static char left[sizeof "a copy is left as " + PATH_BUF + 32 + sizeof note];
		size_t n = 18, k = strlen(dir);

		memcpy(left, "a copy is left as ", n);
		memcpy(left + n, dir, k);
		n += k;
		k = strlen(replace_left_behind);
		memcpy(left + n, replace_left_behind, k);
		memcpy(left + n + k, note, sizeof note);
		for (k = 0; left[k]; k++)       /* one line: no control byte */
			if ((unsigned char)left[k] < 0x20 || left[k] == 0x7f)
				left[k] = '?';
		return report(what, file, r < 0 ? errno_name((int)r) : "written", left);
	}
	return r < 0 ? file_error(what, file, r) : 0;
}
