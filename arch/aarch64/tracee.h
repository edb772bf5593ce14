/*
 * arch/aarch64/tracee.h - how an aarch64 process calls its vDSO, as a
 * tracer sees it (demo/vdso/trace*.c).  Included by arch/aarch64/trace.h.
 *
 * The AAPCS64 (ARM's "Procedure Call Standard for the Arm 64-bit
 * Architecture", 6.8.2 "Parameter passing"): integer and pointer arguments
 * in x0-x7, the result in x0; `bl` leaves the return address in x30, the
 * link register, and nothing on the stack.  The vDSO's functions are plain
 * C functions (the kernel's arch/arm64/kernel/vdso/vgettimeofday.c).
 *
 * System call numbers: arm64 uses the generic table, the kernel's
 * include/uapi/asm-generic/unistd.h; the ones a vDSO function falls back
 * to (arch/arm64/include/asm/vdso/gettimeofday.h).  There is no time().
 */
#ifndef ARCH_AARCH64_TRACEE_H
#define ARCH_AARCH64_TRACEE_H

#define TRACEE_AARCH64 { \
	.name = "aarch64", .elf_class = 64, .machine = 183, \
	.word = 8, .args_in_regs = 6, .stack_args_at = 0, \
	.syscalls = { { 113, "clock_gettime" }, { 169, "gettimeofday" }, \
		      { 114, "clock_getres" }, { 168, "getcpu" }, \
		      { 278, "getrandom" } } }

#endif
