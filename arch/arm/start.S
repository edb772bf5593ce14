/*
 * arch/arm/start.S - the first instructions of the process (ARM state).
 *
 * What the kernel leaves (the kernel's fs/binfmt_elf.c create_elf_tables
 * and arch/arm/include/asm/processor.h start_thread):
 *   sp  -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *   sp is 16-byte aligned (create_elf_tables rounds it); r0 is 0 or a
 *   function for atexit (ignored); no other register is promised to us.
 * The AAPCS wants sp 8-byte aligned at every public call.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  It finds _DYNAMIC
 * by adding a distance fixed at link time to the program counter, which
 * in ARM state reads as the address of the instruction plus 8.
 */
	.syntax	unified
	.arm
	.section .text._start, "ax", %progbits
	.globl	_start
	.type	_start, %function
_start:
	mov	fp, #0			/* fp (r11) 0: the outermost frame */
	mov	lr, #0			/* and no return address */
	mov	r4, sp			/* r4, callee-saved: the stack the kernel left */
	bic	sp, sp, #15		/* 16-aligned, more than the AAPCS's 8 */
#ifdef START_PIE
	ldr	r0, 1f			/* the distance from 2: + 8 to _DYNAMIC */
2:	add	r0, pc, r0		/* pc = 2b + 8: where _DYNAMIC is now */
	bl	start_relocate		/* start_relocate(_DYNAMIC) */
#endif
	mov	r0, r4			/* start_c(sp): the first argument in r0 */
	bl	start_c
	udf	#0			/* start_c never returns; if it did, trap */
#ifdef START_PIE
1:	.word	_DYNAMIC - (2b + 8)
#endif
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
