/*
 * demo/vdso/dump.c - `vdso dump [FILE|-]`: the live vDSO image, as a file.
 *
 * vdso_find (vdso/find.c) gives the image and its size by its own
 * headers: no /proc is needed, and the [vvar] pages beside the image,
 * some of which raise SIGBUS when read, are never touched.
 *
 * The file appears whole or not at all, and nothing is left behind
 * (demo/vdso/write.c: an unnamed file, linked in when it is complete).
 *
 * `dump --proc` and `dump --check` take the image from /proc (demo/vdso/proc.c).
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

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

/*
 * The end of every dump: FILE (default: the image's DT_SONAME) written
 * whole or not at all, then what was written, from where, on stderr, so
 * that `vdso dump -` leaves standard output clean (the name escaped, one
 * line, as in an error).  0, or 1.
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
	out_escaped(&out_stderr, str_eq(file, "-") ? "standard output" : file);
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
