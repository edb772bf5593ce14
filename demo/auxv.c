/*
 * demo/auxv.c - the auxiliary vector: what the kernel tells a new program
 * besides its arguments and environment.
 *
 * Terms.  The vDSO is a small shared object the kernel maps into every
 * process (lesson find finds it); the gate is i386's way into the kernel
 * through it (lesson gate); the canary is a random word the compiler's
 * stack protector puts below each return address and checks on return.
 *
 * Just above the envp NULL on the initial stack lie (type, value) pairs,
 * one machine word each, ending with type AT_NULL (0).  The walk is three
 * lines (start/start.c keeps where it begins).  The types are numbers from
 * the kernel's include/uapi/linux/auxvec.h and arch/x86/include/uapi/asm/
 * auxvec.h; fs/binfmt_elf.c (create_elf_tables) writes them.  Look at:
 * AT_SYSINFO_EHDR, where the vDSO is; AT_SYSINFO (i386 only), the system
 * call gate; AT_RANDOM, 16 bytes the stack protector's canary comes from;
 * AT_HWCAP, the CPU's features (x86: CPUID leaf 1's EDX), decoded below
 * by the kernel's names for the arch (arch/<arch>/arch.h says whose), and
 * AT_HWCAP2 (x86: arch/x86/include/uapi/asm/hwcap2.h).
 *
 * try: LD_SHOW_AUXV=1 /bin/true; gdb -batch -ex starti -ex 'info auxv' build/x86_64/auxv
 * exercise: run it twice under `setarch -R`: AT_SYSINFO_EHDR and the
 *   address in AT_RANDOM stay put; the 16 bytes there still change.
 */
#include <lib/lib.h>
#include <start/start.h>

static const char *meaning(unsigned long type)
{
	switch (type) {
	case AT_PHDR:   return "where this program's program headers are";
	case AT_PHENT:  return "the size of one program header";
	case AT_PHNUM:  return "how many program headers";
	case AT_PAGESZ: return "the page size";
	case AT_BASE:   return "where the interpreter is (0: none, static)";
	case AT_FLAGS:  return "flags (none are defined)";
	case AT_ENTRY:  return "this program's entry point, _start";
	case AT_UID:    return "real user id";
	case AT_EUID:   return "effective user id";
	case AT_GID:    return "real group id";
	case AT_EGID:   return "effective group id";
	case AT_PLATFORM: return "the CPU's name, a string";
	case AT_HWCAP:  return "CPU features, decoded below";
	case AT_CLKTCK: return "clock ticks a second, for times(2)";
	case AT_SECURE: return "1 if set-user-id or alike: be careful";
	case AT_RANDOM: return "where 16 random bytes are";
	case AT_HWCAP2: return "more CPU features, decoded below";
	case 27:        return "rseq: the feature size the kernel knows";
	case 28:        return "rseq: the alignment its area needs";
	case AT_EXECFN: return "the file name given to execve";
	case AT_SYSINFO: return "the system call gate, __kernel_vsyscall";
	case AT_SYSINFO_EHDR: return "the vDSO's ELF header";
	case 51:        return "the least stack a signal handler needs";
	}
	return "";
}

/* The arch's own bits, named in its arch.h (x86: CPUID's; riscv64: one a
 * base ISA letter), one name for each bit of the word (64 on a 64-bit
 * arch: arm64's AT_HWCAP2 uses bit 32 on); a bit it does not name shows
 * as "?". */
#define WORD_BITS (8 * sizeof(unsigned long))
#ifdef ARCH_HWCAP_NAMES
static const char *const hwcap[WORD_BITS] = ARCH_HWCAP_NAMES;
#else
static const char *const hwcap[WORD_BITS] = { 0 };
#endif
#ifdef ARCH_HWCAP2_NAMES
static const char *const hwcap2[WORD_BITS] = ARCH_HWCAP2_NAMES;
#else
static const char *const hwcap2[WORD_BITS] = { 0 };
#endif

static void bits(struct out *o, const char *name, unsigned long v,
		 const char *const names[WORD_BITS])
{
	unsigned i;

	out_printf(o, "%s bits:", name);
	for (i = 0; i < WORD_BITS; i++)
		if (v >> i & 1)
			out_printf(o, " %s", names[i] && *names[i] ? names[i] : "?");
	out_str(o, v ? "\n" : " none\n");
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	unsigned long *a, v;

	(void)argc, (void)argv, (void)envp;
	for (a = start_auxv; a[0] != AT_NULL; a += 2) {
		const char *name = auxv_name(a[0]);

		out_printf(o, "%2lu %-20s ", a[0], name ? name : "(unknown)");
		if (!auxv_valid(a[0], a[1]))    /* a bad pointer is never read */
			out_printf(o, "0x%-16lx (not valid here)", a[1]);
		else if (auxv_kind(a[0]) == AUXV_STR)
			out_printf(o, "%-18s", (const char *)a[1]);
		else if (auxv_kind(a[0]) == AUXV_DEC)
			out_printf(o, "%-18lu", a[1]);
		else
			out_printf(o, "0x%-16lx", a[1]);
		out_printf(o, " %s\n", meaning(a[0]));
	}
	if (auxv_get(AT_HWCAP, &v))
		bits(o, "AT_HWCAP", v, hwcap);
	if (auxv_get(AT_HWCAP2, &v))
		bits(o, "AT_HWCAP2", v, hwcap2);
	if (!auxv_get(AT_SYSINFO_EHDR, &v))
		out_str(o, "no AT_SYSINFO_EHDR here: this runner gives no vDSO\n");
	return out_flush(o) < 0;
}
