/*
 * tests/unit/t_start.c - the stack split, against what we were started with.
 *
 * Usage: t_start ARGC ENVC [ARGS...]: the script says how many arguments
 * and environment strings it passed; the program prints what start_c found,
 * one "argv[i]=..." and "envp[i]=..." a line, which the script compares
 * with what it passed.
 */
#include <start/start.h>
#include <linux/auxvec.h>
#include "check.h"

static const char *const words[] = { "alpha", "beta" };

int main(int argc, char **argv, char **envp)
{
	/* volatile: read the table at run time, not what the compiler knows */
	const char *const *volatile table = words;
	uint64_t want_argc = 0, want_envc = 0, envc = 0;
	unsigned long v;
	char **e;
	int i;

	if (argc == 2 && str_eq(argv[1], "relro")) {
		((const char **)table)[0] = "written";  /* must fault */
		return 0;
	}
	check(str_eq(table[0], "alpha") && str_eq(table[1], "beta"),
	      "a table of pointers points where it should (relocated)");
	check(argc >= 3 && parse_u64(argv[1], &want_argc) == 0 &&
	      parse_u64(argv[2], &want_envc) == 0, "arguments parse");
	check_num(argc, (int64_t)want_argc, "argc as passed");
	check(argv == start_argv && envp == start_envp && argc == start_argc,
	      "main's arguments are start_c's");
	check(argv[argc] == 0, "argv ends with NULL");
	for (e = envp; *e; e++)
		envc++;
	check_num((int64_t)envc, (int64_t)want_envc, "envc as passed");
	check(start_auxv == (unsigned long *)(e + 1), "auxv follows envp's NULL");

	/* Values every Linux gives: the page size, and AT_EXECFN, the path
	 * the program was executed by (printed: the script compares it with
	 * argv[0] as files, for QEMU 10 makes it absolute). */
	check(auxv_get(AT_PAGESZ, &v) && v == 4096, "AT_PAGESZ is 4096");
	check(auxv_get(AT_EXECFN, &v) && v != 0, "AT_EXECFN present");
	out_str(&out_stdout, "# execfn=");
	out_str(&out_stdout, (const char *)v);
	out_char(&out_stdout, '\n');
	check(auxv_get(AT_PHDR, &v) && v != 0, "AT_PHDR present");
	/* absent is not 0: AT_SECURE is 0 and present; type 999 absent */
	check(auxv_get(AT_SECURE, &v) == 1 && v == 0, "AT_SECURE present and 0");
	v = 12345;
	check(auxv_get(999, &v) == 0 && v == 12345, "absent type: not found, value untouched");

	for (i = 0; i < argc; i++) {
		out_str(&out_stdout, "# argv[");
		out_dec(&out_stdout, i);
		out_str(&out_stdout, "]=");
		out_str(&out_stdout, argv[i]);
		out_char(&out_stdout, '\n');
	}
	for (i = 0; envp[i]; i++) {
		out_str(&out_stdout, "# envp[");
		out_dec(&out_stdout, i);
		out_str(&out_stdout, "]=");
		out_str(&out_stdout, envp[i]);
		out_char(&out_stdout, '\n');
	}
	return check_done();
}
