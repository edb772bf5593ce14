/*
 * syscall/probe.c - call a function that may fault, and come back.
 *
 * Without libc there is no setjmp: arch_try (arch/<arch>/signal.S) saves
 * its stack pointer and calls fn.  If fn touches memory that is not there
 * (or not readable, or not executable), the kernel delivers SIGSEGV (or
 * SIGBUS) with the faulting instruction in the handler's context.  The
 * handler below writes arch_try_fault into that context's instruction
 * pointer; when it returns, rt_sigreturn(2) resumes there instead of at
 * the fault, and arch_try_fault takes the saved stack back.  The signal
 * mask is restored by rt_sigreturn like every other register.
 */
#include "syscall.h"
#include <sigframe.h>

static volatile struct sys_fault caught;

ARCH_SIGNAL_HANDLER static void on_fault(int sig, siginfo_t *info, void *context)
{
	caught.signal = sig;
	caught.code = info->si_code;
	caught.addr = (uintptr_t)info->si_addr;
	arch_context_set_ip(context, (uintptr_t)arch_try_fault);
}

long sys_probe(long (*fn)(long), long arg, struct sys_fault *fault)
{
	struct kernel_sigaction act = {
		/* a SA_SIGINFO handler, stored where rt_sigaction wants it */
		.handler = (void (*)(int))(uintptr_t)on_fault,
		.flags = SA_SIGINFO | SA_RESTORER,
		.restorer = arch_sigreturn,
	};
	struct kernel_sigaction old_segv, old_bus;
	long r;

	caught.signal = 0;
	fault->signal = fault->code = 0;
	fault->addr = 0;
	/* Without both handlers a fault would kill us: fn is not called, and
	 * only an action that was got is put back. */
	fault->error = sys_rt_sigaction(SIGSEGV, &act, &old_segv);
	if (fault->error < 0)
		return 0;
	fault->error = sys_rt_sigaction(SIGBUS, &act, &old_bus);
	if (fault->error < 0) {
		sys_rt_sigaction(SIGSEGV, &old_segv, 0);
		return 0;
	}
	r = arch_try(fn, arg);
	sys_rt_sigaction(SIGSEGV, &old_segv, 0);
	sys_rt_sigaction(SIGBUS, &old_bus, 0);
	fault->signal = caught.signal;
	fault->code = caught.code;
	fault->addr = caught.addr;
	return caught.signal ? 0 : r;
}
