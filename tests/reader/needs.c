/*
 * tests/reader/needs.c - a shared object that needs versions from another
 * file: linked against libc, its undefined symbols carry libc's versions
 * (DT_VERNEED, readelf: free@GLIBC_2.2.5 (2)).  A seed for the fuzzer and
 * a source of hostile images (tests/fuzz/make_hostile.py).
 */
#include <stdlib.h>
#include <string.h>

void *needs(void *p, size_t n)
{
	free(p);
	p = malloc(n);
	return p ? memset(p, 0, n) : p;
}
