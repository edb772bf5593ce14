/*
 * demo/vdso/summary.c - `vdso` with no arguments: where the vDSO is, what it
 * holds, and one clock_gettime made both ways.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include "commands.h"

static void print_ts(struct out *o, const struct __kernel_timespec *ts)
{
	out_printf(o, "%lld.%09lld", (long long)ts->tv_sec, (long long)ts->tv_nsec);
}

int cmd_summary(int argc, char **argv)
{
	struct out *o = &out_stdout;
	struct __kernel_timespec a = { 0, 0 }, b = { 0, 0 };
	unsigned long sysinfo;
	long r1, r2;

	(void)argc, (void)argv;
	out_str(o, "vdso " ARCH_NAME ": ");
	if (vdso_status == 0) {
		const char *soname = elf_soname(&vdso_image);

		out_printf(o, "%s at 0x%lx (AT_SYSINFO_EHDR), %lu bytes by its own headers,"
			   " %u dynamic symbols\n", soname ? soname : "(no soname)",
			   (unsigned long)vdso_image.bytes, (unsigned long)vdso_image.size,
			   vdso_image.nsyms);
	} else {
		out_printf(o, "no vDSO: %s; every call is a system call\n", vdso_why_absent());
	}
	if (ARCH_HAS_GATE && auxv_get(AT_SYSINFO, &sysinfo))
		out_printf(o, "gate: AT_SYSINFO 0x%lx, %s\n", sysinfo,
			   sys_gate ? "system calls enter through it" : "not used (VDSO=off)");

	/* A time is printed only if its call answered: a failed call (denied
	 * by a seccomp profile) is the one error line, not a made-up 0. */
	r1 = vdso_clock_gettime(CLOCK_REALTIME, &a);
	r2 = sys_clock_gettime(CLOCK_REALTIME, &b);
	if (r1 == 0) {
		const char *symbol = vdso_calls[VDSO_CLOCK_GETTIME].symbol;

		out_printf(o, "clock_gettime(CLOCK_REALTIME) by %s%s%s%s: ",
			   vdso_path_name(vdso_path(VDSO_CLOCK_GETTIME)),
			   symbol ? " (" : "", symbol ? symbol : "", symbol ? ")" : "");
		print_ts(o, &a);
		out_char(o, '\n');
	}
	if (r2 == 0) {
		out_str(o, "clock_gettime(CLOCK_REALTIME) by system call: ");
		print_ts(o, &b);
		out_char(o, '\n');
	}
	if (r1 != 0 || r2 != 0) {
		file_error("summary", r1 ? "clock_gettime" : "clock_gettime by system call",
			   r1 ? r1 : r2);
		return 1;
	}
	out_str(o, "more: vdso help\n");
	return 0;
}
