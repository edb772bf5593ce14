/*
 * start/relocate.c - a static PIE puts itself in place, in C, before it
 * touches a global, a GOT entry or a pointer to a function.
 *
 * A static PIE is an ET_DYN file with no PT_INTERP: nobody but itself will
 * relocate it.  The kernel (fs/binfmt_elf.c, load_elf_binary) treats an
 * ET_DYN file that names no interpreter as it would ld.so run as a
 * program: it maps the whole file wherever mmap finds room, in the mmap
 * region, which is randomised when address randomisation is on
 * (randomize_va_space; a PIE with an interpreter goes at ELF_ET_DYN_BASE
 * plus a random offset instead).  Each segment lands at load bias +
 * p_vaddr, the bias a whole number of pages (gABI, "Program Loading"), and
 * the kernel jumps to bias + e_entry.  It tells the program where it is:
 * AT_PHDR is the program headers' address at run time, AT_ENTRY the
 * entry's (the psABIs, "Process Initialization"); this code needs
 * neither, as it finds itself (below).
 *
 * The file was linked at address 0, so every absolute address stored in
 * its data (a pointer in a table, a GOT entry) is off by the bias.  The
 * linker left a list of those places in the dynamic table (gABI, "Dynamic
 * Section" and "Relocation"); each entry is a RELATIVE relocation
 * (R_X86_64_RELATIVE, x86-64 psABI 4.4; R_386_RELATIVE, i386 psABI):
 *
 *     DT_RELA  (x86_64)  { offset, info, addend }:  *(bias + offset) = bias + addend
 *     DT_REL   (i386)    { offset, info }:          *(bias + offset) += bias
 *                                                   (the addend is already there)
 *     DT_RELR  (either)  a packed list of the same, when the linker was
 *                        asked for it (-z pack-relative-relocs): an even
 *                        word is an address, an odd word a bitmap of the
 *                        words that follow it (gABI proposal "RELR").
 *
 * This is what musl's rcrt1.o does with its _dlstart_c, and what glibc's
 * static-pie start-up does, in a few dozen lines.  The rule that makes it
 * work: until the last relocation is applied, this code reads no global
 * variable and no GOT entry, since either may hold an unrelocated
 * address.  It finds everything by PC-relative addresses, which are right
 * wherever the program is, as the distances were fixed at link time: its
 * dynamic table (_DYNAMIC, from _start) and its own ELF header
 * (__ehdr_start, which the linker defines; hidden, so the compiler reaches
 * it PC-relative rather than through the GOT), and from the header its
 * program headers.  It trusts nothing the loader passed (AT_PHDR may be
 * missing or wrong when another loader started it).  It calls only
 * itself and the raw system call, and has no stack protector: the canary
 * is set later, by start_c.
 *
 * Afterwards PT_GNU_RELRO, the part of the data that only relocation had
 * to write (the pointer tables, .dynamic, the GOT), is made read-only, as
 * ld.so does for a dynamic program: a stray write there now faults.
 *
 * try: readelf -lrdW build/x86_64/vdso    (the segments, the list, the table)
 */
#include <arch.h>
#include <linux/elf.h>
#include <linux/mman.h>
#include "start.h"

/* Newer than some UAPI headers: the packed relative relocations. */
#ifndef DT_RELR
#define DT_RELRSZ 35
#define DT_RELR   36
#endif

typedef ARCH_ELF(Ehdr) Ehdr;
typedef ARCH_ELF(Phdr) Phdr;
typedef ARCH_ELF(Dyn) Dyn;
typedef ARCH_ELF(Rel) Rel;
typedef ARCH_ELF(Rela) Rela;

/* Type 0 is R_<ARCH>_NONE in every psABI: an entry that asks for nothing.
 * A linker leaves one where it relaxed away what a relocation was for
 * (lld for ppc64le, a GOT entry it turned into a TOC-relative address). */
#define R_NONE 0

/* This program's ELF header, where it is now (defined by the linker). */
extern const Ehdr __ehdr_start __attribute__((visibility("hidden")));

/* The linker ended RELRO on a boundary of the arch's largest page
 * (-z max-page-size, ARCH_MAX_PAGE_SIZE, 4 KiB unless the arch says
 * more); not AT_PAGESZ, which a loader could get wrong. */
#ifdef ARCH_MAX_PAGE_SIZE
#define PAGE ((unsigned long)ARCH_MAX_PAGE_SIZE)
#else
#define PAGE 4096UL
#endif

/* Nothing can be reported before relocation is done: one fixed line from
 * read-only data (reached PC-relative), and exit status 127. */
__attribute__((noreturn, no_stack_protector))
static void relocate_fail(void)
{
	static const char msg[] = "vdso: start: cannot relocate this program\n";

	arch_syscall(__NR_write, 2, (long)msg, sizeof msg - 1, 0, 0, 0);
	start_exit(127);
}

/*
 * DT_RELR: an even word names a place (and moves 'where' past it); an odd
 * word's bits 1.. name the places after 'where', one word each, and then
 * 'where' moves on by (bits in a word - 1) words.  A static function,
 * called PC-relative: nothing here reads a relocated word before its time.
 */
__attribute__((no_stack_protector))
static void apply_relr(unsigned long bias, const unsigned long *e, unsigned long count)
{
	unsigned long *where = 0, bits, n, i;
	unsigned long word_bits = 8 * sizeof(unsigned long);

	for (n = 0; n < count; n++) {
		if ((e[n] & 1) == 0) {
			where = (unsigned long *)(bias + e[n]);
			*where++ += bias;
			continue;
		}
		if (!where)
			relocate_fail();        /* a bitmap before any address */
		for (bits = e[n] >> 1, i = 0; bits; bits >>= 1, i++)
			if (bits & 1)
				where[i] += bias;
		where += word_bits - 1;
	}
}

__attribute__((no_stack_protector))
void start_relocate(const void *dynamic_now)
{
	const Dyn *dynamic = dynamic_now;
	const Phdr *ph, *relro = 0;
	unsigned long bias = 0, i, n;
	unsigned long rel = 0, relsz = 0, rela = 0, relasz = 0, relr = 0, relrsz = 0;
	int found = 0;

	/* The bias: where PT_DYNAMIC is now, less where it was linked. */
	ph = (const Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
	for (i = 0; i < __ehdr_start.e_phnum; i++) {
		if (ph[i].p_type == PT_DYNAMIC) {
			bias = (unsigned long)dynamic - ph[i].p_vaddr;
			found = 1;
		} else if (ph[i].p_type == PT_GNU_RELRO) {
			relro = &ph[i];
		}
	}
	if (!found)
		relocate_fail();

	/* The dynamic table holds link-time addresses: add the bias to use them. */
	for (; dynamic->d_tag != DT_NULL; dynamic++) {
		unsigned long v = dynamic->d_un.d_val;

		if (dynamic->d_tag == DT_REL)
			rel = bias + v;
		else if (dynamic->d_tag == DT_RELSZ)
			relsz = v;
		else if (dynamic->d_tag == DT_RELA)
			rela = bias + v;
		else if (dynamic->d_tag == DT_RELASZ)
			relasz = v;
		else if (dynamic->d_tag == DT_RELR)
			relr = bias + v;
		else if (dynamic->d_tag == DT_RELRSZ)
			relrsz = v;
		else if (dynamic->d_tag == DT_TEXTREL)
			relocate_fail();        /* code to patch: linked wrong */
	}

	/* DT_REL: the addend is the word in place. */
	for (n = 0; n < relsz / sizeof(Rel); n++) {
		const Rel *r = (const Rel *)rel + n;

		if (ARCH_R_TYPE(r->r_info) == R_NONE)
			continue;
		if (ARCH_R_TYPE(r->r_info) != ARCH_R_RELATIVE)
			relocate_fail();
		*(unsigned long *)(bias + r->r_offset) += bias;
	}
	/* DT_RELA: the addend is in the entry. */
	for (n = 0; n < relasz / sizeof(Rela); n++) {
		const Rela *r = (const Rela *)rela + n;

		if (ARCH_R_TYPE(r->r_info) == R_NONE)
			continue;
		if (ARCH_R_TYPE(r->r_info) != ARCH_R_RELATIVE)
			relocate_fail();
		*(unsigned long *)(bias + r->r_offset) = bias + r->r_addend;
	}
	apply_relr(bias, (const unsigned long *)relr, relrsz / sizeof(unsigned long));

	/* Relocated: RELRO goes read-only, whole pages of it (the linker ends
	 * it on a page boundary).  A failure is no reason to stop: it is
	 * protection, not function. */
	if (relro) {
		unsigned long start = (bias + relro->p_vaddr) & -PAGE;
		unsigned long end = (bias + relro->p_vaddr + relro->p_memsz) & -PAGE;

		if (end > start)
			arch_syscall(__NR_mprotect, (long)start, (long)(end - start),
				     PROT_READ, 0, 0, 0);
	}
}
