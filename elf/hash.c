/*
 * elf/hash.c - the two hash tables: how many symbols there are, and which
 * symbols to look at for a name.
 *
 * SysV (gABI, "Hash Table"), DT_HASH, all words 32 bits:
 *
 *	nbucket, nchain, bucket[nbucket], chain[nchain]
 *
 * bucket[h % nbucket] is the first symbol of a chain, chain[i] the symbol
 * after i, 0 (STN_UNDEF) the end.  nchain is the number of symbols.
 *
 * GNU (binutils and glibc; no formal standard), DT_GNU_HASH:
 *
 *	nbuckets, symoffset, bloom_size, bloom_shift   (32-bit words)
 *	bloom[bloom_size]                              (32- or 64-bit words: the class)
 *	buckets[nbuckets], chain[]                     (32-bit words)
 *
 * Symbols from symoffset on are sorted by bucket.  buckets[h % nbuckets] is
 * the first symbol of the bucket (0: empty); chain[i - symoffset] holds the
 * hash of symbol i with bit 0 replaced by "last of its bucket".  The bloom
 * filter answers "surely absent" for most missing names with one word.
 * The table does not say how many symbols there are: the count is the end
 * of the chain that starts at the largest bucket.
 */
#include "bounded.h"

enum { WALK_GNU, WALK_SYSV, WALK_ALL };

/* gABI, "Hash Table": the ELF hash (also the vd_hash of version names). */
uint32_t elf_sysv_hash(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	uint32_t h = 0, high;

	while (*s) {
		h = (h << 4) + *s++;
		high = h & 0xf0000000;
		if (high)
			h ^= high >> 24;
		h &= ~high;
	}
	return h;
}

/* The GNU hash: Bernstein's h * 33 + c, from 5381. */
uint32_t elf_gnu_hash(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + *s++;
	return h;
}

static uint32_t word_at(const struct elf_image *img, size_t off)
{
	return get32(img, img->bytes + off);
}

/* ---- SysV ---- */

static int sysv_read(const struct elf_image *img, struct elf_sysv_table *t)
{
	size_t e = sysv_entry(img);     /* 4, or 8 (bounded.h) */

	if (!in_array(img, img->hash, 2, e))
		return -ELF_EHASH;
	t->nbucket = sysv_word(img, img->hash);
	t->nchain = sysv_word(img, img->hash + e);
	/* nbucket 0 would make h % nbucket a division by zero. */
	if (t->nbucket == 0 ||
	    !in_array(img, img->hash + 2 * e, (uint64_t)t->nbucket + t->nchain, e))
		return -ELF_EHASH;
	t->buckets = img->hash + 2 * e;
	t->chains = t->buckets + (size_t)t->nbucket * e;
	return 0;
}

/* ---- GNU ---- */

static int gnu_read(const struct elf_image *img, struct elf_gnu_table *t)
{
	size_t word = (size_t)CLASS(img) / 8;       /* bloom word bytes */
	size_t at = img->gnu_hash;

	if (!in_array(img, at, 4, 4))
		return -ELF_EGNUHASH;
	t->nbuckets = word_at(img, at + offsetof(Elf_GnuHash, nbuckets));
	t->symoffset = word_at(img, at + offsetof(Elf_GnuHash, symoffset));
	t->bloom_size = word_at(img, at + offsetof(Elf_GnuHash, bloom_size));
	t->bloom_shift = word_at(img, at + offsetof(Elf_GnuHash, bloom_shift));
	/*
	 * nbuckets and bloom_size are divisors.  bloom_size must be a power
	 * of two: glibc masks with bloom_size - 1 where we take the
	 * remainder, and the two agree only then.  A shift of 32 or more
	 * of a 32-bit value is undefined in C.
	 */
	if (t->nbuckets == 0 || t->bloom_size == 0 ||
	    (t->bloom_size & (t->bloom_size - 1)) != 0 || t->bloom_shift >= 32)
		return -ELF_EGNUHASH;
	t->bloom_bits = (unsigned)CLASS(img);
	t->bloom = at + sizeof(Elf_GnuHash);
	if (!in_array(img, t->bloom, t->bloom_size, word))
		return -ELF_EGNUHASH;
	t->buckets = t->bloom + (size_t)t->bloom_size * word;
	if (!in_array(img, t->buckets, t->nbuckets, 4))
		return -ELF_EGNUHASH;
	t->chains = t->buckets + (size_t)t->nbuckets * 4;
	return 0;
}

/* The chain word of symbol i (i >= symoffset), or an error if out of range. */
static int gnu_chain(const struct elf_image *img, const struct elf_gnu_table *t,
		     uint32_t i, uint32_t *out)
{
	uint64_t off = (uint64_t)t->chains + (uint64_t)(i - t->symoffset) * 4;

	if (i < t->symoffset || !in_range(img, off, 4))
		return -ELF_EGNUHASH;
	*out = word_at(img, (size_t)off);
	return 0;
}

/* The symbol count: the end of the chain of the largest bucket.  The walk
 * is bounded by the image: each step reads a new word, in range. */
static int gnu_count(const struct elf_image *img, const struct elf_gnu_table *t, uint32_t *count)
{
	uint32_t b, i, last = 0, word;
	int err;

	for (b = 0; b < t->nbuckets; b++) {
		i = word_at(img, t->buckets + (size_t)b * 4);
		if (i > last)
			last = i;
	}
	if (last == 0) {                /* every bucket empty */
		*count = t->symoffset;
		return 0;
	}
	for (i = last; ; i++) {
		if ((err = gnu_chain(img, t, i, &word)) < 0)
			return err;     /* the chain runs off the image */
		if (i == UINT32_MAX)    /* a count of i + 1 would wrap to 0 */
			return -ELF_EGNUHASH;
		if (word & 1)
			break;
	}
	*count = i + 1;
	return 0;
}

/*
 * The bloom filter (GNU): two bits of one word, both set if the name may
 * be present.  bits is 32 or 64 and bloom_size a power of two (gnu_read),
 * so shifts and masks do what divisions would.
 */
static int gnu_bloom_may_hold(const struct elf_image *img, const struct elf_gnu_table *t,
			      uint32_t h)
{
	/* bits = 32 or 64 = 1 << shift; bloom_size is a power of two */
	unsigned shift = CLASS(img) == 64 ? 6 : 5, bits = 1u << shift;
	uint32_t n = (h >> shift) & (t->bloom_size - 1);
	uint64_t word = get_word(img, img->bytes + t->bloom + (size_t)n * (bits / 8));
	uint64_t mask = (uint64_t)1 << (h & (bits - 1)) |
			(uint64_t)1 << ((h >> t->bloom_shift) & (bits - 1));

	return (word & mask) == mask;
}

/*
 * Validate the hash tables and set img->nsyms.  With both tables, SysV's
 * nchain is the count and the GNU table must not reach past it.  What is
 * proven here is kept in img->sysv and img->gnu for the walks below.
 * With neither, the count is the caller's (counted: the readelf layer's,
 * from the .dynsym section), else the image is refused: the gABI makes a
 * hash table mandatory.
 */
int hash_check(struct elf_image *img, int counted)
{
	uint32_t count;
	int err;

	if (img->hash) {
		if ((err = sysv_read(img, &img->sysv)) < 0)
			return err;
		img->nsyms = img->sysv.nchain;
	}
	if (img->gnu_hash) {
		if ((err = gnu_read(img, &img->gnu)) < 0 ||
		    (err = gnu_count(img, &img->gnu, &count)) < 0)
			return err;
		if (!img->hash)
			img->nsyms = count;
		else if (count > img->nsyms)
			return -ELF_EGNUHASH;
		img->gnu.count = count;
	}
	if (!img->hash && !img->gnu_hash && !counted)
		return -ELF_ESHDR;
	return 0;
}

/* ---- the walks, on the tables hash_check proved ---- */

/*
 * GNU: the chain from the bucket on, up to the symbol with the end bit.
 * Indexes only grow, so the chain cannot loop.  hash_check proved the
 * chain words from symoffset to count - 1 in range, and that the last of
 * them ends a chain: a walk past it, or from a bucket below symoffset,
 * is an error.
 */
static int gnu_candidates(const struct elf_image *img, uint32_t hash,
			  hash_match_fn *match, void *ctx)
{
	const struct elf_gnu_table *g = &img->gnu;
	/* chain word j is symbol symoffset + j's; words 0 .. n-1 are in range */
	const unsigned char *chain = img->bytes + g->chains;
	uint32_t symoffset = g->symoffset, n = g->count - symoffset, i, j, word;
	int r;

	i = word_at(img, g->buckets + (size_t)(hash % g->nbuckets) * 4);
	if (i == 0 || !gnu_bloom_may_hold(img, g, hash))
		return 0;
	for (j = i - symoffset; ; j++) {
		if (j >= n)     /* also a bucket below symoffset: j wrapped */
			return -ELF_EGNUHASH;
		word = get32(img, chain + (size_t)j * 4);
		if ((word | 1) == (hash | 1) && (r = match(img, symoffset + j, ctx)) != 0)
			return r;
		if (word & 1)
			return 0;
	}
}

/* SysV: the chain can name any index, so it can loop: a chain has at most
 * nchain links, and one that takes more is refused.  hash_check proved
 * the chain array (nchain words) in range, and nsyms is nchain. */
static int sysv_candidates(const struct elf_image *img, uint32_t hash,
			   hash_match_fn *match, void *ctx)
{
	const struct elf_sysv_table *t = &img->sysv;
	uint32_t i, steps = 0;
	int r;

	size_t e = sysv_entry(img);

	i = sysv_word(img, t->buckets + (size_t)(hash % t->nbucket) * e);
	for (; i != 0; i = sysv_word(img, t->chains + (size_t)i * e)) {   /* 0: STN_UNDEF */
		if (i >= t->nchain || ++steps > t->nchain)
			return -ELF_EHASH;
		if ((r = match(img, i, ctx)) != 0)
			return r;
	}
	return 0;
}

int hash_candidates(const struct elf_image *img, const struct elf_name *name,
		    hash_match_fn *match, void *ctx)
{
	unsigned i;
	int r;

	if (img->gnu_hash)
		return gnu_candidates(img, name->gnu_hash, match, ctx);
	if (img->hash)
		return sysv_candidates(img, elf_sysv_hash(name->name), match, ctx);
	for (i = 0; i < img->nsyms; i++)        /* a bounded scan of every symbol */
		if ((r = match(img, i, ctx)) != 0)
			return r;
	return 0;
}
