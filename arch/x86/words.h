/* arch/x86/words.h - what the lessons and the tool say of x86, the same
 * for x86_64 and i386 (each arch.h includes it). */
#ifndef VDSO_ARCH_X86_WORDS_H
#define VDSO_ARCH_X86_WORDS_H

/* How the vDSO's clocks find the data pages, and the CPU counter they
 * read there besides (arch/x86/include/asm/vdso/gettimeofday.h). */
#define ARCH_DATA_ADDRESS_HOW "lea with a negative offset"
#define ARCH_CLOCK_COUNTER "rdtsc"
/* Clocksources with no vDSO mode, by name (arch/x86/kernel/hpet.c,
 * drivers/clocksource/acpi_pm.c set none). */
#define ARCH_CLOCKSOURCES_NO_VDSO ": hpet, acpi_pm"

/* What `vdso tour` names (see:) for the steps gate, signal and vsyscall:
 * the kernel's files for x86 (x86_64's tour compares its way in with
 * i386's gate; the legacy page is x86_64's, and i386's tour says so).
 * ARCH_GDB_RETURN_ADDRESS: where gdb finds a handler's return address at
 * its first instruction: on the stack. */
#define ARCH_SEE_GATE "arch/i386/enter.S, syscall/call.c; the kernel's " \
	"arch/x86/entry/vdso/vdso32/system_call.S, arch/x86/entry/entry_32.S"
#define ARCH_SEE_SIGNAL "arch/x86/kernel/signal_32.c, signal_64.c, arch/x86/entry/vdso/vdso32/sigreturn.S"
#define ARCH_SEE_FIXED_PAGE "arch/x86/entry/vsyscall/vsyscall_64.c, " \
	"Documentation/admin-guide/kernel-parameters.txt (vsyscall=)"
#define ARCH_GDB_RETURN_ADDRESS "*(void **)$sp"

/* AT_HWCAP's and AT_HWCAP2's bits by name (demo/auxv.c). */
#include "hwcap.h"

#endif
