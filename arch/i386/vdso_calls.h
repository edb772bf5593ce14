/*
 * arch/i386/vdso_calls.h - the vDSO functions of i386, one line each.
 *
 * The kernel exports them in arch/x86/entry/vdso/vdso32/vdso32.lds.S: the
 * time functions at LINUX_2.6, with *_time64 twins (Linux 5.1 and later)
 * that take a 64-bit time_t, safe past 2038, and are preferred; and the
 * gate __kernel_vsyscall at LINUX_2.5.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 * time64: the function takes struct __kernel_timespec (64-bit seconds);
 * else struct __kernel_old_timespec (32-bit longs), widened by the caller.
 * NO_VDSO_SYMBOL (vdso/vdso.h): the call exists, but no vDSO of this arch
 * has a function for it; the system call always serves.  getrandom is
 * one: the kernel builds __vdso_getrandom for x86_64 only
 * (arch/x86/entry/vdso/vdso.lds.S has it, vdso32/vdso32.lds.S does not).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime64", "__vdso_clock_gettime64", "LINUX_2.6", 1) \
	ALSO(CLOCK_GETTIME,                                     "__vdso_clock_gettime",   "LINUX_2.6", 0) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",    "__vdso_gettimeofday",    "LINUX_2.6", 0) \
	CALL(TIME,          "time",          "time",            "__vdso_time",            "LINUX_2.6", 0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres_time64", "__vdso_clock_getres_time64", "LINUX_2.6", 1) \
	ALSO(CLOCK_GETRES,                                      "__vdso_clock_getres",    "LINUX_2.6", 0) \
	CALL(GETCPU,        "getcpu",        "getcpu",          "__vdso_getcpu",          "LINUX_2.6", 0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",       NO_VDSO_SYMBOL,           0,           0)

/* The gate: __kernel_vsyscall, whose address the kernel also puts in
 * AT_SYSINFO (arch/x86/entry/vdso/vdso32/system_call.S). */
#define ARCH_VDSO_GATE          "__kernel_vsyscall"
#define ARCH_VDSO_GATE_VERSION  "LINUX_2.5"

/* Where a handler returns when it gave no SA_RESTORER: the old frame and
 * the SA_SIGINFO one (arch/x86/kernel/signal_32.c; vdso32/sigreturn.S). */
#define ARCH_VDSO_SIGRETURN     "__kernel_sigreturn"
#define ARCH_VDSO_RT_SIGRETURN  "__kernel_rt_sigreturn"
#define ARCH_VDSO_SIGRETURN_VERSION "LINUX_2.5"

#endif
