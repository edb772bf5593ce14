/*
 * vdso/pairs.c - a call of the table that answers key-value pairs, where
 * the arch's table names one (ARCH_VDSO_PAIRS_CALL in arch/<arch>/
 * vdso_calls.h: riscv64's riscv_hwprobe).  Such a call takes (pairs,
 * count, cpusetsize, cpus, flags): the pairs to fill, how many, and which
 * CPUs (0 and 0: all of them), no flags.  A three-pointer generic call
 * would hand it a pointer as its count: it gets its own here.
 */
#include "vdso.h"

#ifdef ARCH_VDSO_PAIRS_CALL

long vdso_twin_pairs(struct vdso_pair *pairs, long count)
{
	return vdso_twin(ARCH_VDSO_PAIRS_CALL, (long)pairs, count, 0);      /* cpus, flags: 0 */
}

long vdso_call_pairs(struct vdso_pair *pairs, long count)
{
	struct vdso_call *e = &vdso_calls[ARCH_VDSO_PAIRS_CALL];
	long r;

	if (e->fn) {
		/* (pairs, count, cpusetsize, cpus, flags) */
		r = VDSO_CALL(e->fn, (struct vdso_pair *, long, long, void *, unsigned),
			      (pairs, count, 0, 0, 0));
		if (r != -ENOSYS)
			return r;
		e->fallbacks++;
	}
	return vdso_twin_pairs(pairs, count);
}

#endif
