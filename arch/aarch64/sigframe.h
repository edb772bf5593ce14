/*
 * arch/aarch64/sigframe.h - signals on aarch64: who a handler returns to,
 * and the interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <asm/signal.h>         /* SA_RESTORER, SA_SIGINFO, SIGUSR1... */
#include <asm/sigcontext.h>     /* struct sigcontext, before ucontext.h */
#include <asm/ucontext.h>
#include <asm/siginfo.h>

/*
 * Signals (arch/arm64/kernel/signal.c, setup_return).  A handler starts
 * with its return address in the link register x30, not on the stack:
 * sa_restorer with SA_RESTORER, else the vDSO's __kernel_rt_sigreturn
 * (the sigtramp).  Every frame is an rt frame: there is no old sigreturn.
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/arm64/kernel/signal.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       (-1)        /* only rt_sigreturn exists */
/* Where a handler without SA_RESTORER returns in a process with no vDSO. */
#define ARCH_SIGNAL_WITHOUT_VDSO "without SA_RESTORER a kernel returns through the vDSO's sigtramp," \
	" and with no vDSO there is none (arch/arm64/kernel/signal.c)"

/* arch/aarch64/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "x1", "x2", "x3", "x4", "x5", "x6", "x7", \
		       "x9", "x10", "x11", "x12", "x13", "x14", "x15", \
		       "x19", "x20", "x21", "x22", "x23", "x24", "x25", \
		       "x26", "x27", "x28"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/* sp is 16-byte aligned at every instruction that uses it (the hardware
 * checks), and the kernel builds the frame so: nothing to realign. */
#define ARCH_SIGNAL_HANDLER

/* The interrupted context a SA_SIGINFO handler gets as its third argument
 * (<asm/ucontext.h>, <asm/sigcontext.h>): its program counter. */
static inline uintptr_t arch_context_ip(const void *uc)
{
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.pc;
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.pc = ip;
}

#endif
