/*
 * demo/vdso/check.c - `vdso check`: what the kernel's own vDSO selftests
 * check (tools/testing/selftests/vDSO/: vdso_test_abi, _correctness,
 * _gettimeofday, _getcpu, _getrandom), checked here with this runtime, on
 * whatever runs it: a kernel, QEMU, process 1 without /proc.
 *
 * One TAP line a check: "ok N - what", "not ok N - what", or
 * "ok N - what # SKIP why"; then the plan and a summary.  The exit status
 * is the number of failures, at most 125 (126 and up mean other things to
 * a shell).
 *
 *   abi        every clock by the vDSO against the system call; clock_getres
 *              equal; time and gettimeofday; the i386 _time64 twins
 *   order      system call <= vDSO <= system call, many times a clock
 *   invalid    bad clock ids, gettimeofday's timezone, a NULL timespec
 *   getcpu     pinned to each CPU in turn
 *   getrandom  the state, lengths, flags, fork, a time namespace
 *   timens     a child in a time namespace with offsets
 *   emulation  the marks of a vDSO that is not a kernel's: a "# " line, no check
 *
 * A check of the vDSO where this process has no vDSO function for it is
 * skipped: the system call against itself proves nothing.
 *
 * Checks that need a process of their own (a fault, a fork, a namespace)
 * run in a child, which leaves its findings in a shared page.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <elf/elf.h>
#include <linux/auxvec.h>
#include <linux/time.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <asm/signal.h>
#include "commands.h"
#include "served.h"

#define TOLERANCE_NS 50000000LL /* 50 ms between a call and the next */
#define ORDER_ROUNDS 1000
#define MAX_CPUS 1024

#ifndef PT_NOTE
#define PT_NOTE 4               /* the gABI's program header types */
#endif
#define PF_X 1
#define PF_W 2

static struct out *o = &out_stdout;
static unsigned n_checks, n_failed, n_skipped;

/* ---- TAP ------------------------------------------------------------------- */

/* "ok N - " or "not ok N - "; the caller prints the rest and calls end(). */
static void begin(int pass)
{
	n_checks++;
	if (!pass)
		n_failed++;
	out_printf(o, "%sok %u - ", pass ? "" : "not ", n_checks);
}

static void end(void)
{
	out_char(o, '\n');
}

/* "not ok N - " for a difference that is the kernel's own, not ours: the
 * caller ends the line with " # TODO" and the kernel file and version;
 * TAP counts it as no failure. */
static unsigned n_todo;
static void begin_todo(void)
{
	n_checks++;
	n_todo++;
	out_printf(o, "not ok %u - ", n_checks);
}

/* The running kernel's release, for a TODO: "7.2.13+deb14-cloud-amd64". */
static const char *kernel_release(void)
{
	static struct new_utsname u;

	return u.release[0] || sys_uname(&u) == 0 ? u.release : "this kernel";
}

static void skip(const char *what, const char *why)
{
	begin(1);
	n_skipped++;
	out_printf(o, "%s # SKIP %s\n", what, why);
}

/* "ok N - WHAT # SKIP CALL: ENAME (message)": our own set-up failed,
 * which says nothing about the vDSO. */
static void skip_failed(const char *what, const char *call, long err)
{
	begin(1);
	n_skipped++;
	out_printf(o, "%s # SKIP %s: %s (%s)\n", what, call, errno_name((int)err),
		   errno_message((int)err));
}

static void section(const char *name)
{
	out_printf(o, "# %s\n", name);
}

/* ---- helpers --------------------------------------------------------------- */

static const struct { int id; const char *name; } clocks[] = {
	{ CLOCK_REALTIME, "REALTIME" },
	{ CLOCK_MONOTONIC, "MONOTONIC" },
	{ CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" },
	{ CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
	{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" },
	{ CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
	{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" },
	{ CLOCK_BOOTTIME, "BOOTTIME" },
	{ CLOCK_TAI, "TAI" },
};
#define NCLOCKS (sizeof clocks / sizeof clocks[0])

/* The clocks the vDSO reads itself (lib/vdso/gettimeofday.c: the high-res
 * and coarse ones); the CPU-time clocks it passes to the system call. */
static int ordered_clock(int id)
{
	return id != CLOCK_PROCESS_CPUTIME_ID && id != CLOCK_THREAD_CPUTIME_ID;
}

static int64_t ns(const struct __kernel_timespec *t)
{
	return ns_of(t->tv_sec, t->tv_nsec);
}

static int has_vdso(enum vdso_call_id id)
{
	return vdso_path(id) == PATH_VDSO;
}

/* The reason to skip a check of call id. */
static const char *no_vdso(enum vdso_call_id id)
{
	if (vdso_status != 0)
		return vdso_why_absent();
	return vdso_calls[id].symbol ? "not through the vDSO"
		: "this vDSO has no such function: the system call serves it";
}

/* "ok N - WHAT ARG # SKIP why" for a call this process has no vDSO function for */
static void skip_call(const char *what, const char *arg, enum vdso_call_id id)
{
	begin(1);
	n_skipped++;
	out_printf(o, "%s %s # SKIP %s\n", what, arg, no_vdso(id));
}

/* A page shared with the children, for what they find. */
struct findings {
	long err;               /* what a set-up step answered, if one failed */
	const char *step;       /* which step (a literal: the same address in the child) */
	long r[2];              /* getrandom's answers in the namespace */
	/* t[0][0], t[0][1]: MONOTONIC and BOOTTIME outside the namespace;
	 * t[1], t[2]: each inside it, by system call, vDSO, system call */
	struct __kernel_timespec t[3][3];
	unsigned char bytes[2][32];
	int served;             /* enum vdso_path of the child's last call */
};
static struct findings *shared;

/* Run fn in a child; its exit status, 128 + a signal, or -errno. */
static long in_child(int (*fn)(void))
{
	long pid = sys_fork();
	int ws = 0;
	long r;

	if (pid == 0)
		sys_exit_group(fn());
	if (sys_failed(pid))
		return pid;
	do
		r = sys_wait4((int)pid, &ws, 0);
	while (r == -EINTR);
	if (sys_failed(r))
		return r;
	return (ws & 0x7f) ? 128 + (ws & 0x7f) : (ws >> 8) & 0xff;
}

/* ---- abi: each call by the vDSO against the system call --------------------- */

static void check_abi(void)
{
	unsigned i;

	section("abi: each clock by the vDSO, then by the system call");
	for (i = 0; i < NCLOCKS; i++) {
		struct __kernel_timespec a = { 0, 0 }, b = { 0, 0 };
		long r1, r2;
		int64_t d;

		if (!has_vdso(VDSO_CLOCK_GETTIME)) {
			skip_call("clock_gettime", clocks[i].name, VDSO_CLOCK_GETTIME);
			continue;
		}
		r1 = vdso_clock_gettime(clocks[i].id, &a);
		r2 = sys_clock_gettime(clocks[i].id, &b);
		d = ns(&b) - ns(&a);
		begin(r1 == r2 && (r1 != 0 || (d >= 0 && d <= TOLERANCE_NS)));
		out_printf(o, "clock_gettime(%s): ", clocks[i].name);
		if (r1 || r2)
			out_printf(o, "%s by the vDSO, %s by the system call",
				   r1 ? errno_name((int)r1) : "0", r2 ? errno_name((int)r2) : "0");
		else
			out_printf(o, "the system call %ld ns later", (long)d);
		end();
	}
	for (i = 0; i < NCLOCKS; i++) {
		struct __kernel_timespec a = { -1, -1 }, b = { -2, -2 };
		long r1, r2;

		if (!has_vdso(VDSO_CLOCK_GETRES)) {
			skip_call("clock_getres", clocks[i].name, VDSO_CLOCK_GETRES);
			continue;
		}
		r1 = vdso_clock_getres(clocks[i].id, &a);
		r2 = sys_clock_getres(clocks[i].id, &b);
		begin(r1 == r2 && (r1 != 0 || ns(&a) == ns(&b)));
		out_printf(o, "clock_getres(%s): %ld ns both ways", clocks[i].name,
			   r1 ? -1L : (long)ns(&a));
		end();
	}
	if (has_vdso(VDSO_GETTIMEOFDAY)) {
		struct __kernel_old_timeval a = { 0, 0 }, b = { 0, 0 };
		long r1 = vdso_gettimeofday(&a, 0), r2 = sys_gettimeofday(&b, 0);
		int64_t d = ((int64_t)b.tv_sec - a.tv_sec) * 1000000 + (b.tv_usec - a.tv_usec);

		begin(r1 == 0 && r2 == 0 && d >= 0 && d <= TOLERANCE_NS / 1000);
		out_printf(o, "gettimeofday: the system call %ld us later", (long)d);
		end();
	} else {
		skip("gettimeofday", no_vdso(VDSO_GETTIMEOFDAY));
	}
	if (has_vdso(VDSO_TIME)) {
		long a = vdso_time(0), b = sys_time(0);

		begin(!sys_failed(a) && b - a >= 0 && b - a <= 1);
		out_printf(o, "time: %ld by the vDSO, %ld by the system call", a, b);
		end();
	} else {
		skip("time", no_vdso(VDSO_TIME));
	}
}

/*
 * Where the arch's table has a function twice, with 64-bit time_t first
 * and the old 32-bit one as its second choice (i386: the _time64 names of
 * Linux 5.1 and the old ones), both must agree.  The pairs come from the
 * table (arch/<arch>/vdso_calls.h).
 */
#define SYMBOL_FIRST(id, name, twin, symbol, version, time64) { VDSO_##id, symbol, version, time64 },
#define SYMBOL_ALSO(id, symbol, version, time64) { VDSO_##id, symbol, version, time64 },
static const struct {
	enum vdso_call_id id;
	const char *symbol, *version;
	int time64;
} table_symbols[] = { ARCH_VDSO_CALLS(SYMBOL_FIRST, SYMBOL_ALSO) };
#define NSYMBOLS (sizeof table_symbols / sizeof table_symbols[0])

static void check_time64_pair(unsigned new, unsigned old)
{
	int getres = table_symbols[new].id == VDSO_CLOCK_GETRES;
	struct elf_sym so, sn;
	struct __kernel_old_timespec a = { 0, 0 };
	struct __kernel_timespec b = { 0, 0 };
	long r1, r2;
	int64_t d;

	if (vdso_status != 0) {
		skip(table_symbols[new].symbol, no_vdso(table_symbols[new].id));
		return;
	}
	if (elf_lookup(&vdso_image, table_symbols[new].symbol, table_symbols[new].version, &sn) != 0 ||
	    elf_lookup(&vdso_image, table_symbols[old].symbol, table_symbols[old].version, &so) != 0) {
		skip(table_symbols[new].symbol, "not in this vDSO (the kernel's i386 vDSO has the 64-bit"
		     " time twins since Linux 5.1)");
		return;
	}
	r1 = VDSO_CALL(so.addr, (int, struct __kernel_old_timespec *), (CLOCK_MONOTONIC, &a));
	r2 = VDSO_CALL(sn.addr, (int, struct __kernel_timespec *), (CLOCK_MONOTONIC, &b));
	d = ns(&b) - ns_of(a.tv_sec, a.tv_nsec);
	begin(r1 == 0 && r2 == 0 && (getres ? d == 0 : d >= 0 && d <= TOLERANCE_NS));
	out_printf(o, "%s(MONOTONIC) and %s agree (%ld ns apart)", table_symbols[new].symbol,
		   table_symbols[old].symbol, (long)d);
	end();
}

static void check_time64(void)
{
	unsigned i, k, pairs = 0;

	for (i = 0; i < NSYMBOLS; i++)
		for (k = 0; k < NSYMBOLS; k++)
			if (table_symbols[i].id == table_symbols[k].id && table_symbols[i].time64 &&
			    !table_symbols[k].time64 && table_symbols[i].symbol && table_symbols[k].symbol) {
				check_time64_pair(i, k);
				pairs++;
			}
	if (!pairs)
		skip("64-bit time twins", "the " ARCH_NAME " table has none: time_t is 64 bits already");
}

/* ---- functions no check above knows ------------------------------------------ */

/* The ids the sections of this file were written for. */
static int known_call(enum vdso_call_id id)
{
	return id == VDSO_CLOCK_GETTIME || id == VDSO_CLOCK_GETRES || id == VDSO_GETTIMEOFDAY ||
	       id == VDSO_TIME || id == VDSO_GETCPU || id == VDSO_GETRANDOM
#ifdef ARCH_VDSO_PAIRS_CALL
	       || id == ARCH_VDSO_PAIRS_CALL
#endif
	       ;
}

#ifdef ARCH_VDSO_PAIRS_CALL
/* The call that answers key-value pairs (riscv_hwprobe: the arch's
 * vdso_calls.h), as the kernel's vdso_test_hwprobe does it: the vDSO's
 * answer for each key equals the system call's, key and value. */
static void check_pairs(void)
{
	static const struct { int64_t key; const char *name; } keys[] = ARCH_VDSO_PAIRS_KEYS;
	enum { N = sizeof keys / sizeof keys[0] };
	enum vdso_call_id id = ARCH_VDSO_PAIRS_CALL;
	struct vdso_pair a[N], b[N];
	long r1, r2;
	unsigned i;

	section("key-value pairs: the vDSO against the system call");
	for (i = 0; i < N; i++) {
		a[i].key = b[i].key = keys[i].key;
		a[i].value = b[i].value = 0;
	}
	if (!has_vdso(id)) {
		skip_call(vdso_calls[id].name, "pairs", id);
		return;
	}
	r1 = vdso_call_pairs(a, N);
	r2 = vdso_twin_pairs(b, N);
	for (i = 0; i < N; i++) {
		begin(sys_failed(r1) || sys_failed(r2) ? r1 == r2
			: a[i].key == b[i].key && a[i].value == b[i].value);
		out_printf(o, "%s key %d (%s): the vDSO answered key %d value 0x%lx,"
			   " the system call key %d value 0x%lx", vdso_calls[id].name,
			   (int)keys[i].key, keys[i].name, (int)a[i].key, (unsigned long)a[i].value,
			   (int)b[i].key, (unsigned long)b[i].value);
		end();
	}
}
#endif

/* Each other function of the table (a line the arch's table gained): the
 * vDSO's and its system call twin, called as `vdso call` calls them (three
 * pointers to zeroed bytes), answer alike: both succeed, or the same error. */
static void check_generic(void)
{
	static long area[2][3][64];
	unsigned i, n = 0;
	long r1, r2;

	section("the table's other functions: the vDSO against the system call");
	for (i = 0; i < VDSO_NCALLS; i++) {
		enum vdso_call_id id = (enum vdso_call_id)i;

		if (known_call(id))
			continue;
		n++;
		if (!has_vdso(id)) {
			skip_call(vdso_calls[i].name, "generic", id);
			continue;
		}
		memset(area, 0, sizeof area);
		r1 = vdso_call_generic(id, (long)area[0][0], (long)area[0][1], (long)area[0][2]);
		r2 = vdso_twin(id, (long)area[1][0], (long)area[1][1], (long)area[1][2]);
		begin(sys_failed(r1) || sys_failed(r2) ? r1 == r2 : 1);
		out_printf(o, "%s (%s): the vDSO answered %ld, the system call %ld", vdso_calls[i].name,
			   vdso_calls[i].symbol, r1, r2);
		end();
	}
	if (!n)
		out_str(o, "# every function of the table has its own checks above\n");
}

/* ---- order: syscall <= vDSO <= syscall -------------------------------------- */

static void check_order(void)
{
	unsigned i, k;

	section("order: system call <= vDSO <= system call");
	for (i = 0; i < NCLOCKS; i++) {
		unsigned bad = 0;

		if (!ordered_clock(clocks[i].id))
			continue;
		if (!has_vdso(VDSO_CLOCK_GETTIME)) {
			skip_call("in order", clocks[i].name, VDSO_CLOCK_GETTIME);
			continue;
		}
		for (k = 0; k < ORDER_ROUNDS; k++) {
			struct __kernel_timespec t1, v, t2;

			if (sys_clock_gettime(clocks[i].id, &t1) || vdso_clock_gettime(clocks[i].id, &v) ||
			    sys_clock_gettime(clocks[i].id, &t2) || ns(&t1) > ns(&v) || ns(&v) > ns(&t2))
				bad++;
		}
		begin(bad == 0);
		out_printf(o, "%s: in order %u times of %u", clocks[i].name,
			   ORDER_ROUNDS - bad, ORDER_ROUNDS);
		end();
	}
	if (has_vdso(VDSO_GETTIMEOFDAY)) {
		unsigned bad = 0;

		for (k = 0; k < ORDER_ROUNDS; k++) {
			struct __kernel_old_timeval t1, v, t2;

			sys_gettimeofday(&t1, 0);
			vdso_gettimeofday(&v, 0);
			sys_gettimeofday(&t2, 0);
			if (t1.tv_sec * 1000000LL + t1.tv_usec > v.tv_sec * 1000000LL + v.tv_usec ||
			    v.tv_sec * 1000000LL + v.tv_usec > t2.tv_sec * 1000000LL + t2.tv_usec)
				bad++;
		}
		begin(bad == 0);
		out_printf(o, "gettimeofday: in order %u times of %u", ORDER_ROUNDS - bad, ORDER_ROUNDS);
		end();
	} else {
		skip("gettimeofday", no_vdso(VDSO_GETTIMEOFDAY));
	}
}

/* ---- invalid input ---------------------------------------------------------- */

#define FAULTED 99              /* the child's exit status after SIGSEGV */
#define NO_HANDLER 98           /* the child's: rt_sigaction refused its handler */

static void on_segv(int sig)
{
	(void)sig;
	sys_exit_group(FAULTED);
}

/* In a child: the vDSO's clock_gettime itself, with a NULL timespec. */
static int null_timespec(void)
{
	struct kernel_sigaction sa = { .handler = on_segv, .flags = SA_SIGINFO | SA_RESTORER,
				       .restorer = arch_sigreturn };
	long r;

	if (sys_rt_sigaction(SIGSEGV, &sa, 0) < 0)
		return NO_HANDLER;      /* a fault would kill it: not tried */
	r = VDSO_CALL(vdso_calls[VDSO_CLOCK_GETTIME].fn, (int, void *), (CLOCK_MONOTONIC, 0));
	return r == -EFAULT ? 0 : r == 0 ? 1 : 2;
}

#ifdef ARCH_VDSO_TRAMPOLINE
/*
 * The arch's vDSO says an error by a flag (arch/<arch>/arch.h,
 * ARCH_VDSO_ERROR_FLAG) and a positive errno: a bad clock id must come
 * back with the flag set and EINVAL itself, and the runtime must make of
 * it what the system call answers; a good one with the flag clear.
 */
static void check_error_flag(void)
{
	struct __kernel_timespec t;
	unsigned long flag, raw;
	long r, s;

	section("the error flag: " ARCH_VDSO_ERROR_FLAG);
	if (!has_vdso(VDSO_CLOCK_GETTIME)) {
		skip_call("error flag", "-1", VDSO_CLOCK_GETTIME);
		return;
	}
	r = vdso_clock_gettime(-1, &t);
	flag = arch_vdso_last_flag;
	raw = arch_vdso_last_raw;
	s = sys_clock_gettime(-1, &t);
	begin(flag == 1 && raw == EINVAL && r == -EINVAL && s == -EINVAL);
	out_printf(o, "clock id -1: " ARCH_VDSO_ERROR_FLAG " %s, result register %lu, read as %s;"
		   " the system call: %s", flag ? "set" : "clear", raw,
		   r ? errno_name((int)r) : "0", s ? errno_name((int)s) : "0");
	end();
	r = vdso_clock_gettime(CLOCK_MONOTONIC, &t);
	begin(r == 0 && arch_vdso_last_flag == 0 && arch_vdso_last_raw == 0);
	out_printf(o, "clock MONOTONIC: " ARCH_VDSO_ERROR_FLAG " %s, result register %lu",
		   arch_vdso_last_flag ? "set" : "clear", arch_vdso_last_raw);
	end();
}
#else
static void check_error_flag(void) { }
#endif

static void check_invalid(void)
{
	/* 16-23 were unused until Linux 6.17 made them the auxiliary clocks
	 * (CLOCK_AUX, include/uapi/linux/time.h), which exist only when
	 * enabled; 24 is past them.  The 6.17+ vDSO answers clock_getres for
	 * 16-23 with 1 ns whether or not they are enabled
	 * (include/vdso/auxclock.h), while the system call says EINVAL. */
	static const struct { int id; const char *name; } bad_ids[] = {
		{ -1, "-1" }, { -2147483647 - 1, "INT_MIN" }, { 2147483647, "INT_MAX" },
		{ 16, "16" }, { 23, "23" }, { 24, "24" },
	};
	unsigned i;

	section("invalid input: the same answer both ways");
	for (i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		struct __kernel_timespec t;
		long g1, g2, r1, r2;
		int aux_todo;

		if (!has_vdso(VDSO_CLOCK_GETTIME)) {
			skip_call("clock id", bad_ids[i].name, VDSO_CLOCK_GETTIME);
			continue;
		}
		g1 = vdso_clock_gettime(bad_ids[i].id, &t);
		g2 = sys_clock_gettime(bad_ids[i].id, &t);
		r1 = vdso_clock_getres(bad_ids[i].id, &t);
		r2 = sys_clock_getres(bad_ids[i].id, &t);
		aux_todo = bad_ids[i].id >= 16 && bad_ids[i].id <= 23 && g1 == g2 && g1 != 0 &&
			   r1 == 0 && r2 == -EINVAL;
		if (aux_todo)
			begin_todo();
		else
			begin(g1 == g2 && r1 == r2 && g1 != 0);
		out_printf(o, "clock id %s: clock_gettime %s, clock_getres %s", bad_ids[i].name,
			   g1 ? errno_name((int)g1) : "0", r1 ? errno_name((int)r1) : "0");
		if (g1 == g2 && r1 == r2)
			out_str(o, ", both ways");
		else
			out_printf(o, " by the vDSO; %s, %s by the system call",
				   g2 ? errno_name((int)g2) : "0", r2 ? errno_name((int)r2) : "0");
		if (aux_todo)
			out_printf(o, " # TODO the kernel's own, Linux 6.17+ (%s):"
				   " include/vdso/auxclock.h answers a disabled auxiliary clock",
				   kernel_release());
		end();
	}
	if (has_vdso(VDSO_GETTIMEOFDAY)) {
		struct { int minuteswest, dsttime; } z1 = { -1, -1 }, z2 = { -2, -2 };
		struct __kernel_old_timeval tv;
		long r1 = vdso_gettimeofday(&tv, &z1), r2 = sys_gettimeofday(&tv, &z2);
		long n1 = vdso_gettimeofday(&tv, 0), n2 = vdso_gettimeofday(0, 0);

		begin(r1 == 0 && r2 == 0 && z1.minuteswest == z2.minuteswest &&
		      z1.dsttime == z2.dsttime);
		out_printf(o, "gettimeofday with a timezone: minuteswest %d, dsttime %d both ways",
			   z1.minuteswest, z1.dsttime);
		end();
		begin(n1 == 0 && n2 == 0);
		out_str(o, "gettimeofday with a NULL timezone, and with both NULL: 0");
		end();
	} else {
		skip("gettimeofday's timezone", no_vdso(VDSO_GETTIMEOFDAY));
		skip("gettimeofday with NULL", no_vdso(VDSO_GETTIMEOFDAY));
	}
	if (has_vdso(VDSO_CLOCK_GETRES)) {
		long r1 = vdso_clock_getres(CLOCK_MONOTONIC, 0);
		long r2 = sys_clock_getres(CLOCK_MONOTONIC, 0);

		begin(r1 == 0 && r2 == 0);
		out_str(o, "clock_getres(MONOTONIC, NULL): 0 both ways (a NULL res is allowed)");
		end();
	} else {
		skip("clock_getres(MONOTONIC, NULL)", no_vdso(VDSO_CLOCK_GETRES));
	}
	if (has_vdso(VDSO_CLOCK_GETTIME)) {
		long s = sys_clock_gettime(CLOCK_MONOTONIC, 0);
		long st = in_child(null_timespec);

		if (st < 0 || st == NO_HANDLER) {       /* our failure, not the vDSO's */
			if (st == NO_HANDLER)
				skip("clock_gettime(MONOTONIC, NULL)",
				     "rt_sigaction refused the child's SIGSEGV handler");
			else
				skip_failed("clock_gettime(MONOTONIC, NULL)", "fork", st);
			return;
		}
		/* The system call checks the pointer (EFAULT); the vDSO is plain
		 * code that stores through it, and may fault instead: both are
		 * what the ABI allows (vdso(7): no checks are promised). */
		begin(s == -EFAULT && (st == 0 || st == FAULTED));
		out_printf(o, "clock_gettime(MONOTONIC, NULL): the system call gives %s, the vDSO %s",
			   s ? errno_name((int)s) : "0",
			   st == 0 ? "gives EFAULT" : st == FAULTED ? "faults (SIGSEGV)"
			   : st == 1 ? "gives 0" : "does something else");
		end();
	} else {
		skip("clock_gettime(MONOTONIC, NULL)", no_vdso(VDSO_CLOCK_GETTIME));
	}
}

/* ---- getcpu, pinned --------------------------------------------------------- */

static unsigned long cpu_mask[MAX_CPUS / (8 * sizeof(unsigned long))];
static int getcpu_always_zero = -1;     /* -1: not seen; then 0 or 1 */
static int getcpu_tells_time;

static void check_getcpu(void)
{
	unsigned long one[MAX_CPUS / (8 * sizeof(unsigned long))];
	const unsigned bits = 8 * sizeof(unsigned long);
	long r = sys_sched_getaffinity(0, sizeof cpu_mask, cpu_mask);
	unsigned cpu, tried = 0, nonzero = 0;

	section("getcpu: pinned to each CPU in turn");
	if (!has_vdso(VDSO_GETCPU)) {
		skip("getcpu pinned", no_vdso(VDSO_GETCPU));
		return;
	}
	if (sys_failed(r)) {
		skip("getcpu pinned", errno_name((int)r));
		return;
	}
	getcpu_always_zero = 1;
	for (cpu = 0; cpu < MAX_CPUS && tried < 64; cpu++) {
		/* room for what a wrong getcpu may write: a timeval, a timezone */
		unsigned c1[4] = { ~0u }, n1[4] = { ~0u }, c2 = ~0u, n2 = ~0u;
		struct __kernel_old_timeval tv;
		long r1, r2;

		if (!(cpu_mask[cpu / bits] & (1UL << (cpu % bits))))
			continue;
		tried++;
		memset(one, 0, sizeof one);
		one[cpu / bits] = 1UL << (cpu % bits);
		r = sys_sched_setaffinity(0, sizeof one, one);
		if (sys_failed(r)) {
			char what[24];

			what[fmt_udec(what, cpu)] = 0;
			skip(what, errno_name((int)r));
			continue;
		}
		r1 = vdso_getcpu(c1, n1);
		r2 = sys_getcpu(&c2, &n2);
		sys_gettimeofday(&tv, 0);
		if (cpu)
			nonzero++;
		if (r1 != 0 || c1[0] != 0)
			getcpu_always_zero = 0;
		if (r1 == 0 && c1[0] + 2 >= (unsigned)tv.tv_sec && c1[0] <= (unsigned)tv.tv_sec)
			getcpu_tells_time = 1;
		begin(r1 == 0 && r2 == 0 && c1[0] == cpu && c2 == cpu && n1[0] == n2);
		out_printf(o, "on CPU %u: the vDSO says CPU %u node %u, the system call CPU %u node %u",
			   cpu, c1[0], n1[0], c2, n2);
		end();
	}
	sys_sched_setaffinity(0, sizeof cpu_mask, cpu_mask);
	if (!nonzero)
		getcpu_always_zero = -1;        /* one CPU 0: nothing to tell */
}

/* ---- getrandom -------------------------------------------------------------- */

#define RANDOM_MAX (1u << 20)
static unsigned char *rbuf[3];  /* the vDSO twice, the system call once */

static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* One request three times: the vDSO twice, the system call once.  The
 * same length back; from 16 bytes on, none all zero and no two the same. */
static void random_check(size_t len, unsigned flags, const char *what)
{
	long r[3];
	int i, fine;
	enum vdso_path served;

	for (i = 0; i < 3; i++)
		memset(rbuf[i], 0, len);
	r[0] = vdso_getrandom(rbuf[0], len, flags);
	served = vdso_calls[VDSO_GETRANDOM].served;
	r[1] = vdso_getrandom(rbuf[1], len, flags);
	r[2] = sys_getrandom(rbuf[2], len, flags);
	fine = r[0] == r[1] && r[1] == r[2];
	if (fine && !sys_failed(r[0])) {
		fine = (size_t)r[0] == len && served == PATH_VDSO;
		if (len >= 16)
			fine = fine && !all_zero(rbuf[0], len) && !all_zero(rbuf[2], len) &&
			       memcmp(rbuf[0], rbuf[1], len) && memcmp(rbuf[0], rbuf[2], len);
	}
	begin(fine);
	out_printf(o, "getrandom %s: %s by the %s", what,
		   sys_failed(r[0]) ? errno_name((int)r[0]) : "the bytes",
		   vdso_path_name(served));
	if (!sys_failed(r[2]))
		out_str(o, len >= 16 ? ", not zero, different each time and from the system call's"
				    : ", as many as asked");
	else
		out_printf(o, ", %s by the system call", errno_name((int)r[2]));
	end();
}

/* In a child after fork: the state was wiped; new bytes, not the parent's. */
static int random_child(void)
{
	long r = vdso_getrandom(shared->bytes[1], 32, 0);

	shared->served = vdso_calls[VDSO_GETRANDOM].served;
	return r == 32 ? 0 : 1;
}

/* In a new time namespace: the grandchild, its vDSO data pages those of
 * the namespace (lib/vdso/datastore.c), still gets its bytes. */
static int random_in_timens(void)
{
	long r1 = vdso_getrandom(shared->bytes[0], 32, 0);
	long r2 = vdso_getrandom(shared->bytes[1], 32, 0);

	shared->served = vdso_calls[VDSO_GETRANDOM].served;
	shared->r[0] = r1;
	shared->r[1] = r2;
	return 0;
}

/*
 * Re-entry: a timer's signal lands while the main loop is inside the
 * vDSO's getrandom, and its handler asks for bytes too.  The handler must
 * get them by the system call (the state is in use), and both must get
 * good bytes.  Long requests (1 MiB, about a millisecond each) and a 50 us
 * timer make landing inside all but certain.
 *
 * Bounded: where the handler takes longer than the timer's period (under
 * strace every system call stops for the tracer), the next signal would be
 * pending before the handler returns, and the main loop would never run
 * again.  So the handler stops the timer itself after MAX_SIGNALS.
 */
#define MAX_SIGNALS 1000
static volatile unsigned reentered, signals, handler_bad;

static void on_alarm(int sig)
{
	static const struct __kernel_old_itimerval off;
	unsigned char b[16];
	unsigned before = vdso_calls[VDSO_GETRANDOM].passed_on;

	(void)sig;
	if (++signals == MAX_SIGNALS)
		sys_setitimer(ITIMER_REAL, &off, 0);
	if (vdso_getrandom(b, sizeof b, 0) != sizeof b || all_zero(b, sizeof b))
		handler_bad++;
	if (vdso_calls[VDSO_GETRANDOM].passed_on != before)
		reentered++;
}

static void check_reentry(void)
{
	struct kernel_sigaction sa = { .handler = on_alarm, .flags = SA_SIGINFO | SA_RESTORER | SA_RESTART,
				       .restorer = arch_sigreturn }, old;
	struct __kernel_old_itimerval on = { { 0, 50 }, { 0, 50 } }, off = { { 0, 0 }, { 0, 0 } };
	const char *what = "getrandom re-entered from a signal handler";
	unsigned i, bad = 0;
	long r;

	/* No handler, no timer: its SIGALRM would kill us mid-line. */
	if ((r = sys_rt_sigaction(SIGALRM, &sa, &old)) < 0) {
		skip_failed(what, "rt_sigaction", r);
		return;
	}
	r = sys_setitimer(ITIMER_REAL, &on, 0);
	for (i = 0; i < 20 && !sys_failed(r); i++)
		if (vdso_getrandom(rbuf[0], RANDOM_MAX, 0) != RANDOM_MAX ||
		    all_zero(rbuf[0], RANDOM_MAX))
			bad++;
	sys_setitimer(ITIMER_REAL, &off, 0);
	sys_rt_sigaction(SIGALRM, &old, 0);
	if (sys_failed(r)) {
		skip_failed(what, "setitimer", r);
		return;
	}
	begin(bad == 0 && handler_bad == 0 && reentered > 0);
	out_printf(o, "re-entered from a signal handler %u times (of %u signals%s): the system call"
		   " served those, good bytes both ways", reentered, signals,
		   signals >= MAX_SIGNALS ? ", the most it takes: the timer stopped there" : "");
	end();
}

static void check_getrandom(void)
{
	static const unsigned lengths[] = { 0, 1, 16, 32, 256, 4096, RANDOM_MAX };
	static const struct { unsigned flags; const char *name; } flags[] = {
		{ GRND_NONBLOCK, "32 bytes GRND_NONBLOCK" },
		{ GRND_INSECURE, "32 bytes GRND_INSECURE" },
		{ GRND_RANDOM, "32 bytes GRND_RANDOM" },
	};
	struct vdso_getrandom_info info;
	unsigned long page = auxv_page_size();
	unsigned i;
	long r, st;

	section("getrandom: the vDSO's, its state, against the system call");
	if (!has_vdso(VDSO_GETRANDOM)) {
		skip("getrandom", vdso_status ? no_vdso(VDSO_GETRANDOM)
			: "no getrandom in this vDSO (Linux 6.11 brought it, to x86_64 first): the system call serves");
		return;
	}
	r = vdso_getrandom_info(&info);
	begin(r == 0 && info.params.size_of_opaque_state > 0 &&
	      info.params.mmap_prot == (PROT_READ | PROT_WRITE) &&
	      (info.params.mmap_flags & MAP_ANONYMOUS));
	out_printf(o, "the parameters: a state of %u bytes, mmap prot 0x%x flags 0x%x",
		   r ? 0 : info.params.size_of_opaque_state, r ? 0 : info.params.mmap_prot,
		   r ? 0 : info.params.mmap_flags);
	end();
	if (r)
		return;
	begin(((uintptr_t)info.state & (ARCH_CACHE_LINE - 1)) == 0 &&
	      ((uintptr_t)info.state & (page - 1)) + info.params.size_of_opaque_state <= page);
	out_printf(o, "the state at 0x%lx: on a cache line, within a page (%u a page)",
		   (unsigned long)info.state, info.per_page);
	end();
	r = sys_mmap(0, 3 * (size_t)RANDOM_MAX, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(r)) {
		skip("getrandom's requests", errno_name((int)r));
		return;
	}
	for (i = 0; i < 3; i++)
		rbuf[i] = (unsigned char *)r + (size_t)i * RANDOM_MAX;
	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		char what[24];
		int n = fmt_udec(what, lengths[i]);

		memcpy(what + n, " bytes", 7);
		random_check(lengths[i], 0, what);
	}
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++)
		random_check(32, flags[i].flags, flags[i].name);
	random_check(32, 0x80, "32 bytes, flags 0x80 (none such)");
	check_reentry();
	sys_munmap(rbuf[0], 3 * (size_t)RANDOM_MAX);

	vdso_getrandom(shared->bytes[0], 32, 0);
	st = in_child(random_child);
	if (st < 0) {                   /* our fork failed: nothing to compare */
		skip_failed("getrandom after fork", "fork", st);
		return;
	}
	vdso_getrandom(shared->bytes[0], 32, 0);
	begin(st == 0 && shared->served == PATH_VDSO &&
	      memcmp(shared->bytes[0], shared->bytes[1], 32) != 0);
	out_str(o, "after fork: the child's state was wiped and reseeded: other bytes than the parent's");
	end();
}

/* ---- time namespaces -------------------------------------------------------- */

#define MONO_OFFSET 1000        /* seconds */
#define BOOT_OFFSET 2000

/* The grandchild, in the namespace: each clock by syscall, vDSO, syscall. */
static int timens_reader(void)
{
	static const int ids[2] = { CLOCK_MONOTONIC, CLOCK_BOOTTIME };
	int i;

	for (i = 0; i < 2; i++) {
		sys_clock_gettime(ids[i], &shared->t[i + 1][0]);
		vdso_clock_gettime(ids[i], &shared->t[i + 1][1]);
		sys_clock_gettime(ids[i], &shared->t[i + 1][2]);
	}
	/* the inline calls keep no record of their path: the table's, unless
	 * the vDSO answered -ENOSYS (then the system call served) */
	shared->served = vdso_calls[VDSO_CLOCK_GETTIME].fallbacks ?
			 (sys_gate ? PATH_GATE : PATH_SYSCALL) : vdso_path(VDSO_CLOCK_GETTIME);
	return 0;
}

/*
 * The offsets of the time namespace we are in, in seconds (nanoseconds
 * dropped): /proc/self/timens_offsets, "monotonic S N" and "boottime S N"
 * lines, in padded columns.  The offsets of a new namespace are relative to the host's clocks,
 * not to its parent's (kernel/time/namespace.c): inside `unshare -T
 * --monotonic 500`, +1000 for the child is written as 1500.  No file (no
 * /proc, an old kernel): the host's namespace, 0.
 */
static void own_offsets(int64_t secs[2])
{
	static const char *names[2] = { "monotonic", "boottime" };
	char buf[256], *p;
	long fd, n;
	int i;

	secs[0] = secs[1] = 0;
	fd = sys_openat(AT_FDCWD, "/proc/self/timens_offsets", O_RDONLY | O_CLOEXEC, 0);
	if (sys_failed(fd))
		return;
	n = sys_read((int)fd, buf, sizeof buf - 1);
	sys_close((int)fd);
	if (n <= 0)
		return;
	buf[n] = 0;
	for (p = buf; *p; ) {
		for (i = 0; i < 2; i++) {
			size_t k = strlen(names[i]);
			int neg = 0;
			int64_t v = 0;
			const char *q = p + k;

			if (strncmp(p, names[i], k) != 0 || (*q != ' ' && *q != '\t'))
				continue;
			while (*q == ' ' || *q == '\t')   /* the kernel pads the columns */
				q++;
			if (*q == '-')
				neg = 1, q++;
			while (*q >= '0' && *q <= '9' && v < 1000000000000LL)
				v = v * 10 + (*q++ - '0');
			secs[i] = neg ? -v : v;
		}
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
}

/* "monotonic S 0\nboottime S 0\n" into buf: its length. */
static int offsets_text(char *buf, const int64_t secs[2])
{
	static const char *names[2] = { "monotonic ", "boottime " };
	int i, n = 0;
	size_t k;

	for (i = 0; i < 2; i++) {
		k = strlen(names[i]);
		memcpy(buf + n, names[i], k);
		n += (int)k;
		n += fmt_dec(buf + n, secs[i]);
		memcpy(buf + n, " 0\n", 3);
		n += 3;
	}
	return n;
}

/*
 * The child: a new time namespace for its children (unshare(2): the caller
 * stays where it is), offsets written before any process enters it
 * (time_namespaces(7)), the clocks read here first, then the grandchild.
 */
static int timens_child(void)
{
	int64_t secs[2];
	char offsets[64];
	int len;
	long r, fd;

	own_offsets(secs);              /* before the unshare: ours */
	secs[0] += MONO_OFFSET;
	secs[1] += BOOT_OFFSET;
	len = offsets_text(offsets, secs);

	r = sys_unshare(CLONE_NEWTIME);
	if (sys_failed(r)) {
		shared->step = "unshare(CLONE_NEWTIME)";
		shared->err = r;
		return 1;
	}
	fd = sys_openat(AT_FDCWD, "/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC, 0);
	r = sys_failed(fd) ? fd : sys_write((int)fd, offsets, (size_t)len);
	if (sys_failed(r)) {
		shared->step = "/proc/self/timens_offsets";
		shared->err = r;
	}
	if (!sys_failed(fd))
		sys_close((int)fd);
	sys_clock_gettime(CLOCK_MONOTONIC, &shared->t[0][0]);
	sys_clock_gettime(CLOCK_BOOTTIME, &shared->t[0][1]);
	r = in_child(timens_reader);
	if (r == 0)
		r = in_child(random_in_timens);
	if (r < 0) {                    /* our fork failed: nothing measured */
		shared->step = "fork";
		shared->err = r;
		return 1;
	}
	return r != 0 ? 2 : 0;
}

/*
 * Why this environment refuses a time namespace, from the failed step's
 * answer, or 0 when the answer is no refusal of the environment's (then
 * the checks fail).  unshare(2): EPERM without CAP_SYS_ADMIN (or under a
 * filter), EINVAL from a kernel without CONFIG_TIME_NS (kernel/time/
 * namespace.c; older than 5.6: an unknown flag), ENOSPC at the user
 * namespace's max_time_namespaces.  The offsets (proc(5),
 * /proc/PID/timens_offsets): ENOENT where no /proc is mounted, EPERM
 * without CAP_SYS_TIME.
 */
static const char *timens_refused(const char *step, long err)
{
	int unshare = str_eq(step, "unshare(CLONE_NEWTIME)");

	switch (-err) {
	case EPERM:  return "not permitted here: no capability, or a filter";
	case ENOSYS: return "no such system call here";
	case ENOSPC: return unshare ? "the limit of time namespaces is reached" : 0;
	case EINVAL: return unshare ? "the kernel has no time namespaces (CONFIG_TIME_NS, Linux 5.6)" : 0;
	case ENOENT: return unshare ? 0 : "no /proc mounted";
	}
	return 0;
}

/* A time namespace check that the failed step left unmade: skipped if the
 * environment refused (its words), else a failure, naming the step. */
static void timens_unmade(const char *name, const char *what)
{
	const char *env = timens_refused(shared->step, shared->err);

	begin(env != 0);
	if (env)
		n_skipped++;
	out_printf(o, "%s %s%s%s: %s (%s)\n", name, what, env ? " # SKIP " : ": not made: ",
		   shared->step, errno_name((int)shared->err),
		   env ? env : "no refusal of this environment's");
}

static void check_timens(void)
{
	static const char *names[2] = { "MONOTONIC", "BOOTTIME" };
	static const int64_t offsets[2] = { MONO_OFFSET, BOOT_OFFSET };
	long st;
	int i;

	section("time namespaces: a child with clock offsets");
	memset(shared, 0, sizeof *shared);
	st = in_child(timens_child);
	if (st < 0) {                   /* our fork failed: nothing measured */
		shared->step = "fork";
		shared->err = st;
		st = 1;
	}
	if (st == 1) {
		timens_unmade("getrandom", "in a new time namespace");
		timens_unmade(names[0], "offset seen through the vDSO");
		timens_unmade(names[1], "offset seen through the vDSO");
		return;
	}
	if (has_vdso(VDSO_GETRANDOM)) {
		begin(st == 0 && shared->r[0] == 32 && shared->r[1] == 32 &&
		      shared->served == PATH_VDSO && !all_zero(shared->bytes[0], 32) &&
		      memcmp(shared->bytes[0], shared->bytes[1], 32) != 0);
		out_str(o, "getrandom in a new time namespace: by the vDSO, new bytes each call");
		end();
	} else {
		skip("getrandom in a new time namespace", "no vDSO getrandom here");
	}
	for (i = 0; i < 2; i++) {
		struct __kernel_timespec *t = shared->t[i + 1];
		int64_t off = ns(&t[0]) - ns(&shared->t[0][i]);

		if (shared->step) {
			timens_unmade(names[i], "offset seen through the vDSO");
			continue;
		}
		if (!has_vdso(VDSO_CLOCK_GETTIME)) {
			skip_call(names[i], "offset seen through the vDSO", VDSO_CLOCK_GETTIME);
			continue;
		}
		begin(st == 0 && ns(&t[0]) <= ns(&t[1]) && ns(&t[1]) <= ns(&t[2]) &&
		      off >= offsets[i] * 1000000000LL &&
		      off <= (offsets[i] + 10) * 1000000000LL);
		out_printf(o, "%s with an offset of %ld s: the system call sees +%ld ms, the vDSO between it and the next",
			   names[i], (long)offsets[i],
		   off < 0 ? -1L : (long)u64_div_u32((uint64_t)off, 1000000, 0));
		end();
	}
}

/* ---- emulation -------------------------------------------------------------- */

/* Does a PT_NOTE hold the note "Linux", type 0: the kernel version the
 * vDSO was built for (arch/x86/entry/vdso/vdso-note.S)? */
static int has_linux_note(void)
{
	unsigned i;

	for (i = 0; i < vdso_image.phnum; i++) {
		struct elf_segment s;
		size_t at, end;

		if (elf_segment(&vdso_image, i, &s) || s.type != PT_NOTE ||
		    s.offset > vdso_image.size || s.filesz > vdso_image.size - s.offset)
			continue;
		at = (size_t)s.offset;
		end = at + (size_t)s.filesz;
		while (end - at >= 12) {        /* namesz, descsz, type; then both, 4-aligned */
			uint32_t w[3];
			size_t name, desc;

			memcpy(w, vdso_image.bytes + at, 12);
			name = (w[0] + 3) & ~3u;
			desc = (w[1] + 3) & ~3u;
			if (w[0] > end - at - 12 || name + desc > end - at - 12)
				break;
			if (w[0] == 6 && w[2] == 0 && memcmp(vdso_image.bytes + at + 12, "Linux", 6) == 0)
				return 1;
			at += 12 + name + desc;
		}
	}
	return 0;
}

static void check_emulation(void)
{
	const char *marks[4];
	unsigned i, n = 0;

	section("emulation: the marks of a vDSO that is not the kernel's");
	if (vdso_status != 0) {
		out_printf(o, "# emulation marks: none to see (%s)\n", no_vdso(VDSO_CLOCK_GETTIME));
		return;
	}
	for (i = 0; i < vdso_image.phnum; i++) {
		struct elf_segment s;

		if (elf_segment(&vdso_image, i, &s) == 0 && s.type == PT_LOAD &&
		    (s.flags & (PF_W | PF_X)) == (PF_W | PF_X)) {
			marks[n++] = "a writable and executable PT_LOAD";
			break;
		}
	}
	/* The kernel links its vDSO at 0 and maps it anywhere: the bias is the
	 * address.  A bias of 0 means the addresses inside were already made
	 * run-time ones (QEMU relocates its image in place; so did 2.6-era
	 * kernels, prelinked at 0xffffe000, which none of our runners is). */
	if (vdso_image.bias == 0)
		marks[n++] = "addresses already relocated";
	if (!has_linux_note())
		marks[n++] = "no Linux version note";
	if (getcpu_always_zero == 1)
		marks[n++] = "getcpu always 0";
	else if (getcpu_tells_time)
		marks[n++] = "getcpu writes the time of day";
	/* What it sees, not a check: nothing here knows what it should see
	 * (tests/35-check.t holds each mark against readelf). */
	out_str(o, "# emulation marks:");
	if (n == 0)
		out_str(o, " none (the kernel's own vDSO)");
	for (i = 0; i < n; i++)
		out_printf(o, "%s %s", i ? "," : "", marks[i]);
	out_char(o, '\n');
}

/*
 * A function that reads no clocksource (getcpu, clock_getres) entered the
 * kernel: its first bytes say whether it is a stub that only makes the
 * system call (arch_has_syscall_insn, arch/<arch>/decode.c): QEMU's
 * functions all are, and so is a kernel's own where its arch answers
 * nothing in user space yet (riscv's __vdso_getcpu, arch/riscv/kernel/
 * vdso/getcpu.S).  An image whose addresses are already relocated is an
 * emulator's (see check_emulation).
 */
static void todo_no_clocksource(const struct vdso_call *c, const char *release)
{
	/* the function's address as the decoder takes it (arm: Thumb's bit 0
	 * set, as the tour hands it over) */
	uintptr_t f = c ? (uintptr_t)c->fn : 0, at = (uintptr_t)vdso_image.bytes;
	size_t room = f >= at && f - at < vdso_image.size ? vdso_image.size - (f - at) : 0, len = 17;
	struct elf_sym sym;
	unsigned i;

	/* the whole function, by its symbol's size, where it has one */
	for (i = 0; room && i < vdso_image.nsyms; i++)
		if (elf_symbol(&vdso_image, i, &sym) == 0 && sym.shndx != 0 && sym.addr == f && sym.size)
			len = sym.size;
	if (room && arch_has_syscall_insn((const unsigned char *)f, room < len ? room : len))
		out_printf(o, " # TODO on %s: %s is a stub, a system call instruction in its"
			   " code: %s", release, c->symbol, vdso_image.bias == 0
			   ? "an emulated vDSO's (its addresses already relocated)"
			   : "the kernel's own, which answers nothing in user space");
	else
		out_printf(o, " # TODO on %s: %s reads no clocksource, yet made the system call"
			   " (an emulated vDSO?)", release, c && c->symbol ? c->symbol : "it");
}

/*
 * served: which calls through the vDSO entered the kernel, proved by
 * vdso/served.c.  A CPU-time clock must (the vDSO has none); a coarse
 * clock and time() read the data page alone, so a kernel's vDSO serves
 * them in user space whatever the clocksource; the others need the
 * clocksource's counter: the system call there is the clocksource's doing
 * (no vDSO mode: VDSO_CLOCKMODE_NONE, lib/vdso/gettimeofday.c), or an
 * emulation's, and said as a TODO.
 */
static void check_served(void)
{
	struct served s;
	const char *release = kernel_release();
	unsigned i;

	section("served: which calls through the vDSO entered the kernel");
	if (vdso_status != 0) {
		skip("served in user space or not", no_vdso(VDSO_CLOCK_GETTIME));
		return;
	}
	out_flush(o);
	if (served_probe(&s) != 0) {
		skip("served in user space or not", "no witness: seccomp refused and no fault caught");
		return;
	}
	begin(1);
	out_printf(o, "the witness (%s) catches the system call itself", s.witness);
	end();
	for (i = 0; i < s.n; i++) {
		char kind = served_kind(i);
		int user = s.where[i] == SERVED_USER, kernel = s.where[i] == SERVED_KERNEL;

		if (s.where[i] == SERVED_NO_FN) {
			skip(served_name(i), "no vDSO function");
			continue;
		}
		begin(kind == 'C' ? kernel : kind == 'D' ? user || (kernel && vdso_image.bias == 0)
						       : user || kernel);
		out_printf(o, "%s%s%s through the vDSO: %s", served_name(i),
			   str_eq(served_arg(i), "-") ? "" : " ", str_eq(served_arg(i), "-") ? "" : served_arg(i),
			   user ? "user space" : kernel ? "entered the kernel" : "not known");
		if (kernel && kind == 'D')
			out_printf(o, " # TODO on %s: an emulated vDSO (QEMU's stubs) makes the"
				   " system call", release);
		else if (kernel && kind == 'O')
			todo_no_clocksource(served_call(i), release);
		else if (kernel && kind != 'C')
			out_printf(o, " # TODO on %s: a clocksource with no vDSO mode"
				   " (VDSO_CLOCKMODE_NONE, lib/vdso/gettimeofday.c), or an emulated"
				   " vDSO", release);
		end();
	}
}

int cmd_check(int argc, char **argv)
{
	long r;

	if (argc > 1)
		return usage_error("check", argv[1], "unexpected argument");
	r = sys_mmap(0, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(r))
		return file_error("check", "a shared page", r);
	shared = (struct findings *)r;
	out_printf(o, "# vdso check (%s): %s\n", ARCH_NAME,
		   vdso_status == 0 ? "the vDSO found by AT_SYSINFO_EHDR" : vdso_why_absent());
	out_flush(o);           /* the children must not inherit a full buffer */
	check_abi();
	check_time64();
	check_generic();
#ifdef ARCH_VDSO_PAIRS_CALL
	check_pairs();
#endif
	check_order();
	check_invalid();
	check_error_flag();
	out_flush(o);
	check_getcpu();
	check_getrandom();
	out_flush(o);
	check_timens();
	check_served();
	check_emulation();
	out_printf(o, "1..%u\n# %u checks: %u passed, ", n_checks, n_checks,
		   n_checks - n_failed - n_skipped - n_todo);
	if (n_todo)
		out_printf(o, "%u TODO (the kernel's own), ", n_todo);
	out_printf(o, "%u failed, %u skipped\n", n_failed, n_skipped);
	/* 1, not the count: 2 is a usage error, and a count could be 2 */
	return n_failed ? 1 : 0;
}
