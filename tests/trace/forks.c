/*
 * tests/trace/forks.c - a process that forks, a child that calls, then
 * execs this program again, for `vdso trace -f`:
 *
 *   forks           the parent: fork; the child makes 3 calls of
 *                   clock_gettime(CLOCK_MONOTONIC) and execs "forks exec";
 *                   the parent waits, then makes 1 call of gettimeofday,
 *                   and forks again with vfork for an exec of "forks exec"
 *   forks exec      makes 2 calls of time
 *
 * Each process prints its pid and what it called, one line a call.
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec ts;
	struct timeval tv;
	pid_t pid;
	int i;

	if (argc > 1 && !strcmp(argv[1], "exec")) {
		for (i = 0; i < 2; i++)
			printf("%d time %lld\n", (int)getpid(), (long long)time(NULL));
		return 0;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 3; i++) {
			clock_gettime(CLOCK_MONOTONIC, &ts);
			printf("%d clock_gettime %lld %ld\n", (int)getpid(),
			       (long long)ts.tv_sec, ts.tv_nsec);
		}
		fflush(stdout);
		execl("/proc/self/exe", argv[0], "exec", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
	gettimeofday(&tv, NULL);
	printf("%d gettimeofday %lld %ld\n", (int)getpid(), (long long)tv.tv_sec, (long)tv.tv_usec);
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		execl("/proc/self/exe", argv[0], "exec", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
	return 0;
}
