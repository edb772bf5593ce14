/*
 * demo/vdso/dynamic.c - an image's dynamic table as `vdso read` shows it:
 * every tag named, the gABI's, the GNU and Solaris extensions binutils
 * knows and the LSB's version tags, each value as readelf -d gives it:
 * in bytes, in decimal, as a string (NEEDED, SONAME, RPATH, RUNPATH...),
 * as flag names (FLAGS, FLAGS_1), or as an address.  A star marks the
 * tags the reader (elf/) reads.
 */
#include <lib/lib.h>
#include <elf/elf.h>
#include "commands.h"

/* How readelf -d shows a value (binutils' readelf.c, process_dynamic_section). */
enum { HEX, BYTES, DEC, STR, FLAGS, FLAGS_1, PLTREL, NONE };

/*
 * Every tag of the gABI ("Dynamic Section"), the GNU and Solaris ones
 * binutils knows (include/elf/common.h), and the LSB's version tags.
 * used: the reader reads it.  label: what a string value is.
 */
static const struct tag {
	uint32_t tag;
	const char *name;
	char used, kind;
	const char *label;
} tags[] = {
#define TAG(name, used, kind, label) { DT_##name, #name, used, kind, label }
	TAG(NULL, 1, HEX, 0), TAG(NEEDED, 0, STR, "Shared library"),
	TAG(PLTRELSZ, 0, BYTES, 0), TAG(PLTGOT, 0, HEX, 0),
	TAG(HASH, 1, HEX, 0), TAG(STRTAB, 1, HEX, 0), TAG(SYMTAB, 1, HEX, 0),
	TAG(RELA, 0, HEX, 0), TAG(RELASZ, 0, BYTES, 0), TAG(RELAENT, 0, BYTES, 0),
	TAG(STRSZ, 1, BYTES, 0), TAG(SYMENT, 1, BYTES, 0),
	TAG(INIT, 0, HEX, 0), TAG(FINI, 0, HEX, 0),
	TAG(SONAME, 1, STR, "Library soname"), TAG(RPATH, 0, STR, "Library rpath"),
	TAG(SYMBOLIC, 0, HEX, 0), TAG(REL, 0, HEX, 0), TAG(RELSZ, 0, BYTES, 0),
	TAG(RELENT, 0, BYTES, 0), TAG(PLTREL, 0, PLTREL, 0), TAG(DEBUG, 0, HEX, 0),
	TAG(TEXTREL, 0, HEX, 0), TAG(JMPREL, 0, HEX, 0), TAG(BIND_NOW, 0, NONE, 0),
	TAG(INIT_ARRAY, 0, HEX, 0), TAG(FINI_ARRAY, 0, HEX, 0),
	TAG(INIT_ARRAYSZ, 0, BYTES, 0), TAG(FINI_ARRAYSZ, 0, BYTES, 0),
	TAG(RUNPATH, 0, STR, "Library runpath"), TAG(FLAGS, 0, FLAGS, 0),
	TAG(PREINIT_ARRAY, 0, HEX, 0), TAG(PREINIT_ARRAYSZ, 0, BYTES, 0),
	TAG(SYMTAB_SHNDX, 0, HEX, 0), TAG(RELRSZ, 0, BYTES, 0),
	TAG(RELR, 0, HEX, 0), TAG(RELRENT, 0, BYTES, 0),
	TAG(GNU_PRELINKED, 0, HEX, 0), TAG(GNU_CONFLICTSZ, 0, BYTES, 0),
	TAG(GNU_LIBLISTSZ, 0, BYTES, 0), TAG(CHECKSUM, 0, HEX, 0),
	TAG(PLTPADSZ, 0, BYTES, 0), TAG(MOVEENT, 0, BYTES, 0),
	TAG(MOVESZ, 0, BYTES, 0), TAG(FEATURE, 0, HEX, 0),
	TAG(POSFLAG_1, 0, HEX, 0), TAG(SYMINSZ, 0, BYTES, 0),
	TAG(SYMINENT, 0, BYTES, 0), TAG(GNU_FLAGS_1, 0, HEX, 0),
	TAG(GNU_HASH, 1, HEX, 0), TAG(TLSDESC_PLT, 0, HEX, 0),
	TAG(TLSDESC_GOT, 0, HEX, 0), TAG(GNU_CONFLICT, 0, HEX, 0),
	TAG(GNU_LIBLIST, 0, HEX, 0), TAG(CONFIG, 0, STR, "Configuration file"),
	TAG(DEPAUDIT, 0, STR, "Dependency audit library"),
	TAG(AUDIT, 0, STR, "Audit library"), TAG(PLTPAD, 0, HEX, 0),
	TAG(MOVETAB, 0, HEX, 0), TAG(SYMINFO, 0, HEX, 0),
	TAG(VERSYM, 1, HEX, 0), TAG(RELACOUNT, 0, DEC, 0),
	TAG(RELCOUNT, 0, DEC, 0), TAG(FLAGS_1, 0, FLAGS_1, 0),
	TAG(VERDEF, 1, HEX, 0), TAG(VERDEFNUM, 1, DEC, 0),
	TAG(VERNEED, 1, HEX, 0), TAG(VERNEEDNUM, 1, DEC, 0),
	TAG(AUXILIARY, 0, STR, "Auxiliary library"),
	TAG(USED, 0, STR, "Not needed object"),
	TAG(FILTER, 0, STR, "Filter library"),
};

/*
 * The processor-specific tags (DT_LOPROC 0x70000000 to DT_HIPROC) of the
 * machines whose vDSOs this project meets, named as readelf names them
 * (binutils' include/elf/ppc.h, ppc64.h, aarch64.h, riscv.h): the same
 * number means another thing on each machine.
 */
static const struct proc_tag {
	unsigned machine;
	struct tag tag;
} proc_tags[] = {
	{ EM_PPC, { 0x70000000, "PPC_GOT", 0, HEX, 0 } },
	{ EM_PPC, { 0x70000001, "PPC_OPT", 0, HEX, 0 } },
	{ EM_PPC64, { 0x70000000, "PPC64_GLINK", 0, HEX, 0 } },
	{ EM_PPC64, { 0x70000001, "PPC64_OPD", 0, HEX, 0 } },
	{ EM_PPC64, { 0x70000002, "PPC64_OPDSZ", 0, BYTES, 0 } },
	{ EM_PPC64, { 0x70000003, "PPC64_OPT", 0, HEX, 0 } },
	{ EM_AARCH64, { 0x70000001, "AARCH64_BTI_PLT", 0, HEX, 0 } },
	{ EM_AARCH64, { 0x70000003, "AARCH64_PAC_PLT", 0, HEX, 0 } },
	{ EM_AARCH64, { 0x70000005, "AARCH64_VARIANT_PCS", 0, HEX, 0 } },
	{ EM_RISCV, { 0x70000001, "RISCV_VARIANT_CC", 0, HEX, 0 } },
};

static const struct tag *tag_of(const struct elf_image *img, int64_t value)
{
	unsigned k;

	for (k = 0; k < sizeof tags / sizeof tags[0]; k++)
		if (tags[k].tag == value)
			return &tags[k];
	for (k = 0; img && k < sizeof proc_tags / sizeof proc_tags[0]; k++)
		if (proc_tags[k].machine == img->machine && proc_tags[k].tag.tag == value)
			return &proc_tags[k].tag;
	return 0;
}

/* DT_FLAGS (gABI) and DT_FLAGS_1 (Solaris, GNU) bits, lowest first. */
static const char *const df_names[] = { "ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS" };
static const char *const df_1_names[] = {
	"NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN", "ORIGIN",
	"DIRECT", "TRANS", "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE",
	"DISPRELDNE", "DISPRELPND", "NODIRECT", "IGNMULDEF", "NOKSYMS", "NOHDR", "EDITED",
	"NORELOC", "SYMINTPOSE", "GLOBAUDIT", "SINGLETON", "STUB", "PIE", "KMOD",
	"WEAKFILTER", "NOCOMMON",
};

/* The names of the bits set, a space between; a bit without a name in hex. */
static void print_flag_names(struct out *o, uint64_t v, const char *const *names, unsigned n,
			     int space)
{
	unsigned bit;

	for (bit = 0; bit < 64; bit++) {
		if (!(v >> bit & 1))
			continue;
		out_str(o, space ? " " : "");
		space = 1;
		if (bit < n) {
			out_str(o, names[bit]);
		} else {
			out_str(o, "0x");
			out_hex(o, (uint64_t)1 << bit, 0);
		}
	}
}

/* A value as readelf -d gives it: in its unit, or as a name. */
static void print_dyn_value(struct out *o, const struct elf_image *img,
			    const struct tag *t, uint64_t v)
{
	const struct tag *rel;
	const char *name;

	switch (t ? t->kind : HEX) {
	case BYTES:
		out_udec(o, v);
		out_str(o, " (bytes)");
		return;
	case DEC:
		out_udec(o, v);
		return;
	case NONE:              /* DT_BIND_NOW: "the value is ignored" (gABI) */
		return;
	case STR:
		if ((name = elf_string_at(img, v)) != 0) {
			out_str(o, t->label);
			out_str(o, ": [");
			print_name(o, name, 0);
			out_char(o, ']');
			return;
		}
		break;
	case FLAGS:
		print_flag_names(o, v, df_names, sizeof df_names / sizeof df_names[0], 0);
		return;
	case FLAGS_1:
		out_str(o, "Flags:");
		print_flag_names(o, v, df_1_names, sizeof df_1_names / sizeof df_1_names[0], 1);
		return;
	case PLTREL:            /* the type of the PLT's relocations: DT_REL or DT_RELA */
		if ((rel = tag_of(0, (int64_t)v)) != 0) {
			out_str(o, rel->name);
			return;
		}
		break;
	}
	out_str(o, "0x");
	out_hex(o, v, 0);
}

int print_dynamic(struct out *o, const struct elf_image *img)
{
	const struct tag *t;
	struct elf_dynamic d;
	unsigned i;
	int r;

	out_str(o, "\nDynamic table: ");
	out_udec(o, img->dynnum);
	out_str(o, " entries at offset 0x");
	out_hex(o, img->dynamic, 0);
	out_str(o, " (* the reader uses it; values as readelf -d shows them)\n");
	for (i = 0; i < img->dynnum; i++) {
		if ((r = elf_dynamic(img, i, &d)) < 0)
			return r;
		t = tag_of(img, d.tag);
		out_str(o, t && t->used ? "  * " : "    ");
		if (t) {
			out_field(o, t->name, -15);
		} else {        /* a tag no ABI we know defines */
			out_str(o, "0x");
			out_hex(o, (uint64_t)d.tag, 8);
			out_repeat(o, ' ', 5);
		}
		out_char(o, ' ');
		print_dyn_value(o, img, t, d.value);
		out_char(o, '\n');
	}
	return 0;
}

