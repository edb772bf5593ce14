/*
 * arch/aarch64/start.S - the first instructions of the process.
 *
 * What the kernel leaves (the kernel's fs/binfmt_elf.c create_elf_tables
 * and arch/arm64/include/asm/processor.h start_thread; the AArch64 ELF
 * ABI leaves the start-up state to the OS):
 *   sp  -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *   sp is 16-byte aligned (the hardware checks it on every sp access);
 *   x0 holds a function for atexit (0 for a static program: ignored);
 *   x29 (frame pointer) and x30 (link register) are 0.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  adrp + add find
 * _DYNAMIC relative to the program counter: no relocation needed, the
 * distance was fixed at link time.
 */
	.section .text._start, "ax", %progbits
	.globl	_start
	.type	_start, %function
_start:
	mov	x29, #0			/* the outermost frame: no caller to unwind to */
	mov	x30, #0			/* and no return address */
	mov	x19, sp			/* x19, callee-saved: the stack the kernel left */
#ifdef START_PIE
	adrp	x0, _DYNAMIC		/* the 4 KiB page of _DYNAMIC, pc-relative... */
	add	x0, x0, :lo12:_DYNAMIC	/* ...plus its offset: where it is now */
	bl	start_relocate		/* start_relocate(_DYNAMIC) */
#endif
	mov	x0, x19			/* start_c(sp): the first argument in x0 */
	bl	start_c			/* sp is still 16-aligned, as AAPCS64 wants */
	brk	#0			/* start_c never returns; if it did, trap */
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
