/*
 * arch/riscv64/signal.S - the signal restorer and two small pieces for the
 * lessons on signals (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_sigreturn  a restorer of the form every other arch has:
 *       rt_sigreturn(2) restores the interrupted context.  A riscv kernel
 *       never returns to it (it takes no sa_restorer: arch.h); the vDSO's
 *       __vdso_rt_sigreturn is the same two instructions.
 *
 *   arch_raise_keep(pid, sig)  fills 24 registers with known values, sends
 *       itself a signal with kill(2), and after the handler has returned
 *       says which of them changed: a bit per register, in the order of
 *       ARCH_KEPT_REGS (sigframe.h).  `ecall` keeps every register but
 *       a0; the handler, a C function, is free to clobber a0-a7 and t0-t6
 *       (the psABI's caller-saved ones); rt_sigreturn(2) puts every one
 *       back from the frame (restore_sigcontext).
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       pc to arch_try_fault (syscall/probe.c), and the handler's return
 *       lands there, with sp wherever fn left it.  arch_try_fault takes
 *       back the sp arch_try saved and returns 0 from arch_try.  A
 *       setjmp/longjmp pair of one buffer, without libc.
 */
#include <asm/unistd.h>

	.section .text.arch_sigreturn, "ax", %progbits
	.globl	arch_sigreturn
	.hidden	arch_sigreturn		/* a static program: its own, never preempted */
	.type	arch_sigreturn, %function
arch_sigreturn:
	li	a7, __NR_rt_sigreturn
	ecall
	.size	arch_sigreturn, . - arch_sigreturn

/* Save and restore ra and the callee-saved registers (the psABI: s0-s11). */
.macro	save_frame
	addi	sp, sp, -112
	sd	ra, 0(sp)
	sd	s0, 8(sp)
	sd	s1, 16(sp)
	sd	s2, 24(sp)
	sd	s3, 32(sp)
	sd	s4, 40(sp)
	sd	s5, 48(sp)
	sd	s6, 56(sp)
	sd	s7, 64(sp)
	sd	s8, 72(sp)
	sd	s9, 80(sp)
	sd	s10, 88(sp)
	sd	s11, 96(sp)
.endm
.macro	restore_frame
	ld	ra, 0(sp)
	ld	s0, 8(sp)
	ld	s1, 16(sp)
	ld	s2, 24(sp)
	ld	s3, 32(sp)
	ld	s4, 40(sp)
	ld	s5, 48(sp)
	ld	s6, 56(sp)
	ld	s7, 64(sp)
	ld	s8, 72(sp)
	ld	s9, 80(sp)
	ld	s10, 88(sp)
	ld	s11, 96(sp)
	addi	sp, sp, 112
.endm

/* Register xN (reg) gets 0x0N0N0N0N0N0N0N0N: N times s0, which holds
 * 0x0101010101010101 (two instructions, where li of the whole constant
 * takes up to eight: the code stays short). */
.macro	fill reg, n
	li	\reg, \n
	mul	\reg, \reg, s0
.endm
/* a0 |= 1 << bit unless reg still holds its value; a7 is the scratch. */
.macro	kept reg, n, bit
	li	a7, \n
	mul	a7, a7, s0
	beq	\reg, a7, 1f
	li	a7, 1 << \bit
	or	a0, a0, a7
1:
.endm

	.section .text.arch_raise_keep, "ax", %progbits
	.globl	arch_raise_keep
	.hidden	arch_raise_keep		/* a static program: its own, never preempted */
	.type	arch_raise_keep, %function
arch_raise_keep:
	save_frame
	sd	a1, 104(sp)		/* sig, to compare after */
	li	s0, 0x0101010101010101	/* the unit of the values below */
	fill a2, 12
	fill a3, 13
	fill a4, 14
	fill a5, 15
	fill a6, 16
	fill t0, 5
	fill t1, 6
	fill t2, 7
	fill t3, 28
	fill t4, 29
	fill t5, 30
	fill t6, 31
	fill s1, 9
	fill s2, 18
	fill s3, 19
	fill s4, 20
	fill s5, 21
	fill s6, 22
	fill s7, 23
	fill s8, 24
	fill s9, 25
	fill s10, 26
	fill s11, 27
	li	a7, __NR_kill		/* kill(pid = a0, sig = a1) */
	ecall				/* the signal is delivered on the way out */
	li	a0, 0			/* the mask of changed registers */
	ld	a7, 104(sp)
	beq	a1, a7, 2f
	ori	a0, a0, 1
2:	kept a2, 12, 1
	kept a3, 13, 2
	kept a4, 14, 3
	kept a5, 15, 4
	kept a6, 16, 5
	kept t0, 5, 6
	kept t1, 6, 7
	kept t2, 7, 8
	kept t3, 28, 9
	kept t4, 29, 10
	kept t5, 30, 11
	kept t6, 31, 12
	kept s1, 9, 13
	kept s2, 18, 14
	kept s3, 19, 15
	kept s4, 20, 16
	kept s5, 21, 17
	kept s6, 22, 18
	kept s7, 23, 19
	kept s8, 24, 20
	kept s9, 25, 21
	kept s10, 26, 22
	kept s11, 27, 23
	restore_frame
	ret
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", %nobits
	.balign	8
arch_try_sp:
	.zero	8

	.section .text.arch_try, "ax", %progbits
	.globl	arch_try
	.hidden	arch_try		/* a static program: its own, never preempted */
	.type	arch_try, %function
arch_try:
	save_frame
	lla	t0, arch_try_sp		/* arch_try_sp = sp, found pc-relative */
	sd	sp, 0(t0)
	mv	t1, a0
	mv	a0, a1
	jalr	t1			/* fn(arg) */
.Lback:
	restore_frame
	ret

	/* Where a fault inside fn comes back to: the saved sp, result 0. */
	.globl	arch_try_fault
	.hidden	arch_try_fault		/* a static program: its own, never preempted */
	.type	arch_try_fault, %function
arch_try_fault:
	lla	t0, arch_try_sp
	ld	sp, 0(t0)
	li	a0, 0
	j	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", %progbits
