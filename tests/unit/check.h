/*
 * tests/unit/check.h - TAP lines from a freestanding unit test.
 *
 * A unit test is a program on the runtime itself (no libc).  It prints
 * "ok - NAME" or "not ok - NAME" a check, without numbers: the runner
 * script (tests/10-unit.t) numbers them and says which build and runner
 * they came from.  Expected values come from the script's arguments, so
 * that nothing is hard-coded on either side.
 */
#ifndef CHECK_H
#define CHECK_H

#include <lib/lib.h>

static int check_failures;

static __attribute__((unused)) void check(int cond, const char *name)
{
	out_str(&out_stdout, cond ? "ok - " : "not ok - ");
	out_str(&out_stdout, name);
	out_char(&out_stdout, '\n');
	if (!cond)
		check_failures++;
}

/* check that a number equals what was expected, showing both if not */
static __attribute__((unused)) void check_num(int64_t got, int64_t want, const char *name)
{
	check(got == want, name);
	if (got != want) {
		out_str(&out_stdout, "# got ");
		out_dec(&out_stdout, got);
		out_str(&out_stdout, ", want ");
		out_dec(&out_stdout, want);
		out_char(&out_stdout, '\n');
	}
}

static __attribute__((unused)) int check_done(void)
{
	out_flush(&out_stdout);
	return check_failures != 0;
}

#endif
