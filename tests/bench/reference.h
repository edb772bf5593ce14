/* tests/bench/reference.h - the kernel's reference parser's algorithm
 * (reference.c), for the resolve count (resolve.c). */
#ifndef BENCH_REFERENCE_H
#define BENCH_REFERENCE_H

#include <stdint.h>
#include <vdso/vdso.h>

/* Open the image at base as parse_vdso.c's init does, and look up every
 * function of the arch's call table as its vdso_sym does, into fn[VDSO_*]
 * (0: not found); call opened() in between. */
void reference_resolve(uintptr_t base, void *fn[VDSO_NCALLS], void (*opened)(void));

#endif
