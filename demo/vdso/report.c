/*
 * demo/vdso/report.c - the one form of every error line:
 *
 *     vdso: WHAT: SUBJECT: REASON (DETAIL)
 *
 * WHAT is the command, SUBJECT what it failed on (a file, an argument:
 * printed escaped, so that it stays one line), REASON the error's name
 * (ENOENT from the kernel's errno list, EGNUHASH from the reader's) or a
 * few words, DETAIL its message.  SUBJECT and DETAIL may be absent.
 */
#include <lib/lib.h>
#include <linux/time.h>
#include "commands.h"

int report(const char *what, const char *subject, const char *reason,
	   const char *detail)
{
	struct out *o = &out_stderr;

	out_str(o, "vdso: ");
	if (what)
		out_printf(o, "%s: ", what);
	if (subject) {          /* an empty one shown as "", not as nothing */
		out_escaped(o, *subject ? subject : "\"\"");
		out_str(o, ": ");
	}
	out_str(o, reason);
	if (detail)
		out_printf(o, " (%s)", detail);
	out_char(o, '\n');
	out_flush(o);
	return 1;
}

/* A system call's: "vdso: dump: x: ENOSPC (No space left on device)". */
int file_error(const char *what, const char *subject, long err)
{
	return report(what, subject, errno_name((int)err), errno_message((int)err));
}

/* The reader's: "vdso: read: x.so: EGNUHASH (GNU hash table malformed)". */
int reader_error(const char *what, const char *subject, int err)
{
	return report(what, subject, elf_error_name(err), elf_strerror(err));
}

/*
 * Does the timer the measurements read work?  A refused clock_gettime
 * leaves its timespec as it was: every figure would be made up (0 ns, or
 * garbage).  1 after one line on stderr if it does not.  by_vdso: the
 * vDSO's (or, where there is none or VDSO=off, its system call), else the
 * system call's.
 */
int timer_failed(const char *what, int by_vdso)
{
	struct __kernel_timespec t;
	long r = by_vdso ? vdso_clock_gettime(CLOCK_MONOTONIC, &t)
			 : sys_clock_gettime(CLOCK_MONOTONIC, &t);

	if (r == 0)
		return 0;
	file_error(what, "clock_gettime(CLOCK_MONOTONIC), the timer", r);
	return 1;
}

/* "vdso: call: foo: unknown function (try 'vdso help call')": the help
 * of the command, if it is one; exit status 2. */
int usage_error(const char *what, const char *arg, const char *reason)
{
	char detail[64] = "try 'vdso help";
	size_t n = strlen(detail);

	if (what && what[0] != '-' && !str_eq(what, "help") &&
	    strlen(what) < sizeof detail - n - 3) {
		detail[n++] = ' ';
		memcpy(detail + n, what, strlen(what));
		n += strlen(what);
	}
	memcpy(detail + n, "'", 2);
	report(what, arg, reason, detail);
	return 2;
}

/* Is the live vDSO open?  If not: "vdso: syms: no vDSO (why)". */
int live_vdso(const char *what)
{
	if (vdso_status == 0)
		return 1;
	report(what, 0, "no vDSO", vdso_why_absent());
	return 0;
}
