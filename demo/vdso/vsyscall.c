/*
 * demo/vdso/vsyscall.c - `vdso vsyscall`: the legacy page at
 * 0xffffffffff600000, which came before the vDSO.
 *
 * Before the vDSO, x86_64 kernels mapped one page of code at a fixed
 * address in every process: gettimeofday at +0, time at +0x400, getcpu at
 * +0x800 (arch/x86/entry/vsyscall/vsyscall_64.c).  A fixed address of
 * executable code is a gift to an exploit, so the kernel no longer runs
 * it.  `vsyscall=` on its command line chooses:
 *
 *   emulate  the page is readable (r-xp in /proc/self/maps), a call traps
 *   xonly    nothing is readable (--xp), a call traps (the default since 5.3)
 *   none     no page: a call is a SIGSEGV
 *
 * In both of the first two a call faults on the instruction fetch, and the
 * kernel's page-fault handler sees the address, does the system call's work
 * (emulate_vsyscall) and returns to the caller: a fault and an emulation,
 * dearer than a plain system call, while the vDSO's time is an ordinary
 * function.  The probes here run under a SIGSEGV handler (sys_probe), so
 * that no mode crashes the tool.
 *
 * try: grep vsyscall /proc/self/maps; cat /proc/cmdline
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include <asm/signal.h>          /* SIGSEGV */
#include "commands.h"

#define PAGE ARCH_VSYSCALL_PAGE
#define ROUNDS VSYSCALL_ROUNDS
#define CALLS VSYSCALL_CALLS

/* The mode /proc/self/maps shows (vdso/vsyscall.c read the line). */
static void show_maps(struct out *o, const struct vsyscall_probe *p)
{
	if (p->maps < 0)
		out_printf(o, "mode by /proc/self/maps: unknown, it cannot be read: %s (%s)\n",
			   errno_name((int)-p->maps), errno_message((int)-p->maps));
	else if (p->maps == 0)
		out_str(o, "mode by /proc/self/maps: none (no line at 0xffffffffff600000)\n");
	else
		out_printf(o, "mode by /proc/self/maps: %s (%llx-%llx %s %s)\n", p->by_maps,
			   (unsigned long long)p->line.start, (unsigned long long)p->line.end,
			   p->line.perms, p->line.name);
}

static void show_fault(struct out *o, const struct sys_fault *f)
{
	out_printf(o, "%s (si_code %d, at 0x%llx)", f->signal == SIGSEGV ? "SIGSEGV" : "SIGBUS",
		   f->code, (unsigned long long)f->addr);
}

static uint64_t best[3];        /* ns for CALLS calls: the vDSO, the system call, the page */

/* "123.4 ns": tenths of a nanosecond per call. */
static void per_call(struct out *o, uint64_t ns)
{
	uint32_t tenth;
	uint64_t whole = u64_div_u32(u64_div_u32(ns * 10, CALLS, 0), 10, &tenth);

	out_printf(o, "%7llu.%u ns", (unsigned long long)whole, tenth);
}

static void ratio(struct out *o, uint64_t a, uint64_t b, const char *what)
{
	uint32_t tenth;
	uint64_t whole = u64_div_u32(u64_div_u32(a * 10, (uint32_t)(b ? b : 1), 0), 10, &tenth);

	out_printf(o, "  %llu.%ux %s", (unsigned long long)whole, tenth, what);
}

int cmd_vsyscall(int argc, char **argv)
{
	struct out *o = &out_stdout;
	struct vsyscall_probe p;
	long r;

	if (argc > 1)
		return usage_error("vsyscall", argv[1], "unexpected argument");
	if (!PAGE) {
		out_str(o, "vdso vsyscall: no legacy vsyscall page on " ARCH_NAME " (it is x86_64's); "
			ARCH_NO_VSYSCALL_NOTE "\n");
		return helper_page_show(o) > 0;
	}
	if (timer_failed("vsyscall", 1))        /* before any line: no made-up cost */
		return 1;
	out_str(o, "vdso vsyscall: the legacy page at 0xffffffffff600000 "
		"(arch/x86/entry/vsyscall/vsyscall_64.c)\n");
	r = vsyscall_probe(&p);
	show_maps(o, &p);
	if (r < 0)              /* no handler: nothing was probed */
		return file_error("vsyscall", "rt_sigaction", r);
	out_str(o, "probe: a read of the page: ");
	if (p.readable)
		out_str(o, "it reads\n");
	else {
		show_fault(o, &p.read_fault);
		out_char(o, '\n');
	}
	out_str(o, "probe: a call of time at +0x400: ");
	if (p.callable)
		out_printf(o, "%ld (the system call says %ld)\n", p.time, sys_time(0));
	else {
		show_fault(o, &p.call_fault);
		out_char(o, '\n');
	}
	out_printf(o, "mode by the probes: %s%s\n", p.by_probe,
		   !p.by_maps ? "" : str_eq(p.by_maps, p.by_probe) ? " (as the maps say)"
		   : " (NOT as the maps say)");

	vsyscall_costs(best, p.callable ? 3 : 2);    /* vdso/vsyscall.c */
	out_printf(o, "cost of time(), per call, best of %d rounds of %d calls:\n", ROUNDS, CALLS);
	out_printf(o, "  %-16s", vdso_path(VDSO_TIME) == PATH_VDSO ? "vDSO" : "no vDSO: syscall");
	per_call(o, best[0]);
	out_printf(o, "\n  %-16s", "system call");
	per_call(o, best[1]);
	ratio(o, best[1], best[0], "the first");
	if (p.callable) {
		out_printf(o, "\n  %-16s", "vsyscall page");
		per_call(o, best[2]);
		ratio(o, best[2], best[0], "the first,");
		ratio(o, best[2], best[1], "the system call");
		/* A kernel's emulation is a fault and dearer than the system
		 * call; an emulator's (QEMU user mode translates a jump to the
		 * page into the system call) costs what the system call does. */
		if (best[2] > best[1] + best[1] / 2)
			out_str(o, "\nwhy: each call through the page faults on the instruction fetch; the"
				" kernel's fault handler does the work of time() and returns to the caller"
				" (emulate_vsyscall): a fault and an emulation, dearer than the system call\n");
		else
			out_str(o, "\nwhy: here a call through the page costs what the system call costs:"
				" what runs this program emulates the page itself, without a fault"
				" (as QEMU's user mode does)\n");
	} else {
		out_str(o, "\nno call through the page: there is none to call here\n");
	}
	return !p.by_maps || str_eq(p.by_probe, p.by_maps) ? 0 : 1;
}
