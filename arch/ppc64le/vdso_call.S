/*
 * arch/ppc64le/vdso_call.S - every call of a vDSO function, with its
 * error turned into the runtime's -errno (arch/ppc64le/arch.h).
 *
 *   arch_vdso_call(fn, a1, ..., a6)  calls fn(a1, ..., a6) and returns
 *       its r3, negated when fn came back with CR0.SO set: the kernel's
 *       vDSO says an error as `sc` does, a positive errno and the
 *       summary-overflow bit of cr0 (arch/powerpc/kernel/vdso/
 *       gettimeofday.S, cvdso_call: `crset so; neg r3,r3`).  The bit and
 *       the r3 it came with are kept in arch_vdso_last_flag and
 *       arch_vdso_last_raw, for `vdso call` to show.
 *
 * An ELFv2 call through a pointer (the 64-bit ELFv2 ABI, "Function
 * Calls"): the function's address in r12 (its global entry computes its
 * own r2, the TOC, from it), our r2 saved at 24(r1) and reloaded after,
 * since a function of another module (the vDSO) has its own TOC.
 */
	.section .bss.arch_vdso_last, "aw", @nobits
	.balign	8
	.globl	arch_vdso_last_flag, arch_vdso_last_raw
arch_vdso_last_flag:
	.zero	8
arch_vdso_last_raw:
	.zero	8

	.section .text.arch_vdso_call, "ax", @progbits
	.globl	arch_vdso_call
	.type	arch_vdso_call, @function
	.p2align 2
arch_vdso_call:
	mflr	0
	std	0, 16(1)		/* lr, in the caller's frame */
	stdu	1, -32(1)		/* our frame: the ABI's 32-byte header */
	std	2, 24(1)		/* our TOC pointer */
	mtctr	3
	mr	12, 3			/* the callee's global entry */
	mr	3, 4			/* the arguments, one register down */
	mr	4, 5
	mr	5, 6
	mr	6, 7
	mr	7, 8
	mr	8, 9
	bctrl				/* fn(a1, ..., a6) */
	ld	2, 24(1)		/* our TOC again; cr0 untouched so far */
	li	4, 0			/* CR0.SO clear: r3 is the result */
	bns+	1f
	li	4, 1			/* CR0.SO set: r3 is a positive errno */
1:	addis	5, 2, arch_vdso_last_flag@toc@ha
	std	4, arch_vdso_last_flag@toc@l(5)
	addis	5, 2, arch_vdso_last_raw@toc@ha
	std	3, arch_vdso_last_raw@toc@l(5)
	cmpdi	4, 0
	beq	2f
	neg	3, 3			/* -errno, as the runtime's calls answer */
2:	addi	1, 1, 32
	ld	0, 16(1)
	mtlr	0
	blr
	.size	arch_vdso_call, . - arch_vdso_call

	.section .note.GNU-stack, "", @progbits
