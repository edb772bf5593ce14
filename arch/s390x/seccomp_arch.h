/*
 * arch/s390x/seccomp_arch.h - what vdso/served.c needs to know of this
 * arch to catch the vDSO's own system calls with a seccomp filter.
 *
 * ARCH_AUDIT_ARCH: the value the kernel puts in seccomp_data.arch for a
 * call of this ABI (include/uapi/linux/audit.h).  ARCH_VDSO_TWIN_NRS: the
 * system calls its vDSO functions fall back to (arch/s390/include/asm/vdso/gettimeofday.h,
 * lib/vdso/getrandom.c; QEMU's vDSO makes these calls itself).
 */
#ifndef ARCH_SECCOMP_ARCH_H
#define ARCH_SECCOMP_ARCH_H

#include <linux/audit.h>
#include <asm/unistd.h>

#define ARCH_AUDIT_ARCH AUDIT_ARCH_S390X
#define ARCH_VDSO_TWIN_NRS __NR_clock_gettime, __NR_clock_getres, \
	__NR_gettimeofday, __NR_getcpu, __NR_getrandom

#endif
