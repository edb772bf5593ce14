/*
 * elf/lookup.c - a function by name and version.
 *
 * What a dynamic linker would bind a call to: a defined symbol (st_shndx
 * not SHN_UNDEF) of type STT_FUNC or STT_NOTYPE and of binding STB_GLOBAL
 * or STB_WEAK (gABI, "Symbol Table"), whose version is the one asked for
 * (LSB, "Symbol Versioning").  Local symbols, data objects and undefined
 * references are not found.
 */
#include "bounded.h"

static int str_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int is_callable(const struct elf_rawsym *s)
{
	unsigned type = ELF_ST_TYPE(s->info), bind = ELF_ST_BIND(s->info);

	return s->shndx != SHN_UNDEF &&
	       (type == STT_FUNC || type == STT_NOTYPE) &&
	       (bind == STB_GLOBAL || bind == STB_WEAK);
}

/*
 * Does symbol i have version 'version'?  Its versym index (hidden bit
 * masked off) names a Verdef; both that entry's vd_hash and its name must
 * match: the hash is the cheap test, the name the sure one.  An image
 * without version definitions (no DT_VERDEF or no DT_VERSYM) matches by
 * name alone, as the kernel's own vDSO parser does.
 */
static int has_version(const struct elf_image *img, unsigned i, const char *version,
		       uint32_t version_hash)
{
	const char *name;
	uint32_t hash = 0;

	if (version == NULL || img->verdef == 0 || img->versym == 0)
		return 1;
	name = version_name(img, version_of(img, i) & VERSYM_INDEX, &hash);
	return name != NULL && hash == version_hash && str_equal(name, version);
}

static int is_hidden(const struct elf_image *img, unsigned i)
{
	return img->versym != 0 && (version_of(img, i) & VERSYM_HIDDEN) != 0;
}

/*
 * With no version asked for, a name may have several: foo@@V2 (the
 * default) and foo@V1 (hidden, kept for old callers).  The default one is
 * preferred, as a linker binding an unversioned reference would; a hidden
 * one is returned only if there is nothing else.
 */
int elf_lookup(const struct elf_image *img, const char *name,
		const char *version, struct elf_sym *out)
{
	struct hash_walk w;
	struct elf_rawsym s;
	unsigned hidden = 0;    /* index of the first hidden match, if any */
	uint32_t version_hash;
	int err;

	if (name == NULL)
		return -ELF_ENOTFOUND;
	/* once, not for each candidate: the version may be long */
	version_hash = version ? elf_sysv_hash(version) : 0;
	if ((err = hash_walk_start(img, name, &w)) < 0)
		return err;
	while ((err = hash_walk_next(img, &w)) > 0) {
		if ((err = elf_read_sym(img, w.index, &s)) < 0)
			return err;
		if (!elf_string_is(img, s.name, name) || !is_callable(&s) ||
		    !has_version(img, w.index, version, version_hash))
			continue;
		if (version != NULL || !is_hidden(img, w.index))
			return elf_symbol(img, w.index, out);
		if (hidden == 0)        /* symbol 0 is never callable */
			hidden = w.index;
	}
	if (err < 0)
		return err;
	if (hidden != 0)
		return elf_symbol(img, hidden, out);
	return -ELF_ENOTFOUND;
}
