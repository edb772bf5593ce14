/*
 * vdso/served.h - did a call through the vDSO stay in user space, or did
 * the vDSO make the system call itself?  Proved in a child of fork, not
 * guessed from timing: vdso/served.c tells how.  `vdso call`, `check`,
 * the tour and the lesson `data` use it.
 */
#ifndef VDSO_SERVED_H
#define VDSO_SERVED_H

#include <vdso/vdso.h>

enum served_where { SERVED_UNKNOWN = 'u', SERVED_USER = 'U', SERVED_KERNEL = 'K',
		    SERVED_NO_FN = '-' };

/* One call to prove: a function of the call table with its clock id (the
 * first argument of the clock functions, else unused), or, with `call`
 * set, a call of the caller's own (getrandom's wrapper holds a state). */
struct served_probe {
	enum vdso_call_id id;
	int clock;
	const char *arg;                /* the argument, as the caller prints it */
	long (*call)(void *buf);        /* 0: the table's function, called bare */
};

#define SERVED_MAX 16
struct served {
	const char *witness;            /* "seccomp", "fault", or 0: no proof */
	long seccomp_error;             /* -errno when seccomp could not serve */
	enum served_where control;      /* the system call itself, caught? */
	unsigned n;
	enum served_where where[SERVED_MAX];
};

/* Where each of the n probes (at most SERVED_MAX) was served: 0 and *s
 * filled, or -errno: no proof (s->witness 0, s->seccomp_error why). */
long served_prove(const struct served_probe *probes, unsigned n, struct served *s);

#endif
