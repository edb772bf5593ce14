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
 *  2. Multi-byte fields are read one byte at a time, in the image's byte
 *     order (little- or big-endian, EI_DATA; get16() and friends).  An
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

/*
 * The class and byte order of img.  A program that reads only its own
 * vDSO is built with ELF_NATIVE_CLASS set to its arch's class (the
 * Makefile does it for the lessons): then every "which class?" and
 * "which byte order?" below is a constant (the order is the machine's
 * own), the compiler drops the other half of the reader, and
 * elf_read_header refuses an image of the other class or order.  The
 * tool, the tests and the fuzzer read both classes in both orders.
 */
#ifdef ELF_NATIVE_CLASS
#define CLASS(img) ((void)(img), ELF_NATIVE_CLASS)
#define BIG_ENDIAN_IMAGE(img) ((void)(img), __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
#else
#define CLASS(img) ((img)->elf_class)
#define BIG_ENDIAN_IMAGE(img) ((img)->big_endian)
#endif

/* Offset of field f in the Elf32_T or Elf64_T record of img's class. */
#define FIELD(img, T, f) \
	(CLASS(img) == 64 ? offsetof(Elf64_##T, f) : offsetof(Elf32_##T, f))

/* Size of the Elf32_T or Elf64_T record of img's class. */
#define RECORD(img, T) \
	(CLASS(img) == 64 ? sizeof(Elf64_##T) : sizeof(Elf32_##T))

/* A field of 2, 4 or 8 bytes at p, in img's byte order (EI_DATA):
 * ELFDATA2LSB, least significant byte first, or ELFDATA2MSB. */
static inline uint16_t get16(const struct elf_image *img, const unsigned char *p)
{
	return BIG_ENDIAN_IMAGE(img) ? (uint16_t)(p[0] << 8 | p[1])
				     : (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t get32(const struct elf_image *img, const unsigned char *p)
{
	if (BIG_ENDIAN_IMAGE(img))
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | (uint32_t)p[3];
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t get64(const struct elf_image *img, const unsigned char *p)
{
	uint64_t first = get32(img, p), second = get32(img, p + 4);

	return BIG_ENDIAN_IMAGE(img) ? first << 32 | second : second << 32 | first;
}

/* An address, offset or size: Elf32_Addr/Off/Word or Elf64_Addr/Off/Xword. */
static inline uint64_t get_word(const struct elf_image *img, const unsigned char *p)
{
	return CLASS(img) == 64 ? get64(img, p) : get32(img, p);
}

/*
 * The SysV hash table (DT_HASH) of 64-bit s390x and Alpha images is made
 * of 8-byte entries, where the gABI says 4: their ABIs made it an Elf64
 * word (readelf and the kernel's tools/testing/selftests/vDSO/parse_vdso.c
 * know it too).  Entry at off: a value that does not fit in 32 bits reads
 * as UINT32_MAX, beyond every count and index, so it is refused as such.
 */
static inline size_t sysv_entry(const struct elf_image *img)
{
	return CLASS(img) == 64 && (img->machine == EM_S390 || img->machine == EM_ALPHA) ? 8 : 4;
}

static inline uint32_t sysv_word(const struct elf_image *img, size_t off)
{
	uint64_t v;

	if (sysv_entry(img) == 4)
		return get32(img, img->bytes + off);
	v = get64(img, img->bytes + off);
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Do len bytes at offset off lie inside the image? */
static inline int in_range(const struct elf_image *img, uint64_t off, uint64_t len)
{
	size_t size = img->size;

	/* once off <= size, off fits in a size_t: the subtraction is one
	 * word wide on i386 too */
	return off <= size && len <= size - (size_t)off;
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

/*
 * Is the string at offset idx of the string table equal to name, of len
 * bytes (strlen)?  Bounded:
 * it never reads past the table, whatever the image holds.  Both rely on
 * what elf_open proved (address.c, looks_like): the table lies in the
 * bytes and its last byte is NUL, so every string that starts inside it
 * ends inside it.
 */
int elf_string_is(const struct elf_image *img, uint64_t idx, const char *name, size_t len);

/* address.c: the d_ptr entries the reader uses, and their translation.
 * DT_VERNEED, last, is the readelf layer's only. */

enum dyn_table { TAB_STRTAB, TAB_SYMTAB, TAB_HASH, TAB_GNU_HASH, TAB_VERSYM,
		 TAB_VERDEF, TAB_VERNEED, TAB_COUNT };

struct dyn_ptrs {
	uint64_t value[TAB_COUNT];      /* d_ptr, as the table holds it */
	unsigned seen;                  /* bit 1 << TAB_* for each present */
	uint64_t verneednum;            /* DT_VERNEEDNUM, as stored (0: none) */
};

/* The error code of a table that is not where it should be, and the
 * elf_image field that keeps its offset. */
extern const int dyn_table_error[TAB_COUNT];
size_t *dyn_table_offset(struct elf_image *img, enum dyn_table t);

/* The offset of a link-time address, through the PT_LOAD whose file part
 * holds it: 1, or 0 if none does. */
int dyn_vaddr_offset(const struct elf_image *img, uint64_t vaddr, size_t *off);

/* Do the bytes at off look like table t (the gABI's and the LSB's
 * promises for it, e.g. a string table starts and ends with NUL)? */
int table_looks_like(const struct elf_image *img, enum dyn_table t, size_t off);

/* Set the offsets of the first ntables tables (of those present) from
 * their link-time addresses; img->strsz must be set.  0 or -ELF_E*. */
int dyn_at_link_time(struct elf_image *img, const struct dyn_ptrs *d, int ntables);

/* open.c: the steps of elf_open that the readelf layer shares. */

/* Every field of img cleared, bytes and size set. */
void image_clear(struct elf_image *img, const void *bytes, size_t size);

/* The ELF header, the program headers and the dynamic table: img's
 * headers, strsz, soname, verdefnum and dynnum set, and d filled.
 * 0 or -ELF_E*. */
int open_dynamic(struct elf_image *img, const void *bytes, size_t size, struct elf_accept accept,
		 struct dyn_ptrs *d);

/* With the tables' offsets set: the tables checked, the hash tables read
 * and the symbols counted (counted: img->nsyms is already the count,
 * for an image without a hash table), the symbol and versym arrays and
 * the version definitions checked.  0 or -ELF_E*. */
int open_tables(struct elf_image *img, const struct dyn_ptrs *d, int counted);

/* readings.c (the readelf layer): the offsets of all the tables, each
 * where its link-time address says or, for an image a loader relocated,
 * its run-time address.  0 or -ELF_E*. */
int dyn_translate(struct elf_image *img, const struct dyn_ptrs *d);

/* hash.c: the symbol count from the hash tables, and the chain walks. */

int hash_check(struct elf_image *img, int counted);  /* validates, sets img->nsyms */

/*
 * The candidates for one name: the symbols of its GNU hash chain whose
 * hash matches, or of its SysV chain, or (no hash table) every symbol, in
 * chain order.  hash_candidates calls match(img, index, ctx) on each
 * until one returns non-zero; it returns that, 0 when the chain ends, or
 * -ELF_E* for a broken chain.  Hashes collide: match still compares the
 * name.  name->gnu_hash is used if there is a GNU table.
 * Every index passed to match is below img->nsyms.
 */
typedef int hash_match_fn(const struct elf_image *img, unsigned index, void *ctx);
int hash_candidates(const struct elf_image *img, const struct elf_name *name,
		    hash_match_fn *match, void *ctx);

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
 * have (the readelf layer's: elf/verneed.c), and so the most Verneed entries too.  Each undefined symbol listed
 * walks them.  In Debian 12 the most are 44, in 9 files (libLLVM-15).
 */
#define VERNEED_MAX 256

int verdef_check(const struct elf_image *img);   /* validates DT_VERDEF, whole */
int verneed_check(const struct elf_image *img);  /* DT_VERNEED (verneed.c) */

/*
 * The name of version definition 'index' (vd_ndx, without the hidden bit;
 * base definitions excluded), its vd_hash in *hash; NULL if none.
 */
const char *version_name(const struct elf_image *img, unsigned index, uint32_t *hash);

/* The versym entry of symbol i (0 if there is no DT_VERSYM). */
unsigned version_of(const struct elf_image *img, unsigned i);

/* symbol.c: symbol i (below nsyms) decoded, its version among those the
 * image defines only (elf_symbol adds the needed ones).  0 or -ELF_E*. */
int symbol_read(const struct elf_image *img, unsigned i, struct elf_sym *out);

/* header.c: the ELF header, shared by elf_open and elf_extent
 * (img->bytes and img->size set; accept as for elf_open). */
int elf_read_header(struct elf_image *img, struct elf_accept accept);

#endif
