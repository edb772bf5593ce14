/*
 * demo/gate.c - the i386 system call gate, __kernel_vsyscall, read as
 * instructions; and why x86_64 has none.
 *
 * Terms.  A system call instruction moves the CPU to the kernel at an
 * entry the kernel chose; `int $0x80` raises software interrupt 0x80
 * instead.  A CPU feature flag (X86_FEATURE_*) is the kernel's record of
 * what this CPU can do, from CPUID; its "alternatives" rewrite bytes of
 * code at boot to the best form for the flags set.
 *
 * i386 has three ways into the kernel: `int $0x80` (every CPU, slow),
 * `sysenter` and `syscall`.  Which one works depends on the CPU and on
 * the kernel: a 32-bit kernel uses sysenter wherever the CPU has it,
 * Intel's and AMD's alike (X86_FEATURE_SEP); a 64-bit kernel running a
 * 32-bit process uses sysenter on Intel and syscall on AMD, whose CPUs
 * have no sysenter in compatibility mode (X86_FEATURE_SYSENTER32 and
 * SYSCALL32).  So the kernel chooses, patching the choice into the vDSO
 * at boot (its "alternatives"), and the program finds it there; the auxiliary
 * vector's AT_SYSINFO gives its address, and libc calls it for every
 * system call (glibc: call *%gs:0x10).  The sysenter form
 * (the syscall form has mov %ecx,%ebp before syscall, which overwrites
 * %ecx; with neither, int $0x80 alone between the pushes and pops):
 *   push %ecx; push %edx  sysenter returns through these two registers
 *   push %ebp; mov %esp,%ebp   sysenter forgets the user stack; %ebp
 *                         keeps it, and the kernel finds argument 6 there
 *   sysenter              into the kernel; it comes back two bytes on,
 *   int $0x80             past this, which runs only when the kernel backs
 *                         up a restarted call (ip - 2) or is used as is
 *   pop %ebp; pop %edx; pop %ecx; ret
 * Why int $0x80 is the slow one: it is a software interrupt.  The CPU
 * reads the interrupt descriptor table, checks the gate's privilege
 * level, loads the kernel's code segment from the descriptor table and
 * pushes a full interrupt frame; the kernel leaves with iret, which checks
 * segments and flags all over again.  sysenter and syscall jump to one
 * entry address kept in a model-specific register, assume flat segments
 * and read no table; sysexit and sysret come back the same way (Intel
 * SDM vol. 2, INT n, SYSENTER, SYSCALL).  How much that is on this
 * machine: `vdso tour 6` and `vdso bench` time both, side by side.
 * x86_64 has no gate: every x86-64 CPU has `syscall`, so code uses it
 * directly and the kernel gives no AT_SYSINFO.
 *
 * From: the kernel's arch/x86/entry/vdso/vdso32/system_call.S and
 * arch/x86/entry/entry_32.S (entry_SYSENTER_32); the i386 psABI.
 *
 * try: build/i386/vdso dump g.so && objdump -d -M i386 g.so   # at AT_SYSINFO - the image's address
 * exercise: run build/i386/gate under qemu-i386 (QEMU 7.2): it gives no
 *   AT_SYSINFO, and the lesson says every call is `int $0x80`.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	const unsigned char *p, *end;
	const char *text;
	unsigned long sysinfo = 0;
	unsigned len, k;
	int last = 0;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	if (!ARCH_HAS_GATE) {
		out_printf(o, "%s: no gate, AT_SYSINFO %s: every %s CPU has `%s`, so there is nothing to choose\n",
			   ARCH_NAME, auxv_get(AT_SYSINFO, &sysinfo) ? "present (unexpected)" : "absent",
			   ARCH_NAME, ARCH_RAW_ENTRY);
		return out_flush(o) < 0;
	}
	p = vdso_gate();
	if (!p) {
		out_printf(o, "no gate here (%s): every system call is `%s`\n",
			   auxv_get(AT_SYSINFO, &sysinfo) ? "AT_SYSINFO outside the vDSO" : "no AT_SYSINFO",
			   ARCH_RAW_ENTRY);
		return out_flush(o) < 0;
	}
	out_printf(o, "AT_SYSINFO 0x%lx: %s at offset 0x%lx in the vDSO at 0x%lx\n",
		   (unsigned long)p, ARCH_VDSO_GATE, (unsigned long)(p - vdso_image.bytes),
		   (unsigned long)vdso_image.bytes);
	/* At most 32 bytes, and never past the image (vdso_gate checked p). */
	end = vdso_image.bytes + vdso_image.size;
	end = end - p > 32 ? p + 32 : end;
	/* The few instructions gates are made of (arch/<arch>/decode.c). */
	while (p < end && !last) {
		len = arch_gate_insn(p, (size_t)(end - p), &text, &last);
		out_printf(o, "  0x%lx:  ", (unsigned long)p);
		if (!len) {
			out_printf(o, "%02x  (not one of the few known here: objdump -d knows)\n", *p);
			break;
		}
		for (k = 0; k < len; k++)
			out_printf(o, "%02x ", p[k]);
		out_repeat(o, ' ', 3 * (5 - len));
		out_printf(o, " %s\n", text);
		p += len;
	}
	return out_flush(o) < 0;
}
