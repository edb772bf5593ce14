/*
 * demo/vdso/signal.c - `vdso signal`: where a signal handler returns to.
 *
 * The kernel delivers a signal by building a frame on the user stack (the
 * interrupted registers, the signal's info, the old mask) and starting the
 * handler as if the frame's first word had called it: that word is the
 * handler's return address, __builtin_return_address(0) inside it.  What
 * is there must make the rt_sigreturn(2) (or, for i386's old frame,
 * sigreturn(2)) system call, which puts every register back.
 *
 *   i386 (arch/x86/kernel/signal_32.c): sa_restorer if SA_RESTORER; else
 *     the vDSO's __kernel_rt_sigreturn (SA_SIGINFO) or __kernel_sigreturn;
 *     with no vDSO, as ARCH_SIGNAL_WITHOUT_VDSO says (arch/i386/sigframe.h).
 *   x86_64 (arch/x86/kernel/signal_64.c): sa_restorer, and nothing else:
 *     without SA_RESTORER the frame is not set up, and the process gets
 *     SIGSEGV instead of its handler.
 *
 * Each case runs in a child process, so that the fatal one can be shown:
 * the child installs a handler for SIGUSR1 and sends itself the signal
 * from arch_raise_keep (arch/<arch>/signal.S), which fills registers
 * with known values first and checks them after.  The handler prints
 * what it sees: the interrupted code is arch_raise_keep, not the writer,
 * so printing there is safe.
 *
 * try: gdb -batch -ex 'catch signal SIGUSR1' -ex r -ex 'x/2i *(void **)$sp' --args build/i386/vdso signal
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <sigframe.h>
#include "commands.h"

static const char *const kept_regs[] = { ARCH_KEPT_REGS };
#define NKEPT (sizeof kept_regs / sizeof kept_regs[0])

static volatile int handled;
static volatile uintptr_t return_address;

/* What is at addr: the runtime's restorer or code (with its address as
 * linked: the program's load bias taken off), a vDSO symbol (with its
 * offset in the vDSO: AT_SYSINFO_EHDR taken off), or a mapping. */
static void describe(struct out *o, uintptr_t addr)
{
	const unsigned char *bytes;
	struct maps_entry m;
	unsigned i;

	if (addr == (uintptr_t)arch_sigreturn) {
		out_printf(o, "arch_sigreturn (linked at 0x%lx), the runtime's restorer (arch/" ARCH_NAME "/)",
			   (unsigned long)(addr - start_load_bias()));
		return;
	}
	if (addr >= (uintptr_t)arch_raise_keep && addr - (uintptr_t)arch_raise_keep < 512) {
		out_printf(o, "arch_raise_keep+0x%lx (linked at 0x%lx)",
			   (unsigned long)(addr - (uintptr_t)arch_raise_keep),
			   (unsigned long)(addr - start_load_bias()));
		return;
	}
	bytes = vdso_image.bytes;
	if (vdso_status == 0 && addr >= (uintptr_t)bytes && addr - (uintptr_t)bytes < vdso_image.size) {
		for (i = 0; i < vdso_image.nsyms; i++) {
			struct elf_sym s;

			if (elf_symbol(&vdso_image, i, &s) == 0 && s.shndx != 0 &&
			    addr >= s.addr && addr - s.addr < (s.size ? s.size : 1)) {
				out_printf(o, "%s@%s+0x%lx in the vDSO (+0x%lx)", s.name,
					   s.version ? s.version : "", (unsigned long)(addr - s.addr),
					   (unsigned long)(addr - (uintptr_t)bytes));
				return;
			}
		}
		out_printf(o, "in the vDSO (+0x%lx), in no symbol",
			   (unsigned long)(addr - (uintptr_t)bytes));
		return;
	}
	if (maps_find(addr, &m) == 1)
		out_printf(o, "outside the vDSO and the program, in the mapping %llx-%llx %s %s",
			   (unsigned long long)m.start, (unsigned long long)m.end, m.perms,
			   m.name[0] ? m.name : "(anonymous)");
	else
		out_str(o, "outside the vDSO and the program (no /proc/self/maps to say where)");
}

/* Copy 8 bytes from the address in arg, for sys_probe. */
static unsigned char code[ARCH_STUB_BYTES] __attribute__((aligned(4)));
static long copy_code(long addr)
{
	memcpy(code, (const void *)addr, sizeof code);
	return 1;
}

/* The bytes at the return address, and the system call they make
 * (arch/<arch>/decode.c).  Read under sys_probe: the page may be
 * execute-only. */
static void show_code(struct out *o, uintptr_t addr)
{
	struct sys_fault fault;
	struct arch_syscall_stub stub;
	/* where the bytes start: arm's Thumb addresses have bit 0 set, which
	 * the decoder is handed back (code + 1) to know the state */
	uintptr_t bytes = ARCH_CODE_BYTES(addr);
	unsigned i;

	if (!sys_probe(copy_code, (long)bytes, &fault)) {
		if (fault.error)
			out_printf(o, "  code there: not read (rt_sigaction: %s)\n",
				   errno_name((int)fault.error));
		else
			out_printf(o, "  code there: unreadable (signal %d)\n", fault.signal);
		return;
	}
	out_str(o, "  code there:");
	for (i = 0; i < sizeof code; i++)
		out_printf(o, " %02x", code[i]);
	if (!arch_syscall_stub(code + (addr - bytes), sizeof code - (addr - bytes), &stub)) {
		out_str(o, ": not a sigreturn sequence\n");
		return;
	}
	out_printf(o, ": system call %lu (%s) by %s\n", stub.nr,
		   stub.nr == __NR_rt_sigreturn ? "rt_sigreturn" :
		   (long)stub.nr == ARCH_NR_sigreturn ? "sigreturn" : "?", stub.enter);
}

/* Both handlers print where they will return; arch_raise_keep is the
 * interrupted code, so the writer is free. */
ARCH_SIGNAL_HANDLER static void plain_handler(int sig)
{
	(void)sig;
	handled = 1;
	return_address = (uintptr_t)__builtin_return_address(0);
	out_printf(&out_stdout, "  in the handler: return address 0x%lx: ", (unsigned long)return_address);
	describe(&out_stdout, return_address);
	out_char(&out_stdout, '\n');
	show_code(&out_stdout, return_address);
	out_flush(&out_stdout);         /* in case the return is fatal */
}

ARCH_SIGNAL_HANDLER static void info_handler(int sig, siginfo_t *info, void *context)
{
	handled = 1;
	return_address = (uintptr_t)__builtin_return_address(0);
	(void)sig;
	out_printf(&out_stdout, "  in the handler: return address 0x%lx: ", (unsigned long)return_address);
	describe(&out_stdout, return_address);
	out_char(&out_stdout, '\n');
	out_printf(&out_stdout, "  in the handler: interrupted at 0x%lx: ",
		   (unsigned long)arch_context_ip(context));
	describe(&out_stdout, arch_context_ip(context));
	out_printf(&out_stdout, " (si_code %d, from pid %d)\n", info->si_code, info->si_pid);
	show_code(&out_stdout, return_address);
	out_flush(&out_stdout);         /* in case the return is fatal */
}

/* A child's set-up failed: its exit status, the parent's cue to stop. */
#define SETUP_FAILED 3

static __attribute__((noreturn)) void child_failed(const char *call, long err)
{
	file_error("signal", call, -err);
	sys_exit_group(SETUP_FAILED);
}

/* The child: install, raise, check. */
static __attribute__((noreturn)) void child(unsigned long flags)
{
	struct out *o = &out_stdout;
	struct kernel_sigaction act = {
		.handler = flags & SA_SIGINFO ? (void (*)(int))(uintptr_t)info_handler : plain_handler,
		.flags = flags,
		.restorer = flags & SA_RESTORER ? arch_sigreturn : 0,
	};
	unsigned long changed;
	unsigned i;
	long pid, r;

	/* The set-up, each call checked: a failure is the machinery's, said
	 * on stderr, and no case is judged (a refused getpid is -1, which
	 * kill(2) would read as everyone; kill with signal 0 asks only
	 * whether the real one would be allowed). */
	if ((r = sys_rt_sigaction(SIGUSR1, &act, 0)) < 0)
		child_failed("rt_sigaction", r);
	if ((pid = sys_self_pid()) < 0)
		child_failed("getpid", pid);
	if ((r = sys_kill((int)pid, 0)) < 0)
		child_failed("kill", r);
	changed = arch_raise_keep(pid, SIGUSR1);
	if (!handled) {
		report("signal", "kill", "the handler did not run", "SIGUSR1 was not delivered");
		sys_exit_group(SETUP_FAILED);
	}
	out_str(o, "  after the return: ");
	if (!changed) {
		out_printf(o, "the code carried on, all %u registers it set intact (", (unsigned)NKEPT);
		for (i = 0; i < NKEPT; i++)
			out_printf(o, i ? " %s" : "%s", kept_regs[i]);
		out_str(o, ")\n");
	} else {
		out_str(o, "the code carried on, but registers CHANGED:");
		for (i = 0; i < NKEPT; i++)
			if (changed >> i & 1)
				out_printf(o, " %s", kept_regs[i]);
		out_char(o, '\n');
	}
	out_flush(o);
	sys_exit_group(handled && !changed ? 0 : 1);
}

static const char *signal_name(int sig)
{
	static char other[16];

	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGABRT: return "SIGABRT";
	case SIGKILL: return "SIGKILL";
	case SIGUSR1: return "SIGUSR1";
	}
	memcpy(other, "signal ", 7);
	other[7 + fmt_dec(other + 7, sig)] = 0;
	return other;
}

static const struct {
	const char *what;
	unsigned long flags;
} cases[] = {
	{ "SA_SIGINFO and SA_RESTORER (sa_restorer = arch_sigreturn)", SA_SIGINFO | SA_RESTORER },
	{ "SA_SIGINFO, no SA_RESTORER: the kernel chooses", SA_SIGINFO },
	{ "the old frame (no SA_SIGINFO), no SA_RESTORER: the kernel chooses", 0 },
};

/* How many of the vDSO's symbols have "sigreturn" in their name. */
static unsigned sigreturn_symbols(void)
{
	unsigned i, n = 0;
	struct elf_sym s;
	const char *p;

	for (i = 0; vdso_status == 0 && i < vdso_image.nsyms; i++)
		if (elf_symbol(&vdso_image, i, &s) == 0)
			for (p = s.name; *p; p++)
				if (strncmp(p, "sigreturn", 9) == 0) {
					n++;
					break;
				}
	return n;
}

/* One line: what this runner offers a handler without SA_RESTORER. */
static void runner_line(struct out *o)
{
	struct elf_sym s;
	unsigned n = sigreturn_symbols();
	int named = vdso_status == 0 && ARCH_VDSO_RT_SIGRETURN &&
		    elf_lookup(&vdso_image, ARCH_VDSO_RT_SIGRETURN, ARCH_VDSO_SIGRETURN_VERSION, &s) == 0;

	out_str(o, "here: ");
	if (vdso_status != 0)
		out_printf(o, "no vDSO (%s): ", vdso_why_absent());
	else if (named) {
		/* aarch64 has the rt one only, and ppc64le's is named sigtramp
		 * (arch/<arch>/vdso_calls.h): asked for by name, before the count */
		/* (out_str, not "%s": where the names are null constants,
		 * x86_64's, gcc -O0 warns of the branch named never takes) */
		out_str(o, "the vDSO exports ");
		if (ARCH_VDSO_SIGRETURN) {
			out_str(o, ARCH_VDSO_SIGRETURN);
			out_str(o, " and ");
		}
		out_str(o, ARCH_VDSO_RT_SIGRETURN);
		out_str(o, " (");
		out_str(o, ARCH_VDSO_SIGRETURN_VERSION);
		out_str(o, "): ");
	} else if (n == 0)
		out_printf(o, "the vDSO exports no sigreturn symbol: ");
	else
		out_printf(o, "the vDSO has %u symbol(s) named *sigreturn*: ", n);
	if (ARCH_SIGNAL_NEEDS_RESTORER)
		out_str(o, "only sa_restorer can serve, and without it the signal is fatal\n");
	else if (!named && n == 0)      /* no vDSO, or nothing in it says where */
		out_str(o, ARCH_SIGNAL_WITHOUT_VDSO "; an emulator decides for itself:"
			" the cases below show where\n");
	else
#ifdef ARCH_SIGNAL_RESTORER_UNUSED
		out_str(o, "every handler returns there, SA_RESTORER or not: "
			ARCH_SIGNAL_RESTORER_UNUSED "\n");
#else
		out_str(o, "a handler without SA_RESTORER returns there, as the cases below show\n");
#endif
}

int cmd_signal(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned i, ncases = ARCH_NR_sigreturn < 0 ? 2 : 3;
	int status, failed = 0;
	long pid;

	if (argc > 1)
		return usage_error("signal", argv[1], "unexpected argument");
	out_printf(o, "vdso signal: how a handler returns on %s (%s)\n",
		   ARCH_NAME, ARCH_KERNEL_SIGNAL_FILE);
	runner_line(o);
	for (i = 0; i < ncases; i++) {
#ifdef ARCH_SIGNAL_NO_SA_RESTORER
		if (cases[i].flags & SA_RESTORER) {     /* no such case: say why */
			out_printf(o, "case %u: SIGUSR1, SA_SIGINFO and SA_RESTORER: none on %s,"
				   " which takes no sa_restorer (said above)\n", i + 1, ARCH_NAME);
			continue;
		}
#endif
#ifdef ARCH_SIGNAL_RESTORER_UNUSED
		if (cases[i].flags & SA_RESTORER)
			out_printf(o, "case %u: SIGUSR1, %s, which counts for nothing: %s\n", i + 1,
				   cases[i].what, ARCH_SIGNAL_RESTORER_UNUSED);
		else
#endif
		out_printf(o, "case %u: SIGUSR1, %s\n", i + 1, cases[i].what);
		out_flush(o);           /* the child starts with an empty buffer */
		if ((pid = sys_fork()) == 0)
			child(cases[i].flags);
		if (pid < 0)
			return file_error("signal", "fork", pid);
		if ((pid = sys_wait4((int)pid, &status, 0)) < 0)
			return file_error("signal", "wait4", pid);
		/* wait4's status: exit code in bits 8-15, or the signal in 0-6 */
		if (status == SETUP_FAILED << 8)
			return 1;       /* the child said which call failed */
		if ((status & 0x7f) == 0)
			out_printf(o, "  fate: exited %d\n", status >> 8 & 0xff);
		else
			out_printf(o, "  fate: killed by %s\n", signal_name(status & 0x7f));
		/* The runtime's own restorer must serve; where the kernel (or
		 * an emulator) chooses, the fate is the lesson, only reported. */
		if (status != 0 && cases[i].flags & SA_RESTORER)
			failed = 1;
	}
	return failed;
}
