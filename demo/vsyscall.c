/*
 * demo/vsyscall.c - the legacy vsyscall page of x86_64, the vDSO's
 * ancestor, still at 0xffffffffff600000 in every process.
 *
 * Terms.  A page fault is the CPU's trap when an access breaks a page's
 * permissions or hits no page; the kernel's handler may then fix things
 * up and return as if nothing happened (here: emulate the call).  The
 * kernel command line is the text the boot loader gives the kernel
 * (/proc/cmdline), where options such as vsyscall= are set.
 *
 * Before the vDSO, the kernel mapped one page of code at a fixed address:
 * gettimeofday at +0, time at +0x400, getcpu at +0x800, called directly
 * by old binaries.  Code at an address known in advance is a gift to an
 * exploit (a `syscall` instruction to jump to), so today the kernel runs
 * none of it.  The page's mode, from the kernel's command line
 * (vsyscall=), shows in /proc/self/maps:
 *   r-xp  emulate  the page reads (the old code, never run), a call traps
 *   --xp  xonly    nothing reads, a call traps (the default since 5.3)
 *   none  no line: a call is a plain SIGSEGV
 * A call "traps": the fetch of the instruction at +0x400 faults, and the
 * kernel's page-fault handler sees the address, does time()'s work itself
 * (emulate_vsyscall) and returns to the caller: a fault and an emulation,
 * slower than the system call, and far slower than the vDSO's time().
 * vsyscall_probe (vdso/vsyscall.c) reads the page's maps line and calls
 * time() there under sys_probe (syscall/probe.c), a SIGSEGV handler that
 * brings the program back, so that mode none shows instead of crashing.
 * From: the kernel's arch/x86/entry/vsyscall/vsyscall_64.c,
 * Documentation/admin-guide/kernel-parameters.txt (vsyscall=).
 *
 * 32-bit arm has instead the kuser helpers page at 0xffff0000, code for
 * what old arm CPUs had no instruction for (vdso/vsyscall.c shows it;
 * Documentation/arch/arm/kernel_user_helpers.rst).
 *
 * try: grep vsyscall /proc/self/maps; cat /proc/cmdline; perf stat -e page-faults build/x86_64/vsyscall
 *   # arm: grep vectors /proc/self/maps
 * exercise: make boot CMD=vsyscall APPEND=vsyscall=emulate, then with
 *   vsyscall=none: the page turns readable, then disappears.
 */
#include <lib/lib.h>
#include <linux/time.h>
#include <vdso/vdso.h>

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout, *e = &out_stderr;
	struct vsyscall_probe p;
	uint64_t ns[3];
	long r;

	(void)argc, (void)argv, (void)envp;
	if (!ARCH_VSYSCALL_PAGE) {
		out_str(o, ARCH_NAME ": no vsyscall page (it is x86_64's); " ARCH_NO_VSYSCALL_NOTE "\n");
		vsyscall_show_helpers(o);
		return out_flush(o) < 0;
	}
	vdso_init();
	r = vsyscall_probe(&p);         /* the maps line, a read, a call */
	if (p.maps < 0)
		out_printf(o, "mode by /proc/self/maps: unknown (%s)\n", errno_name((int)-p.maps));
	else if (p.maps == 0)
		out_str(o, "mode by /proc/self/maps: none (no line at ffffffffff600000)\n");
	else
		out_printf(o, "mode by /proc/self/maps: %s (perms %s)\n", p.by_maps, p.line.perms);
	if (r < 0)              /* no handler: nothing was probed */
		return out_printf(e, "vsyscall: rt_sigaction: %s (%s)\n", errno_name((int)-r), errno_message((int)-r)),
		       out_flush(o), out_flush(e), 1;
	if (!p.callable)
		return out_printf(o, "a call of time() at 0x%lx: signal %d at 0x%lx: nothing to call\n",
				  ARCH_VSYSCALL_PAGE + ARCH_VSYSCALL_TIME, p.call_fault.signal,
				  (unsigned long)p.call_fault.addr), out_flush(o) < 0;
	out_printf(o, "a call of time() at 0x%lx: %ld (the system call says %ld)\n",
		   ARCH_VSYSCALL_PAGE + ARCH_VSYSCALL_TIME, p.time, sys_time(0));

	/* The cost, each way (the page's calls are safe now); a timer that
	 * fails would make every figure up: none then. */
	if ((r = vdso_clock_gettime(CLOCK_MONOTONIC, &(struct __kernel_timespec){ 0 })) < 0)
		return out_printf(e, "vsyscall: clock_gettime(CLOCK_MONOTONIC), the timer: %s (%s)\n",
				  errno_name((int)r), errno_message((int)r)), out_flush(o), out_flush(e), 1;
	vsyscall_costs(ns, 3);
	out_printf(o, "per call: %lu ns through the page, %lu ns by the system call, %lu ns by the %s\n",
		   (unsigned long)u64_div_u32(ns[2], VSYSCALL_CALLS, 0), (unsigned long)u64_div_u32(ns[1], VSYSCALL_CALLS, 0),
		   (unsigned long)u64_div_u32(ns[0], VSYSCALL_CALLS, 0),
		   vdso_path(VDSO_TIME) == PATH_VDSO ? "vDSO" : "system call again (no vDSO here)");
	out_str(o, ns[2] > 2 * ns[1] ? "why: each call through the page faults, and the kernel's fault handler"
		" does time()'s work (emulate_vsyscall)\n" : "why not dearer here: what runs this program catches"
		" the jump to the page itself, without a fault (as QEMU's user mode does)\n");
	return out_flush(o) < 0;
}
