/*
 * arch/ppc64le/tracee.h - how a ppc64le process calls its vDSO, as a
 * tracer sees it (demo/vdso/trace*.c).  Included by arch/ppc64le/trace.h.
 *
 * The 64-bit ELFv2 ABI ("Parameter Passing in Registers"): integer and
 * pointer arguments in r3-r10, the result in r3; `bl` leaves the return
 * address in the link register, nothing on the stack.  An error comes
 * back as CR0.SO and a positive errno in r3 (arch/ppc64le/arch.h).
 *
 * System call numbers: arch/powerpc/kernel/syscalls/syscall.tbl, the ones
 * a vDSO function falls back to (arch/powerpc/include/asm/vdso/
 * gettimeofday.h) and time(2), which this arch still has.
 */
#ifndef ARCH_PPC64LE_TRACEE_H
#define ARCH_PPC64LE_TRACEE_H

#define TRACEE_PPC64LE { \
	.name = "ppc64le", .elf_class = 64, .machine = 21, \
	.word = 8, .args_in_regs = 6, .stack_args_at = 0, \
	.syscalls = { { 246, "clock_gettime" }, { 78, "gettimeofday" }, \
		      { 247, "clock_getres" }, { 302, "getcpu" }, \
		      { 13, "time" }, { 359, "getrandom" } } }

#endif
