/*
 * vdso/error.c - one line of text for each error code.
 */
#include "vdso.h"

static const char *const messages[VDSO_NERRORS] = {
	[VDSO_OK] = "success",
	[VDSO_ENOTELF] = "not an ELF file (no magic)",
	[VDSO_ECLASS] = "ELF class, data encoding or machine not accepted",
	[VDSO_ETYPE] = "not a shared object (ET_DYN)",
	[VDSO_EHEADER] = "ELF header malformed",
	[VDSO_EPHDR] = "program headers out of range or malformed",
	[VDSO_ENOLOAD] = "no PT_LOAD segment",
	[VDSO_ENODYNAMIC] = "no PT_DYNAMIC segment, or it is out of range",
	[VDSO_EDYNAMIC] = "dynamic table malformed or missing an entry",
	[VDSO_ESTRTAB] = "string table out of range",
	[VDSO_ESYMTAB] = "symbol table out of range",
	[VDSO_EHASH] = "SysV hash table malformed",
	[VDSO_EGNUHASH] = "GNU hash table malformed",
	[VDSO_EVERSYM] = "symbol versions (DT_VERSYM) out of range",
	[VDSO_EVERDEF] = "version definitions (DT_VERDEF) malformed",
	[VDSO_ESHDR] = "no hash table, and no usable section headers",
	[VDSO_ENOTFOUND] = "symbol not found",
	[VDSO_ERANGE] = "index out of range",
};

const char *vdso_strerror(int err)
{
	if (err < 0)
		err = -err;
	if (err >= VDSO_NERRORS || messages[err] == NULL)
		return "unknown error";
	return messages[err];
}
