/*
 * demo/vdso/auxv.c - `vdso auxv`: the auxiliary vector, as the kernel left it.
 *
 * One "AT_NAME: value" a line, in the style of glibc's LD_SHOW_AUXV=1:
 * strings as strings, addresses and flags in hex, numbers in decimal, and
 * AT_RANDOM's 16 bytes shown after its address.  A type without a name is
 * printed by number, never dropped.
 */
#include <lib/lib.h>
#include <start/start.h>
#include "commands.h"

static void print_value(struct out *o, unsigned long type, unsigned long v)
{
	const unsigned char *bytes = (const unsigned char *)v;
	int i;

	switch (auxv_kind(type)) {
	case AUXV_STR:
		if (auxv_valid(type, v))
			out_escaped(o, (const char *)v);
		else
			out_printf(o, "0x%lx (not a string on the stack: not read)", v);
		break;
	case AUXV_DEC:
		out_printf(o, "%lu", v);
		if (!auxv_valid(type, v))       /* AT_PAGESZ 3: never used */
			out_str(o, " (not valid: not used)");
		break;
	case AUXV_BYTES16:      /* AT_RANDOM: the address, then the bytes */
		out_printf(o, "0x%lx", v);
		if (!auxv_valid(type, v))
			out_str(o, " (not 16 bytes on the stack: not read)");
		else {
			out_str(o, " [");
			for (i = 0; i < 16; i++)
				out_printf(o, "%02x", bytes[i]);
			out_char(o, ']');
		}
		break;
	default:
		out_printf(o, "0x%lx", v);
	}
}

int cmd_auxv(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned long *a;

	if (argc > 1)
		return usage_error("auxv", argv[1], "unexpected argument");
	for (a = start_auxv; a[0] != 0; a += 2) {
		const char *name = auxv_name(a[0]);
		char field[24];
		int n;

		if (name) {
			n = (int)strlen(name);
			memcpy(field, name, (size_t)n);
		} else {        /* unknown: by number, as "AT_<n>" */
			memcpy(field, "AT_", 3);
			n = 3 + fmt_udec(field + 3, a[0]);
		}
		field[n++] = ':';
		field[n] = 0;
		out_printf(o, "%-22s", field);
		print_value(o, a[0], a[1]);
		out_char(o, '\n');
	}
	return 0;
}
