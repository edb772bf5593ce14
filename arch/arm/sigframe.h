/*
 * arch/arm/sigframe.h - signals on 32-bit arm: who a handler returns to,
 * and the interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <asm/signal.h>         /* SA_RESTORER, SA_SIGINFO, SIGUSR1, stack_t */
#include <asm/sigcontext.h>     /* struct sigcontext */
#include <asm/siginfo.h>

/*
 * Signals (arch/arm/kernel/signal.c, setup_return).  A handler starts with
 * its return address in lr: sa_restorer with SA_RESTORER; else a
 * sigreturn or rt_sigreturn sequence in the sigpage, a page the kernel
 * maps into every process (at a random address since Linux 3.13).
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/arm/kernel/signal.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       __NR_sigreturn  /* the old frame's return */
/* Where a handler without SA_RESTORER returns in a process with no vDSO. */
#define ARCH_SIGNAL_WITHOUT_VDSO "without SA_RESTORER a kernel returns through its sigpage," \
	" vDSO or not (arch/arm/kernel/signal.c)"

/* arch/arm/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", \
		       "r9", "r10", "r11", "r12"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/* The kernel aligns the frame to 8 bytes, all the AAPCS asks (get_sigframe):
 * nothing to realign. */
#define ARCH_SIGNAL_HANDLER

/*
 * The interrupted context a SA_SIGINFO handler gets as its third argument.
 * arm's UAPI headers have no <asm/ucontext.h>; the layout is the kernel's
 * arch/arm/include/asm/ucontext.h, whose first fields are these (the rest,
 * the signal mask and the coprocessor state, follow uc_mcontext).
 */
struct arch_ucontext {
	unsigned long uc_flags;
	struct arch_ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
};

static inline uintptr_t arch_context_ip(const void *uc)
{
	return ((const struct arch_ucontext *)uc)->uc_mcontext.arm_pc;
}
/* The new pc is ARM code (bit 0 clear): clear the Thumb bit (5) of the
 * saved cpsr too, or the return would run it as Thumb. */
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	struct sigcontext *sc = &((struct arch_ucontext *)uc)->uc_mcontext;

	sc->arm_pc = ip & ~1UL;
	if (ip & 1)
		sc->arm_cpsr |= 1UL << 5;
	else
		sc->arm_cpsr &= ~(1UL << 5);
}

#endif
