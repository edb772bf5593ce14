/*
 * arch/aarch64/arch.h - what is particular to aarch64 (arm64).  Everything
 * above arch/ is written once and reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "aarch64"
#define ARCH_ELF_CLASS   64          /* ELFCLASS64 */
#define ARCH_ELF_MACHINE 183         /* EM_AARCH64 */
#define ARCH_RAW_ENTRY   "svc #0"    /* how a raw system call enters */

/*
 * The raw system call (the kernel's arch/arm64/kernel/entry.S, el0_svc;
 * syscall(2), "Architecture calling conventions"): number in x8, arguments
 * in x0-x5, result in x0 (-4095..-1 is -errno).  `svc #0` keeps every
 * other register; the immediate is ignored by Linux.  The kernel ignores
 * the registers a call does not use, so one form with six arguments
 * serves calls of 0 to 6.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;
	register long x4 __asm__("x4") = a5;
	register long x5 __asm__("x5") = a6;

	__asm__ volatile ("svc #0"
			  : "+r"(x0)
			  : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			  : "memory");
	return x0;
}

/* No gate on aarch64: the kernel gives no AT_SYSINFO, `svc` is the only way in. */
#define ARCH_HAS_GATE 0         /* arch_gate_syscall: hooks.h's plain call */

/* How calls with 64-bit quantities are made (asm-generic/unistd.h, 64-bit): */
#define ARCH_NR_mmap            __NR_mmap   /* offset in bytes */
#define ARCH_MMAP_OFFSET_SHIFT  0
#define ARCH_NR_clock_gettime64 __NR_clock_gettime  /* time_t is 64-bit */
#define ARCH_NR_clock_getres64  __NR_clock_getres
#define ARCH_NR_llseek          (-1)        /* lseek takes 64 bits itself */
/* pread64's offset: one register, the fourth argument. */
#define ARCH_PREAD_OFFSET(off)  ((long)(off)), 0L, 0L

/* fstat's record, the kernel's own (asm/stat.h is asm-generic/stat.h):
 * 64-bit sizes, filled by fstat and newfstatat (arm64's asm/unistd.h
 * asks for them with __ARCH_WANT_NEW_STAT). */
#include <asm/stat.h>
typedef struct stat arch_stat;
#define ARCH_NR_fstat           __NR_fstat
#define ARCH_NR_fstatat         __NR_newfstatat

/* The signal restorer (arch/aarch64/signal.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_AARCH64_RELATIVE (1027, "ELF for the Arm 64-bit Architecture",
 * AAELF64 5.7.11): the word at the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf64_##type
#define ARCH_R_RELATIVE    1027
#define ARCH_R_TYPE(info)  ELF64_R_TYPE(info)

/* The cache line the kernel assumes on arm64 (L1_CACHE_SHIFT 6 in its
 * arch/arm64/include/asm/cache.h): 64 bytes.  vdso/getrandom.c aligns its
 * states to it. */
#define ARCH_CACHE_LINE 64

/* No legacy vsyscall page: that is x86_64's.  arm64 has no fixed page of
 * code for user space at all (the vDSO and, for arm processes, the compat
 * kuser helpers are the kernel's offer). */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "nor any page of code at a fixed address: an arm64 process" \
	" has the vDSO alone (a 32-bit arm process has the kuser helpers page)"

/* No gate (above): nothing to choose. */

/* How the vDSO's clocks find the data pages (adrp, or adr, to a page below
 * the image: arch/arm64/kernel/vdso/vdso.lds.S puts _vdso_data there), and
 * the CPU counter they read (arch/arm64/include/asm/vdso/gettimeofday.h). */
#define ARCH_DATA_ADDRESS_HOW "adrp or adr, pc-relative, to a page below"
#define ARCH_CLOCK_COUNTER "mrs cntvct_el0, the generic timer's virtual count"

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for this arch.  ARCH_GDB_RETURN_ADDRESS: where gdb
 * finds a handler's return address at its first instruction: the link
 * register x30 (arch/arm64/kernel/signal.c, setup_return). */
#define ARCH_SEE_GATE "arch/aarch64/arch.h (arch_syscall), syscall/call.c; the kernel's " \
	"arch/arm64/kernel/entry.S, arch/arm64/kernel/entry-common.c (el0_svc), " \
	"arch/arm64/kernel/syscall.c"
#define ARCH_SEE_SIGNAL "arch/arm64/kernel/signal.c (setup_return), arch/arm64/kernel/vdso/sigreturn.S"
#define ARCH_SEE_FIXED_PAGE "arch/arm64/kernel/vdso.c (the vDSO, the only code it maps into a " \
	"64-bit process), arch/arm64/kernel/kuser32.S (a 32-bit process's kuser helpers)"
#define ARCH_GDB_RETURN_ADDRESS "$lr"

/* AT_HWCAP and AT_HWCAP2 on arm64: the kernel's HWCAP_* and HWCAP2_*
 * bits (arch/arm64/include/uapi/asm/hwcap.h, Linux 6.1's), named here as
 * there, lower case, without the prefix, bit 0 first (AT_HWCAP2 goes on
 * past bit 31).  demo/auxv.c names the bits by them; a later kernel's
 * bits show as "?". */
#define ARCH_HWCAP_NAMES { "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", \
	"sha2", "crc32", "atomics", "fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", \
	"fcma", "lrcpc", "dcpop", "sha3", "sm3", "sm4", "asimddp", "sha512", "sve", \
	"asimdfhm", "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg" }
#define ARCH_HWCAP2_NAMES { "dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", \
	"svesha3", "svesm4", "flagm2", "frint", "svei8mm", "svef32mm", "svef64mm", \
	"svebf16", "i8mm", "bf16", "dgh", "rng", "bti", "mte", "ecv", "afp", "rpres", \
	"mte3", "sme", "sme_i16i64", "sme_f64f64", "sme_i8i32", "sme_f16f32", \
	"sme_b16f32", "sme_f32f32", "sme_fa64", "wfxt", "ebf16", "sve_ebf16" }

#include "../hooks.h"

#endif
