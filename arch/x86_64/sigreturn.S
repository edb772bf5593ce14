/*
 * arch/x86_64/sigreturn.S - the signal restorer.
 *
 * On x86_64 the kernel requires SA_RESTORER: a handler returns to
 * sa_restorer, which must call rt_sigreturn(2) to restore the interrupted
 * context (arch/x86/kernel/signal_64.c).
 */
#include <asm/unistd.h>

	.section .text.arch_sigreturn, "ax", @progbits
	.globl	arch_sigreturn
	.type	arch_sigreturn, @function
arch_sigreturn:
	mov	$__NR_rt_sigreturn, %eax
	syscall
	.size	arch_sigreturn, . - arch_sigreturn

	.section .note.GNU-stack, "", @progbits
