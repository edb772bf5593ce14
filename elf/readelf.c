/*
 * elf/readelf.c - elf_read_open and elf_symbol: the readelf layer over
 * the live core (elf/open.c), for `vdso read` and the tests.
 *
 * elf_read_open takes the core's steps, and between them what a listing
 * of any shared object needs and a vDSO never does:
 *
 *   header, segments, dynamic table (open_dynamic) ─▶ the tables at their
 *   link-time addresses, or at their run-time ones in an image a loader
 *   relocated (dyn_translate, elf/readings.c) ─▶ with no hash table, the
 *   symbols counted by the .dynsym section ─▶ hash tables, arrays,
 *   version definitions (open_tables) ─▶ the versions needed from other
 *   files (verneed_check, elf/verneed.c) ─▶ with ELF_DYNSYM_COUNT,
 *   readelf's own count.
 */
#include "bounded.h"
#include "readelf.h"

/*
 * Without a hash table the only count left is the size of the .dynsym
 * section (gABI, "Sections": SHT_DYNSYM).  Section headers are optional at
 * run time, so this is the last resort, not the rule.  elf_read_header
 * kept the section header table only if it lies in the bytes.
 */
static int dynsym_count(struct elf_image *img)
{
	size_t rec = RECORD(img, Shdr);
	unsigned i;

	for (i = 0; i < img->shnum; i++) {
		const unsigned char *p = img->bytes + img->shoff + (size_t)i * rec;
		uint64_t off = get_word(img, p + FIELD(img, Shdr, sh_offset));
		uint64_t size = get_word(img, p + FIELD(img, Shdr, sh_size));

		if (get32(img, p + FIELD(img, Shdr, sh_type)) != SHT_DYNSYM ||
		    off != img->symtab)
			continue;
		if (!in_range(img, off, size))
			return -ELF_ESHDR;
		/* size <= img->size, so this is a size_t division */
		img->nsyms = (uint32_t)((size_t)size / RECORD(img, Sym));
		return 0;
	}
	return -ELF_ESHDR;
}

/*
 * ELF_DYNSYM_COUNT: readelf counts the dynamic symbols by the size of the
 * .dynsym section, the hash tables by what they hash.  The two differ when
 * a GNU hash table leaves out undefined symbols at the end of the table
 * (symoffset past them all, every bucket empty: a library that defines
 * nothing).  The section is taken only if the section headers are sane and
 * both arrays of that many entries fit; else the hash count stays.
 */
static void dynsym_section_count(struct elf_image *img)
{
	struct elf_section s;
	unsigned i;
	uint64_t n;

	if (img->shnum == 0 || elf_sections_check(img) != NULL)
		return;
	for (i = 1; i < img->shnum; i++) {
		if (elf_section(img, i, &s) < 0 || s.type != SHT_DYNSYM || s.offset != img->symtab)
			continue;
		if (s.size > img->size)         /* then a size_t division: no libgcc on i386 */
			return;
		n = (size_t)s.size / img->syment;
		if (n > 0xffffffffu || !in_array(img, img->symtab, n, img->syment) ||
		    (img->versym && !in_array(img, img->versym, n, sizeof(uint16_t))))
			return;
		img->nsyms = (unsigned)n;
		return;
	}
}

/* DT_VERNEED with DT_VERNEEDNUM, its number of entries (LSB), which each
 * take 16 bytes, and at most VERNEED_MAX (bounded.h); then the whole list. */
static int read_verneed(struct elf_image *img, const struct dyn_ptrs *d)
{
	if (!(d->seen & 1u << TAB_VERNEED))
		return 0;
	if (d->verneednum == 0 || d->verneednum > img->size / sizeof(Elf_Verneed) ||
	    d->verneednum > VERNEED_MAX || img->verneed == 0)
		return -ELF_EVERNEED;
	img->verneednum = (unsigned)d->verneednum;
	return verneed_check(img);
}

int elf_read_open(struct elf_image *img, const void *bytes, size_t size,
		  struct elf_accept accept, unsigned flags)
{
	struct dyn_ptrs d;
	int err;

	if ((err = open_dynamic(img, bytes, size, accept, &d)) < 0 ||
	    (err = dyn_translate(img, &d)) < 0)
		goto fail;
	err = open_tables(img, &d, 0);
	/* -ELF_ESHDR: no hash table, where the core stops */
	if (err == -ELF_ESHDR && (err = dynsym_count(img)) == 0)
		err = open_tables(img, &d, 1);
	if (err < 0 || (err = read_verneed(img, &d)) < 0)
		goto fail;
	/* If asked, the .dynsym section's count instead, when it names more
	 * symbols and they pass the same checks: the answer stays the one the
	 * hash tables gave, and a lookup, which walks them, never reads past
	 * nsyms. */
	if (flags & ELF_DYNSYM_COUNT) {
		dynsym_section_count(img);
		if (img->nsyms < img->hash_nsyms || verdef_check(img) < 0 || verneed_check(img) < 0)
			img->nsyms = img->hash_nsyms;
	}
	return 0;
fail:
	/* Leave nothing that a careless caller could walk. */
	image_clear(img, bytes, 0);
	return err;
}

int elf_symbol(const struct elf_image *img, unsigned i, struct elf_sym *out)
{
	unsigned versym;
	int err;

	if (i >= img->nsyms)
		return -ELF_ERANGE;
	if ((err = symbol_read(img, i, out)) < 0)
		return err;
	/* The version's name, as readelf finds it: a defined symbol's among
	 * the versions the image defines, else (copy relocations define
	 * symbols of needed versions) among those it needs, matched whole by
	 * vna_other; an undefined symbol's only among the needed ones. */
	versym = version_of(img, i);
	if (out->version_index > VER_NDX_GLOBAL && out->version == NULL &&
	    (out->version = elf_version_needed(img, versym, NULL)) != NULL)
		out->version_needed = 1;
	return 0;
}
