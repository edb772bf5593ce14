/*
 * arch/x86_64/tracee.h - how an x86_64 process calls its vDSO, as a tracer
 * sees it (demo/vdso/trace*.c).  Included by the tracer's arch/.../trace.h.
 *
 * The x86-64 psABI (3.2.3, "Parameter Passing"): a function's integer and
 * pointer arguments in %rdi %rsi %rdx %rcx %r8 %r9, its result in %rax,
 * and `call` leaves the 8-byte return address at (%rsp) on entry.  The
 * vDSO's functions are plain C functions (the kernel's
 * arch/x86/entry/vdso/vclock_gettime.c), so they follow it.
 *
 * System call numbers: the kernel's arch/x86/entry/syscalls/syscall_64.tbl,
 * the ones a vDSO function falls back to.
 */
#ifndef ARCH_X86_64_TRACEE_H
#define ARCH_X86_64_TRACEE_H

#define TRACEE_X86_64 { \
	.name = "x86_64", .elf_class = 64, .machine = 62, \
	.word = 8, .args_in_regs = 6, .stack_args_at = 1, \
	.syscalls = { { 228, "clock_gettime" }, { 96, "gettimeofday" }, \
		      { 201, "time" }, { 229, "clock_getres" }, \
		      { 309, "getcpu" }, { 318, "getrandom" } } }

#endif
