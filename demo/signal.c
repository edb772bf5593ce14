/*
 * demo/signal.c - how a signal handler returns: to the address the kernel
 * wrote on top of the signal frame, whose code makes rt_sigreturn(2).
 *
 * Terms.  A signal handler is a function the kernel runs when a signal
 * arrives (sigaction(2)).  The signal frame is what the kernel pushes on
 * the user stack to run it: the interrupted registers and a return
 * address.  sa_restorer is a field of struct sigaction, the code that
 * address leads to when the flag SA_RESTORER says it is set.  A
 * trampoline is a few instructions whose only job is to jump or call on.
 *
 * To deliver a signal, the kernel saves the interrupted registers in a
 * frame on the user stack and starts the handler as if the frame's first
 * word had called it.  The code at that return address must make the
 * rt_sigreturn system call, which puts every register back from the
 * frame and resumes the interrupted code.  Who provides that code:
 *   i386 (arch/x86/kernel/signal_32.c): sa_restorer if the handler was
 *     installed with SA_RESTORER; else the vDSO's __kernel_rt_sigreturn
 *     (arch/x86/entry/vdso/vdso32/sigreturn.S).  With no vDSO the rt
 *     frame points there all the same and the return faults: the program
 *     then asks for SA_RESTORER (ARCH_SIGNAL_WITHOUT_VDSO in
 *     arch/i386/sigframe.h says what each frame does).
 *   x86_64 (arch/x86/kernel/signal_64.c): sa_restorer only; without
 *     SA_RESTORER the kernel refuses to build the frame (SIGSEGV).  The
 *     64-bit vDSO holds no sigreturn code (its linker script,
 *     arch/x86/entry/vdso/vdso.lds.S; `vdso syms`), and the psABI leaves
 *     the restorer to the C library: here arch_sigreturn
 *     (arch/x86_64/sigreturn.S).
 * The handler records __builtin_return_address(0); main names that code
 * and decodes its first instructions.
 *
 * try: gdb -batch -ex 'handle SIGUSR1 nostop noprint' -ex 'break *handler' -ex r -ex 'x/2i *(void **)$sp' build/x86_64/signal
 *   # stopped at the handler's first instruction, its return address on top of the stack
 * exercise: on x86_64, leave SA_RESTORER out (the second if in main):
 *   rt_sigaction accepts it, and the process dies of SIGSEGV at the kill.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <sigframe.h>

static volatile uintptr_t return_address, interrupted_at;

ARCH_SIGNAL_HANDLER static void handler(int sig, siginfo_t *info, void *context)
{
	(void)sig, (void)info;
	return_address = (uintptr_t)__builtin_return_address(0);
	interrupted_at = arch_context_ip(context);
}

/* One line on stderr: the call that failed and its errno. */
static int failed(const char *call, long err)
{
	out_printf(&out_stderr, "signal: %s: %s (%s)\n", call, errno_name((int)err), errno_message((int)err));
	return out_flush(&out_stderr), 1;
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	struct kernel_sigaction act = { .handler = (void (*)(int))(uintptr_t)handler, .flags = SA_SIGINFO };
	struct elf_sym rt = { 0 };
	const unsigned char *p;
	struct arch_syscall_stub stub;
	long r;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	if (!ARCH_SIGNAL_NEEDS_RESTORER && (vdso_status != 0 ||
	    elf_lookup(&vdso_image, ARCH_VDSO_RT_SIGRETURN, ARCH_VDSO_SIGRETURN_VERSION, &rt) != 0))
		out_printf(o, "%s here: no %s to return to: SA_RESTORER, as on x86_64\n(%s)\n",
			   vdso_status != 0 ? "no vDSO" : "no sigreturn in the vDSO",
			   ARCH_VDSO_RT_SIGRETURN ? ARCH_VDSO_RT_SIGRETURN : "vDSO sigreturn", /* arm: none */
			   ARCH_SIGNAL_WITHOUT_VDSO);
	if (ARCH_SIGNAL_NEEDS_RESTORER || !rt.addr) {
		act.flags |= SA_RESTORER;
		act.restorer = arch_sigreturn;
	}
	out_printf(o, "%s: SIGUSR1 handler installed with SA_SIGINFO%s\n", ARCH_NAME,
		   act.restorer ? " | SA_RESTORER, sa_restorer = arch_sigreturn" : ", no SA_RESTORER");
	/* Each call checked, and the one that failed named (a refused
	 * getpid must not become kill(-1): sys_raise checks the ids). */
	if ((r = sys_rt_sigaction(SIGUSR1, &act, 0)) < 0)
		return failed("rt_sigaction", r);
	if ((r = sys_self_pid()) < 0)
		return failed("getpid", r);
	if ((r = sys_raise(SIGUSR1)) < 0)
		return failed("tgkill", r);
	/* Here only if rt_sigreturn put this code's registers back. */
	out_printf(o, "the handler ran; it was to return to 0x%lx (tgkill(2) was interrupted at 0x%lx)\n",
		   (unsigned long)return_address, (unsigned long)interrupted_at);

	p = (const unsigned char *)return_address;
	if (return_address == (uintptr_t)arch_sigreturn)
		out_printf(o, "0x%lx is arch_sigreturn, the runtime's sa_restorer (arch/%s/)\n",
			   (unsigned long)return_address, ARCH_NAME);
	else if (rt.addr && return_address == rt.addr)
		out_printf(o, "0x%lx is %s@%s, at +0x%lx in the vDSO at 0x%lx\n", (unsigned long)return_address,
			   rt.name, rt.version, (unsigned long)(rt.addr - (uintptr_t)vdso_image.bytes),
			   (unsigned long)vdso_image.bytes);
	else    /* the runner's own: QEMU's user mode with no vDSO, on riscv64 */
		out_printf(o, "0x%lx is NEITHER arch_sigreturn nor the vDSO's: the runner's own code\n",
			   (unsigned long)return_address);
	/* The code loads the system call's number and enters (arch/<arch>/decode.c);
	 * the handler has just returned through it: it is there to read. */
	if (arch_syscall_stub(p, ARCH_STUB_BYTES, &stub))
		out_printf(o, "its code: %s (%s); %s\n", stub.load,
			   stub.nr == __NR_rt_sigreturn ? "__NR_rt_sigreturn" : "?", stub.enter);
	else
		stub.nr = 0;
	out_str(o, "back in main: rt_sigreturn restored the interrupted code's registers\n");
	return out_flush(o) < 0 || stub.nr != __NR_rt_sigreturn;
}
