/*
 * elf/verneed.c - the versions an image needs from other files (LSB Core,
 * "Symbol Versioning"): the readelf layer's, for `vdso read` (a vDSO needs
 * none).
 *
 * DT_VERNEED is a list of Verneed entries, DT_VERNEEDNUM long, one per
 * file this image needs versions from, linked by vn_next; each has vn_cnt
 * Vernaux entries, one per version, linked by vna_next.  A versym entry
 * equal to vna_other names that version: readelf shows an undefined
 * symbol of it as name@VERSION (vna_other).
 *
 * Every walk here is bounded the same three ways as in elf/version.c: by
 * a count the image gives and the reader caps (VERNEED_MAX: bounded.h),
 * by the image (each entry is range-checked before it is read), and
 * against loops (the links are unsigned and added in 64 bits, so each
 * entry lies after the one before).
 */
#include "bounded.h"
#include "readelf.h"

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
	v->version = get16(img, p + offsetof(Elf_Verneed, vn_version));
	v->count = get16(img, p + offsetof(Elf_Verneed, vn_cnt));
	v->aux = get32(img, p + offsetof(Elf_Verneed, vn_aux));
	v->next = get32(img, p + offsetof(Elf_Verneed, vn_next));
	v->file = elf_string(img, get32(img, p + offsetof(Elf_Verneed, vn_file)));
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
	a->hash = get32(img, p + offsetof(Elf_Vernaux, vna_hash));
	a->flags = get16(img, p + offsetof(Elf_Vernaux, vna_flags));
	a->other = get16(img, p + offsetof(Elf_Vernaux, vna_other));
	a->next = get32(img, p + offsetof(Elf_Vernaux, vna_next));
	a->name = elf_string(img, get32(img, p + offsetof(Elf_Vernaux, vna_name)));
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
 * Called by elf_read_open: the list must read well, whole.  The needed
 * versions number at most VERNEED_MAX in all, so that every later walk is
 * short.
 */
int verneed_check(const struct elf_image *img)
{
	struct verneed_entry n;
	struct vernaux_entry a;
	unsigned i, k, total = 0;
	int err;

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
		aoff = off + get32(img, p + offsetof(Elf_Verneed, vn_aux));
		for (k = 0; k < get16(img, p + offsetof(Elf_Verneed, vn_cnt)); k++) {
			const unsigned char *q;

			if (!in_range(img, aoff, sizeof(Elf_Vernaux)))
				return NULL;
			q = img->bytes + (size_t)aoff;
			if (get16(img, q + offsetof(Elf_Vernaux, vna_other)) == v) {
				if (vernaux_read(img, aoff, &a) < 0 ||
				    verneed_read(img, off, &n) < 0)
					return NULL;
				if (file)
					*file = n.file;
				return a.name;
			}
			aoff += get32(img, q + offsetof(Elf_Vernaux, vna_next));
		}
		off += get32(img, p + offsetof(Elf_Verneed, vn_next));
	}
	return NULL;
}

