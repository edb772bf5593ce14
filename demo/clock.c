/*
 * demo/clock.c - the least a program needs to call the vDSO: find
 * clock_gettime in it, call it, print the time.  No system call is made
 * for the time itself: the function reads the kernel's data pages.
 *
 * The full reader (elf/, used by `vdso` and the other lessons) is 10 KiB
 * of careful code for any image.  This is the short road, as musl takes
 * it, with its checks kept: every read lies inside the image, whose pages
 * mincore(2) says are mapped, and whose size comes from its own headers.
 *   AT_SYSINFO_EHDR -> program headers: PT_LOAD (the bias, the size) and
 *   PT_DYNAMIC -> DT_STRTAB, DT_SYMTAB, DT_HASH (its nchain is the number
 *   of symbols) -> each symbol, by name -> st_value + bias.
 * It looks by name alone and does not check the version, as only one
 * version of each name is in a vDSO (lookup does it by the book).
 *
 * From: the kernel's Documentation/ABI/stable/vdso and
 * tools/testing/selftests/vDSO/parse_vdso.c; the gABI, "Dynamic Section".
 *
 * try: strace ./build/x86_64/clock (no clock_gettime in the list)
 */
#include <elf/elf.h>
#include <lib/lib.h>
#include <linux/time.h>
#include <start/start.h>
#include <vdso/vdso.h>

/* The arch's own ELF types: Elf64_Sym on x86_64, Elf32_Sym on i386. */
#define ELFW_(c, T) Elf##c##_##T
#define ELFW(c, T) ELFW_(c, T)
#define E(T) ELFW(ARCH_ELF_CLASS, T)

#define FIRST(id, name, twin, symbol, version, time64) symbol,
static const char *const symbols[] = { ARCH_VDSO_CALLS(FIRST, VDSO_NOTHING) };

static const char fallback[] = "no vDSO here: by system call\n";
static const unsigned char *base;
static unsigned long size;

/* Is [off, off + len) inside the image?  Every read below asks first. */
static int in(unsigned long off, unsigned long len) { return off <= size && len <= size - off; }

/* A 32-bit word of the image, byte by byte (it may be unaligned). */
static unsigned long word(unsigned long off)
{
	const unsigned char *p = base + off;

	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned long)p[3] << 24;
}

/* Are the image's pages mapped?  mincore(2) fails with ENOMEM if not. */
static int mapped(void)
{
	static unsigned char vec[16];   /* static: a lean program has no canary */

	return size <= sizeof vec * 4096 &&     /* x86 pages are 4 KiB */
	       arch_syscall(__NR_mincore, (long)base, (long)size, (long)vec, 0, 0, 0) == 0;
}

static void *find(const char *name)
{
	const E(Ehdr) *eh = (const void *)base;
	const E(Phdr) *ph;
	const E(Dyn) *d = 0;
	const E(Sym) *sym;
	unsigned long bias = 0, load = 0, dynsz = 0, str = 0, symtab = 0, hash = 0;
	unsigned long n, nb, i, j, k, h, len;

	size = 4096;    /* the headers must lie in the first page */
	if (!mapped() || word(0) != 0x464c457f ||   /* "\177ELF" */
	    eh->e_ident[4] != ARCH_ELF_CLASS / 32 ||   /* ELFCLASS32 1, ELFCLASS64 2 */
	    !in(eh->e_phoff, (unsigned long)eh->e_phnum * sizeof *ph))
		return 0;
	for (i = 0, ph = (const void *)(base + eh->e_phoff); i < eh->e_phnum; i++, ph++) {
		if (ph->p_type == PT_LOAD && !load++)   /* the bias: from the first */
			bias = (unsigned long)(ph->p_offset - ph->p_vaddr);
		if (ph->p_type == PT_LOAD && ph->p_offset + ph->p_filesz > size)
			size = (unsigned long)(ph->p_offset + ph->p_filesz);
		if (ph->p_type == PT_DYNAMIC)
			d = (const void *)(base + ph->p_offset), dynsz = (unsigned long)ph->p_filesz;
	}
	if (!d || !mapped() || !in((unsigned long)((const unsigned char *)d - base), dynsz))
		return 0;
	/* d_ptr + bias is an offset: the kernel links its vDSO at 0, QEMU
	 * relocates its own in place (then the bias undoes it). */
	for (i = 0; i < dynsz / sizeof *d && d[i].d_tag != DT_NULL; i++) {
		unsigned long off = (unsigned long)d[i].d_val + bias;

		if (d[i].d_tag == DT_STRTAB) str = off;
		if (d[i].d_tag == DT_SYMTAB) symtab = off;
		if (d[i].d_tag == DT_HASH) hash = off;
	}
	if (!str || !symtab || !in(hash, 8))
		return 0;
	/* The SysV hash table (gABI, "Hash Table"): nbucket, nchain,
	 * bucket[nbucket], chain[nchain], 32-bit words; the name's ELF hash
	 * picks a bucket, whose chain links the symbols to compare. */
	nb = word(hash), n = word(hash + 4);
	/* size is at most 16 pages (mapped), so no product below overflows */
	if (nb == 0 || n > size / 4 - nb || !in(hash + 8, (nb + n) * 4) ||
	    !in(symtab, n * sizeof *sym))
		return 0;
	for (h = 0, len = 1; name[len - 1]; len++) {       /* len: with the NUL */
		h = (h << 4) + (unsigned char)name[len - 1];
		h = (h ^ (h >> 24 & 0xf0)) & 0x0fffffff;
	}
	for (i = word(hash + 8 + h % nb * 4), k = 0; i && i < n && k < n; i = word(hash + 8 + (nb + i) * 4), k++) {
		sym = (const E(Sym) *)(base + symtab) + i;
		if (!in(str + sym->st_name, len))
			continue;
		for (j = 0; j < len && base[str + sym->st_name + j] == name[j]; j++)
			;
		if (j == len && sym->st_shndx != SHN_UNDEF &&
		    ELF_ST_TYPE(sym->st_info) == STT_FUNC && in(sym->st_value + bias, 1))
			return (void *)(base + sym->st_value + bias);
	}
	return 0;
}

/* v in decimal, at least n digits, written backwards before end. */
static char *digits(char *end, unsigned long v, int n)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (--n > 0 || v);
	return end;
}

int main(int argc, char **argv, char **envp)
{
	long (*clock_gettime)(int, struct __kernel_timespec *) = 0;
	static struct __kernel_timespec ts;
	static char line[32];   /* "seconds.nanoseconds\n", built from the end */
	static unsigned long at;
	char *p = line + sizeof line;

	(void)argc, (void)argv, (void)envp;
	if (auxv_get(AT_SYSINFO_EHDR, &at) && at)
		base = (const unsigned char *)at, clock_gettime = find(symbols[0]);
	if (!clock_gettime) {
		arch_syscall(__NR_write, 1, (long)fallback, sizeof fallback - 1, 0, 0, 0);
		arch_syscall(ARCH_NR_clock_gettime64, CLOCK_REALTIME, (long)&ts, 0, 0, 0, 0);
	} else if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
		return 1;
	}
	/* Seconds as an unsigned long: 32 bits on i386 are enough until 2106,
	 * and spare a 64-bit division, which i386 has no instruction for. */
	*--p = '\n';
	p = digits(p, (unsigned long)ts.tv_nsec, 9);
	*--p = '.';
	p = digits(p, (unsigned long)ts.tv_sec, 1);
	return arch_syscall(__NR_write, 1, (long)p, line + sizeof line - p, 0, 0, 0) < 0;
}
