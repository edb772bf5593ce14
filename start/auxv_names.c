/*
 * start/auxv_names.c - the names of the auxiliary vector's types.
 *
 * Every AT_* the kernel defines today, generic ones from
 * include/uapi/linux/auxvec.h and the arch ones from the uapi asm/auxvec.h
 * of each arch, so that an entry from a newer kernel than our headers still
 * gets its name (glibc 2.36's LD_SHOW_AUXV prints AT_??? for 27 and 28).
 * Numbers are written here, not taken from the headers, for that reason.
 */
#include "start.h"

struct auxv_type {
	unsigned char type;
	unsigned char kind;
	const char *name;
};

static const struct auxv_type types[] = {
	{ 0, AUXV_DEC, "AT_NULL" },
	{ 1, AUXV_DEC, "AT_IGNORE" },
	{ 2, AUXV_DEC, "AT_EXECFD" },
	{ 3, AUXV_HEX, "AT_PHDR" },            /* the program's headers */
	{ 4, AUXV_DEC, "AT_PHENT" },
	{ 5, AUXV_DEC, "AT_PHNUM" },
	{ 6, AUXV_DEC, "AT_PAGESZ" },
	{ 7, AUXV_HEX, "AT_BASE" },            /* the interpreter's base */
	{ 8, AUXV_HEX, "AT_FLAGS" },
	{ 9, AUXV_HEX, "AT_ENTRY" },           /* the program's entry */
	{ 10, AUXV_DEC, "AT_NOTELF" },
	{ 11, AUXV_DEC, "AT_UID" },
	{ 12, AUXV_DEC, "AT_EUID" },
	{ 13, AUXV_DEC, "AT_GID" },
	{ 14, AUXV_DEC, "AT_EGID" },
	{ 15, AUXV_STR, "AT_PLATFORM" },
	{ 16, AUXV_HEX, "AT_HWCAP" },          /* CPUID bits */
	{ 17, AUXV_DEC, "AT_CLKTCK" },
	{ 18, AUXV_HEX, "AT_FPUCW" },          /* sh */
	{ 19, AUXV_DEC, "AT_DCACHEBSIZE" },    /* powerpc */
	{ 20, AUXV_DEC, "AT_ICACHEBSIZE" },
	{ 21, AUXV_DEC, "AT_UCACHEBSIZE" },
	{ 22, AUXV_DEC, "AT_IGNOREPPC" },
	{ 23, AUXV_DEC, "AT_SECURE" },
	{ 24, AUXV_STR, "AT_BASE_PLATFORM" },
	{ 25, AUXV_BYTES16, "AT_RANDOM" },     /* the address of 16 random bytes */
	{ 26, AUXV_HEX, "AT_HWCAP2" },
	{ 27, AUXV_DEC, "AT_RSEQ_FEATURE_SIZE" }, /* 6.3 */
	{ 28, AUXV_DEC, "AT_RSEQ_ALIGN" },
	{ 29, AUXV_HEX, "AT_HWCAP3" },         /* 6.13 */
	{ 30, AUXV_HEX, "AT_HWCAP4" },
	{ 31, AUXV_STR, "AT_EXECFN" },
	{ 32, AUXV_HEX, "AT_SYSINFO" },        /* i386: __kernel_vsyscall */
	{ 33, AUXV_HEX, "AT_SYSINFO_EHDR" },   /* the vDSO's ELF header */
	{ 34, AUXV_DEC, "AT_L1I_CACHESHAPE" }, /* sh, alpha */
	{ 35, AUXV_DEC, "AT_L1D_CACHESHAPE" },
	{ 36, AUXV_DEC, "AT_L2_CACHESHAPE" },
	{ 37, AUXV_DEC, "AT_L3_CACHESHAPE" },
	{ 40, AUXV_DEC, "AT_L1I_CACHESIZE" },  /* powerpc, riscv */
	{ 41, AUXV_HEX, "AT_L1I_CACHEGEOMETRY" },
	{ 42, AUXV_DEC, "AT_L1D_CACHESIZE" },
	{ 43, AUXV_HEX, "AT_L1D_CACHEGEOMETRY" },
	{ 44, AUXV_DEC, "AT_L2_CACHESIZE" },
	{ 45, AUXV_HEX, "AT_L2_CACHEGEOMETRY" },
	{ 46, AUXV_DEC, "AT_L3_CACHESIZE" },
	{ 47, AUXV_HEX, "AT_L3_CACHEGEOMETRY" },
	{ 48, AUXV_DEC, "AT_ADI_BLKSZ" },      /* sparc */
	{ 49, AUXV_DEC, "AT_ADI_NFLUSH" },
	{ 50, AUXV_DEC, "AT_ADI_UEONFLUSH" },
	{ 51, AUXV_DEC, "AT_MINSIGSTKSZ" },    /* 5.14 on x86 */
};

static const struct auxv_type *find(unsigned long type)
{
	unsigned i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (types[i].type == type)
			return &types[i];
	return 0;
}

const char *auxv_name(unsigned long type)
{
	const struct auxv_type *t = find(type);

	return t ? t->name : 0;
}

enum auxv_kind auxv_kind(unsigned long type)
{
	const struct auxv_type *t = find(type);

	return t ? (enum auxv_kind)t->kind : AUXV_HEX;
}
