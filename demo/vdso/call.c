/*
 * demo/vdso/call.c - `vdso call [NAME...]`: each function of the call table made
 * twice, through the path the table chose (usually the vDSO) and through
 * the system call, side by side, with a verdict.
 *
 * Times cannot be equal, only close: the second call (the syscall) comes
 * after the first, so its time must be the same or later, by at most
 * TOLERANCE.  clock_getres must be equal, and getcpu must name the same CPU
 * (the thread may move between the two calls, so a difference is retried
 * a few times before it counts).  A disagreement is said plainly, and the
 * exit status is 1.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include "commands.h"

#define TOLERANCE_NS 50000000LL     /* 50 ms: generous for a loaded machine or QEMU */
#define GETCPU_TRIES 5

static const struct { int id; const char *name; } clocks[] = {
	{ CLOCK_REALTIME, "REALTIME" },
	{ CLOCK_MONOTONIC, "MONOTONIC" },
	{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" },
	{ CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
	{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" },
	{ CLOCK_BOOTTIME, "BOOTTIME" },
};
#define NCLOCKS (sizeof clocks / sizeof clocks[0])

static int disagreements;

/* One row: NAME ARGUMENT PATH then the two results and the verdict,
 * which the callers print. */
static void row_start(enum vdso_call_id id, const char *arg)
{
	struct out *o = &out_stdout;

	out_field(o, vdso_calls[id].name, -14);
	out_field(o, arg, -17);
	out_field(o, vdso_path_name(vdso_path(id)), -8);
}

static void print_time(long r, int64_t sec, int64_t frac, int digits)
{
	struct out *o = &out_stdout;
	char buf[40];
	int n;

	if (sys_failed(r)) {
		out_field(o, errno_name((int)r), -22);
		return;
	}
	n = fmt_dec(buf, sec);
	if (digits) {
		char f[20];
		int m = fmt_udec(f, (uint64_t)frac), i;

		buf[n++] = '.';
		for (i = m; i < digits; i++)     /* zero-fill the fraction */
			buf[n++] = '0';
		memcpy(buf + n, f, (size_t)m);
		n += m;
	}
	buf[n] = 0;
	out_field(o, buf, -22);
}

/* Verdict for two results: both the same error, or both fine and
 * 0 <= later - earlier <= limit (in the unit named). */
static void verdict(long r1, long r2, int64_t delta, int64_t limit, const char *unit)
{
	struct out *o = &out_stdout;
	int agree;

	if (sys_failed(r1) || sys_failed(r2))
		agree = r1 == r2;
	else
		agree = delta >= 0 && delta <= limit;
	out_str(o, agree ? "agree" : "DISAGREE");
	if (!sys_failed(r1) && !sys_failed(r2)) {
		out_str(o, " (");
		out_dec(o, delta);
		out_str(o, unit);
		out_str(o, ")");
	}
	out_char(o, '\n');
	if (!agree)
		disagreements++;
}

/* A timespec call for every clock, through the path and the syscall:
 * the second result may be later than the first by at most 'limit' ns. */
static void check_clocks(enum vdso_call_id id,
			 long (*path)(int, struct __kernel_timespec *),
			 long (*twin)(int, struct __kernel_timespec *), int64_t limit)
{
	unsigned i;

	for (i = 0; i < NCLOCKS; i++) {
		struct __kernel_timespec a = { 0, 0 }, b = { 0, 0 };
		long r1 = path(clocks[i].id, &a);
		long r2 = twin(clocks[i].id, &b);

		row_start(id, clocks[i].name);
		print_time(r1, a.tv_sec, a.tv_nsec, 9);
		print_time(r2, b.tv_sec, b.tv_nsec, 9);
		verdict(r1, r2, (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec),
			limit, " ns");
	}
}

static void check_clock_gettime(void)
{
	check_clocks(VDSO_CLOCK_GETTIME, vdso_clock_gettime, sys_clock_gettime, TOLERANCE_NS);
}

static void check_clock_getres(void)
{
	/* a resolution is a constant: equal, a difference of 0 within 0 */
	check_clocks(VDSO_CLOCK_GETRES, vdso_clock_getres, sys_clock_getres, 0);
}

static void check_gettimeofday(void)
{
	struct __kernel_old_timeval a = { 0, 0 }, b = { 0, 0 };
	long r1 = vdso_gettimeofday(&a, 0);
	long r2 = sys_gettimeofday(&b, 0);

	row_start(VDSO_GETTIMEOFDAY, "-");
	print_time(r1, a.tv_sec, a.tv_usec, 6);
	print_time(r2, b.tv_sec, b.tv_usec, 6);
	verdict(r1, r2, ((int64_t)b.tv_sec - a.tv_sec) * 1000000 + (b.tv_usec - a.tv_usec),
		TOLERANCE_NS / 1000, " us");
}

static void check_time(void)
{
	long a = vdso_time(0);
	long b = sys_time(0);

	row_start(VDSO_TIME, "-");
	print_time(a, a, 0, 0);
	print_time(b, b, 0, 0);
	/* whole seconds: the second may turn between the calls */
	verdict(sys_failed(a) ? a : 0, sys_failed(b) ? b : 0, (int64_t)b - a, 1, " s");
}

static void check_getcpu(void)
{
	unsigned c1 = 0, n1 = 0, c2 = 0, n2 = 0;
	long r1 = 0, r2 = 0;
	int try;

	for (try = 0; try < GETCPU_TRIES; try++) {
		r1 = vdso_getcpu(&c1, &n1);
		r2 = sys_getcpu(&c2, &n2);
		if (r1 == r2 && c1 == c2 && n1 == n2)
			break;  /* the same CPU: no migration in between */
	}
	row_start(VDSO_GETCPU, "-");
	print_time(r1, c1, n1, 1);      /* shown as cpu.node */
	print_time(r2, c2, n2, 1);
	verdict(r1, r2, c1 != c2 || n1 != n2, 0, " differences");
}

static const struct {
	const char *name;
	void (*check)(void);
} checks[] = {
	{ "clock_gettime", check_clock_gettime },
	{ "gettimeofday", check_gettimeofday },
	{ "time", check_time },
	{ "clock_getres", check_clock_getres },
	{ "getcpu", check_getcpu },
};
#define NCHECKS (sizeof checks / sizeof checks[0])

static int find_check(const char *name)
{
	unsigned i;

	for (i = 0; i < NCHECKS; i++)
		if (str_eq(name, checks[i].name))
			return (int)i;
	return -1;
}

int cmd_call(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned i;
	int k;

	for (k = 1; k < argc; k++)      /* every name first: no half a run */
		if (find_check(argv[k]) < 0)
			return usage_error("call", argv[k], "unknown function");

	out_str(o, "function      argument         path    via the path          via the syscall       verdict\n");
	disagreements = 0;
	if (argc < 2) {
		for (i = 0; i < NCHECKS; i++)
			checks[i].check();
	} else {
		for (k = 1; k < argc; k++)
			checks[find_check(argv[k])].check();
	}
	out_str(o, "\npaths: ");
	for (i = 0; i < VDSO_NCALLS; i++) {
		out_str(o, vdso_calls[i].name);
		out_char(o, '=');
		out_str(o, vdso_path_name(vdso_path((enum vdso_call_id)i)));
		if (vdso_calls[i].symbol) {
			out_char(o, '(');
			out_str(o, vdso_calls[i].symbol);
			out_char(o, ')');
		}
		if (vdso_calls[i].fallbacks) {
			out_str(o, "[-ENOSYS x");
			out_udec(o, vdso_calls[i].fallbacks);
			out_str(o, ", served by the syscall]");
		}
		out_str(o, i + 1 < VDSO_NCALLS ? " " : "\n");
	}
	out_str(o, "syscall twin enters by: ");
	out_str(o, sys_gate ? "the gate (AT_SYSINFO)" : ARCH_RAW_ENTRY);
	out_str(o, "; time tolerance 50 ms\n");
	if (disagreements) {
		char count[24];

		count[fmt_udec(count, (uint64_t)disagreements)] = 0;
		return report("call", 0, "a path and its system call disagree", count);
	}
	return 0;
}
