/*
 * arch/arm/tracee.h - how a 32-bit arm process calls its vDSO, as a tracer
 * sees it (demo/vdso/trace*.c).  Included by arch/arm/trace.h.
 *
 * The AAPCS (ARM's "Procedure Call Standard for the Arm Architecture",
 * 6.5 "Parameter Passing"): the first four word arguments in r0-r3, the
 * others on the stack from sp up, the result in r0; `bl` leaves the return
 * address in r14, the link register, and nothing on the stack.
 *
 * System call numbers: the kernel's arch/arm/tools/syscall.tbl (EABI), the
 * ones a vDSO function falls back to (arch/arm/include/asm/vdso/
 * gettimeofday.h; the *64 ones: 64-bit time_t, 5.1+).
 */
#ifndef ARCH_ARM_TRACEE_H
#define ARCH_ARM_TRACEE_H

#define TRACEE_ARM { \
	.name = "arm", .elf_class = 32, .machine = 40, \
	.word = 4, .args_in_regs = 4, .stack_args_at = 0, \
	.syscalls = { { 263, "clock_gettime" }, { 403, "clock_gettime64" }, \
		      { 78, "gettimeofday" }, { 264, "clock_getres" }, \
		      { 406, "clock_getres_time64" }, { 345, "getcpu" }, \
		      { 384, "getrandom" } } }

#endif
