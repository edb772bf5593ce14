/*
 * arch/ppc64le/sigframe.h - signals on ppc64le: who a handler returns to,
 * and the interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <asm/signal.h>         /* SA_RESTORER, SA_SIGINFO, SIGUSR1... */
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <asm/siginfo.h>
#include <asm/ptrace.h>         /* PT_NIP */

/*
 * Signals (arch/powerpc/kernel/signal_64.c, handle_rt_signal64).  A
 * handler starts with its return address in the link register, not on the
 * stack: the vDSO's __kernel_sigtramp_rt64 where the process has a vDSO,
 * else two instructions the kernel writes into the frame itself.  The
 * kernel never reads sa_restorer here: SA_RESTORER is accepted and
 * ignored.  Every frame is an rt frame on 64-bit.
 */
#define ARCH_KERNEL_SIGNAL_FILE "arch/powerpc/kernel/signal_64.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       (-1)        /* a 64-bit process has rt_sigreturn only */
/* Where a handler returns in a process with no vDSO. */
#define ARCH_SIGNAL_WITHOUT_VDSO "with no vDSO a kernel writes `li r0,172; sc` (rt_sigreturn) into the" \
	" frame on the stack and returns there; sa_restorer is never used (arch/powerpc/kernel/signal_64.c)"

/* Why a handler's sa_restorer counts for nothing here (`vdso signal`
 * says it beside its SA_RESTORER case, which returns where the others do). */
#define ARCH_SIGNAL_RESTORER_UNUSED "a powerpc kernel accepts SA_RESTORER and never reads" \
	" sa_restorer: handle_rt_signal64 sets the link register to the vDSO's" \
	" __kernel_sigtramp_rt64, or with no vDSO to a trampoline in the frame" \
	" (arch/powerpc/kernel/signal_64.c)"

/* arch/ppc64le/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", \
		       "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29", \
		       "r30", "r31"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/* The kernel builds the frame 16-byte aligned, as the ABI wants r1. */
#define ARCH_SIGNAL_HANDLER

/* The interrupted context a SA_SIGINFO handler gets as its third argument
 * (<asm/ucontext.h>): its next instruction address, gp_regs[PT_NIP] of
 * the machine context, where rt_sigreturn reads it back. */
static inline uintptr_t arch_context_ip(const void *uc)
{
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.gp_regs[PT_NIP];
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.gp_regs[PT_NIP] = ip;
}

#endif
