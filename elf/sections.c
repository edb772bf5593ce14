/*
 * elf/sections.c - the rest of the ELF header, and the section headers.
 *
 * A loader never needs sections: it reads the program headers only (gABI,
 * "Program Loading"), and so does elf_open.  But tools read the section
 * header table (readelf, objdump, gdb), and a file that has one should
 * have a sane one.  elf_sections_check says whether it is, against the
 * image's own size: the table, its entry size, the index of the section
 * name table, and each section's place (gABI, "Sections").
 */
#include "bounded.h"
#include "readelf.h"

#ifndef SHT_STRTAB
#define SHT_STRTAB 3            /* a string table */
#endif
#ifndef SHT_NOBITS
#define SHT_NOBITS 8            /* occupies no bytes in the file (.bss) */
#endif
#ifndef SHN_XINDEX
#define SHN_XINDEX 0xffff       /* "the real index is elsewhere": extended numbering */
#endif

void elf_ehdr(const struct elf_image *img, struct elf_ehdr *out)
{
	const unsigned char *b = img->bytes;

	out->type = out->shnum = out->shentsize = out->shstrndx = 0;
	out->entry = out->shoff = 0;
	out->flags = 0;
	if (img->elf_class == 0 || b == NULL || !in_range(img, 0, RECORD(img, Ehdr)))
		return;
	out->type = get16(img, b + FIELD(img, Ehdr, e_type));
	out->entry = get_word(img, b + FIELD(img, Ehdr, e_entry));
	out->flags = get32(img, b + FIELD(img, Ehdr, e_flags));
	out->shoff = get_word(img, b + FIELD(img, Ehdr, e_shoff));
	out->shnum = get16(img, b + FIELD(img, Ehdr, e_shnum));
	out->shentsize = get16(img, b + FIELD(img, Ehdr, e_shentsize));
	out->shstrndx = get16(img, b + FIELD(img, Ehdr, e_shstrndx));
}

/* Section header i of a table at shoff, without a name; the caller has
 * checked that the table lies in the image. */
static void shdr_read(const struct elf_image *img, uint64_t shoff, unsigned i,
		      struct elf_section *s)
{
	const unsigned char *p = img->bytes + (size_t)(shoff + (uint64_t)i * RECORD(img, Shdr));

	s->name = NULL;
	s->name_offset = get32(img, p + FIELD(img, Shdr, sh_name));
	s->type = get32(img, p + FIELD(img, Shdr, sh_type));
	s->flags = get_word(img, p + FIELD(img, Shdr, sh_flags));
	s->addr = get_word(img, p + FIELD(img, Shdr, sh_addr));
	s->offset = get_word(img, p + FIELD(img, Shdr, sh_offset));
	s->size = get_word(img, p + FIELD(img, Shdr, sh_size));
	s->link = get32(img, p + FIELD(img, Shdr, sh_link));
	s->info = get32(img, p + FIELD(img, Shdr, sh_info));
	s->entsize = get_word(img, p + FIELD(img, Shdr, sh_entsize));
}

/* The name at offset idx of a string table section, or NULL unless the
 * whole string, NUL included, lies inside that section.  gABI, "String
 * Table": the table's last byte is NUL, "ensuring null termination for all
 * strings"; checking that byte, not scanning the name, keeps the cost of a
 * name constant (65535 sections named by one string of megabytes would
 * otherwise take hours). */
static const char *section_string(const struct elf_image *img,
				  const struct elf_section *strtab, uint64_t idx)
{
	if (strtab->type != SHT_STRTAB || !in_range(img, strtab->offset, strtab->size) ||
	    idx >= strtab->size ||
	    img->bytes[(size_t)(strtab->offset + strtab->size - 1)] != 0)
		return NULL;
	return (const char *)img->bytes + (size_t)(strtab->offset + idx);
}

const char *elf_sections_check(const struct elf_image *img)
{
	struct elf_ehdr h;
	struct elf_section s, names;
	unsigned i;

	elf_ehdr(img, &h);
	if (h.shnum == 0)       /* gABI: e_shoff is 0 when there is no table */
		return h.shoff == 0 ? NULL :
			"e_shnum is 0 but e_shoff is not (extended numbering, not read here)";
	if (h.shentsize != RECORD(img, Shdr))
		return "e_shentsize is not the size of a section header of this class";
	if (!in_array(img, h.shoff, h.shnum, h.shentsize))
		return "the table (e_shoff, e_shnum) runs past the end of the file";
	if (h.shstrndx == SHN_XINDEX)
		return "e_shstrndx is SHN_XINDEX (extended numbering, not read here)";
	if (h.shstrndx >= h.shnum)
		return "e_shstrndx is past the end of the table";
	shdr_read(img, h.shoff, h.shstrndx, &names);
	if (h.shstrndx != 0 && (names.type != SHT_STRTAB ||
				!in_range(img, names.offset, names.size)))
		return "the section name table (e_shstrndx) is not a string table inside the file";
	/* Section 0 is reserved and all zero (gABI, "Special Sections"). */
	for (i = 1; i < h.shnum; i++) {
		shdr_read(img, h.shoff, i, &s);
		if (s.type != SHT_NOBITS && !in_range(img, s.offset, s.size))
			return "a section runs past the end of the file";
		if (h.shstrndx != 0 && !section_string(img, &names, s.name_offset))
			return "a section name lies outside the section name table";
	}
	return NULL;
}

int elf_section(const struct elf_image *img, unsigned i, struct elf_section *out)
{
	struct elf_ehdr h;
	struct elf_section names;

	/* img->shnum is not 0 only if elf_read_header found the table inside
	 * the image, with the right entry size. */
	if (i >= img->shnum)
		return -ELF_ERANGE;
	shdr_read(img, img->shoff, i, out);
	elf_ehdr(img, &h);
	if (h.shstrndx != 0 && h.shstrndx < img->shnum) {
		shdr_read(img, img->shoff, h.shstrndx, &names);
		out->name = section_string(img, &names, out->name_offset);
	}
	return 0;
}
