/*
 * tests/bench/resolve.c - what vdso_init costs, against two parsers that
 * check nothing, on this process's own vDSO: the kernel's reference
 * parser's algorithm (reference.c), and a naive one (naive.c).
 *
 * Run under the single-step counter (count.c), which counts the
 * instructions between markers, getppid(2) system calls:
 *
 *   marker; the open alone: vdso_find and elf_open, as vdso_init begins,
 *   on an image of its own (mark 2); vdso_init: find, open and validate
 *   the image, resolve every function of the arch's table (mark 3); the
 *   naive parser's open (mark 4) and its lookups, the same as vdso_init's,
 *   trusting the image (mark 5); the reference parser's init (mark 6) and
 *   its lookups (mark 7)
 *
 * so `count build/bench/<arch>/resolve` prints "mark 3 N" for ours, the
 * sum of marks 4 and 5 for the naive one, of 6 and 7 for the reference;
 * each mark has one marker call in it (and vdso_init's lookups are mark 3
 * less mark 2).  Then
 * the three must have found the same functions (exit 1 if not), and the
 * program says which.  Built with the project's flags against
 * libruntime.a (run.sh), so the code counted is the code the programs run.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include "naive.h"
#include "reference.h"


static void mark(void)
{
	sys_call(__NR_getppid, 0, 0, 0, 0, 0, 0);
}

int main(int argc, char **argv, char **envp)
{
	void *fn[VDSO_NCALLS], *ref[VDSO_NCALLS];
	static struct elf_image img;
	const unsigned char *image;
	const char *why;
	size_t size;
	unsigned long ehdr;
	unsigned i, same = 1;

	(void)argc, (void)argv, (void)envp;
	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr) {
		out_str(&out_stderr, "resolve: no vDSO here (AT_SYSINFO_EHDR)\n");
		out_flush(&out_stderr);
		return 1;
	}
	mark();
	if (vdso_find(&image, &size, &why) == 0)
		elf_open(&img, image, size, ELF_ACCEPT(ARCH_ELF_CLASS, ARCH_ELF_MACHINE));
	mark();
	vdso_init();
	mark();
	naive_resolve(ehdr, fn, mark);
	mark();
	reference_resolve(ehdr, ref, mark);
	mark();

	for (i = 0; i < VDSO_NCALLS; i++)
		same &= fn[i] == vdso_calls[i].fn && ref[i] == vdso_calls[i].fn;
	out_str(&out_stdout, same ? "same functions:" : "DIFFERENT functions:");
	for (i = 0; i < VDSO_NCALLS; i++) {
		out_char(&out_stdout, ' ');
		out_str(&out_stdout, vdso_calls[i].symbol ? vdso_calls[i].symbol : "-");
	}
	out_char(&out_stdout, '\n');
	out_flush(&out_stdout);
	return !same;
}
