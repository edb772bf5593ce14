/*
 * arch/aarch64/signal.S - the signal restorer and two small pieces for the
 * lessons on signals (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_sigreturn  the restorer: sa_restorer returns here from a handler
 *       (the kernel put its address in x30), and rt_sigreturn(2) restores
 *       the interrupted context (arch/arm64/kernel/signal.c).
 *
 *   arch_raise_keep(pid, sig)  fills 24 registers with known values, sends
 *       itself a signal with kill(2), and after the handler has returned
 *       says which of them changed: a bit per register, in the order of
 *       ARCH_KEPT_REGS (sigframe.h).  `svc #0` keeps every register but
 *       x0; the handler, a C function, is free to clobber x0-x18 (AAPCS64);
 *       rt_sigreturn(2) puts every one back from the frame
 *       (restore_sigframe).
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
	.type	arch_sigreturn, %function
arch_sigreturn:
	mov	x8, #__NR_rt_sigreturn
	svc	#0
	.size	arch_sigreturn, . - arch_sigreturn

/* Save and restore the callee-saved registers (AAPCS64: x19-x29, x30). */
.macro	save_frame
	stp	x29, x30, [sp, #-112]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
.endm
.macro	restore_frame
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #112
.endm

/* Register xN gets 0x0N0N0N0N0N0N0N0N, from the literal pool. */
.macro	fill n
	ldr	x\n, =0x0101010101010101 * \n
.endm
.macro	kept n, bit
	ldr	x16, =0x0101010101010101 * \n
	cmp	x\n, x16
	b.eq	1f
	orr	x0, x0, #(1 << \bit)
1:
.endm

	.section .text.arch_raise_keep, "ax", %progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, %function
arch_raise_keep:
	save_frame
	str	x1, [sp, #96]		/* sig, to compare after */
	fill 2
	fill 3
	fill 4
	fill 5
	fill 6
	fill 7
	fill 9
	fill 10
	fill 11
	fill 12
	fill 13
	fill 14
	fill 15
	fill 19
	fill 20
	fill 21
	fill 22
	fill 23
	fill 24
	fill 25
	fill 26
	fill 27
	fill 28
	mov	x8, #__NR_kill		/* kill(pid = x0, sig = x1) */
	svc	#0			/* the signal is delivered on the way out */
	mov	x0, #0			/* the mask of changed registers */
	ldr	x16, [sp, #96]
	cmp	x1, x16
	b.eq	2f
	orr	x0, x0, #1
2:	kept 2, 1
	kept 3, 2
	kept 4, 3
	kept 5, 4
	kept 6, 5
	kept 7, 6
	kept 9, 7
	kept 10, 8
	kept 11, 9
	kept 12, 10
	kept 13, 11
	kept 14, 12
	kept 15, 13
	kept 19, 14
	kept 20, 15
	kept 21, 16
	kept 22, 17
	kept 23, 18
	kept 24, 19
	kept 25, 20
	kept 26, 21
	kept 27, 22
	kept 28, 23
	restore_frame
	ret
	.ltorg				/* the constants above */
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", %nobits
	.balign	8
arch_try_sp:
	.zero	8

	.section .text.arch_try, "ax", %progbits
	.globl	arch_try
	.type	arch_try, %function
arch_try:
	save_frame
	adrp	x2, arch_try_sp		/* arch_try_sp = sp, found pc-relative */
	mov	x3, sp
	str	x3, [x2, :lo12:arch_try_sp]
	mov	x2, x0
	mov	x0, x1
	blr	x2			/* fn(arg) */
.Lback:
	restore_frame
	ret

	/* Where a fault inside fn comes back to: the saved sp, result 0. */
	.globl	arch_try_fault
	.type	arch_try_fault, %function
arch_try_fault:
	adrp	x1, arch_try_sp
	ldr	x1, [x1, :lo12:arch_try_sp]
	mov	sp, x1
	mov	x0, #0
	b	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", %progbits
