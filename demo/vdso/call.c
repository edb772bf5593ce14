/*
 * demo/vdso/call.c - `vdso call [NAME...]`, `vdso call --list`: each function
 * of the call table (arch/<arch>/vdso_calls.h), or its names, one a line; made
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
#include <linux/random.h>
#include "commands.h"
#include "served.h"

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
		verdict(r1, r2, ns_of(b.tv_sec - a.tv_sec, b.tv_nsec - a.tv_nsec),
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

/* ---- getrandom ---------------------------------------------------------- */

#define RANDOM_MAX (1u << 20)   /* 1 MiB, the longest request */

static unsigned char *random_buf[4];    /* path twice, syscall twice */

/* Four buffers of RANDOM_MAX, mapped on first use.  0 or -errno. */
static long random_buffers(void)
{
	long r;
	int i;

	if (random_buf[0])
		return 0;
	r = sys_mmap(0, 4 * (size_t)RANDOM_MAX, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(r))
		return r;
	for (i = 0; i < 4; i++)
		random_buf[i] = (unsigned char *)r + (size_t)i * RANDOM_MAX;
	return 0;
}

static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* "32: 9f3a1c0e.." or the error's name, in a field */
static void print_bytes(long r, const unsigned char *p)
{
	char buf[40];
	int n, i;

	if (sys_failed(r)) {
		out_field(&out_stdout, errno_name((int)r), -22);
		return;
	}
	n = fmt_udec(buf, (uint64_t)r);
	if (r > 0) {
		buf[n++] = ':';
		buf[n++] = ' ';
		for (i = 0; i < 4 && i < r; i++)
			n += fmt_hex(buf + n, p[i], 2);
		if (r > 4) {
			buf[n++] = '.';
			buf[n++] = '.';
		}
	}
	buf[n] = 0;
	out_field(&out_stdout, buf, -22);
}

/*
 * The verdict on four answers of one request, a and b by the path, c and d
 * by the syscall: the same length (or the same error) all four; from 16
 * bytes on (a chance of 2^-128 to fail by luck), none all zero and no two
 * equal.
 */
static const char *random_verdict(long r[4], size_t len)
{
	int i, j;

	for (i = 1; i < 4; i++)
		if (r[i] != r[0])
			return "DISAGREE (lengths)";
	if (sys_failed(r[0]))
		return "agree";
	if ((size_t)r[0] != len)
		return "DISAGREE (short)";
	if (len < 16)
		return "agree";
	for (i = 0; i < 4; i++) {
		if (all_zero(random_buf[i], len))
			return "DISAGREE (all zero)";
		for (j = 0; j < i; j++)
			if (memcmp(random_buf[i], random_buf[j], len) == 0)
				return "DISAGREE (repeated)";
	}
	return "agree";
}

static void random_row(size_t len, unsigned flags, const char *arg)
{
	struct out *o = &out_stdout;
	const char *v;
	long r[4];
	int i;

	for (i = 0; i < 4; i++) {
		memset(random_buf[i], 0, len);
		r[i] = i < 2 ? vdso_getrandom(random_buf[i], len, flags)
			     : sys_getrandom(random_buf[i], len, flags);
	}
	out_field(o, "getrandom", -14);
	out_field(o, arg, -17);
	out_field(o, vdso_path_name(vdso_calls[VDSO_GETRANDOM].served), -8);
	print_bytes(r[0], random_buf[0]);
	print_bytes(r[2], random_buf[2]);
	v = random_verdict(r, len);
	out_str(o, v);
	out_char(o, '\n');
	if (v[0] == 'D')
		disagreements++;
}

/* A step of our own that failed (a buffer, a pipe, a fork): no verdict,
 * and the command fails naming it, never as a disagreement. */
static const char *set_up_call;
static long set_up_error;

static void set_up_failed(const char *call, long err)
{
	if (!set_up_call)
		set_up_call = call, set_up_error = err;
}

/*
 * After fork: the child's state was wiped (MAP_DROPPABLE implies
 * wipe-on-fork), so it must reseed, not repeat the parent.  The child
 * sends its bytes and its path through a pipe.  64 bytes: a length no
 * other row asks for, so that a trace tells these calls apart.
 */
#define FORK_LEN 64

static void random_fork_row(void)
{
	struct out *o = &out_stdout;
	unsigned char child[FORK_LEN + 1];
	int fds[2], ws = 0;
	long pid, r, got = 0, mine;
	const char *v = "agree";

	vdso_getrandom(random_buf[0], FORK_LEN, 0);    /* the parent's state is in use */
	r = sys_pipe2(fds, O_CLOEXEC);
	pid = sys_failed(r) ? r : sys_fork();
	if (pid == 0) {
		long n = vdso_getrandom(child, FORK_LEN, 0);

		child[FORK_LEN] = (unsigned char)vdso_calls[VDSO_GETRANDOM].served;
		sys_write(fds[1], child, n == FORK_LEN ? FORK_LEN + 1 : 0);
		sys_exit_group(0);
	}
	if (sys_failed(pid)) {          /* ours, not the kernel's: no verdict */
		out_printf(o, "getrandom     64 after fork    %s: %s, not compared\n",
			   sys_failed(r) ? "pipe2" : "fork", errno_name((int)pid));
		set_up_failed(sys_failed(r) ? "pipe2" : "fork", pid);
		return;
	}
	sys_close(fds[1]);
	mine = vdso_getrandom(random_buf[0], FORK_LEN, 0);
	while (got < FORK_LEN + 1 &&
	       (r = sys_read(fds[0], child + got, (size_t)(FORK_LEN + 1 - got))) > 0)
		got += r;
	sys_close(fds[0]);
	sys_wait4((int)pid, &ws, 0);
	out_field(o, "getrandom", -14);
	out_field(o, "64 after fork", -17);
	out_field(o, vdso_path_name(vdso_calls[VDSO_GETRANDOM].served), -8);
	print_bytes(mine, random_buf[0]);
	print_bytes(got == FORK_LEN + 1 ? FORK_LEN : -EIO, child);
	if (got != FORK_LEN + 1 || mine != FORK_LEN)
		v = "DISAGREE (the child's bytes did not come)";
	else if (child[FORK_LEN] != vdso_calls[VDSO_GETRANDOM].served)
		v = "DISAGREE (the child took another path)";
	else if (memcmp(child, random_buf[0], FORK_LEN) == 0)
		v = "DISAGREE (the child repeats the parent)";
	out_str(o, v);
	out_str(o, v[0] == 'a' ? " (parent | child: differ)\n" : "\n");
	if (v[0] == 'D')
		disagreements++;
}

/* This thread's state, as vdso_getrandom_info found or made it: one line,
 * and what the query answered (0, or -errno: -ENOSYS with no vDSO's). */
static long print_random_state(void)
{
	struct vdso_getrandom_info info;
	long r = vdso_getrandom_info(&info);

	if (r == 0)
		out_printf(&out_stdout, "getrandom state: %u bytes at 0x%lx, mmap prot 0x%x flags 0x%x;"
			   " %u a page, %lu bytes apart%s\n",
			   info.params.size_of_opaque_state, (unsigned long)info.state,
			   info.params.mmap_prot, info.params.mmap_flags, info.per_page,
			   (unsigned long)info.stride, info.params.mmap_flags & 0x08 ?
			   "\n  (flags: MAP_DROPPABLE: never swapped out, wiped in a child)" : "");
	else
		out_printf(&out_stdout, "getrandom state: none (%s: %s)\n", errno_name((int)r),
			   r == -ENOSYS ? "no vDSO getrandom here" : errno_message((int)r));
	return r;
}

static void check_getrandom(void)
{
	static const unsigned lengths[] = { 0, 1, 16, 32, 256, 4096, RANDOM_MAX };
	static const struct { unsigned flags; const char *arg; } flag_rows[] = {
		{ GRND_NONBLOCK, "32 NONBLOCK" },
		{ GRND_INSECURE, "32 INSECURE" },
		{ GRND_RANDOM, "32 RANDOM" },
		{ 0x80, "32 flags 0x80" },      /* no such flag: -EINVAL */
	};
	char arg[24];
	unsigned i;
	long r;

	if ((r = random_buffers()) != 0) {
		out_printf(&out_stdout, "getrandom     (every row)      mmap of its buffers: %s,"
			   " not compared\n", errno_name((int)r));
		set_up_failed("mmap", r);
		return;
	}
	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		arg[fmt_udec(arg, lengths[i])] = 0;
		random_row(lengths[i], 0, arg);
	}
	for (i = 0; i < sizeof flag_rows / sizeof flag_rows[0]; i++)
		random_row(32, flag_rows[i].flags, flag_rows[i].arg);
	random_fork_row();
	print_random_state();
}

/*
 * `vdso tour 7`: one call of 16 bytes (not 32, the length of the vDSO's
 * own reseed), the state it used, and who served it.
 */
#define TOUR_RANDOM_LEN 16

int call_getrandom_step(void)
{
	struct out *o = &out_stdout;
	unsigned char buf[TOUR_RANDOM_LEN];
	long r = print_random_state(), n;
	int i;

	n = vdso_getrandom(buf, sizeof buf, 0);
	if (n != TOUR_RANDOM_LEN) {
		out_printf(o, "getrandom of %d bytes answered %ld\n", TOUR_RANDOM_LEN, n);
		return 1;
	}
	/* Without the vDSO's, one line: why not, and the system call's bytes. */
	if (r == -ENOSYS)
		out_str(o, vdso_status != 0 ? "no vDSO here" : VDSO_NO_GETRANDOM);
	else if (r < 0)
		out_printf(o, "the vDSO's state cannot be had: %s (%s)", errno_name((int)-r),
			   errno_message((int)-r));
	else
		out_printf(o, "one call of %d bytes, served by the %s", TOUR_RANDOM_LEN,
			   vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO ? "vDSO" : "system call");
	out_printf(o, r < 0 ? ": the system call serves, %d bytes: " : ": ", TOUR_RANDOM_LEN);
	for (i = 0; i < TOUR_RANDOM_LEN; i++)
		out_printf(o, "%02x", buf[i]);
	out_char(o, '\n');
	if (r < 0)
		return 0;
	if (vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO)
		out_str(o, "no system call for them: the vDSO runs ChaCha20 in user mode on a key kept\n"
			"in the state; the key came from one getrandom(2) of 32 bytes, made by the vDSO\n"
			"while the state was new (its generation 0 is not the kernel's), and comes\n"
			"again only when the kernel's own generator reseeds\n");
	else
		out_str(o, "the system call served all the same (the state was busy, or the vDSO said\n"
			"-ENOSYS): getrandom(2), into the kernel and back\n");
	return 0;
}

/*
 * A function of the table that no check above knows (a line the arch's
 * table gained): called through the path and through its twin with the
 * same three arguments, each a pointer to zeroed bytes (what most vDSO
 * functions take: places to write their answers, which a bad number turns
 * into an error, not a crash).  They agree when both succeed or both
 * fail with the same error: the most that can be said of a result whose
 * meaning is not known here.
 */
#define GENERIC_WORDS 64

static void check_generic(enum vdso_call_id id)
{
	static long area[2][3][GENERIC_WORDS];
	long r[2];
	int agree;

	memset(area, 0, sizeof area);
	r[0] = vdso_call_generic(id, (long)area[0][0], (long)area[0][1], (long)area[0][2]);
	r[1] = vdso_twin(id, (long)area[1][0], (long)area[1][1], (long)area[1][2]);
	row_start(id, "-");
	print_time(r[0], r[0], 0, 0);
	print_time(r[1], r[1], 0, 0);
	agree = sys_failed(r[0]) || sys_failed(r[1]) ? r[0] == r[1] : 1;
	out_str(&out_stdout, agree ? "agree (both answered alike)\n" : "DISAGREE\n");
	if (!agree)
		disagreements++;
}

#ifdef ARCH_VDSO_PAIRS_CALL
/*
 * The call that answers key-value pairs (riscv_hwprobe: the arch's
 * vdso_calls.h names it and its keys): every key asked for once through
 * the path and once through the system call.  They agree when each pair
 * comes back with the same key (-1: not a key this kernel knows) and the
 * same value: these describe the machine, they do not change.
 */
static const struct { int64_t key; const char *name; } pair_keys[] = ARCH_VDSO_PAIRS_KEYS;
#define NPAIR_KEYS (sizeof pair_keys / sizeof pair_keys[0])

static void print_pair(long r, const struct vdso_pair *p)
{
	char buf[24] = "0x";

	if (sys_failed(r))
		out_field(&out_stdout, errno_name((int)r), -22);
	else if (p->key == -1)
		out_field(&out_stdout, "unknown-key", -22);    /* the kernel answered key -1 */
	else {
		buf[2 + fmt_hex(buf + 2, p->value, 1)] = 0;
		out_field(&out_stdout, buf, -22);
	}
}

static void check_pairs(void)
{
	struct vdso_pair a[NPAIR_KEYS], b[NPAIR_KEYS];
	long r1, r2;
	unsigned i;
	int agree;

	for (i = 0; i < NPAIR_KEYS; i++) {
		a[i].key = b[i].key = pair_keys[i].key;
		a[i].value = b[i].value = 0;
	}
	r1 = vdso_call_pairs(a, (long)NPAIR_KEYS);
	r2 = vdso_twin_pairs(b, (long)NPAIR_KEYS);
	for (i = 0; i < NPAIR_KEYS; i++) {
		char arg[24] = "key ";

		arg[4 + fmt_dec(arg + 4, pair_keys[i].key)] = 0;
		row_start(ARCH_VDSO_PAIRS_CALL, arg);
		print_pair(r1, &a[i]);
		print_pair(r2, &b[i]);
		if (sys_failed(r1) || sys_failed(r2))
			agree = r1 == r2;
		else
			agree = a[i].key == b[i].key && a[i].value == b[i].value;
		out_printf(&out_stdout, "%s (%s)\n", agree ? "agree" : "DISAGREE", pair_keys[i].name);
		if (!agree)
			disagreements++;
	}
	if (!vdso_calls[ARCH_VDSO_PAIRS_CALL].fn)
		out_printf(&out_stdout, "%s: this vDSO has no such function: both columns are"
			   " the system call\n", vdso_calls[ARCH_VDSO_PAIRS_CALL].name);
}
#endif

/* The checks written for a function; the table's other lines get check_generic. */
static const struct {
	enum vdso_call_id id;
	void (*check)(void);
} checks[] = {
	{ VDSO_CLOCK_GETTIME, check_clock_gettime },
	{ VDSO_GETTIMEOFDAY, check_gettimeofday },
	{ VDSO_TIME, check_time },
	{ VDSO_CLOCK_GETRES, check_clock_getres },
	{ VDSO_GETCPU, check_getcpu },
	{ VDSO_GETRANDOM, check_getrandom },
};
#define NCHECKS (sizeof checks / sizeof checks[0])

static void check_call(enum vdso_call_id id)
{
	unsigned i;

	for (i = 0; i < NCHECKS; i++)
		if (checks[i].id == id) {
			checks[i].check();
			return;
		}
#ifdef ARCH_VDSO_PAIRS_CALL
	if (id == ARCH_VDSO_PAIRS_CALL) {
		check_pairs();
		return;
	}
#endif
	check_generic(id);
}

/* The table's entry of that name, or -1. */
static int find_call(const char *name)
{
	unsigned i;

	for (i = 0; i < VDSO_NCALLS; i++)
		if (str_eq(name, vdso_calls[i].name))
			return (int)i;
	return -1;
}

#ifdef ARCH_VDSO_TRAMPOLINE
/*
 * Where the arch's vDSO says an error by a flag (arch/<arch>/arch.h,
 * ARCH_VDSO_ERROR_FLAG), one bad clock id shows it live: the flag and
 * the raw result the vDSO function came back with, what the runtime made
 * of them, and the system call's answer beside.
 */
static void show_error_flag(struct out *o)
{
	struct __kernel_timespec t;
	long by_vdso, by_syscall;

	if (!vdso_calls[VDSO_CLOCK_GETTIME].fn) {
		out_str(o, "\nerror flag (" ARCH_VDSO_ERROR_FLAG "): not shown: no vDSO clock_gettime here\n");
		return;
	}
	by_vdso = vdso_clock_gettime(-1, &t);
	out_printf(o, "\nerror flag: clock_gettime(-1) through the vDSO came back with " ARCH_VDSO_ERROR_FLAG
		   " %s and %ld in the result register,\n", arch_vdso_last_flag ? "set" : "clear",
		   (long)arch_vdso_last_raw);
	by_syscall = sys_clock_gettime(-1, &t);
	out_printf(o, "  which the runtime reads as %s; the system call (" ARCH_RAW_ENTRY ") answers %s%s\n",
		   by_vdso < 0 ? errno_name((int)by_vdso) : "success",
		   by_syscall < 0 ? errno_name((int)by_syscall) : "success",
		   by_vdso == by_syscall ? ": the same" : ": NOT the same");
	(void)vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	out_printf(o, "  clock_gettime(MONOTONIC) through the vDSO: " ARCH_VDSO_ERROR_FLAG " %s, %ld in the result register\n",
		   arch_vdso_last_flag ? "set" : "clear", (long)arch_vdso_last_raw);
}
#else
static void show_error_flag(struct out *o) { (void)o; }
#endif

int cmd_call(int argc, char **argv)
{
	struct out *o = &out_stdout;
	unsigned i;
	int k;

	if (argc == 2 && str_eq(argv[1], "--list")) {     /* the table's names, one a line */
		for (i = 0; i < VDSO_NCALLS; i++)
			out_printf(o, "%s\n", vdso_calls[i].name);
		return out_flush(o) < 0;
	}
	for (k = 1; k < argc; k++)      /* every name first: no half a run */
		if (find_call(argv[k]) < 0)
			return usage_error("call", argv[k], "unknown function");

	out_str(o, "function      argument         path    via the path          via the syscall       verdict\n");
	disagreements = 0;
	if (argc < 2) {
		for (i = 0; i < VDSO_NCALLS; i++)
			check_call((enum vdso_call_id)i);
	} else {
		for (k = 1; k < argc; k++)
			check_call((enum vdso_call_id)find_call(argv[k]));
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
		if (vdso_calls[i].passed_on)
			out_printf(o, "[%u passed on to the syscall]", vdso_calls[i].passed_on);
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
	served_print(o);
	/* Only in the full run: a run that names functions makes the calls
	 * of their rows and no other, so that a trace of it counts them. */
	if (argc < 2)
		show_error_flag(o);
	if (disagreements) {
		char count[24];

		count[fmt_udec(count, (uint64_t)disagreements)] = 0;
		return report("call", 0, "a path and its system call disagree", count);
	}
	if (set_up_call)
		return file_error("call", set_up_call, set_up_error);
	return 0;
}
