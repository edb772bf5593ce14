/*
 * elf/bounded.h - how the reader touches the image: bounded, byte by byte.
 *
 * Internal to elf/.  Three rules live here, so the rest can rely on them:
 *
 *  1. Every access is checked first.  in_range() and in_array() say
 *     whether a record or an array lies inside bytes[0 .. size).  They
 *     are written so that no sum can overflow: "off + len <= size" would
 *     wrap for a huge off, "len <= size - off" after "off <= size" cannot.
 *
 *  2. Multi-byte fields are read one byte at a time, little-endian.  An
 *     image read from a file may sit at any address, and a uint32_t load
 *     from an odd address is undefined behaviour in C (UBSan reports it).
 *     Compilers turn these loops into plain loads where that is allowed.
 *
 *  3. One code path for both classes.  FIELD() gives a field's offset in
 *     the record of the image's class, and get_word() reads a field that is
 *     32 bits in ELF32 and 64 bits in ELF64 (addresses, offsets, sizes).
 */
#ifndef ELF_BOUNDED_H
#define ELF_BOUNDED_H

#include <stddef.h>
#include <stdint.h>
#include "read.h"
#include "elf.h"

/* Offset of field f in the Elf32_T or Elf64_T record of img's class. */
#define FIELD(img, T, f) \
	((img)->elf_class == 64 ? offsetof(Elf64_##T, f) : offsetof(Elf32_##T, f))

/* Size of the Elf32_T or Elf64_T record of img's class. */
#define RECORD(img, T) \
	((img)->elf_class == 64 ? sizeof(Elf64_##T) : sizeof(Elf32_##T))

static inline uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* An address, offset or size: Elf32_Addr/Off/Word or Elf64_Addr/Off/Xword. */
static inline uint64_t get_word(const struct elf_image *img, const unsigned char *p)
{
	return img->elf_class == 64 ? get64(p) : get32(p);
}

/* Do len bytes at offset off lie inside the image? */
static inline int in_range(const struct elf_image *img, uint64_t off, uint64_t len)
{
	return off <= img->size && len <= img->size - off;
}

/*
 * Do count records of elsize bytes at offset off lie inside the image?
 * The division is on size_t, which is 32 bits on i386: no libgcc helper
 * (__udivdi3) is needed there.
 */
static inline int in_array(const struct elf_image *img, uint64_t off,
			   uint64_t count, size_t elsize)
{
	return off <= img->size && elsize != 0 &&
	       count <= (img->size - (size_t)off) / elsize;
}

/* The class-independent view of a symbol table entry (gABI "Symbol Table"). */
struct elf_rawsym {
	uint32_t name;          /* st_name: offset into the string table */
	unsigned char info;     /* st_info: bind << 4 | type */
	unsigned char other;    /* st_other: visibility */
	uint16_t shndx;         /* st_shndx */
	uint64_t value;         /* st_value */
	uint64_t size;          /* st_size */
};

/* read.c */

/* Symbol i of the dynamic symbol table; i < img->nsyms.  0 or -ELF_E*. */
int elf_read_sym(const struct elf_image *img, unsigned i, struct elf_rawsym *out);

/*
 * The NUL-terminated string at offset idx of the dynamic string table, or
 * NULL if idx is outside the table or the string runs past its end.
 */
const char *elf_string(const struct elf_image *img, uint64_t idx);

/* Is the string at offset idx of the string table equal to name?  Bounded:
 * it never reads past the table, whatever the image holds. */
int elf_string_is(const struct elf_image *img, uint64_t idx, const char *name);

/* address.c: the d_ptr entries the reader uses, and their translation. */

enum dyn_table { TAB_STRTAB, TAB_SYMTAB, TAB_HASH, TAB_GNU_HASH, TAB_VERSYM,
		 TAB_VERDEF, TAB_VERNEED, TAB_COUNT };

struct dyn_ptrs {
	uint64_t value[TAB_COUNT];      /* d_ptr, as the table holds it */
	unsigned seen;                  /* bit 1 << TAB_* for each present */
};

/* Set img->strtab, symtab, hash, gnu_hash, versym, verdef, verneed and relocated
 * from the d_ptr values; img->strsz must be set.  0 or -ELF_E*. */
int dyn_translate(struct elf_image *img, const struct dyn_ptrs *d);

/* hash.c: the symbol count from the hash tables, and the chain walks. */

int hash_check(struct elf_image *img);  /* validates, sets img->nsyms */

/*
 * A walk over the candidates for one name: the symbols of its GNU hash
 * chain whose hash matches, or of its SysV chain, or (no hash table) every
 * symbol.  Start with hash_walk_start, then call hash_walk_next until it
 * returns 0 (no more) or an error; each 1 leaves a candidate in 'index'.
 * The caller still compares the name: hashes collide.
 */
struct hash_walk {
	int kind;               /* which table: see hash.c */
	uint32_t hash;          /* the name's hash for that table */
	size_t chains;          /* offset of the table's chain array */
	uint32_t symoffset;     /* GNU: the symbol index of chain[0] */
	uint32_t next;          /* the next symbol index to look at */
	uint32_t steps;         /* SysV: links followed, bounded by nchain */
	int done;               /* the chain has ended */
	unsigned index;         /* out: the current candidate */
};

int hash_walk_start(const struct elf_image *img, const char *name,
		    struct hash_walk *w);   /* 0 or -ELF_E* */
int hash_walk_next(const struct elf_image *img, struct hash_walk *w);

/* version.c */

/*
 * The most version definitions (DT_VERDEFNUM) an image may have.  The list
 * is linked (vd_next), so finding a symbol's version walks it: a listing
 * of n symbols costs n times its length, and elf_verdef(i) walks i
 * entries.  Unbounded, a hostile file of 64 MiB with
 * millions of symbols and of definitions takes hours.  A vDSO has one to
 * three versions; the largest libraries have a few dozen (libstdc++ 48,
 * libnss3 63, in Debian 12).
 */
#define VERDEF_MAX 256

/*
 * The most needed versions (Vernaux entries, in all files) an image may
 * have, and so the most Verneed entries too.  Each undefined symbol listed
 * walks them.  In Debian 12 the most are 44, in 9 files (libLLVM-15).
 */
#define VERNEED_MAX 256

int version_check(const struct elf_image *img);  /* validates both lists, whole */

/*
 * The name of version definition 'index' (vd_ndx, without the hidden bit;
 * base definitions excluded), its vd_hash in *hash; NULL if none.
 */
const char *version_name(const struct elf_image *img, unsigned index, uint32_t *hash);

/* The versym entry of symbol i (0 if there is no DT_VERSYM). */
unsigned version_of(const struct elf_image *img, unsigned i);

/* header.c: the ELF header, shared by elf_open and elf_extent
 * (img->bytes and img->size set; flags as for elf_open). */
int elf_read_header(struct elf_image *img, unsigned want);

#endif
