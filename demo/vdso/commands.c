/*
 * demo/vdso/commands.c - the table of the tool's commands: main.c runs
 * them from it, help.c lists them from it.
 */
#include <start/start.h>
#include "commands.h"

#define VERSION "0.1"

static int version(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("--version", argv[1], "unexpected argument");
	out_str(&out_stdout, "vdso " VERSION " (" ARCH_NAME ")\n");
	return 0;
}

/* `vdso boot` runs from main, and only there (demo/vdso/boot.c): here it
 * is the answer to a boot within a boot. */
static int boot_again(int argc, char **argv)
{
	(void)argc;
	return usage_error("boot", argv[0], "not within a boot");
}

/* Every command; `vdso help` lists them from here (demo/vdso/help.c).
 * help itself is not here but in main.c: it reads this table, and a table
 * that named it would make the two need each other. */
const struct command commands[] = {
	{ "tour", cmd_tour, 1 },
	{ "auxv", cmd_auxv, 0 },
	{ "syms", cmd_syms, 1 },
	{ "call", cmd_call, 1 },
	{ "gate", cmd_gate, 1 },
	{ "dump", cmd_dump, 0 },
	{ "read", cmd_read, 0 },
	{ "bench", cmd_bench, 1 },
	{ "check", cmd_check, 1 },
	{ "signal", cmd_signal, 1 },
	{ "vsyscall", cmd_vsyscall, 1 },
	{ "map", cmd_map, 1 },
	{ "trace", cmd_trace, 1 },
	{ "boot", boot_again, 0 },
	{ "--version", version, 0 },
};
const unsigned n_commands = sizeof commands / sizeof commands[0];

