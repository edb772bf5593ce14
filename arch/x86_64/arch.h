/*
 * arch/x86_64/arch.h - what is particular to x86_64.  Everything above arch/
 * is written once and reads these names.
 */
#ifndef ARCH_H
#define ARCH_H

#include <asm/unistd.h>

#define ARCH_NAME        "x86_64"
#define ARCH_ELF_CLASS   64          /* ELFCLASS64 */
#define ARCH_ELF_MACHINE 62          /* EM_X86_64 */
#define ARCH_RAW_ENTRY   "syscall"   /* how a raw system call enters */

/*
 * The raw system call (x86-64 psABI, appendix A.2; the kernel's
 * arch/x86/entry/entry_64.S): number in %rax, arguments in %rdi %rsi %rdx
 * %r10 %r8 %r9, result in %rax (-4095..-1 is -errno).  The `syscall`
 * instruction itself overwrites %rcx (return address) and %r11 (flags).
 * The kernel ignores the registers a call does not use, so one form with
 * six arguments serves calls of 0 to 6.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile ("syscall"
			  : "=a"(ret)
			  : "a"(nr), "D"(a1), "S"(a2), "d"(a3),
			    "r"(r10), "r"(r8), "r"(r9)
			  : "rcx", "r11", "memory");
	return ret;
}

/* No gate on x86_64: the kernel gives no AT_SYSINFO, `syscall` is the way. */
#define ARCH_HAS_GATE 0         /* arch_gate_syscall: hooks.h's plain call */

/* How calls with 64-bit quantities are made (asm/unistd_64.h): */
#define ARCH_NR_mmap            __NR_mmap   /* offset in bytes */
#define ARCH_MMAP_OFFSET_SHIFT  0
#define ARCH_NR_clock_gettime64 __NR_clock_gettime  /* time_t is 64-bit */
#define ARCH_NR_clock_getres64  __NR_clock_getres
#define ARCH_NR_llseek          (-1)        /* lseek takes 64 bits itself */
/* pread64's offset: one register. */
#define ARCH_OFF_LO(off)        ((long)(off))
#define ARCH_OFF_HI(off)        0L

/* fstat's record, the kernel's own (asm/stat.h): 64-bit sizes already,
 * filled by fstat and newfstatat (the fallbacks of statx, syscall/sys.c). */
#include <asm/stat.h>
typedef struct stat arch_stat;
#define ARCH_NR_fstat           __NR_fstat
#define ARCH_NR_fstatat         __NR_newfstatat

/* The signal restorer (arch/x86_64/sigreturn.S). */
void arch_sigreturn(void);

/*
 * Self-relocation of a static PIE (start/relocate.c): the ELF class's
 * records (<linux/elf.h>) and the one relocation type such a program has,
 * R_X86_64_RELATIVE, x86-64 psABI 4.4: the word at the place becomes load bias + addend.
 */
#define ARCH_ELF(type)     Elf64_##type
#define ARCH_R_RELATIVE    8
#define ARCH_R_TYPE(info)  ELF64_R_TYPE(info)

/* The cache line of every x86 CPU of either arch: 64 bytes (the Intel and
 * AMD optimization manuals).  vdso/getrandom.c aligns its states to it. */
#define ARCH_CACHE_LINE 64

/* The legacy vsyscall page (arch/x86/entry/vsyscall/vsyscall_64.c): fixed
 * at the top of the address space, gettimeofday at +0, time at +0x400,
 * getcpu at +0x800. */
#define ARCH_VSYSCALL_PAGE 0xffffffffff600000UL
#define ARCH_VSYSCALL_TIME 0x400UL
#define ARCH_NO_VSYSCALL_NOTE ""

/* No gate (above): nothing to choose. */

/* What the lessons and the tour say of x86 (both arches). */
#include "../x86/words.h"

#include "../hooks.h"

#endif
