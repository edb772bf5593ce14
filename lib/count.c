/*
 * lib/count.c - how many bytes of a buffer equal a given one (the lesson
 * getrandom counts the zero bytes of its state).
 */
#include "lib.h"

size_t mem_count(const void *p, size_t n, unsigned char byte)
{
	const unsigned char *b = p;
	size_t count = 0;

	while (n--)
		count += *b++ == byte;
	return count;
}
