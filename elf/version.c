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
 * DT_VERNEED is a list of Verneed entries, DT_VERNEEDNUM long, one per
 * file this image needs versions from, linked by vn_next; each has vn_cnt
 * Vernaux entries, one per version, linked by vna_next.  A versym entry
 * equal to vna_other names that version: readelf shows an undefined
 * symbol of it as name@VERSION (vna_other).
 *
 * Every walk here is bounded the same three ways: by a count the image
 * gives and the reader caps (VERDEF_MAX, VERNEED_MAX: read.h), by the
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
	if (get16(p + offsetof(Elf_Verdef, vd_version)) != VER_DEF_CURRENT)
		return -ELF_EVERDEF;
	v->offset = off;
	v->flags = get16(p + offsetof(Elf_Verdef, vd_flags));
	v->index = get16(p + offsetof(Elf_Verdef, vd_ndx));
	v->count = get16(p + offsetof(Elf_Verdef, vd_cnt));
	v->hash = get32(p + offsetof(Elf_Verdef, vd_hash));
	v->next = get32(p + offsetof(Elf_Verdef, vd_next));
	v->aux = get32(p + offsetof(Elf_Verdef, vd_aux));
	aux = off + v->aux;
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
		if (get32(p + offsetof(Elf_Verdaux, vda_next)) == 0)
			return -ELF_EVERDEF;    /* the list ends before vd_cnt */
		off += get32(p + offsetof(Elf_Verdaux, vda_next));
	}
	*name = elf_string(img, get32(p + offsetof(Elf_Verdaux, vda_name)));
	*at = off;
	return *name ? 0 : -ELF_EVERDEF;
}

/* ---- needed versions (DT_VERNEED) ---- */

struct verneed_entry {
	unsigned version, count;
	uint32_t aux, next;     /* vn_aux, vn_next */
	uint64_t offset;
	const char *file;
};

struct vernaux_entry {
	uint32_t hash, next;
	unsigned flags, other;
	uint64_t offset;
	const char *name;
};

/* The Verneed entry at off.  LSB: vn_version "shall be 1". */
static int verneed_read(const struct elf_image *img, uint64_t off, struct verneed_entry *v)
{
	const unsigned char *p;

	if (!in_range(img, off, sizeof(Elf_Verneed)))
		return -ELF_EVERNEED;
	p = img->bytes + (size_t)off;
	v->offset = off;
	v->version = get16(p + offsetof(Elf_Verneed, vn_version));
	v->count = get16(p + offsetof(Elf_Verneed, vn_cnt));
	v->aux = get32(p + offsetof(Elf_Verneed, vn_aux));
	v->next = get32(p + offsetof(Elf_Verneed, vn_next));
	v->file = elf_string(img, get32(p + offsetof(Elf_Verneed, vn_file)));
	if (v->version != VER_NEED_CURRENT || v->file == NULL)
		return -ELF_EVERNEED;
	return 0;
}

static int vernaux_read(const struct elf_image *img, uint64_t off, struct vernaux_entry *a)
{
	const unsigned char *p;

	if (!in_range(img, off, sizeof(Elf_Vernaux)))
		return -ELF_EVERNEED;
	p = img->bytes + (size_t)off;
	a->offset = off;
	a->hash = get32(p + offsetof(Elf_Vernaux, vna_hash));
	a->flags = get16(p + offsetof(Elf_Vernaux, vna_flags));
	a->other = get16(p + offsetof(Elf_Vernaux, vna_other));
	a->next = get32(p + offsetof(Elf_Vernaux, vna_next));
	a->name = elf_string(img, get32(p + offsetof(Elf_Vernaux, vna_name)));
	return a->name ? 0 : -ELF_EVERNEED;
}

/* Verneed entry i, walked from the start; a vn_next of 0 before the last
 * entry means the list and DT_VERNEEDNUM disagree. */
static int verneed_nth(const struct elf_image *img, unsigned i, struct verneed_entry *v)
{
	uint64_t off = img->verneed;
	unsigned n;
	int err;

	if (img->verneed == 0 || i >= img->verneednum)
		return -ELF_ERANGE;
	for (n = 0; ; n++) {
		if ((err = verneed_read(img, off, v)) < 0)
			return err;
		if (n == i)
			return 0;
		if (v->next == 0)
			return -ELF_EVERNEED;
		off += v->next;
	}
}

/* Vernaux k of the Verneed entry v, bounded by vn_cnt. */
static int vernaux_nth(const struct elf_image *img, const struct verneed_entry *v,
		       unsigned k, struct vernaux_entry *a)
{
	uint64_t off = v->offset + v->aux;
	unsigned m;
	int err;

	if (k >= v->count)
		return -ELF_ERANGE;
	for (m = 0; ; m++) {
		if ((err = vernaux_read(img, off, a)) < 0)
			return err;
		if (m == k)
			return 0;
		if (a->next == 0)
			return -ELF_EVERNEED;
		off += a->next;
	}
}

/*
 * Called by elf_open: both lists must read well, whole.  Each definition
 * has at most VERDEF_MAX names, and the needed versions number at most
 * VERNEED_MAX in all, so that every later walk is short.
 */
int version_check(const struct elf_image *img)
{
	struct verdef_entry v;
	struct verneed_entry n;
	struct vernaux_entry a;
	const char *name;
	uint64_t at;
	unsigned i, k, total = 0;
	int err;

	for (i = 0; img->verdef != 0 && i < img->verdefnum; i++) {
		if ((err = verdef_nth(img, i, &v)) < 0)
			return err;
		if (v.count > VERDEF_MAX)
			return -ELF_EVERDEF;
		if (v.count > 0 && (err = verdaux_nth(img, &v, v.count - 1, &name, &at)) < 0)
			return err;
	}
	for (i = 0; img->verneed != 0 && i < img->verneednum; i++) {
		if ((err = verneed_nth(img, i, &n)) < 0)
			return err;
		total += n.count;
		if (total > VERNEED_MAX)
			return -ELF_EVERNEED;
		for (k = 0; k < n.count; k++)
			if ((err = vernaux_nth(img, &n, k, &a)) < 0)
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

int elf_verneed(const struct elf_image *img, unsigned i, struct elf_verneed *out)
{
	struct verneed_entry v;
	int err;

	if ((err = verneed_nth(img, i, &v)) < 0)
		return err;
	out->version = v.version;
	out->file = v.file;
	out->count = v.count;
	out->offset = (size_t)v.offset;
	return 0;
}

int elf_vernaux(const struct elf_image *img, unsigned i, unsigned k,
		struct elf_vernaux *out)
{
	struct verneed_entry v;
	struct vernaux_entry a;
	int err;

	if ((err = verneed_nth(img, i, &v)) < 0 || (err = vernaux_nth(img, &v, k, &a)) < 0)
		return err;
	out->name = a.name;
	out->hash = a.hash;
	out->flags = a.flags;
	out->other = a.other;
	out->offset = (size_t)a.offset;
	return 0;
}

/*
 * One walk over every needed version, for the one named by versym value
 * v.  It runs once for each symbol listed, so, like version_name, it reads
 * only the links and vna_other of the entries it passes; elf_open read
 * them all whole (version_check).  At most VERNEEDNUM + VERNEED_MAX steps.
 */
const char *elf_version_needed(const struct elf_image *img, unsigned v, const char **file)
{
	struct verneed_entry n;
	struct vernaux_entry a;
	const unsigned char *p;
	uint64_t off = img->verneed, aoff;
	unsigned i, k;

	for (i = 0; img->verneed != 0 && i < img->verneednum; i++) {
		if (!in_range(img, off, sizeof(Elf_Verneed)))
			return NULL;
		p = img->bytes + (size_t)off;
		aoff = off + get32(p + offsetof(Elf_Verneed, vn_aux));
		for (k = 0; k < get16(p + offsetof(Elf_Verneed, vn_cnt)); k++) {
			const unsigned char *q;

			if (!in_range(img, aoff, sizeof(Elf_Vernaux)))
				return NULL;
			q = img->bytes + (size_t)aoff;
			if (get16(q + offsetof(Elf_Vernaux, vna_other)) == v) {
				if (vernaux_read(img, aoff, &a) < 0 ||
				    verneed_read(img, off, &n) < 0)
					return NULL;
				if (file)
					*file = n.file;
				return a.name;
			}
			aoff += get32(q + offsetof(Elf_Vernaux, vna_next));
		}
		off += get32(p + offsetof(Elf_Verneed, vn_next));
	}
	return NULL;
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
