/*
 * arch/i386/sigframe.h - signals on i386: who a handler returns to, and the
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
 * Signals (arch/x86/kernel/signal_32.c).  A handler returns to the address
 * the kernel wrote on top of the frame: sa_restorer with SA_RESTORER; else
 * the vDSO's __kernel_rt_sigreturn (SA_SIGINFO frame) or __kernel_sigreturn
 * (the old frame).  With no vDSO, ARCH_SIGNAL_WITHOUT_VDSO below.
 */
/* The kernel file that builds the frames, for the reader to open. */
#define ARCH_KERNEL_SIGNAL_FILE "arch/x86/kernel/signal_32.c"
#define ARCH_SIGNAL_NEEDS_RESTORER 0
#define ARCH_NR_sigreturn       __NR_sigreturn  /* the old frame's return */
/*
 * A process with no vDSO (vdso32=0) and a handler without SA_RESTORER, per
 * frame.  ia32_setup_rt_frame adds __kernel_rt_sigreturn's offset to the
 * vDSO's address without asking whether there is one; only
 * ia32_setup_frame asks, and falls back to retcode.  Both frames carry a
 * retcode (the rt frame's unused, a mark for gdb).  So from Linux 2.6.2x
 * to 6.18: arch/x86/kernel/signal_32.c since 2022 joined
 * arch/x86/kernel/signal.c (32-bit kernels) and arch/x86/ia32/ia32_signal.c
 * (64-bit kernels running i386), which did the same.
 */
#define ARCH_SIGNAL_WITHOUT_VDSO "with no vDSO a kernel still points the rt frame (SA_SIGINFO) at the" \
	" vDSO's __kernel_rt_sigreturn, an offset from address 0: the return faults; only the old" \
	" frame returns to code the kernel writes into it (retcode, on the stack), which runs" \
	" only where the stack is executable (arch/x86/kernel/signal_32.c, Linux 2.6 to 6.18)"

/* arch/i386/signal.S: what each does is told there. */
unsigned long arch_raise_keep(long pid, long sig);
#define ARCH_KEPT_REGS "ebx", "ecx", "edx", "esi", "edi", "ebp"
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
	return (uintptr_t)((const struct ucontext *)uc)->uc_mcontext.eip;
}
static inline void arch_context_set_ip(void *uc, uintptr_t ip)
{
	((struct ucontext *)uc)->uc_mcontext.eip = ip;
}

#endif
