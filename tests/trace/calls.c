/*
 * tests/trace/calls.c - a glibc program that makes a known number of calls
 * of each vDSO function and prints what each returned, one line a call,
 * for tests/90-trace.t to compare with what `vdso trace` saw.
 *
 *   calls N     N calls of each, in this order: clock_gettime
 *               (CLOCK_MONOTONIC, then CLOCK_REALTIME), gettimeofday, time,
 *               getcpu, clock_getres (CLOCK_MONOTONIC), clock_gettime
 *               (CLOCK_PROCESS_CPUTIME_ID: the vDSO passes it to the kernel)
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3, i;
	struct timespec ts;
	struct timeval tv;
	unsigned cpu, node;

	for (i = 0; i < n; i++) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		printf("clock_gettime(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%ld})\n",
		       (long long)ts.tv_sec, ts.tv_nsec);
		clock_gettime(CLOCK_REALTIME, &ts);
		printf("clock_gettime(CLOCK_REALTIME, {tv_sec=%lld, tv_nsec=%ld})\n",
		       (long long)ts.tv_sec, ts.tv_nsec);
		gettimeofday(&tv, NULL);
		printf("gettimeofday({tv_sec=%lld, tv_usec=%ld}, NULL)\n",
		       (long long)tv.tv_sec, (long)tv.tv_usec);
		printf("time(NULL) = %lld\n", (long long)time(NULL));
		getcpu(&cpu, &node);
		printf("getcpu([%u], [%u], NULL)\n", cpu, node);
		clock_getres(CLOCK_MONOTONIC, &ts);
		printf("clock_getres(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%ld})\n",
		       (long long)ts.tv_sec, ts.tv_nsec);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
		printf("clock_gettime(CLOCK_PROCESS_CPUTIME_ID, {tv_sec=%lld, tv_nsec=%ld})\n",
		       (long long)ts.tv_sec, ts.tv_nsec);
	}
	return 0;
}
