/*
 * tests/trace/clocks.c - clock_gettime only, for any C library: built with
 * musl (musl-gcc -static) by tests/90-trace.t, to see whether a static
 * musl program calls the vDSO, and to compare what `vdso trace` saw with
 * what the program received.  musl looks up __vdso_clock_gettime itself on
 * the first call (its src/time/clock_gettime.c) and falls back to the
 * system call where the vDSO does.
 *
 *   clocks N    N calls of each, in this order: clock_gettime of
 *               CLOCK_MONOTONIC, CLOCK_REALTIME, then CLOCK_PROCESS_CPUTIME_ID
 *               (which the vDSO passes to the kernel)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void call(const char *name, clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	printf("clock_gettime(%s, {tv_sec=%lld, tv_nsec=%ld})\n", name,
	       (long long)ts.tv_sec, ts.tv_nsec);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3, i;

	for (i = 0; i < n; i++) {
		call("CLOCK_MONOTONIC", CLOCK_MONOTONIC);
		call("CLOCK_REALTIME", CLOCK_REALTIME);
		call("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID);
	}
	return 0;
}
