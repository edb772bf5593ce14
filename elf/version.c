/*
 * elf/version.c - symbol versions (LSB Core, "Symbol Versioning").
 *
 * DT_VERSYM is an array of 16-bit entries, one per dynamic symbol: the
 * index of the symbol's version, with bit 15 (0x8000) set for a "hidden"
 * version, one that is not the default (readelf shows name@VER, not
 * name@@VER).  Index 0 is local, 1 global (unversioned).
 *
 * DT_VERDEF is a list of Verdef entries, DT_VERDEFNUM long, each linked to
 * the next by vd_next (a byte offset from the entry; 0 ends the list) and
 * to its names by vd_aux (the first Verdaux: the version's own name; the
 * others name its parents).  vd_ndx is the index that versym entries
 * carry.  The entry with VER_FLG_BASE names the file itself (the soname)
 * and is not a version a symbol can have.
 *
 * DT_VERNEED, the versions this image needs from others, is the readelf
 * layer's: elf/verneed.c.
 *
 * Every walk here is bounded the same three ways: by a count the image
 * gives and the reader caps (VERDEF_MAX: bounded.h), by the
 * image (each entry is range-checked before it is read), and against
 * loops (the links are unsigned and added in 64 bits, so each entry lies
 * after the one before).
 */
#include "bounded.h"

struct verdef_entry {
	unsigned flags, index, count;
	uint32_t hash;
	uint32_t aux;           /* vd_aux */
	uint32_t next;          /* vd_next */
	uint64_t offset;        /* where the entry is */
	const char *name;       /* the first Verdaux's name */
};

/*
 * Read the Verdef entry at off, and its first name.  LSB: vd_version "shall
 * be 1"; another revision could lay the record out differently.
 */
static int verdef_read(const struct elf_image *img, uint64_t off,
		       struct verdef_entry *v)
{
	const unsigned char *p;
	uint64_t aux;

	if (!in_range(img, off, sizeof(Elf_Verdef)))
		return -ELF_EVERDEF;
	p = img->bytes + (size_t)off;
	if (get16(img, p + offsetof(Elf_Verdef, vd_version)) != VER_DEF_CURRENT)
		return -ELF_EVERDEF;
	v->offset = off;
	v->flags = get16(img, p + offsetof(Elf_Verdef, vd_flags));
	v->index = get16(img, p + offsetof(Elf_Verdef, vd_ndx));
	v->count = get16(img, p + offsetof(Elf_Verdef, vd_cnt));
	v->hash = get32(img, p + offsetof(Elf_Verdef, vd_hash));
	v->next = get32(img, p + offsetof(Elf_Verdef, vd_next));
	v->aux = get32(img, p + offsetof(Elf_Verdef, vd_aux));
	aux = off + v->aux;
	if (!in_range(img, aux, sizeof(Elf_Verdaux)))
		return -ELF_EVERDEF;
	v->name = elf_string(img, get32(img, img->bytes + (size_t)aux +
					offsetof(Elf_Verdaux, vda_name)));
	if (v->name == NULL)
		return -ELF_EVERDEF;
	return 0;
}

/*
 * Read entry n of the list at *off, and move *off on to entry n + 1.  The
 * walk is bounded three ways: by DT_VERDEFNUM (the callers count), by the
 * image (every entry is range-checked), and against loops: vd_next is
 * unsigned and added in 64 bits, so each entry lies after the one before
 * and the list cannot come back on itself.  (A reader that adds in 32
 * bits can be sent back by a vd_next that wraps.)  A vd_next of 0 before
 * the last entry means the list and DT_VERDEFNUM disagree.
 */
static int verdef_step(const struct elf_image *img, unsigned n, uint64_t *off,
		       struct verdef_entry *v)
{
	int err = verdef_read(img, *off, v);

	if (err < 0)
		return err;
	if (n + 1 < img->verdefnum) {
		if (v->next == 0)
			return -ELF_EVERDEF;
		*off += v->next;
	}
	return 0;
}

/* Entry i of the list, walked from the start. */
static int verdef_nth(const struct elf_image *img, unsigned i, struct verdef_entry *v)
{
	uint64_t off = img->verdef;
	unsigned n;
	int err;

	if (img->verdef == 0 || i >= img->verdefnum)
		return -ELF_ERANGE;
	for (n = 0; n <= i; n++)
		if ((err = verdef_step(img, n, &off, v)) < 0)
			return err;
	return 0;
}

/*
 * Verdaux k of the definition v, which lies at v->offset: the walk of
 * its vda_next links, bounded by vd_cnt.  0 or -ELF_E*.
 */
static int verdaux_nth(const struct elf_image *img, const struct verdef_entry *v,
		       unsigned k, const char **name, uint64_t *at)
{
	uint64_t off = v->offset + v->aux;
	const unsigned char *p;
	unsigned m;

	if (k >= v->count)
		return -ELF_ERANGE;
	for (m = 0; ; m++) {
		if (!in_range(img, off, sizeof(Elf_Verdaux)))
			return -ELF_EVERDEF;
		p = img->bytes + (size_t)off;
		if (m == k)
			break;
		if (get32(img, p + offsetof(Elf_Verdaux, vda_next)) == 0)
			return -ELF_EVERDEF;    /* the list ends before vd_cnt */
		off += get32(img, p + offsetof(Elf_Verdaux, vda_next));
	}
	*name = elf_string(img, get32(img, p + offsetof(Elf_Verdaux, vda_name)));
	*at = off;
	return *name ? 0 : -ELF_EVERDEF;
}

/*
 * Called by elf_open: the list must read well, whole, in one walk: each
 * entry in range, of vd_version 1, named, with at most VERDEF_MAX names,
 * all of them in range.
 */
int verdef_check(const struct elf_image *img)
{
	struct verdef_entry v;
	const char *name;
	uint64_t at, off = img->verdef;
	unsigned i;
	int err;

	for (i = 0; img->verdef != 0 && i < img->verdefnum; i++) {
		if ((err = verdef_step(img, i, &off, &v)) < 0)
			return err;
		if (v.count > VERDEF_MAX)
			return -ELF_EVERDEF;
		if (v.count > 1 && (err = verdaux_nth(img, &v, v.count - 1, &name, &at)) < 0)
			return err;
	}
	return 0;
}

int elf_verdef(const struct elf_image *img, unsigned i, struct elf_verdef *out)
{
	struct verdef_entry v;
	int err;

	if ((err = verdef_nth(img, i, &v)) < 0)
		return err;
	out->index = v.index;
	out->flags = v.flags;
	out->hash = v.hash;
	out->count = v.count;
	out->name = v.name;
	out->offset = (size_t)v.offset;
	return 0;
}

int elf_verdaux(const struct elf_image *img, unsigned i, unsigned k,
		const char **name, size_t *offset)
{
	struct verdef_entry v;
	uint64_t at;
	int err;

	if ((err = verdef_nth(img, i, &v)) < 0 ||
	    (err = verdaux_nth(img, &v, k, name, &at)) < 0)
		return err;
	*offset = (size_t)at;
	return 0;
}

const char *elf_version_defined(const struct elf_image *img, unsigned v)
{
	return version_name(img, v & VERSYM_INDEX, NULL);
}

unsigned elf_versym(const struct elf_image *img, unsigned i)
{
	return version_of(img, i);
}

const char *elf_string_at(const struct elf_image *img, uint64_t off)
{
	return elf_string(img, off);
}

/*
 * It runs once for each symbol listed, so the walk is light: of the
 * entries it passes it reads vd_flags, vd_ndx and vd_next only (elf_open
 * read each entry whole: version_check), and only the one it stops at
 * whole, name and all.  Still bounded by DT_VERDEFNUM and by the image.
 */
const char *version_name(const struct elf_image *img, unsigned index, uint32_t *hash)
{
	struct verdef_entry v;
	const unsigned char *p;
	uint64_t off = img->verdef;
	unsigned n;

	for (n = 0; img->verdef != 0 && n < img->verdefnum; n++) {
		if (!in_range(img, off, sizeof(Elf_Verdef)))
			return NULL;
		p = img->bytes + (size_t)off;
		if (!(get16(img, p + offsetof(Elf_Verdef, vd_flags)) & VER_FLG_BASE) &&
		    (get16(img, p + offsetof(Elf_Verdef, vd_ndx)) & VERSYM_INDEX) == index) {
			if (verdef_read(img, off, &v) < 0)
				return NULL;
			if (hash)
				*hash = v.hash;
			return v.name;
		}
		off += get32(img, p + offsetof(Elf_Verdef, vd_next));
	}
	return NULL;
}

unsigned version_of(const struct elf_image *img, unsigned i)
{
	uint64_t off = (uint64_t)img->versym + (uint64_t)i * 2;

	if (img->versym == 0 || i >= img->nsyms || !in_range(img, off, 2))
		return VER_NDX_GLOBAL;
	return get16(img, img->bytes + (size_t)off);
}
