/*
 * tests/unit/t_writer.c - the writer's formatting, and its failures.
 *
 * Usage: t_writer KIND VALUE [WIDTH] ...: one formatted value a line:
 *   udec V, dec V, hex V DIGITS, field S WIDTH, udecw V WIDTH, decw V WIDTH
 * The script computes the expected lines with printf(1) from the same
 * arguments and compares.  `t_writer fail` writes to fd 1 and reports
 * out_flush's result on stderr, for a closed or full stdout.
 */
#include <syscall/syscall.h>
#include "check.h"

/* a signed decimal argument: "-" then digits, or digits */
static int64_t parse_i64(const char *s)
{
	uint64_t v = 0;

	if (*s == '-') {
		parse_u64(s + 1, &v);
		return (int64_t)(0 - v);   /* wraps to INT64_MIN for 2^63 */
	}
	parse_u64(s, &v);
	return (int64_t)v;
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	uint64_t u = 0, w = 0;
	int i;

	(void)envp;
	if (argc == 2 && str_eq(argv[1], "fail")) {
		int r;

		out_str(o, "some output\n");
		r = out_flush(o);
		out_str(&out_stderr, "flush: ");
		out_str(&out_stderr, r ? errno_name(r) : "0");
		out_char(&out_stderr, '\n');
		out_flush(&out_stderr);
		return r != 0;
	}
	for (i = 1; i + 1 < argc; i += 2) {
		const char *kind = argv[i], *arg = argv[i + 1];

		if (str_eq(kind, "udec")) {
			parse_u64(arg, &u);
			out_udec(o, u);
		} else if (str_eq(kind, "dec")) {
			out_dec(o, parse_i64(arg));
		} else {        /* the kinds that take a width */
			parse_u64(argv[i + 2], &w);
			if (str_eq(kind, "hex")) {
				parse_u64(arg, &u);
				out_hex(o, u, (int)w);
			} else if (str_eq(kind, "udecw")) {
				parse_u64(arg, &u);
				out_udec_field(o, u, (int)w);
			} else if (str_eq(kind, "decw")) {
				out_dec_field(o, parse_i64(arg), (int)w);
			} else if (str_eq(kind, "left")) {
				out_field(o, arg, -(int)w);
			} else {
				out_field(o, arg, (int)w);
			}
			i++;
		}
		out_str(o, "|\n");
	}
	return out_flush(o) != 0;
}
