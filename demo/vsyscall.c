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
 * The runtime's vsyscall_probe (vdso/vsyscall.c) reads the page's maps line
 * and calls time() there under sys_probe (syscall/probe.c), a SIGSEGV
 * handler that brings the program back, so that mode none shows instead
 * of crashing.
 *
 * From: the kernel's arch/x86/entry/vsyscall/vsyscall_64.c,
 * Documentation/admin-guide/kernel-parameters.txt (vsyscall=).
 *
 * 32-bit arm has no vsyscall page but a page of its own at a fixed address,
 * the kuser helpers at 0xffff0000 (Documentation/arch/arm/
 * kernel_user_helpers.rst): code for what old arm CPUs had no instruction
 * for (read the thread pointer, compare-and-swap).  Its last word is the
 * number of helpers; __kuser_get_tls returns what set_tls(2) set.  A kernel
 * built with CONFIG_KUSER_HELPERS=n maps no such page: a read faults.
 *
 * try: grep vsyscall /proc/self/maps; cat /proc/cmdline; perf stat -e page-faults build/x86_64/vsyscall
 *   # arm: grep vectors /proc/self/maps
 * exercise: make boot CMD=vsyscall APPEND=vsyscall=emulate, then with
 *   vsyscall=none: the page turns readable, then disappears.
 */
#include <lib/lib.h>
#include <linux/time.h>
#include <vdso/vdso.h>

#define CALLS 1000

#ifndef ARCH_HELPER_PAGE
#define ARCH_HELPER_PAGE 0UL    /* no page of helpers on this arch */
#endif

#if ARCH_HELPER_PAGE
static long read_word(long addr) { return (long)*(volatile uint32_t *)addr; }
static long call_helper(long addr) { return (long)((void *(*)(void))addr)(); }

/* The page of helpers: its version word, then set_tls and the helper that
 * reads the thread pointer back.  Both under sys_probe: the page may be absent. */
static void helper_page(struct out *o)
{
	struct sys_fault fault;
	unsigned long mark = 0x5eed0000UL | ((unsigned long)sys_getpid() & 0xffff);
	long n = sys_probe(read_word, (long)ARCH_HELPER_VERSION, &fault), tls;

	if (fault.signal) {
		out_printf(o, "no page at 0x%lx (signal %d reading 0x%lx): CONFIG_KUSER_HELPERS=n\n",
			   ARCH_HELPER_PAGE, fault.signal, ARCH_HELPER_VERSION);
		return;
	}
	out_printf(o, ARCH_HELPER_PAGE_NAME " at 0x%lx: the word at 0x%lx says %ld helpers\n",
		   ARCH_HELPER_PAGE, ARCH_HELPER_VERSION, n);
	if (sys_call(ARCH_NR_set_tls, (long)mark, 0, 0, 0, 0, 0) < 0)
		return;
	tls = sys_probe(call_helper, (long)ARCH_HELPER_GET_TLS, &fault);
	if (fault.signal)
		out_printf(o, ARCH_HELPER_GET_TLS_NAME ": signal %d\n", fault.signal);
	else
		out_printf(o, "set_tls(0x%lx), then " ARCH_HELPER_GET_TLS_NAME " at 0x%lx says 0x%lx\n",
			   mark, ARCH_HELPER_GET_TLS, (unsigned long)tls);
}
#endif

static uint64_t now_ns(void)
{
	struct __kernel_timespec t;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)ns_of(t.tv_sec, t.tv_nsec);
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	struct vsyscall_probe p;
	long r;
	uint64_t t0, best[3];
	int i, round, way;

	(void)argc, (void)argv, (void)envp;
	if (!ARCH_VSYSCALL_PAGE) {
		out_str(o, ARCH_NAME ": no vsyscall page (it is x86_64's); " ARCH_NO_VSYSCALL_NOTE "\n");
#if ARCH_HELPER_PAGE
		helper_page(o);
#endif
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
	if (r < 0) {            /* no handler: nothing was probed */
		out_printf(&out_stderr, "vsyscall: rt_sigaction: %s (%s)\n",
			   errno_name((int)-r), errno_message((int)-r));
		out_flush(o);
		out_flush(&out_stderr);
		return 1;
	}
	if (!p.callable) {
		out_printf(o, "a call of time() at 0x%lx: signal %d at 0x%lx: nothing to call\n",
			   ARCH_VSYSCALL_PAGE + ARCH_VSYSCALL_TIME, p.call_fault.signal,
			   (unsigned long)p.call_fault.addr);
		return out_flush(o) < 0;
	}
	out_printf(o, "a call of time() at 0x%lx: %ld (the system call says %ld)\n",
		   ARCH_VSYSCALL_PAGE + ARCH_VSYSCALL_TIME, p.time, sys_time(0));

	/* The cost: the best of 5 rounds of CALLS calls each way (the page's
	 * are safe now), the ways taking turns so that all see the same machine.
	 * A timer that fails would make every figure up: none then. */
	if ((r = vdso_clock_gettime(CLOCK_MONOTONIC, &(struct __kernel_timespec){ 0 })) < 0) {
		out_printf(&out_stderr, "vsyscall: clock_gettime(CLOCK_MONOTONIC), the timer: %s (%s)\n",
			   errno_name((int)r), errno_message((int)r));
		out_flush(o);
		out_flush(&out_stderr);
		return 1;
	}
	for (round = 0; round < 5; round++)
		for (way = 0; way < 3; way++) {
			t0 = now_ns();
			for (i = 0; i < CALLS; i++)
				way == 0 ? vsyscall_time(0) : way == 1 ? sys_time(0) : vdso_time(0);
			t0 = now_ns() - t0;
			best[way] = round == 0 || t0 < best[way] ? t0 : best[way];
		}
	out_printf(o, "per call: %lu ns through the page, %lu ns by the system call, %lu ns by the %s\n",
		   (unsigned long)u64_div_u32(best[0], CALLS, 0), (unsigned long)u64_div_u32(best[1], CALLS, 0),
		   (unsigned long)u64_div_u32(best[2], CALLS, 0),
		   vdso_path(VDSO_TIME) == PATH_VDSO ? "vDSO" : "system call again (no vDSO here)");
	if (best[0] > 2 * best[1])
		out_str(o, "why: each call through the page faults, and the kernel's fault handler"
			" does time()'s work (emulate_vsyscall)\n");
	else
		out_str(o, "why not dearer here: what runs this program catches the jump to the page"
			" itself, without a fault (as QEMU's user mode does)\n");
	return out_flush(o) < 0;
}
