/*
 * demo/vdso/served.c - which calls through the vDSO stayed in user space,
 * for `vdso call`, `check` and the tour: the calls the tool proves, and
 * how it says what came back.  The proof itself, a seccomp filter or a
 * PROT_NONE page in a child, is the runtime's (vdso/served.c).
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include "served.h"

/* getrandom through the runtime's wrapper, which holds this thread's state
 * (vdso/getrandom.c); the wrapper's passing a call on to the system call
 * is seen by served_prove, and not counted as the vDSO's. */
static long getrandom_probe(void *buf)
{
	return vdso_getrandom(buf, 16, 0);
}

static const struct served_probe probes[] = {
	{ VDSO_CLOCK_GETTIME, CLOCK_REALTIME, "REALTIME", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC, "MONOTONIC", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_REALTIME_COARSE, "REALTIME_COARSE", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_BOOTTIME, "BOOTTIME", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_TAI, "TAI", 0 },
	{ VDSO_CLOCK_GETTIME, CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME", 0 },
	{ VDSO_GETTIMEOFDAY, 0, "-", 0 },
	{ VDSO_TIME, 0, "-", 0 },
	{ VDSO_CLOCK_GETRES, CLOCK_MONOTONIC, "MONOTONIC", 0 },
	{ VDSO_GETCPU, 0, "-", 0 },
	{ VDSO_GETRANDOM, 0, "16", getrandom_probe },
};
#define NPROBES (sizeof probes / sizeof probes[0])

long served_probe(struct served *s)
{
	return served_prove(probes, NPROBES, s);
}

static const char *where_name(enum served_where w)
{
	switch (w) {
	case SERVED_USER: return "user space";
	case SERVED_KERNEL: return "the kernel";
	case SERVED_NO_FN: return "no vDSO function";
	default: return "unknown";
	}
}

void served_print(struct out *o)
{
	struct served s;
	unsigned i, user = 0, kernel = 0;
	long r;

	if (!vdso_calls[VDSO_CLOCK_GETTIME].fn && !vdso_calls[VDSO_TIME].fn) {
		out_str(o, "served: no vDSO functions: every call is the system call\n");
		return;
	}
	r = served_probe(&s);
	if (!s.witness) {
		out_printf(o, "served: no proof here: seccomp %s, and the fault witness %s\n",
			   errno_name((int)s.seccomp_error),
			   r == -EIO ? "caught nothing" : errno_name((int)r));
		return;
	}
	if (str_eq(s.witness, "seccomp"))
		out_str(o, "served: proved by seccomp: in a child whose filter fails the twin system"
			   " calls with EXFULL, a call that returns EXFULL entered the kernel\n");
	else
		out_printf(o, "served: proved by faults (seccomp: %s): each call in a child with a"
			   " PROT_NONE pointer; SIGSEGV: user space wrote it, a return (EFAULT): the kernel did\n",
			   errno_name((int)s.seccomp_error));
	for (i = 0; i < s.n; i++) {
		out_str(o, "served: ");
		out_field(o, vdso_calls[probes[i].id].name, -14);
		out_field(o, probes[i].arg, -17);
		out_str(o, where_name(s.where[i]));
		out_char(o, '\n');
		user += s.where[i] == SERVED_USER;
		kernel += s.where[i] == SERVED_KERNEL;
	}
	out_printf(o, "served: %u calls in user space, %u entered the kernel (witness: %s)\n",
		   user, kernel, s.witness);
}

/* One line for the tour: where clock_gettime(CLOCK_MONOTONIC) was served. */
void served_print_clock(struct out *o)
{
	struct served s;

	if (served_probe(&s) != 0) {
		out_printf(o, "proof: none here (seccomp: %s; the fault witness caught nothing)\n",
			   errno_name((int)s.seccomp_error));
		return;
	}
	out_printf(o, "proof (%s, `vdso call` shows every call): clock_gettime(CLOCK_MONOTONIC)"
		   " through the vDSO %s\n", s.witness,
		   s.where[SERVED_MONOTONIC] == SERVED_USER ? "stayed in user space"
		   : s.where[SERVED_MONOTONIC] == SERVED_KERNEL ? "entered the kernel" : "is not known");
}

/* The probes' names, for vdso check. */
const char *served_name(unsigned i)
{
	return i < NPROBES ? vdso_calls[probes[i].id].name : 0;
}

/* The table's entry for probe i (its symbol, its address), or 0. */
const struct vdso_call *served_call(unsigned i)
{
	return i < NPROBES ? &vdso_calls[probes[i].id] : 0;
}

const char *served_arg(unsigned i)
{
	return i < NPROBES ? probes[i].arg : 0;
}

/* What the vDSO may do, by the kernel's own rules (lib/vdso/gettimeofday.c):
 * 'C' a CPU-time clock, always the system call; 'D' read from the data
 * page alone (coarse clocks, time), whatever the clocksource; 'H' needs
 * the clocksource's counter; 'O' other. */
char served_kind(unsigned i)
{
	if (i >= NPROBES)
		return 0;
	if (probes[i].id == VDSO_CLOCK_GETTIME)
		return probes[i].clock == CLOCK_PROCESS_CPUTIME_ID ? 'C'
		     : probes[i].clock == CLOCK_REALTIME_COARSE ||
		       probes[i].clock == CLOCK_MONOTONIC_COARSE ? 'D' : 'H';
	return probes[i].id == VDSO_TIME ? 'D' : probes[i].id == VDSO_GETTIMEOFDAY ? 'H' : 'O';
}
