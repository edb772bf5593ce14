/*
 * arch/i386/start.S - the first instructions of the process.
 *
 * What the kernel leaves (i386 psABI, "Process Initialization"; the kernel's
 * fs/binfmt_elf.c create_elf_tables):
 *   %esp  -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *   %edx holds a function for atexit (0 for a static program: ignored).
 * Linux's i386 ABI (as gcc has assumed since 4.5) wants %esp 16-byte aligned
 * at every call, so that the callee finds it 12 mod 16 after the push of
 * the return address.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  i386 has no
 * %eip-relative addressing: a call pushes the address it returns to, which
 * is where the next instruction is now; the distance from there to
 * _DYNAMIC was fixed at link time (musl's i386 crt_arch.h does the same).
 */
	.section .text._start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp		/* the outermost frame */
	mov	%esp, %eax		/* the initial stack pointer */
	and	$-16, %esp		/* align... */
#ifdef START_PIE
	mov	%eax, %esi		/* callee-saved: sp survives the call */
	call	1f			/* push the address of 1: ... */
1:	pop	%ecx			/* ... and take it */
	add	$_DYNAMIC - 1b, %ecx	/* where _DYNAMIC is now */
	sub	$12, %esp		/* one argument, %esp 16-aligned at the call */
	push	%ecx
	call	start_relocate		/* start_relocate(_DYNAMIC) */
	add	$16, %esp
	mov	%esi, %eax
#endif
	sub	$12, %esp		/* ...so that after one 4-byte push */
	push	%eax			/* %esp is 16-aligned at the call */
	call	start_c			/* start_c(sp), cdecl: argument on the stack */
	hlt				/* never reached */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
