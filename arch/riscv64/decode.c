/*
 * arch/riscv64/decode.c - the decoders of arch/hooks.h for riscv64: a few
 * instructions, as far as the lessons need them.  An instruction is a
 * little-endian 32-bit word, or a 16-bit one where its two low bits are
 * not 11 (the C extension, which Debian's riscv64 and the kernel's vDSO
 * use).  The encodings are the RISC-V Unprivileged ISA's (chapter "RV32I
 * Base Integer Instruction Set", "RV64I", and "C" Standard Extension).
 */
#include <stdint.h>
#include "arch.h"
#include <arch/decode_text.h>

static uint32_t word(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The length of the instruction at p: 2 (compressed) or 4; 0 if not whole in avail. */
static unsigned insn_len(const unsigned char *p, size_t avail)
{
	unsigned len = avail >= 1 && (p[0] & 3) != 3 ? 2 : 4;

	return avail >= len ? len : 0;
}

#define ECALL 0x00000073u       /* ecall */

/* 1. No gate: the kernel gives no AT_SYSINFO, `ecall` is the only way in. */
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

/* 2. An `ecall` among the instructions of the first avail bytes. */
int arch_has_syscall_insn(const unsigned char *p, size_t avail)
{
	size_t i = 0;
	unsigned len;

	while ((len = insn_len(p + i, avail - i)) != 0) {
		if (len == 4 && word(p + i) == ECALL)
			return 1;
		i += len;
	}
	return 0;
}

/*
 * 3. `li a7, N` then `ecall`: the kernel's __vdso_rt_sigreturn
 * (arch/riscv/kernel/vdso/rt_sigreturn.S), QEMU's, and arch/riscv64/
 * signal.S's arch_sigreturn.  li is `addi a7, zero, N` (12-bit signed
 * immediate), or `c.li a7, N` for -32..31.
 */
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub)
{
	unsigned len = insn_len(p, avail);
	long nr;
	char *at = stub->load;

	if (len == 4 && (word(p) & 0x000fffffu) == 0x00000893u) {      /* addi a7, zero, imm */
		nr = (long)(int32_t)word(p) >> 20;
	} else if (len == 2 && ((p[1] << 8 | p[0]) & 0xef83u) == 0x4881u) {   /* c.li a7, imm */
		unsigned h = (unsigned)(p[1] << 8 | p[0]);

		nr = (long)(h >> 2 & 31) - (h & 0x1000 ? 32 : 0);
	} else {
		return 0;
	}
	if (avail - len < 4 || word(p + len) != ECALL || nr < 0)
		return 0;
	stub->nr = (unsigned long)nr;
	at = put(at, "li a7, ");
	at = put_decimal(at, stub->nr);
	*at = 0;
	stub->enter = "ecall";
	return 1;
}

/* 4. The walk to the first data load. */

static const char *const x_names[32] = {
	"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
	"a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6",
	"s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

/* A register the walk tracks: the walk has room for x1-x15 (a5 included);
 * x0 reads as zero, never an address. */
static int tracked(unsigned r)
{
	return r != 0 && r < sizeof ((struct arch_walk *)0)->known;
}

static void learn(struct arch_walk *walk, unsigned r, unsigned long value)
{
	if (tracked(r)) {
		walk->value[r] = value;
		walk->known[r] = 1;
	}
}

static void forget(struct arch_walk *walk, unsigned r)
{
	if (tracked(r))
		walk->known[r] = 0;
}

static int known(const struct arch_walk *walk, unsigned r)
{
	return tracked(r) && walk->known[r];
}

/* "addi rd,rs1,imm", as objdump -M no-aliases writes it (the immediate in
 * decimal; objdump's default calls it "add"). */
static void add_text(char *text, unsigned rd, unsigned rs1, long imm)
{
	*put_signed(put(put(put(put(put(text, "addi "), x_names[rd]), ","), x_names[rs1]), ","), imm) = 0;
}

/* A 32-bit instruction. */
static void step32(struct arch_walk *walk, uint32_t w, unsigned long at, struct arch_step *step)
{
	unsigned op = w & 0x7f, rd = w >> 7 & 31, f3 = w >> 12 & 7, rs1 = w >> 15 & 31;
	long imm12 = (long)(int32_t)w >> 20;

	if (w == ECALL) {
		step->kind = ARCH_STEP_SYSCALL;
	} else if (w == 0x00008067u) {                  /* ret: jalr zero, 0(ra) */
		step->kind = ARCH_STEP_RETURN;
	} else if (op == 0x6f || op == 0x67) {          /* jal, jalr: a call or a jump away */
		step->kind = ARCH_STEP_CALL;
	} else if (op == 0x17) {                        /* auipc rd, imm: pc + (imm << 12) */
		unsigned long v = at + (unsigned long)(long)(int32_t)(w & 0xfffff000u);

		learn(walk, rd, v);
		step->kind = ARCH_STEP_OWN_ADDRESS;
		step->reg = x_names[rd];
		step->value = v;
		/* objdump: auipc rd,0xIMM20 */
		*put(put(put(put_hex(put(put(put(step->text, "auipc "), x_names[rd]), ","), w >> 12),
			     ": "), x_names[rd]), " takes the pc plus the upper 20 bits of an offset") = 0;
	} else if (op == 0x13 && f3 == 0 && known(walk, rs1)) {        /* addi rd, rs1, imm */
		unsigned long v = walk->value[rs1] + (unsigned long)imm12;

		learn(walk, rd, v);
		step->kind = ARCH_STEP_ADD;
		step->reg = x_names[rd];
		step->value = v;
		step->disp = imm12;
		add_text(step->text, rd, rs1, imm12);
	} else if (op == 0x03 && f3 != 7 && known(walk, rs1)) {        /* lb..ld, lbu..lwu */
		step->kind = ARCH_STEP_LOAD;
		step->reg = x_names[rs1];
		step->value = walk->value[rs1];
		step->disp = imm12;
		forget(walk, rd);
	} else if (op != 0x23 && op != 0x63 && op != 0x27 && op != 0x0f) {
		/* Not a store, a branch, a float store or a fence: it may write
		 * the register in bits 7-11: forget it. */
		forget(walk, rd);
	}
}

/* A 16-bit instruction (the C extension); rd' and rs1' are x8-x15. */
static void step16(struct arch_walk *walk, unsigned h, struct arch_step *step)
{
	unsigned q = h & 3, f3 = h >> 13, rd = h >> 7 & 31, rs2 = h >> 2 & 31;
	unsigned rdp = (h >> 2 & 7) + 8, rs1p = (h >> 7 & 7) + 8;
	long imm6 = (long)(h >> 2 & 31) - (h & 0x1000 ? 32 : 0);

	if (h == 0x8082) {                              /* ret: c.jr ra */
		step->kind = ARCH_STEP_RETURN;
	} else if (q == 2 && f3 == 4 && rs2 == 0 && rd != 0) {         /* c.jr, c.jalr */
		step->kind = ARCH_STEP_CALL;
	} else if (q == 1 && f3 == 5) {                 /* c.j: a jump away */
		step->kind = ARCH_STEP_CALL;
	} else if (q == 1 && f3 == 0 && known(walk, rd)) {     /* c.addi rd, imm */
		learn(walk, rd, walk->value[rd] + (unsigned long)imm6);
		step->kind = ARCH_STEP_ADD;
		step->reg = x_names[rd];
		step->value = walk->value[rd];
		step->disp = imm6;
		*put_signed(put(put(put(step->text, "c.addi "), x_names[rd]), ","), imm6) = 0;
	} else if (q == 0 && (f3 == 2 || f3 == 3) && known(walk, rs1p)) {  /* c.lw, c.ld */
		long off = (long)((h >> 10 & 7) << 3);

		if (f3 == 2)
			off = off | (long)((h >> 6 & 1) << 2) | (long)((h >> 5 & 1) << 6);
		else
			off = off | (long)((h >> 5 & 3) << 6);
		step->kind = ARCH_STEP_LOAD;
		step->reg = x_names[rs1p];
		step->value = walk->value[rs1p];
		step->disp = off;
		forget(walk, rdp);
	} else if (q == 2 && f3 == 4 && !(h & 0x1000) && rs2 != 0) {      /* c.mv rd, rs2 */
		if (known(walk, rs2))
			learn(walk, rd, walk->value[rs2]);
		else
			forget(walk, rd);
	} else if (q == 0 && f3 < 4) {                  /* c.addi4spn, loads: rd' */
		forget(walk, rdp);
	} else if (q == 1 && f3 == 4) {                 /* the ALU group on rd' */
		forget(walk, rs1p);
	} else if ((q == 1 && f3 < 4) || (q == 2 && f3 < 4) || (q == 2 && f3 == 4)) {
		forget(walk, rd);                       /* c.addiw, c.li, c.lui, c.slli, c.l*sp, c.add */
	}
}

void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step)
{
	unsigned long off = at - (unsigned long)image;
	unsigned len;

	step->kind = ARCH_STEP_UNKNOWN;
	step->len = 0;
	step->reg = 0;
	step->text[0] = 0;
	step->pc_relative = 0;
	step->value = 0;
	step->disp = 0;
	if (at < (unsigned long)image || at % 2 || off >= size)
		return;
	len = insn_len(image + off, size - off);
	if (!len)
		return;
	step->len = len;
	step->kind = ARCH_STEP_OTHER;
	if (len == 4)
		step32(walk, word(image + off), at, step);
	else
		step16(walk, (unsigned)(image[off] | image[off + 1] << 8), step);
}
