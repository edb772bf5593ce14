/*
 * arch/riscv64/trace.h - what the tracer (demo/vdso/trace*.c) needs to know
 * of riscv64: the breakpoint, ptrace's registers, how to run one
 * instruction without single step, and the kind of process it traces.
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: `c.ebreak`, the 2-byte instruction 0x9002 (the C
 * extension), little-endian in memory.  Two bytes, so that it never
 * covers more than the one instruction it replaces, compressed or not.
 * The kernel's do_trap_break (arch/riscv/kernel/traps.c) reports it with
 * the PC still AT the breakpoint: nothing to rewind.
 */
#define ARCH_TRACE_BREAKPOINT { 0x02, 0x90 }
#define ARCH_TRACE_BREAK_SIZE 2
#define ARCH_TRACE_PC_REWIND  0

/*
 * riscv has no PTRACE_GETREGS: the registers come through PTRACE_GETREGSET
 * with NT_PRSTATUS (demo/vdso/trace_mem.c), as the kernel's struct
 * user_regs_struct (arch/riscv/include/uapi/asm/ptrace.h): pc, then x1-x31,
 * so that xN is x[N] (x[0] holds the pc).
 */
#define ARCH_TRACE_REGSET 1
struct arch_regs {
	uint64_t x[32];
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->x[0]; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->x[0] = pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->x[2]; }
/* The result of a function (a0 = x10), and the number of a system call at
 * its stop (a7 = x17: arch/riscv/kernel/traps.c reads it there). */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->x[10]; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->x[17]; }
/* Argument i (0-5): a0-a5, x10-x15. */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	return r->x[10 + (i < 6 ? i : 5)];
}
/* The return address at a function's entry: the call put it in ra (x1). */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	*ret = r->x[1];
	return 1;
}

#define ARCH_TRACEES { TRACEE_RISCV64 }
/* Why a stopped process cannot be traced from here, or 0: the Debian
 * kernels run no 32-bit riscv processes (no CONFIG_COMPAT). */
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

/* Every function can take the breakpoint. */
static inline const char *arch_trace_cannot_break(uint64_t symbol_value)
{
	(void)symbol_value;
	return 0;
}

/*
 * riscv has no single step under ptrace (arch/riscv/kernel/ptrace.c takes
 * no PTRACE_SINGLESTEP).  The tracer runs the instruction under a
 * breakpoint up to a second breakpoint at the next one instead
 * (trace_break.c), and asks here where that is: code, the first two
 * bytes of the instruction at r's PC (enough for its length and its
 * major opcode).  Returns 1 with *next set, or 0 for an instruction that
 * may go elsewhere (jal, jalr, a branch; c.j, c.jr, c.jalr, c.beqz, c.bnez).
 */
#define ARCH_TRACE_NO_SINGLESTEP 1
static inline int arch_trace_next_pc(const unsigned char *code,
				     const struct arch_regs *r, uint64_t *next)
{
	unsigned h = (unsigned)(code[0] | code[1] << 8);
	unsigned op = h & 0x7f, q = h & 3, f3 = h >> 13;

	if (q == 3) {
		if (op == 0x6f || op == 0x67 || op == 0x63)
			return 0;
		*next = r->x[0] + 4;
		return 1;
	}
	if ((q == 1 && f3 >= 5) || (q == 2 && f3 == 4 && (h >> 2 & 31) == 0 && (h >> 7 & 31) != 0))
		return 0;
	*next = r->x[0] + 2;
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
