/*
 * arch/i386/tracee.h - how an i386 process calls its vDSO, as a tracer
 * sees it (demo/vdso/trace*.c).  Included by arch/i386/trace.h, and by
 * arch/x86_64/trace.h: a 64-bit tracer may trace a 32-bit process.
 *
 * The i386 psABI (2.2.2, "The Stack Frame"): a function's arguments on the
 * stack, the first at 4(%esp) on entry, above the 4-byte return address
 * at (%esp); its result in %eax.  The vDSO's functions are plain C
 * functions; only __kernel_vsyscall takes registers, as `int $0x80` does
 * (its number in %eax: the kernel's arch/x86/entry/vdso/vdso32/system_call.S).
 *
 * System call numbers: the kernel's arch/x86/entry/syscalls/syscall_32.tbl,
 * the ones a vDSO function falls back to (the *64 ones: 64-bit time_t,
 * 5.1+).
 */
#ifndef ARCH_I386_TRACEE_H
#define ARCH_I386_TRACEE_H

#define TRACEE_I386 { \
	.name = "i386", .elf_class = 32, .machine = 3, \
	.word = 4, .args_in_regs = 0, .stack_args_at = 1, \
	.syscalls = { { 265, "clock_gettime" }, { 403, "clock_gettime64" }, \
		      { 78, "gettimeofday" }, { 13, "time" }, \
		      { 266, "clock_getres" }, { 406, "clock_getres_time64" }, \
		      { 318, "getcpu" }, { 355, "getrandom" } } }

#endif
