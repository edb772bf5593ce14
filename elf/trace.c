/*
 * elf/trace.c - the hash tables word by word, read-only, for a program
 * that shows one lookup step by step (demo/lookup.c, `vdso tour 4`), and
 * that walk itself, a step a call (elf_gnu_first, elf_gnu_step).
 *
 * elf/hash.c walks the same tables to find a symbol; here each word is
 * handed out on its own, with the same bounds: every read is checked
 * against the image first, and an index outside a table is -ELF_ERANGE.
 * The layouts are described at the top of elf/hash.c.
 */
#include "bounded.h"
#include "readelf.h"

/* elf_open proved the tables' arrays in range (elf/hash.c): a copy. */
int elf_gnu_table(const struct elf_image *img, struct elf_gnu_table *t)
{
	if (img->gnu_hash == 0)
		return -ELF_ENOTFOUND;
	*t = img->gnu;
	return 0;
}

int elf_gnu_bloom(const struct elf_image *img, const struct elf_gnu_table *t,
		  uint32_t n, uint64_t *word)
{
	if (n >= t->bloom_size)
		return -ELF_ERANGE;
	*word = get_word(img, img->bytes + t->bloom + (size_t)n * (t->bloom_bits / 8));
	return 0;
}

int elf_gnu_bucket(const struct elf_image *img, const struct elf_gnu_table *t,
		   uint32_t b, uint32_t *first)
{
	if (b >= t->nbuckets)
		return -ELF_ERANGE;
	*first = get32(img, img->bytes + t->buckets + (size_t)b * 4);
	return 0;
}

int elf_gnu_chain(const struct elf_image *img, const struct elf_gnu_table *t,
		  uint32_t i, uint32_t *word)
{
	uint64_t off = (uint64_t)t->chains + (uint64_t)(i - t->symoffset) * 4;

	if (i < t->symoffset || i >= img->nsyms || !in_range(img, off, 4))
		return -ELF_ERANGE;
	*word = get32(img, img->bytes + (size_t)off);
	return 0;
}

/* Two names equal (elf/ builds hosted too, without lib/'s str_eq). */
static int same_name(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int elf_gnu_first(const struct elf_image *img, const struct elf_gnu_table *t,
		  const char *name, struct elf_gnu_start *start)
{
	uint32_t h = elf_gnu_hash(name);
	int err;

	start->hash = h;
	start->bloom_index = (h / t->bloom_bits) % t->bloom_size;
	start->bit1 = h % t->bloom_bits;
	start->bit2 = (h >> t->bloom_shift) % t->bloom_bits;
	start->bucket = h % t->nbuckets;
	start->bloom_word = 0;
	start->first = 0;
	if ((err = elf_gnu_bloom(img, t, start->bloom_index, &start->bloom_word)) < 0)
		return err;
	start->maybe = (start->bloom_word >> start->bit1 & 1) && (start->bloom_word >> start->bit2 & 1);
	return elf_gnu_bucket(img, t, start->bucket, &start->first);
}

int elf_gnu_step(const struct elf_image *img, const struct elf_gnu_table *t,
		 const char *name, uint32_t h, uint32_t i, uint32_t *word, struct elf_sym *sym)
{
	int err;

	sym->name = "";
	if ((err = elf_gnu_chain(img, t, i, word)) < 0 || (err = elf_symbol(img, i, sym)) < 0)
		return err;
	/* bit 0 of a chain word is the end bit, not the hash's */
	if ((*word | 1) == (h | 1) && same_name(sym->name, name))
		return ELF_GNU_FOUND;
	return *word & 1 ? ELF_GNU_END : ELF_GNU_GO_ON;
}

int elf_sysv_table(const struct elf_image *img, struct elf_sysv_table *t)
{
	if (img->hash == 0)
		return -ELF_ENOTFOUND;
	*t = img->sysv;
	return 0;
}

int elf_sysv_bucket(const struct elf_image *img, const struct elf_sysv_table *t,
		    uint32_t b, uint32_t *first)
{
	if (b >= t->nbucket)
		return -ELF_ERANGE;
	*first = sysv_word(img, t->buckets + (size_t)b * sysv_entry(img));
	return 0;
}

int elf_sysv_chain(const struct elf_image *img, const struct elf_sysv_table *t,
		   uint32_t i, uint32_t *next)
{
	if (i >= t->nchain)
		return -ELF_ERANGE;
	*next = sysv_word(img, t->chains + (size_t)i * sysv_entry(img));
	return 0;
}

int elf_verdef_of(const struct elf_image *img, unsigned index, struct elf_verdef *out)
{
	unsigned k;

	for (k = 0; elf_verdef(img, k, out) == 0; k++)
		if (out->index == index)
			return 0;
	return -ELF_ENOTFOUND;
}
