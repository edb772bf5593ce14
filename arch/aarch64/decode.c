/*
 * arch/aarch64/decode.c - the decoders of arch/hooks.h for aarch64: a few
 * instructions, as far as the lessons need them.  Every instruction is
 * one little-endian 32-bit word; the encodings are the Arm ARM's (DDI
 * 0487, chapter C4, "A64 Instruction Set Encoding").
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

static uint32_t word(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#define SVC_0 0xd4000001u       /* svc #0 */

/* 1. No gate: the kernel gives no AT_SYSINFO, `svc #0` is the only way in. */
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

/* 2. An `svc #0` among the first avail bytes (whole words). */
int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	size_t i;

	for (i = 0; i + 4 <= avail; i += 4)
		if (word(p + i) == SVC_0)
			return 1;
	return 0;
}

/*
 * 3. `mov x8, #N` (movz, 64- or 32-bit, no shift) then `svc #0`: the
 * kernel's __kernel_rt_sigreturn (arch/arm64/kernel/vdso/sigreturn.S),
 * QEMU's, and arch/aarch64/signal.S's arch_sigreturn.
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	uint32_t mov;
	char *at = stub->load;

	if (avail < 8)
		return 0;
	mov = word(p);
	if ((mov & 0x7fe0001fu) != 0x52800008u || word(p + 4) != SVC_0)
		return 0;
	stub->nr = mov >> 5 & 0xffff;
	at = put(at, mov >> 31 ? "mov x8, #" : "mov w8, #");
	at = put_decimal(at, stub->nr);
	*at = 0;
	stub->enter = "svc #0";
	return 1;
}

/* 4. The walk to the first data load. */

static const char *const x_names[32] = {
	"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
	"x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20",
	"x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30", "sp",
};

/* A register the walk tracks: the walk has room for x0-x15. */
static int tracked(unsigned r)
{
	return r < sizeof ((struct arch_walk *)0)->known;
}

static void learn(struct arch_walk *walk, unsigned r, unsigned long value)
{
	if (tracked(r)) {
		walk->value[r] = value;
		walk->known[r] = 1;
	}
}

static int known(const struct arch_walk *walk, unsigned r)
{
	return tracked(r) && walk->known[r];
}

/* The 21-bit signed immediate of adr and adrp: immhi (bits 5-23), immlo (29-30). */
static long adr_imm(uint32_t w)
{
	long imm = (long)((w >> 5 & 0x7ffff) << 2 | (w >> 29 & 3));

	return imm >= 1L << 20 ? imm - (1L << 21) : imm;
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	unsigned long off = at - (unsigned long)image;
	unsigned rd, rn;
	uint32_t w;

	step->kind = ARCH_STEP_UNKNOWN;
	step->len = 0;
	step->reg = 0;
	step->text[0] = 0;
	step->pc_relative = 0;
	step->value = 0;
	step->disp = 0;
	if (at < (unsigned long)image || at % 4 || off >= size || size - off < 4)
		return;
	w = word(image + off);
	rd = w & 31;
	rn = w >> 5 & 31;
	step->len = 4;
	step->kind = ARCH_STEP_OTHER;
	if (w == SVC_0) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if ((w & 0xfffffc1fu) == 0xd65f0000u || w == 0xd65f0bffu) {    /* ret, retaa */
		step->kind = ARCH_STEP_RETURN;
	} else if ((w & 0x7c000000u) == 0x14000000u ||                       /* b, bl */
		   (w & 0xfffffc1fu) == 0xd63f0000u) {                        /* blr */
		step->kind = ARCH_STEP_CALL;
	} else if ((w & 0x1f000000u) == 0x10000000u) {  /* adr, adrp: the address of pc + imm */
		int page = w >> 31;
		unsigned long v = page ? (at & ~0xfffUL) + (unsigned long)(adr_imm(w) * 4096)
				       : at + (unsigned long)adr_imm(w);
		char *t;

		learn(walk, rd, v);
		step->kind = ARCH_STEP_OWN_ADDRESS;
		step->reg = x_names[rd];
		step->value = v;
		/* a page-relative address (adrp: the pc's 4 KiB page plus a
		 * number of pages), or a pc-relative one (adr) */
		t = put(put(step->text, page ? "adrp " : "adr "), x_names[rd]);
		t = put(put(put(t, page ? ", a page-relative address: " : ", a pc-relative address: "),
			    x_names[rd]), page ? " takes the pc's 4 KiB page plus " : " takes the pc plus ");
		t = page ? put(put_signed(t, adr_imm(w)), " pages") : put_signed_hex(t, adr_imm(w));
		*t = 0;
	} else if ((w & 0xff800000u) == 0x91000000u && known(walk, rn)) {     /* add xd, xn, #imm */
		long imm = (long)(w >> 10 & 0xfff) << (w >> 22 & 1 ? 12 : 0);
		unsigned long v = walk->value[rn] + (unsigned long)imm;  /* before rd is learnt: rd may be rn */
		char *t;

		learn(walk, rd, v);
		step->kind = ARCH_STEP_ADD;
		step->reg = x_names[rd];
		step->value = v;
		step->disp = imm;
		/* objdump: add xd, xn, #imm12 (, lsl #12) */
		t = put(put(put(put(put(step->text, "add "), x_names[rd]), ", "), x_names[rn]), ", #");
		t = put_hex(t, w >> 10 & 0xfff);
		*(w >> 22 & 1 ? put(t, ", lsl #12") : t) = 0;
	} else if ((w & 0x3fc00000u) == 0x39400000u && known(walk, rn)) {     /* ldr{b,h,,} [xn, #imm] */
		step->kind = ARCH_STEP_LOAD;
		step->reg = x_names[rn];
		step->value = walk->value[rn];
		step->disp = (long)(w >> 10 & 0xfff) << (w >> 30);
	} else if ((w & 0x3b000000u) == 0x18000000u) {  /* ldr (literal): pc-relative */
		long imm = (long)(w >> 5 & 0x7ffff);

		step->kind = ARCH_STEP_LOAD;
		step->reg = "pc";
		step->how = "this instruction";        /* ldr literal: pc + imm19 * 4 */
		step->value = at;
		step->disp = (imm >= 1L << 18 ? imm - (1L << 19) : imm) * 4;
	} else if ((w & 0xffe0ffe0u) == 0xaa0003e0u) {  /* mov xd, xm (orr xd, xzr, xm) */
		unsigned rm = w >> 16 & 31;

		if (known(walk, rm))
			learn(walk, rd, walk->value[rm]);
		else if (tracked(rd))
			walk->known[rd] = 0;
	} else if (tracked(rd) && (w & 0x1c000000u) != 0x14000000u) {
		/* Outside the branch and system group (bits 26-28 101), most
		 * instructions write the register in bits 0-4: forget it. */
		walk->known[rd] = 0;
	}
}
