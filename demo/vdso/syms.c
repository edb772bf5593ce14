/*
 * demo/vdso/syms.c - `vdso syms`: the live vDSO's dynamic symbols, read by our
 * own reader from the image the kernel mapped (AT_SYSINFO_EHDR).
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

int cmd_syms(int argc, char **argv)
{
	int r;

	if (argc > 1)
		return usage_error("syms", argv[1], "unexpected argument");
	if (!live_vdso("syms"))
		return 1;
	r = print_symbols(&out_stdout, &vdso_image);
	if (r < 0)
		return reader_error("syms", "live vDSO", r);
	out_printf(&out_stdout, "image: 0x%lx (AT_SYSINFO_EHDR), %lu bytes by its own headers\n",
		   (unsigned long)vdso_image.bytes, (unsigned long)vdso_image.size);
	print_image_facts(&out_stdout, &vdso_image);
	return 0;
}
