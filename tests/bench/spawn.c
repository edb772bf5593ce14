/*
 * tests/bench/spawn.c - wall time to start a program and see it exit.
 *
 *   spawn ROUNDS PROG...
 *
 * (a PROG may be "program argument": one argument, after a space)
 *
 * A round spawns each PROG once (posix_spawn, then waitpid) and times each
 * spawn alone; the order of the programs turns by one each round.  So the
 * programs take turns at the finest grain, and a burst of noise (another
 * process on a busy machine) falls on all of them alike.  One round
 * before the first is thrown away (page cache, warm caches).
 * Output, one line a program: the median, min and max over the rounds, in
 * microseconds per spawn, then the program.  The programs' output goes to
 * /dev/null; a program that does not exit 0 is an error (exit 1).
 *
 * posix_spawn in glibc uses clone(CLONE_VM | CLONE_VFORK), so the parent's
 * own size does not enter the cost: what is measured is the kernel's
 * execve and exit, and the program's start-up between them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* PROG may carry one argument after a space: "vdso --version". */
static void run(const char *prog, posix_spawn_file_actions_t *fa)
{
	char path[4096], *argv[3] = { path, NULL, NULL }, *space;
	pid_t pid;
	int status, e;

	snprintf(path, sizeof path, "%s", prog);
	if ((space = strchr(path, ' '))) {
		*space = '\0';
		argv[1] = space + 1;
	}
	e = posix_spawn(&pid, path, fa, NULL, argv, environ);
	if (e) {
		fprintf(stderr, "spawn: %s: %s\n", prog, strerror(e));
		exit(1);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "spawn: %s: did not exit 0 (status 0x%x)\n", prog, status);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	int rounds, nprog, r, p, i;
	double *t;

	if (argc < 3 || (rounds = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: spawn ROUNDS PROG...\n");
		return 2;
	}
	nprog = argc - 2;
	t = calloc((size_t)nprog * rounds, sizeof *t);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);

	for (r = -1; r < rounds; r++) {
		for (i = 0; i < nprog; i++) {
			double t0;

			p = (i + r + 1) % nprog;
			t0 = now_us();
			run(argv[2 + p], &fa);
			if (r >= 0)
				t[p * rounds + r] = now_us() - t0;
		}
	}
	for (p = 0; p < nprog; p++) {
		double *v = t + p * rounds;

		qsort(v, rounds, sizeof *v, cmp_double);
		printf("%.1f %.1f %.1f %s\n",
		       rounds & 1 ? v[rounds / 2] : (v[rounds / 2 - 1] + v[rounds / 2]) / 2,
		       v[0], v[rounds - 1], argv[2 + p]);
	}
	return 0;
}
