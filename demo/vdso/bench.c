/*
 * demo/vdso/bench.c - `vdso bench [--rounds N] [--calls N]`: what each way into
 * the kernel costs, in nanoseconds per call, measured in one run.
 *
 * Every function of the call table is made two ways: through the table
 * (the vDSO function, when this process has one) and through the system
 * call, so each row reads "how much does the vDSO save here".  On i386
 * one more row compares the two doors of a plain system call, getpid:
 * the AT_SYSINFO gate (__kernel_vsyscall) and `int $0x80`.
 *
 * How it measures:
 *   - a sample is one loop of N calls of one path, timed by two reads of
 *     CLOCK_MONOTONIC around it; the sample is the time / N;
 *   - a round takes one sample of every path, and rounds repeat; the
 *     order of the paths turns by one each round, so that a burst of
 *     noise (another process, a frequency change) falls on all paths
 *     alike rather than on the ones that happen to come first;
 *   - one round before the first is thrown away: it pays for the page
 *     faults, cold caches and branch predictors;
 *   - each path reports the median over the rounds, which one bad round
 *     cannot move, and the min and max, which show the spread.
 * The clock is the vDSO's clock_gettime when there is one (about the cost
 * of the calls being timed), else the system call; the output says which.
 * If neither answers (a seccomp profile that denies it), nothing can be
 * timed: one line, exit 1.
 *
 * Numbers are kept in tenths of a nanosecond, in 32 bits, and divided with
 * u64_div_u32 (lib/div.c): no 64-bit divide, which i386 lacks without libgcc.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include "commands.h"

#define DEFAULT_ROUNDS 11
#define DEFAULT_CALLS  2000
#define MAX_ROUNDS     1000
#define MAX_CALLS      1000000

/*
 * The vDSO counts as "giving a speed-up" when its median is at most 2/3 of
 * the system call's.  A real kernel's vDSO is 10 to 50 times faster; QEMU's
 * user-mode vDSO functions are stubs that make the system call, about 1x.
 */
#define SPEEDUP_MIN_TENTHS 15   /* 1.5x */

/* ---- the loops: one per path, N calls of one thing ------------------------ */

/* Where the calls write their answers; nobody reads them. */
static struct __kernel_timespec ts;
static struct __kernel_old_timeval tv;
static unsigned cpu, node;
static unsigned char random_bytes[4096];

/* A loop returns the last result, so that one call (n = 1) checks the
 * path.  id: the row's entry of the call table (the generic loops use it). */
#define LOOP(name, expr) \
	static long name(unsigned n, int id) \
	{ \
		long r = 0; \
		(void)id; \
		while (n--) \
			r = (expr); \
		return r; \
	}

LOOP(v_realtime, vdso_clock_gettime(CLOCK_REALTIME, &ts))
LOOP(s_realtime, sys_clock_gettime(CLOCK_REALTIME, &ts))
LOOP(v_monotonic, vdso_clock_gettime(CLOCK_MONOTONIC, &ts))
LOOP(s_monotonic, sys_clock_gettime(CLOCK_MONOTONIC, &ts))
LOOP(v_coarse, vdso_clock_gettime(CLOCK_REALTIME_COARSE, &ts))
LOOP(s_coarse, sys_clock_gettime(CLOCK_REALTIME_COARSE, &ts))
LOOP(v_boottime, vdso_clock_gettime(CLOCK_BOOTTIME, &ts))
LOOP(s_boottime, sys_clock_gettime(CLOCK_BOOTTIME, &ts))
LOOP(v_gettimeofday, vdso_gettimeofday(&tv, 0))
LOOP(s_gettimeofday, sys_gettimeofday(&tv, 0))
LOOP(v_time, vdso_time(0))
LOOP(s_time, sys_time(0))
LOOP(v_getcpu, vdso_getcpu(&cpu, &node))
LOOP(s_getcpu, sys_getcpu(&cpu, &node))
LOOP(v_getres, vdso_clock_getres(CLOCK_MONOTONIC, &ts))
LOOP(s_getres, sys_clock_getres(CLOCK_MONOTONIC, &ts))
LOOP(v_random16, vdso_getrandom(random_bytes, 16, 0))
LOOP(s_random16, sys_getrandom(random_bytes, 16, 0))
LOOP(v_random32, vdso_getrandom(random_bytes, 32, 0))
LOOP(s_random32, sys_getrandom(random_bytes, 32, 0))
LOOP(v_random256, vdso_getrandom(random_bytes, 256, 0))
LOOP(s_random256, sys_getrandom(random_bytes, 256, 0))
LOOP(v_random4096, vdso_getrandom(random_bytes, 4096, 0))
LOOP(s_random4096, sys_getrandom(random_bytes, 4096, 0))
/* A function of the table with no row of its own: called as `vdso call`
 * calls it (demo/vdso/call.c), three pointers to zeroed bytes. */
static long generic_area[3][64];
LOOP(v_generic, vdso_call_generic((enum vdso_call_id)id, (long)generic_area[0],
				  (long)generic_area[1], (long)generic_area[2]))
LOOP(s_generic, vdso_twin((enum vdso_call_id)id, (long)generic_area[0],
			  (long)generic_area[1], (long)generic_area[2]))
#ifdef ARCH_VDSO_PAIRS_CALL
/* The call that answers key-value pairs (riscv_hwprobe): one pair, key 0. */
static struct vdso_pair bench_pair;
LOOP(v_pairs, (bench_pair.key = 0, vdso_call_pairs(&bench_pair, 1)))
LOOP(s_pairs, (bench_pair.key = 0, vdso_twin_pairs(&bench_pair, 1)))
#endif
/* getpid by the two doors, bypassing sys_call's choice (arch/<arch>/arch.h) */
LOOP(g_getpid, arch_gate_syscall(sys_gate, __NR_getpid, 0, 0, 0, 0, 0, 0))
LOOP(i_getpid, arch_syscall(__NR_getpid, 0, 0, 0, 0, 0, 0))

/* ---- the rows -------------------------------------------------------------- */

#define GATE_ROW (-1)   /* the getpid row: the gate, not a call table entry */

struct row {
	const char *call;       /* "clock_gettime" */
	const char *arg;        /* "REALTIME", or "-" */
	int id;                 /* enum vdso_call_id of the fast side, or GATE_ROW */
	long (*fast)(unsigned, int);    /* the vDSO (or the gate) */
	long (*slow)(unsigned, int);    /* the system call (or the raw instruction) */
	int bulk;               /* the cost is the work, not the way in: no
				 * speed-up to expect (long getrandom requests,
				 * ChaCha20 either side) */
};

static const struct row written_rows[] = {
	{ "clock_gettime", "REALTIME", VDSO_CLOCK_GETTIME, v_realtime, s_realtime, 0 },
	{ "clock_gettime", "MONOTONIC", VDSO_CLOCK_GETTIME, v_monotonic, s_monotonic, 0 },
	{ "clock_gettime", "REALTIME_COARSE", VDSO_CLOCK_GETTIME, v_coarse, s_coarse, 0 },
	{ "clock_gettime", "BOOTTIME", VDSO_CLOCK_GETTIME, v_boottime, s_boottime, 0 },
	{ "gettimeofday", "-", VDSO_GETTIMEOFDAY, v_gettimeofday, s_gettimeofday, 0 },
	{ "time", "-", VDSO_TIME, v_time, s_time, 0 },
	{ "getcpu", "-", VDSO_GETCPU, v_getcpu, s_getcpu, 0 },
	{ "clock_getres", "MONOTONIC", VDSO_CLOCK_GETRES, v_getres, s_getres, 0 },
	{ "getrandom", "16 bytes", VDSO_GETRANDOM, v_random16, s_random16, 0 },
	{ "getrandom", "32 bytes", VDSO_GETRANDOM, v_random32, s_random32, 0 },
	{ "getrandom", "256 bytes", VDSO_GETRANDOM, v_random256, s_random256, 1 },
	{ "getrandom", "4096 bytes", VDSO_GETRANDOM, v_random4096, s_random4096, 1 },
#ifdef ARCH_VDSO_PAIRS_CALL
	{ 0, "key 0", ARCH_VDSO_PAIRS_CALL, v_pairs, s_pairs, 0 },     /* 0: the table's name */
#endif
	/* the last row: print_verdicts finds it there */
	{ "getpid", "gate/" ARCH_RAW_ENTRY, GATE_ROW, g_getpid, i_getpid, 0 },
};
#define NWRITTEN (sizeof written_rows / sizeof written_rows[0])
#define MAX_ROWS (NWRITTEN + VDSO_NCALLS)

/* The rows of this run: the written ones, then one for each function of
 * the table that has none (a line the arch's table gained), then the
 * gate's, last (print_verdicts finds it there). */
static struct row rows[MAX_ROWS];
static unsigned nrows;

static void make_rows(void)
{
	unsigned i, k;

	for (i = 0; i + 1 < NWRITTEN; i++) {
		rows[nrows] = written_rows[i];
		if (!rows[nrows].call)
			rows[nrows].call = vdso_calls[rows[nrows].id].name;
		nrows++;
	}
	for (i = 0; i < VDSO_NCALLS; i++) {
		for (k = 0; k < NWRITTEN && written_rows[k].id != (int)i; k++)
			;
		if (k == NWRITTEN)
			rows[nrows++] = (struct row){ vdso_calls[i].name, "-", (int)i,
						      v_generic, s_generic, 0 };
	}
	rows[nrows++] = written_rows[NWRITTEN - 1];
}
#define FAST 0
#define SLOW 1

/* What became of one side of a row. */
enum state { ABSENT, FAILED, MEASURED };

struct result {
	enum state state;
	long err;               /* FAILED: the -errno of the trial call */
	uint32_t median, min, max;      /* MEASURED: tenths of a ns per call */
};

static struct result results[MAX_ROWS][2];
static uint32_t samples[MAX_ROWS * 2][MAX_ROUNDS];

/* ---- timing ---------------------------------------------------------------- */

static int timed_by_vdso;       /* the clock: the vDSO's, or the syscall's */

static long now(struct __kernel_timespec *t)
{
	if (timed_by_vdso)
		return vdso_clock_gettime(CLOCK_MONOTONIC, t);
	return sys_clock_gettime(CLOCK_MONOTONIC, t);
}

/* The clock: the vDSO's if it has one that answers, else the system
 * call's.  0, or the system call's -errno: then nothing can be timed. */
static long pick_clock(void)
{
	struct __kernel_timespec t;

	timed_by_vdso = vdso_path(VDSO_CLOCK_GETTIME) == PATH_VDSO;
	if (timed_by_vdso && now(&t) == 0)
		return 0;
	timed_by_vdso = 0;
	return now(&t);
}

/* One sample: n calls through 'loop', in tenths of a ns per call, in
 * *tenths_out.  0, or the clock's -errno. */
static long sample(long (*loop)(unsigned, int), int id, unsigned n, uint32_t *tenths_out)
{
	struct __kernel_timespec t0, t1;
	int64_t ns;
	uint64_t tenths;
	long r;

	if ((r = now(&t0)) != 0)
		return r;
	loop(n, id);
	if ((r = now(&t1)) != 0)
		return r;
	ns = ns_of(t1.tv_sec - t0.tv_sec, t1.tv_nsec - t0.tv_nsec);
	if (ns < 0)             /* MONOTONIC cannot go back; be safe anyway */
		ns = 0;
	tenths = u64_div_u32((uint64_t)ns * 10 + n / 2, n, 0);     /* rounded */
	*tenths_out = tenths > UINT32_MAX ? UINT32_MAX : (uint32_t)tenths;
	return 0;
}

/* Median, min and max of v[0..n): sort (insertion: n is small), take the
 * middle, or the mean of the two middles. */
static void summarize(uint32_t *v, unsigned n, struct result *res)
{
	unsigned i, j;

	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	res->min = v[0];
	res->max = v[n - 1];
	if (n & 1)
		res->median = v[n / 2];
	else    /* halves first: the sum of two large ones could overflow */
		res->median = v[n / 2 - 1] / 2 + v[n / 2] / 2 + (v[n / 2 - 1] & v[n / 2] & 1);
}

/* Is the fast side of a row there to be measured? */
static int fast_exists(const struct row *r)
{
	if (r->id == GATE_ROW)
		return sys_gate != 0;
	return vdso_path((enum vdso_call_id)r->id) == PATH_VDSO;
}

/* ---- printing -------------------------------------------------------------- */

/* Tenths of a ns as text: "21.3" below 100 ns, whole ns from there on. */
static int fmt_tenths(char *buf, uint32_t t)
{
	unsigned digit;
	uint64_t whole = u64_divmod10(t, &digit);
	int n;

	if (t >= 1000)
		return fmt_udec(buf, whole + (digit >= 5));
	n = fmt_udec(buf, whole);
	buf[n++] = '.';
	buf[n++] = (char)('0' + digit);
	return n;
}

static void out_tenths(struct out *o, uint32_t t)
{
	char buf[24];

	out_mem(o, buf, (size_t)fmt_tenths(buf, t));
}

/* One side's cell: "21.3 (20.9-25.0)", "-" or the error's name. */
static void out_cell(struct out *o, const struct result *res, int width)
{
	char buf[64];
	int n = 0;

	if (res->state == ABSENT) {
		buf[n++] = '-';
	} else if (res->state == FAILED) {
		const char *e = errno_name((int)-res->err);

		n = (int)strlen(e);
		memcpy(buf, e, (size_t)n);
	} else {
		n = fmt_tenths(buf, res->median);
		buf[n++] = ' ';
		buf[n++] = '(';
		n += fmt_tenths(buf + n, res->min);
		buf[n++] = '-';
		n += fmt_tenths(buf + n, res->max);
		buf[n++] = ')';
	}
	buf[n] = 0;
	out_field(o, buf, width);
}

/* slow / fast in tenths ("49.0"), rounded; 0 if it cannot be said. */
static uint32_t speedup_tenths(const struct result *fast, const struct result *slow)
{
	uint64_t q;

	if (fast->state != MEASURED || slow->state != MEASURED || fast->median == 0)
		return 0;
	q = u64_div_u32((uint64_t)slow->median * 10 + fast->median / 2, fast->median, 0);
	return q > UINT32_MAX ? UINT32_MAX : (uint32_t)q;
}

static void print_table(struct out *o)
{
	unsigned i;

	out_str(o, "ns per call: median (min-max) over the rounds\n\n");
	out_str(o, "call          argument        vDSO                syscall             speed-up\n");
	for (i = 0; i < nrows; i++) {
		const struct result *f = &results[i][FAST], *s = &results[i][SLOW];
		uint32_t up = speedup_tenths(f, s);
		char buf[24];
		int n;

		if (rows[i].id == GATE_ROW && !ARCH_HAS_GATE)
			continue;       /* no gate on this arch: nothing to compare */
		out_field(o, rows[i].call, -14);
		out_field(o, rows[i].arg, -16);
		out_cell(o, f, -20);
		out_cell(o, s, -20);
		if (up) {
			n = fmt_tenths(buf, up);
			buf[n++] = 'x';
			buf[n] = 0;
		} else {
			buf[0] = '-';
			buf[1] = 0;
		}
		out_field(o, buf, 7);
		out_char(o, '\n');
	}
}

/* The name of row i: "clock_gettime REALTIME", "time", "getpid". */
static size_t row_label(unsigned i, char *buf)
{
	size_t n = strlen(rows[i].call), m = strlen(rows[i].arg);

	memcpy(buf, rows[i].call, n);
	if (rows[i].arg[0] != '-' && rows[i].id != GATE_ROW) {
		buf[n++] = ' ';
		memcpy(buf + n, rows[i].arg, m);
		n += m;
	}
	buf[n] = 0;
	return n;
}

/*
 * A bar chart of the medians, linear, so that a bar ten times longer is a
 * call ten times dearer.  The scale is set by the rows of the call table;
 * on i386 `int $0x80` can be far slower than everything else (the kernel's
 * entry_INT80_32 path, with every mitigation), and a bar past the scale is
 * cut short and ends in '>'.  So are the long getrandom requests, which
 * are not part of the scale either: their cost is the work.
 */
#define BAR_WIDTH 28

static void print_bar(struct out *o, const char *label, const char *via,
		      const struct result *res, uint32_t longest)
{
	uint64_t len;

	out_field(o, label, -30);
	out_field(o, via, -10);
	out_char(o, '|');
	if (res->state != MEASURED) {
		out_str(o, res->state == ABSENT ? " (absent)\n" : " (failed)\n");
		return;
	}
	len = u64_div_u32((uint64_t)res->median * BAR_WIDTH + longest / 2, longest, 0);
	if (len == 0 && res->median > 0)
		len = 1;        /* a path that costs anything shows */
	if (len > BAR_WIDTH) {
		out_repeat(o, '#', BAR_WIDTH - 1);
		out_char(o, '>');
	} else {
		out_repeat(o, '#', (int)len);
	}
	out_char(o, ' ');
	out_tenths(o, res->median);
	out_char(o, '\n');
}

static void print_chart(struct out *o)
{
	uint32_t longest = 1;
	unsigned i, k;

	for (i = 0; i < nrows; i++)
		for (k = 0; k < 2; k++)
			if (rows[i].id != GATE_ROW && !rows[i].bulk &&
			    results[i][k].state == MEASURED &&
			    results[i][k].median > longest)
				longest = results[i][k].median;
	out_str(o, "\nmedian ns per call, linear: a full bar is ");
	out_tenths(o, longest);
	out_str(o, " ns, '>' goes past it\n");
	for (i = 0; i < nrows; i++) {
		char label[40];

		if (rows[i].id == GATE_ROW && !ARCH_HAS_GATE)
			continue;
		row_label(i, label);
		print_bar(o, label, rows[i].id == GATE_ROW ? "gate" : "vDSO",
			  &results[i][FAST], longest);
		print_bar(o, "", rows[i].id == GATE_ROW ? ARCH_RAW_ENTRY : "syscall",
			  &results[i][SLOW], longest);
	}
}

/*
 * After 'intro', the rows for which pick() is true, "a, b, c", wrapped
 * to stay within 80 columns; then a newline.
 */
#define LINE_WIDTH 78

static void print_rows_where(struct out *o, const char *intro, int (*pick)(unsigned))
{
	unsigned i, count = 0;
	size_t col = strlen(intro);

	out_str(o, intro);
	for (i = 0; i < nrows; i++) {
		char label[40];
		size_t n;

		if (!pick(i))
			continue;
		n = row_label(i, label);
		if (count++) {
			out_char(o, ',');
			col++;
		}
		if (col + 1 + n > LINE_WIDTH) {
			out_str(o, "\n ");
			col = 1;
		}
		out_char(o, ' ');
		out_str(o, label);
		col += 1 + n;
	}
	out_char(o, '\n');
}

static int vdso_row(unsigned i) { return rows[i].id != GATE_ROW; }

static int no_speedup(unsigned i)
{
	uint32_t up = speedup_tenths(&results[i][FAST], &results[i][SLOW]);

	return vdso_row(i) && !rows[i].bulk && up && up < SPEEDUP_MIN_TENTHS;
}

static int missing_in_vdso(unsigned i)
{
	return vdso_row(i) && results[i][FAST].state == ABSENT;
}

static int count_rows(int (*pick)(unsigned))
{
	unsigned i;
	int n = 0;

	for (i = 0; i < nrows; i++)
		n += pick(i);
	return n;
}

/* What the numbers mean here: no vDSO, a slow one, a missing function. */
static void print_verdicts(struct out *o)
{
	unsigned i;

	out_char(o, '\n');
	if (vdso_status != 0) {
		out_str(o, "no vDSO here: ");
		out_str(o, vdso_why_absent());
		out_str(o, "\n  so only the system calls were measured\n");
	} else {
		if (count_rows(missing_in_vdso))
			print_rows_where(o, "not in this vDSO, so served by the system call:",
					 missing_in_vdso);
		if (count_rows(no_speedup)) {
			print_rows_where(o, "the vDSO is present but gives no speed-up for:",
					 no_speedup);
			out_str(o, "  (its functions are no faster than the system call: stubs that\n"
				   "  make the call themselves, as QEMU's user-mode vDSO functions do)\n");
		}
	}
	for (i = 0; i < VDSO_NCALLS; i++) {
		if (!vdso_calls[i].fallbacks)
			continue;
		out_str(o, vdso_calls[i].name);
		out_str(o, ": the vDSO answered ENOSYS ");
		out_udec(o, vdso_calls[i].fallbacks);
		out_str(o, " times; the system call served those\n");
	}
	if (ARCH_HAS_GATE) {
		const struct result *g = &results[nrows - 1][FAST];

		if (g->state == ABSENT && vdso_off)
			out_str(o, "getpid: the gate is switched off (VDSO=off), only " ARCH_RAW_ENTRY " was measured\n");
		else if (g->state == ABSENT)
			out_str(o, "getpid: no AT_SYSINFO gate here, only " ARCH_RAW_ENTRY " was measured\n");
		else if (speedup_tenths(g, &results[nrows - 1][SLOW]) < SPEEDUP_MIN_TENTHS)
			out_str(o, "getpid: the gate is no faster than " ARCH_RAW_ENTRY " here\n");
	}
}

/* ---- the command ----------------------------------------------------------- */

/* "--rounds N": the number after argv[*k], from 1 to max ('range' says so
 * in words), else a usage error (2); 0 when fine. */
static int parse_count(int argc, char **argv, int *k, unsigned max,
		       const char *range, unsigned *value)
{
	uint64_t v;

	if (*k + 1 >= argc)
		return usage_error("bench", argv[*k], "a number must follow");
	*k += 1;
	if (parse_u64(argv[*k], &v) < 0 || v == 0 || v > max)
		return usage_error("bench", argv[*k], range);
	*value = (unsigned)v;
	return 0;
}

/* One call down each path: a path that fails (an old kernel without a
 * clock, an emulator without getcpu) is reported, not timed. */
static void try_paths(void)
{
	unsigned i, k;

	for (i = 0; i < nrows; i++) {
		long (*loops[2])(unsigned, int) = { rows[i].fast, rows[i].slow };

		for (k = 0; k < 2; k++) {
			struct result *res = &results[i][k];
			long r;

			res->state = ABSENT;
			if ((k == FAST && !fast_exists(&rows[i])) ||
			    (rows[i].id == GATE_ROW && !ARCH_HAS_GATE))
				continue;
			r = loops[k](1, rows[i].id);
			if (sys_failed(r)) {
				res->state = FAILED;
				res->err = r;
			} else {
				res->state = MEASURED;
			}
		}
	}
}

/*
 * Round -1 warms up and is thrown away; rounds 0.. are kept.  Path p of a
 * round is path (p + round) of the list, so the order turns.  0, or the
 * timer's -errno.
 */
static long run_rounds(unsigned nrounds, unsigned ncalls)
{
	unsigned npaths = nrows * 2, i;
	int round;
	long clock_err;

	for (round = -1; round < (int)nrounds; round++) {
		unsigned p;

		for (p = 0; p < npaths; p++) {
			unsigned path = p + (unsigned)(round + 1);
			const struct row *r;
			uint32_t t;

			while (path >= npaths)
				path -= npaths;
			r = &rows[path / 2];
			if (results[path / 2][path & 1].state != MEASURED)
				continue;
			clock_err = sample((path & 1) == FAST ? r->fast : r->slow, r->id, ncalls, &t);
			if (clock_err != 0)
				return clock_err;
			if (round >= 0)
				samples[path][round] = t;
		}
	}
	for (i = 0; i < npaths; i++)
		if (results[i / 2][i & 1].state == MEASURED)
			summarize(samples[i], nrounds, &results[i / 2][i & 1]);
	return 0;
}

int cmd_bench(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned nrounds = DEFAULT_ROUNDS, ncalls = DEFAULT_CALLS;
	int a, status;
	long clock_err;

	for (a = 1; a < argc; a++) {
		if (str_eq(argv[a], "--rounds"))
			status = parse_count(argc, argv, &a, MAX_ROUNDS,
					     "--rounds takes 1 to 1000", &nrounds);
		else if (str_eq(argv[a], "--calls"))
			status = parse_count(argc, argv, &a, MAX_CALLS,
					     "--calls takes 1 to 1000000", &ncalls);
		else
			return usage_error("bench", argv[a], "unknown argument");
		if (status)
			return status;
	}

	/* The rows, the clock, then the paths, then the rounds. */
	make_rows();
	if ((clock_err = pick_clock()) != 0)
		return file_error("bench", "clock_gettime(CLOCK_MONOTONIC), the timer", clock_err);
	try_paths();
	if ((clock_err = run_rounds(nrounds, ncalls)) != 0)
		return file_error("bench", "clock_gettime(CLOCK_MONOTONIC), the timer", clock_err);

	out_printf(o, "vdso bench (" ARCH_NAME "): %u rounds of %u calls a path, interleaved\n",
		   nrounds, ncalls);
	out_str(o, "warm-up: one round first, not counted\n");
	out_printf(o, "timed by: %s\n", timed_by_vdso ? "the vDSO's clock_gettime(MONOTONIC)"
		   : vdso_path(VDSO_CLOCK_GETTIME) == PATH_VDSO
		   ? "the clock_gettime(MONOTONIC) system call (the vDSO's failed)"
		   : "the clock_gettime(MONOTONIC) system call (no vDSO clock)");
	out_printf(o, "system calls enter by: %s\n\n",
		   sys_gate ? "the gate (AT_SYSINFO)" : ARCH_RAW_ENTRY);
	print_table(o);
	print_chart(o);
	print_verdicts(o);
	return 0;
}
