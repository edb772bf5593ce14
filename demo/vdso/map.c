/*
 * demo/vdso/map.c - `vdso map`: the pages around the image, and why a vDSO
 * call needs no system call.
 *
 * The kernel maps data pages just below the vDSO's code.  Since 6.13 an
 * x86_64 process has [vvar] (4 pages: time data, the time-namespace page,
 * RNG data, arch data: lib/vdso/datastore.c, include/vdso/datapage.h),
 * [vvar_vclock] (2 pages: the paravirtual clocks), then [vdso].  The
 * functions in the image read the time data there, at a fixed distance
 * from their own code: on x86_64 by a %rip-relative operand (the address
 * is the next instruction's plus a 32-bit displacement), on i386, which
 * has no %rip-relative form, through a register the code loads with its
 * own address first (call __x86.get_pc_thunk.REG, add $GOT-offset, REG).
 * This command decodes the first such operand of __vdso_time and says
 * which mapping the address falls in.  It never reads the data pages:
 * some raise SIGBUS when touched (the time-namespace page of a process
 * outside a time namespace).  It reads /proc/self/maps, and the image.
 *
 * try: objdump -d --disassemble=__vdso_time linux-vdso.so.1  (after vdso dump)
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

#define MAX_INSNS 16

/* ---- the mappings ---- */

static uintptr_t ehdr;          /* AT_SYSINFO_EHDR: the image */

/* " -0x6000" or " +0x2000": where an address lies from the image. */
static void distance(struct out *o, uint64_t addr)
{
	if (addr >= ehdr)
		out_printf(o, "+0x%llx", (unsigned long long)(addr - ehdr));
	else
		out_printf(o, "-0x%llx", (unsigned long long)(ehdr - addr));
}

static int show_mapping(const struct maps_entry *m, void *ctx)
{
	struct out *o = ctx;

	if (strncmp(m->name, "[vvar", 5) != 0 && !str_eq(m->name, "[vdso]"))
		return 0;
	out_printf(o, "  %-13s %llx-%llx %-4s %6llu bytes, %2llu pages, from AT_SYSINFO_EHDR ",
		   m->name, (unsigned long long)m->start, (unsigned long long)m->end, m->perms,
		   (unsigned long long)(m->end - m->start),
		   (unsigned long long)((m->end - m->start) >> 12));
	distance(o, m->start);
	out_char(o, '\n');
	return 0;
}

/* ---- one instruction, as far as this lesson needs ---- */

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

static int32_t le32(const unsigned char *p)
{
	return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

/* Decode the instruction at p (avail bytes): 0, or -1 if it is not one
 * this small decoder knows. */
static int decode(const unsigned char *p, size_t avail, struct insn *in)
{
	unsigned i = 0;
	int opsize16 = 0, rex_w = 0, imm;

	memset(in, 0, sizeof *in);
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
	if (imm < 0)
		return -1;
	if (in->has_modrm) {
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
			in->disp = n == 1 ? (int8_t)p[i] : le32(p + i);
			i += n;
		}
	}
	if (i + (unsigned)imm > avail)
		return -1;
	if (imm == 1)
		in->imm = (int8_t)p[i];
	else if (imm >= 4)
		in->imm = le32(p + i);
	in->len = i + (unsigned)imm;
	return 0;
}

/* ---- the first data load of __vdso_time ---- */

static const unsigned char *image;
static size_t image_size;

/* i386's registers by their ModRM number. */
static const char *const reg_names[8] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };

static void show_bytes(struct out *o, uintptr_t at, unsigned n)
{
	unsigned i;

	out_printf(o, "  +0x%lx:", (unsigned long)(at - ehdr));
	for (i = 0; i < n && i < 10; i++)
		out_printf(o, " %02x", image[at - ehdr + i]);
	out_str(o, n > 10 ? " ...: " : ": ");
}

/*
 * Walk from fn in program order (branches are not followed) to the first
 * memory operand whose address the code knows: %rip-relative (x86_64), or
 * based on a register loaded by call-thunk-and-add (i386).  1 and *target,
 * 0 with the line said.
 */
static int first_load(struct out *o, uintptr_t fn, uintptr_t *target)
{
	uintptr_t at = fn, known[8] = { 0 };
	int has[8] = { 0 };
	struct insn in;
	int n;

	for (n = 0; n < MAX_INSNS; n++, at += in.len) {
		const unsigned char *p = image + (at - ehdr);
		size_t avail = image_size - (at - ehdr);

		if (at < ehdr || at - ehdr >= image_size || decode(p, avail, &in) < 0) {
			out_str(o, "  cannot be decoded simply: an instruction this small decoder does not know\n");
			return 0;
		}
		show_bytes(o, at, in.len);
		if ((in.op == 0x0f && in.op2 == 0x05) || (in.op == 0xcd && in.imm == (int8_t)0x80)) {
			out_str(o, "a system call: this function has no data load, it enters the kernel\n");
			return 0;
		}
		if (in.op == 0xc3) {
			out_str(o, "ret, before any data load\n");
			return 0;
		}
		if (in.op == 0xe8) {    /* call: a thunk "mov (%esp), REG; ret"? */
			uintptr_t t = at + in.len + (uintptr_t)(intptr_t)in.imm;
			const unsigned char *q = image + (t - ehdr);

			if (t >= ehdr && t - ehdr + 4 <= image_size && q[0] == 0x8b &&
			    (q[1] & 0xc7) == 0x04 && q[2] == 0x24 && q[3] == 0xc3) {
				known[q[1] >> 3 & 7] = at + in.len;
				has[q[1] >> 3 & 7] = 1;
				out_printf(o, "call a thunk that loads %%%s with its return address, +0x%lx\n",
					   reg_names[q[1] >> 3 & 7], (unsigned long)(at + in.len - ehdr));
				continue;
			}
			out_str(o, "a call, before any data load\n");
			return 0;
		}
		if ((in.op == 0x05 || (in.op == 0x81 && in.has_modrm && in.mod == 3 && in.reg == 0)) &&
		    has[in.op == 0x05 ? 0 : in.rm]) {
			int r = in.op == 0x05 ? 0 : in.rm;

			known[r] += (uintptr_t)(intptr_t)in.imm;
			out_printf(o, "add $0x%x to %%%s: it holds +0x%lx\n", (unsigned)in.imm, reg_names[r],
				   (unsigned long)(known[r] - ehdr));
			continue;
		}
		if (in.has_modrm && in.rip) {
			*target = at + in.len + (uintptr_t)(intptr_t)in.disp;
			out_printf(o, "%%rip-relative: the next instruction (+0x%lx) %c 0x%x\n",
				   (unsigned long)(at + in.len - ehdr), in.disp < 0 ? '-' : '+',
				   (unsigned)(in.disp < 0 ? -(int64_t)in.disp : in.disp));
			return 1;
		}
		if (in.has_modrm && (in.mod == 1 || in.mod == 2) && in.rm >= 0 && has[in.rm]) {
			*target = known[in.rm] + (uintptr_t)(intptr_t)in.disp;
			out_printf(o, "%%%s (+0x%lx) %c 0x%x\n", reg_names[in.rm],
				   (unsigned long)(known[in.rm] - ehdr), in.disp < 0 ? '-' : '+',
				   (unsigned)(in.disp < 0 ? -(int64_t)in.disp : in.disp));
			return 1;
		}
		out_str(o, "(no data address)\n");
	}
	out_printf(o, "  no data load in the first %d instructions\n", MAX_INSNS);
	return 0;
}

struct where { uint64_t addr; struct maps_entry m; int found; };

static int holds(const struct maps_entry *m, void *ctx)
{
	struct where *w = ctx;

	if (w->addr < m->start || w->addr >= m->end)
		return 0;
	w->m = *m;
	return w->found = 1;
}

/* Which mapping the address is in, by /proc/self/maps, else by distance. */
static void say_where(struct out *o, uintptr_t target)
{
	struct where w = { target, { 0 }, 0 };
	long r = maps_read(holds, &w);

	out_printf(o, "it reads 0x%llx = AT_SYSINFO_EHDR ", (unsigned long long)target);
	distance(o, target);
	if (r == 0 && w.found)
		out_printf(o, ": in %s, page %llu of %llu, offset 0x%llx (never read here)\n",
			   w.m.name[0] ? w.m.name : "an anonymous mapping",
			   (unsigned long long)((target - w.m.start) >> 12),
			   (unsigned long long)((w.m.end - w.m.start) >> 12),
			   (unsigned long long)((target - w.m.start) & 0xfff));
	else if (r == 0)
		out_str(o, ": in no mapping of /proc/self/maps\n");
	else if (target < ehdr)
		out_str(o, ": below the image, in the data pages the kernel maps before it"
			" (no /proc/self/maps to name them)\n");
	else
		out_str(o, ": inside or past the image (no /proc/self/maps to say more)\n");
}

int cmd_map(int argc, char **argv)
{
	struct out *o = &out_stdout;
	const char *symbol = 0, *version = 0;
	struct elf_sym s;
	uintptr_t target;
	long r;

	if (argc > 1)
		return usage_error("map", argv[1], "unexpected argument");
	if (vdso_status != 0) {     /* a runner without one: a fact, not an error */
		out_printf(o, "vdso map: no vDSO here (%s): no image, no data pages beside it\n",
			   vdso_absent ? vdso_absent : "not open");
		return 0;
	}
	/* The symbol and version from the arch's table (vdso_calls.h). */
#define PICK_TIME(id, name, twin, sym, ver, time64) \
	if (VDSO_##id == VDSO_TIME) { symbol = sym; version = ver; }
	ARCH_VDSO_CALLS(PICK_TIME, VDSO_NOTHING)
	image = vdso_image.bytes;
	image_size = vdso_image.size;
	ehdr = (uintptr_t)image;
	out_printf(o, "vdso map: the image at 0x%lx (AT_SYSINFO_EHDR), %lu bytes by its own headers\n",
		   (unsigned long)ehdr, (unsigned long)image_size);
	out_str(o, "mappings around it (/proc/self/maps):\n");
	if ((r = maps_read(show_mapping, o)) < 0)
		out_printf(o, "  none to show: /proc/self/maps cannot be read: %s (%s); only the image tells\n",
			   errno_name((int)r), errno_message((int)r));
	if (elf_lookup(&vdso_image, symbol, version, &s) != 0) {
		out_printf(o, "%s@%s: not in this vDSO\n", symbol, version);
		return 0;
	}
	out_printf(o, "%s@%s at +0x%lx, decoded up to its first data address:\n", symbol, version,
		   (unsigned long)(s.addr - ehdr));
	if (first_load(o, s.addr, &target))
		say_where(o, target);
	return 0;
}
