/*
 * arch/i386/trace.h - what the tracer (demo/vdso/trace*.c) needs to know
 * of i386: the breakpoint, ptrace's registers, and the kind of process it
 * can trace (i386 only: a 32-bit tracer cannot trace a 64-bit process).
 */
#ifndef ARCH_TRACE_H
#define ARCH_TRACE_H

#include <stdint.h>
#include "tracee.h"

/*
 * The breakpoint: `int3`, the one-byte 0xcc (Intel SDM vol. 2, INT3).  The
 * trap it raises leaves the PC after it, so the tracer moves the PC back
 * one byte to the address of the breakpoint.
 */
#define ARCH_TRACE_BREAKPOINT { 0xcc }
#define ARCH_TRACE_BREAK_SIZE 1
#define ARCH_TRACE_PC_REWIND  1

/* What PTRACE_GETREGS fills: the kernel's struct user_regs_struct
 * (arch/x86/include/asm/user_32.h). */
struct arch_regs {
	unsigned long ebx, ecx, edx, esi, edi, ebp, eax;
	unsigned long xds, xes, xfs, xgs, orig_eax;
	unsigned long eip, xcs, eflags, esp, xss;
};

static inline uint64_t arch_regs_pc(const struct arch_regs *r) { return r->eip; }
static inline void arch_regs_set_pc(struct arch_regs *r, uint64_t pc) { r->eip = (unsigned long)pc; }
static inline uint64_t arch_regs_sp(const struct arch_regs *r) { return r->esp; }
/* The return address of a function at its entry: on the stack (0), where
 * `call` pushed it (trace_call.c reads it there). */
static inline int arch_regs_return_address(const struct arch_regs *r, uint64_t *ret)
{
	(void)r;
	(void)ret;
	return 0;
}
/* The result of a function, and the number of a system call at its stop. */
static inline uint64_t arch_regs_result(const struct arch_regs *r) { return r->eax; }
static inline long arch_regs_syscall(const struct arch_regs *r) { return (long)r->orig_eax; }

/* No i386 vDSO function takes its arguments in registers (tracee.h). */
static inline uint64_t arch_regs_arg(const struct arch_regs *r, unsigned i)
{
	(void)r;
	(void)i;
	return 0;
}

#define ARCH_TRACEES { TRACEE_I386 }
/*
 * Why a stopped process cannot be traced from here, or 0.  Under a 64-bit
 * kernel a 64-bit process runs with %cs = __USER_CS, 0x33 (the kernel's
 * arch/x86/include/asm/segment.h), and ptrace shows a 32-bit tracer only
 * the low halves of its registers.
 */
static inline const char *arch_trace_foreign(const struct arch_regs *r)
{
	return r->xcs == 0x33 ? "a 64-bit process, which the 32-bit vdso cannot trace: "
				"trace it with the 64-bit one" : 0;
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
 * The first instruction of a vDSO function, run by the tracer for the
 * tracee instead of stepped over (demo/vdso/trace_break.c says why both
 * ways exist): the few that functions start with on the kernels we know
 * (objdump -d of a dump).  code: its first bytes; word: the tracee's (4 or
 * 8).  Returns 1 when done: *r moved past it, and, if *store_size is not
 * 0, that many bytes of *store_value to be written at *store_addr.  0 for
 * any other instruction.
 */
static inline int arch_trace_emulate(const unsigned char *code, unsigned word,
				     struct arch_regs *r, uint64_t *store_addr,
				     uint64_t *store_value, unsigned *store_size)
{
	*store_size = 0;
	if (code[0] == 0x55) {                  /* push %ebp: 55 */
		r->esp -= word;
		*store_addr = r->esp;
		*store_value = r->ebp;
		*store_size = word;
		r->eip += 1;
		return 1;
	}
	if (code[0] == 0xf3 && code[1] == 0x0f && code[2] == 0x1e &&
	    (code[3] == 0xfa || code[3] == 0xfb)) {     /* endbr64, endbr32: no-ops */
		r->eip += 4;
		return 1;
	}
	if (code[0] == 0xb8) {                  /* mov $imm32, %eax */
		r->eax = (uint32_t)(code[1] | code[2] << 8 | code[3] << 16 |
				   (uint32_t)code[4] << 24);
		r->eip += 5;
		return 1;
	}
	return 0;
}

#endif
