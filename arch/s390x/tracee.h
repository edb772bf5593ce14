/*
 * arch/s390x/tracee.h - how an s390x process calls its vDSO, as a tracer
 * sees it (demo/vdso/trace*.c).  Included by arch/s390x/trace.h.
 *
 * The s390x ELF ABI supplement ("Function Calling Sequence"): integer and
 * pointer arguments in r2-r6, the others on the stack from 160 bytes
 * above r15 (after the register save area), the result in r2; brasl
 * leaves the return address in r14 and nothing on the stack.  The vDSO's
 * __kernel_ functions follow it (arch/s390/kernel/vdso64/
 * vdso_user_wrapper.S wraps the C ones).
 *
 * System call numbers: the kernel's arch/s390/kernel/syscalls/
 * syscall.tbl, 64-bit, the ones a vDSO function falls back to.  There is
 * no time().
 */
#ifndef ARCH_S390X_TRACEE_H
#define ARCH_S390X_TRACEE_H

#define TRACEE_S390X { \
	.name = "s390x", .elf_class = 64, .machine = 22, \
	.word = 8, .args_in_regs = 5, .stack_args_at = 20, \
	.syscalls = { { 260, "clock_gettime" }, { 78, "gettimeofday" }, \
		      { 261, "clock_getres" }, { 311, "getcpu" }, \
		      { 349, "getrandom" } } }

#endif
