/*
 * demo/vdso/main.c - the command line: from the first instruction of a process
 * to the kernel's vDSO and back.  `vdso help` lists what it does.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <syscall/syscall.h>
#include <asm/signal.h>
#include "commands.h"

#define VERSION "0.1"

static const char usage_text[] =
	"usage: vdso [COMMAND [ARG...]]\n"
	"\n"
	"  (none)             a short summary: where the vDSO is, its symbols, one call both ways\n"
	"  auxv               the auxiliary vector, one AT_NAME: value a line\n"
	"  syms               the live vDSO's symbols, as readelf --dyn-syms shows them\n"
	"  call [NAME...]     each vDSO function and its system call twin, side by side:\n"
	"                     clock_gettime gettimeofday time clock_getres getcpu\n"
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
	"  help, --help       this text\n"
	"  --version          the version\n"
	"\n"
	"Environment: VDSO=off ignores the vDSO and the i386 gate, so that every\n"
	"call is a plain system call (`syscall`, or `int $0x80` on i386).\n";

static int help(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("help: unexpected argument", argv[1]);
	out_str(&out_stdout, usage_text);
	return 0;
}

static int version(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("--version: unexpected argument", argv[1]);
	out_str(&out_stdout, "vdso " VERSION " (" ARCH_NAME ")\n");
	return 0;
}

struct command {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is the command's name */
};

static const struct command commands[] = {
	{ "auxv", cmd_auxv },
	{ "syms", cmd_syms },
	{ "call", cmd_call },
	{ "gate", cmd_gate },
	{ "dump", cmd_dump },
	{ "read", cmd_read },
	{ "bench", cmd_bench },
	{ "help", help },
	{ "--help", help },
	{ "-h", help },
	{ "--version", version },
};

/* A usage error: one line on stderr, exit status 2. */
int usage_error(const char *what, const char *arg)
{
	out_str(&out_stderr, "vdso: ");
	out_str(&out_stderr, what);
	if (arg) {
		out_str(&out_stderr, ": ");
		out_str(&out_stderr, arg);
	}
	out_str(&out_stderr, " (try 'vdso help')\n");
	return 2;
}

/* The end of a command: what it printed must have reached its reader. */
static int finish(int status)
{
	if (out_flush(&out_stdout) < 0) {
		errno_report("vdso", "standard output", out_stdout.error);
		return status ? status : 1;
	}
	return status;
}

/*
 * The command line: argv as main gets it (argv[0] the program's name,
 * argv[1] the command; none is the summary).  main calls it, and so does
 * init mode (demo/vdso/init.c) for each of its steps.
 */
int run_command(int argc, char **argv)
{
	unsigned i;

	if (argc < 2)
		return finish(cmd_summary(argc - 1, argv + 1));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (str_eq(argv[1], commands[i].name))
			return finish(commands[i].run(argc - 1, argv + 1));
	if (argv[1][0] == '-')
		return usage_error("unknown option", argv[1]);
	return usage_error("unknown command", argv[1]);
}

int main(int argc, char **argv, char **envp)
{
	/* A reader that goes away (`vdso syms | head -1`) is an error to
	 * report, not a silent death by SIGPIPE: ignored, the signal becomes
	 * write(2)'s EPIPE (pipe(7)), which finish() reports in one line. */
	struct kernel_sigaction ignore = { .handler = SIG_IGN };

	(void)envp;
	sys_rt_sigaction(SIGPIPE, &ignore, 0);
	calls_init();   /* the vDSO, the call table and the i386 gate, once */
	/* Process 1: the kernel ran us as /init (make boot; demo/vdso/init.c). */
	if (sys_getpid() == 1)
		return init_main(argc, argv);
	return run_command(argc, argv);
}
