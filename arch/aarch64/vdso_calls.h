/*
 * arch/aarch64/vdso_calls.h - the vDSO functions of aarch64, one line each.
 *
 * The kernel exports them in arch/arm64/kernel/vdso/vdso.lds.S, each as
 * __kernel_<name> at version LINUX_2.6.39 (the release that brought
 * arm64).  time_t is 64 bits, so each takes the 64-bit timespec and has
 * no *_time64 twin.  There is no time() and no getcpu() in this vDSO:
 * the system calls serve (arm64 has no time(2) at all: sys_time uses
 * gettimeofday).  __kernel_getrandom came in Linux 6.11
 * (lib/vdso/getrandom.c; arm64 in 6.12); older kernels lack it.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime", "__kernel_clock_gettime", "LINUX_2.6.39", 1) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",  "__kernel_gettimeofday",  "LINUX_2.6.39", 0) \
	CALL(TIME,          "time",          "gettimeofday",  NO_VDSO_SYMBOL,           0,              0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres",  "__kernel_clock_getres",  "LINUX_2.6.39", 1) \
	CALL(GETCPU,        "getcpu",        "getcpu",        NO_VDSO_SYMBOL,           0,              0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",     "__kernel_getrandom",     "LINUX_2.6.39", 0)

/* No gate: aarch64 enters the kernel by `svc #0`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/*
 * A handler that gave no SA_RESTORER returns into the vDSO's
 * __kernel_rt_sigreturn (arch/arm64/kernel/signal.c, setup_return:
 * VDSO_SYMBOL(..., sigtramp); vdso/sigreturn.S).  There is no old-style
 * sigreturn on arm64.  Real kernels give the symbol no type (NOTYPE):
 * it is a label inside an assembly file, not a function.
 */
#define ARCH_VDSO_SIGRETURN     ((const char *)0)
#define ARCH_VDSO_RT_SIGRETURN  "__kernel_rt_sigreturn"
#define ARCH_VDSO_SIGRETURN_VERSION "LINUX_2.6.39"

#endif
