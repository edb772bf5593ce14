/*
 * arch/s390x/signal.S - the signal restorer and two small pieces for the
 * lessons on signals (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_sigreturn  the restorer: sa_restorer returns here from a handler
 *       (the kernel put its address in r14), and rt_sigreturn(2) restores
 *       the interrupted context from the rt frame at r15 (arch/s390/kernel/
 *       signal.c).  An rt frame only: a handler installed with it asks for
 *       SA_SIGINFO, as the old frame returns by sigreturn(2) instead.
 *
 *   arch_raise_keep(pid, sig)  fills 13 registers with known values, sends
 *       itself a signal with kill(2), and after the handler has returned
 *       says which of them changed: a bit per register, in the order of
 *       ARCH_KEPT_REGS (sigframe.h).  `svc` keeps every register but r2;
 *       the handler, a C function, is free to clobber r0-r5 (the s390x ELF
 *       ABI); rt_sigreturn(2) puts every one back from the frame
 *       (restore_sigregs).
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       PSW address to arch_try_fault (syscall/probe.c), and the handler's
 *       return lands there, with r15 wherever fn left it.  arch_try_fault
 *       takes back the r15 arch_try saved and returns 0 from arch_try.  A
 *       setjmp/longjmp pair of one buffer, without libc.
 *
 * The ABI's frame: a function may store r6-r15 in its caller's register
 * save area (at 48 above the caller's r15); its own frame is 160 bytes and
 * more below, the back chain at 0.
 */
#include <asm/unistd.h>

	.section .text.arch_sigreturn, "ax", @progbits
	.globl	arch_sigreturn
	/* hidden: the program's own, so that a static PIE's pointers to it
	 * (sa_restorer) link as R_390_RELATIVE, which start/relocate.c
	 * applies; ld leaves an R_390_64 against a default-visibility one */
	.hidden	arch_sigreturn
	.type	arch_sigreturn, @function
arch_sigreturn:
	svc	__NR_rt_sigreturn	/* 173: a number below 256 fits in svc itself */
	.size	arch_sigreturn, . - arch_sigreturn

/* Register rN gets 0x11111111 * (N + 1) in both of its halves. */
.macro	fill n
	llihf	%r\n, 0x11111111 * (\n + 1)
	oilf	%r\n, 0x11111111 * (\n + 1)
.endm
.macro	kept n, bit
	llihf	%r14, 0x11111111 * (\n + 1)
	oilf	%r14, 0x11111111 * (\n + 1)
	cgr	%r\n, %r14
	je	1f
	oill	%r2, 1 << \bit
1:
.endm

	.section .text.arch_raise_keep, "ax", @progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, @function
arch_raise_keep:
	stmg	%r6, %r15, 48(%r15)	/* the callee-saved ones, in the caller's area */
	lgr	%r1, %r15
	aghi	%r15, -168		/* our frame, and 8 bytes for sig */
	stg	%r1, 0(%r15)		/* the back chain */
	stg	%r3, 160(%r15)		/* sig, to compare after */
	fill 0
	fill 4
	fill 5
	fill 6
	fill 7
	fill 8
	fill 9
	fill 10
	fill 11
	fill 12
	fill 13
	lghi	%r1, __NR_kill		/* kill(pid = r2, sig = r3) */
	svc	0			/* the signal is delivered on the way out */
	lghi	%r2, 0			/* the mask of changed registers */
	kept 0, 0
	lghi	%r14, __NR_kill
	cgr	%r1, %r14
	je	2f
	oill	%r2, 1 << 1
2:	lg	%r14, 160(%r15)
	cgr	%r3, %r14
	je	3f
	oill	%r2, 1 << 2
3:	kept 4, 3
	kept 5, 4
	kept 6, 5
	kept 7, 6
	kept 8, 7
	kept 9, 8
	kept 10, 9
	kept 11, 10
	kept 12, 11
	kept 13, 12
	lmg	%r6, %r15, 168 + 48(%r15)
	br	%r14
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", @nobits
	.balign	8
arch_try_sp:
	.zero	8

	.section .text.arch_try, "ax", @progbits
	.globl	arch_try
	.type	arch_try, @function
arch_try:
	stmg	%r6, %r15, 48(%r15)
	lgr	%r1, %r15
	aghi	%r15, -160
	stg	%r1, 0(%r15)
	larl	%r1, arch_try_sp	/* arch_try_sp = r15, found pc-relative */
	stg	%r15, 0(%r1)
	lgr	%r1, %r2
	lgr	%r2, %r3
	basr	%r14, %r1		/* fn(arg) */
.Lback:
	lmg	%r6, %r15, 160 + 48(%r15)
	br	%r14

	/* Where a fault inside fn comes back to: the saved r15, result 0. */
	.globl	arch_try_fault
	.hidden	arch_try_fault
	.type	arch_try_fault, @function
arch_try_fault:
	larl	%r1, arch_try_sp
	lg	%r15, 0(%r1)
	lghi	%r2, 0
	j	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", @progbits
