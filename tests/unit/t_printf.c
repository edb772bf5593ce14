/*
 * tests/unit/t_printf.c - lib/printf.c's out_printf and out_escaped.
 *
 * `t_printf`: every case of printf_cases.h, one a line: the format, " ->
 * [", what out_printf made of it, "]".  tests/oracle/printf.c prints the
 * same lines with the C library's printf; tests/10-unit.t compares them.
 * `t_printf escaped ARG...`: each argument through out_escaped, one a
 * line, which the script compares with its own escaping of the same bytes.
 */
#include "check.h"
#include "printf_cases.h"

#define PRINT_CASE(fmt, ...)                                    \
	out_str(o, fmt);                                        \
	out_printf(o, " -> [" fmt "]\n", __VA_ARGS__);

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	int i;

	(void)envp;
	if (argc > 1 && str_eq(argv[1], "escaped")) {
		for (i = 2; i < argc; i++) {
			out_char(o, '[');
			out_escaped(o, argv[i]);
			out_str(o, "]\n");
		}
		return out_flush(o) != 0;
	}
	PRINTF_CASES(PRINT_CASE)
	return out_flush(o) != 0;
}
