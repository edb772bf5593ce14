/*
 * arch/i386/seccomp_arch.h - what vdso/served.c needs to know of this arch
 * to catch the vDSO's own system calls with a seccomp filter.
 *
 * ARCH_AUDIT_ARCH: the value the kernel puts in seccomp_data.arch for a
 * call of this ABI, also for an i386 program on a 64-bit kernel
 * (include/uapi/linux/audit.h).
 * ARCH_VDSO_TWIN_NRS: the system calls a vDSO function falls back to: the
 * 64-bit time_t ones for __vdso_clock_gettime64 and friends, the old ones
 * for __vdso_clock_gettime (arch/x86/include/asm/vdso/gettimeofday.h).
 */
#ifndef ARCH_SECCOMP_ARCH_H
#define ARCH_SECCOMP_ARCH_H

#include <linux/audit.h>
#include <asm/unistd.h>

#define ARCH_AUDIT_ARCH AUDIT_ARCH_I386
#define ARCH_VDSO_TWIN_NRS __NR_clock_gettime, __NR_clock_gettime64, \
	__NR_clock_getres, __NR_clock_getres_time64, \
	__NR_gettimeofday, __NR_time, __NR_getcpu, __NR_getrandom

#endif
