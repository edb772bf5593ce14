/*
 * arch/x86_64/vdso_calls.h - the vDSO functions of x86_64, one line each.
 *
 * The kernel exports them in arch/x86/entry/vdso/vdso.lds.S, every one as
 * __vdso_<name> at version LINUX_2.6.  time_t is 64 bits here already, so
 * each takes the 64-bit timespec and has no *_time64 twin.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 * time64: the function takes struct __kernel_timespec (64-bit seconds).
 * getrandom came in Linux 6.11 (lib/vdso/getrandom.c); older kernels lack
 * it and the system call serves.
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime", "__vdso_clock_gettime", "LINUX_2.6", 1) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",  "__vdso_gettimeofday",  "LINUX_2.6", 0) \
	CALL(TIME,          "time",          "time",          "__vdso_time",          "LINUX_2.6", 0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres",  "__vdso_clock_getres",  "LINUX_2.6", 1) \
	CALL(GETCPU,        "getcpu",        "getcpu",        "__vdso_getcpu",        "LINUX_2.6", 0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",     "__vdso_getrandom",     "LINUX_2.6", 0)

/* No gate: x86_64 enters the kernel by `syscall`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/* No sigreturn in the vDSO: a handler returns to its own sa_restorer
 * (arch/x86/kernel/signal_64.c). */
#define ARCH_VDSO_SIGRETURN     ((const char *)0)
#define ARCH_VDSO_RT_SIGRETURN  ((const char *)0)
#define ARCH_VDSO_SIGRETURN_VERSION ((const char *)0)

#endif
