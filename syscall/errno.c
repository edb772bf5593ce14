/*
 * syscall/errno.c - errno names ("ENOENT").
 *
 * The table is made at build time by errno.awk from the kernel's
 * asm-generic/errno-base.h and asm-generic/errno.h (x86 uses the generic
 * numbers), so names and numbers cannot drift from the kernel's.
 */
#include <lib/lib.h>
#include "syscall.h"

/*
 * The names here, the messages in syscall/errno_message.c: a program that
 * prints only names links no message (about 3 KB).  (Two tables in one
 * file would not do: their strings would share one section.)
 */
#define ERRNO(num, name, message) [num] = name,
static const char *const names[] = {
#include "errno_table.h"
};
#undef ERRNO

#define COUNT(table) ((int)(sizeof table / sizeof table[0]))

const char *errno_name(int e)
{
	if (e < 0)
		e = -e;
	return e < COUNT(names) && names[e] ? names[e] : "E?";
}
