/*
 * lib/mem.c - memcpy, memmove, memset, memcmp.
 *
 * Even with -ffreestanding, gcc and clang may emit calls to these four (to
 * copy a struct, zero an array), so every freestanding program must have
 * them.  They are plain byte loops: short and obviously right.  The
 * Makefile builds this file so that the compiler cannot turn a loop back
 * into a call to the function itself (gcc: -fno-tree-loop-distribute-patterns).
 */
#include "lib.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];   /* from the end: the overlap is read first */
	}
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}
