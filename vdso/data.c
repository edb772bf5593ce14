/*
 * vdso/data.c - the walk from a function of the live vDSO to its first data
 * access, for the lesson data: a line for each instruction that means
 * something on the way (arch_data_step, arch/<arch>/decode.c, decodes
 * each), in program order, branches not followed (calls into the image's
 * own functions are: ARCH_STEP_INTO).  Offsets are from
 * AT_SYSINFO_EHDR, the image's first byte.
 */
#include <lib/lib.h>
#include "vdso.h"

#define MAX_INSNS 32

uintptr_t vdso_show_first_data(struct out *o, uintptr_t fn)
{
	struct arch_walk walk = { { 0 }, { 0 } };
	uintptr_t ehdr = (uintptr_t)vdso_image.bytes, code;
	struct arch_step s;
	unsigned i, k;

	for (i = 0; i < MAX_INSNS; i++, fn += s.len) {
		s.how = 0;
		arch_data_step(&walk, vdso_image.bytes, vdso_image.size, fn, &s);
		if (s.kind == ARCH_STEP_OTHER)
			continue;
		code = ARCH_CODE_BYTES(fn) - ehdr;
		out_printf(o, "  +0x%lx:", (unsigned long)code);
		for (k = 0; k < s.len && s.kind != ARCH_STEP_UNKNOWN; k++)
			out_printf(o, " %02x", vdso_image.bytes[code + k]);
		if (s.kind == ARCH_STEP_INTO) {        /* followed: the loop's step lands there */
			out_printf(o, ": a call to AT_SYSINFO_EHDR +0x%lx, followed\n",
				   (unsigned long)(s.value - ehdr));
			fn = s.value, s.len = 0;
			continue;
		}
		if (s.kind == ARCH_STEP_OWN_ADDRESS || s.kind == ARCH_STEP_ADD) {
			out_printf(o, ": %s now holds AT_SYSINFO_EHDR +0x%lx\n", s.reg,
				   (unsigned long)(s.value - ehdr));
			continue;
		}
		if (s.kind == ARCH_STEP_LOAD) {
			out_printf(o, ": the address %s (%s%s+0x%lx) %c 0x%lx\n", s.reg,
				   s.pc_relative ? (s.how ? s.how : "the next instruction") : "",
				   s.pc_relative ? ", " : "",
				   (unsigned long)(s.value - ehdr), s.disp < 0 ? '-' : '+',
				   (unsigned long)(s.disp < 0 ? -s.disp : s.disp));
			return s.value + (uintptr_t)s.disp;
		}
		out_str(o, s.kind == ARCH_STEP_SYSCALL ? ": the system call, before any data:"
			" this vDSO is a stub\n" : ": no data access this decoder can follow\n");
		return 0;
	}
	return 0;
}
