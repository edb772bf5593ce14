/*
 * demo/vdso/main.c - the command line: from the first instruction of a process
 * to the kernel's vDSO and back.  `vdso help` lists what it does.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <asm/signal.h>
#include "commands.h"

static const struct command summary = { "", cmd_summary, 1 };

/* The end of a command: what it printed must have reached its reader. */
static int finish(int status)
{
	if (out_flush(&out_stdout) < 0) {
		file_error(0, "standard output", out_stdout.error);
		return status ? status : 1;
	}
	return status;
}

/* One command, with the vDSO and the i386 gate made ready first if it
 * needs them (vdso_init); the others never touch them. */
static int run(const struct command *c, int argc, char **argv)
{
	if (c->live)
		vdso_init();
	return finish(c->run(argc, argv));
}

/* `vdso CMD --help` (or -h) asks for CMD's part of the manual. */
static int asks_help(int argc, char **argv)
{
	return argc > 2 && argv[1][0] != '-' &&
	       (str_eq(argv[2], "--help") || str_eq(argv[2], "-h"));
}

/*
 * The command line: argv as main gets it (argv[0] the program's name,
 * argv[1] the command; none is the summary).  main calls it, and so does
 * the boot mode (demo/vdso/boot.c) for each of its steps.
 */
static int run_command(int argc, char **argv)
{
	unsigned i;

	if (argc < 2)
		return run(&summary, argc - 1, argv + 1);
	if (is_help(argv[1]))
		return finish(asks_help(argc, argv) ? help_command(argv[1])
						    : cmd_help(argc - 1, argv + 1));
	for (i = 0; i < n_commands; i++)
		if (str_eq(argv[1], commands[i].name))
			return asks_help(argc, argv) ? finish(help_command(argv[1]))
						     : run(&commands[i], argc - 1, argv + 1);
	return usage_error(0, argv[1], argv[1][0] == '-' ? "unknown option"
				       : "unknown command");
}

int main(int argc, char **argv, char **envp)
{
	/* A reader that goes away (`vdso syms | head -1`) is an error to
	 * report, not a silent death by SIGPIPE: ignored, the signal becomes
	 * write(2)'s EPIPE (pipe(7)), which finish() reports in one line.
	 * Likewise SIGXFSZ past `ulimit -f`: write(2) then fails with EFBIG. */
	(void)envp;
	sys_signal_ignore(SIGPIPE);     /* or blocked, where that is refused */
	sys_signal_ignore(SIGXFSZ);
	/* The boot mode runs only when asked for by name (demo/vdso/boot.c). */
	if (argc > 1 && str_eq(argv[1], "boot") && !asks_help(argc, argv))
		return boot_main(argc - 1, argv + 1, run_command);
	return run_command(argc, argv);
}
