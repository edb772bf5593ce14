/* lib/string.c - the string functions the runtime needs. */
#include "lib.h"

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

int str_eq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

int parse_u64(const char *s, uint64_t *value)
{
	uint64_t v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (d > 9)
			return -1;
		/* v * 10 + d must not pass UINT64_MAX = 18446744073709551615
		 * (written out: a 64-bit divide would need libgcc on i386) */
		if (v > 1844674407370955161ULL ||
		    (v == 1844674407370955161ULL && d > 5))
			return -1;
		v = v * 10 + d;
	}
	*value = v;
	return 0;
}
