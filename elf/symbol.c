/*
 * elf/symbol.c - one dynamic symbol, decoded: what elf_lookup answers,
 * and what the readelf layer's elf_symbol (elf/readelf.c) completes with
 * the versions needed from other files.
 */
#include "bounded.h"

#define SHN_ABS 0xfff1          /* gABI: an absolute value, not relocated */

int symbol_read(const struct elf_image *img, unsigned i, struct elf_sym *out)
{
	struct elf_rawsym s;
	unsigned versym;
	int err;

	if (i >= img->nsyms)
		return -ELF_ERANGE;
	if ((err = elf_read_sym(img, i, &s)) < 0)
		return err;
	out->name = elf_string(img, s.name);
	if (out->name == NULL)
		return -ELF_ESTRTAB;
	out->index = i;
	out->value = s.value;
	out->size = s.size;
	out->type = ELF_ST_TYPE(s.info);
	out->bind = ELF_ST_BIND(s.info);
	out->visibility = ELF_ST_VISIBILITY(s.other);
	out->shndx = s.shndx;

	/*
	 * Without DT_VERSYM every symbol counts as global (index 1).  The
	 * version's name: a defined symbol's among the versions the image
	 * defines (elf_symbol looks among the needed ones too).
	 */
	versym = version_of(img, i);
	out->version_hidden = (versym & VERSYM_HIDDEN) != 0;
	out->version_index = versym & VERSYM_INDEX;
	out->version = NULL;
	out->version_needed = 0;
	if (out->version_index > VER_NDX_GLOBAL) {
		if (s.shndx != SHN_UNDEF)
			out->version = version_name(img, out->version_index, NULL);
	}

	/* Where it is at run time: an undefined symbol is nowhere, an
	 * absolute one is its value, the rest move with the image. */
	if (s.shndx == SHN_UNDEF)
		out->addr = 0;
	else if (s.shndx == SHN_ABS)
		out->addr = (uintptr_t)s.value;
	else
		out->addr = img->bias + (uintptr_t)s.value;
	return 0;
}
