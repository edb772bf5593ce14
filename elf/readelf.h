/*
 * elf/readelf.h - the face of the readelf layer, over the live core
 * (elf/read.h): what `vdso read` needs to list an image as readelf does,
 * and what a traced lookup shows.  Only the tool and the tests link it;
 * a program that calls the vDSO never does.
 *
 *   elf_read_open   elf_open, and: tables at their run-time addresses in
 *                   an image a loader relocated (elf/readings.c), the
 *                   symbols counted by the .dynsym section (no hash table,
 *                   or ELF_DYNSYM_COUNT), the versions needed from other
 *                   files (elf/verneed.c)
 *   elf_symbol      every symbol, its version needed or defined
 *   sections        elf/sections.c
 *   the hash tables word by word   elf/trace.c
 *
 * The same rules as the core: nothing in the image is trusted.
 */
#ifndef ELF_READELF_H
#define ELF_READELF_H

#include "read.h"

/* Count the symbols as readelf does: by the size of the .dynsym section
 * whose offset is DT_SYMTAB's, when the section headers are sane
 * (elf_sections_check), it names at least as many symbols as the hash
 * tables, and the checks pass for that count too; else by the hash
 * tables.  elf_open's answer is the same either way.  For files: the live
 * vDSO keeps the hash count. */
#define ELF_DYNSYM_COUNT 1u

/*
 * Open an image as elf_open does, and more (above).  accept: as for
 * elf_open; flags: ELF_DYNSYM_COUNT or 0.  Returns 0 or -ELF_E*.
 */
int elf_read_open(struct elf_image *img, const void *bytes, size_t size,
		  struct elf_accept accept, unsigned flags);

/* Symbol at index i (0 .. img->nsyms-1), as `readelf --dyn-syms` lists
 * it: index 0 (the gABI's all-zero STN_UNDEF entry), section symbols,
 * locals and undefined ones included; its version among those the image
 * defines, else among those it needs.  0 or -ELF_E*. */
int elf_symbol(const struct elf_image *img, unsigned i, struct elf_sym *out);

/* A file this image needs versions from (a Verneed entry). */
struct elf_verneed {
	unsigned version;       /* vn_version (1) */
	const char *file;       /* vn_file: the needed file's name */
	unsigned count;         /* vn_cnt: its versions, read with elf_vernaux */
	size_t offset;          /* where the entry is, in bytes */
};

/* Verneed entry i in list order (0 .. verneednum-1).  0 or -ELF_E*. */
int elf_verneed(const struct elf_image *img, unsigned i, struct elf_verneed *out);

/* A version needed from a file (a Vernaux entry). */
struct elf_vernaux {
	const char *name;       /* vna_name */
	uint32_t hash;          /* vna_hash */
	unsigned flags;         /* vna_flags (VER_FLG_WEAK = 2) */
	unsigned other;         /* vna_other: the versym value that names it */
	size_t offset;          /* where the entry is, in bytes */
};

/* Version k (0 .. count-1) needed from the file of Verneed entry i.
 * 0 or -ELF_E*. */
int elf_vernaux(const struct elf_image *img, unsigned i, unsigned k,
		struct elf_vernaux *out);

/* The version an image needs under versym value v (vna_other == v, hidden
 * bit and all, as readelf matches), or NULL; *file: the file it is needed
 * from (if file is not NULL). */
const char *elf_version_needed(const struct elf_image *img, unsigned v, const char **file);

/* ---- elf/sections.c: the rest of the ELF header, the section headers ---- */

/* The ELF header's fields that elf_image does not keep, as stored. */
struct elf_ehdr {
	unsigned type;          /* e_type (ET_DYN = 3) */
	uint64_t entry;         /* e_entry */
	uint32_t flags;         /* e_flags */
	uint64_t shoff;         /* e_shoff */
	unsigned shnum;         /* e_shnum */
	unsigned shentsize;     /* e_shentsize */
	unsigned shstrndx;      /* e_shstrndx: the section name table */
};

/* The ELF header of an opened image; all 0 if there is none. */
void elf_ehdr(const struct elf_image *img, struct elf_ehdr *out);

/* A section header, either class (gABI, "Sections"). */
struct elf_section {
	const char *name;       /* from the section name table, or NULL */
	uint32_t name_offset;   /* sh_name */
	unsigned type;          /* SHT_* */
	uint64_t flags, addr, offset, size;
	unsigned link, info;
	uint64_t entsize;
};

/*
 * Is the section header table sane, checked against the image's size:
 * the table, its entry size, e_shstrndx, each section's bytes and name?
 * NULL if it is, or if there is none (e_shnum and e_shoff 0); else a few
 * words saying what is wrong.  (Sections are optional to a loader, so
 * elf_open does not ask.)
 */
const char *elf_sections_check(const struct elf_image *img);

/* Section header i (0 .. img->shnum-1), named if the name table is sane.
 * 0 or -ELF_ERANGE. */
int elf_section(const struct elf_image *img, unsigned i, struct elf_section *out);

/* ---- elf/trace.c: the hash tables word by word, for a traced lookup ---- */

/*
 * The GNU hash table's header and where its arrays are (offsets into
 * bytes; struct elf_gnu_table above, as elf_open proved it); layout at the
 * top of elf/hash.c.  0, or -ELF_ENOTFOUND if the image has none.
 */
int elf_gnu_table(const struct elf_image *img, struct elf_gnu_table *t);
/* Bloom word n, bucket b, the chain word of symbol i: 0 or -ELF_ERANGE. */
int elf_gnu_bloom(const struct elf_image *img, const struct elf_gnu_table *t,
		  uint32_t n, uint64_t *word);
int elf_gnu_bucket(const struct elf_image *img, const struct elf_gnu_table *t,
		   uint32_t b, uint32_t *first);
int elf_gnu_chain(const struct elf_image *img, const struct elf_gnu_table *t,
		  uint32_t i, uint32_t *word);

/*
 * One GNU-hash lookup traced, a step a call: the walk elf/hash.c makes,
 * with every word it reads handed out, for the programs that show it
 * (demo/lookup.c, `vdso tour 4`), each in its own words.
 *   elf_gnu_first   the name's hash, its bloom word and the two bits
 *                   tested in it, and the bucket's first symbol;
 *   elf_gnu_step    symbol i of the chain: its chain word, the symbol,
 *                   and where the walk goes next.
 */
struct elf_gnu_start {
	uint32_t hash;          /* GNU hash of the name */
	uint32_t bloom_index;   /* (hash / bits) % bloom_size */
	uint64_t bloom_word;
	uint32_t bit1, bit2;    /* hash % bits, (hash >> shift) % bits */
	int maybe;              /* both bits set: the name may be here */
	uint32_t bucket;        /* hash % nbuckets */
	uint32_t first;         /* the chain's first symbol; 0: an empty bucket */
};
int elf_gnu_first(const struct elf_image *img, const struct elf_gnu_table *t,
		  const char *name, struct elf_gnu_start *start);
enum elf_gnu_next {
	ELF_GNU_FOUND,          /* hash and name equal: symbol i is the one */
	ELF_GNU_GO_ON,          /* not it: symbol i + 1 next */
	ELF_GNU_END,            /* not it, and its end bit is set: not here */
};
/* Symbol i of the chain for name (hash h): *word its chain word, *sym the
 * symbol; an enum elf_gnu_next, or -ELF_ERANGE (i outside the chains). */
int elf_gnu_step(const struct elf_image *img, const struct elf_gnu_table *t,
		 const char *name, uint32_t h, uint32_t i, uint32_t *word, struct elf_sym *sym);

/* The traced lookup's last step: the version definition of index (vd_ndx),
 * the first in list order.  0, or -ELF_ENOTFOUND. */
int elf_verdef_of(const struct elf_image *img, unsigned index, struct elf_verdef *out);

/* The SysV hash table (struct elf_sysv_table above): 0, or -ELF_ENOTFOUND. */
int elf_sysv_table(const struct elf_image *img, struct elf_sysv_table *t);
/* Bucket b, the chain entry of symbol i: 0 or -ELF_ERANGE. */
int elf_sysv_bucket(const struct elf_image *img, const struct elf_sysv_table *t,
		    uint32_t b, uint32_t *first);
int elf_sysv_chain(const struct elf_image *img, const struct elf_sysv_table *t,
		   uint32_t i, uint32_t *next);

#endif
