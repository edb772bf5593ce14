/*
 * arch/riscv64/vdso_calls.h - the vDSO functions of riscv64, one line each.
 *
 * The kernel exports them in arch/riscv/kernel/vdso/vdso.lds.S, each as
 * __vdso_<name> at version LINUX_4.15 (the release that gave riscv its
 * vDSO).  time_t is 64 bits, so each takes the 64-bit timespec and has no
 * *_time64 twin.  There is no time() in this vDSO (riscv has no time(2)
 * at all: gettimeofday serves).  __vdso_getcpu and __vdso_flush_icache
 * only make their system calls (getcpu.S, flush_icache.S: `li a7, N;
 * ecall`): they are there so that a later kernel may answer in user space.
 * __vdso_riscv_hwprobe came in Linux 6.4 (hwprobe.c: the answers for all
 * CPUs from the data page, the system call for the rest); __vdso_getrandom
 * later (lib/vdso/getrandom.c, riscv in 6.16).  QEMU's user mode has its
 * own vDSO (linux-user/riscv/vdso.S), with the first five only.
 *
 * ARCH_VDSO_CALLS(CALL, ALSO): for each call of the table (vdso/vdso.h),
 *   CALL(ID, name, its system call twin, best symbol, version, time64)
 * and, for a call with a second choice, ALSO(ID, symbol, version, time64).
 */
#ifndef ARCH_VDSO_CALLS_H
#define ARCH_VDSO_CALLS_H

#define ARCH_VDSO_CALLS(CALL, ALSO) \
	CALL(CLOCK_GETTIME, "clock_gettime", "clock_gettime", "__vdso_clock_gettime", "LINUX_4.15", 1) \
	CALL(GETTIMEOFDAY,  "gettimeofday",  "gettimeofday",  "__vdso_gettimeofday",  "LINUX_4.15", 0) \
	CALL(TIME,          "time",          "gettimeofday",  NO_VDSO_SYMBOL,         0,            0) \
	CALL(CLOCK_GETRES,  "clock_getres",  "clock_getres",  "__vdso_clock_getres",  "LINUX_4.15", 1) \
	CALL(GETCPU,        "getcpu",        "getcpu",        "__vdso_getcpu",        "LINUX_4.15", 0) \
	CALL(GETRANDOM,     "getrandom",     "getrandom",     "__vdso_getrandom",     "LINUX_4.15", 0) \
	CALL(RISCV_HWPROBE, "riscv_hwprobe", "riscv_hwprobe", "__vdso_riscv_hwprobe", "LINUX_4.15", 0) \
	CALL(FLUSH_ICACHE,  "flush_icache",  "riscv_flush_icache", "__vdso_flush_icache", "LINUX_4.15", 0)

/*
 * riscv_hwprobe(pairs, pair_count, cpusetsize, cpus, flags) answers
 * key-value pairs (the kernel's Documentation/arch/riscv/hwprobe.rst,
 * arch/riscv/include/uapi/asm/hwprobe.h): each pair is a 64-bit key and
 * a 64-bit value; a key the kernel does not know comes back as -1.  The
 * keys asked for, with the names hwprobe.h gives them (without the
 * RISCV_HWPROBE_KEY_ prefix); cpusetsize 0 and cpus 0 mean all CPUs.
 * `vdso call` and `vdso check` ask both ways and compare every pair.
 */
#define ARCH_VDSO_PAIRS_CALL VDSO_RISCV_HWPROBE
#define ARCH_VDSO_PAIRS_KEYS { \
	{ 0, "MVENDORID" }, { 1, "MARCHID" }, { 2, "MIMPID" }, \
	{ 3, "BASE_BEHAVIOR" }, { 4, "IMA_EXT_0" }, { 5, "CPUPERF_0" }, \
	{ 6, "ZICBOZ_BLOCK_SIZE" }, { 7, "HIGHEST_VIRT_ADDRESS" }, \
	{ 8, "TIME_CSR_FREQ" }, { 9, "MISALIGNED_SCALAR_PERF" } }

/* No gate: riscv64 enters the kernel by `ecall`, and gets no AT_SYSINFO. */
#define ARCH_VDSO_GATE          ((const char *)0)
#define ARCH_VDSO_GATE_VERSION  ((const char *)0)

/*
 * Every handler returns into the vDSO's __vdso_rt_sigreturn
 * (arch/riscv/kernel/signal.c, setup_rt_frame: VDSO_SYMBOL(...,
 * rt_sigreturn); vdso/rt_sigreturn.S).  There is no old-style sigreturn.
 */
#define ARCH_VDSO_SIGRETURN     ((const char *)0)
#define ARCH_VDSO_RT_SIGRETURN  "__vdso_rt_sigreturn"
#define ARCH_VDSO_SIGRETURN_VERSION "LINUX_4.15"

#endif
