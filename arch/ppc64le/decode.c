/*
 * arch/ppc64le/decode.c - the decoders of arch/hooks.h for ppc64le: a few
 * instructions, as far as the lessons need them.  Every instruction is
 * one 32-bit word, little-endian in memory on this arch; the primary
 * opcode is its top 6 bits.  The encodings are the Power ISA's (version
 * 3.1, Book I; "Instruction Formats" and the instructions' own pages).
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

static uint32_t word(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#define SC        0x44000002u   /* sc */
#define SCV_0     0x44000001u   /* scv 0 (Power ISA 3.0): another way in */
#define BLR       0x4e800020u   /* blr: return to the link register */
#define BCL_NEXT  0x429f0005u   /* bcl 20,31,.+4: lr = the next instruction's address */
#define MFLR_MASK 0xfc1fffffu   /* mflr rD is 0x7c0802a6 | rD << 21 */
#define MFLR      0x7c0802a6u
#define MTLR      0x7c0803a6u   /* mtlr rS, the same mask */

/* The fields: rD (or rS) in bits 21-25, rA in 16-20, the 16-bit immediate. */
static unsigned opcode(uint32_t w) { return w >> 26; }
static unsigned rd(uint32_t w) { return w >> 21 & 31; }
static unsigned ra(uint32_t w) { return w >> 16 & 31; }
static long simm(uint32_t w) { return (long)(int16_t)(w & 0xffff); }

/* 1. No gate: the kernel gives no AT_SYSINFO, `sc` is the way in. */
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

/* 2. An `sc` (or `scv 0`) among the first avail bytes (whole words). */
int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	size_t i;

	for (i = 0; i + 4 <= avail; i += 4)
		if (word(p + i) == SC || word(p + i) == SCV_0)
			return 1;
	return 0;
}

/*
 * 3. `li r0, N` (addi r0, 0, N) then `sc`, perhaps after `addi r1, r1, F`,
 * which takes the handler's frame off first: the kernel's
 * __kernel_sigtramp_rt64 (arch/powerpc/kernel/vdso/sigtramp64.S), the
 * two words the kernel writes into a frame when there is no vDSO
 * (signal_64.c, setup_trampoline), QEMU's, and arch_sigreturn.
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	char *at = stub->load;
	uint32_t li;

	if (avail >= 12 && (word(p) & 0xffff0000u) == 0x38210000u) {   /* addi r1, r1, F */
		at = put(at, "addi r1,r1,");
		at = put_decimal(at, (unsigned long)simm(word(p)));
		at = put(at, "; ");
		p += 4;
		avail -= 4;
	}
	if (avail < 8)
		return 0;
	li = word(p);
	if ((li & 0xffff0000u) != 0x38000000u || simm(li) < 0 || word(p + 4) != SC)
		return 0;
	stub->nr = (unsigned long)simm(li);
	at = put(at, "li r0,");
	at = put_decimal(at, stub->nr);
	*at = 0;
	stub->enter = "sc";
	return 1;
}

/* 4. The walk to the first data load. */

static const char *const r_names[32] = {
	"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10",
	"r11", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20",
	"r21", "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29", "r30", "r31",
};

/*
 * The walk has room for 16 values: r0-r12 in their own slots, and the
 * link register in slot 13 (r13 is the thread pointer, which a vDSO
 * function never writes).
 */
#define LR 13

static int tracked(unsigned r)
{
	return r <= 12;
}

static void learn(struct arch_walk *walk, unsigned r, unsigned long value)
{
	walk->value[r] = value;
	walk->known[r] = 1;
}

static int known(const struct arch_walk *walk, unsigned r)
{
	return tracked(r) && walk->known[r];
}

/* The stores (D and DS forms): rS in bits 21-25 is read, not written. */
static int is_store(unsigned op)
{
	return (op >= 36 && op <= 39) || op == 44 || op == 45 ||
	       (op >= 52 && op <= 55) || op == 62;
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	unsigned long off = at - (unsigned long)image;
	unsigned op;
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
	op = opcode(w);
	step->len = 4;
	step->kind = ARCH_STEP_OTHER;
	if (w == SC || w == SCV_0) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if (w == BLR) {
		step->kind = ARCH_STEP_RETURN;
	} else if (w == BCL_NEXT) {
		/* not a call: the way to read the program counter */
		walk->value[LR] = at + 4;
		walk->known[LR] = 1;
	} else if ((w & MFLR_MASK) == MFLR) {          /* mflr rD */
		if (walk->known[LR] && tracked(rd(w))) {
			learn(walk, rd(w), walk->value[LR]);
			step->kind = ARCH_STEP_OWN_ADDRESS;
			step->reg = r_names[rd(w)];
			step->value = walk->value[LR];
			*put(put(put(put(put(step->text, "mflr "), r_names[rd(w)]), ": "), r_names[rd(w)]),
			     " takes the address bcl 20,31 left in the link register") = 0;
		} else if (tracked(rd(w))) {
			walk->known[rd(w)] = 0;
		}
	} else if ((w & MFLR_MASK) == MTLR) {          /* mtlr rS: lr is no longer known */
		walk->known[LR] = 0;
	} else if (op == 18 || (op == 19 && (w & 0x7feu) == 0x420u)) {
		/* b, bl (and a tail call), bctr, bctrl */
		step->kind = ARCH_STEP_CALL;
	} else if ((op == 14 || op == 15) && ra(w) != 0 && known(walk, ra(w))) {
		/* addi, addis rD, rA, imm: rA + imm (addis: imm << 16) */
		long imm = op == 15 ? simm(w) * 65536 : simm(w);
		unsigned long v = walk->value[ra(w)] + (unsigned long)imm;

		if (tracked(rd(w)))
			learn(walk, rd(w), v);
		step->kind = ARCH_STEP_ADD;
		step->reg = r_names[rd(w)];
		step->value = v;
		step->disp = imm;
		/* objdump: addi rD,rA,SIMM and addis rD,rA,SIMM, in decimal */
		*put_signed(put(put(put(put(put(step->text, op == 15 ? "addis " : "addi "), r_names[rd(w)]),
					","), r_names[ra(w)]), ","), simm(w)) = 0;
	} else if ((op == 32 || op == 34 || op == 40 || op == 42 ||
		    (op == 58 && (w & 3) != 1)) && known(walk, ra(w))) {
		/* lwz, lbz, lhz, lha: D form; ld, lwa: DS form (the low
		 * two bits of the displacement say which) */
		step->kind = ARCH_STEP_LOAD;
		step->reg = r_names[ra(w)];
		step->value = walk->value[ra(w)];
		step->disp = op == 58 ? simm(w & ~3u) : simm(w);
	} else if (!is_store(op) && op != 16 && op != 19 && tracked(rd(w))) {
		/* Most other instructions write the register in bits 21-25:
		 * forget it (for a compare, whose bits are a field of cr, the
		 * walk only forgets more than it must). */
		walk->known[rd(w)] = 0;
	}
}
