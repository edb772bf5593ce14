/*
 * vdso/absent.c - why there is no vDSO, in a few words (vdso/vdso.h).
 */
#include "vdso.h"

const char *vdso_why_absent(void)
{
	if (vdso_off)
		return "switched off (VDSO=off)";
	if (vdso_not_found)
		return vdso_not_found;
	if (vdso_status < 0)
		return elf_strerror(vdso_status);
	return 0;
}
