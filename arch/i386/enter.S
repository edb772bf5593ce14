/*
 * arch/i386/enter.S - two ways into the kernel on i386.
 *
 * Both take (nr, a1, a2, a3, a4, a5, a6) on the stack (cdecl) and load the
 * kernel's registers (Documentation/process/adding-syscalls.rst; the
 * kernel's arch/x86/entry/entry_32.S): %eax = nr, then %ebx %ecx %edx %esi
 * %edi %ebp.  %ebx %esi %edi %ebp belong to the caller, so they are saved.
 * The result comes back in %eax: -4095..-1 is -errno.
 *
 *   arch_int80       the software interrupt every i386 kernel has.
 *   arch_gate_call   `call *entry` into __kernel_vsyscall, the address the
 *                    kernel gives in AT_SYSINFO.  It uses sysenter or syscall
 *                    when the CPU has them, and keeps every register but
 *                    %eax (arch/x86/entry/vdso/vdso32/system_call.S).
 */
#include <asm/unistd.h>

/* Each function in a section of its own, so that the linker's
 * --gc-sections drops the ones a program does not use. */

/* Save the caller's registers; the arguments start at 20(%esp) after this. */
.macro	load_args
	push	%ebp
	push	%edi
	push	%esi
	push	%ebx
	mov	20(%esp), %eax
	mov	24(%esp), %ebx
	mov	28(%esp), %ecx
	mov	32(%esp), %edx
	mov	36(%esp), %esi
	mov	40(%esp), %edi
	mov	44(%esp), %ebp
.endm

.macro	restore_and_return
	pop	%ebx
	pop	%esi
	pop	%edi
	pop	%ebp
	ret
.endm

	/* long arch_int80(long nr, long a1, ..., long a6) */
	.section .text.arch_int80, "ax", @progbits
	.globl	arch_int80
	.type	arch_int80, @function
arch_int80:
	load_args
	int	$0x80
	restore_and_return
	.size	arch_int80, . - arch_int80

	/* long arch_gate_call(void *entry, long nr, long a1, ..., long a6):
	 * the same with every argument one slot further up. */
	.section .text.arch_gate_call, "ax", @progbits
	.globl	arch_gate_call
	.type	arch_gate_call, @function
arch_gate_call:
	push	%ebp
	push	%edi
	push	%esi
	push	%ebx
	mov	24(%esp), %eax
	mov	28(%esp), %ebx
	mov	32(%esp), %ecx
	mov	36(%esp), %edx
	mov	40(%esp), %esi
	mov	44(%esp), %edi
	mov	48(%esp), %ebp
	call	*20(%esp)		/* the entry: %esp has not moved since */
	restore_and_return
	.size	arch_gate_call, . - arch_gate_call

	/* The signal restorer: sa_restorer returns here from a handler, and
	 * rt_sigreturn(2) restores the interrupted context. */
	.section .text.arch_sigreturn, "ax", @progbits
	.globl	arch_sigreturn
	.type	arch_sigreturn, @function
arch_sigreturn:
	mov	$__NR_rt_sigreturn, %eax
	int	$0x80
	.size	arch_sigreturn, . - arch_sigreturn

	.section .note.GNU-stack, "", @progbits
