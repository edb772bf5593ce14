/*
 * arch/i386/arch.h - what is particular to i386.  Everything above arch/
 * is written once and reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "i386"
#define ARCH_ELF_CLASS   32          /* ELFCLASS32 */
#define ARCH_ELF_MACHINE 3           /* EM_386 */
#define ARCH_RAW_ENTRY   "int $0x80" /* how a raw system call enters */

/* arch/i386/enter.S: the two ways in. */
long arch_int80(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
long arch_gate_call(void *entry, long nr, long a1, long a2, long a3,
		    long a4, long a5, long a6);

/*
 * The raw system call: `int $0x80`, number in %eax, arguments in %ebx %ecx
 * %edx %esi %edi %ebp.  It is a function in assembly rather than inline asm
 * because the sixth argument goes in %ebp, which the compiler may be using
 * as its frame pointer.  Unused arguments are ignored by the kernel.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	return arch_int80(nr, a1, a2, a3, a4, a5, a6);
}

/* The gate: __kernel_vsyscall, whose address the kernel puts in AT_SYSINFO. */
#define ARCH_HAS_GATE 1
static inline long arch_gate_syscall(void *entry, long nr, long a1, long a2,
				     long a3, long a4, long a5, long a6)
{
	return arch_gate_call(entry, nr, a1, a2, a3, a4, a5, a6);
}

/* How calls with 64-bit quantities are made (asm/unistd_32.h): */
#define ARCH_NR_mmap            __NR_mmap2  /* offset in 4096-byte units */
#define ARCH_MMAP_OFFSET_SHIFT  12
#define ARCH_NR_clock_gettime64 __NR_clock_gettime64  /* 64-bit time_t, 5.1+ */
#define ARCH_NR_clock_getres64  __NR_clock_getres_time64
#define ARCH_NR_llseek          __NR__llseek  /* 64-bit offset in two halves */
/* pread64's offset: two registers, low half first. */
#define ARCH_OFF_LO(off)        ((long)(unsigned long)(off))
#define ARCH_OFF_HI(off)        ((long)((unsigned long long)(off) >> 32))

/* fstat's record, the kernel's own (asm/stat.h): i386's struct stat has
 * 32-bit sizes, so the large-file struct stat64, filled by fstat64 and
 * fstatat64 (the fallbacks of statx, syscall/sys.c). */
#include <asm/stat.h>
typedef struct stat64 arch_stat;
#define ARCH_NR_fstat           __NR_fstat64
#define ARCH_NR_fstatat         __NR_fstatat64

/* The signal restorer (arch/i386/enter.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_386_RELATIVE, i386 psABI: the word at the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf32_##type
#define ARCH_R_RELATIVE    8
#define ARCH_R_TYPE(info)  ELF32_R_TYPE(info)

/* The cache line of every x86 CPU of either arch: 64 bytes (the Intel and
 * AMD optimization manuals).  vdso/getrandom.c aligns its states to it. */
#define ARCH_CACHE_LINE 64

/* No legacy vsyscall page: that is x86_64's; the gate is i386's way. */
#define ARCH_VSYSCALL_PAGE 0UL
#define ARCH_VSYSCALL_TIME 0UL
#define ARCH_NO_VSYSCALL_NOTE "the 32-bit counterpart is the gate, __kernel_vsyscall (vdso gate)"

/* What the lessons and the tour say of x86 (both arches). */
#include "../x86/words.h"

#include "../hooks.h"

#endif
