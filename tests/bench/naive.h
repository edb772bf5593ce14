/* tests/bench/naive.h - the trusting vDSO parser of naive.c, for the
 * resolve count (resolve.c). */
#ifndef BENCH_NAIVE_H
#define BENCH_NAIVE_H

#include <stdint.h>
#include <vdso/vdso.h>

/* Open the image at base and look up every function of the arch's call
 * table, as vdso_init does, into fn[VDSO_*] (0: not found); call opened()
 * in between. */
void naive_resolve(uintptr_t base, void *fn[VDSO_NCALLS], void (*opened)(void));

#endif
