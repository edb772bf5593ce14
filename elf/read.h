/*
 * elf/read.h - the face of the ELF reader: its live core.
 *
 * The reader works on a byte range it is given: the live vDSO the kernel
 * mapped into this process, or the bytes of an image file.  It trusts none
 * of them: every offset, index, count and string is checked against the
 * range before it is used, and every walk is bounded.  A broken image gets
 * an error code, never a read outside the range, a loop or a crash.
 *
 * It reads both ELF classes, in either byte order, on any arch, so it
 * uses only <stddef.h> and <stdint.h>, and builds freestanding (the runtime) and hosted (the tests
 * and the fuzzer) alike.
 *
 * The core is what a program that calls the vDSO links: the ELF header,
 * the segments, the dynamic table, the hash tables, the version
 * definitions and the lookup, the path of the kernel's reference parser
 * (tools/testing/selftests/vDSO/parse_vdso.c) with every value checked.
 * What only `vdso read` needs (sections, needed versions, readelf's
 * symbol count, relocated images, the traced lookup) is the readelf
 * layer: elf/readelf.h.
 *
 * Reading: the ELF gABI ("Object Files", "Dynamic Linking"), the LSB's
 * "Symbol Versioning" chapter, and the GNU hash section as binutils and
 * glibc define it.
 */
#ifndef ELF_READ_H
#define ELF_READ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Errors: elf_* functions return 0 or one of these, negated.  One list
 * gives the code, its name and its message (elf/error.c), so the three
 * cannot drift apart.
 */
#define ELF_ERRORS(X) \
	X(ENOTELF,   "not an ELF file (no magic)") \
	X(ECLASS,    "ELF class, data encoding or machine not accepted") \
	X(ETYPE,     "not a shared object (ET_DYN)") \
	X(EHEADER,   "ELF header malformed") \
	X(EPHDR,     "program headers out of range or malformed") \
	X(ENOLOAD,   "no PT_LOAD segment") \
	X(ENODYNAMIC, "no PT_DYNAMIC segment, or it is out of range") \
	X(EDYNAMIC,  "dynamic table malformed or missing an entry") \
	X(ESTRTAB,   "string table out of range") \
	X(ESYMTAB,   "symbol table out of range") \
	X(EHASH,     "SysV hash table malformed") \
	X(EGNUHASH,  "GNU hash table malformed") \
	X(EVERSYM,   "symbol versions (DT_VERSYM) out of range") \
	X(EVERDEF,   "version definitions (DT_VERDEF) malformed, or over 256") \
	X(ESHDR,     "no hash table, and no usable section headers") \
	X(ENOTFOUND, "symbol not found") \
	X(ERANGE,    "index out of range") \
	X(EVERNEED,  "needed versions (DT_VERNEED) malformed")

#define ELF_ERROR_CODE(name, message) ELF_##name,
enum elf_error { ELF_OK, ELF_ERRORS(ELF_ERROR_CODE) ELF_NERRORS };
#undef ELF_ERROR_CODE

/* The message and the name ("ENOTELF") of an error code, either sign. */
const char *elf_strerror(int err);
const char *elf_error_name(int err);

/*
 * What an open accepts: an image of either class, either byte order and
 * any machine (a file: ELF_ACCEPT_ANY), or of one class and one machine
 * in this machine's byte order (the live vDSO: the arch's own,
 * ELF_ACCEPT(ARCH_ELF_CLASS, ARCH_ELF_MACHINE)).
 */
struct elf_accept {
	int elf_class;          /* 32 or 64; 0: either class, any machine */
	unsigned machine;       /* e_machine (EM_386, EM_X86_64, ...) */
};
#define ELF_ACCEPT(elf_class, machine) ((struct elf_accept){ (elf_class), (machine) })
#define ELF_ACCEPT_ANY ELF_ACCEPT(0, 0)
/* The PT_LOAD segments elf_open keeps decoded: a vDSO has one, a shared
 * library two to four; an image with more is read through its headers. */
#define ELF_LOADS_CACHED 4

/*
 * An opened image.  All offsets are offsets into bytes[0 .. size).
 * Fill it with elf_open (or elf_read_open, elf/readelf.h); read it only
 * through the functions below.
 */
struct elf_image {
	const unsigned char *bytes;
	size_t size;
	int elf_class;          /* 32 or 64 */
	int big_endian;         /* EI_DATA is ELFDATA2MSB */
	unsigned machine;       /* e_machine */
	uint64_t load_vaddr;    /* p_vaddr of the first PT_LOAD */
	uint64_t load_offset;   /* p_offset of the first PT_LOAD */
	/* bias: runtime address = bias + st_value, for an image in memory */
	uintptr_t bias;
	/* dynamic table, as offsets into bytes (0 = absent) */
	size_t strtab, strsz;
	size_t symtab, syment;
	size_t hash;            /* DT_HASH */
	size_t gnu_hash;        /* DT_GNU_HASH */
	size_t versym;          /* DT_VERSYM */
	size_t verdef;          /* DT_VERDEF */
	unsigned verdefnum;     /* DT_VERDEFNUM */
	size_t verneed;         /* DT_VERNEED */
	unsigned verneednum;    /* DT_VERNEEDNUM (both 0 after elf_open) */
	size_t soname;          /* DT_SONAME: offset into the string table; (size_t)-1 absent */
	unsigned nsyms;         /* number of dynamic symbols, from the hash tables
				 * (or .dynsym's size: elf/readelf.h) */
	unsigned hash_nsyms;    /* the count the hash tables give (the .dynsym
				 * section's if there is no hash table) */
	/* where the headers are, as offsets into bytes */
	size_t phoff;           /* program headers: phnum entries */
	unsigned phnum;
	size_t shoff;           /* section headers: shnum entries; both 0 if absent */
	unsigned shnum;         /*   or out of range (they are optional) */
	size_t dynamic;         /* the dynamic table (PT_DYNAMIC) */
	unsigned dynnum;        /* its entries, up to and including DT_NULL */
	/*
	 * How many d_ptr entries held run-time addresses rather than link-time
	 * ones: a loader relocated the dynamic table in place (glibc does this
	 * to the libraries it loads).  See elf/address.c.
	 */
	unsigned relocated;
	/*
	 * What elf_open decoded and proved once, so that a lookup neither
	 * decodes nor checks it again.  Read only by elf/.
	 */
	unsigned nloads;        /* PT_LOADs in loads[]; 0: more than fit, or none */
	struct elf_load {
		uint64_t vaddr, offset, filesz;         /* file part in bytes */
	} loads[ELF_LOADS_CACHED];
	struct elf_gnu_table {  /* DT_GNU_HASH, its arrays in range */
		uint32_t nbuckets, symoffset, bloom_size, bloom_shift;
		unsigned bloom_bits;    /* bits in a bloom word: 32 or 64 */
		uint32_t count;         /* chain words symoffset .. count-1 in range */
		size_t bloom, buckets, chains;  /* offsets of the arrays */
	} gnu;
	struct elf_sysv_table { /* DT_HASH, its arrays in range */
		uint32_t nbucket, nchain;
		size_t buckets, chains;
	} sysv;
};

/*
 * Open size bytes at 'bytes' as an ELF shared object of a class and
 * machine it accepts (above), each table at its link-time address
 * (a file, the kernel's vDSO, QEMU's), with a hash table.  Returns 0 or
 * -ELF_E*.  The versions needed from other files (DT_VERNEED) are left
 * unread: elf_read_open reads them.
 */
int elf_open(struct elf_image *img, const void *bytes, size_t size, struct elf_accept accept);

/*
 * The extent of an image mapped in memory at ehdr, from its own headers:
 * the largest end of a PT_LOAD (p_offset + p_filesz) and of the section
 * header table, rounded up to page.  It reads only the ELF header and the
 * program headers, and only if they lie within the first 'first' bytes
 * (the part known to be mapped, e.g. one page).  Returns 0 if the headers
 * are not sane.
 */
size_t elf_extent(const void *ehdr, size_t first, size_t page);

/* A symbol, as the reader reports it. */
struct elf_sym {
	unsigned index;         /* index in the dynamic symbol table */
	const char *name;       /* NUL-terminated, inside the image */
	const char *version;    /* version name, or NULL if none */
	int version_hidden;     /* versym had bit 0x8000 (shown as name@ver, not @@) */
	int version_needed;     /* the version is one needed from another file
				 * (DT_VERNEED; readelf: name@ver (n)), not one
				 * this image defines (elf_symbol only) */
	unsigned version_index; /* versym index without the hidden bit; 0 local, 1 global
				 * (also when the image has no DT_VERSYM) */
	uint64_t value;         /* st_value */
	uint64_t size;          /* st_size */
	unsigned type;          /* STT_* */
	unsigned bind;          /* STB_* */
	unsigned visibility;    /* STV_* */
	unsigned shndx;         /* st_shndx */
	uintptr_t addr;         /* bias + value: meaningful for an image in memory */
};

/*
 * Look up a defined STT_FUNC or STT_NOTYPE symbol of global or weak binding
 * by name and version (version NULL: any version), its version named if
 * the image defines it.  Uses the GNU hash table
 * (bloom filter, buckets, chains), else the SysV hash table, else a bounded
 * linear scan.  Returns 0 and fills out, -ELF_ENOTFOUND, or another
 * -ELF_E* for a broken image.
 */
int elf_lookup(const struct elf_image *img, const char *name,
		const char *version, struct elf_sym *out);

/*
 * Resolving many functions of one version (vdso_init): the version's index,
 * found once, then each function's address, without the full struct
 * elf_sym.  The same rules and the same answers as elf_lookup.
 *
 * elf_version_index: ELF_VERSION_DEFAULT for version NULL (any version, the
 * default one preferred), ELF_VERSION_UNCHECKED if the image has no
 * DT_VERSYM (the name alone decides), VER_NDX_GLOBAL if it has one but no
 * definitions (only global symbols answer), else the version's index
 * (vd_ndx), or -ELF_ENOTFOUND if the image does not define it.
 */
#define ELF_VERSION_DEFAULT (-1)
#define ELF_VERSION_UNCHECKED (-2)
/* hash: elf_sysv_hash(version), the caller's (vdso/hashes.awk) */
int elf_version_index(const struct elf_image *img, const char *version, uint32_t hash);

/*
 * A name with what a lookup needs of it, which the caller may compute once
 * for all, even when the program is built (vdso/hashes.awk): its length
 * (strlen) and its GNU hash (elf_gnu_hash).
 */
struct elf_name {
	const char *name;
	size_t len;
	uint32_t gnu_hash;
};

/* The run-time address (bias + st_value) of name at version_index; 0 or
 * -ELF_E* (-ELF_ENOTFOUND for a version_index that is one). */
int elf_lookup_address(const struct elf_image *img, const struct elf_name *name,
		       int version_index, uintptr_t *addr);

/* A program header (segment), either class. */
struct elf_segment {
	unsigned type;          /* PT_* */
	unsigned flags;         /* PF_X 1, PF_W 2, PF_R 4 */
	uint64_t offset, vaddr, filesz, memsz, align;
};

/* Program header i (0 .. img->phnum-1).  0 or -ELF_E*. */
int elf_segment(const struct elf_image *img, unsigned i, struct elf_segment *out);

/* A dynamic table entry, either class. */
struct elf_dynamic {
	int64_t tag;            /* DT_* */
	uint64_t value;         /* d_val or d_ptr, as stored */
};

/* Dynamic entry i (0 .. img->dynnum-1; the last is DT_NULL).  0 or -ELF_E*. */
int elf_dynamic(const struct elf_image *img, unsigned i, struct elf_dynamic *out);

/* The soname, or NULL. */
const char *elf_soname(const struct elf_image *img);

/* A version definition (Verdef entry). */
struct elf_verdef {
	unsigned index;         /* vd_ndx */
	unsigned flags;         /* vd_flags (VER_FLG_BASE = 1) */
	uint32_t hash;          /* vd_hash */
	unsigned count;         /* vd_cnt */
	const char *name;       /* first Verdaux name */
	size_t offset;          /* where the entry is, in bytes */
};

/* Version definition number i in list order (0 .. verdefnum-1). */
int elf_verdef(const struct elf_image *img, unsigned i, struct elf_verdef *out);

/*
 * Name k (0 .. count-1) of version definition i: k = 0 is its own name,
 * the others name its parents.  *offset: where that Verdaux is.  Bounded by
 * vd_cnt, which elf_open checked is at most VERDEF_MAX.  0 or -ELF_E*.
 */
int elf_verdaux(const struct elf_image *img, unsigned i, unsigned k,
		const char **name, size_t *offset);

/* The versym entry of symbol i (0 .. nsyms-1), hidden bit included;
 * VER_NDX_GLOBAL (1) if the image has no DT_VERSYM or i is out of range. */
unsigned elf_versym(const struct elf_image *img, unsigned i);

/* The version an image defines under versym value v (its index, without the
 * hidden bit; base definitions excluded), or NULL. */
const char *elf_version_defined(const struct elf_image *img, unsigned v);

/* The string at offset off of the dynamic string table (DT_NEEDED,
 * DT_RPATH... values), or NULL if off is outside it. */
const char *elf_string_at(const struct elf_image *img, uint64_t off);

/* The two hash functions, for tests and tables. */
uint32_t elf_sysv_hash(const char *name);
uint32_t elf_gnu_hash(const char *name);

#endif
