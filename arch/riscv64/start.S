/*
 * arch/riscv64/start.S - the first instructions of the process.
 *
 * What the kernel leaves (the kernel's fs/binfmt_elf.c create_elf_tables
 * and arch/riscv/kernel/process.c start_thread; the RISC-V psABI leaves
 * the start-up state to the OS):
 *   sp  -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *   sp is 16-byte aligned, as the psABI wants at every call;
 *   a0 holds a function for atexit (0 for a static program: ignored);
 *   ra and s0 (the frame pointer) are 0.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  lla (auipc +
 * addi) finds _DYNAMIC relative to the program counter: no relocation
 * needed, the distance was fixed at link time.  gp is left alone: the
 * runtime is built -mno-relax, so no code addresses data through it.
 */
	.section .text._start, "ax", %progbits
	.globl	_start
	.type	_start, %function
_start:
	li	s0, 0			/* the outermost frame: no caller to unwind to */
	li	ra, 0			/* and no return address */
	mv	s1, sp			/* s1, callee-saved: the stack the kernel left */
#ifdef START_PIE
	lla	a0, _DYNAMIC		/* where _DYNAMIC is now, pc-relative */
	call	start_relocate		/* start_relocate(_DYNAMIC) */
#endif
	mv	a0, s1			/* start_c(sp): the first argument in a0 */
	call	start_c			/* sp is still 16-aligned */
	ebreak				/* start_c never returns; if it did, trap */
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
