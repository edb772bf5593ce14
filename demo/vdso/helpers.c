/*
 * demo/vdso/helpers.c - a page of helper code at a fixed address, where
 * an arch has one instead of x86_64's vsyscall page: 32-bit arm's kuser
 * helpers (ARCH_HELPER_PAGE and its neighbours in arch/<arch>/arch.h,
 * which tell where the page is and what is in it).  Shown by `vdso
 * vsyscall` and step 9 of the tour.
 *
 * What it shows, live: the page's line in /proc/self/maps; its version
 * word, read under a SIGSEGV handler (sys_probe), since a kernel built
 * without the page (CONFIG_KUSER_HELPERS=n) makes that read a fault; and
 * a call of the helper that returns the thread pointer, after setting the
 * thread pointer to a value of our own by the system call, so that the
 * helper's answer can be compared with what was set.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

#ifndef ARCH_HELPER_PAGE
#define ARCH_HELPER_PAGE 0UL            /* none on this arch */
#endif

#if ARCH_HELPER_PAGE
static long read_word(long addr)
{
	return (long)*(volatile uint32_t *)addr;
}

/* The helper is called as a function of no argument returning a pointer
 * (the kernel's Documentation/arch/arm/kernel_user_helpers.rst). */
static long call_get_tls(long addr)
{
	return (long)((void *(*)(void))addr)();
}
#endif

int helper_page_show(struct out *o)
{
#if ARCH_HELPER_PAGE
	struct sys_fault fault;
	struct maps_entry m;
	unsigned long mark = 0x5eed0000UL | ((unsigned long)sys_getpid() & 0xffff);
	long version, found, r, tls;

	found = maps_find(ARCH_HELPER_PAGE, &m);
	version = sys_probe(read_word, (long)ARCH_HELPER_VERSION, &fault);
	if (fault.signal) {
		out_printf(o, "no " ARCH_HELPER_PAGE_NAME " page at 0x%lx: a read of its version word at"
			   " 0x%lx: signal %d; a kernel built with CONFIG_KUSER_HELPERS=n maps no such page\n",
			   ARCH_HELPER_PAGE, ARCH_HELPER_VERSION, fault.signal);
		return 0;
	}
	out_printf(o, ARCH_HELPER_PAGE_NAME " page at 0x%lx", ARCH_HELPER_PAGE);
	if (found > 0)
		out_printf(o, " (%s %s in /proc/self/maps)", m.perms, m.name[0] ? m.name : "(anonymous)");
	else
		out_str(o, found == 0 ? " (no line in /proc/self/maps: an emulator's page)"
			: " (no /proc/self/maps to name it)");
	out_printf(o, ": its version word at 0x%lx says %ld helpers\n", ARCH_HELPER_VERSION, version);
	if (version < 1) {
		out_str(o, "no helper to call\n");
		return 0;
	}
	r = sys_call(ARCH_NR_set_tls, (long)mark, 0, 0, 0, 0, 0);
	if (r < 0) {
		out_printf(o, "set_tls(0x%lx): %s: the thread pointer cannot be set to compare\n",
			   mark, errno_name((int)-r));
		return 0;
	}
	tls = sys_probe(call_get_tls, (long)ARCH_HELPER_GET_TLS, &fault);
	if (fault.signal) {
		out_printf(o, ARCH_HELPER_GET_TLS_NAME " at 0x%lx: signal %d\n",
			   ARCH_HELPER_GET_TLS, fault.signal);
		return 1;
	}
	out_printf(o, "set_tls(0x%lx) by the system call, then " ARCH_HELPER_GET_TLS_NAME
		   " at 0x%lx, a call to a fixed address: 0x%lx (%s)\n", mark, ARCH_HELPER_GET_TLS,
		   (unsigned long)tls, (unsigned long)tls == mark ? "the value set" : "NOT the value set");
	out_str(o, "why: old arm CPUs had no instruction to read the thread pointer or to"
		" compare-and-swap, so the kernel put code for them at a fixed address;"
		" the fixed address is why CONFIG_KUSER_HELPERS=n can remove it\n");
	return (unsigned long)tls == mark ? 0 : 1;
#else
	(void)o;
	return -1;
#endif
}
