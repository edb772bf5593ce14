/*
 * arch/arm/signal.S - the signal restorer and two small pieces for the
 * lessons on signals (demo/vdso/signal.c, vsyscall.c, map.c).  ARM state.
 *
 *   arch_sigreturn  the restorer: sa_restorer returns here from a handler
 *       (the kernel put its address in lr), and rt_sigreturn(2) restores
 *       the interrupted context (arch/arm/kernel/signal.c).
 *
 *   arch_raise_keep(pid, sig)  fills twelve registers with known values,
 *       sends itself a signal with kill(2), and after the handler has
 *       returned says which of them changed: a bit per register, in the
 *       order of ARCH_KEPT_REGS (sigframe.h).  `svc #0` keeps every
 *       register but r0; the handler, a C function, is free to clobber
 *       r0-r3 and r12 (AAPCS); rt_sigreturn(2) puts every one back from
 *       the frame (restore_sigframe).  r7 holds the call's number.
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       pc to arch_try_fault (syscall/probe.c), and the handler's return
 *       lands there, with sp wherever fn left it.  arch_try_fault takes
 *       back the sp arch_try saved and returns 0 from arch_try.  A
 *       setjmp/longjmp pair of one buffer, without libc.
 */
#include <asm/unistd.h>

	.syntax	unified
	.arm

	.section .text.arch_sigreturn, "ax", %progbits
	.globl	arch_sigreturn
	.type	arch_sigreturn, %function
arch_sigreturn:
	mov	r7, #__NR_rt_sigreturn
	svc	#0
	.size	arch_sigreturn, . - arch_sigreturn

/* Register rN gets 0x0N0N0N0N, from the literal pool; lr is free. */
.macro	fill n
	ldr	r\n, =0x01010101 * \n
.endm
.macro	kept n, bit
	ldr	lr, =0x01010101 * \n
	cmp	r\n, lr
	orrne	r0, r0, #(1 << \bit)
.endm

	.section .text.arch_raise_keep, "ax", %progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, %function
arch_raise_keep:
	push	{r1, r4-r11, lr}	/* sig, to compare after; the callee-saved */
	fill 2
	fill 3
	fill 4
	fill 5
	fill 6
	fill 8
	fill 9
	fill 10
	fill 11
	fill 12
	mov	r7, #__NR_kill		/* kill(pid = r0, sig = r1) */
	svc	#0			/* the signal is delivered on the way out */
	mov	r0, #0			/* the mask of changed registers */
	ldr	lr, [sp]
	cmp	r1, lr
	orrne	r0, r0, #1
	kept 2, 1
	kept 3, 2
	kept 4, 3
	kept 5, 4
	kept 6, 5
	cmp	r7, #__NR_kill
	orrne	r0, r0, #(1 << 6)
	kept 8, 7
	kept 9, 8
	kept 10, 9
	kept 11, 10
	kept 12, 11
	add	sp, sp, #4
	pop	{r4-r11, pc}
	.ltorg				/* the constants above */
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", %nobits
	.balign	4
arch_try_sp:
	.zero	4

	.section .text.arch_try, "ax", %progbits
	.globl	arch_try
	.type	arch_try, %function
arch_try:
	push	{r3-r11, lr}		/* ten words: sp stays 8-aligned */
	ldr	r2, 1f			/* arch_try_sp = sp, found pc-relative */
2:	add	r2, pc, r2
	str	sp, [r2]
	mov	r2, r0
	mov	r0, r1
	blx	r2			/* fn(arg) */
.Lback:
	pop	{r3-r11, pc}

	/* Where a fault inside fn comes back to: the saved sp, result 0. */
	.globl	arch_try_fault
	.type	arch_try_fault, %function
arch_try_fault:
	ldr	r1, 3f
4:	add	r1, pc, r1
	ldr	sp, [r1]
	mov	r0, #0
	b	.Lback
1:	.word	arch_try_sp - (2b + 8)
3:	.word	arch_try_sp - (4b + 8)
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", %progbits
