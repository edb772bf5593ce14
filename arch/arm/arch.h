/*
 * arch/arm/arch.h - what is particular to 32-bit arm (EABI, the hard-float
 * ABI; nothing here uses floating point).  Everything above arch/ is
 * written once and reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>         /* EABI numbers: the compiler defines __ARM_EABI__ */

#define ARCH_NAME        "arm"
#define ARCH_ELF_CLASS   32          /* ELFCLASS32 */
#define ARCH_ELF_MACHINE 40          /* EM_ARM */
#define ARCH_RAW_ENTRY   "svc #0"    /* how a raw system call enters */

/*
 * The raw system call, EABI form (the kernel's arch/arm/kernel/entry-common.S,
 * vector_swi; syscall(2), "Architecture calling conventions"): number in
 * r7, arguments in r0-r5, result in r0 (-4095..-1 is -errno).  The old
 * ABI's `swi #number` is not used.  `svc #0` keeps every other register.
 * The programs are built in ARM state (-marm), where the frame pointer is
 * r11, so r7 is free to be named here.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r7 __asm__("r7") = nr;
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;
	register long r3 __asm__("r3") = a4;
	register long r4 __asm__("r4") = a5;
	register long r5 __asm__("r5") = a6;

	__asm__ volatile ("svc #0"
			  : "+r"(r0)
			  : "r"(r7), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5)
			  : "memory");
	return r0;
}

/* No gate on arm: the kernel gives no AT_SYSINFO, `svc` is the only way in. */
#define ARCH_HAS_GATE 0         /* arch_gate_syscall: hooks.h's plain call */

/* How calls with 64-bit quantities are made (asm/unistd-eabi.h): */
#define ARCH_NR_mmap            __NR_mmap2  /* offset in 4096-byte units */
#define ARCH_MMAP_OFFSET_SHIFT  12
#define ARCH_NR_clock_gettime64 __NR_clock_gettime64  /* 64-bit time_t, 5.1+ */
#define ARCH_NR_clock_getres64  __NR_clock_getres_time64
#define ARCH_NR_llseek          __NR__llseek  /* 64-bit offset in two halves */
/* pread64's offset: the EABI puts a 64-bit argument in an even-odd pair of
 * registers, so after fd, buf, count (r0-r2) r3 is padding and the offset
 * is r4 (low half, little-endian) and r5 (arch/arm/kernel/sys_arm.c's
 * comment on the EABI; syscall(2), "Architecture calling conventions"). */
#define ARCH_PREAD_OFFSET(off)  0L, ((long)(unsigned long)(off)), \
				((long)((unsigned long long)(off) >> 32))

/* fstat's record, the kernel's own (asm/stat.h): arm's struct stat has
 * 32-bit sizes, so the large-file struct stat64, filled by fstat64 and
 * fstatat64 (the fallbacks of statx, syscall/sys.c). */
#include <asm/stat.h>
typedef struct stat64 arch_stat;
#define ARCH_NR_fstat           __NR_fstat64
#define ARCH_NR_fstatat         __NR_fstatat64

/* The signal restorer (arch/arm/signal.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_ARM_RELATIVE (23, "ELF for the Arm Architecture", AAELF32 5.6.1): the
 * word at the place gets the load bias added (DT_REL: the addend is there).
 */
#define ARCH_ELF(type)     Elf32_##type
#define ARCH_R_RELATIVE    23
#define ARCH_R_TYPE(info)  ELF32_R_TYPE(info)

/* The cache line of the ARMv7 cores Debian's armmp kernel assumes
 * (CONFIG_ARM_L1_CACHE_SHIFT=6): 64 bytes.  vdso/getrandom.c aligns its
 * states to it. */
#define ARCH_CACHE_LINE 64

/* No legacy vsyscall page: that is x86_64's.  arm's counterpart is the
 * kuser helpers page (the vsyscall lesson shows it). */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "arm's page of code at a fixed address is the kuser helpers page:"

/*
 * The kuser helpers: a page of code at the fixed address 0xffff0000 (the
 * top of the CPU's exception vectors), which every arm kernel built with
 * CONFIG_KUSER_HELPERS=y maps into every process, a 64-bit kernel into its
 * arm processes too (Documentation/arch/arm/kernel_user_helpers.rst).
 * Its last word, at 0xffff0ffc, is __kuser_helper_version, the number of
 * helpers; __kuser_get_tls at 0xffff0fe0 returns the thread pointer that
 * the ARM-private system call set_tls set.  /proc/self/maps names the
 * page [vectors].  CONFIG_KUSER_HELPERS=n removes it: a read there is a
 * SIGSEGV (arch/arm/Kconfig, arch/arm64/Kconfig's COMPAT KUSER_HELPERS).
 */
#define ARCH_HELPER_PAGE        0xffff0000UL
#define ARCH_HELPER_PAGE_NAME   "kuser helpers"
#define ARCH_HELPER_VERSION     0xffff0ffcUL   /* __kuser_helper_version */
#define ARCH_HELPER_GET_TLS     0xffff0fe0UL   /* __kuser_get_tls */
#define ARCH_HELPER_GET_TLS_NAME "__kuser_get_tls"
#define ARCH_NR_set_tls         __ARM_NR_set_tls

/* A code address with bit 0 set is Thumb code, its bytes one lower. */
#define ARCH_CODE_BYTES(at) ((at) & ~(__typeof__(at))1)

/* No gate (above): nothing to choose. */

/* How the vDSO's clocks find the data pages (a pc-relative address of the
 * page below the image: arch/arm/vdso/vdso.lds.S; arm64's compat vdso32
 * the same), and the CPU counter they read (the generic timer's,
 * arch/arm/include/asm/vdso/gettimeofday.h). */
#define ARCH_DATA_ADDRESS_HOW "a pc-relative address, to a page below"
#define ARCH_CLOCK_COUNTER "mrrc cntvct, the generic timer's virtual count"

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for this arch (and, where an arm64 kernel runs the
 * program, its compat files).  ARCH_GDB_RETURN_ADDRESS: where gdb finds
 * a handler's return address at its first instruction: lr
 * (arch/arm/kernel/signal.c, setup_return). */
#define ARCH_SEE_GATE "arch/arm/arch.h (arch_syscall), syscall/call.c; the kernel's " \
	"arch/arm/kernel/entry-common.S (vector_swi); on an arm64 kernel, " \
	"arch/arm64/kernel/entry-common.c (el0_svc_compat)"
#define ARCH_SEE_SIGNAL "arch/arm/kernel/signal.c, arch/arm/kernel/sigreturn_codes.S (the sigpage); " \
	"on an arm64 kernel, arch/arm64/kernel/signal32.c, arch/arm64/kernel/sigreturn32.S"
#define ARCH_SEE_FIXED_PAGE "arch/arm/kernel/entry-armv.S (__kuser_helper_start), " \
	"Documentation/arch/arm/kernel_user_helpers.rst; on an arm64 kernel, arch/arm64/kernel/kuser32.S"
#define ARCH_GDB_RETURN_ADDRESS "$lr"

/* AT_HWCAP and AT_HWCAP2 on 32-bit arm: the kernel's HWCAP_* and
 * HWCAP2_* bits (arch/arm/include/uapi/asm/hwcap.h, Linux 6.1's), named here as there,
 * lower case, without the prefix, bit 0 first; "" for a bit it does not
 * define; a later kernel's bits show as "?" (demo/auxv.c). */
#define ARCH_HWCAP_NAMES { "swp", "half", "thumb", "26bit", "fast_mult", "fpa", \
	"vfp", "edsp", "java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", \
	"vfpv3d16", "tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae", "evtstrm" }
#define ARCH_HWCAP2_NAMES { "aes", "pmull", "sha1", "sha2", "crc32" }

#include "../hooks.h"

#endif
