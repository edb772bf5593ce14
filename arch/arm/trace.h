/*
 * arch/arm/trace.h - what the tracer (demo/vdso/trace*.c) needs to know of
 * 32-bit arm: the breakpoint, ptrace's registers, how to run one
 * instruction without single step, and the kind of process it traces
 * (arm, in ARM state; functions in Thumb state are not traced).
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: the undefined instruction the kernel keeps for ptrace,
 * 0xe7f001f0 in ARM state (BREAKINST_ARM, arch/arm/kernel/ptrace.c),
 * little-endian in memory.  Its handler sends SIGTRAP with the PC still AT
 * the breakpoint: nothing to rewind.
 */
#define ARCH_TRACE_BREAKPOINT { 0xf0, 0x01, 0xf0, 0xe7 }
#define ARCH_TRACE_BREAK_SIZE 4
#define ARCH_TRACE_PC_REWIND  0

/* What PTRACE_GETREGS fills: the kernel's struct pt_regs
 * (arch/arm/include/uapi/asm/ptrace.h): r0-r15, cpsr, orig_r0. */
struct arch_regs {
	unsigned long uregs[18];
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->uregs[15]; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->uregs[15] = (unsigned long)pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->uregs[13]; }
/* The result of a function (r0), and the number of a system call at its
 * stop (r7, the EABI's: arch/arm/kernel/entry-common.S). */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->uregs[0]; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->uregs[7]; }
/* Argument i (0-3): r0-r3; the others are on the stack (tracee.h). */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	return r->uregs[i < 4 ? i : 3];
}
/* The return address at a function's entry: `bl` put it in r14 (lr). */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	*ret = r->uregs[14];
	return 1;
}

#define ARCH_TRACEES { TRACEE_ARM }
/* Why a stopped process cannot be traced from here, or 0: under a 32-bit
 * kernel every process is an arm one. */
static inline const char *arch_trace_foreign(const struct arch_regs *r)
{
	(void)r;
	return 0;
}
static inline unsigned arch_regs_tracee(const struct arch_regs *r)
{
	(void)r;
	return 0;
}

/*
 * A function the tracer cannot break in: a symbol with bit 0 set is Thumb
 * code (ELF for the Arm Architecture, 5.5.3), which takes another
 * breakpoint (0xde01, 2 bytes) and other rules for the next instruction;
 * only ARM-state functions are traced.  0 when it can.
 */
static inline const char *arch_trace_cannot_break(uint64_t symbol_value)
{
	return symbol_value & 1 ? "Thumb code" : 0;
}

/*
 * ARM has no single step under ptrace: arch/arm/kernel/ptrace.c takes no
 * PTRACE_SINGLESTEP.  The tracer runs the instruction under a breakpoint
 * up to a second breakpoint at the next one instead (trace_break.c), and
 * asks here where that is: insn, the instruction at r's PC.  Returns 1
 * with *next set, or 0 for an instruction that may write the PC in a way
 * not followed here (anything with r15 as its destination, an ldm of pc,
 * bx, a conditional branch, the unconditional space).
 */
#define ARCH_TRACE_NO_SINGLESTEP 1
static inline int arch_trace_next_pc(const unsigned char *code,
				     const struct arch_regs *r, uint64_t *next)
{
	uint32_t insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
			(uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
	uint32_t cond = insn >> 28, op = (insn >> 25) & 7, pc = r->uregs[15];

	if (cond == 0xf)
		return 0;
	if (op == 5) {                          /* b, bl: pc + 8 + imm24 * 4 */
		if (cond != 0xe)
			return 0;
		*next = (uint32_t)(pc + 8 + (uint32_t)((int32_t)(insn << 8) >> 6));
		return 1;
	}
	if (op <= 3 && ((insn >> 12) & 0xf) == 0xf)
		return 0;                       /* Rd = pc, bx (its Rd field is 1111) */
	if (op == 4 && (insn & (1u << 20)) && (insn & (1u << 15)))
		return 0;                       /* ldm with pc in the list */
	*next = pc + 4;
	return 1;
}

/* Nothing is emulated (see arch_trace_next_pc). */
static inline int arch_trace_emulate(const unsigned char *code, unsigned word,
				     struct arch_regs *r, uint64_t *store_addr,
				     uint64_t *store_value, unsigned *store_size)
{
	(void)code;
	(void)word;
	(void)r;
	(void)store_addr;
	(void)store_value;
	*store_size = 0;
	return 0;
}

#endif
