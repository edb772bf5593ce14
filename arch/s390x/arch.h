/*
 * arch/s390x/arch.h - what is particular to s390x (64-bit z/Architecture),
 * the one big-endian arch here.  Everything above arch/ is written once
 * and reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "s390x"
#define ARCH_ELF_CLASS   64          /* ELFCLASS64, ELFDATA2MSB */
#define ARCH_ELF_MACHINE 22          /* EM_S390 */
#define ARCH_RAW_ENTRY   "svc 0"     /* how a raw system call enters */

/*
 * The raw system call (the kernel's arch/s390/kernel/syscall.c,
 * __do_syscall; syscall(2), "Architecture calling conventions"): `svc N`
 * carries the number in its one-byte operand, so only calls below 256 fit
 * there; `svc 0` takes the number from r1 instead, for every call (musl
 * always does so).  Arguments in r2-r7, the result in r2 (-4095..-1 is
 * -errno).  The kernel keeps every other register.  r6 and r7 are
 * callee-saved in the ELF ABI: the compiler saves them around this.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;
	register long r6 __asm__("r6") = a5;
	register long r7 __asm__("r7") = a6;

	__asm__ volatile ("svc 0"
			  : "+r"(r2)
			  : "r"(r1), "r"(r3), "r"(r4), "r"(r5), "r"(r6), "r"(r7)
			  : "memory");
	return r2;
}

/* No gate on s390x: the kernel gives no AT_SYSINFO, `svc` is the only way in. */
#define ARCH_HAS_GATE 0         /* arch_gate_syscall: hooks.h's plain call */

/*
 * How calls with 64-bit quantities are made (arch/s390/kernel/syscalls/
 * syscall.tbl, the 64-bit column).  mmap (90) is the old one, sys_old_mmap:
 * its one argument is the address of the six in memory (mm/mmap.c,
 * struct mmap_arg_struct); 64-bit s390 has no mmap2.
 */
#define ARCH_NR_mmap            __NR_mmap   /* offset in bytes */
#define ARCH_MMAP_OFFSET_SHIFT  0
#define ARCH_MMAP_ARGS_IN_MEMORY 1
#define ARCH_NR_clock_gettime64 __NR_clock_gettime  /* time_t is 64-bit */
#define ARCH_NR_clock_getres64  __NR_clock_getres
#define ARCH_NR_llseek          (-1)        /* lseek takes 64 bits itself */
/* pread64's offset: one register, the fourth argument. */
#define ARCH_PREAD_OFFSET(off)  ((long)(off)), 0L, 0L

/* fstat's record, the kernel's own (asm/stat.h, its __s390x__ half):
 * 64-bit sizes, filled by fstat and newfstatat. */
#include <asm/stat.h>
typedef struct stat arch_stat;
#define ARCH_NR_fstat           __NR_fstat
#define ARCH_NR_fstatat         __NR_newfstatat

/* The signal restorer (arch/s390x/signal.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_390_RELATIVE (12, the s390x ELF ABI supplement, "Relocation Types"):
 * the doubleword at the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf64_##type
#define ARCH_R_RELATIVE    12
#define ARCH_R_TYPE(info)  ELF64_R_TYPE(info)

/* The cache line of z/Architecture machines: 256 bytes (L1_CACHE_BYTES in
 * the kernel's arch/s390/include/asm/cache.h).  vdso/getrandom.c aligns
 * its states to it. */
#define ARCH_CACHE_LINE 256

/* The SysV hash table's entries are doublewords here, where the gABI says
 * 4 bytes (the s390x ELF ABI supplement, "Hash Table"; the kernel's
 * parse_vdso.c has the same special case). */
#define ARCH_HASH_ENTRY unsigned long

/* No legacy vsyscall page: that is x86_64's. */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "nor any page of code at a fixed address: an s390x process" \
	" has the vDSO alone"

/*
 * How the vDSO's clocks find the data pages (larl, the pc-relative
 * address of the [vvar] pages below the image: arch/s390/kernel/vdso64/
 * vdso64.lds.S places them there), and the CPU counter they read (the TOD
 * clock, by `stcke`: arch/s390/include/asm/vdso/gettimeofday.h).
 */
#define ARCH_DATA_ADDRESS_HOW "larl, pc-relative, to a page below"
#define ARCH_CLOCK_COUNTER "stcke, the TOD clock (store clock extended)"

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for this arch (s390's 64-bit vDSO sources are in
 * arch/s390/kernel/vdso64/, arch/s390/kernel/vdso/ in later kernels).
 * ARCH_GDB_RETURN_ADDRESS: where gdb finds a handler's return address at
 * its first instruction: r14 (arch/s390/kernel/signal.c). */
#define ARCH_SEE_GATE "arch/s390x/arch.h (arch_syscall), syscall/call.c; the kernel's " \
	"arch/s390/kernel/entry.S (system_call), arch/s390/kernel/syscall.c (__do_syscall)"
#define ARCH_SEE_SIGNAL "arch/s390/kernel/signal.c (setup_rt_frame), " \
	"arch/s390/kernel/vdso64/vdso_user_wrapper.S (__kernel_rt_sigreturn)"
#define ARCH_SEE_FIXED_PAGE "arch/s390/kernel/vdso.c (the vDSO, the only code it maps into a process)"
#define ARCH_GDB_RETURN_ADDRESS "$r14"

/* AT_HWCAP on s390: the kernel's HWCAP_NR_* bits (arch/s390/include/asm/
 * elf.h: not UAPI; glibc's bits/hwcap.h has the same values as
 * HWCAP_S390_*), named here lower case, without the prefix, bit 0 first.
 * demo/auxv.c names the bits by them; s390 passes no AT_HWCAP2. */
#define ARCH_HWCAP_NAMES { "esan3", "zarch", "stfle", "msa", "ldisp", "eimm", \
	"dfp", "hpage", "etf3eh", "high_gprs", "te", "vxrs", "vxrs_bcd", "vxrs_ext", \
	"gs", "vxrs_ext2", "vxrs_pde", "sort", "dflt", "vxrs_pde2", "nnpa", "pci_mio", \
	"sie" }

#include "../hooks.h"

#endif
