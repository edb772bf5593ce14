/*
 * demo/vdso/tour2.c - the last steps of `vdso tour` (demo/vdso/tour.c has
 * the table of steps and the first seven): what else the vDSO and its
 * ancestor do for a process, each on the live process.
 *
 *   7 getrandom  random bytes made in user space, and the state they need
 *   8 signal     where a signal handler returns to
 *   9 vsyscall   the legacy page at 0xffffffffff600000, and why it traps
 *
 * The lessons demo/getrandom.c, signal.c and vsyscall.c take each further;
 * like them, these use only the runtime (vdso/, syscall/, arch/).
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <sigframe.h>
#include <linux/time.h>
#include "commands.h"

static struct out *o = &out_stdout;

/* ---- 7: getrandom ---- */

#define RANDOM_LEN 16   /* not 32, the length of the vDSO's own reseed */

int tour_getrandom(void)
{
	struct vdso_getrandom_info info;
	unsigned char buf[RANDOM_LEN];
	long r, n;
	int i;

	r = vdso_getrandom_info(&info);         /* the query, and this thread's state */
	if (r == 0)
		out_printf(o, "__vdso_getrandom at 0x%lx; asked (buf 0, len 0, state_len ~0) it says:\n"
			   "  a state is %u bytes, to be mapped with prot 0x%x, flags 0x%x%s\n"
			   "  this thread's state: 0x%lx, one of %u in its page\n",
			   (unsigned long)vdso_calls[VDSO_GETRANDOM].fn, info.params.size_of_opaque_state,
			   info.params.mmap_prot, info.params.mmap_flags,
			   info.params.mmap_flags & 0x08 ? " (MAP_DROPPABLE: never swapped, wiped in a child)" : "",
			   (unsigned long)info.state, info.per_page);
	n = vdso_getrandom(buf, sizeof buf, 0);
	if (n != RANDOM_LEN) {
		out_printf(o, "getrandom of %d bytes answered %ld\n", RANDOM_LEN, n);
		return 1;
	}
	/* Without the vDSO's, one line: why not, and the system call's bytes. */
	if (r == -ENOSYS)
		out_str(o, vdso_status != 0 ? "no vDSO here" :
			"no getrandom in this vDSO (only x86_64's has one, since Linux 6.11; QEMU's none)");
	else if (r < 0)
		out_printf(o, "the vDSO's state cannot be had: %s (%s)", errno_name((int)-r),
			   errno_message((int)-r));
	else
		out_printf(o, "one call of %d bytes, served by the %s", RANDOM_LEN,
			   vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO ? "vDSO" : "system call");
	out_printf(o, r < 0 ? ": the system call serves, %d bytes: " : ": ", RANDOM_LEN);
	for (i = 0; i < RANDOM_LEN; i++)
		out_printf(o, "%02x", buf[i]);
	out_char(o, '\n');
	if (r < 0)
		return 0;
	if (vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO)
		out_str(o, "no system call for them: the vDSO runs ChaCha20 in user mode on a key kept\n"
			"in the state; the key came from one getrandom(2) of 32 bytes, made by the vDSO\n"
			"while the state was new (its generation 0 is not the kernel's), and comes\n"
			"again only when the kernel's own generator reseeds\n");
	else
		out_str(o, "the system call served all the same (the state was busy, or the vDSO said\n"
			"-ENOSYS): getrandom(2), into the kernel and back\n");
	return 0;
}

/* ---- 8: signal ---- */

static volatile uintptr_t return_address, interrupted_at;

ARCH_SIGNAL_HANDLER static void on_usr1(int sig, siginfo_t *info, void *context)
{
	(void)sig, (void)info;
	return_address = (uintptr_t)__builtin_return_address(0);
	interrupted_at = arch_context_ip(context);
}

int tour_signal(void)
{
	struct kernel_sigaction act = {
		.handler = (void (*)(int))(uintptr_t)on_usr1,
		.flags = SA_SIGINFO,
	}, old;
	struct elf_sym rt = { 0 };
	const unsigned char *p;
	struct arch_syscall_stub stub;
	long r;

	/* i386: the kernel's choice, the vDSO's, when there is one */
	if (!ARCH_SIGNAL_NEEDS_RESTORER &&
	    (vdso_status != 0 || elf_lookup(&vdso_image, ARCH_VDSO_RT_SIGRETURN,
					    ARCH_VDSO_SIGRETURN_VERSION, &rt) != 0))
		out_printf(o, "%s here: no %s for the kernel to choose: SA_RESTORER, as on x86_64\n",
			   vdso_status != 0 ? "no vDSO" : "no sigreturn in the vDSO", ARCH_VDSO_RT_SIGRETURN);
	if (ARCH_SIGNAL_NEEDS_RESTORER || !rt.addr) {
		act.flags |= SA_RESTORER;
		act.restorer = arch_sigreturn;
	}
	out_printf(o, "SIGUSR1 handler installed with SA_SIGINFO%s; tgkill(2) to this thread\n",
		   act.restorer ? " | SA_RESTORER (sa_restorer = arch_sigreturn)" : ", no SA_RESTORER");
	return_address = 0;
	if ((r = sys_rt_sigaction(SIGUSR1, &act, &old)) < 0)
		return file_error("tour 8", "rt_sigaction", r);
	/* each call named: a refused getpid is not tgkill's failure */
	if ((r = sys_self_pid()) > 0)
		r = sys_raise(SIGUSR1);
	sys_rt_sigaction(SIGUSR1, &old, 0);
	if (r < 0)
		return file_error("tour 8", sys_self_pid() < 0 ? "getpid" : "tgkill", r);
	/* Here only because rt_sigreturn put this code's registers back. */
	out_printf(o, "the handler's return address: 0x%lx (tgkill(2) was interrupted at 0x%lx)\n",
		   (unsigned long)return_address, (unsigned long)interrupted_at);
	p = (const unsigned char *)return_address;
	if (return_address == (uintptr_t)arch_sigreturn)
		out_printf(o, "0x%lx is arch_sigreturn (linked at 0x%lx), the runtime's sa_restorer (arch/%s/)\n",
			   (unsigned long)return_address,
			   (unsigned long)(return_address - start_load_bias()), ARCH_NAME);
	else if (rt.addr && return_address == rt.addr)
		out_printf(o, "0x%lx is %s@%s, at +0x%lx in the vDSO at 0x%lx\n",
			   (unsigned long)return_address, rt.name, rt.version,
			   (unsigned long)(rt.addr - (uintptr_t)vdso_image.bytes),
			   (unsigned long)vdso_image.bytes);
	else {
		out_printf(o, "0x%lx is NEITHER arch_sigreturn nor the vDSO's %s\n",
			   (unsigned long)return_address, ARCH_VDSO_RT_SIGRETURN ? ARCH_VDSO_RT_SIGRETURN : "");
		return 1;
	}
	/* The code loads the system call's number and enters (arch/<arch>/decode.c). */
	if (arch_syscall_stub(p, 8, &stub))
		out_printf(o, "its code: %s (%s); %s\n", stub.load,
			   stub.nr == __NR_rt_sigreturn ? "__NR_rt_sigreturn" : "?", stub.enter);
	out_str(o, ARCH_SIGNAL_NEEDS_RESTORER
		? "x86_64 takes sa_restorer and nothing else (without it, no frame: SIGSEGV);\n"
		: rt.addr ? "without SA_RESTORER, the vDSO's code was chosen (signal_32.c); with no vDSO\n"
			    "a kernel writes the same two instructions into the frame, on the stack;\n"
		: "with no vDSO, a kernel writes the two instructions into the frame itself;\n");
	out_str(o, "the kernel wrote the address on top of the frame, the handler's return took it,\n"
		"and rt_sigreturn(2) put back every register saved in the frame\n");
	return 0;
}

/* ---- 9: vsyscall ---- */

#define PAGE ARCH_VSYSCALL_PAGE
#define CALLS 200

static long read_page(long addr)
{
	return *(volatile unsigned char *)addr;
}

/* Out of line, so that every call of the page is this function's jump:
 * under QEMU 10, clang -O2's inlined `call *%r15` to the page, in the
 * loop below, died with a fault at the page's end. */
__attribute__((noinline)) static long time_by_page(long unused)
{
	(void)unused;
	return ((long (*)(long *))(PAGE + ARCH_VSYSCALL_TIME))(0);
}

static uint64_t now_ns(void)
{
	struct __kernel_timespec t;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)ns_of(t.tv_sec, t.tv_nsec);
}

/* ns a call of time(), through the page or by the system call: the best
 * of 3 rounds of CALLS. */
static uint32_t time_ns(int by_page)
{
	uint64_t t, best = UINT64_MAX;
	int round, i;

	for (round = 0; round < 3; round++) {
		t = now_ns();
		for (i = 0; i < CALLS; i++)
			by_page ? time_by_page(0) : sys_time(0);
		if ((t = now_ns() - t) < best)
			best = t;
	}
	return (uint32_t)u64_div_u32(best, CALLS, 0);
}

int tour_vsyscall(void)
{
	struct maps_entry m;
	struct sys_fault fault;
	const char *by_maps, *by_probe;
	long found, t;
	int readable;
	uint32_t page_ns, sys_ns;

	if (!PAGE) {
		out_str(o, "no vsyscall page on " ARCH_NAME " (it is x86_64's); " ARCH_NO_VSYSCALL_NOTE "\n");
		return helper_page_show(o) > 0;
	}
	found = maps_find(PAGE, &m);
	by_maps = found < 0 ? 0 : found == 0 ? "none" : m.perms[0] == 'r' ? "emulate" : "xonly";
	if (found < 0)
		out_printf(o, "mode by /proc/self/maps: unknown, it cannot be read: %s (%s)\n",
			   errno_name((int)-found), errno_message((int)-found));
	else if (found == 0)
		out_str(o, "mode by /proc/self/maps: none (no line at ffffffffff600000)\n");
	else
		out_printf(o, "mode by /proc/self/maps: %s (%llx-%llx %s %s)\n", by_maps,
			   (unsigned long long)m.start, (unsigned long long)m.end, m.perms, m.name);

	sys_probe(read_page, (long)PAGE, &fault);
	if (fault.error)        /* no handler: nothing was probed */
		return file_error("tour 9", "rt_sigaction", fault.error);
	readable = !fault.signal;
	out_str(o, "a read of the page: ");
	if (readable)
		out_str(o, "it reads (the old code is there, never run)\n");
	else
		out_printf(o, "signal %d (si_code %d) at 0x%lx\n", fault.signal, fault.code,
			   (unsigned long)fault.addr);
	t = sys_probe(time_by_page, 0, &fault);
	if (fault.error)
		return file_error("tour 9", "rt_sigaction", fault.error);
	if (fault.signal) {
		out_printf(o, "a call of time() at 0x%lx: signal %d at 0x%lx: nothing to call\n",
			   PAGE + ARCH_VSYSCALL_TIME, fault.signal, (unsigned long)fault.addr);
		by_probe = "none";
	} else {
		out_printf(o, "a call of time() at 0x%lx: %ld (the system call says %ld)\n",
			   PAGE + ARCH_VSYSCALL_TIME, t, sys_time(0));
		by_probe = readable ? "emulate" : "xonly";
	}
	out_printf(o, "mode by the probes: %s%s\n", by_probe, !by_maps ? ""
		   : str_eq(by_maps, by_probe) ? " (as the maps say)" : " (NOT as the maps say)");
	if (fault.signal)
		return by_maps && !str_eq(by_maps, by_probe);
	if (timer_failed("tour 9", 1))  /* no figure made up */
		return 1;
	page_ns = time_ns(1);
	sys_ns = time_ns(0);
	out_printf(o, "time(): %u ns a call through the page, %u ns by the system call\n", page_ns, sys_ns);
	if (page_ns > 2 * sys_ns)
		out_str(o, "why: no code of the page runs: the kernel maps it not executable (xonly:\n"
			"not at all), so the call faults on the instruction fetch; its page-fault\n"
			"handler sees the address, does time()'s work (emulate_vsyscall) and\n"
			"returns to the caller: a trap and an emulation, dearer than the system call\n");
	else
		out_str(o, "why not dearer here: what runs this program catches the jump to the page\n"
			"itself, without a fault (as QEMU's user mode does); a kernel traps it\n"
			"(emulate_vsyscall, from its page-fault handler)\n");
	return by_maps && !str_eq(by_maps, by_probe);
}
