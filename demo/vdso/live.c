/* demo/vdso/live.c - errors shared by the subcommands, and the live vDSO's state. */
#include <lib/lib.h>
#include <start/start.h>
#include <syscall/syscall.h>
#include "commands.h"

/* "vdso: WHAT: SUBJECT: REASON (DETAIL)" on stderr; DETAIL may be 0.
 * Every failure of a subcommand ends in one such line and exit 1. */
static int fail_line(const char *what, const char *subject,
		     const char *reason, const char *detail)
{
	struct out *o = &out_stderr;

	out_str(o, "vdso: ");
	out_str(o, what);
	out_str(o, ": ");
	out_str(o, subject);
	out_str(o, ": ");
	out_str(o, reason);
	if (detail) {
		out_str(o, " (");
		out_str(o, detail);
		out_char(o, ')');
	}
	out_char(o, '\n');
	return 1;
}

/* The reader's error: "vdso: read: x.so: GNU hash table malformed". */
int reader_error(const char *what, const char *subject, int err)
{
	return fail_line(what, subject, elf_strerror(err), 0);
}

/* A system call's: "vdso: dump: x: ENOSPC (No space left on device)". */
int file_error(const char *what, const char *subject, long err)
{
	return fail_line(what, subject, errno_name((int)err), errno_message((int)err));
}

/* Why there is no live vDSO, in a few words. */
const char *live_vdso_absence(void)
{
	unsigned long ehdr;

	if (calls_vdso_off)
		return "switched off (VDSO=off)";
	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr)
		return "the auxiliary vector has no AT_SYSINFO_EHDR";
	return elf_strerror(calls_vdso_status);
}

int live_vdso(const char *what)
{
	if (calls_vdso_status == 0)
		return 1;
	out_str(&out_stderr, "vdso: ");
	out_str(&out_stderr, what);
	out_str(&out_stderr, ": no vDSO: ");
	out_str(&out_stderr, live_vdso_absence());
	out_char(&out_stderr, '\n');
	return 0;
}
