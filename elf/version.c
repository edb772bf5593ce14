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
 */
#include "bounded.h"

struct verdef_entry {
	unsigned flags, index, count;
	uint32_t hash;
	uint32_t next;          /* vd_next */
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
	if (get16(p + offsetof(Elf_Verdef, vd_version)) != VER_DEF_CURRENT)
		return -ELF_EVERDEF;
	v->flags = get16(p + offsetof(Elf_Verdef, vd_flags));
	v->index = get16(p + offsetof(Elf_Verdef, vd_ndx));
	v->count = get16(p + offsetof(Elf_Verdef, vd_cnt));
	v->hash = get32(p + offsetof(Elf_Verdef, vd_hash));
	v->next = get32(p + offsetof(Elf_Verdef, vd_next));
	aux = off + get32(p + offsetof(Elf_Verdef, vd_aux));
	if (!in_range(img, aux, sizeof(Elf_Verdaux)))
		return -ELF_EVERDEF;
	v->name = elf_string(img, get32(img->bytes + (size_t)aux +
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

/* Called by elf_open: the whole list must read well. */
int version_check(const struct elf_image *img)
{
	struct verdef_entry v;

	if (img->verdef == 0)
		return 0;
	/* The last entry is read after all the ones before it. */
	return verdef_nth(img, img->verdefnum - 1, &v);
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
	return 0;
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
		if (!(get16(p + offsetof(Elf_Verdef, vd_flags)) & VER_FLG_BASE) &&
		    (get16(p + offsetof(Elf_Verdef, vd_ndx)) & VERSYM_INDEX) == index) {
			if (verdef_read(img, off, &v) < 0)
				return NULL;
			if (hash)
				*hash = v.hash;
			return v.name;
		}
		off += get32(p + offsetof(Elf_Verdef, vd_next));
	}
	return NULL;
}

unsigned version_of(const struct elf_image *img, unsigned i)
{
	uint64_t off = (uint64_t)img->versym + (uint64_t)i * 2;

	if (img->versym == 0 || i >= img->nsyms || !in_range(img, off, 2))
		return VER_NDX_GLOBAL;
	return get16(img->bytes + (size_t)off);
}
