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

/*
 * The index of a version (read.h, elf_version_index): the vd_ndx of the
 * first definition of that name that is not the base one, whose vd_hash is the name's ELF
 * hash, and which is the first of its index (what a symbol's versym
 * names, version_name() finds).  The name is hashed once, by the caller
 * (even at build time), not for each candidate symbol.
 */
/* Verdef entry n is the first, of those that are not the base one, with
 * this index: entries 0 .. n-1 (in range: the walk to n passed them) have
 * another, or are the base. */
static int first_of_index(const struct elf_image *img, unsigned n, unsigned index)
{
	const unsigned char *p;
	uint64_t off = img->verdef;
	unsigned k;

	for (k = 0; k < n; k++) {
		p = img->bytes + (size_t)off;
		if (!(get16(img, p + offsetof(Elf_Verdef, vd_flags)) & VER_FLG_BASE) &&
		    (get16(img, p + offsetof(Elf_Verdef, vd_ndx)) & VERSYM_INDEX) == index)
			return 0;
		off += get32(img, p + offsetof(Elf_Verdef, vd_next));
	}
	return 1;
}

int elf_version_index(const struct elf_image *img, const char *version, uint32_t hash)
{
	const unsigned char *p;
	uint64_t off = img->verdef, aux;
	unsigned n, index;
	const char *name;

	if (version == NULL)
		return ELF_VERSION_DEFAULT;
	/* Unversioned images match by name alone, as the kernel's own vDSO
	 * parser does.  With symbol versions but no definitions, no version
	 * is defined here: only a global symbol (index 1) answers, never one
	 * whose index names a version needed from elsewhere (DT_VERNEED). */
	if (img->versym == 0)
		return ELF_VERSION_UNCHECKED;
	if (img->verdef == 0)
		return VER_NDX_GLOBAL;
	/* version_check (elf_open) read the whole list well: each entry in
	 * range, of vd_version 1, its name a string of the table; still,
	 * each offset is re-checked. */
	for (n = 0; n < img->verdefnum; n++, off += get32(img, p + offsetof(Elf_Verdef, vd_next))) {
		if (!in_range(img, off, sizeof(Elf_Verdef)))
			break;
		p = img->bytes + (size_t)off;
		index = get16(img, p + offsetof(Elf_Verdef, vd_ndx)) & VERSYM_INDEX;
		if ((get16(img, p + offsetof(Elf_Verdef, vd_flags)) & VER_FLG_BASE) ||
		    get32(img, p + offsetof(Elf_Verdef, vd_hash)) != hash)
			continue;
		aux = off + get32(img, p + offsetof(Elf_Verdef, vd_aux));
		if (!in_range(img, aux, sizeof(Elf_Verdaux)))
			break;
		name = elf_string(img, get32(img, img->bytes + (size_t)aux +
					     offsetof(Elf_Verdaux, vda_name)));
		if (name != NULL && str_equal(name, version) && first_of_index(img, n, index))
			return (int)index;
	}
	return -ELF_ENOTFOUND;
}

/* What a search is for, and what it found. */
struct search {
	const struct elf_name *name;
	int version_index;
	unsigned found;         /* the match */
	unsigned hidden;        /* the first match of a hidden version, or 0 */
};

/*
 * Is candidate i a callable symbol of that name and version?  It reads
 * the symbol in place: elf_open proved the whole table (nsyms entries) in
 * range, and i < nsyms (hash_candidates).  1 stops the search.
 *
 * With no version asked for, a name may have several: foo@@V2 (the
 * default) and foo@V1 (hidden, kept for old callers).  The default one is
 * preferred, as a linker binding an unversioned reference would; a hidden
 * one is taken only if there is nothing else.
 */
static int matches(const struct elf_image *img, unsigned i, void *ctx)
{
	struct search *s = ctx;
	const unsigned char *p = img->bytes + img->symtab + (size_t)i * img->syment;
	unsigned char info = p[FIELD(img, Sym, st_info)];
	unsigned type = ELF_ST_TYPE(info), bind = ELF_ST_BIND(info), versym;

	if (get16(img, p + FIELD(img, Sym, st_shndx)) == SHN_UNDEF ||
	    (type != STT_FUNC && type != STT_NOTYPE) ||
	    (bind != STB_GLOBAL && bind != STB_WEAK) ||
	    !elf_string_is(img, get32(img, p + FIELD(img, Sym, st_name)), s->name->name,
			   s->name->len))
		return 0;
	/* elf_open proved the versym array (nsyms entries) in range too */
	versym = img->versym ? get16(img, img->bytes + img->versym + (size_t)i * 2) : VER_NDX_GLOBAL;
	if (s->version_index >= 0 && (versym & VERSYM_INDEX) != (unsigned)s->version_index)
		return 0;
	if (s->version_index == ELF_VERSION_DEFAULT && (versym & VERSYM_HIDDEN)) {
		if (s->hidden == 0)     /* symbol 0 is never callable */
			s->hidden = i;
		return 0;
	}
	s->found = i;
	return 1;
}

/* The index of the symbol found (below nsyms, which the image's size
 * bounds far below LONG_MAX), or -ELF_E*. */
static long find(const struct elf_image *img, const struct elf_name *name, int version_index)
{
	struct search s = { name, version_index, 0, 0 };
	int r;

	if (name->name == NULL || version_index == -ELF_ENOTFOUND)
		return -ELF_ENOTFOUND;
	if ((r = hash_candidates(img, name, matches, &s)) < 0)
		return r;
	if (r == 0 && s.hidden == 0)
		return -ELF_ENOTFOUND;
	return r ? s.found : s.hidden;
}

int elf_lookup(const struct elf_image *img, const char *name,
		const char *version, struct elf_sym *out)
{
	struct elf_name n;
	long i;

	if (name == NULL)
		return -ELF_ENOTFOUND;
	n.name = name;
	for (n.len = 0; name[n.len]; n.len++)
		;
	/* hashed only for a GNU table, the one that wants this hash */
	n.gnu_hash = img->gnu_hash ? elf_gnu_hash(name) : 0;
	i = find(img, &n, elf_version_index(img, version, version ? elf_sysv_hash(version) : 0));
	if (i < 0)
		return (int)i;
	return symbol_read(img, (unsigned)i, out);
}

/* Where a defined symbol is at run time: an absolute one (SHN_ABS) at its
 * value, the rest moved with the image (as elf_symbol says). */
int elf_lookup_address(const struct elf_image *img, const struct elf_name *name,
		       int version_index, uintptr_t *addr)
{
	const unsigned char *p;
	uint64_t value;
	long i = find(img, name, version_index);

	if (i < 0)
		return (int)i;
	p = img->bytes + img->symtab + (size_t)i * img->syment;
	value = get_word(img, p + FIELD(img, Sym, st_value));
	if (get16(img, p + FIELD(img, Sym, st_shndx)) == SHN_ABS)
		*addr = (uintptr_t)value;
	else
		*addr = img->bias + (uintptr_t)value;
	return 0;
}
