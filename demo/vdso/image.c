/*
 * demo/vdso/image.c - the end of every dump, from the live image
 * (demo/vdso/dump.c) or from /proc (demo/vdso/proc.c): the file's default
 * name, the image written whole or not at all (demo/vdso/write.c), and one
 * line on stderr that says what was written from where.
 */
#include <lib/lib.h>
#include <elf/read.h>
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

	if (elf_open(&img, bytes, size, ELF_ACCEPT_ANY) < 0)
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
