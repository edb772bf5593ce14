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
	char frac[20];
	int n = fmt_udec(frac, (uint64_t)ts->tv_nsec);

	out_dec(o, ts->tv_sec);
	out_char(o, '.');
	out_repeat(o, '0', 9 - n);
	out_mem(o, frac, (size_t)n);
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

		out_str(o, soname ? soname : "(no soname)");
		out_str(o, " at 0x");
		out_hex(o, (uintptr_t)vdso_image.bytes, 0);
		out_str(o, " (AT_SYSINFO_EHDR), ");
		out_udec(o, vdso_image.size);
		out_str(o, " bytes by its own headers, ");
		out_udec(o, vdso_image.nsyms);
		out_str(o, " dynamic symbols\n");
	} else {
		out_str(o, "no vDSO: ");
		out_str(o, vdso_absent);
		out_str(o, "; every call is a system call\n");
	}
	if (ARCH_HAS_GATE && auxv_get(AT_SYSINFO, &sysinfo)) {
		out_str(o, "gate: AT_SYSINFO 0x");
		out_hex(o, sysinfo, 0);
		out_str(o, sys_gate ? ", system calls enter through it\n"
			 : ", not used (VDSO=off)\n");
	}

	/* A time is printed only if its call answered: a failed call (denied
	 * by a seccomp profile) is the one error line, not a made-up 0. */
	r1 = vdso_clock_gettime(CLOCK_REALTIME, &a);
	r2 = sys_clock_gettime(CLOCK_REALTIME, &b);
	if (r1 == 0) {
		out_str(o, "clock_gettime(CLOCK_REALTIME) by ");
		out_str(o, vdso_path_name(vdso_path(VDSO_CLOCK_GETTIME)));
		if (vdso_calls[VDSO_CLOCK_GETTIME].symbol) {
			out_str(o, " (");
			out_str(o, vdso_calls[VDSO_CLOCK_GETTIME].symbol);
			out_char(o, ')');
		}
		out_str(o, ": ");
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
