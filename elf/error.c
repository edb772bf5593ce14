/*
 * elf/error.c - the name and the message of each error code, from the one
 * list in elf/read.h.
 */
#include "read.h"

#define MESSAGE(name, message) [ELF_##name] = message,
static const char *const messages[ELF_NERRORS] = {
	[ELF_OK] = "success",
	ELF_ERRORS(MESSAGE)
};

#define NAME(name, message) [ELF_##name] = #name,
static const char *const names[ELF_NERRORS] = {
	[ELF_OK] = "OK",
	ELF_ERRORS(NAME)
};

static const char *pick(const char *const *table, int err)
{
	if (err < 0)
		err = -err;
	if (err >= ELF_NERRORS)
		return 0;
	return table[err];
}

const char *elf_strerror(int err)
{
	const char *m = pick(messages, err);

	return m ? m : "unknown error";
}

const char *elf_error_name(int err)
{
	const char *n = pick(names, err);

	return n ? n : "E?";
}
