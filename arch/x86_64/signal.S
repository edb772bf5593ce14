/*
 * arch/x86_64/signal.S - two small pieces for the lessons on signals
 * (demo/vdso/signal.c, vsyscall.c, map.c).
 *
 *   arch_raise_keep(pid, sig)  fills ten registers with known values, sends
 *       itself a signal with kill(2), and after the handler has returned
 *       says which of them changed: a bit per register, in the order of
 *       ARCH_KEPT_REGS (arch.h).  The `syscall` instruction keeps all of
 *       them (it clobbers only %rax, %rcx, %r11); the handler, a C function,
 *       is free to clobber the caller-saved ones; rt_sigreturn(2) puts every
 *       one back from the frame (arch/x86/kernel/signal_64.c, restore_sigcontext).
 *
 *   arch_try(fn, arg)  calls fn(arg) and returns its result, with a way
 *       back if fn faults: a SIGSEGV handler sets the interrupted context's
 *       %rip to arch_try_fault (syscall/probe.c), and the handler's return
 *       (rt_sigreturn) lands there, with the stack wherever fn left it.
 *       arch_try_fault takes back the stack pointer arch_try saved and
 *       returns 0 from arch_try.  A setjmp/longjmp pair of one buffer,
 *       without libc.
 */
#include <asm/unistd.h>

	.section .text.arch_raise_keep, "ax", @progbits
	.globl	arch_raise_keep
	.type	arch_raise_keep, @function
arch_raise_keep:
	push	%rbx			/* callee-saved: ours to restore */
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	push	%rdi			/* pid and sig, to compare after */
	push	%rsi
	movabs	$0x1111111111111111, %rbx
	movabs	$0x2222222222222222, %rbp
	movabs	$0x3333333333333333, %rdx
	movabs	$0x4444444444444444, %r8
	movabs	$0x5555555555555555, %r9
	movabs	$0x6666666666666666, %r10
	movabs	$0x7777777777777777, %r12
	movabs	$0x8888888888888888, %r13
	movabs	$0x9999999999999999, %r14
	movabs	$0xaaaaaaaaaaaaaaaa, %r15
	mov	$__NR_kill, %eax	/* kill(pid = %rdi, sig = %rsi) */
	syscall				/* the signal is delivered on the way out */
	xor	%eax, %eax		/* the mask of changed registers */
.macro	kept reg, value, bit
	movabs	$\value, %rcx
	cmp	%rcx, \reg
	je	1f
	or	$\bit, %eax
1:
.endm
	kept	%rbx, 0x1111111111111111, 0x001
	kept	%rbp, 0x2222222222222222, 0x002
	kept	%rdx, 0x3333333333333333, 0x004
	kept	%r8,  0x4444444444444444, 0x008
	kept	%r9,  0x5555555555555555, 0x010
	kept	%r10, 0x6666666666666666, 0x020
	kept	%r12, 0x7777777777777777, 0x040
	kept	%r13, 0x8888888888888888, 0x080
	kept	%r14, 0x9999999999999999, 0x100
	kept	%r15, 0xaaaaaaaaaaaaaaaa, 0x200
	cmp	(%rsp), %rsi
	je	2f
	or	$0x400, %eax
2:	cmp	8(%rsp), %rdi
	je	3f
	or	$0x800, %eax
3:	add	$16, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret
	.size	arch_raise_keep, . - arch_raise_keep

	.section .bss.arch_try_sp, "aw", @nobits
	.balign	8
arch_try_sp:
	.zero	8

	.section .text.arch_try, "ax", @progbits
	.globl	arch_try
	.type	arch_try, @function
arch_try:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	sub	$8, %rsp		/* 16-byte aligned at the call (psABI 3.2.2) */
	mov	%rsp, arch_try_sp(%rip)
	mov	%rdi, %rax
	mov	%rsi, %rdi
	call	*%rax			/* fn(arg) */
.Lback:
	add	$8, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

	/* Where a fault inside fn comes back to: the saved stack, result 0. */
	.globl	arch_try_fault
	.type	arch_try_fault, @function
arch_try_fault:
	mov	arch_try_sp(%rip), %rsp
	xor	%eax, %eax
	jmp	.Lback
	.size	arch_try, . - arch_try

	.section .note.GNU-stack, "", @progbits
