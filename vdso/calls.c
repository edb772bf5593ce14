/*
 * vdso/calls.c - the call table: for each time function, the vDSO's
 * version when the live image has it, else the system call.
 *
 * Filled once, by calls_init at the start of main:
 *   1. AT_SYSINFO_EHDR gives the vDSO's ELF header; its own headers give
 *      its size (elf_extent), and the reader opens it like any image.
 *   2. Each entry looks up its symbols by name and version, in order of
 *      preference (on i386 the 64-bit-time_t twin first).
 *   3. On i386, AT_SYSINFO gives __kernel_vsyscall: every other system call
 *      enters through it from now on (syscall/call.c).
 * VDSO=off in the environment skips all three: every call is the raw
 * instruction, which is how a test proves which path served a call.
 *
 * The vDSO functions are plain C functions of the arch's ABI (the kernel
 * builds them from lib/vdso/gettimeofday.c).  They return what the
 * system call would: the result or -errno.  Where they cannot serve a
 * request (a clock the vDSO does not handle) they make the system call
 * themselves; should one answer -ENOSYS, we make it instead.
 */
#include <linux/auxvec.h>
#include <start/start.h>
#include <lib/lib.h>
#include "vdso.h"

struct call calls[CALL_COUNT] = {
	[CALL_CLOCK_GETTIME] = { .name = "clock_gettime" },
	[CALL_GETTIMEOFDAY]  = { .name = "gettimeofday" },
	[CALL_TIME]          = { .name = "time" },
	[CALL_CLOCK_GETRES]  = { .name = "clock_getres" },
	[CALL_GETCPU]        = { .name = "getcpu" },
};

/* What each entry looks for, best first; time64: takes a 64-bit timespec. */
struct candidate {
	enum call_id id;
	const char *symbol;
	int time64;
};

static const struct candidate candidates[] = {
	{ CALL_CLOCK_GETTIME, ARCH_VDSO_CLOCK_GETTIME64, 1 },
	{ CALL_CLOCK_GETTIME, "__vdso_clock_gettime", 0 },
	{ CALL_GETTIMEOFDAY, "__vdso_gettimeofday", 0 },
	{ CALL_TIME, "__vdso_time", 0 },
	{ CALL_CLOCK_GETRES, ARCH_VDSO_CLOCK_GETRES64, 1 },
	{ CALL_CLOCK_GETRES, "__vdso_clock_getres", 0 },
	{ CALL_GETCPU, "__vdso_getcpu", 0 },
};

struct elf_image calls_vdso;           /* the live image, if opened */
int calls_vdso_status = -ELF_ENOTFOUND;   /* 0 once it is open */
int calls_vdso_off;                     /* VDSO=off was given */

static void resolve(void)
{
	unsigned i;

	for (i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		const struct candidate *c = &candidates[i];
		struct call *e = &calls[c->id];
		struct elf_sym sym;

		if (e->fn || !c->symbol)
			continue;       /* found a better one, or none on this arch */
		if (elf_lookup(&calls_vdso, c->symbol, ARCH_VDSO_VERSION, &sym) == 0) {
			e->fn = (void *)sym.addr;
			e->symbol = c->symbol;
			/* Where long is 64 bits (x86_64) the "old" timespec
			 * is the 64-bit one: no widening copy needed. */
			e->time64 = c->time64 || sizeof(struct __kernel_old_timespec) ==
						 sizeof(struct __kernel_timespec);
		}
	}
}

void calls_init(void)
{
	unsigned long ehdr, gate;
	const char *v = env_get("VDSO");
	size_t size;

	calls_vdso_off = v && str_eq(v, "off");
	if (calls_vdso_off)
		return;
	if (ARCH_HAS_GATE && auxv_get(AT_SYSINFO, &gate) && gate)
		sys_gate = (void *)gate;
	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr)
		return;         /* no vDSO: qemu-user before 8.1, or vdso=0 */
	/* The kernel maps at least the page with the ELF header, so reading
	 * the headers inside that first page is safe; the rest of the extent
	 * is checked against them. */
	size = elf_extent((const void *)ehdr, 4096, 4096);
	if (size == 0) {
		calls_vdso_status = -ELF_EPHDR;
		return;
	}
	calls_vdso_status = elf_open(&calls_vdso, (const void *)ehdr, size, 0);
	if (calls_vdso_status == 0)
		resolve();
}

enum call_path call_path(enum call_id id)
{
	if (calls[id].fn)
		return PATH_VDSO;
	return sys_gate ? PATH_GATE : PATH_SYSCALL;
}

const char *call_path_name(enum call_path p)
{
	return p == PATH_VDSO ? "vdso" : p == PATH_GATE ? "gate" : "syscall";
}

/* A vDSO answer of -ENOSYS means "not here": count it, use the syscall. */
static int fell_back(enum call_id id, long r)
{
	if (r != -ENOSYS)
		return 0;
	calls[id].fallbacks++;
	return 1;
}

/*
 * clock_gettime and clock_getres: the vDSO function takes a 64-bit timespec
 * (time64), or one of longs, widened here; -ENOSYS or no function: the
 * system call.
 */
static long timespec_call(enum call_id id, int clock, struct __kernel_timespec *ts,
			  long (*syscall_twin)(int, struct __kernel_timespec *))
{
	struct call *e = &calls[id];
	struct __kernel_old_timespec old;
	long r;

	if (e->fn && e->time64) {
		r = ((long (*)(int, struct __kernel_timespec *))e->fn)(clock, ts);
		if (!fell_back(id, r))
			return r;
	} else if (e->fn) {
		r = ((long (*)(int, struct __kernel_old_timespec *))e->fn)(clock, &old);
		if (!fell_back(id, r)) {
			if (r == 0) {
				ts->tv_sec = old.tv_sec;
				ts->tv_nsec = old.tv_nsec;
			}
			return r;
		}
	}
	return syscall_twin(clock, ts);
}

long call_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(CALL_CLOCK_GETTIME, clock, ts, sys_clock_gettime);
}

long call_clock_getres(int clock, struct __kernel_timespec *ts)
{
	return timespec_call(CALL_CLOCK_GETRES, clock, ts, sys_clock_getres);
}

long call_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	struct call *e = &calls[CALL_GETTIMEOFDAY];
	long r;

	if (e->fn) {
		r = ((long (*)(struct __kernel_old_timeval *, void *))e->fn)(tv, tz);
		if (!fell_back(CALL_GETTIMEOFDAY, r))
			return r;
	}
	return sys_gettimeofday(tv, tz);
}

long call_time(long *t)
{
	struct call *e = &calls[CALL_TIME];
	long r;

	if (e->fn) {
		r = ((long (*)(long *))e->fn)(t);
		if (!fell_back(CALL_TIME, r))
			return r;
	}
	return sys_time(t);
}

long call_getcpu(unsigned *cpu, unsigned *node)
{
	struct call *e = &calls[CALL_GETCPU];
	long r;

	if (e->fn) {    /* the third argument, a cache, is unused since 2.6.24 */
		r = ((long (*)(unsigned *, unsigned *, void *))e->fn)(cpu, node, 0);
		if (!fell_back(CALL_GETCPU, r))
			return r;
	}
	return sys_getcpu(cpu, node);
}
