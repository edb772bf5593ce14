/*
 * tests/trace/free.c - tests/trace/calls.c on this project's runtime, no
 * libc: the same calls in the same order, through vdso/vdso.h, and the
 * same lines, for tests/90-trace.t to compare with `vdso trace`.
 *
 *   free N      N calls of each (default 3)
 */
#include <lib/lib.h>
#include <linux/time.h>
#include <vdso/vdso.h>

static void timespec_line(const char *call, const struct __kernel_timespec *ts)
{
	out_printf(&out_stdout, "%s, {tv_sec=%lld, tv_nsec=%lld})\n", call,
		   (long long)ts->tv_sec, (long long)ts->tv_nsec);
}

int main(int argc, char **argv, char **envp)
{
	struct __kernel_timespec ts;
	struct __kernel_old_timeval tv;
	unsigned cpu, node;
	uint64_t n = 3, i;

	(void)envp;
	if (argc > 1 && parse_u64(argv[1], &n) < 0)
		return 2;
	vdso_init();
	for (i = 0; i < n; i++) {
		vdso_clock_gettime(CLOCK_MONOTONIC, &ts);
		timespec_line("clock_gettime(CLOCK_MONOTONIC", &ts);
		vdso_clock_gettime(CLOCK_REALTIME, &ts);
		timespec_line("clock_gettime(CLOCK_REALTIME", &ts);
		vdso_gettimeofday(&tv, 0);
		out_printf(&out_stdout, "gettimeofday({tv_sec=%lld, tv_usec=%lld}, NULL)\n",
			   (long long)tv.tv_sec, (long long)tv.tv_usec);
		out_printf(&out_stdout, "time(NULL) = %lld\n", (long long)vdso_time(0));
		vdso_getcpu(&cpu, &node);
		out_printf(&out_stdout, "getcpu([%u], [%u], NULL)\n", cpu, node);
		vdso_clock_getres(CLOCK_MONOTONIC, &ts);
		timespec_line("clock_getres(CLOCK_MONOTONIC", &ts);
		vdso_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
		timespec_line("clock_gettime(CLOCK_PROCESS_CPUTIME_ID", &ts);
	}
	return out_flush(&out_stdout) < 0;
}
