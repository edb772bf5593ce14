/*
 * vdso/vsyscall.c - the legacy vsyscall page (x86_64's, at
 * ARCH_VSYSCALL_PAGE), probed three ways: its line in /proc/self/maps,
 * a read of it, and a call of time() at ARCH_VSYSCALL_TIME in it.  The
 * read and the call run under sys_probe (syscall/probe.c), so that no
 * mode of the kernel's (vsyscall=emulate, xonly, none) kills the caller.
 * For the lesson demo/vsyscall.c and `vdso vsyscall` (and its tour step).
 *
 * The modes, from the kernel's arch/x86/entry/vsyscall/vsyscall_64.c:
 *   emulate  r-xp in the maps: the page reads, a call traps
 *   xonly    --xp: nothing reads, a call traps
 *   none     no line: a call is a SIGSEGV
 */
#include <lib/lib.h>
#include <linux/time.h>
#include "vdso.h"

static long read_page(long addr)
{
	return *(volatile unsigned char *)addr;
}

/* Out of line, so that every call of the page is this function's own:
 * under QEMU 10, clang -O2's call of the page inlined into a timing loop
 * died with a fault at the page's end. */
__attribute__((noinline)) long vsyscall_time(long unused)
{
	(void)unused;
	return ((long (*)(long *))(ARCH_VSYSCALL_PAGE + ARCH_VSYSCALL_TIME))(0);
}

long vsyscall_probe(struct vsyscall_probe *p)
{
	memset(p, 0, sizeof *p);
	p->maps = maps_find(ARCH_VSYSCALL_PAGE, &p->line);
	p->by_maps = p->maps < 0 ? 0 : p->maps == 0 ? "none" : p->line.perms[0] == 'r' ? "emulate" : "xonly";
	sys_probe(read_page, (long)ARCH_VSYSCALL_PAGE, &p->read_fault);
	if (p->read_fault.error)        /* no handler: nothing was probed */
		return p->read_fault.error;
	p->time = sys_probe(vsyscall_time, 0, &p->call_fault);
	if (p->call_fault.error)
		return p->call_fault.error;
	p->readable = !p->read_fault.signal;
	p->callable = !p->call_fault.signal;
	p->by_probe = !p->callable ? "none" : p->readable ? "emulate" : "xonly";
	return 0;
}

static uint64_t now_ns(void)
{
	struct __kernel_timespec t;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)ns_of(t.tv_sec, t.tv_nsec);
}

void vsyscall_costs(uint64_t ns[3], int ways)
{
	uint64_t t0, t;
	int round, w, i;

	for (w = 0; w < 3; w++)
		ns[w] = UINT64_MAX;
	for (round = 0; round < VSYSCALL_ROUNDS; round++)
		for (w = 0; w < ways; w++) {    /* the ways take turns */
			t0 = now_ns();
			for (i = 0; i < VSYSCALL_CALLS; i++)
				w == 0 ? vdso_time(0) : w == 1 ? sys_time(0) : vsyscall_time(0);
			t = now_ns() - t0;
			ns[w] = t < ns[w] ? t : ns[w];
		}
}

/* 32-bit arm's page of its own at a fixed address, the kuser helpers
 * (Documentation/arch/arm/kernel_user_helpers.rst). */
#ifndef ARCH_HELPER_PAGE
#define ARCH_HELPER_PAGE 0UL    /* no page of helpers on this arch */
#endif

#if ARCH_HELPER_PAGE
static long read_word(long addr) { return (long)*(volatile uint32_t *)addr; }
static long call_helper(long addr) { return (long)((void *(*)(void))addr)(); }

/* The page of helpers: its version word, then set_tls and the helper that
 * reads the thread pointer back.  Both under sys_probe: the page may be absent. */
void vsyscall_show_helpers(struct out *o)
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
#else
void vsyscall_show_helpers(struct out *o) { (void)o; }
#endif
