/*
 * arch/x86_64/start.S - the first instructions of the process.
 *
 * What the kernel leaves (x86-64 psABI, "Process Initialization"; the kernel's
 * fs/binfmt_elf.c create_elf_tables):
 *   %rsp  -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *   %rsp is 16-byte aligned here; %rdx holds a function for atexit (0 for a
 *   static program: we ignore it); every other register is unspecified.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  It is told where
 * its dynamic table is now by a %rip-relative address, which needs no
 * relocation: the distance from here to _DYNAMIC was fixed at link time.
 */
	.section .text._start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp		/* the outermost frame: no caller to unwind to */
	mov	%rsp, %rdi		/* start_c(sp): the first argument */
	and	$-16, %rsp		/* the psABI wants %rsp 16-aligned at a call... */
#ifdef START_PIE
	mov	%rdi, %rbx		/* callee-saved: sp survives the call */
	lea	_DYNAMIC(%rip), %rdi	/* start_relocate(where _DYNAMIC is now) */
	call	start_relocate
	mov	%rbx, %rdi
#endif
	call	start_c			/* ...so that it is 8 mod 16 inside start_c */
	hlt				/* start_c never returns; if it did, fault */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
