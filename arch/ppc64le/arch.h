/*
 * arch/ppc64le/arch.h - what is particular to 64-bit little-endian
 * PowerPC (the ELFv2 ABI).  Everything above arch/ is written once and
 * reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "ppc64le"
#define ARCH_ELF_CLASS   64          /* ELFCLASS64 */
#define ARCH_ELF_MACHINE 21          /* EM_PPC64 */
#define ARCH_RAW_ENTRY   "sc"        /* how a raw system call enters */

/*
 * The raw system call (the kernel's Documentation/arch/powerpc/
 * syscall64-abi.rst): number in r0, arguments in r3-r8, result in r3.
 * An error is not a negative result: the kernel sets the summary-overflow
 * bit of condition register field 0 (CR0.SO) and leaves the positive
 * errno in r3; `bns+` skips the negation when the bit is clear, so that
 * this returns -errno as on every other arch.  The kernel may change r0,
 * r4-r12, the fields cr0, cr1 and cr5-cr7, ctr and xer; it keeps lr.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a1;
	register long r4 __asm__("r4") = a2;
	register long r5 __asm__("r5") = a3;
	register long r6 __asm__("r6") = a4;
	register long r7 __asm__("r7") = a5;
	register long r8 __asm__("r8") = a6;

	__asm__ volatile ("sc\n\t"
			  "bns+ 1f\n\t"
			  "neg %1, %1\n"
			  "1:"
			  : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			    "+r"(r7), "+r"(r8)
			  :
			  : "r9", "r10", "r11", "r12", "cr0", "cr1", "cr5",
			    "cr6", "cr7", "ctr", "xer", "memory");
	return r3;
}

/* No gate on ppc64le: the kernel gives no AT_SYSINFO, `sc` is the way in. */
#define ARCH_HAS_GATE 0         /* arch_gate_syscall: hooks.h's plain call */

/*
 * A vDSO function reports an error the way `sc` does: CR0.SO set and a
 * positive errno in r3 (the kernel's arch/powerpc/kernel/vdso/
 * gettimeofday.S, the cvdso_call macro: `crset so; neg r3, r3`).  C cannot
 * read that bit after a call, so every call of a vDSO function goes
 * through arch_vdso_call (arch/ppc64le/vdso_call.S): it takes the
 * function first, then its arguments, calls it and returns -errno when
 * CR0.SO came back set.  vdso/vdso.h's VDSO_CALL uses it.
 */
extern const char arch_vdso_call[];    /* code: declared as bytes, since each call */
#define ARCH_VDSO_TRAMPOLINE arch_vdso_call  /* gives it its own type (VDSO_CALL) */
/* What the bit was after the last call through arch_vdso_call: 1 set, 0 clear. */
extern unsigned long arch_vdso_last_flag;
/* ... and the r3 it came with: a positive errno where the bit was set. */
extern unsigned long arch_vdso_last_raw;
#define ARCH_VDSO_ERROR_FLAG "CR0.SO"

/* How calls with 64-bit quantities are made (arch/powerpc/include/asm/unistd.h, 64-bit): */
#define ARCH_NR_mmap            __NR_mmap   /* offset in bytes */
#define ARCH_MMAP_OFFSET_SHIFT  0
#define ARCH_NR_clock_gettime64 __NR_clock_gettime  /* time_t is 64-bit */
#define ARCH_NR_clock_getres64  __NR_clock_getres
#define ARCH_NR_llseek          (-1)        /* lseek takes 64 bits itself */
/* pread64's offset: one register, the fourth argument. */
#define ARCH_PREAD_OFFSET(off)  ((long)(off)), 0L, 0L

/* fstat's record, the kernel's own (arch/powerpc/include/uapi/asm/stat.h,
 * its __powerpc64__ layout): 64-bit sizes, filled by fstat and newfstatat. */
#include <asm/stat.h>
typedef struct stat arch_stat;
#define ARCH_NR_fstat           __NR_fstat
#define ARCH_NR_fstatat         __NR_newfstatat

/* The signal restorer (arch/ppc64le/signal.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_PPC64_RELATIVE (22, the 64-bit ELFv2 ABI, "Relocation Types"): the
 * doubleword at the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf64_##type
#define ARCH_R_RELATIVE    22
#define ARCH_R_TYPE(info)  ELF64_R_TYPE(info)

/* The cache line the kernel assumes on 64-bit PowerPC (L1_CACHE_SHIFT 7
 * in its arch/powerpc/include/asm/cache.h): 128 bytes. */
#define ARCH_CACHE_LINE 128

/* Pages may be 64 KiB (a kernel built with CONFIG_PPC_64K_PAGES; Debian's
 * 6.12 takes 4 KiB, CONFIG_PPC_4K_PAGES): each segment must start on such
 * a page for the kernel to map it (the Makefile reads this line for the
 * linker). */
#define ARCH_MAX_PAGE_SIZE 65536

/* No legacy vsyscall page: that is x86_64's. */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "nor any page of code at a fixed address: a ppc64le process" \
	" has the vDSO alone"

/* How the vDSO's clocks find the data pages (the get_datapage macro of the
 * kernel's arch/powerpc/include/asm/vdso_datapage.h: `bcl 20,31,.+4`
 * leaves its own address in lr, then addis and addi add the distance to
 * the pages below the image), and the CPU counter they read
 * (arch/powerpc/include/asm/vdso/gettimeofday.h: get_tb). */
#define ARCH_DATA_ADDRESS_HOW "bcl 20,31 and mflr, then addis and addi, pc-relative, to the pages below"
#define ARCH_CLOCK_COUNTER "mftb, the time base register"

/* AT_HWCAP and AT_HWCAP2 on powerpc: the kernel's PPC_FEATURE_* and
 * PPC_FEATURE2_* bits (arch/powerpc/include/uapi/asm/cputable.h), named
 * here as there, lower case, without the prefix, bit 0 first; "" for a
 * bit it does not define.  demo/auxv.c names the bits by them. */
#define ARCH_HWCAP_NAMES { "ppc_le", "true_le", "", "", "", "", \
	"pseries_perfmon_compat", "has_vsx", "arch_2_06", "power6_ext", "has_dfp", \
	"pa6t", "arch_2_05", "icache_snoop", "smt", "booke", "cell", "power5_plus", \
	"power5", "power4", "no_tb", "has_efp_double", "has_efp_single", "has_spe", \
	"unified_cache", "has_4xxmac", "has_mmu", "has_fpu", "has_altivec", \
	"601_instr", "64", "32" }
#define ARCH_HWCAP2_NAMES { "", "", "", "", "", "", "", "", "", "", "", "", "", \
	"", "", "", "", "mma", "arch_3_1", "htm_no_suspend", "scv", "darn", \
	"has_ieee128", "arch_3_00", "htm_nosc", "vec_crypto", "tar", "isel", "ebb", \
	"dscr", "htm", "arch_2_07" }

/* The sigreturn sequence may take three instructions: the kernel's
 * __kernel_sigtramp_rt64 first takes the handler's frame off the stack
 * (arch/ppc64le/decode.c, arch_syscall_stub). */
#define ARCH_STUB_BYTES 12

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for this arch (ppc64le's vDSO sources were in
 * arch/powerpc/kernel/vdso64/ in older kernels).  ARCH_GDB_RETURN_ADDRESS:
 * where gdb finds a handler's return address at its first instruction:
 * the link register (arch/powerpc/kernel/signal_64.c). */
#define ARCH_SEE_GATE "arch/ppc64le/arch.h (arch_syscall), syscall/call.c; the kernel's " \
	"arch/powerpc/kernel/interrupt_64.S (system_call_common), " \
	"arch/powerpc/kernel/interrupt.c (system_call_exception)"
#define ARCH_SEE_SIGNAL "arch/powerpc/kernel/signal_64.c (handle_rt_signal64), " \
	"arch/powerpc/kernel/vdso/sigtramp64.S"
#define ARCH_SEE_FIXED_PAGE "arch/powerpc/kernel/vdso.c (the vDSO, the only code it maps into a process)"
#define ARCH_GDB_RETURN_ADDRESS "$lr"

#include "../hooks.h"

#endif
