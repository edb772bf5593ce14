/*
 * arch/riscv64/seccomp_arch.h - what vdso/served.c needs to know of this
 * arch to catch the vDSO's own system calls with a seccomp filter.
 *
 * ARCH_AUDIT_ARCH: the value the kernel puts in seccomp_data.arch for a
 * call of this ABI (include/uapi/linux/audit.h).  ARCH_VDSO_TWIN_NRS: the
 * system calls its vDSO functions fall back to or only make
 * (arch/riscv/include/asm/vdso/gettimeofday.h, arch/riscv/kernel/vdso/
 * getcpu.S, flush_icache.S, hwprobe.c; lib/vdso/getrandom.c).
 */
#ifndef ARCH_SECCOMP_ARCH_H
#define ARCH_SECCOMP_ARCH_H

#include <linux/audit.h>
#include <asm/unistd.h>
#include "arch.h"

#define ARCH_AUDIT_ARCH AUDIT_ARCH_RISCV64
#define ARCH_VDSO_TWIN_NRS __NR_clock_gettime, __NR_clock_getres, \
	__NR_gettimeofday, __NR_getcpu, __NR_getrandom, \
	__NR_riscv_hwprobe, __NR_riscv_flush_icache

#endif
