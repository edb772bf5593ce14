/*
 * arch/ppc64le/trace.h - what the tracer (demo/vdso/trace*.c) needs to
 * know of ppc64le: the breakpoint, ptrace's registers, and the kind of
 * process it can trace: ppc64le only.
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: `trap` (tw 31,0,0), the 4-byte instruction 0x7fe00008,
 * little-endian in memory; what gdb uses on this arch.  The kernel's
 * program check handler (arch/powerpc/kernel/traps.c) reports it as
 * SIGTRAP with nip still AT the trap: nothing to rewind.
 */
#define ARCH_TRACE_BREAKPOINT { 0x08, 0x00, 0xe0, 0x7f }
#define ARCH_TRACE_BREAK_SIZE 4
#define ARCH_TRACE_PC_REWIND  0

/*
 * PTRACE_GETREGS fills the kernel's struct user_pt_regs
 * (arch/powerpc/include/uapi/asm/ptrace.h), 64-bit words.
 */
struct arch_regs {
	uint64_t gpr[32];
	uint64_t nip, msr, orig_gpr3, ctr, link, xer, ccr, softe;
	uint64_t trap, dar, dsisr, result;
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->nip; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->nip = pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->gpr[1]; }
/* The result of a function (r3; a positive errno if CR0.SO is set), and
 * the number of a system call at its stop (r0). */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->gpr[3]; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->gpr[0]; }
/* Argument i (0-5): r3-r8. */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	return r->gpr[3 + (i < 6 ? i : 5)];
}
/* The return address at a function's entry: `bl` put it in lr. */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	*ret = r->link;
	return 1;
}

#define ARCH_TRACEES { TRACEE_PPC64LE }
/* A 64-bit kernel runs 32-bit big-endian processes too (MSR_SF, bit 63,
 * clear); their vDSO is not traced from here. */
static inline const char *arch_trace_foreign(const struct arch_regs *r)
{
	return r->msr >> 63 ? 0 : "a 32-bit powerpc process, which this vdso does not trace";
}
static inline unsigned arch_regs_tracee(const struct arch_regs *r)
{
	(void)r;
	return 0;
}

/* Every function can take the breakpoint. */
static inline const char *arch_trace_cannot_break(uint64_t symbol_value)
{
	(void)symbol_value;
	return 0;
}

/* Nothing is emulated: the kernel steps one instruction (PTRACE_SINGLESTEP,
 * MSR_SE), which serves every first instruction. */
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
