/*
 * arch/ppc64le/vdso_calls.h - the vDSO functions of ppc64le, one line each.
 *
 * The kernel exports them in arch/powerpc/kernel/vdso/vdso64.lds.S, each
 * as __kernel_<name> at version LINUX_2.6.15 (the release that brought
 * the 64-bit PowerPC vDSO).  time_t is 64 bits, so each takes the 64-bit
 * timespec and has no *_time64 twin.  __kernel_getrandom came in Linux
 * 6.13 (lib/vdso/getrandom.c; arch/powerpc/kernel/vdso/getrandom.S);
 * older kernels lack it, and Debian 12's 6.1 has neither it nor 6.12's.
 *
 * Every one of them says an error as `sc` does, CR0.SO and a positive
 * errno: arch_vdso_call (arch/ppc64le/vdso_call.S) calls them.
 *
 * Three more functions of this vDSO have no system call twin and so no
 * line here (`vdso syms` lists them): __kernel_get_tbfreq (the time base
 * frequency, in ticks a second), __kernel_sync_dicache (makes the
 * instruction cache see stores to code: what a JIT needs) and
 * __kernel_get_syscall_map (a bitmap of the system calls the vDSO
 * serves).
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime", "__kernel_clock_gettime", "LINUX_2.6.15", 1) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",  "__kernel_gettimeofday",  "LINUX_2.6.15", 0) \
	CALL(TIME,          "time",          "time",          "__kernel_time",          "LINUX_2.6.15", 0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres",  "__kernel_clock_getres",  "LINUX_2.6.15", 1) \
	CALL(GETCPU,        "getcpu",        "getcpu",        "__kernel_getcpu",        "LINUX_2.6.15", 0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",     "__kernel_getrandom",     "LINUX_2.6.15", 0)

/* No gate: ppc64le enters the kernel by `sc`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/*
 * A handler returns into the vDSO's __kernel_sigtramp_rt64
 * (arch/powerpc/kernel/signal_64.c: VDSO64_SYMBOL(..., sigtramp_rt64);
 * vdso/sigtramp64.S).  There is no old-style sigreturn on 64-bit.
 */
#define ARCH_VDSO_SIGRETURN     ((const char *)0)
#define ARCH_VDSO_RT_SIGRETURN  "__kernel_sigtramp_rt64"
#define ARCH_VDSO_SIGRETURN_VERSION "LINUX_2.6.15"

#endif
