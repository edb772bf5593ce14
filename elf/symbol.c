/*
 * elf/symbol.c - the dynamic symbols one by one, all of them, as
 * `readelf --dyn-syms` lists them: index 0 (the gABI's all-zero STN_UNDEF
 * entry), section symbols, locals and undefined ones included.
 */
#include "bounded.h"

#define SHN_ABS 0xfff1          /* gABI: an absolute value, not relocated */

int elf_symbol(const struct elf_image *img, unsigned i, struct elf_sym *out)
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
	 * version's name, as readelf finds it: a defined symbol's among the
	 * versions the image defines, else (copy relocations define symbols
	 * of needed versions) among those it needs, matched whole by
	 * vna_other; an undefined symbol's only among the needed ones.
	 */
	versym = version_of(img, i);
	out->version_hidden = (versym & VERSYM_HIDDEN) != 0;
	out->version_index = versym & VERSYM_INDEX;
	out->version = NULL;
	out->version_needed = 0;
	if (out->version_index > VER_NDX_GLOBAL) {
		if (s.shndx != SHN_UNDEF)
			out->version = version_name(img, out->version_index, NULL);
		if (out->version == NULL &&
		    (out->version = elf_version_needed(img, versym, NULL)) != NULL)
			out->version_needed = 1;
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
