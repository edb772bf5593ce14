/*
 * elf/elf.h - the ELF types and constants the reader needs, written here
 * from the specifications rather than taken from <elf.h>, which a
 * freestanding build does not have.
 *
 * Sources: the System V ABI, "Object Files" and "Dynamic Linking" chapters
 * (the gABI); the LSB Core specification, "Symbol Versioning"; for
 * DT_GNU_HASH, the GNU toolchain (binutils and glibc define the section;
 * there is no formal standard).
 *
 * The structs below are never laid over the image: the image may be
 * unaligned and is read byte by byte (see read.h).  They serve as the
 * record layouts: sizeof() gives a record's size and offsetof() a field's
 * place, so the reader names every field as the gABI does.
 */
#ifndef ELF_ELF_H
#define ELF_ELF_H

#include <stdint.h>

/* gABI, "Data Representation". */
typedef uint32_t Elf32_Addr;
typedef uint32_t Elf32_Off;
typedef uint16_t Elf32_Half;
typedef uint32_t Elf32_Word;
typedef int32_t Elf32_Sword;

typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;
typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef int32_t Elf64_Sword;
typedef uint64_t Elf64_Xword;
typedef int64_t Elf64_Sxword;

/* gABI, "ELF Header". */
#define EI_NIDENT 16

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;
	Elf32_Off e_phoff;
	Elf32_Off e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off e_phoff;
	Elf64_Off e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

/* e_ident[] indexes and values. */
#define EI_MAG0 0               /* 0x7f 'E' 'L' 'F' */
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define ELFCLASS32 1
#define ELFCLASS64 2
#define ELFDATA2LSB 1           /* little-endian */
#define ELFDATA2MSB 2           /* big-endian */
#define EV_CURRENT 1

#define ET_DYN 3                /* shared object: what a vDSO is */
#define EM_386 3
#define EM_MIPS 8
#define EM_PPC 20
#define EM_PPC64 21
#define EM_ARM 40
#define EM_AARCH64 183
#define EM_RISCV 243
#define EM_X86_64 62
#define EM_S390 22
#define EM_ALPHA 0x9026         /* as binutils numbers it */
#define SHT_GNU_HASH 0x6ffffff6     /* section types of the GNU extensions */
#define SHT_GNU_VERDEF 0x6ffffffd
#define SHT_GNU_VERNEED 0x6ffffffe
#define SHT_GNU_VERSYM 0x6fffffff

/* gABI, "Program Header". */
typedef struct {
	Elf32_Word p_type;
	Elf32_Off p_offset;
	Elf32_Addr p_vaddr;
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

typedef struct {                /* note: p_flags moves up in ELF64 */
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_GNU_EH_FRAME 0x6474e550      /* the GNU extensions (binutils' include/elf/common.h) */
#define PT_GNU_STACK 0x6474e551
#define PT_GNU_RELRO 0x6474e552
#define PT_GNU_PROPERTY 0x6474e553
#define PN_XNUM 0xffff          /* e_phnum escape for extended numbering */

/* gABI, "Sections". */
typedef struct {
	Elf32_Word sh_name;
	Elf32_Word sh_type;
	Elf32_Word sh_flags;
	Elf32_Addr sh_addr;
	Elf32_Off sh_offset;
	Elf32_Word sh_size;
	Elf32_Word sh_link;
	Elf32_Word sh_info;
	Elf32_Word sh_addralign;
	Elf32_Word sh_entsize;
} Elf32_Shdr;

typedef struct {
	Elf64_Word sh_name;
	Elf64_Word sh_type;
	Elf64_Xword sh_flags;
	Elf64_Addr sh_addr;
	Elf64_Off sh_offset;
	Elf64_Xword sh_size;
	Elf64_Word sh_link;
	Elf64_Word sh_info;
	Elf64_Xword sh_addralign;
	Elf64_Xword sh_entsize;
} Elf64_Shdr;

#define SHT_DYNSYM 11
#define SHN_UNDEF 0
#define SHN_ABS 0xfff1          /* gABI: an absolute value, not relocated */
#define SHN_COMMON 0xfff2       /* gABI: a common block, not yet allocated */

/* gABI, "Symbol Table". */
typedef struct {
	Elf32_Word st_name;
	Elf32_Addr st_value;
	Elf32_Word st_size;
	unsigned char st_info;
	unsigned char st_other;
	Elf32_Half st_shndx;
} Elf32_Sym;

typedef struct {                /* note: the fields are reordered in ELF64 */
	Elf64_Word st_name;
	unsigned char st_info;
	unsigned char st_other;
	Elf64_Half st_shndx;
	Elf64_Addr st_value;
	Elf64_Xword st_size;
} Elf64_Sym;

#define ELF_ST_BIND(info) ((info) >> 4)
#define ELF_ST_TYPE(info) ((info) & 0xf)
#define ELF_ST_VISIBILITY(other) ((other) & 0x3)

#define STB_LOCAL 0
#define STB_GLOBAL 1
#define STB_WEAK 2
#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3

/* gABI, "Dynamic Section".  d_tag is signed, d_un is d_val or d_ptr. */
typedef struct {
	Elf32_Sword d_tag;
	Elf32_Word d_val;
} Elf32_Dyn;

typedef struct {
	Elf64_Sxword d_tag;
	Elf64_Xword d_val;
} Elf64_Dyn;

#define DT_NULL 0               /* ends the table */
#define DT_HASH 4               /* d_ptr: SysV hash table */
#define DT_STRTAB 5             /* d_ptr: string table */
#define DT_SYMTAB 6             /* d_ptr: symbol table */
#define DT_STRSZ 10             /* d_val: string table size */
#define DT_SYMENT 11            /* d_val: symbol entry size */
#define DT_SONAME 14            /* d_val: offset of the soname in strtab */
#define DT_GNU_HASH 0x6ffffef5  /* d_ptr: GNU hash table (GNU extension) */
#define DT_VERSYM 0x6ffffff0    /* d_ptr: symbol version index array (LSB) */
#define DT_VERDEF 0x6ffffffc    /* d_ptr: version definitions (LSB) */
#define DT_VERDEFNUM 0x6ffffffd /* d_val: number of version definitions */
#define DT_VERNEED 0x6ffffffe   /* d_ptr: versions needed from other files (LSB) */
#define DT_VERNEEDNUM 0x6fffffff /* d_val: number of Verneed entries */
/* The other dynamic tags, for naming them (gABI "Dynamic Section"; the
 * GNU and Solaris ones as binutils' include/elf/common.h has them). */
#define DT_NEEDED 1
#define DT_PLTRELSZ 2
#define DT_PLTGOT 3
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_RELAENT 9
#define DT_INIT 12
#define DT_FINI 13
#define DT_RPATH 15
#define DT_SYMBOLIC 16
#define DT_REL 17
#define DT_RELSZ 18
#define DT_RELENT 19
#define DT_PLTREL 20
#define DT_DEBUG 21
#define DT_TEXTREL 22
#define DT_JMPREL 23
#define DT_BIND_NOW 24
#define DT_INIT_ARRAY 25
#define DT_FINI_ARRAY 26
#define DT_INIT_ARRAYSZ 27
#define DT_FINI_ARRAYSZ 28
#define DT_RUNPATH 29
#define DT_FLAGS 30
#define DT_PREINIT_ARRAY 32
#define DT_PREINIT_ARRAYSZ 33
#define DT_SYMTAB_SHNDX 34
#define DT_RELRSZ 35
#define DT_RELR 36
#define DT_RELRENT 37
#define DT_GNU_PRELINKED 0x6ffffdf5
#define DT_GNU_CONFLICTSZ 0x6ffffdf6
#define DT_GNU_LIBLISTSZ 0x6ffffdf7
#define DT_CHECKSUM 0x6ffffdf8
#define DT_PLTPADSZ 0x6ffffdf9
#define DT_MOVEENT 0x6ffffdfa
#define DT_MOVESZ 0x6ffffdfb
#define DT_FEATURE 0x6ffffdfc
#define DT_POSFLAG_1 0x6ffffdfd
#define DT_SYMINSZ 0x6ffffdfe
#define DT_SYMINENT 0x6ffffdff
#define DT_GNU_FLAGS_1 0x6ffffef4
#define DT_TLSDESC_PLT 0x6ffffef6
#define DT_TLSDESC_GOT 0x6ffffef7
#define DT_GNU_CONFLICT 0x6ffffef8
#define DT_GNU_LIBLIST 0x6ffffef9
#define DT_CONFIG 0x6ffffefa
#define DT_DEPAUDIT 0x6ffffefb
#define DT_AUDIT 0x6ffffefc
#define DT_PLTPAD 0x6ffffefd
#define DT_MOVETAB 0x6ffffefe
#define DT_SYMINFO 0x6ffffeff
#define DT_RELACOUNT 0x6ffffff9
#define DT_RELCOUNT 0x6ffffffa
#define DT_FLAGS_1 0x6ffffffb
#define DT_AUXILIARY 0x7ffffffd
#define DT_USED 0x7ffffffe
#define DT_FILTER 0x7fffffff

/*
 * LSB, "Symbol Versioning".  Both classes use the same layout, so there
 * is one of each.  Versym entries are Elf_Half values indexed like the
 * symbol table.
 */
typedef struct {
	Elf32_Half vd_version;  /* 1 */
	Elf32_Half vd_flags;    /* VER_FLG_* */
	Elf32_Half vd_ndx;      /* the index that versym entries use */
	Elf32_Half vd_cnt;      /* number of Verdaux entries */
	Elf32_Word vd_hash;     /* SysV hash of the version name */
	Elf32_Word vd_aux;      /* offset from this entry to its first Verdaux */
	Elf32_Word vd_next;     /* offset from this entry to the next; 0 ends */
} Elf_Verdef;

typedef struct {
	Elf32_Word vda_name;    /* offset of the name in the string table */
	Elf32_Word vda_next;    /* offset to the next Verdaux; 0 ends */
} Elf_Verdaux;

/*
 * The versions this image needs from other files: a list of Verneed
 * entries, one per file (DT_VERNEEDNUM long, linked by vn_next), each with
 * vn_cnt Vernaux entries, one per version (linked by vna_next).  A versym
 * entry equal to vna_other names that version.
 */
typedef struct {
	Elf32_Half vn_version;  /* 1 */
	Elf32_Half vn_cnt;      /* number of Vernaux entries */
	Elf32_Word vn_file;     /* offset of the file's name in the string table */
	Elf32_Word vn_aux;      /* offset from this entry to its first Vernaux */
	Elf32_Word vn_next;     /* offset from this entry to the next; 0 ends */
} Elf_Verneed;

typedef struct {
	Elf32_Word vna_hash;    /* SysV hash of the version name */
	Elf32_Half vna_flags;   /* VER_FLG_WEAK... */
	Elf32_Half vna_other;   /* the index that versym entries use */
	Elf32_Word vna_name;    /* offset of the name in the string table */
	Elf32_Word vna_next;    /* offset from this entry to the next; 0 ends */
} Elf_Vernaux;

#define VER_DEF_CURRENT 1
#define VER_NEED_CURRENT 1
#define VER_FLG_BASE 0x1        /* the file's own version: the soname */
#define VER_NDX_LOCAL 0
#define VER_NDX_GLOBAL 1
#define VERSYM_HIDDEN 0x8000    /* "not the default version": name@VER */
#define VERSYM_INDEX 0x7fff

/* The GNU hash header: four words before the bloom filter. */
typedef struct {
	Elf32_Word nbuckets;
	Elf32_Word symoffset;   /* index of the first symbol in the table */
	Elf32_Word bloom_size;  /* bloom words (ELFCLASS-sized); a power of 2 */
	Elf32_Word bloom_shift; /* the second bloom hash is hash >> shift */
} Elf_GnuHash;

/* The record sizes the gABI fixes; a layout slip fails the build. */
_Static_assert(sizeof(Elf32_Ehdr) == 52, "Elf32_Ehdr");
_Static_assert(sizeof(Elf64_Ehdr) == 64, "Elf64_Ehdr");
_Static_assert(sizeof(Elf32_Phdr) == 32, "Elf32_Phdr");
_Static_assert(sizeof(Elf64_Phdr) == 56, "Elf64_Phdr");
_Static_assert(sizeof(Elf32_Shdr) == 40, "Elf32_Shdr");
_Static_assert(sizeof(Elf64_Shdr) == 64, "Elf64_Shdr");
_Static_assert(sizeof(Elf32_Sym) == 16, "Elf32_Sym");
_Static_assert(sizeof(Elf64_Sym) == 24, "Elf64_Sym");
_Static_assert(sizeof(Elf32_Dyn) == 8, "Elf32_Dyn");
_Static_assert(sizeof(Elf64_Dyn) == 16, "Elf64_Dyn");
_Static_assert(sizeof(Elf_Verdef) == 20, "Elf_Verdef");
_Static_assert(sizeof(Elf_Verdaux) == 8, "Elf_Verdaux");
_Static_assert(sizeof(Elf_GnuHash) == 16, "Elf_GnuHash");
_Static_assert(sizeof(Elf_Verneed) == 16, "Elf_Verneed");
_Static_assert(sizeof(Elf_Vernaux) == 16, "Elf_Vernaux");

#endif
