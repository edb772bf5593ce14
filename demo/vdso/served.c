/*
 * demo/vdso/served.c - was a call through the vDSO served in user space,
 * or did the vDSO make the system call itself?  Proved, not guessed from
 * timing.
 *
 * A vDSO function makes the system call when it cannot answer from the
 * data pages: a clock it does not know (CLOCK_PROCESS_CPUTIME_ID), a
 * clocksource with no vDSO mode (hpet, acpi_pm: the kernel sets the mode
 * to VDSO_CLOCKMODE_NONE, lib/vdso/gettimeofday.c falls back), or a vDSO
 * that is nothing but stubs (QEMU's user mode).  Two witnesses, each in a
 * child of fork, so that this process is left as it was:
 *
 *   seccomp: the child installs a filter (Documentation/userspace-api/
 *     seccomp_filter.rst) that makes the twin system calls fail with a
 *     marker errno, EXFULL, that none of them returns on its own; then it
 *     calls each vDSO function.  The marker coming back means the vDSO
 *     made the system call; a time means it did not.  A control call of
 *     the system call itself must get the marker, or the filter proves
 *     nothing.
 *   fault, where seccomp is refused (QEMU's user mode refuses it, to
 *     keep its own system calls): each call is made in a child with a
 *     pointer to a page mapped PROT_NONE.  SIGSEGV means user space wrote
 *     there; EFAULT means the kernel tried (it checks user pointers,
 *     arch/x86/lib/usercopy); a call that returns at all did not write
 *     the page in user space.  A control system call must get EFAULT.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/filter.h>
#include <linux/resource.h>
#include <linux/signal.h>
#include <seccomp_arch.h>       /* arch/<arch>/: ARCH_AUDIT_ARCH, ARCH_VDSO_TWIN_NRS */
#include "served.h"

#define MARKER EXFULL

static const struct served_probe {
	enum vdso_call_id id;
	int clock;
	const char *arg;
} probes[] = {
	{ VDSO_CLOCK_GETTIME, CLOCK_REALTIME, "REALTIME" },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC, "MONOTONIC" },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" },
	{ VDSO_CLOCK_GETTIME, CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
	{ VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" },
	{ VDSO_CLOCK_GETTIME, CLOCK_BOOTTIME, "BOOTTIME" },
	{ VDSO_CLOCK_GETTIME, CLOCK_TAI, "TAI" },
	{ VDSO_CLOCK_GETTIME, CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME" },
	{ VDSO_GETTIMEOFDAY, 0, "-" },
	{ VDSO_TIME, 0, "-" },
	{ VDSO_CLOCK_GETRES, CLOCK_MONOTONIC, "MONOTONIC" },
	{ VDSO_GETCPU, 0, "-" },
	{ VDSO_GETRANDOM, 0, "16" },
};
#define NPROBES (sizeof probes / sizeof probes[0])

/* The vDSO function of a probe, called bare (not through vdso.h's typed
 * calls, which would make the system call themselves on -ENOSYS).  p is
 * big enough for any of the answers, or the PROT_NONE page. */
static long probe_call(const struct served_probe *pr, void *p)
{
	void *fn = vdso_calls[pr->id].fn;

	switch (pr->id) {
	case VDSO_CLOCK_GETTIME:
	case VDSO_CLOCK_GETRES:
		return ((long (*)(int, void *))fn)(pr->clock, p);
	case VDSO_GETTIMEOFDAY:
		return ((long (*)(void *, void *))fn)(p, 0);
	case VDSO_TIME:
		return ((long (*)(void *))fn)(p);
	case VDSO_GETCPU:
		return ((long (*)(void *, void *, void *))fn)(p, 0, 0);
	case VDSO_GETRANDOM:    /* vdso/getrandom.c holds the state */
		return vdso_getrandom(p, 16, 0);
	default:
		return -ENOSYS;
	}
}

/* Is the probe's function in the vDSO at all?  getrandom's wrapper may
 * pass a call on to the system call itself: only a vDSO-served one counts. */
static int probe_has_fn(const struct served_probe *pr)
{
	return vdso_calls[pr->id].fn != 0;
}

/* ---- the seccomp witness ------------------------------------------------ */

static const unsigned twin_nrs[] = { ARCH_VDSO_TWIN_NRS };
#define NTWINS (sizeof twin_nrs / sizeof twin_nrs[0])

/*
 * The filter, classic BPF (include/uapi/linux/filter.h): another ABI's
 * call is allowed (its numbers mean other calls); a twin fails with the
 * marker; anything else is allowed.  Offsets into struct seccomp_data.
 */
#define OP(code, k) ((struct sock_filter)BPF_STMT(code, k))
#define IF_EQ(k, skip) ((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k, skip, 0))

static long install_filter(void)
{
	struct sock_filter f[6 + NTWINS];
	struct sock_fprog prog;
	unsigned i, n = 0;

	f[n++] = OP(BPF_LD | BPF_W | BPF_ABS, __builtin_offsetof(struct seccomp_data, arch));
	f[n++] = IF_EQ(ARCH_AUDIT_ARCH, 1);             /* this ABI: skip the ALLOW */
	f[n++] = OP(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = OP(BPF_LD | BPF_W | BPF_ABS, __builtin_offsetof(struct seccomp_data, nr));
	for (i = 0; i < NTWINS; i++)    /* a twin: jump to the ERRNO, the last */
		f[n++] = IF_EQ(twin_nrs[i], (unsigned char)(NTWINS - i));
	f[n++] = OP(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = OP(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | MARKER);
	prog.len = (unsigned short)n;
	prog.filter = f;
	/* without CAP_SYS_ADMIN, a filter needs no_new_privs first */
	sys_call(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
	return sys_call(__NR_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (long)&prog, 0, 0, 0);
}

/* The child: the filter, the control call, then every probe; one byte
 * each down the pipe. */
static void seccomp_child(int fd)
{
	char res[1 + NPROBES];
	unsigned char buf[64];
	struct __kernel_timespec ts;
	unsigned i;
	long r;

	if (probe_has_fn(&probes[NPROBES - 1]))
		vdso_getrandom(buf, 16, 0);     /* reseed the state wiped by fork first */
	r = install_filter();
	if (sys_failed(r)) {
		res[0] = (char)-r;              /* why, as the errno's number */
		sys_write(fd, res, 1);
		sys_exit_group(1);
	}
	r = sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	res[0] = r == -MARKER ? SERVED_KERNEL : SERVED_UNKNOWN;
	for (i = 0; i < NPROBES; i++) {
		unsigned passed = vdso_calls[probes[i].id].passed_on;

		if (!probe_has_fn(&probes[i])) {
			res[1 + i] = SERVED_NO_FN;
			continue;
		}
		r = probe_call(&probes[i], buf);
		if (vdso_calls[probes[i].id].passed_on != passed)
			res[1 + i] = SERVED_UNKNOWN;    /* our wrapper made it, not the vDSO */
		else
			res[1 + i] = r == -MARKER ? SERVED_KERNEL
				   : sys_failed(r) ? SERVED_UNKNOWN : SERVED_USER;
	}
	sys_write(fd, res, sizeof res);
	sys_exit_group(0);
}

/* ---- the fault witness ---------------------------------------------------- */

/* A child that makes one call with the PROT_NONE page; its fate. */
static enum served_where fault_one(const struct served_probe *pr, void *none)
{
	struct rlimit no_core = { 0, 0 };
	long pid, r;
	int ws = 0;

	pid = sys_fork();
	if (pid == 0) {
		/* a SIGSEGV is expected: no core file, and no word of it from
		 * QEMU's user mode, which says so on its (our) stderr */
		sys_close(2);
		sys_call(__NR_prctl, PR_SET_DUMPABLE, 0, 0, 0, 0, 0);
		sys_call(__NR_setrlimit, RLIMIT_CORE, (long)&no_core, 0, 0, 0, 0);
		r = pr ? probe_call(pr, none) : sys_clock_gettime(CLOCK_MONOTONIC, none);
		sys_exit_group(r == -EFAULT ? 1 : 2);
	}
	if (sys_failed(pid) || sys_failed(sys_wait4((int)pid, &ws, 0)))
		return SERVED_UNKNOWN;
	if ((ws & 0x7f) == SIGSEGV)
		return SERVED_USER;
	/* It returned: nothing in user space wrote the page, so the answer
	 * came from the system call (EFAULT; QEMU may drop the failed copy
	 * and return 0, as its clock_getres does). */
	if ((ws & 0x7f) == 0 && (pr || ((ws >> 8) & 0xff) == 1))
		return SERVED_KERNEL;
	return SERVED_UNKNOWN;
}

/* ---- both ------------------------------------------------------------------- */

static long seccomp_witness(struct served *s)
{
	char res[1 + NPROBES];
	int fds[2], ws = 0;
	long pid, r, got = 0;
	unsigned i;

	r = sys_pipe2(fds, O_CLOEXEC);
	if (sys_failed(r))
		return r;
	out_flush_all();
	pid = sys_fork();
	if (pid == 0)
		seccomp_child(fds[1]);
	sys_close(fds[1]);
	if (sys_failed(pid)) {
		sys_close(fds[0]);
		return pid;
	}
	while (got < (long)sizeof res && (r = sys_read(fds[0], res + got, sizeof res - (size_t)got)) > 0)
		got += r;
	sys_close(fds[0]);
	sys_wait4((int)pid, &ws, 0);
	if (got == 1)
		return -(long)(unsigned char)res[0];    /* the filter was refused */
	if (got != (long)sizeof res)
		return -EIO;
	s->control = (enum served_where)res[0];
	for (i = 0; i < NPROBES; i++)
		s->where[i] = (enum served_where)res[1 + i];
	return 0;
}

static long fault_witness(struct served *s)
{
	long page;
	unsigned i;

	page = sys_mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(page))
		return page;
	out_flush_all();
	s->control = fault_one(0, (void *)page);
	for (i = 0; i < NPROBES; i++)
		s->where[i] = probe_has_fn(&probes[i]) ? fault_one(&probes[i], (void *)page)
						       : SERVED_NO_FN;
	sys_munmap((void *)page, 4096);
	return 0;
}

long served_probe(struct served *s)
{
	long r;

	memset(s, 0, sizeof *s);
	s->n = NPROBES;
	r = seccomp_witness(s);
	if (r == 0 && s->control == SERVED_KERNEL) {
		s->witness = "seccomp";
		return 0;
	}
	s->seccomp_error = r ? r : -EPERM;      /* refused, or the filter caught nothing */
	r = fault_witness(s);
	if (r == 0 && s->control == SERVED_KERNEL) {
		s->witness = "fault";
		return 0;
	}
	s->witness = 0;
	return r ? r : -EIO;
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
