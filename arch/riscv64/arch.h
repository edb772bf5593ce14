/*
 * arch/riscv64/arch.h - what is particular to riscv64 (RV64GC, the lp64d
 * ABI Debian uses).  Everything above arch/ is written once and reads
 * these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "riscv64"
#define ARCH_ELF_CLASS   64          /* ELFCLASS64 */
#define ARCH_ELF_MACHINE 243         /* EM_RISCV */
#define ARCH_RAW_ENTRY   "ecall"     /* how a raw system call enters */

/*
 * The raw system call (the kernel's arch/riscv/kernel/entry.S and
 * traps.c, do_trap_ecall_u; syscall(2), "Architecture calling
 * conventions"): number in a7, arguments in a0-a5, result in a0
 * (-4095..-1 is -errno).  `ecall` keeps every other register.  The kernel
 * ignores the registers a call does not use, so one form with six
 * arguments serves calls of 0 to 6.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0") = a1;
	register long r1 __asm__("a1") = a2;
	register long r2 __asm__("a2") = a3;
	register long r3 __asm__("a3") = a4;
	register long r4 __asm__("a4") = a5;
	register long r5 __asm__("a5") = a6;

	__asm__ volatile ("ecall"
			  : "+r"(a0)
			  : "r"(a7), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5)
			  : "memory");
	return a0;
}

/* No gate on riscv64: the kernel gives no AT_SYSINFO, `ecall` is the only way in. */
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
 * 64-bit sizes, filled by fstat and newfstatat (riscv's asm/unistd.h asks
 * for them with __ARCH_WANT_NEW_STAT on 64-bit). */
#include <asm/stat.h>
typedef struct stat arch_stat;
#define ARCH_NR_fstat           __NR_fstat
#define ARCH_NR_fstatat         __NR_newfstatat

/* riscv's own system calls (arch_specific_syscall + n, the kernel's
 * arch/riscv/include/uapi/asm/unistd.h): riscv_hwprobe came in Linux 6.4,
 * after the UAPI headers this may be built against. */
#ifndef __NR_riscv_hwprobe
#define __NR_riscv_hwprobe      (__NR_arch_specific_syscall + 14)
#endif

/*
 * Signals: a riscv kernel has no sa_restorer.  Its asm/signal.h defines no
 * SA_RESTORER, its struct sigaction has no field for one, and a handler
 * always returns into the vDSO's __vdso_rt_sigreturn (arch/riscv/kernel/
 * signal.c, setup_rt_frame).  The bit is named here with asm-generic's
 * value so that shared code may ask for it; syscall/sys.c drops it, and
 * the field, before rt_sigaction (ARCH_SIGACTION_NO_RESTORER).
 */
#define ARCH_SIGACTION_NO_RESTORER 1
#ifndef SA_RESTORER
#define SA_RESTORER             0x04000000
#endif

/* The signal restorer (arch/riscv64/signal.S): never given to the kernel,
 * kept so that the shared code's requests link (see above). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_RISCV_RELATIVE (3, the RISC-V ELF psABI, "Relocations"): the word at
 * the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf64_##type
#define ARCH_R_RELATIVE    3
#define ARCH_R_TYPE(info)  ELF64_R_TYPE(info)

/* The cache line the kernel assumes on riscv (L1_CACHE_SHIFT 6 in its
 * arch/riscv/include/asm/cache.h): 64 bytes.  vdso/getrandom.c aligns its
 * states to it. */
#define ARCH_CACHE_LINE 64

/* No legacy vsyscall page: that is x86_64's. */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "nor any page of code at a fixed address: a riscv64 process" \
	" has the vDSO alone"

/* How the vDSO's clocks find the data pages (auipc, then addi or ld, to
 * pages just below the image: arch/riscv/kernel/vdso/vdso.lds.S), and the
 * CPU counter they read (arch/riscv/include/asm/vdso/gettimeofday.h). */
#define ARCH_DATA_ADDRESS_HOW "auipc, pc-relative, to pages below"
#define ARCH_CLOCK_COUNTER "rdtime, the time CSR"

/* AT_HWCAP on riscv: one bit per single-letter ISA extension, bit n for
 * the n-th letter of the alphabet (arch/riscv/include/uapi/asm/hwcap.h,
 * COMPAT_HWCAP_ISA_I = 1 << ('I' - 'A'); arch/riscv/kernel/cpufeature.c).
 * demo/auxv.c names the bits by them. */
#define ARCH_HWCAP_NAMES { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", \
	"k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z" }

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for this arch.  ARCH_GDB_RETURN_ADDRESS: where gdb
 * finds a handler's return address at its first instruction: ra
 * (arch/riscv/kernel/signal.c, setup_rt_frame). */
#define ARCH_SEE_GATE "arch/riscv64/arch.h (arch_syscall), syscall/call.c; the kernel's " \
	"arch/riscv/kernel/entry.S (handle_exception), arch/riscv/kernel/traps.c (do_trap_ecall_u)"
#define ARCH_SEE_SIGNAL "arch/riscv/kernel/signal.c (setup_rt_frame), arch/riscv/kernel/vdso/rt_sigreturn.S, " \
	"include/uapi/asm-generic/signal.h (no SA_RESTORER)"
#define ARCH_SEE_FIXED_PAGE "arch/riscv/kernel/vdso.c (the vDSO, the only code it maps into a process)"
#define ARCH_GDB_RETURN_ADDRESS "$ra"

#include "../hooks.h"

#endif
