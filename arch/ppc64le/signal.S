/*
 * arch/ppc64le/signal.S - the signal restorer and two small pieces for
 * the lessons on signals (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_sigreturn  a restorer: rt_sigreturn(2) restores the interrupted
 *       context.  The runtime passes it as sa_restorer on every arch;
 *       this kernel never uses it (arch/ppc64le/sigframe.h).
 *
 *   arch_raise_keep(pid, sig)  fills r14-r31 with known values, sends
 *       itself a signal with kill(2), and after the handler has returned
 *       says which of them changed: a bit per register, in the order of
 *       ARCH_KEPT_REGS (sigframe.h).  These are the registers `sc` and a
 *       C function must keep (the ELFv2 ABI, "Register Roles"); the
 *       handler runs in between, and rt_sigreturn(2) puts every register
 *       back from the frame (restore_sigcontext).
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       nip to arch_try_fault (syscall/probe.c), and the handler's return
 *       lands there, with r1 wherever fn left it.  arch_try_fault takes
 *       back the r1 arch_try saved, restores the registers fn may have
 *       changed, and returns 0 from arch_try.  A setjmp/longjmp pair of
 *       one buffer, without libc.
 */
#include <asm/unistd.h>

	.section .text.arch_sigreturn, "ax", @progbits
	.globl	arch_sigreturn
	.type	arch_sigreturn, @function
	.p2align 2
arch_sigreturn:
	li	0, __NR_rt_sigreturn
	sc
	.size	arch_sigreturn, . - arch_sigreturn

/* A frame of 192 bytes: the ABI's header (back chain, cr, lr, r2 save:
 * 32 bytes), then r14-r31 at 32..175, cr at 176.  lr goes in the
 * caller's frame at 16, as the ABI has it. */
.macro	save_frame
	mflr	0
	std	0, 16(1)
	stdu	1, -192(1)
	std	14, 32(1)
	std	15, 40(1)
	std	16, 48(1)
	std	17, 56(1)
	std	18, 64(1)
	std	19, 72(1)
	std	20, 80(1)
	std	21, 88(1)
	std	22, 96(1)
	std	23, 104(1)
	std	24, 112(1)
	std	25, 120(1)
	std	26, 128(1)
	std	27, 136(1)
	std	28, 144(1)
	std	29, 152(1)
	std	30, 160(1)
	std	31, 168(1)
	mfcr	0
	std	0, 176(1)
	std	2, 24(1)
.endm
.macro	restore_frame
	ld	14, 32(1)
	ld	15, 40(1)
	ld	16, 48(1)
	ld	17, 56(1)
	ld	18, 64(1)
	ld	19, 72(1)
	ld	20, 80(1)
	ld	21, 88(1)
	ld	22, 96(1)
	ld	23, 104(1)
	ld	24, 112(1)
	ld	25, 120(1)
	ld	26, 128(1)
	ld	27, 136(1)
	ld	28, 144(1)
	ld	29, 152(1)
	ld	30, 160(1)
	ld	31, 168(1)
	ld	0, 176(1)
	mtcrf	0x38, 0			/* cr2-cr4, the fields a function keeps */
	ld	2, 24(1)
	addi	1, 1, 192
	ld	0, 16(1)
	mtlr	0
.endm

/* Register rN gets 0x0N0N0N0N0N0N0N0N: two bytes, then doubled twice. */
.macro	pattern r, n
	li	\r, 0x0101 * \n
	rldimi	\r, \r, 16, 32
	rldimi	\r, \r, 32, 0
.endm
.macro	kept n, bit
	pattern	12, \n
	cmpd	\n, 12
	beq	1f
	li	12, 1
	sldi	12, 12, \bit
	or	3, 3, 12
1:
.endm

	.section .text.arch_raise_keep, "ax", @progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, @function
	.p2align 2
arch_raise_keep:
	save_frame
	pattern	14, 14
	pattern	15, 15
	pattern	16, 16
	pattern	17, 17
	pattern	18, 18
	pattern	19, 19
	pattern	20, 20
	pattern	21, 21
	pattern	22, 22
	pattern	23, 23
	pattern	24, 24
	pattern	25, 25
	pattern	26, 26
	pattern	27, 27
	pattern	28, 28
	pattern	29, 29
	pattern	30, 30
	pattern	31, 31
	li	0, __NR_kill		/* kill(pid = r3, sig = r4) */
	sc				/* the signal is delivered on the way out */
	li	3, 0			/* the mask of changed registers */
	kept	14, 0
	kept	15, 1
	kept	16, 2
	kept	17, 3
	kept	18, 4
	kept	19, 5
	kept	20, 6
	kept	21, 7
	kept	22, 8
	kept	23, 9
	kept	24, 10
	kept	25, 11
	kept	26, 12
	kept	27, 13
	kept	28, 14
	kept	29, 15
	kept	30, 16
	kept	31, 17
	restore_frame
	blr
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", @nobits
	.balign	8
arch_try_sp:
	.zero	8

	.section .text.arch_try, "ax", @progbits
	.globl	arch_try
	.type	arch_try, @function
	.p2align 2
arch_try:
	save_frame
	addis	5, 2, arch_try_sp@toc@ha	/* arch_try_sp = r1, TOC-relative */
	std	1, arch_try_sp@toc@l(5)
	mtctr	3
	mr	12, 3			/* ELFv2: a function's address in r12 at its global entry */
	mr	3, 4
	bctrl				/* fn(arg) */
.Lback:
	restore_frame
	blr

	/* Where a fault inside fn comes back to: r2 found again from our
	 * own address (fn may have changed it), the saved r1, result 0. */
	.globl	arch_try_fault
	.type	arch_try_fault, @function
arch_try_fault:
	bcl	20, 31, 2f
2:	mflr	12
	addis	2, 12, (.TOC. - 2b)@ha
	addi	2, 2, (.TOC. - 2b)@l
	addis	5, 2, arch_try_sp@toc@ha
	ld	1, arch_try_sp@toc@l(5)
	li	3, 0
	b	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", @progbits
