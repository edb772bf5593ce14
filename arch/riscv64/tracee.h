/*
 * arch/riscv64/tracee.h - how a riscv64 process calls its vDSO, as a
 * tracer sees it (demo/vdso/trace*.c).  Included by arch/riscv64/trace.h.
 *
 * The RISC-V psABI ("RISC-V Calling Conventions", integer calling
 * convention): integer and pointer arguments in a0-a7, the result in a0;
 * `jal`/`jalr` leave the return address in ra, and nothing on the stack.
 * The vDSO's functions are plain C functions (the kernel's
 * arch/riscv/kernel/vdso/vgettimeofday.c, hwprobe.c) or two instructions.
 *
 * System call numbers: riscv uses the generic table, the kernel's
 * include/uapi/asm-generic/unistd.h, and two of its own (its
 * arch/riscv/include/uapi/asm/unistd.h): the ones a vDSO function falls
 * back to or makes.  There is no time().
 */
#ifndef ARCH_RISCV64_TRACEE_H
#define ARCH_RISCV64_TRACEE_H

#define TRACEE_RISCV64 { \
	.name = "riscv64", .elf_class = 64, .machine = 243, \
	.word = 8, .args_in_regs = 6, .stack_args_at = 0, \
	.syscalls = { { 113, "clock_gettime" }, { 169, "gettimeofday" }, \
		      { 114, "clock_getres" }, { 168, "getcpu" }, \
		      { 278, "getrandom" }, { 258, "riscv_hwprobe" }, \
		      { 259, "riscv_flush_icache" } } }

#endif
