/*
 * arch/s390x/start.S - the first instructions of the process.
 *
 * What the kernel leaves (the kernel's fs/binfmt_elf.c create_elf_tables
 * and arch/s390/include/asm/processor.h start_thread; the s390x ELF ABI
 * supplement, "Process Initialization"):
 *   r15 (the stack pointer) -> argc, argv[0..argc-1], NULL, envp[...],
 *       NULL, auxv pairs, AT_NULL; 16-byte aligned (create_elf_tables
 *       rounds it so, more than the ABI's 8).
 *   r14 (the return register) and the others hold nothing we may use.
 *
 * The ABI's calling convention: the first argument in r2; a function may
 * store registers in the 160 bytes above the caller's r15 (the register
 * save area), whose first doubleword is the back chain (0: the outermost
 * frame).  brasl puts the return address in r14.
 *
 * Built twice, as libc builds crt1.o and rcrt1.o: once for a program linked
 * at a fixed address (ET_EXEC), and once with START_PIE for a static PIE,
 * which must first relocate itself (start/relocate.c).  larl finds _DYNAMIC
 * relative to the instruction itself: no relocation needed, the distance
 * was fixed at link time.
 */
	.section .text._start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	lgr	%r10, %r15		/* r10, callee-saved: the stack the kernel left */
	aghi	%r15, -160		/* a register save area for the functions we call */
	xc	0(8, %r15), 0(%r15)	/* its back chain: 0, no caller to unwind to */
	/*
	 * The stack protector's canary: clang has no -mstack-protector-guard=
	 * global for s390x, and reads it at the thread pointer + 40, where
	 * glibc keeps stack_guard in its thread control block (tcbhead_t).
	 * The thread pointer is the pair of access registers a0 (high half)
	 * and a1 (low half), which user code sets itself with `sar`: point it
	 * 40 bytes below the runtime's global __stack_chk_guard, so that the
	 * slot is that global (start/stack_protector.c fills it).  Weak: a
	 * program with no protected function (hello) has no canary.
	 */
	.weak	__stack_chk_guard
	larl	%r1, __stack_chk_guard - 40
	sar	%a1, %r1
	srlg	%r1, %r1, 32
	sar	%a0, %r1
#ifdef START_PIE
	larl	%r2, _DYNAMIC		/* where _DYNAMIC is now, pc-relative */
	brasl	%r14, start_relocate	/* start_relocate(_DYNAMIC) */
#endif
	lgr	%r2, %r10		/* start_c(sp): the first argument in r2 */
	brasl	%r14, start_c
	.short	0			/* start_c never returns; if it did, an illegal instruction */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
