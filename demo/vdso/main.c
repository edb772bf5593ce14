/*
 * demo/vdso/main.c - the command line: from the first instruction of a process
 * to the kernel's vDSO and back.  `vdso help` lists what it does.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <asm/signal.h>
#include "commands.h"

#define VERSION "0.1"

/* The calls of `vdso call` come from the arch's table (vdso/vdso.h). */
static const char usage_head[] =
	"usage: vdso [COMMAND [ARG...]]\n"
	"\n"
	"  (none)             a short summary: where the vDSO is, its symbols, one call both ways\n"
	"  tour [STEP]        the way from _start to a vDSO call, step by step (0-9 or a name:\n"
	"                     stack auxv find headers lookup call gate getrandom signal\n"
	"                     vsyscall), each with see: and try:\n"
	"  auxv               the auxiliary vector, one AT_NAME: value a line\n"
	"  syms               the live vDSO's symbols, as readelf --dyn-syms shows them\n"
	"  call [NAME...]     each vDSO function and its system call twin, side by side:\n"
	"                    ";
static const char usage_tail[] =
	"  gate               how a system call enters the kernel here (i386: AT_SYSINFO)\n"
	"  dump [FILE|-]      the live image as a file, whole or not at all, its size from\n"
	"                     its own headers (FILE: its DT_SONAME; -: standard output)\n"
	"  dump --proc [FILE|-]\n"
	"                     the same, found in /proc/self/maps, read from /proc/self/mem\n"
	"  dump --check       both ways, compared: address, size and bytes\n"
	"  read FILE|-        the reader on an image file of either class, as readelf:\n"
	"                     headers, dynamic table, versions, sections, symbols (a\n"
	"                     file is mapped, any size; a pipe or - up to 64 MiB; a FIFO\n"
	"                     nobody writes to is refused at once)\n"
	"  bench [--rounds N] [--calls N]\n"
	"                     nanoseconds per call for every path, vDSO against system\n"
	"                     call, with a bar chart (default: 11 rounds of 2000 calls)\n"
	"  check              the kernel's vDSO selftests, our way: one TAP line a check,\n"
	"                     exit status the number of failures; says if it is an emulation\n"
	"  signal             how a signal handler returns: the vDSO's sigreturn (i386)\n"
	"                     or the runtime's restorer (x86_64, SA_RESTORER)\n"
	"  vsyscall           the legacy page at 0xffffffffff600000: its mode, probed,\n"
	"                     and the cost of a call through it (x86_64)\n"
	"  map                the pages around the image ([vvar], [vvar_vclock], [vdso])\n"
	"                     and the data address __vdso_time reads\n"
	"  boot [COMMAND]     as process 1 under a kernel (make boot): the commands above,\n"
	"                     each framed for the host, then the image to /dev/ttyS1\n"
	"  help, --help       this text\n"
	"  --version          the version\n"
	"\n"
	"Environment: VDSO=off ignores the vDSO and the gate (i386's), so that every\n"
	"call is a plain system call (`" ARCH_RAW_ENTRY "` on " ARCH_NAME ").\n";

static int help(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("help", argv[1], "unexpected argument");
	unsigned i;

	out_str(&out_stdout, usage_head);
	for (i = 0; i < VDSO_NCALLS; i++)
		out_printf(&out_stdout, " %s", vdso_calls[i].name);
	out_printf(&out_stdout, "\n%s", usage_tail);
	return 0;
}

static int version(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("--version", argv[1], "unexpected argument");
	out_str(&out_stdout, "vdso " VERSION " (" ARCH_NAME ")\n");
	return 0;
}

struct command {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is the command's name */
	int live;               /* it needs the live vDSO: vdso_init first */
};

static const struct command commands[] = {
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
	{ "tour", cmd_tour, 1 },
	{ "help", help, 0 },
	{ "--help", help, 0 },
	{ "-h", help, 0 },
	{ "--version", version, 0 },
};

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
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (str_eq(argv[1], commands[i].name))
			return run(&commands[i], argc - 1, argv + 1);
	return usage_error(0, argv[1], argv[1][0] == '-' ? "unknown option"
				       : "unknown command");
}

int main(int argc, char **argv, char **envp)
{
	/* A reader that goes away (`vdso syms | head -1`) is an error to
	 * report, not a silent death by SIGPIPE: ignored, the signal becomes
	 * write(2)'s EPIPE (pipe(7)), which finish() reports in one line.
	 * Likewise SIGXFSZ past `ulimit -f`: write(2) then fails with EFBIG. */
	struct kernel_sigaction ignore = { .handler = SIG_IGN };

	(void)envp;
	sys_rt_sigaction(SIGPIPE, &ignore, 0);
	sys_rt_sigaction(SIGXFSZ, &ignore, 0);
	/* The boot mode runs only when asked for by name (demo/vdso/boot.c). */
	if (argc > 1 && str_eq(argv[1], "boot"))
		return boot_main(argc - 1, argv + 1, run_command);
	return run_command(argc, argv);
}
