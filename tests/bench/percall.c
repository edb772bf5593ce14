/*
 * tests/bench/percall.c - what a call through the table costs against a
 * call of the same vDSO pointer, directly.
 *
 *   percall [ROUNDS [CALLS]]
 *
 * For clock_gettime MONOTONIC and REALTIME_COARSE, gettimeofday, time and
 * getcpu: one loop of CALLS calls through the table (vdso/vdso.h, the
 * inline wrappers, as every program calls them) and one loop of CALLS
 * calls of the pointer vdso_init resolved, loaded once before the loop
 * (the best a caller can do).  A round times both loops, in turn, first
 * one then the other, and rounds repeat (the first is thrown away: page
 * faults, cold caches).  Each line: the name, then the medians over the
 * rounds of the direct call and of the table's, in picoseconds per call.
 * Built with the project's flags against libruntime.a (run.sh), so the
 * wrappers are the ones the programs inline.  No vDSO function: a line
 * saying so, and no numbers.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <linux/time.h>

#define MAX_ROUNDS 201

static struct __kernel_timespec ts;
static struct __kernel_old_timeval tv;
static unsigned cpu, node;

typedef long gtod_fn(struct __kernel_old_timeval *, void *);
typedef long time_fn(long *);
typedef long getcpu_fn(unsigned *, unsigned *, void *);

/* noinline: each loop is one function, timed alone, as a caller's loop */
#define LOOP(name, decl, expr) \
	static __attribute__((noinline, aligned(64))) long name(void *p, unsigned n) \
	{ \
		decl; \
		long r = 0; \
		(void)p; \
		while (n--) \
			r += (expr); \
		return r; \
	}

LOOP(t_mono, , vdso_clock_gettime(CLOCK_MONOTONIC, &ts))
LOOP(d_mono, vdso_timespec_fn *f = (vdso_timespec_fn *)p, f(CLOCK_MONOTONIC, &ts))
LOOP(t_coarse, , vdso_clock_gettime(CLOCK_REALTIME_COARSE, &ts))
LOOP(d_coarse, vdso_timespec_fn *f = (vdso_timespec_fn *)p, f(CLOCK_REALTIME_COARSE, &ts))
LOOP(t_gtod, , vdso_gettimeofday(&tv, 0))
LOOP(d_gtod, gtod_fn *f = (gtod_fn *)p, f(&tv, 0))
LOOP(t_time, , vdso_time(0))
LOOP(d_time, time_fn *f = (time_fn *)p, f(0))
LOOP(t_getcpu, , vdso_getcpu(&cpu, &node))
LOOP(d_getcpu, getcpu_fn *f = (getcpu_fn *)p, f(&cpu, &node, 0))

static const struct {
	const char *name;
	enum vdso_call_id id;
	long (*table)(void *, unsigned), (*direct)(void *, unsigned);
} cases[] = {
	{ "clock_gettime_MONOTONIC", VDSO_CLOCK_GETTIME, t_mono, d_mono },
	{ "clock_gettime_REALTIME_COARSE", VDSO_CLOCK_GETTIME, t_coarse, d_coarse },
	{ "gettimeofday", VDSO_GETTIMEOFDAY, t_gtod, d_gtod },
	{ "time", VDSO_TIME, t_time, d_time },
	{ "getcpu", VDSO_GETCPU, t_getcpu, d_getcpu },
};

static uint64_t now_ns(void)
{
	struct __kernel_timespec t;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* picoseconds per call of one loop of n */
static uint32_t sample(long (*loop)(void *, unsigned), void *fn, unsigned n)
{
	uint64_t t0 = now_ns(), ps;

	loop(fn, n);
	ps = u64_div_u32((now_ns() - t0) * 1000u, n, 0);
	return ps > 0xffffffffu ? 0xffffffffu : (uint32_t)ps;
}

static uint32_t median(uint32_t *v, unsigned n)
{
	unsigned i, j;
	uint32_t t;

	for (i = 1; i < n; i++)         /* insertion sort: n is small */
		for (j = i; j > 0 && v[j - 1] > v[j]; j--)
			t = v[j], v[j] = v[j - 1], v[j - 1] = t;
	return v[n / 2];
}

static unsigned number(const char *s, unsigned dflt, unsigned max)
{
	unsigned v = 0;

	if (!s)
		return dflt;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned)(*s++ - '0');
	return v == 0 || v > max ? dflt : v;
}

int main(int argc, char **argv, char **envp)
{
	static uint32_t direct[MAX_ROUNDS], table[MAX_ROUNDS];
	unsigned rounds = number(argc > 1 ? argv[1] : 0, 51, MAX_ROUNDS);
	unsigned calls = number(argc > 2 ? argv[2] : 0, 20000, 10000000);
	unsigned c, r;

	(void)envp;
	vdso_init();
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		void *fn = vdso_calls[cases[c].id].fn;

		out_str(&out_stdout, cases[c].name);
		if (!fn || (cases[c].id == VDSO_CLOCK_GETTIME && !vdso_calls[VDSO_CLOCK_GETTIME].time64)) {
			out_str(&out_stdout, " no-vdso-function\n");
			continue;
		}
		sample(cases[c].direct, fn, calls);     /* thrown away */
		sample(cases[c].table, fn, calls);
		for (r = 0; r < rounds; r++) {
			direct[r] = sample(cases[c].direct, fn, calls);
			table[r] = sample(cases[c].table, fn, calls);
		}
		out_char(&out_stdout, ' ');
		out_udec(&out_stdout, median(direct, rounds));
		out_char(&out_stdout, ' ');
		out_udec(&out_stdout, median(table, rounds));
		out_char(&out_stdout, '\n');
	}
	out_flush(&out_stdout);
	return 0;
}
