/*
 * demo/vdso/gate.c - `vdso gate`: how a system call enters the kernel here.
 *
 * i386 has two doors.  `int $0x80` is the old software interrupt, in every
 * kernel.  AT_SYSINFO (auxiliary vector entry 32) gives the address of
 * __kernel_vsyscall in the vDSO, whose form the kernel chose at boot for
 * this CPU; arch_gate_form (arch/x86/decode.c) reads which from its bytes
 * and says why.  User code only ever calls the address
 * (arch/x86/entry/vdso/vdso32/system_call.S).  The same calls made
 * through both doors must give the same results.
 *
 * x86_64 has one door: the `syscall` instruction, and no AT_SYSINFO.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include "commands.h"

static int mismatches;

/* One call made both ways; prints both results and counts a mismatch. */
static void both(const char *what, long via_gate, long via_raw, int same)
{
	struct out *o = &out_stdout;

	out_printf(o, "%-30s", what);
	if (sys_failed(via_gate))
		out_printf(o, "-%-20s", errno_name((int)via_gate));
	else
		out_printf(o, "%-21ld", via_gate);
	if (sys_failed(via_raw))
		out_printf(o, "-%-20s", errno_name((int)via_raw));
	else
		out_printf(o, "%-21ld", via_raw);
	out_str(o, same ? "same\n" : "DIFFERENT\n");
	if (!same)
		mismatches++;
}

/* The one door, made by each way: 0 is the gate, 1 the raw instruction. */
static long enter(void *gate, long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	if (gate)
		return arch_gate_syscall(gate, nr, a1, a2, a3, a4, a5, a6);
	return arch_syscall(nr, a1, a2, a3, a4, a5, a6);
}

/*
 * mmap with all six arguments used: a page of our own file at offset 4096
 * (the sixth argument, in %ebp on i386, in page units for mmap2).  Returns
 * the first word of the page, or the error.
 */
static long map_word(void *gate, int fd)
{
#ifdef ARCH_MMAP_ARGS_IN_MEMORY         /* the six in memory, their address the one argument */
	long args[6] = { 0, 4096, PROT_READ, MAP_PRIVATE, fd, 4096 >> ARCH_MMAP_OFFSET_SHIFT };
	long p = enter(gate, ARCH_NR_mmap, (long)args, 0, 0, 0, 0, 0);
#else
	long p = enter(gate, ARCH_NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, fd,
		       4096 >> ARCH_MMAP_OFFSET_SHIFT);
#endif
	long word;

	if (sys_failed(p))
		return p;
	word = *(volatile long *)p;
	sys_munmap((void *)p, 4096);
	return word;
}

static void compare(void *gate)
{
	static const char line[] = "  (a line written through this door)\n";
	unsigned long execfn = 0;
	long a, b, fd;

	out_str(&out_stdout, gate ? "\ncall                          via the gate         via " ARCH_RAW_ENTRY "\n"
		: "\ncall                          first time           second time\n");
	a = enter(gate, __NR_getpid, 0, 0, 0, 0, 0, 0);
	b = enter(0, __NR_getpid, 0, 0, 0, 0, 0, 0);
	both("getpid", a, b, a == b);

	out_flush(&out_stdout);         /* keep the order of the lines */
	a = enter(gate, __NR_write, 1, (long)line, sizeof line - 1, 0, 0, 0);
	b = enter(0, __NR_write, 1, (long)line, sizeof line - 1, 0, 0, 0);
	both("write(1, 37 bytes)", a, b, a == b);

	fd = auxv_get(AT_EXECFN, &execfn) ?
	     sys_openat(AT_FDCWD, (const char *)execfn, O_RDONLY, 0) : -ENOENT;
	if (fd >= 0) {
		a = map_word(gate, (int)fd);
		b = map_word(0, (int)fd);
		both("mmap, 6 args (word at 4096)", a, b, a == b && !sys_failed(a));
		sys_close((int)fd);
	} else {
		out_str(&out_stdout, "mmap: cannot open our own file (AT_EXECFN), not tried\n");
	}
	/* a number no kernel has: both doors must answer -ENOSYS */
	a = enter(gate, 0x7ffff, 0, 0, 0, 0, 0, 0);
	b = enter(0, 0x7ffff, 0, 0, 0, 0, 0, 0);
	both("system call 0x7ffff", a, b, a == b && a == -ENOSYS);
}

int cmd_gate(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned long sysinfo = 0;
	int has_gate;

	if (argc > 1)
		return usage_error("gate", argv[1], "unexpected argument");
	has_gate = auxv_get(AT_SYSINFO, &sysinfo) && sysinfo;
	mismatches = 0;
	/* A gate is only called if it lies inside the vDSO image (vdso/find.c):
	 * a loader may pass any number. */
	if (ARCH_HAS_GATE && has_gate && vdso_gate() == 0) {
		out_printf(o, "AT_SYSINFO:        0x%lx, outside the vDSO image: not called\n",
			   sysinfo);
		compare(0);
		return report("gate", 0, "AT_SYSINFO lies outside the vDSO image", 0);
	}

	if (!ARCH_HAS_GATE) {
		out_printf(o, ARCH_NAME ": no AT_SYSINFO%s; system calls enter by the `"
			   ARCH_RAW_ENTRY "` instruction\n",
			   has_gate ? " (but the auxiliary vector has one!)" : "");
		compare(0);
		if (has_gate || mismatches) {
			return report("gate", 0, has_gate ? "an AT_SYSINFO on " ARCH_NAME
				      ", which has no gate" : "the same call gave two answers", 0);
		}
		return 0;
	}
	if (!has_gate) {
		out_str(o, ARCH_NAME ": no AT_SYSINFO here: every system call enters by `"
			ARCH_RAW_ENTRY "`\n");
		compare(0);
		if (mismatches)
			return report("gate", 0, "the same call gave two answers", 0);
		return 0;
	}

	out_printf(o, "AT_SYSINFO:        0x%lx\n", sysinfo);
	if (vdso_status == 0) {
		struct elf_sym s;

		out_printf(o, "%s@%s: ", ARCH_VDSO_GATE, ARCH_VDSO_GATE_VERSION);
		if (elf_lookup(&vdso_image, ARCH_VDSO_GATE, ARCH_VDSO_GATE_VERSION, &s) == 0) {
			out_printf(o, "0x%lx %s\n", (unsigned long)s.addr,
				   s.addr == sysinfo ? "(the same: AT_SYSINFO is the gate)"
				   : "DIFFERENT from AT_SYSINFO");
			if (s.addr != sysinfo)
				mismatches++;
		} else {
			out_str(o, "not in the vDSO\n");
		}
	} else {
		out_printf(o, "vDSO: %s: AT_SYSINFO not checked against a symbol\n",
			   vdso_why_absent());
	}
	if (vdso_gate()) {      /* in the image: its form, from its bytes */
		const unsigned char *g = vdso_gate();
		size_t room = (size_t)(vdso_image.bytes + vdso_image.size - g);
		const char *insn, *form = arch_gate_form(g, room < 32 ? room : 32, &insn);

		out_printf(o, "%s\n", form ? form : "the gate's form is none known here (objdump -d knows)");
	}
	out_printf(o, "calls now enter by: %s\n", sys_gate ? "the gate" : ARCH_RAW_ENTRY);
	compare((void *)sysinfo);
	if (mismatches)
		return report("gate", 0, "the gate and " ARCH_RAW_ENTRY " disagree", 0);
	return 0;
}
