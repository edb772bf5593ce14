/*
 * vdso/served.c - was a call through the vDSO served in user space, or
 * did the vDSO make the system call itself?  Proved, not guessed from
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
 *
 * The arch's part, the ABI's audit number and the twins' numbers, is in
 * arch/<arch>/seccomp_arch.h.
 */
#include <lib/lib.h>
#include <vdso/served.h>
#include <linux/time.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/filter.h>
#include <linux/resource.h>
#include <linux/signal.h>
#include <seccomp_arch.h>       /* arch/<arch>/: ARCH_AUDIT_ARCH, ARCH_VDSO_TWIN_NRS */

#define MARKER EXFULL

/* The probe's call: the caller's own, or the table's function called bare
 * (not through vdso.h's typed calls, which would make the system call
 * themselves on -ENOSYS).  p is big enough for any of the answers, or the
 * PROT_NONE page. */
static long probe_call(const struct served_probe *pr, void *p)
{
	void *fn = vdso_calls[pr->id].fn;

	if (pr->call)
		return pr->call(p);
	switch (pr->id) {
	case VDSO_CLOCK_GETTIME:
	case VDSO_CLOCK_GETRES:
		return VDSO_CALL(fn, (int, void *), (pr->clock, p));
	case VDSO_GETTIMEOFDAY:
		return VDSO_CALL(fn, (void *, void *), (p, 0));
	case VDSO_TIME:
		return VDSO_CALL(fn, (void *), (p));
	case VDSO_GETCPU:
		return VDSO_CALL(fn, (void *, void *, void *), (p, 0, 0));
	default:
		return -ENOSYS;
	}
}

/* Is the probe's function in the vDSO at all? */
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

/* The child: each caller's own call once first (getrandom reseeds a state
 * that fork wiped: that system call is its own, not the one to prove);
 * the filter, the control call, then every probe; one byte each down the
 * pipe. */
static void seccomp_child(const struct served_probe *probes, unsigned n, int fd)
{
	char res[1 + SERVED_MAX];
	unsigned char buf[64];
	struct __kernel_timespec ts;
	unsigned i;
	long r;

	for (i = 0; i < n; i++)
		if (probes[i].call && probe_has_fn(&probes[i]))
			probes[i].call(buf);
	r = install_filter();
	if (sys_failed(r)) {
		res[0] = (char)-r;              /* why, as the errno's number */
		sys_write(fd, res, 1);
		sys_exit_group(1);
	}
	r = sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	res[0] = r == -MARKER ? SERVED_KERNEL : SERVED_UNKNOWN;
	for (i = 0; i < n; i++) {
		unsigned passed = vdso_calls[probes[i].id].passed_on;

		if (!probe_has_fn(&probes[i])) {
			res[1 + i] = SERVED_NO_FN;
			continue;
		}
		r = probe_call(&probes[i], buf);
		if (vdso_calls[probes[i].id].passed_on != passed)
			res[1 + i] = SERVED_UNKNOWN;    /* a wrapper made it, not the vDSO */
		else
			res[1 + i] = r == -MARKER ? SERVED_KERNEL
				   : sys_failed(r) ? SERVED_UNKNOWN : SERVED_USER;
	}
	sys_write(fd, res, 1 + n);
	sys_exit_group(0);
}

static long seccomp_witness(const struct served_probe *probes, unsigned n, struct served *s)
{
	char res[1 + SERVED_MAX];
	int fds[2], ws = 0;
	long pid, r, got = 0, want = 1 + (long)n;
	unsigned i;

	r = sys_pipe2(fds, O_CLOEXEC);
	if (sys_failed(r))
		return r;
	out_flush_all();
	pid = sys_fork();
	if (pid == 0)
		seccomp_child(probes, n, fds[1]);
	sys_close(fds[1]);
	if (sys_failed(pid)) {
		sys_close(fds[0]);
		return pid;
	}
	while (got < want && (r = sys_read(fds[0], res + got, (size_t)(want - got))) > 0)
		got += r;
	sys_close(fds[0]);
	sys_wait4((int)pid, &ws, 0);
	if (got == 1 && n > 0)
		return -(long)(unsigned char)res[0];    /* the filter was refused */
	if (got != want)
		return -EIO;
	s->control = (enum served_where)res[0];
	for (i = 0; i < n; i++)
		s->where[i] = (enum served_where)res[1 + i];
	return 0;
}

/* ---- the fault witness ---------------------------------------------------- */

/* A child that makes one call with the PROT_NONE page (pr 0: the control,
 * the system call itself); its fate. */
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

static long fault_witness(const struct served_probe *probes, unsigned n, struct served *s)
{
	long page;
	unsigned i;

	page = sys_mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(page))
		return page;
	out_flush_all();
	s->control = fault_one(0, (void *)page);
	for (i = 0; i < n; i++)
		s->where[i] = probe_has_fn(&probes[i]) ? fault_one(&probes[i], (void *)page)
						       : SERVED_NO_FN;
	sys_munmap((void *)page, 4096);
	return 0;
}

/* ---- both ------------------------------------------------------------------- */

long served_prove(const struct served_probe *probes, unsigned n, struct served *s)
{
	long r;

	memset(s, 0, sizeof *s);
	if (n > SERVED_MAX)
		return -EINVAL;
	s->n = n;
	r = seccomp_witness(probes, n, s);
	if (r == 0 && s->control == SERVED_KERNEL) {
		s->witness = "seccomp";
		return 0;
	}
	s->seccomp_error = r ? r : -EPERM;      /* refused, or the filter caught nothing */
	r = fault_witness(probes, n, s);
	if (r == 0 && s->control == SERVED_KERNEL) {
		s->witness = "fault";
		return 0;
	}
	s->witness = 0;
	return r ? r : -EIO;
}
