/*
 * arch/s390x/vdso_calls.h - the vDSO functions of s390x, one line each.
 *
 * The kernel exports them in arch/s390/kernel/vdso64/vdso64.lds.S, each as
 * __kernel_<name> at version LINUX_2.6.29 (the release that brought the
 * s390 vDSO).  time_t is 64 bits, so each takes the 64-bit timespec and
 * has no *_time64 twin.  There is no time() in this vDSO, and no time(2)
 * for 64-bit s390 (its syscall.tbl gives time to 31-bit only):
 * gettimeofday serves.  __kernel_getrandom came in Linux 6.11
 * (lib/vdso/getrandom.c; s390 in 6.12); older kernels lack it.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime", "__kernel_clock_gettime", "LINUX_2.6.29", 1) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",  "__kernel_gettimeofday",  "LINUX_2.6.29", 0) \
	CALL(TIME,          "time",          "gettimeofday",  NO_VDSO_SYMBOL,           0,              0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres",  "__kernel_clock_getres",  "LINUX_2.6.29", 1) \
	CALL(GETCPU,        "getcpu",        "getcpu",        "__kernel_getcpu",        "LINUX_2.6.29", 0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",     "__kernel_getrandom",     "LINUX_2.6.29", 0)

/* No gate: s390x enters the kernel by `svc`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/*
 * A handler that gave no SA_RESTORER returns into the vDSO:
 * __kernel_rt_sigreturn for an SA_SIGINFO (rt) frame, __kernel_sigreturn
 * for the old one (arch/s390/kernel/signal.c, setup_frame and
 * setup_rt_frame: VDSO64_SYMBOL(current, sigreturn / rt_sigreturn), since
 * Linux 5.14; before, a `svc` written into the frame on the stack).  Each
 * is one instruction, `svc 119` or `svc 173` (vdso64/vdso_user_wrapper.S).
 */
#define ARCH_VDSO_SIGRETURN     "__kernel_sigreturn"
#define ARCH_VDSO_RT_SIGRETURN  "__kernel_rt_sigreturn"
#define ARCH_VDSO_SIGRETURN_VERSION "LINUX_2.6.29"

#endif
