/*
 * arch/x86_64/sigframe.h - signals on x86_64: who a handler returns to, and the
 * interrupted context it is given.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <asm/signal.h>         /* SA_RESTORER, SA_SIGINFO, SIGUSR1... */
#include <asm/sigcontext.h>     /* struct sigcontext, before ucontext.h */
#include <asm/ucontext.h>
#include <asm/siginfo.h>

/*
 * Signals (arch/x86/kernel/signal_64.c).  A handler returns to the address
 * the kernel wrote on top of the frame: sa_restorer, which x86_64 insists
 * on (without SA_RESTORER the frame is not set up and the process gets
 * SIGSEGV), and there is no vDSO trampoline to fall back on.
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/x86/kernel/signal_64.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 1
#define ARCH_NR_sigreturn       (-1)        /* only rt_sigreturn exists */
/* Without SA_RESTORER there is no return at all, vDSO or not. */
#define ARCH_SIGNAL_WITHOUT_VDSO "without SA_RESTORER the kernel builds no frame, vDSO or not:" \
	" SIGSEGV (arch/x86/kernel/signal_64.c)"

/* arch/x86_64/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "rbx", "rbp", "rdx", "r8", "r9", "r10", "r12", "r13", \
		       "r14", "r15", "rsi", "rdi"
long arch_try(long (*fn)(long), long arg);
void arch_try_fault(void);

/*
 * A handler starts as if called: the psABI wants the stack 16-byte aligned
 * at the call, and the kernel builds the frame so (get_sigframe in
 * arch/x86/kernel/signal.c).  qemu-user 7.2 does not: there a handler's
 * aligned SSE store (movaps, as gcc -O0 emits for a struct) faults.  So
 * every handler here realigns its own stack on entry.
 */
#define ARCH_SIGNAL_HANDLER __attribute__((force_align_arg_pointer))

/* The interrupted context a SA_SIGINFO handler gets as its third argument
 * (<asm/ucontext.h>, <asm/sigcontext.h>): its instruction pointer. */
static inline uintptr_t arch_context_ip(const void *uc)
{
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.rip;
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.rip = ip;
}

#endif
