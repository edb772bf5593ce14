/*
 * demo/vdso/tour_trace.c - the tour's last step: `vdso trace` watching
 * other programs call the vDSO, which strace cannot show (such a call
 * never enters the kernel, so no system call is there to see).
 *
 * Two programs, each traced in a child of this one (demo/vdso/trace*.c
 * does the work): date, the C library's, where this machine has one on
 * its PATH; and this project's clock lesson, which finds clock_gettime in
 * the vDSO by itself.  Each call is one line, and its mark says where it
 * was served: <vdso>, it returned without entering the kernel; <vdso ->
 * clock_gettime syscall>, the vDSO made the system call itself, as it
 * must for a CPU-time clock and for every clock that reads the counter
 * when the clocksource has no vDSO mode (hpet, acpi_pm: boot a kernel
 * with clocksource=hpet, `make boot APPEND=clocksource=hpet`, to see it).
 */
#include <lib/lib.h>
#include <syscall/syscall.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include "commands.h"

#define PATH_BUF 4096

/* The clocksource the kernel reads its time from, or 0 (no sysfs). */
static const char *clocksource(char *buf, size_t size)
{
	long fd = sys_openat(AT_FDCWD, "/sys/devices/system/clocksource/clocksource0/current_clocksource",
			     O_RDONLY | O_CLOEXEC, 0), n;

	if (fd < 0)
		return 0;
	n = sys_read((int)fd, buf, size - 1);
	sys_close((int)fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	if (buf[n - 1] == '\n')
		buf[n - 1] = 0;
	return buf;
}

/* dir + name into buf; 0 if it does not fit. */
static int path_of(char *buf, size_t size, const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);

	if (d + n + 1 > size)
		return 0;
	memcpy(buf, dir, d);
	memcpy(buf + d, name, n + 1);
	return 1;
}

/* `vdso trace -- PROGRAM` in a child, its lines (on stderr, as strace's)
 * sent to standard output among the program's own.  0 if it traced, 1 if
 * it said in its one line why it could not (no ptrace under QEMU's user
 * mode, a seccomp filter), -1 if this step's own fork or wait failed. */
static int trace_in_child(const char *program)
{
	char *argv[] = { "trace", "--", (char *)program, 0 };
	struct out *o = &out_stdout;
	int status;
	long pid;

	out_printf(o, "$ %s trace -- %s\n", tool_name(), program);
	if (out_flush(o) < 0)
		return 1;
	if ((pid = sys_fork()) < 0)
		return -file_error("tour 10", "fork", pid);
	if (pid == 0) {
		out_stderr.fd = 1;      /* the child's trace lines: to stdout */
		sys_exit_group(cmd_trace(3, argv));
	}
	if ((pid = sys_wait4((int)pid, &status, 0)) < 0)
		return -file_error("tour 10", "wait4", pid);
	return status != 0;
}

int tour_trace(void)
{
	struct out *o = &out_stdout;
	char date[PATH_BUF], clock[PATH_BUF], cs[64];
	struct statx st;
	const char *source = clocksource(cs, sizeof cs);
	int r = 0, traced = 0;

	out_printf(o, "the clocksource: %s\n", source ? source :
		   "unknown (no /sys/devices/system/clocksource here)");
	if (path_lookup("date", date, sizeof date, &st))
		r = trace_in_child(date), traced++;
	else
		out_str(o, "no date on this PATH: only this project's program is traced\n");
	if (!path_of(clock, sizeof clock, lesson_dir(), "clock") ||
	    sys_statx(AT_FDCWD, clock, 0, STATX_TYPE, &st) < 0)
		out_printf(o, "no clock lesson beside this program (%s): not traced\n", clock);
	else if (r == 0)
		r = trace_in_child(clock), traced++;
	if (r < 0)
		return 1;       /* our own machinery failed: said on stderr */
	if (r > 0 || !traced)   /* the trace said why in its line: a fact here */
		return 0;
	out_str(o, "<vdso>: the call returned without entering the kernel; <vdso -> ... syscall>:\n"
		"the vDSO made the system call itself (a CPU-time clock, or a clocksource\n"
		"with no vDSO mode)\n");
	return 0;
}
