/*
 * vdso/calls.c - the call table: for each function the arch's vDSO offers
 * (arch/<arch>/vdso_calls.h), the vDSO's version when the live image has
 * it, else the system call.
 *
 * Filled once, by vdso_init at the start of main:
 *   1. AT_SYSINFO_EHDR gives the vDSO's ELF header; its own headers give
 *      its size (vdso_find), and the reader opens it like any image.
 *   2. Each entry looks up its symbols by name and version, in the arch
 *      table's order of preference (on i386 the 64-bit-time_t twin first).
 *   3. On i386, AT_SYSINFO gives __kernel_vsyscall: every other system call
 *      enters through it from now on (syscall/call.c).  It is taken only
 *      if it points into the image just found.
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

#define CALL_ENTRY(id, name_, twin_, symbol, version, time64) \
	[VDSO_##id] = { .name = name_, .twin = twin_ },
struct vdso_call vdso_calls[VDSO_NCALLS] = {
	ARCH_VDSO_CALLS(CALL_ENTRY, VDSO_NOTHING)
};

/* What each entry looks for, best first. */
struct candidate {
	enum vdso_call_id id;
	const char *symbol, *version;
	int time64;
};

#define FIRST_CHOICE(id, name, twin, symbol, version, time64) \
	{ VDSO_##id, symbol, version, time64 },
#define OTHER_CHOICE(id, symbol, version, time64) \
	{ VDSO_##id, symbol, version, time64 },
static const struct candidate candidates[] = {
	ARCH_VDSO_CALLS(FIRST_CHOICE, OTHER_CHOICE)
};

/* Their symbols' GNU hashes and lengths and their versions' ELF hashes,
 * in the same order, computed at build time from the same table (vdso/hashes.awk). */
#include <vdso_hashes.h>
static const struct {
	uint32_t symbol;        /* GNU hash */
	unsigned len;           /* strlen */
	uint32_t version;       /* ELF hash */
} candidate_hash[] = { VDSO_CANDIDATE_HASHES };
_Static_assert(sizeof candidate_hash / sizeof candidate_hash[0] ==
	       sizeof candidates / sizeof candidates[0], "one hash per candidate");

/* Each entry's system call twin by number (<asm/unistd.h>), from the same table. */
static const long twin_numbers[VDSO_NCALLS] = { VDSO_TWIN_NUMBERS };

struct elf_image vdso_image;
int vdso_status = -ELF_ENOTFOUND;
const char *vdso_not_found = "not looked for";
int vdso_off;

/*
 * Each entry's symbols, best first.  A version is looked up once for all
 * the entries that ask for it (the table's versions are few: one on
 * x86_64), then each symbol by its address alone.
 */
static void resolve(void)
{
	const char *version = 0;
	int version_index = -ELF_ENOTFOUND;     /* its vd_ndx (elf_version_index) */
	unsigned i;

	for (i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		const struct candidate *c = &candidates[i];
		struct vdso_call *e = &vdso_calls[c->id];
		struct elf_name name = { c->symbol, candidate_hash[i].len,
					 candidate_hash[i].symbol };
		uintptr_t addr;

		if (e->fn || c->symbol == NO_VDSO_SYMBOL)
			continue;       /* a better one was found, or none exists */
		if (version != c->version && (version == 0 || !str_eq(version, c->version))) {
			version = c->version;
			version_index = elf_version_index(&vdso_image, version, candidate_hash[i].version);
		}
		if (elf_lookup_address(&vdso_image, &name, version_index, &addr) == 0) {
			e->fn = (void *)addr;
			e->symbol = c->symbol;
			e->time64 = c->time64;
			e->fn64 = c->time64 ? e->fn : 0;
		}
	}
}

void vdso_init(void)
{
	const char *v = env_get("VDSO");
	const unsigned char *image;
	size_t size;
	static int done;

	if (done++)
		return;         /* once is enough */

	vdso_off = v && str_eq(v, "off");
	if (vdso_off)
		return;
	if (vdso_find(&image, &size, &vdso_not_found) < 0)
		return;         /* none: qemu-user before 8.1, vdso=0, a loader */
	vdso_not_found = 0;
	sys_use_gate(vdso_gate_in(image, size));
	vdso_status = elf_open(&vdso_image, image, size,
			       ELF_ACCEPT(ARCH_ELF_CLASS, ARCH_ELF_MACHINE));
	if (vdso_status == 0)
		resolve();
}

enum vdso_path vdso_path(enum vdso_call_id id)
{
	if (vdso_calls[id].fn)
		return PATH_VDSO;
	return sys_gate ? PATH_GATE : PATH_SYSCALL;
}

const char *vdso_path_name(enum vdso_path p)
{
	return p == PATH_VDSO ? "vdso" : p == PATH_GATE ? "gate" : "syscall";
}

/* The slow paths of the inline calls (vdso.h).  fell_back: the vDSO's
 * function answered -ENOSYS, "not here": count it, make the system call. */
static void count_fallback(enum vdso_call_id id, int fell_back)
{
	if (fell_back)
		vdso_calls[id].fallbacks++;
}

/*
 * clock_gettime and clock_getres without a 64-bit-time function: on i386
 * an old one may serve (time64 0), its timespec of longs widened here;
 * its -ENOSYS, or no function, is the system call.
 */
static long timespec_slow(enum vdso_call_id id, int clock, struct __kernel_timespec *ts,
			  int fell_back, long (*syscall_twin)(int, struct __kernel_timespec *))
{
	struct vdso_call *e = &vdso_calls[id];
	struct __kernel_old_timespec old;
	long r;

	if (!fell_back && e->fn && !e->time64) {
		/* a NULL timespec goes through as NULL: clock_getres allows it */
		r = VDSO_CALL(e->fn, (int, struct __kernel_old_timespec *), (clock, ts ? &old : 0));
		if (r != -ENOSYS) {
			if (r == 0 && ts) {
				ts->tv_sec = old.tv_sec;
				ts->tv_nsec = old.tv_nsec;
			}
			return r;
		}
		fell_back = 1;
	}
	count_fallback(id, fell_back);
	return syscall_twin(clock, ts);
}

long vdso_clock_gettime_slow(int clock, struct __kernel_timespec *ts, int fell_back)
{
	return timespec_slow(VDSO_CLOCK_GETTIME, clock, ts, fell_back, sys_clock_gettime);
}

long vdso_clock_getres_slow(int clock, struct __kernel_timespec *ts, int fell_back)
{
	return timespec_slow(VDSO_CLOCK_GETRES, clock, ts, fell_back, sys_clock_getres);
}

long vdso_gettimeofday_slow(struct __kernel_old_timeval *tv, void *tz, int fell_back)
{
	count_fallback(VDSO_GETTIMEOFDAY, fell_back);
	return sys_gettimeofday(tv, tz);
}

long vdso_time_slow(long *t, int fell_back)
{
	count_fallback(VDSO_TIME, fell_back);
	return sys_time(t);
}

long vdso_getcpu_slow(unsigned *cpu, unsigned *node, int fell_back)
{
	count_fallback(VDSO_GETCPU, fell_back);
	return sys_getcpu(cpu, node);
}

long vdso_twin(enum vdso_call_id id, long a1, long a2, long a3)
{
	return sys_call(twin_numbers[id], a1, a2, a3, 0, 0, 0);
}

long vdso_call_generic(enum vdso_call_id id, long a1, long a2, long a3)
{
	void *fn = vdso_calls[id].fn;
	long r;

	if (fn) {
		r = VDSO_CALL(fn, (long, long, long), (a1, a2, a3));
		if (r != -ENOSYS)
			return r;
	}
	count_fallback(id, fn != 0);
	return vdso_twin(id, a1, a2, a3);
}
