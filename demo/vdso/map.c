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
 * try: objdump -d --disassemble=__vdso_time linux-vdso.so.1  (after build/x86_64/vdso dump)
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

/* ---- the first data load of __vdso_time ---- */

static const unsigned char *image;
static size_t image_size;

static void show_bytes(struct out *o, uintptr_t at, unsigned n)
{
	unsigned i;

	out_printf(o, "  +0x%lx:", (unsigned long)(at - ehdr));
	for (i = 0; i < n && i < 10; i++)
		out_printf(o, " %02x", image[at - ehdr + i]);
	out_str(o, n > 10 ? " ...: " : ": ");
}

/* " + 0x10" or " - 0x10" */
static void signed_hex(struct out *o, long n)
{
	out_printf(o, " %c 0x%lx\n", n < 0 ? '-' : '+', (unsigned long)(n < 0 ? -n : n));
}

/* "+0x40" or "-0x2000": an address as an offset from the image, which
 * is negative for the data pages below it */
static const char *from_image(uintptr_t addr)
{
	static char text[24];
	long d = (long)(addr - ehdr);
	unsigned long u = d < 0 ? 0UL - (unsigned long)d : (unsigned long)d;
	char digits[20];
	int n = 0, i = 0;

	do
		digits[n++] = "0123456789abcdef"[u % 16];
	while ((u /= 16) && n < 20);
	text[i++] = d < 0 ? '-' : '+';
	text[i++] = '0';
	text[i++] = 'x';
	while (n)
		text[i++] = digits[--n];
	text[i] = 0;
	return text;
}

/*
 * Walk from fn in program order (branches are not followed) to the first
 * memory operand whose address the code knows: pc-relative, or based on a
 * register the code loaded with its own address (arch/<arch>/decode.c
 * decodes; this says what each step means).  1 and *target, 0 with the
 * line said.
 */
static int walk_to_data(struct out *o, uintptr_t fn, uintptr_t *target)
{
	struct arch_walk walk = { { 0 }, { 0 } };
	struct arch_step step;
	uintptr_t at = fn;
	int n;

	for (n = 0; n < MAX_INSNS; n++, at += step.len) {
		step.how = 0;
		arch_data_step(&walk, image, image_size, at, &step);
		if (step.kind == ARCH_STEP_UNKNOWN) {
			out_str(o, "  cannot be decoded simply: an instruction this small decoder does not know\n");
			return 0;
		}
		show_bytes(o, ARCH_CODE_BYTES(at), step.len);
		switch (step.kind) {
		case ARCH_STEP_SYSCALL:
			out_str(o, "a system call: this function has no data load, it enters the kernel\n");
			return 0;
		case ARCH_STEP_RETURN:
			out_str(o, "a return, before any data load\n");
			return 0;
		case ARCH_STEP_CALL:
			out_str(o, "a call, before any data load\n");
			return 0;
		case ARCH_STEP_INTO:    /* followed: the loop's step lands there */
			out_printf(o, "a call to +0x%lx, followed\n", (unsigned long)(step.value - ehdr));
			at = step.value, step.len = 0;
			break;
		case ARCH_STEP_OWN_ADDRESS:     /* the arch's words: arch/<arch>/decode.c */
			out_printf(o, "%s, %s\n", step.text, from_image(step.value));
			break;
		case ARCH_STEP_ADD:             /* the instruction, in the arch's syntax */
			out_printf(o, "%s: %s holds %s\n", step.text, step.reg, from_image(step.value));
			break;
		case ARCH_STEP_LOAD:
			*target = step.value + (uintptr_t)step.disp;
			if (step.pc_relative)
				out_printf(o, "%s-relative: %s (%s)", step.reg,
					   step.how ? step.how : "the next instruction",
					   from_image(step.value));
			else
				out_printf(o, "%s (%s)", step.reg, from_image(step.value));
			signed_hex(o, step.disp);
			return 1;
		default:
			out_str(o, "(no data address)\n");
		}
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
			   vdso_why_absent());
		return 0;
	}
	/* The symbol and version from the arch's table (vdso_calls.h): time's,
	 * the simplest reader of the data; where the arch's vDSO has no time()
	 * (the ARM ones), clock_gettime's. */
#define PICK_TIME(id, name, twin, sym, ver, time64) \
	if (VDSO_##id == VDSO_TIME && sym) { symbol = sym; version = ver; }
#define PICK_CLOCK(id, name, twin, sym, ver, time64) \
	if (VDSO_##id == VDSO_CLOCK_GETTIME && !symbol) { symbol = sym; version = ver; }
	ARCH_VDSO_CALLS(PICK_TIME, VDSO_NOTHING)
	ARCH_VDSO_CALLS(PICK_CLOCK, VDSO_NOTHING)
	image = vdso_image.bytes;
	image_size = vdso_image.size;
	ehdr = (uintptr_t)image;
	out_printf(o, "vdso map: the image at 0x%lx (AT_SYSINFO_EHDR), %lu bytes by its own headers\n",
		   (unsigned long)ehdr, (unsigned long)image_size);
	out_str(o, "mappings around it (/proc/self/maps):\n");
	if ((r = maps_read(show_mapping, o)) < 0)
		out_printf(o, "  none to show: /proc/self/maps cannot be read: %s (%s); only the image tells\n",
			   errno_name((int)r), errno_message((int)r));
	else
		vdso_draw_around(o, ehdr);      /* the same, drawn (vdso/around.c) */
	if (elf_lookup(&vdso_image, symbol, version, &s) != 0) {
		out_printf(o, "%s@%s: not in this vDSO\n", symbol, version);
		return 0;
	}
	out_printf(o, "%s@%s at +0x%lx, decoded up to its first data address:\n", symbol, version,
		   (unsigned long)(s.addr - ehdr));
	if (walk_to_data(o, s.addr, &target))
		say_where(o, target);
	return 0;
}
