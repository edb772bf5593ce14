/*
 * tests/trace/threads.c - THREADS threads, CALLS calls of clock_gettime
 * each (default 8 and 10000), all started at once: for `vdso trace -c`,
 * which must count every call, exactly.  Prints the total made.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int calls;
static pthread_barrier_t start;

static void *work(void *arg)
{
	struct timespec ts;
	int i;

	(void)arg;
	pthread_barrier_wait(&start);
	for (i = 0; i < calls; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 8, i;
	pthread_t t[64];

	calls = argc > 2 ? atoi(argv[2]) : 10000;
	if (threads < 1 || threads > 64)
		return 2;
	pthread_barrier_init(&start, NULL, (unsigned)threads);
	for (i = 0; i < threads; i++)
		if (pthread_create(&t[i], NULL, work, NULL))
			return 1;
	for (i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	printf("%d\n", threads * calls);
	return 0;
}
