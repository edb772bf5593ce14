/*
 * tests/bench/clock_glibc.c - glibc's clock_gettime(CLOCK_MONOTONIC), timed
 * the way `vdso bench` times ours, for `make bench` to set side by side.
 *
 *   clock_glibc ROUNDS CALLS
 *
 * A sample is one loop of CALLS calls, timed by clock_gettime(MONOTONIC)
 * around it, divided by CALLS; one warm-up sample is thrown away; the
 * output is "MEDIAN MIN MAX" in ns per call.  glibc's clock_gettime calls
 * the vDSO function whose address its dynamic loader found at start-up
 * (the same __vdso_clock_gettime, or __vdso_clock_gettime64 on i386).
 * Linked dynamically, as a user's program usually is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static struct timespec ts;

/* The loop, kept out of line like vdso bench's, so that both pay one call
 * of the loop and one call per clock_gettime. */
__attribute__((noinline)) static long loop(unsigned n)
{
	long r = 0;

	while (n--)
		r = clock_gettime(CLOCK_MONOTONIC, &ts);
	return r;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int rounds, calls, r;
	double *v;

	if (argc != 3 || (rounds = atoi(argv[1])) < 1 || (calls = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: clock_glibc ROUNDS CALLS\n");
		return 2;
	}
	v = calloc(rounds, sizeof *v);
	for (r = -1; r < rounds; r++) {
		struct timespec t0, t1;
		double ns;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		loop(calls);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
		if (r >= 0)
			v[r] = ns / calls;
	}
	qsort(v, rounds, sizeof *v, cmp_double);
	printf("%.1f %.1f %.1f\n",
	       rounds & 1 ? v[rounds / 2] : (v[rounds / 2 - 1] + v[rounds / 2]) / 2,
	       v[0], v[rounds - 1]);
	return 0;
}
