/*
 * tests/trace/loop.c - a process to attach to: clock_gettime, then a sleep
 * of a millisecond, over and over for SECONDS seconds (default 10); then
 * it prints how many calls it made.  For `vdso trace -p`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 10;
	struct timespec start, now, ms = { 0, 1000000 };
	long calls = 1;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		nanosleep(&ms, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
		calls++;
	} while ((now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9 < seconds);
	printf("%ld\n", calls);
	return 0;
}
