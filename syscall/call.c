/*
 * syscall/call.c - one way into the kernel for every call by number.
 *
 * On i386 the kernel offers a faster door than `int $0x80`: the function
 * __kernel_vsyscall in the vDSO, whose address it passes as AT_SYSINFO
 * (arch/x86/entry/vdso/vdso32/system_call.S).  It is chosen once, before
 * main, and every sys_* call goes through it.  VDSO=off in the environment
 * keeps the raw instruction.  x86_64 has no gate: there `syscall` is the
 * fast way already.
 */
#include <start/start.h>
#include <lib/lib.h>
#include "syscall.h"

void *sys_gate;

void sys_use_gate(void *entry)
{
	sys_gate = entry;
}

long sys_call(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	if (sys_gate)
		return arch_gate_syscall(sys_gate, nr, a1, a2, a3, a4, a5, a6);
	return arch_syscall(nr, a1, a2, a3, a4, a5, a6);
}
