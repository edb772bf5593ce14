/*
 * syscall/signal.c - a signal made harmless, in a file of its own: its
 * locals have their addresses taken, which makes it a stack-protected
 * function, and a program that never calls it (hello) must not link the
 * canary through syscall/sys.c.
 */
#include <asm/signal.h>
#include "syscall.h"

/* Where rt_sigaction is refused, a blocked signal does the same for
 * SIGPIPE and SIGXFSZ: the write fails with EPIPE or EFBIG and the signal
 * stays pending (kernel/signal.c), never delivered. */
long sys_signal_ignore(int sig)
{
	struct kernel_sigaction ignore = { .handler = SIG_IGN };
	uint64_t set = 1ULL << (sig - 1);

	if (sys_rt_sigaction(sig, &ignore, 0) == 0)
		return 0;
	return sys_rt_sigprocmask(SIG_BLOCK, &set, 0);
}
