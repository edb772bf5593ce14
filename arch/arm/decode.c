/*
 * arch/arm/decode.c - the decoders of arch/hooks.h for 32-bit arm: a few
 * instructions, as far as the lessons need them.  Code is in one of two
 * states: ARM (32-bit words) or Thumb (16- and 32-bit halfword pairs); a
 * code address with bit 0 set is Thumb, as the vDSO's symbols are where
 * the kernel builds it for Thumb (and QEMU's).  Encodings: the Arm ARM
 * for ARMv7-A (DDI 0406, A5 for ARM, A6 for Thumb).
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* svc (any number: the EABI ignores it; the kernel's own trampolines say
 * #0x900077 so that an old-ABI kernel understands them too). */
static int arm_svc(uint32_t w) { return (w & 0xff000000u) == 0xef000000u; }
static int thumb_svc(unsigned h) { return (h & 0xff00u) == 0xdf00u; }

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

/* 2. An svc among the first avail bytes, as ARM words or Thumb halfwords
 * (an odd p is Thumb code at p - 1). */
int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	int thumb = (uintptr_t)p & 1;
	size_t i;

	if (thumb)
		p--;
	for (i = 0; i + (thumb ? 2 : 4) <= avail; i += thumb ? 2 : 4)
		if (thumb ? thumb_svc(le16(p + i)) : arm_svc(le32(p + i)))
			return 1;
	return 0;
}

/*
 * 3. `mov r7, #N` then svc, in ARM state (e3a070NN, ef......) or Thumb
 * (27NN `movs r7, #N`, dfNN): the kernel's sigreturn codes in the sigpage
 * (arch/arm/kernel/sigreturn_codes.S), QEMU's, and arch/arm/signal.S.
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	int thumb = (uintptr_t)p & 1;
	char *at = stub->load;

	if (thumb) {
		p--;
		if (avail < 5 || (le16(p) & 0xff00u) != 0x2700u || !thumb_svc(le16(p + 2)))
			return 0;
		stub->nr = le16(p) & 0xff;
		at = put(at, "movs r7, #");
	} else {
		if (avail < 8 || (le32(p) & 0xffffff00u) != 0xe3a07000u || !arm_svc(le32(p + 4)))
			return 0;
		stub->nr = le32(p) & 0xff;
		at = put(at, "mov r7, #");
	}
	at = put_decimal(at, stub->nr);
	*at = 0;
	stub->enter = "svc";
	return 1;
}

/* 4. The walk to the first data load: r0-r15 fit the walk. */

static const char *const r_names[16] = {
	"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
	"r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc",
};

static void learn(struct arch_walk *walk, unsigned r, unsigned long value)
{
	walk->value[r] = value;
	walk->known[r] = 1;
}

/* ARM state: pc reads as the instruction's address + 8. */
static void arm_step(struct arch_walk *walk, uint32_t w, unsigned long at, struct arch_step *step)
{
	unsigned rd = w >> 12 & 15, rn = w >> 16 & 15;
	long imm12 = (long)(w & 0xfff);

	step->len = 4;
	step->kind = ARCH_STEP_OTHER;
	if (arm_svc(w)) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if (w == 0xe12fff1eu) {                  /* bx lr */
		step->kind = ARCH_STEP_RETURN;
	} else if ((w & 0x0f000000u) == 0x0b000000u || (w & 0xfe000000u) == 0xfa000000u ||
		   (w & 0x0ffffff0u) == 0x012fff30u) {  /* bl, blx */
		step->kind = ARCH_STEP_CALL;
	} else if ((w & 0x0f700000u) == 0x05100000u) {  /* ldr rd, [rn, #+-imm12] */
		long disp = w >> 23 & 1 ? imm12 : -imm12;

		if (rn == 15) {
			step->kind = ARCH_STEP_LOAD;
			step->reg = "pc";
			step->value = at + 8;
			step->disp = disp;
		} else if (walk->known[rn]) {
			step->kind = ARCH_STEP_LOAD;
			step->reg = r_names[rn];
			step->value = walk->value[rn];
			step->disp = disp;
		}
		walk->known[rd] = 0;
	} else if ((w & 0x0fff0ff0u) == 0x01a00000u) {  /* mov rd, rm */
		unsigned rm = w & 15;

		if (walk->known[rm])
			learn(walk, rd, walk->value[rm]);
		else
			walk->known[rd] = 0;
	} else if ((w & 0x0c000000u) == 0x00000000u || (w & 0x0c000000u) == 0x04000000u) {
		walk->known[rd] = 0;    /* data processing, loads: rd may change */
	}
}

/* Thumb state: pc reads as the instruction's address + 4. */
static void thumb_step(struct arch_walk *walk, const unsigned char *p, size_t avail,
		       const unsigned char *image, size_t size, unsigned long at,
		       struct arch_step *step)
{
	unsigned h = le16(p);

	step->len = 2;
	step->kind = ARCH_STEP_OTHER;
	if ((h & 0xe000u) == 0xe000u && (h & 0x1800u)) {        /* a 32-bit instruction */
		if (avail < 4) {
			step->kind = ARCH_STEP_UNKNOWN;
			step->len = 0;
			return;
		}
		step->len = 4;
		if ((h & 0xf800u) == 0xf000u && (le16(p + 2) & 0xc000u) == 0xc000u)
			step->kind = ARCH_STEP_CALL;            /* bl, blx */
		return;
	}
	if (thumb_svc(h)) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if (h == 0x4770u) {                              /* bx lr */
		step->kind = ARCH_STEP_RETURN;
	} else if ((h & 0xf800u) == 0x4800u) {  /* ldr rt, [pc, #imm8*4]: a constant */
		unsigned long lit = ((at + 4) & ~3UL) + (h & 0xffu) * 4;
		unsigned rt = h >> 8 & 7;

		if (lit >= (unsigned long)image && lit - (unsigned long)image + 4 <= size)
			learn(walk, rt, le32(image + (lit - (unsigned long)image)));
		else
			walk->known[rt] = 0;
	} else if ((h & 0xff78u) == 0x4478u) {  /* add rdn, pc: a constant becomes an address */
		unsigned r = (h >> 4 & 8) | (h & 7);

		if (walk->known[r]) {
			learn(walk, r, walk->value[r] + at + 4);
			step->kind = ARCH_STEP_ADD;
			step->reg = r_names[r];
			step->value = walk->value[r];
			step->disp = (long)(at + 4);
			*put(put(put(step->text, "add "), r_names[r]), ", pc") = 0;   /* objdump's words */
		}
	} else if ((h & 0xff00u) == 0x4600u) {                  /* mov rd, rm */
		unsigned rd = (h >> 4 & 8) | (h & 7), rm = h >> 3 & 15;

		if (walk->known[rm])
			learn(walk, rd, walk->value[rm]);
		else
			walk->known[rd] = 0;
	} else if ((h & 0xf800u) == 0x6800u) {                  /* ldr rt, [rn, #imm5*4] */
		unsigned rn = h >> 3 & 7;

		if (walk->known[rn]) {
			step->kind = ARCH_STEP_LOAD;
			step->reg = r_names[rn];
			step->value = walk->value[rn];
			step->disp = (long)(h >> 6 & 31) * 4;
		}
		walk->known[h & 7] = 0;
	} else if (h < 0x4000u) {
		walk->known[h & 7] = 0; /* shifts, add, sub, mov, cmp with an immediate */
		if ((h & 0xf800u) == 0x2000u || (h & 0xf800u) == 0x3000u || (h & 0xf800u) == 0x3800u)
			walk->known[h >> 8 & 7] = 0;
	}
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	int thumb = at & 1;
	unsigned long insn = at & ~1UL, off = insn - (unsigned long)image;

	step->kind = ARCH_STEP_UNKNOWN;
	step->len = 0;
	step->reg = 0;
	step->text[0] = 0;
	step->pc_relative = 0;
	step->value = 0;
	step->disp = 0;
	if (insn < (unsigned long)image || off >= size || size - off < (thumb ? 2u : 4u))
		return;
	if (thumb)
		thumb_step(walk, image + off, size - off, image, size, insn, step);
	else
		arm_step(walk, le32(image + off), insn, step);
}
