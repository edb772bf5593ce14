/*
 * elf/error.c - one line of text for each error code.
 */
#include "read.h"

static const char *const messages[ELF_NERRORS] = {
	[ELF_OK] = "success",
	[ELF_ENOTELF] = "not an ELF file (no magic)",
	[ELF_ECLASS] = "ELF class, data encoding or machine not accepted",
	[ELF_ETYPE] = "not a shared object (ET_DYN)",
	[ELF_EHEADER] = "ELF header malformed",
	[ELF_EPHDR] = "program headers out of range or malformed",
	[ELF_ENOLOAD] = "no PT_LOAD segment",
	[ELF_ENODYNAMIC] = "no PT_DYNAMIC segment, or it is out of range",
	[ELF_EDYNAMIC] = "dynamic table malformed or missing an entry",
	[ELF_ESTRTAB] = "string table out of range",
	[ELF_ESYMTAB] = "symbol table out of range",
	[ELF_EHASH] = "SysV hash table malformed",
	[ELF_EGNUHASH] = "GNU hash table malformed",
	[ELF_EVERSYM] = "symbol versions (DT_VERSYM) out of range",
	[ELF_EVERDEF] = "version definitions (DT_VERDEF) malformed",
	[ELF_ESHDR] = "no hash table, and no usable section headers",
	[ELF_ENOTFOUND] = "symbol not found",
	[ELF_ERANGE] = "index out of range",
	[ELF_EVERNEED] = "needed versions (DT_VERNEED) malformed",
};

const char *elf_strerror(int err)
{
	if (err < 0)
		err = -err;
	if (err >= ELF_NERRORS || messages[err] == NULL)
		return "unknown error";
	return messages[err];
}
