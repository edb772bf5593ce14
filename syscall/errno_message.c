/*
 * syscall/errno_message.c - errno messages ("No such file or directory"),
 * from the same table as the names (syscall/errno.c says why apart).
 */
#include <lib/lib.h>
#include "syscall.h"

#define ERRNO(num, name, message) [num] = message,
static const char *const messages[] = {
#include "errno_table.h"
};
#undef ERRNO

#define COUNT(table) ((int)(sizeof table / sizeof table[0]))

const char *errno_message(int e)
{
	if (e < 0)
		e = -e;
	return e < COUNT(messages) && messages[e] ? messages[e] : "Unknown error";
}
