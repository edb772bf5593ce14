/*
 * start/stack_protector.c - the stack protector without libc.
 *
 * With -fstack-protector-strong the compiler puts a canary between a
 * function's arrays and its return address, and checks it before the
 * return; a changed canary means a buffer overflowed, and the function
 * calls __stack_chk_fail instead of returning.
 *
 * Where the canary comes from is a choice.  glibc keeps it in the thread
 * control block (%fs:0x28 on x86_64, %gs:0x14 on i386), which needs a
 * thread pointer set up with arch_prctl or set_thread_area first.  We have
 * one thread and no TLS, so we take the simpler road the compilers offer:
 * -mstack-protector-guard=global reads a plain global, __stack_chk_guard.
 * start_c fills it from AT_RANDOM, 16 random bytes the kernel put on the
 * stack (fs/binfmt_elf.c), before any protected function runs; this
 * function and start_c are not protected themselves, since the canary
 * changes under them.
 */
#include <lib/lib.h>
#include <linux/auxvec.h>
#include <asm/signal.h>
#include <arch.h>
#include "start.h"

uintptr_t __stack_chk_guard;

__attribute__((no_stack_protector)) void stack_guard_init(void)
{
	unsigned long random;
	uintptr_t guard = 0;

	if (auxv_get(AT_RANDOM, &random) && random)
		memcpy(&guard, (const void *)random, sizeof guard);
	/* A zero low byte stops string overflows (strcpy) at the canary, as
	 * glibc does; the rest stays random.  Without AT_RANDOM (a very old
	 * kernel) the canary is a fixed, poor, non-zero value. */
	guard &= ~(uintptr_t)0xff;
	__stack_chk_guard = guard ? guard : (uintptr_t)0x2f8a9c00;
}

/* Called instead of returning from a function whose canary changed.  No
 * buffered output and nothing on the stack is trusted any more: one write,
 * then SIGABRT to this thread, as glibc does; the exit if the signal is
 * blocked.  The ids are checked: a refused getpid answers -EPERM, which is
 * -1, and kill(-1, ...) would signal every process we may signal. */
__attribute__((noreturn)) void __stack_chk_fail(void)
{
	static const char msg[] = "vdso: stack smashing detected: killed\n";
	long pid, tid;

	arch_syscall(__NR_write, 2, (long)msg, sizeof msg - 1, 0, 0, 0);
	pid = arch_syscall(__NR_getpid, 0, 0, 0, 0, 0, 0);
	tid = arch_syscall(__NR_gettid, 0, 0, 0, 0, 0, 0);
	if (pid > 0 && tid > 0)
		arch_syscall(__NR_tgkill, pid, tid, SIGABRT, 0, 0, 0);
	start_exit(127);
}

/* gcc's i386 PIC code calls this hidden twin (libc_nonshared provides it). */
__attribute__((noreturn, alias("__stack_chk_fail"))) void __stack_chk_fail_local(void);
