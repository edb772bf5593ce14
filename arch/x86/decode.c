/*
 * arch/x86/decode.c - the x86 decoders of arch/hooks.h, for i386 and
 * x86_64 both (arch/<arch>/decode.c includes this file, with its arch.h):
 * a handful of instructions, as far as the lessons need them.  Encodings:
 * the Intel SDM, volume 2 (opcode map, ModRM and SIB, REX on x86_64).
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

/* ---- 1. the gate (arch/x86/entry/vdso/vdso32/system_call.S) ---- */

static const struct { unsigned char len, bytes[5]; const char *text; } gate_insns[] = {
	{ 1, { 0x51 }, "push   %ecx" }, { 1, { 0x52 }, "push   %edx" },
	{ 1, { 0x55 }, "push   %ebp" }, { 1, { 0x59 }, "pop    %ecx" },
	{ 1, { 0x5a }, "pop    %edx" }, { 1, { 0x5d }, "pop    %ebp" },
	{ 1, { 0x90 }, "nop" },         { 1, { 0xc3 }, "ret" },
	{ 2, { 0x89, 0xe5 }, "mov    %esp,%ebp" },
	{ 2, { 0x89, 0xcd }, "mov    %ecx,%ebp" },
	{ 2, { 0x89, 0xe9 }, "mov    %ebp,%ecx" },
	{ 2, { 0x8e, 0xd1 }, "mov    %ecx,%ss" },
	{ 2, { 0x0f, 0x34 }, "sysenter" },
	{ 2, { 0x0f, 0x05 }, "syscall" },
	{ 2, { 0xcd, 0x80 }, "int    $0x80" },
	{ 5, { 0xb9, 0x2b, 0, 0, 0 }, "mov    $0x2b,%ecx" },
	/* padding a kernel may put first (7.2's gate opens with the 3-byte
	 * one), and the mark of an indirect branch's target (IBT) */
	{ 3, { 0x0f, 0x1f, 0x00 }, "nopl   (%eax)" },
	{ 4, { 0x0f, 0x1f, 0x40, 0x00 }, "nopl   0x0(%eax)" },
	{ 5, { 0x0f, 0x1f, 0x44, 0x00, 0x00 }, "nopl   0x0(%eax,%eax,1)" },
	{ 4, { 0xf3, 0x0f, 0x1e, 0xfb }, "endbr32" },
};

unsigned arch_gate_insn(const unsigned char *p, size_t avail, const char **text, int *last)
{
	unsigned i, k;

	for (i = 0; i < sizeof gate_insns / sizeof gate_insns[0]; i++) {
		if (gate_insns[i].len > avail)
			continue;
		for (k = 0; k < gate_insns[i].len && p[k] == gate_insns[i].bytes[k]; k++)
			;
		if (k == gate_insns[i].len) {
			*text = gate_insns[i].text;
			*last = p[0] == 0xc3;           /* ret */
			return k;
		}
	}
	return 0;
}

/*
 * The gate's three forms, as the kernel's system_call.S builds it: three
 * pushes, then a place the kernel fills at boot by CPU feature (its
 * "alternatives"), then int $0x80 and the pops.  The sentences say which
 * form the bytes are and why the kernel chose it.
 */
static const char sysenter_form[] =
	"the sysenter form: push %ecx, %edx, %ebp; mov %esp,%ebp (sysenter forgets the user\n"
	"stack, %ebp keeps it); sysenter, which comes back past the int $0x80 after it (run\n"
	"only when the kernel restarts a call). The kernel patched it in at boot (its\n"
	"alternatives): a 32-bit kernel wherever the CPU has sysenter, Intel's and AMD's\n"
	"alike (X86_FEATURE_SEP); a 64-bit kernel, for a 32-bit process, where the CPU runs\n"
	"sysenter in compatibility mode: Intel's (X86_FEATURE_SYSENTER32)";
static const char syscall_form[] =
	"the syscall form: push %ecx, %edx, %ebp; mov %ecx,%ebp (syscall overwrites %ecx\n"
	"with its return address: argument 2 travels in %ebp); syscall, which comes back\n"
	"past the int $0x80 after it (run only when the kernel restarts a call). The kernel\n"
	"patched it in at boot (its alternatives): only a 64-bit kernel does, for a 32-bit\n"
	"process on a CPU whose compatibility mode has syscall and not sysenter: AMD's\n"
	"(X86_FEATURE_SYSCALL32)";
static const char int80_form[] =
	"int $0x80 alone: no fast instruction was patched in at boot (a kernel does so by\n"
	"CPU feature: X86_FEATURE_SEP on a 32-bit kernel, SYSENTER32 or SYSCALL32 on a\n"
	"64-bit one), or the vDSO is an emulator's (QEMU's gate is int $0x80; ret)";

const char *arch_gate_form(const unsigned char *p, size_t avail, const char **insn)
{
	const char *text;
	unsigned len;
	int last = 0;

	while (avail && !last && (len = arch_gate_insn(p, avail, &text, &last)) != 0) {
		if (p[0] == 0x0f && p[1] == 0x34)
			return *insn = "sysenter", sysenter_form;
		if (p[0] == 0x0f && p[1] == 0x05)
			return *insn = "syscall", syscall_form;
		if (p[0] == 0xcd)
			return *insn = "int $0x80", int80_form;
		p += len;
		avail -= len;
	}
	return 0;               /* an instruction not known here, or no way in */
}

/* ---- 2. a system call instruction ---- */

/* syscall (0f 05), sysenter (0f 34), int $0x80 (cd 80). */
static int enters_kernel(const unsigned char *p)
{
	return (p[0] == 0x0f && (p[1] == 0x05 || p[1] == 0x34)) || (p[0] == 0xcd && p[1] == 0x80);
}

int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	size_t i;

	for (i = 0; i + 1 < avail; i++)
		if (enters_kernel(p + i))
			return 1;
	return 0;
}

/* ---- 3. a sigreturn trampoline ---- */

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * [pop %eax] mov $N, %eax (b8 imm32, or 48 c7 c0 imm32: mov $N, %rax),
 * then int $0x80 or syscall: the old i386 frame's __kernel_sigreturn pops
 * the signal number first (vdso32/sigreturn.S); the rest load the number
 * and enter (arch/x86_64/sigreturn.S, and QEMU's trampolines).
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	size_t i = 0;
	int wide = 0;
	char *at = stub->load;

	if (avail > 0 && p[0] == 0x58) {                /* pop %eax */
		at = put(at, "pop %eax; ");
		i = 1;
	}
	if (i + 3 <= avail && p[i] == 0x48 && p[i + 1] == 0xc7 && p[i + 2] == 0xc0)
		wide = 1, i += 2;
	if (i + 7 > avail || p[i] != (wide ? 0xc0 : 0xb8) || !enters_kernel(p + i + 5))
		return 0;
	stub->nr = le32(p + i + 1);
	at = put(at, "mov $");
	at = put_decimal(at, stub->nr);
	at = put(at, wide ? ",%rax" : ",%eax");
	*at = 0;
	stub->enter = p[i + 5] == 0xcd ? "int $0x80" : p[i + 6] == 0x05 ? "syscall" : "sysenter";
	return 1;
}

/* ---- 4. the walk to the first data load ---- */

struct insn {
	unsigned len;
	int op, op2;            /* opcode; op2 after 0x0f */
	int has_modrm, mod, reg, rm;
	int32_t disp, imm;
	int rip;                /* x86_64: the operand is %rip-relative */
};

/* Does the opcode take a ModRM byte, and how many immediate bytes?
 * -1: not known here. */
static int shape(int op, int op2, int opsize16, int rex_w, int reg, int *modrm)
{
	*modrm = 1;
	if (op == 0x0f && op2 >= 0x80 && op2 <= 0x8f)   /* jcc rel32 (not followed) */
		return *modrm = 0, opsize16 ? 2 : 4;
	if (op == 0x0f)
		switch (op2) {
		case 0x1e: case 0x1f: case 0xb6: case 0xb7: case 0xbe: case 0xbf:
		case 0xae: case 0x01: case 0x10: case 0x11: case 0x28: case 0x6f:
			return 0;
		}
	else if (op < 0x40 && (op & 7) < 4)             /* add/or/adc/sbb/and/sub/xor/cmp */
		return 0;
	else if (op < 0x40 && (op & 7) == 4)            /* op %al, imm8 */
		return *modrm = 0, 1;
	else if (op < 0x40 && (op & 7) == 5)            /* op %eax, imm32 */
		return *modrm = 0, opsize16 ? 2 : 4;
	else if (op >= 0x50 && op <= 0x5f)              /* push, pop */
		return *modrm = 0, 0;
	else if (op >= 0xb8 && op <= 0xbf)              /* mov $imm, reg */
		return *modrm = 0, rex_w ? 8 : 4;
	switch (op) {
	case 0x63: case 0x84: case 0x85: case 0x86: case 0x87: case 0x88: case 0x89:
	case 0x8a: case 0x8b: case 0x8d: case 0xd1: case 0xd3: case 0xff:
		return 0;
	case 0x80: case 0x83: case 0xc0: case 0xc1: case 0xc6: case 0x6b:
		return 1;
	case 0x81: case 0xc7: case 0x69:
		return opsize16 ? 2 : 4;
	case 0xf6:
		return reg < 2 ? 1 : 0;
	case 0xf7:
		return reg < 2 ? (opsize16 ? 2 : 4) : 0;
	case 0x90: case 0x99: case 0xc3: case 0xc9: case 0xcc:
		return *modrm = 0, 0;
	case 0xcd: case 0xa8: case 0x6a: case 0xeb:
	case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
	case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f:
		return *modrm = 0, 1;
	case 0xa9: case 0x68: case 0xe8: case 0xe9:
		return *modrm = 0, 4;
	}
	return -1;
}

/* The ModRM byte, a SIB byte, the displacement. */
static int decode_modrm(const unsigned char *p, size_t avail, unsigned *at, struct insn *in)
{
	unsigned i = *at;
	unsigned char m = p[i++];

	in->mod = m >> 6;
	in->reg = m >> 3 & 7;
	in->rm = m & 7;
	if (in->mod != 3 && in->rm == 4) {              /* a SIB byte */
		if (i >= avail)
			return -1;
		if (in->mod == 0 && (p[i] & 7) == 5)
			in->mod = 2;                    /* disp32, no base */
		in->rm = -1;                            /* not a plain base */
		i++;
	}
	if (in->mod == 0 && in->rm == 5) {              /* disp32 alone */
		in->rip = ARCH_ELF_CLASS == 64;
		in->mod = 2;
	}
	if (in->mod == 1 || in->mod == 2) {
		unsigned n = in->mod == 1 ? 1 : 4;

		if (i + n > avail)
			return -1;
		in->disp = n == 1 ? (int8_t)p[i] : (int32_t)le32(p + i);
		i += n;
	}
	*at = i;
	return 0;
}

/* Decode the instruction at p (avail bytes): 0, or -1 if it is not one
 * this small decoder knows. */
static int decode(const unsigned char *p, size_t avail, struct insn *in)
{
	static const struct insn zero;
	unsigned i = 0;
	int opsize16 = 0, rex_w = 0, imm;

	*in = zero;
	while (i < avail && i < 4 && (p[i] == 0x66 || p[i] == 0xf2 || p[i] == 0xf3 ||
				     p[i] == 0x2e || p[i] == 0x3e))
		opsize16 |= p[i++] == 0x66;
	if (ARCH_ELF_CLASS == 64 && i < avail && (p[i] & 0xf0) == 0x40)   /* REX */
		rex_w = p[i++] & 8;
	if (i + 2 >= avail)
		return -1;
	in->op = p[i++];
	if (in->op == 0x0f)
		in->op2 = p[i++];
	if (in->op == 0x0f && (in->op2 == 0x05 || in->op2 == 0x31)) {   /* syscall, rdtsc */
		in->len = i;
		return 0;
	}
	imm = shape(in->op, in->op2, opsize16, rex_w, p[i] >> 3 & 7, &in->has_modrm);
	if (imm < 0 || (in->has_modrm && decode_modrm(p, avail, &i, in) < 0))
		return -1;
	if (i + (unsigned)imm > avail)
		return -1;
	if (imm == 1)
		in->imm = (int8_t)p[i];
	else if (imm >= 4)
		in->imm = (int32_t)le32(p + i);
	in->len = i + (unsigned)imm;
	return 0;
}

/* The registers by their ModRM number, as i386 names them. */
static const char *const reg_names[8] = {
	"%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi"
};

/* A thunk "mov (%esp), REG; ret" (__x86.get_pc_thunk.REG): i386 has no
 * pc-relative data operand, so code calls one to learn its own address.
 * REG's number, or -1. */
static int pc_thunk(const unsigned char *image, size_t size, unsigned long target)
{
	const unsigned char *q = image + (target - (unsigned long)image);

	if (target < (unsigned long)image || target - (unsigned long)image + 4 > size)
		return -1;
	if (q[0] == 0x8b && (q[1] & 0xc7) == 0x04 && q[2] == 0x24 && q[3] == 0xc3)
		return q[1] >> 3 & 7;
	return -1;
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	unsigned long off = at - (unsigned long)image, next;
	struct insn in;
	int r;

	step->kind = ARCH_STEP_UNKNOWN;
	step->len = 0;
	step->reg = 0;
	step->text[0] = 0;
	step->pc_relative = 0;
	step->value = 0;
	step->disp = 0;
	if (at < (unsigned long)image || off >= size || decode(image + off, size - off, &in) < 0)
		return;
	step->len = in.len;
	next = at + in.len;
	step->kind = ARCH_STEP_OTHER;
	if ((in.op == 0x0f && in.op2 == 0x05) || (in.op == 0xcd && in.imm == (int8_t)0x80))
		step->kind = ARCH_STEP_SYSCALL;
	else if (in.op == 0xc3)
		step->kind = ARCH_STEP_RETURN;
	else if (in.op == 0xe8) {               /* call */
		r = pc_thunk(image, size, next + (unsigned long)(long)in.imm);
		step->kind = ARCH_STEP_CALL;
		if (r >= 0) {
			walk->value[r] = next;
			walk->known[r] = 1;
			step->kind = ARCH_STEP_OWN_ADDRESS;
			step->reg = reg_names[r];
			step->value = next;
			*put(put(put(step->text, "call a thunk that loads "), reg_names[r]),
			     " with its return address") = 0;
		}
	} else if ((in.op == 0x05 || (in.op == 0x81 && in.has_modrm && in.mod == 3 && in.reg == 0)) &&
		   walk->known[r = in.op == 0x05 ? 0 : in.rm]) {  /* add $imm, REG */
		walk->value[r] += (unsigned long)(long)in.imm;
		step->kind = ARCH_STEP_ADD;
		step->reg = reg_names[r];
		step->value = walk->value[r];
		step->disp = in.imm;
		/* objdump's AT&T syntax: the 32-bit immediate, unsigned */
		*put(put(put_hex(put(step->text, "add $"), (uint32_t)in.imm), ","), reg_names[r]) = 0;
	} else if (in.has_modrm && in.rip) {
		step->kind = ARCH_STEP_LOAD;
		step->reg = "%rip";
		step->pc_relative = 1;
		step->value = next;
		step->disp = in.disp;
	} else if (in.has_modrm && (in.mod == 1 || in.mod == 2) && in.rm >= 0 && walk->known[in.rm]) {
		step->kind = ARCH_STEP_LOAD;
		step->reg = reg_names[in.rm];
		step->value = walk->value[in.rm];
		step->disp = in.disp;
	}
}
