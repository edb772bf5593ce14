/*
 * arch/x86/hwcap.h - AT_HWCAP and AT_HWCAP2 on x86 (both arches): the
 * kernel passes CPUID leaf 1's EDX as AT_HWCAP (ELF_HWCAP,
 * arch/x86/include/asm/elf.h), named here bit by bit as /proc/cpuinfo
 * names them (arch/x86/include/asm/cpufeatures.h), "" for a reserved
 * bit; AT_HWCAP2's bits are arch/x86/include/uapi/asm/hwcap2.h's.
 */
#ifndef ARCH_X86_HWCAP_H
#define ARCH_X86_HWCAP_H

#define ARCH_HWCAP_NAMES { \
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", \
	"", "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", \
	"", "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss", "ht", "tm", \
	"ia64", "pbe" }
#define ARCH_HWCAP2_NAMES { "ring3mwait", "fsgsbase" }

#endif
