/*
 * demo/vdso/symtab.c - an image's symbols, as `readelf --dyn-syms -W` shows
 * them: number, value, size, type, bind, visibility, section, name with
 * its version (name@@VER for the default version, name@VER for a hidden
 * one).  Used by `vdso syms` (the live image) and `vdso read` (a file).
 */
#include <lib/lib.h>
#include <elf/elf.h>
#include "commands.h"

static const char *type_name(unsigned t)
{
	static const char *const names[] = {
		"NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE", "COMMON", "TLS"
	};
	if (t < sizeof names / sizeof names[0])
		return names[t];
	return t == 10 ? "IFUNC" : "<other>";     /* STT_GNU_IFUNC */
}

static const char *bind_name(unsigned b)
{
	static const char *const names[] = { "LOCAL", "GLOBAL", "WEAK" };

	if (b < sizeof names / sizeof names[0])
		return names[b];
	return b == 10 ? "UNIQUE" : "<other>";    /* STB_GNU_UNIQUE */
}

static const char *vis_name(unsigned v)
{
	static const char *const names[] = { "DEFAULT", "INTERNAL", "HIDDEN", "PROTECTED" };

	return names[v & 3];
}

static void print_ndx(struct out *o, unsigned shndx)
{
	if (shndx == SHN_UNDEF)
		out_field(o, "UND", 4);
	else if (shndx == SHN_ABS)
		out_field(o, "ABS", 4);
	else if (shndx == SHN_COMMON)
		out_field(o, "COM", 4);
	else
		out_udec_field(o, shndx, 4);
}

/*
 * At most NAME_SHOWN bytes of a name from an image, and "[...]" (readelf's
 * mark) if it is longer; in a field of |width| columns as out_field.  A
 * hostile file of 64 MiB can give a million symbols one name of megabytes:
 * in full, the listing would run to terabytes.
 */
void print_name(struct out *o, const char *name, int width)
{
	int n = 0;

	while (n < NAME_SHOWN && name[n])
		n++;
	if (width > n)
		out_repeat(o, ' ', width - n);
	out_mem(o, name, (size_t)n);
	if (name[n])
		out_str(o, "[...]");
	else if (-width > n)
		out_repeat(o, ' ', -width - n);
}

void print_symbol(struct out *o, const struct elf_sym *s, int elf_class)
{
	out_udec_field(o, s->index, 6);
	out_str(o, ": ");
	out_hex(o, s->value, elf_class == 64 ? 16 : 8);
	out_char(o, ' ');
	out_udec_field(o, s->size, 5);
	out_char(o, ' ');
	out_field(o, type_name(s->type), -7);
	out_char(o, ' ');
	out_field(o, bind_name(s->bind), -6);
	out_char(o, ' ');
	out_field(o, vis_name(s->visibility), -8);
	print_ndx(o, s->shndx);
	out_char(o, ' ');
	print_name(o, s->name, 0);
	/* A version's own symbol (LINUX_2.6 in LINUX_2.6, an ABS OBJECT
	 * the linker makes for each version) is shown bare, as readelf does.
	 * (Compared as far as shown: the names may be megabytes long.) */
	if (s->version && s->version_needed) {
		/* a version needed from another file: readelf adds its index */
		out_char(o, '@');
		print_name(o, s->version, 0);
		out_str(o, " (");
		out_udec(o, s->version_index | (s->version_hidden ? VERSYM_HIDDEN : 0));
		out_char(o, ')');
	} else if (s->version && strncmp(s->version, s->name, NAME_SHOWN + 1) != 0) {
		out_str(o, s->version_hidden ? "@" : "@@");
		print_name(o, s->version, 0);
	}
	out_char(o, '\n');
}

int print_symbols(struct out *o, const struct elf_image *img)
{
	struct elf_sym s;
	struct elf_section sec;
	struct elf_ehdr eh;
	int sections_sane;
	unsigned i;
	int r;

	elf_ehdr(img, &eh);
	sections_sane = eh.shnum > 0 && elf_sections_check(img) == 0;
	out_str(o, "   Num: ");
	out_field(o, "Value", img->elf_class == 64 ? -16 : -8);
	out_str(o, "  Size Type    Bind   Vis      Ndx Name\n");
	for (i = 0; i < img->nsyms; i++) {
		r = elf_symbol(img, i, &s);
		if (r < 0)
			return r;
		/* A section's symbol has no name of its own: readelf shows the
		 * section's, where the section headers can be trusted. */
		if (s.type == STT_SECTION && !s.name[0] && sections_sane &&
		    elf_section(img, s.shndx, &sec) == 0 && sec.name)
			s.name = sec.name;
		print_symbol(o, &s, img->elf_class);
	}
	return 0;
}

/* Is a name longer than print_name shows? */
static int name_cut(const char *name)
{
	unsigned n = 0;

	while (n <= NAME_SHOWN && name[n])
		n++;
	return n > NAME_SHOWN;
}

unsigned count_cut_names(const struct elf_image *img)
{
	struct elf_sym s;
	unsigned i, cut = 0;

	for (i = 0; i < img->nsyms; i++)
		if (elf_symbol(img, i, &s) == 0)
			cut += name_cut(s.name) + (s.version && name_cut(s.version));
	return cut;
}

void print_image_facts(struct out *o, const struct elf_image *img)
{
	const char *soname = elf_soname(img);

	out_str(o, "soname: ");
	out_str(o, soname ? soname : "(none)");
	out_str(o, "\nhash tables:");
	if (img->gnu_hash)
		out_str(o, " DT_GNU_HASH");
	if (img->hash)
		out_str(o, " DT_HASH");
	if (!img->gnu_hash && !img->hash)
		out_str(o, " none (symbols found by a linear scan)");
	out_str(o, "\nload bias: 0x");
	out_hex(o, img->bias, 0);
	out_str(o, " (image + p_offset - p_vaddr of the first PT_LOAD)\n");
}
