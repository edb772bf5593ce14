/*
 * arch/arm/vdso_calls.h - the vDSO functions of 32-bit arm, one line each.
 *
 * The kernel exports them in arch/arm/vdso/vdso.lds.S, as __vdso_<name> at
 * version LINUX_2.6; a 64-bit kernel gives an arm process the same names
 * from its compat vDSO (arch/arm64/kernel/vdso32/vdso.lds.S).  The time
 * functions take the 32-bit timespec (struct __kernel_old_timespec) but
 * for __vdso_clock_gettime64 (Linux 5.5 and later), which takes a 64-bit
 * time_t, safe past 2038, and is preferred.  There is no time(), getcpu()
 * or getrandom() in this vDSO: the system calls serve (the EABI has no
 * time(2) at all: sys_time uses gettimeofday).  The vDSO has no getres
 * with a 64-bit time_t: the old one is widened by the caller.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime64", "__vdso_clock_gettime64", "LINUX_2.6", 1) \
	ALSO(CLOCK_GETTIME,                                     "__vdso_clock_gettime",   "LINUX_2.6", 0) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",    "__vdso_gettimeofday",    "LINUX_2.6", 0) \
	CALL(TIME,          "time",          "gettimeofday",    NO_VDSO_SYMBOL,           0,           0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres_time64", "__vdso_clock_getres", "LINUX_2.6", 0) \
	CALL(GETCPU,        "getcpu",        "getcpu",          NO_VDSO_SYMBOL,           0,           0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",       NO_VDSO_SYMBOL,           0,           0)

/* No gate: arm enters the kernel by `svc #0`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/*
 * No sigreturn in the vDSO: a handler that gave no SA_RESTORER returns
 * into the sigpage, a page of code of its own that the kernel maps into
 * every arm process ([sigpage] in /proc/self/maps; arch/arm/kernel/signal.c,
 * setup_return, and arch/arm/kernel/process.c, get_signal_page).
 */
#define ARCH_VDSO_SIGRETURN     ((const char *)0)
#define ARCH_VDSO_RT_SIGRETURN  ((const char *)0)
#define ARCH_VDSO_SIGRETURN_VERSION ((const char *)0)

#endif
