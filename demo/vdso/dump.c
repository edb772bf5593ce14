/*
 * demo/vdso/dump.c - `vdso dump [FILE|-]`: the live vDSO image, as a file.
 *
 * vdso_find (vdso/find.c) gives the image and its size by its own
 * headers: no /proc is needed, and the [vvar] pages beside the image,
 * some of which raise SIGBUS when read, are never touched.
 *
 * The file appears whole or not at all.  The bytes go to a temporary file
 * in the target's directory, which is synced and then renamed over the
 * target: rename(2) replaces it in one step (POSIX, rename()).  Any failure
 * removes the temporary and leaves the target as it was.
 *
 * `dump --proc` and `dump --check` take the image from /proc (demo/vdso/proc.c).
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <asm/signal.h>
#include "commands.h"

#define PATH_BUF 4160           /* PATH_MAX (4096) and room for ".PID.tmp" */

/* A name that is safe as a file name in the current directory: no '/',
 * not "." or "..", printable, not too long (NAME_MAX, 255). */
static int plain_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 255 || str_eq(s, ".") || str_eq(s, ".."))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == '/' || s[i] <= ' ' || s[i] > '~')
			return 0;
	return 1;
}

/* The default file name: the image's DT_SONAME (linux-vdso.so.1 on
 * x86_64, linux-gate.so.1 on i386), unless it is no plain name. */
const char *dump_default_name(const void *bytes, size_t size)
{
	static struct elf_image img;   /* the name points into the bytes */
	const char *name;

	if (elf_open(&img, bytes, size, ELF_ANY_CLASS) < 0)
		return "vdso.so";
	name = elf_soname(&img);
	return name && plain_name(name) ? name : "vdso.so";
}

/* ---- writing whole or not at all ---------------------------------------------- */

/* All n bytes to fd, over short writes and EINTR.  0 or -errno. */
static long write_all(int fd, const unsigned char *p, size_t n)
{
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

/* "DIR/.BASE.PID.tmp" for "DIR/BASE": in the target's directory, since
 * rename(2) cannot cross file systems (EXDEV).  *dirlen: DIR's length. */
static long temp_name(char *buf, size_t cap, const char *file, size_t *dirlen)
{
	const char *base = file, *p;
	char pid[20];
	size_t n, baselen, pidlen;

	for (p = file; *p; p++)
		if (*p == '/')
			base = p + 1;
	*dirlen = (size_t)(base - file);
	baselen = strlen(base);
	pidlen = (size_t)fmt_udec(pid, (uint64_t)sys_getpid());
	if (*dirlen + baselen + pidlen + 7 > cap)
		return -ENAMETOOLONG;
	memcpy(buf, file, *dirlen);
	n = *dirlen;
	buf[n++] = '.';
	memcpy(buf + n, base, baselen);
	n += baselen;
	buf[n++] = '.';
	memcpy(buf + n, pid, pidlen);
	n += pidlen;
	memcpy(buf + n, ".tmp", 5);
	return 0;
}

/*
 * rename(2) replaces the name it is given: a symbolic link would be
 * replaced by the file, not written through (and /dev/stdout, a link to
 * /proc/self/fd/1, would become a file).  So the name is first followed,
 * link by link, to the name of the file itself, as the kernel would
 * (at most 40 links: MAXSYMLINKS, the kernel's include/linux/namei.h).
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
 * After the rename, the directory's own entry is what must reach the disk:
 * fsync on the directory (fsync(2): "an explicit fsync() on a file
 * descriptor for the directory is also needed").  The file is already
 * whole, so a failure here is not reported: it would only matter after a
 * power cut.
 */
static void sync_directory(char *tmp, size_t dirlen)
{
	long fd;

	tmp[dirlen] = 0;        /* "DIR/", or "" for the current directory */
	fd = sys_openat(AT_FDCWD, dirlen ? tmp : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (fd >= 0) {
		sys_fsync((int)fd);
		sys_close((int)fd);
	}
}

/*
 * While the temporary exists, the signals that end a program from a
 * terminal or kill(1) wait: they are blocked, and come when unblocked,
 * after the clean-up.  SIGXFSZ is ignored, so that a file size limit
 * (RLIMIT_FSIZE) makes write fail with EFBIG rather than end the program
 * (setrlimit(2)).  SIGKILL cannot be held; nothing can clean up after it.
 */
#define SIGBIT(s) ((uint64_t)1 << ((s) - 1))

static void hold_signals(uint64_t *old)
{
	struct kernel_sigaction ignore = { .handler = SIG_IGN };
	uint64_t set = SIGBIT(SIGHUP) | SIGBIT(SIGINT) | SIGBIT(SIGQUIT) | SIGBIT(SIGTERM);

	sys_rt_sigaction(SIGXFSZ, &ignore, 0);
	if (sys_rt_sigprocmask(SIG_BLOCK, &set, old) < 0)
		*old = 0;
}

static void release_signals(const uint64_t *old)
{
	sys_rt_sigprocmask(SIG_SETMASK, old, 0);
}

/* To a stream: standard output ("-"), or a device or pipe that exists. */
static int write_stream(const char *what, const char *name, int fd,
			const void *bytes, size_t size)
{
	long r = write_all(fd, bytes, size);

	return r < 0 ? file_error(what, name, r) : 0;
}

/*
 * Write size bytes as FILE, whole or not at all; "-" is standard output.
 * A FILE that is a directory is an error (EISDIR), not a place to write
 * into; one that is a device or a pipe gets the bytes as a stream (a rename
 * would replace the device node itself).  0, or 1 after one line on stderr.
 */
int dump_write(const char *what, const char *file, const void *bytes, size_t size)
{
	static char path[PATH_BUF], tmp[PATH_BUF];
	struct statx st;
	uint64_t old;
	size_t dirlen;
	long r, fd, c;

	if (str_eq(file, "-"))
		return write_stream(what, "standard output", 1, bytes, size);
	r = sys_statx(AT_FDCWD, file, 0, STATX_TYPE, &st);
	if (r == 0 && S_ISDIR(st.stx_mode))
		return file_error(what, file, -EISDIR);
	if (r == 0 && !S_ISREG(st.stx_mode)) {
		fd = sys_openat(AT_FDCWD, file, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
		if (fd < 0)
			return file_error(what, file, fd);
		r = write_stream(what, file, (int)fd, bytes, size);
		sys_close((int)fd);
		return (int)r;
	}
	if (r < 0 && r != -ENOENT)      /* ENOENT: a new file, fine */
		return file_error(what, file, r);
	if ((r = follow_links(file, path, sizeof path)) < 0 ||
	    (r = temp_name(tmp, sizeof tmp, path, &dirlen)) < 0)
		return file_error(what, file, r);

	hold_signals(&old);
	/* O_EXCL: never through a file or a link that is already there.
	 * 0644 less the umask, as for any new file (open(2)). */
	fd = sys_openat(AT_FDCWD, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		release_signals(&old);
		return file_error(what, fd == -EEXIST ? tmp : file, fd);
	}
	r = write_all((int)fd, bytes, size);
	if (r == 0)
		r = sys_fsync((int)fd);         /* the bytes on the disk first */
	c = sys_close((int)fd);                 /* NFS may report only here */
	if (r == 0)
		r = c;
	if (r == 0)
		r = sys_renameat(AT_FDCWD, tmp, AT_FDCWD, path);
	if (r < 0)
		sys_unlinkat(AT_FDCWD, tmp, 0);
	else
		sync_directory(tmp, dirlen);
	release_signals(&old);
	return r < 0 ? file_error(what, file, r) : 0;
}

/*
 * The end of every dump: FILE (default: the image's DT_SONAME) written
 * whole or not at all, then what was written, from where, on stderr, so
 * that `vdso dump -` leaves standard output clean.  0, or 1.
 */
int dump_image(const char *what, const char *file, const void *bytes, size_t size,
	       uintptr_t from, const char *source)
{
	if (!file)
		file = dump_default_name(bytes, size);
	if (dump_write(what, file, bytes, size))
		return 1;
	out_str(&out_stderr, what);
	out_str(&out_stderr, ": ");
	out_str(&out_stderr, str_eq(file, "-") ? "standard output" : file);
	out_str(&out_stderr, ": ");
	out_udec(&out_stderr, size);
	out_str(&out_stderr, " bytes from 0x");
	out_hex(&out_stderr, from, 0);
	out_str(&out_stderr, " (");
	out_str(&out_stderr, source);
	out_str(&out_stderr, ")\n");
	return 0;
}

/* ---- the command ---------------------------------------------------------------- */

int cmd_dump(int argc, char **argv)
{
	const unsigned char *image;
	const char *file = 0, *why;
	size_t size;
	int proc = 0, check = 0, i;

	for (i = 1; i < argc; i++) {
		if (str_eq(argv[i], "--proc"))
			proc = 1;
		else if (str_eq(argv[i], "--check"))
			check = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return usage_error("dump", argv[i], "unknown option");
		else if (file)
			return usage_error("dump", argv[i], "one file at most");
		else
			file = argv[i];
	}
	if (check && (proc || file))
		return usage_error("dump", proc ? "--proc" : file, "--check writes no file");
	if (check)
		return dump_check();
	if (proc)
		return dump_proc(file);

	if (vdso_find(&image, &size, &why) < 0) {
		return report("dump", 0, "no vDSO", why);
	}
	return dump_image("dump", file, image, size, (uintptr_t)image,
			  "AT_SYSINFO_EHDR; the size from the image's own headers");
}
