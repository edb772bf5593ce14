/*
 * vdso/around.c - the address space around the live vDSO, drawn (the
 * lesson find and `vdso map`): /proc/self/maps read with the runtime's
 * parser (syscall/maps.c), a box per mapping from the one below the data
 * pages to the one above the image, high addresses on top, each gap
 * between two mappings sized.
 */
#include <lib/lib.h>
#include "vdso.h"

static struct maps_entry all[64];       /* the mappings, in address order */
static unsigned nall;

static int keep(const struct maps_entry *m, void *ctx)
{
	(void)ctx;
	if (nall < sizeof all / sizeof all[0])
		all[nall++] = *m;
	return 0;
}

/* A size in KiB, MiB, GiB or TiB (the largest that leaves 4 or more),
 * in a field of 10 columns. */
static void size_field(struct out *o, uint64_t bytes)
{
	static const char units[] = "KMGT";
	unsigned u = 0;

	bytes >>= 10;
	while (u < 3 && bytes >= 4 << 10)
		bytes >>= 10, u++;
	out_udec_field(o, bytes, 5);
	out_printf(o, " %ciB ", units[u]);
}

static void edge(struct out *o, uint64_t at)
{
	out_printf(o, "  %16llx +------------------------------------+\n", (unsigned long long)at);
}

/* One mapping: its top edge and its line. */
static void box(struct out *o, const struct maps_entry *m, uint64_t vdso)
{
	size_t n = strlen(m->name);
	/* a path is cut to its last 20 bytes */
	const char *name = n == 0 ? "(anonymous)" : n > 20 ? m->name + n - 20 : m->name;

	edge(o, m->end);
	out_printf(o, "  %16s | ", "");
	out_field(o, name, -20);
	size_field(o, m->end - m->start);
	out_printf(o, "%s |%s\n", m->perms, m->start == vdso ? " <- AT_SYSINFO_EHDR" : "");
}

/* The space between two mappings: its top edge and its size. */
static void gap(struct out *o, uint64_t top, uint64_t bottom)
{
	edge(o, top);
	out_printf(o, "  %16s : gap", "");
	size_field(o, top - bottom);
	out_repeat(o, ' ', 22);
	out_str(o, ":\n");
}

/* 0 after the picture (none if /proc/self/maps lists no data page or
 * image near vdso), or maps_read's -errno. */
long vdso_draw_around(struct out *o, uint64_t vdso)
{
	unsigned i, lo, hi = 0;
	long r;

	nall = 0;
	if ((r = maps_read(keep, 0)) < 0)
		return r;
	/* [vvar], [vvar_vclock] and [vdso]: the "[v" mappings near the image */
	for (lo = nall, i = 0; i < nall; i++)
		if (all[i].name[0] == '[' && all[i].name[1] == 'v' && all[i].end <= vdso + (1 << 30) &&
		    all[i].start + (1 << 30) >= vdso) {
			lo = i < lo ? i : lo;
			hi = i;
		}
	if (lo == nall)
		return 0;
	lo = lo > 0 ? lo - 1 : lo;              /* and one mapping either side */
	hi = hi + 1 < nall ? hi + 1 : hi;
	out_str(o, "the address space around it, high addresses on top:\n");
	for (i = hi + 1; i-- > lo; ) {
		box(o, &all[i], vdso);
		if (i > lo && all[i - 1].end < all[i].start)
			gap(o, all[i].start, all[i - 1].end);
	}
	edge(o, all[lo].start);
	return 0;
}
