/*
 * arch/s390x/sigframe.h - signals on s390x: who a handler returns to,
 * and the interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <asm/signal.h>         /* SA_RESTORER, SA_SIGINFO, SIGUSR1, stack_t */
#include <asm/sigcontext.h>     /* _sigregs, before ucontext.h */
#include <asm/ucontext.h>
#include <asm/siginfo.h>

/*
 * Signals (arch/s390/kernel/signal.c, setup_frame and setup_rt_frame).  A
 * handler starts with its return address in r14, not on the stack:
 * sa_restorer with SA_RESTORER; else the vDSO's __kernel_rt_sigreturn (an
 * SA_SIGINFO frame) or __kernel_sigreturn (the old frame), since Linux
 * 5.14; before, an `svc` the kernel wrote into the frame itself.
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/s390/kernel/signal.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       __NR_sigreturn  /* the old frame's return */
/* Where a handler without SA_RESTORER returns in a process with no vDSO. */
#define ARCH_SIGNAL_WITHOUT_VDSO "without SA_RESTORER a kernel since 5.14 returns through the vDSO," \
	" which s390 always maps; older kernels write an `svc` into the frame on the stack and" \
	" return there (arch/s390/kernel/signal.c)"

/* arch/s390x/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "r0", "r1", "r3", "r4", "r5", "r6", "r7", "r8", \
		       "r9", "r10", "r11", "r12", "r13"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/* The kernel aligns the frame to 8 bytes, all the s390x ELF ABI asks
 * (get_sigframe): nothing to realign. */
#define ARCH_SIGNAL_HANDLER

/* The interrupted context a SA_SIGINFO handler gets as its third argument
 * (<asm/ucontext.h>, <asm/sigcontext.h>): the address half of its PSW,
 * the program status word. */
static inline uintptr_t arch_context_ip(const void *uc)
{
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.regs.psw.addr;
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.regs.psw.addr = ip;
}

#endif
