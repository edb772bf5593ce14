/*
 * arch/i386/signal.S - two small pieces for the lessons on signals
 * (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_raise_keep(pid, sig)  fills six registers with known values, sends
 *       itself a signal with kill(2) by `int $0x80`, and after the handler
 *       has returned says which of them changed: a bit per register, in the
 *       order of ARCH_KEPT_REGS (arch.h).  `int $0x80` keeps every register
 *       but %eax; the handler, a C function, is free to clobber %ecx and
 *       %edx; sigreturn(2) puts every one back from the frame
 *       (arch/x86/kernel/signal_32.c, restore_sigcontext).
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       %eip to arch_try_fault (syscall/probe.c), and the handler's return
 *       lands there, with the stack wherever fn left it.  arch_try_fault
 *       takes back the stack pointer arch_try saved and returns 0 from
 *       arch_try.  A setjmp/longjmp pair of one buffer, without libc.
 */
#include <asm/unistd.h>

	.section .text.arch_raise_keep, "ax", @progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, @function
arch_raise_keep:
	push	%ebp			/* callee-saved: ours to restore */
	push	%ebx
	push	%esi
	push	%edi
	mov	20(%esp), %ebx		/* kill(pid = %ebx, sig = %ecx) */
	mov	24(%esp), %ecx
	mov	$0x33333333, %edx
	mov	$0x44444444, %esi
	mov	$0x55555555, %edi
	mov	$0x66666666, %ebp
	mov	$__NR_kill, %eax
	int	$0x80			/* the signal is delivered on the way out */
	xor	%eax, %eax		/* the mask of changed registers */
.macro	kept reg, value, bit
	cmp	\value, \reg
	je	1f
	or	$\bit, %eax
1:
.endm
	kept	%ebx, 20(%esp), 0x01
	kept	%ecx, 24(%esp), 0x02
	kept	%edx, $0x33333333, 0x04
	kept	%esi, $0x44444444, 0x08
	kept	%edi, $0x55555555, 0x10
	kept	%ebp, $0x66666666, 0x20
	pop	%edi
	pop	%esi
	pop	%ebx
	pop	%ebp
	ret
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", @nobits
	.balign	4
arch_try_sp:
	.zero	4

	.section .text.arch_try, "ax", @progbits
	.globl	arch_try
	.type	arch_try, @function
arch_try:
	push	%ebp
	push	%ebx
	push	%esi
	push	%edi
	mov	20(%esp), %eax		/* fn */
	mov	24(%esp), %ecx		/* arg */
	sub	$8, %esp		/* 16-byte aligned at the call (i386 psABI 2.2.2) */
	push	%ecx
	/* arch_try_sp = %esp, its address found relative to here: vdso is a
	 * position-independent program, with no text relocations. */
	call	1f
1:	pop	%edx
	mov	%esp, arch_try_sp - 1b(%edx)
	call	*%eax			/* fn(arg) */
.Lback:
	add	$12, %esp
	pop	%edi
	pop	%esi
	pop	%ebx
	pop	%ebp
	ret

	/* Where a fault inside fn comes back to: the saved stack, result 0. */
	.globl	arch_try_fault
	.type	arch_try_fault, @function
arch_try_fault:
	call	2f			/* where are we: as above */
2:	pop	%eax
	mov	arch_try_sp - 2b(%eax), %esp
	xor	%eax, %eax
	jmp	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", @progbits
