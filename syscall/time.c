/*
 * syscall/time.c - the clock calls with a 64-bit time_t, and what serves
 * where a kernel lacks them.  (A file of its own: its wrappers keep a
 * timespec on the stack, which the stack protector guards, and a program
 * that only writes, as hello, must not link the protector for them.)
 */
#include "syscall.h"

/*
 * clock_gettime and clock_getres with a 64-bit time_t.  On i386 those are
 * clock_gettime64 and clock_getres_time64, new in Linux 5.1 (the y2038
 * work); a kernel before that, or a seccomp profile that does not know
 * them, answers ENOSYS.  Then the old calls serve, with the 32-bit
 * timespec of their time (struct __kernel_old_timespec: a long, which
 * is right until 2038), widened here.  The first ENOSYS is remembered,
 * so that each later call is one system call, not two.  On x86_64 the
 * 64-bit calls are the only ones, and an error is returned as it is.
 */
static int time64_missing;

static long timespec_call(long nr64, long nr_old, int clock, struct __kernel_timespec *ts)
{
	struct __kernel_old_timespec old;
	long r;

	if (!time64_missing) {
		r = sys_call(nr64, clock, SYS_ARG(ts), 0, 0, 0, 0);
		if (r != -ENOSYS || nr64 == nr_old)
			return r;
		time64_missing = 1;
	}
	r = sys_call(nr_old, clock, SYS_ARG(ts ? &old : 0), 0, 0, 0, 0);
	if (r == 0 && ts) {
		ts->tv_sec = old.tv_sec;
		ts->tv_nsec = old.tv_nsec;
	}
	return r;
}

long sys_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(ARCH_NR_clock_gettime64, __NR_clock_gettime, clock, ts);
}

long sys_clock_getres(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(ARCH_NR_clock_getres64, __NR_clock_getres, clock, ts);
}
