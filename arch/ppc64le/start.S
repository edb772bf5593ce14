/*
 * arch/ppc64le/start.S - the first instructions of the process.
 *
 * What the kernel leaves (fs/binfmt_elf.c create_elf_tables, and
 * arch/powerpc/kernel/process.c start_thread; the 64-bit ELFv2 ABI,
 * "Process Initialization"):
 *   r1  (the stack pointer) -> argc, argv[0..argc-1], NULL, envp[...],
 *       NULL, auxv pairs, AT_NULL; 16-byte aligned
 *   r12 the entry's address (ELFv2 wants it at every global entry); it is
 *       not trusted here: the address is found with bcl, below
 *   r2  (the TOC pointer) is not set: a static program sets its own
 *
 * ELFv2 code reaches its data through r2, the TOC pointer: .TOC. is
 * 0x8000 past the start of the GOT, so that a signed 16-bit offset from
 * r2 reaches 64 KiB of it.  _start computes r2 from its own address,
 * which needs no relocation: the distance was fixed at link time.
 *
 * The canary: clang has no global guard on this arch and reads it at
 * -0x7010(r13), from the thread pointer, as glibc lays out its thread
 * control block (its sysdeps/powerpc/nptl/tls.h).  r13 is pointed so that
 * this slot is __stack_chk_guard (start/stack_protector.c), which a
 * program links only if it has a protected function: the reference is
 * weak, through the GOT, and read after relocation.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program at a
 * fixed address (ET_EXEC), and once with START_PIE for a static PIE, which
 * must first relocate itself (start/relocate.c).
 */
	.weak	__stack_chk_guard

	.section .text._start, "ax", @progbits
	.globl	_start
	.type	_start, @function
	.p2align 2
_start:
	bcl	20, 31, 1f		/* lr = the address of 1: (branch always, to the next) */
1:	mflr	12
	addis	2, 12, (.TOC. - 1b)@ha	/* r2 = .TOC., from our own address */
	addi	2, 2, (.TOC. - 1b)@l
	mr	31, 1			/* r31, non-volatile: the stack the kernel left */
	clrrdi	1, 1, 4			/* 16-byte aligned, as the ABI wants */
	li	0, 0
	stdu	0, -32(1)		/* the outermost frame: back chain 0, room for the */
					/* callee's saves of lr (16) and r2 (24) in ours */
	mtlr	0			/* no return address */
#ifdef START_PIE
	addis	3, 2, _DYNAMIC@toc@ha	/* start_relocate(where _DYNAMIC is now): */
	addi	3, 3, _DYNAMIC@toc@l	/* TOC-relative, so position-independent */
	bl	start_relocate
	nop
#endif
	ld	13, __stack_chk_guard@got(2)	/* the canary's address, or 0 */
	addi	13, 13, 0x7010			/* so that -0x7010(r13) is it */
	mr	3, 31			/* start_c(sp): the first argument in r3 */
	bl	start_c
	nop
	trap				/* start_c never returns; if it did, trap */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
