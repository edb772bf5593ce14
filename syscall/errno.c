/*
 * syscall/errno.c - errno names and messages.
 *
 * The table is made at build time by errno.awk from the kernel's
 * asm-generic/errno-base.h and asm-generic/errno.h (x86 uses the generic
 * numbers), so names and numbers cannot drift from the kernel's.
 */
#include <lib/lib.h>
#include "syscall.h"

struct errno_text {
	const char *name;
	const char *message;
};

static const struct errno_text table[] = {
#include "errno_table.h"
};

#define NTABLE ((int)(sizeof table / sizeof table[0]))

const char *errno_name(int e)
{
	if (e < 0)
		e = -e;
	return e < NTABLE && table[e].name ? table[e].name : "E?";
}

const char *errno_message(int e)
{
	if (e < 0)
		e = -e;
	return e < NTABLE && table[e].message ? table[e].message : "Unknown error";
}
