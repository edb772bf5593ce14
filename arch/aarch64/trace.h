/*
 * arch/aarch64/trace.h - what the tracer (demo/vdso/trace*.c) needs to know
 * of aarch64: the breakpoint, ptrace's registers, and the kind of process
 * it can trace: aarch64 only.  A 32-bit arm process under an arm64 kernel's
 * compat mode is left out: its registers come in another regset layout and
 * it takes the arm breakpoint, so it would need arch/arm's half here too.
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: `brk #0`, the 4-byte instruction 0xd4200000 (Arm ARM,
 * BRK), little-endian in memory.  The kernel's brk handler
 * (arch/arm64/kernel/debug-monitors.c) reports it with the PC still AT the
 * breakpoint: nothing to rewind.
 */
#define ARCH_TRACE_BREAKPOINT { 0x00, 0x00, 0x20, 0xd4 }
#define ARCH_TRACE_BREAK_SIZE 4
#define ARCH_TRACE_PC_REWIND  0

/*
 * arm64 has no PTRACE_GETREGS: the registers come through PTRACE_GETREGSET
 * with NT_PRSTATUS (demo/vdso/trace_mem.c), as the kernel's struct
 * user_pt_regs (arch/arm64/include/uapi/asm/ptrace.h).
 */
#define ARCH_TRACE_REGSET 1
struct arch_regs {
	uint64_t regs[31];      /* x0-x30; x30 is the link register */
	uint64_t sp, pc, pstate;
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->pc; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->pc = pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->sp; }
/* The result of a function (x0), and the number of a system call at its
 * stop (x8: arch/arm64/kernel/syscall.c reads it there). */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->regs[0]; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->regs[8]; }
/* Argument i (0-5): x0-x5. */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	return r->regs[i < 6 ? i : 5];
}
/* The return address at a function's entry: `bl` put it in x30. */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	*ret = r->regs[30];
	return 1;
}

#define ARCH_TRACEES { TRACEE_AARCH64 }
/*
 * Why a stopped process cannot be traced from here, or 0.  A 32-bit arm
 * process under this kernel runs with PSTATE.nRW (bit 4, PSR_MODE32_BIT in
 * the kernel's arch/arm64/include/uapi/asm/ptrace.h) set; its compat vDSO
 * is not traced from here yet.
 */
static inline const char *arch_trace_foreign(const struct arch_regs *r)
{
	return r->pstate & 0x10 ? "a 32-bit arm process, which this vdso does not trace yet" : 0;
}
static inline unsigned arch_regs_tracee(const struct arch_regs *r)
{
	(void)r;
	return 0;
}

/* Every function can take the breakpoint (arm's Thumb ones cannot). */
static inline const char *arch_trace_cannot_break(uint64_t symbol_value)
{
	(void)symbol_value;
	return 0;
}

/*
 * Nothing is emulated: arm64 steps one instruction (PTRACE_SINGLESTEP,
 * the kernel's hardware single step), which serves every first
 * instruction (demo/vdso/trace_break.c).
 */
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
