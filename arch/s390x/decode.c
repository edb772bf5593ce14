/*
 * arch/s390x/decode.c - the decoders of arch/hooks.h for s390x: a few
 * instructions, as far as the lessons need them.  An instruction is 2, 4
 * or 6 bytes, big-endian, its length in the two top bits of its first
 * byte (00: 2, 01 and 10: 4, 11: 6); the encodings are the z/Architecture
 * Principles of Operation's (IBM SA22-7832, chapter 5, "Instruction
 * Formats"; appendix B lists the opcodes).
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

#define SVC 0x0a                /* svc I: a system call, I its number (0: r1's) */

/* The length of the instruction whose first byte is b. */
static unsigned insn_length(unsigned char b)
{
	return b < 0x40 ? 2 : b < 0xc0 ? 4 : 6;
}

/* A signed 32-bit immediate, big-endian, at p. */
static long imm32(const unsigned char *p)
{
	return (long)(int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			       (uint32_t)p[2] << 8 | p[3]);
}

/* 1. No gate: the kernel gives no AT_SYSINFO, `svc` is the only way in. */
unsigned arch_gate_insn(const unsigned char *p, size_t avail, const char **text, int *last)
{
	(void)p, (void)avail, (void)text, (void)last;
	return 0;
}

const char *arch_gate_form(const unsigned char *p, size_t avail, const char **insn)
{
	(void)p, (void)avail, (void)insn;
	return 0;
}

/* 2. An `svc` among the first avail bytes, walking whole instructions. */
int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	size_t i;

	for (i = 0; i + 2 <= avail && i + insn_length(p[i]) <= avail; i += insn_length(p[i]))
		if (p[i] == SVC)
			return 1;
	return 0;
}

/*
 * 3. A sigreturn trampoline: `svc N` with N the number, as the kernel's
 * __kernel_rt_sigreturn (arch/s390/kernel/vdso64/vdso_user_wrapper.S),
 * QEMU's and arch/s390x/signal.S's arch_sigreturn are; or `lghi %r1,N`
 * then `svc 0`, for a number of 256 or more.
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	char *at = stub->load;

	if (avail >= 2 && p[0] == SVC && p[1] != 0) {
		stub->nr = p[1];
		at = put(at, "svc ");
		at = put_decimal(at, stub->nr);
		stub->enter = "svc (the number is its operand)";
	} else if (avail >= 6 && p[0] == 0xa7 && p[1] == 0x19 && p[4] == SVC && p[5] == 0) {
		stub->nr = (unsigned long)p[2] << 8 | p[3];     /* lghi %r1,N (N >= 0 here) */
		if (stub->nr & 0x8000)
			return 0;
		at = put(at, "lghi %r1,");
		at = put_decimal(at, stub->nr);
		stub->enter = "svc 0";
	} else {
		return 0;
	}
	*at = 0;
	return 1;
}

/* 4. The walk to the first data load. */

static const char *const r_names[16] = {
	"%r0", "%r1", "%r2", "%r3", "%r4", "%r5", "%r6", "%r7",
	"%r8", "%r9", "%r10", "%r11", "%r12", "%r13", "%r14", "%r15",
};

static void learn(struct arch_walk *walk, unsigned r, unsigned long value)
{
	walk->value[r] = value;
	walk->known[r] = 1;
}

/* The 20-bit signed displacement of an RXY instruction (DL2 in bits
 * 20-31, DH2 in 32-39). */
static long disp20(const unsigned char *p)
{
	long d = (long)((p[2] & 0x0f) << 8 | p[3]) | (long)(signed char)p[4] << 12;

	return d;
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	unsigned long off = at - (unsigned long)image;
	const unsigned char *p;
	unsigned r1, x2, b2, len;

	step->kind = ARCH_STEP_UNKNOWN;
	step->len = 0;
	step->reg = 0;
	step->text[0] = 0;
	step->pc_relative = 0;
	step->value = 0;
	step->disp = 0;
	if (at < (unsigned long)image || at % 2 || off >= size || size - off < 2)
		return;
	p = image + off;
	len = insn_length(p[0]);
	if (size - off < len)
		return;
	r1 = p[1] >> 4;
	x2 = p[1] & 15;
	b2 = len >= 4 ? p[2] >> 4 : 0;
	step->len = len;
	step->kind = ARCH_STEP_OTHER;
	if (p[0] == SVC) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if (p[0] == 0x07 && p[1] == 0xfe) {                      /* br %r14 */
		step->kind = ARCH_STEP_RETURN;
	} else if (p[0] == 0xc0 && x2 == 5 && r1 == 14 &&                /* brasl %r14 into the image */
		   at + (unsigned long)(imm32(p + 2) * 2) - (unsigned long)image < size) {
		/* the kernel's __kernel_ functions are wrappers that call the C
		 * ones (vdso64/vdso_user_wrapper.S): the walk goes on there */
		step->kind = ARCH_STEP_INTO;
		step->value = at + (unsigned long)(imm32(p + 2) * 2);
	} else if (p[0] == 0x0d || (p[0] == 0xa7 && x2 == 5) ||         /* basr, bras */
		   (p[0] == 0xc0 && x2 == 5) ||                          /* brasl */
		   (p[0] == 0x07 && r1 == 15) ||                         /* br elsewhere */
		   (p[0] == 0xa7 && x2 == 4 && r1 == 15) ||              /* j */
		   (p[0] == 0xc0 && x2 == 4 && r1 == 15)) {              /* jg */
		step->kind = ARCH_STEP_CALL;
	} else if (p[0] == 0xc0 && x2 == 0) {          /* larl r1, at + 2 * imm32 */
		unsigned long v = at + (unsigned long)(imm32(p + 2) * 2);

		learn(walk, r1, v);
		step->kind = ARCH_STEP_OWN_ADDRESS;
		step->reg = r_names[r1];
		step->value = v;
		*put(put(put(put(put(step->text, "larl "), r_names[r1]), ": "), r_names[r1]),
		     " takes its own address plus twice a 32-bit offset") = 0;
	} else if (p[0] == 0xc4 && (x2 == 8 || x2 == 0xc || x2 == 0xd || x2 == 2 || x2 == 5)) {
		/* lgrl, lgfrl, lrl, llhrl, lhrl: a load at at + 2 * imm32 */
		step->kind = ARCH_STEP_LOAD;
		step->reg = "pc";
		step->value = at;
		step->disp = imm32(p + 2) * 2;
		walk->known[r1] = 0;
	} else if ((p[0] == 0x41 || (p[0] == 0xe3 && p[5] == 0x71)) &&  /* la, lay: r1 = b2 + d2 */
		   x2 == 0 && b2 != 0 && walk->known[b2]) {
		long d = p[0] == 0x41 ? (long)((p[2] & 0x0f) << 8 | p[3]) : disp20(p);

		learn(walk, r1, walk->value[b2] + (unsigned long)d);
		step->kind = ARCH_STEP_ADD;
		step->reg = r_names[r1];
		step->value = walk->value[r1];
		step->disp = d;
		/* objdump: la r1,d2(b2) and lay r1,d2(b2), d2 in decimal */
		*put(put(put(put_signed(put(put(put(step->text, p[0] == 0x41 ? "la " : "lay "),
						    r_names[r1]), ","), d), "("), r_names[b2]), ")") = 0;
	} else if (p[0] == 0xa7 && (x2 == 0xb || x2 == 0xa) && walk->known[r1]) {  /* aghi, ahi */
		long d = (long)(int16_t)(p[2] << 8 | p[3]);

		learn(walk, r1, walk->value[r1] + (unsigned long)d);
		step->kind = ARCH_STEP_ADD;
		step->reg = r_names[r1];
		step->value = walk->value[r1];
		step->disp = d;
		*put_signed(put(put(put(step->text, x2 == 0xb ? "aghi " : "ahi "), r_names[r1]), ","), d) = 0;
	} else if (((p[0] == 0x58 || p[0] == 0x48 || p[0] == 0x43) ||   /* l, lh, ic: RX */
		    (p[0] == 0xe3 && (p[5] == 0x04 || p[5] == 0x02 ||     /* lg, ltg */
				      p[5] == 0x14 || p[5] == 0x16 ||     /* lgf, llgf */
				      p[5] == 0x58 || p[5] == 0x12))) &&  /* ly, lt */
		   x2 == 0 && b2 != 0 && walk->known[b2]) {
		step->kind = ARCH_STEP_LOAD;
		step->reg = r_names[b2];
		step->value = walk->value[b2];
		step->disp = p[0] == 0xe3 ? disp20(p) : (long)((p[2] & 0x0f) << 8 | p[3]);
		walk->known[r1] = 0;
	} else if (p[0] == 0xb9 && p[1] == 0x04) {     /* lgr r1, r2 */
		unsigned d = p[3] >> 4, s = p[3] & 15;

		if (walk->known[s])
			learn(walk, d, walk->value[s]);
		else
			walk->known[d] = 0;
	} else if (p[0] == 0xeb && p[5] == 0x04) {     /* lmg: a range of registers */
		unsigned i;

		for (i = 0; i < 16; i++)
			walk->known[i] = 0;
	} else if (p[0] == 0xb2 || p[0] == 0xb3 || p[0] == 0xb9) {
		/* RRE and S: the first operand register is in the last byte */
		walk->known[p[3] >> 4] = 0;
	} else {
		/* Most other formats name the register they write in bits 8-11:
		 * forget it (a store forgets it too: harmless). */
		walk->known[r1] = 0;
	}
}
