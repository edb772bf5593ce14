/*
 * demo/relocate.c - a static PIE moving itself into place.
 *
 * Terms.  A static PIE (position-independent executable) is an ET_DYN
 * file with no PT_INTERP: no dynamic linker runs for it, so it relocates
 * itself.  The kernel maps it at a random address (fs/binfmt_elf.c,
 * load_elf_binary).  The load bias is where it lies less where it was
 * linked (at 0 here), the same for every byte.  A relocation is a place
 * in the data that holds an address and must move by the bias; a
 * RELATIVE one needs nothing but the bias (psABIs: R_*_RELATIVE).  RELRO
 * is the data only relocation writes, made read-only afterwards.
 *
 * start/relocate.c, before main: _DYNAMIC (the dynamic table) is reached
 * PC-relative, right wherever the program is; PT_DYNAMIC's p_vaddr is
 * where it was linked; the difference is the bias.  Then the lists:
 * DT_RELA (x86_64: offset, type, addend), DT_REL (i386: the addend is the
 * word in place) or DT_RELR, packed (gABI proposal "RELR"):
 *
 *     even word 0x3ea0   fix the word linked at 0x3ea0; W = the next word
 *     odd word  0x...07  bit k (k >= 1) set: fix the word W + k - 1;
 *                        then W moves on by 63 words (31 on i386)
 *
 * Until the last place is fixed, no global, no GOT entry and no call
 * through a pointer may be used: each may still hold an unmoved address.
 *
 * Look at: the bias from _DYNAMIC and from AT_ENTRY agree; every place
 * the RELR words name; words[0] holds bias + what the file holds.
 * try: readelf -rlW build/x86_64/relocate   # the same places, unmoved
 * exercise: drop -z pack-relative-relocs (Makefile: VDSO_LDFLAGS) and run
 *   it again: DT_RELA/DT_REL bytes appear, 24 (8 on i386) a place.
 */
#include <elf/elf.h>
#include <lib/lib.h>
#include <start/start.h>
#include <syscall/syscall.h>

typedef ARCH_ELF(Ehdr) Ehdr;
typedef ARCH_ELF(Phdr) Phdr;
typedef ARCH_ELF(Dyn) Dyn;
extern const Ehdr __ehdr_start __attribute__((visibility("hidden")));
extern const Dyn _DYNAMIC[] __attribute__((visibility("hidden")));

/* A table of pointers: each is one RELATIVE relocation in RELRO. */
static const char *const words[] = { "one", "two", "three" };

static long poke(long at) { *(volatile long *)at = 0; return 0; }

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	const Phdr *ph = (const Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
	unsigned long bias = 0, entry = 0, relr = 0, relrsz = 0, n, places = 0;
	unsigned long rel_bytes = 0, *where = 0, bits;
	const Phdr *relro = 0;
	const Dyn *d;
	struct sys_fault fault;
	int i;

	(void)argc, (void)envp;
	for (i = 0; i < __ehdr_start.e_phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			bias = (unsigned long)_DYNAMIC - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_GNU_RELRO)
			relro = &ph[i];
	out_printf(o, "%s: ELF type %u (%s)\n", argv[0] ? argv[0] : "relocate",
		   __ehdr_start.e_type, __ehdr_start.e_type == ET_DYN ? "ET_DYN: a PIE" : "not a PIE");
	out_printf(o, "_DYNAMIC now 0x%lx, linked at 0x%lx: load bias 0x%lx\n",
		   (unsigned long)_DYNAMIC, (unsigned long)_DYNAMIC - bias, bias);
	if (auxv_get(AT_ENTRY, &entry))
		out_printf(o, "AT_ENTRY 0x%lx, e_entry 0x%lx: load bias 0x%lx\n", entry,
			   (unsigned long)__ehdr_start.e_entry, entry - (unsigned long)__ehdr_start.e_entry);

	for (d = _DYNAMIC; d->d_tag != DT_NULL; d++)
		if (d->d_tag == DT_RELR)
			relr = bias + d->d_val;
		else if (d->d_tag == DT_RELRSZ)
			relrsz = d->d_val;
		else if (d->d_tag == DT_RELASZ || d->d_tag == DT_RELSZ)
			rel_bytes += d->d_val;
	out_printf(o, "DT_RELA/DT_REL: %lu bytes; DT_RELR: %lu words\n", rel_bytes, relrsz / sizeof(long));

	/* RELR, decoded as start/relocate.c applied it. */
	for (n = 0; n < relrsz / sizeof(long); n++) {
		unsigned long e = ((const unsigned long *)relr)[n];

		if ((e & 1) == 0) {
			where = (unsigned long *)(bias + e);
			out_printf(o, "RELR word 0x%lx: even, the place linked at 0x%lx (the file holds 0x%lx)\n",
				   e, e, *where - bias);
			where++, places++;
			continue;
		}
		out_printf(o, "RELR word 0x%lx: odd, a bitmap; the places linked at", e);
		for (bits = e >> 1, i = 0; bits; bits >>= 1, i++)
			if (bits & 1)
				out_printf(o, " 0x%lx", (unsigned long)(where + i) - bias), places++;
		out_char(o, '\n');
		where += 8 * sizeof(long) - 1;
	}
	out_printf(o, "%lu places moved by the bias\n", places);

	out_printf(o, "words[0] at 0x%lx holds 0x%lx -> \"%s\" (linked 0x%lx)\n", (unsigned long)&words[0],
		   (unsigned long)words[0], words[0], (unsigned long)words[0] - bias);
	if (relro) {
		sys_probe(poke, (long)&words[0], &fault);
		out_printf(o, "RELRO 0x%lx-0x%lx: a write to words[0] %s\n", bias + (unsigned long)relro->p_vaddr,
			   bias + (unsigned long)(relro->p_vaddr + relro->p_memsz), fault.error ?
			   "was not tried (no SIGSEGV handler: rt_sigaction refused it)" : fault.signal ?
			   "faulted (read-only since relocation)" : "went through");
	}
	return out_flush(o) < 0;
}
