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
