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
 * `dump --proc` and `dump --check` take the image from /proc (demo/vdso/proc.c);
 * both ways end in dump_image (demo/vdso/image.c).
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

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
