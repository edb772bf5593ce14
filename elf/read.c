/*
 * elf/read.c - reading symbols and strings, bounded.
 *
 * The two places where the image's bytes become C values that the rest of
 * the reader uses: a symbol table entry and a string.  Both re-check their
 * range, so a caller cannot read past the image even with an index that
 * elf_open did not see.
 */
#include "bounded.h"

int elf_read_sym(const struct elf_image *img, unsigned i, struct elf_rawsym *out)
{
	uint64_t off = (uint64_t)img->symtab + (uint64_t)i * img->syment;
	const unsigned char *p;

	if (i >= img->nsyms || !in_range(img, off, img->syment))
		return -ELF_ESYMTAB;
	p = img->bytes + (size_t)off;
	out->name = get32(img, p + FIELD(img, Sym, st_name));
	out->info = p[FIELD(img, Sym, st_info)];
	out->other = p[FIELD(img, Sym, st_other)];
	out->shndx = get16(img, p + FIELD(img, Sym, st_shndx));
	out->value = get_word(img, p + FIELD(img, Sym, st_value));
	out->size = get_word(img, p + FIELD(img, Sym, st_size));
	return 0;
}

/*
 * gABI, "String Table": strings are NUL-terminated and referenced by their
 * offset in the table.  An image may hold an offset past the table or a
 * last string without its NUL; either would lead a plain C string function
 * out of the image, so both are refused here.
 *
 * Without a scan: the table's last byte is NUL (elf_open took the table
 * only if it is: address.c, looks_like), so every string that starts
 * inside it ends inside it.  A scan would cost the string's length at each
 * call, and a hostile image can point thousands of names at one string of
 * megabytes: the walks that read names (version.c) would then take hours.
 */
const char *elf_string(const struct elf_image *img, uint64_t idx)
{
	/* strsz is 0 in an image elf_open refused */
	if (idx >= img->strsz)
		return NULL;
	return (const char *)img->bytes + img->strtab + (size_t)idx;
}

/*
 * Eight bytes at a time where there are eight, the last eight overlapping
 * the ones before (a name is 5 to 30 bytes): a third of the instructions
 * of a byte loop.  Loads through memcpy, which compilers make plain loads:
 * a string may sit at any address.
 */
static int bytes_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
	uint64_t x, y;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			if (a[i] != b[i])
				return 0;
		return 1;
	}
	for (i = 0; i + 8 < n; i += 8) {
		__builtin_memcpy(&x, a + i, 8);
		__builtin_memcpy(&y, b + i, 8);
		if (x != y)
			return 0;
	}
	__builtin_memcpy(&x, a + n - 8, 8);
	__builtin_memcpy(&y, b + n - 8, 8);
	return x == y;
}

int elf_string_is(const struct elf_image *img, uint64_t idx, const char *name, size_t len)
{
	/* len + 1 bytes, the NUL too, inside the table */
	if (idx >= img->strsz || len >= img->strsz - (size_t)idx)
		return 0;
	return bytes_equal(img->bytes + img->strtab + (size_t)idx,
			   (const unsigned char *)name, len + 1);
}
