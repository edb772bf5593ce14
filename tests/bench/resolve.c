/*
 * tests/bench/resolve.c - what vdso_init costs, against a parser that
 * checks nothing (naive.c), on this process's own vDSO.
 *
 * Run under the single-step counter (count.c), which counts the
 * instructions between markers, getppid(2) system calls:
 *
 *   marker, vdso_init (find, open and validate the image, resolve every
 *   function of the arch's table), marker, naive_resolve (the same
 *   lookups, trusting the image), marker
 *
 * so `count build/bench/<arch>/resolve` prints "mark 2 N" for ours and
 * "mark 3 N" for the naive one, each with one marker call in it.  Then
 * the two must have found the same functions (exit 1 if not), and the
 * program says which.  Built with the project's flags against
 * libruntime.a (run.sh), so the code counted is the code the programs run.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include "naive.h"


static void mark(void)
{
	sys_call(__NR_getppid, 0, 0, 0, 0, 0, 0);
}

int main(int argc, char **argv, char **envp)
{
	void *fn[VDSO_NCALLS];
	unsigned long ehdr;
	unsigned i, same = 1;

	(void)argc, (void)argv, (void)envp;
	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr) {
		out_str(&out_stderr, "resolve: no vDSO here (AT_SYSINFO_EHDR)\n");
		out_flush(&out_stderr);
		return 1;
	}
	mark();
	vdso_init();
	mark();
	naive_resolve(ehdr, fn);
	mark();

	for (i = 0; i < VDSO_NCALLS; i++)
		same &= fn[i] == vdso_calls[i].fn;
	out_str(&out_stdout, same ? "same functions:" : "DIFFERENT functions:");
	for (i = 0; i < VDSO_NCALLS; i++) {
		out_char(&out_stdout, ' ');
		out_str(&out_stdout, vdso_calls[i].symbol ? vdso_calls[i].symbol : "-");
	}
	out_char(&out_stdout, '\n');
	out_flush(&out_stdout);
	return !same;
}
