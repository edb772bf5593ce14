/*
 * demo/vdso/versions.c - an image's version sections as readelf -V lists
 * them (LSB, "Symbol Versioning"), line for line:
 *
 *   DT_VERSYM    each symbol's version: its index in hex, 'h' if hidden,
 *                the name of the version, four a line;
 *   DT_VERDEF    the versions the image defines, each with its parents;
 *   DT_VERNEED   the files it needs versions from, each with those
 *                versions and the index (vna_other) that names them.
 *
 * Offsets are from the start of each table, as readelf prints them.
 * Names longer than NAME_SHOWN are cut (symtab.c).
 */
#include <lib/lib.h>
#include <elf/elf.h>
#include "commands.h"

/* Flags as readelf -V shows them (binutils' readelf.c, get_ver_flags). */
static void print_version_flags(struct out *o, unsigned flags)
{
	if (flags == 0)
		out_str(o, "none");
	else if (flags & ~7u) {
		out_str(o, "0x");
		out_hex(o, flags, 0);
	} else {
		out_str(o, flags & 1 ? "BASE" : "");            /* VER_FLG_BASE */
		out_str(o, (flags & 1) && (flags & 6) ? " | " : "");
		out_str(o, flags & 2 ? "WEAK" : "");            /* VER_FLG_WEAK */
		out_str(o, (flags & 2) && (flags & 4) ? " | " : "");
		out_str(o, flags & 4 ? "INFO" : "");            /* VER_FLG_INFO */
	}
}

/* An entry's offset from the start of its table, as readelf prints it
 * (C's "%#06x": 0 has no "0x"). */
static void print_table_offset(struct out *o, size_t table, size_t at)
{
	if (at == table) {
		out_str(o, "  000000:");
	} else {
		out_str(o, "  0x");
		out_hex(o, at - table, 4);
		out_char(o, ':');
	}
}

static void print_table_title(struct out *o, const char *title, unsigned n,
			      const char *tag, size_t offset)
{
	out_char(o, '\n');
	out_str(o, title);
	out_str(o, ": ");
	out_udec(o, n);
	out_str(o, n == 1 ? " entry at offset 0x" : " entries at offset 0x");
	out_hex(o, offset, 0);
	out_str(o, " (");
	out_str(o, tag);
	out_str(o, ")\n");
}

/*
 * One versym entry, in readelf's columns: the index in hex, 'h' if
 * hidden, the version's name in parentheses: a needed version's (matched
 * by vna_other, whole), else a defined one's, "*both*" if the index names
 * one of each.
 */
static void print_versym_entry(struct out *o, const struct elf_image *img, unsigned v)
{
	const char *name = 0, *def = 0;
	size_t len = 0;
	int n, digits, pad;

	if (v == 0 || v == 1) {         /* VER_NDX_LOCAL, VER_NDX_GLOBAL */
		out_str(o, v ? "   1 (*global*)   " : "   0 (*local*)    ");
		return;
	}
	name = elf_version_needed(img, v, 0);
	if (v != (VERSYM_HIDDEN | VER_NDX_GLOBAL))
		def = elf_version_defined(img, v);
	if (name && def)
		name = "*both*";
	else if (def)
		name = def;
	/* readelf: "%4x%c", then "(%s%-*s" with name, 12 - its length, ")" */
	digits = (v & VERSYM_INDEX) >= 0x1000 ? 4 : (v & VERSYM_INDEX) >= 0x100 ? 3 :
		 (v & VERSYM_INDEX) >= 0x10 ? 2 : 1;
	out_repeat(o, ' ', 4 - digits);
	out_hex(o, v & VERSYM_INDEX, 0);
	out_char(o, v & VERSYM_HIDDEN ? 'h' : ' ');
	n = 5;
	if (name) {
		while (len <= NAME_SHOWN && name[len])
			len++;
		out_char(o, '(');
		print_name(o, name, 0);
		out_char(o, ')');
		n += 2 + (int)len;
		/* the field of ")" is |12 - len| wide: a negative width in
		 * printf means "left-justified", so long names get spaces too */
		pad = (len < 12 ? 12 - (int)len : (int)len - 12) - 1;
		if (pad > 0) {
			out_repeat(o, ' ', pad);
			n += pad;
		}
	}
	if (n < 18)
		out_repeat(o, ' ', 18 - n);
}

/* DT_VERSYM: each symbol's version, four a line, as readelf -V. */
static void print_versym(struct out *o, const struct elf_image *img)
{
	unsigned i;

	if (img->versym == 0) {
		out_str(o, "\nVersion symbols: none (DT_VERSYM)\n");
		return;
	}
	print_table_title(o, "Version symbols", img->nsyms, "DT_VERSYM", img->versym);
	for (i = 0; i < img->nsyms; i++) {
		if (i % 4 == 0) {
			out_str(o, i ? "\n  " : "  ");
			out_hex(o, i, 3);
			out_char(o, ':');
		}
		print_versym_entry(o, img, elf_versym(img, i));
	}
	out_str(o, img->nsyms ? "\n" : "");
}

/* DT_VERDEF: each definition, its parents after it. */
static int print_verdef(struct out *o, const struct elf_image *img)
{
	struct elf_verdef v;
	const char *parent;
	size_t at;
	unsigned i, k;
	int r;

	if (img->verdef == 0) {
		out_str(o, "\nVersion definitions: none (DT_VERDEF)\n");
		return 0;
	}
	print_table_title(o, "Version definitions", img->verdefnum,
			  "DT_VERDEF; LSB \"Symbol Versioning\"", img->verdef);
	for (i = 0; i < img->verdefnum; i++) {
		if ((r = elf_verdef(img, i, &v)) < 0)
			return r;
		print_table_offset(o, img->verdef, v.offset);
		out_str(o, " Rev: 1  Flags: ");         /* vd_version: elf_open checked */
		print_version_flags(o, v.flags);
		out_str(o, "  Index: ");
		out_udec(o, v.index);
		out_str(o, "  Cnt: ");
		out_udec(o, v.count);
		out_str(o, "  Name: ");
		print_name(o, v.name, 0);
		out_char(o, '\n');
		for (k = 1; k < v.count; k++) {
			if ((r = elf_verdaux(img, i, k, &parent, &at)) < 0)
				return r;
			print_table_offset(o, img->verdef, at);
			out_str(o, " Parent ");
			out_udec(o, k);
			out_str(o, ": ");
			print_name(o, parent, 0);
			out_char(o, '\n');
		}
	}
	return 0;
}

/* DT_VERNEED: each file, the versions needed from it after it. */
static int print_verneed(struct out *o, const struct elf_image *img)
{
	struct elf_verneed n;
	struct elf_vernaux a;
	unsigned i, k;
	int r;

	if (img->verneed == 0) {
		out_str(o, "\nVersion needs: none (DT_VERNEED)\n");
		return 0;
	}
	print_table_title(o, "Version needs", img->verneednum, "DT_VERNEED", img->verneed);
	for (i = 0; i < img->verneednum; i++) {
		if ((r = elf_verneed(img, i, &n)) < 0)
			return r;
		print_table_offset(o, img->verneed, n.offset);
		out_str(o, " Version: ");
		out_udec(o, n.version);
		out_str(o, "  File: ");
		print_name(o, n.file, 0);
		out_str(o, "  Cnt: ");
		out_udec(o, n.count);
		out_char(o, '\n');
		for (k = 0; k < n.count; k++) {
			if ((r = elf_vernaux(img, i, k, &a)) < 0)
				return r;
			print_table_offset(o, img->verneed, a.offset);
			out_str(o, "   Name: ");
			print_name(o, a.name, 0);
			out_str(o, "  Flags: ");
			print_version_flags(o, a.flags);
			out_str(o, "  Version: ");
			out_udec(o, a.other);
			out_char(o, '\n');
		}
	}
	return 0;
}

int print_versions(struct out *o, const struct elf_image *img)
{
	int r;

	print_versym(o, img);
	if ((r = print_verdef(o, img)) < 0)
		return r;
	return print_verneed(o, img);
}
