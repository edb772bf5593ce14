/*
 * start/bias.c - how far the program lies from where it was linked.
 *
 * A fixed executable (ET_EXEC, hello and the lessons) lies where it was
 * linked: the bias is 0.  A static PIE (vdso) lies wherever the kernel put
 * it (fs/binfmt_elf.c): the bias is the distance, the same for every
 * address of the program, and what `nm` shows plus the bias is where a
 * function is now.  The kernel passes the entry point as it is now
 * (AT_ENTRY); our own ELF header, which the linker names __ehdr_start,
 * holds it as linked (e_entry).
 */
#include <arch.h>
#include <linux/auxvec.h>
#include <linux/elf.h>
#include "start.h"

typedef ARCH_ELF(Ehdr) Ehdr;
extern const Ehdr __ehdr_start __attribute__((visibility("hidden")));

unsigned long start_load_bias(void)
{
	unsigned long entry;

	if (!auxv_get(AT_ENTRY, &entry))
		return 0;
	return entry - (unsigned long)__ehdr_start.e_entry;
}
