/* demo/summary.c - `vdso` with no arguments: a short summary. */
#include <lib/lib.h>
#include <start/start.h>
#include "commands.h"

int cmd_summary(int argc, char **argv)
{
	(void)argc, (void)argv;
	out_str(&out_stdout, "vdso: summary not yet written\n");
	return 0;
}
