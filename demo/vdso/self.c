/*
 * demo/vdso/self.c - what a try: line calls this program and its lessons,
 * so that every try: line runs as written.
 *
 * The tool is `vdso` (or `vdso32`) only where that name finds this very
 * program: the shell's PATH lookup, done here (the first executable
 * DIR/NAME of $PATH, an empty DIR meaning the current folder), and the
 * file found compared with our own by device and inode.  Anywhere else,
 * a build tree or a copy, it is the path it was run as: AT_EXECFN, the
 * name execve(2) was given (fs/binfmt_elf.c puts it on the stack).
 *
 * The lessons sit beside the tool in the build tree (build/<arch>/stack);
 * an installed tool in PREFIX/bin has them in PREFIX/libexec/vdso/<arch>/
 * (the Makefile's install).  Both are tried, by looking: the folder that
 * holds `stack` wins.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <syscall/syscall.h>
#include <linux/auxvec.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include "commands.h"

#define PATH_BUF 4096           /* PATH_MAX, its NUL included */

static const char *own_path(void)
{
	unsigned long v;

	return auxv_get(AT_EXECFN, &v) && v ? (const char *)v : "vdso";
}

/* dst = a + b, cut to fit; the length. */
static size_t join(char *dst, size_t size, const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);

	if (alen + blen + 1 > size)
		return 0;
	memcpy(dst, a, alen);
	memcpy(dst + alen, b, blen + 1);
	return alen + blen;
}

static int same_file(const struct statx *a, const struct statx *b)
{
	return a->stx_ino == b->stx_ino && a->stx_dev_major == b->stx_dev_major &&
	       a->stx_dev_minor == b->stx_dev_minor;
}

/* The shell's lookup of NAME in $PATH: the first executable regular file
 * DIR/NAME, its path in buf and its statx in *st; 0 if none. */
int path_lookup(const char *name, char *buf, size_t size, struct statx *st)
{
	const char *dirs = env_get("PATH"), *end;
	size_t n;

	for (; dirs && *dirs; dirs = *end ? end + 1 : end) {
		for (end = dirs; *end && *end != ':'; end++)
			;
		n = end > dirs ? join(buf, size, dirs, (size_t)(end - dirs), "/")
			       : join(buf, size, "./", 2, "");
		if (n == 0 || !join(buf + n, size - n, name, strlen(name), ""))
			continue;
		if (sys_statx(AT_FDCWD, buf, 0, STATX_TYPE | STATX_MODE | STATX_INO, st) < 0 ||
		    !S_ISREG(st->stx_mode) || !(st->stx_mode & 0111))
			continue;
		return 1;
	}
	return 0;
}

/* Does the shell's lookup of NAME in $PATH find the file of *self? */
static int path_finds(const char *name, const struct statx *self)
{
	char buf[PATH_BUF];
	struct statx st;

	return path_lookup(name, buf, sizeof buf, &st) && same_file(&st, self);
}

const char *tool_name(void)
{
	static char dot_slash[PATH_BUF];
	const char *path = own_path(), *base = path, *p;
	struct statx self;

	for (p = path; *p; p++)
		if (*p == '/')
			base = p + 1;
	if (sys_statx(AT_FDCWD, path, 0, STATX_INO, &self) == 0 && path_finds(base, &self))
		return base;
	/* Run as a bare NAME from the current folder: a shell needs ./NAME. */
	if (base == path && join(dot_slash, sizeof dot_slash, "./", 2, path))
		return dot_slash;
	return path;
}

const char *lesson_dir(void)
{
	static char dir[PATH_BUF];
	const char *path = own_path(), *slash = 0, *p;
	char probe[PATH_BUF];
	struct statx st;
	size_t n;

	for (p = path; *p; p++)
		if (*p == '/')
			slash = p;
	if (!slash)
		return "./";
	n = (size_t)(slash - path) + 1;         /* "build/x86_64/" */
	/* PREFIX/bin/ -> PREFIX/libexec/vdso/ARCH/ */
	if (n >= 4 && memcmp(path + n - 4, "bin/", 4) == 0 && (n == 4 || path[n - 5] == '/') &&
	    join(dir, sizeof dir, path, n - 4, "libexec/vdso/" ARCH_NAME "/") &&
	    join(probe, sizeof probe, dir, strlen(dir), "stack") &&
	    sys_statx(AT_FDCWD, probe, 0, STATX_TYPE, &st) == 0)
		return dir;
	if (!join(dir, sizeof dir, path, n, ""))
		return "./";
	return dir;
}

/* "try: " and the text, "%V" the tool and "%L" the lessons' folder. */
void print_try(struct out *o, const char *text)
{
	const char *tool = tool_name(), *lessons = lesson_dir();

	out_str(o, "try: ");
	for (; *text; text++) {
		if (text[0] == '%' && text[1] == 'V')
			out_str(o, tool), text++;
		else if (text[0] == '%' && text[1] == 'L')
			out_str(o, lessons), text++;
		else
			out_char(o, *text);
	}
	out_char(o, '\n');
}
