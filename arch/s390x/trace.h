/*
 * arch/s390x/trace.h - what the tracer (demo/vdso/trace*.c) needs to know
 * of s390x: the breakpoint, ptrace's registers, and the kind of process
 * it can trace: s390x only (a 31-bit s390 process under a kernel built
 * with compat support is left out).
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: the two bytes 0x0001, an invalid instruction the kernel
 * keeps for ptrace (S390_BREAKPOINT_U16; arch/s390/kernel/traps.c,
 * illegal_op, turns it into SIGTRAP for a traced process).  The program
 * interruption leaves the PSW past the instruction: rewind by its 2 bytes
 * (gdb's s390 target does the same: decr_pc_after_break 2).
 */
#define ARCH_TRACE_BREAKPOINT { 0x00, 0x01 }
#define ARCH_TRACE_BREAK_SIZE 2
#define ARCH_TRACE_PC_REWIND  2

/*
 * s390 has no PTRACE_GETREGS: the registers come through PTRACE_GETREGSET
 * with NT_PRSTATUS (demo/vdso/trace_mem.c), as the kernel's s390_regs
 * (arch/s390/include/uapi/asm/ptrace.h): the PSW (mask, address), r0-r15,
 * the access registers, and r2 as it was at a system call's entry.
 */
#define ARCH_TRACE_REGSET 1
struct arch_regs {
	uint64_t psw_mask, psw_addr;
	uint64_t gprs[16];
	uint32_t acrs[16];
	uint64_t orig_gpr2;
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->psw_addr; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->psw_addr = pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->gprs[15]; }
/* The result of a function (r2), and the number of a system call at its
 * stop: r1 for `svc 0`, which every call of the vDSO's and ours is (an
 * `svc N` carries it in the instruction, which the regset lacks). */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->gprs[2]; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->gprs[1]; }
/* Argument i (0-4): r2-r6. */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	return r->gprs[2 + (i < 5 ? i : 4)];
}
/* The return address at a function's entry: brasl put it in r14. */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	*ret = r->gprs[14];
	return 1;
}

#define ARCH_TRACEES { TRACEE_S390X }
/*
 * Why a stopped process cannot be traced from here, or 0.  A 64-bit
 * process runs with the PSW's extended-addressing bit (bit 31 of the mask,
 * PSW_MASK_EA in the kernel's arch/s390/include/asm/ptrace.h) set; a
 * 31-bit one does not.
 */
static inline const char *arch_trace_foreign(const struct arch_regs *r)
{
	return r->psw_mask & 1ULL << 32 ? 0 : "a 31-bit s390 process, which this vdso does not trace";
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
 * Nothing is emulated: s390 steps one instruction (PTRACE_SINGLESTEP, the
 * PER facility's instruction-fetch event), which serves every first
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
