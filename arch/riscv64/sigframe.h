/*
 * arch/riscv64/sigframe.h - signals on riscv64: who a handler returns to,
 * and the interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include "arch.h"               /* SA_RESTORER, which riscv's headers lack */
#include <asm/signal.h>         /* SA_SIGINFO, SIGUSR1... */
#include <asm/ptrace.h>         /* struct user_regs_struct, before sigcontext.h */
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <asm/siginfo.h>

/*
 * Signals (arch/riscv/kernel/signal.c, setup_rt_frame).  A handler starts
 * with its return address in ra, not on the stack, and that address is
 * always the vDSO's __vdso_rt_sigreturn: riscv takes no sa_restorer at
 * all (arch.h).  Every frame is an rt frame: there is no old sigreturn.
 * QEMU's user mode without a vDSO returns through a page of its own.
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/riscv/kernel/signal.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       (-1)        /* only rt_sigreturn exists */
/* Where a handler returns in a process with no vDSO. */
#define ARCH_SIGNAL_WITHOUT_VDSO "a riscv kernel takes no sa_restorer and returns through the vDSO's" \
	" __vdso_rt_sigreturn; with no vDSO there is none (arch/riscv/kernel/signal.c)"

/* Why a handler's sa_restorer counts for nothing here (`vdso signal`
 * prints no SA_RESTORER case, and says this instead). */
#define ARCH_SIGNAL_RESTORER_UNUSED "riscv takes no sa_restorer: its struct sigaction has no such" \
	" field and its asm/signal.h no SA_RESTORER (include/uapi/asm-generic/signal.h);" \
	" setup_rt_frame always sets ra to the vDSO's __vdso_rt_sigreturn (arch/riscv/kernel/signal.c)"
#define ARCH_SIGNAL_NO_SA_RESTORER 1

/* arch/riscv64/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "a1", "a2", "a3", "a4", "a5", "a6", \
		       "t0", "t1", "t2", "t3", "t4", "t5", "t6", \
		       "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/* The kernel aligns the frame to 16 bytes (get_sigframe), all the psABI
 * asks: nothing to realign. */
#define ARCH_SIGNAL_HANDLER

/* The interrupted context a SA_SIGINFO handler gets as its third argument
 * (<asm/ucontext.h>, <asm/sigcontext.h>): its program counter, the first
 * of the saved registers (struct user_regs_struct, <asm/ptrace.h>). */
static inline uintptr_t arch_context_ip(const void *uc)
{
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.sc_regs.pc;
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.sc_regs.pc = ip;
}

#endif
