/*
 * demo/clock.c - the least a program needs to call the vDSO: find
 * clock_gettime in it, call it, print the time.  The kernel's function
 * reads the data pages beside the image, with no system call, as long as
 * the clocksource has a vDSO mode (lesson data shows when it has not).
 *
 * Terms.  A program header describes a segment: PT_LOAD, bytes to map;
 * PT_DYNAMIC, where the dynamic table is, the (tag, value) list that
 * locates the string table (DT_STRTAB), the symbol table (DT_SYMTAB) and
 * the hash table (DT_HASH).  The load bias is where the image lies less
 * where it was linked (the kernel links its vDSO at 0): a symbol's
 * address is the bias plus its st_value.  A clocksource is the counter
 * the kernel keeps time with.
 *
 * The full reader (elf/, 10 KiB) is not linked.  This is the short road,
 * musl's, with the checks kept: every read lies inside the image, whose
 * size comes from its own headers and whose pages mincore(2) says are
 * mapped.  AT_SYSINFO_EHDR -> program headers: the first PT_LOAD (the
 * bias), every PT_LOAD (the size), PT_DYNAMIC -> DT_STRTAB, DT_SYMTAB,
 * DT_HASH, whose second word, nchain, is the number of symbols -> each
 * symbol by name (no version check: a vDSO has one of each name) ->
 * st_value + bias.  `lookup` does it by the book, hashes and versions.
 * From: the kernel's Documentation/ABI/stable/vdso and
 * tools/testing/selftests/vDSO/parse_vdso.c; the gABI, "Dynamic Section".
 *
 * try: strace build/x86_64/clock; size -A build/x86_64/clock   # no clock_gettime in strace's list
 * exercise: ask for CLOCK_PROCESS_CPUTIME_ID instead of CLOCK_REALTIME:
 *   the vDSO cannot read a process's CPU time from its data pages, so
 *   strace now shows the clock_gettime call it made for you.
 */
#include <elf/elf.h>
#include <lib/lib.h>
#include <linux/time.h>
#include <start/start.h>
#include <vdso/vdso.h>

/* The arch's first choice for clock_gettime (arch/<arch>/vdso_calls.h). */
#define FIRST(id, name, twin, symbol, version, time64) symbol,
static const char *const symbols[] = { ARCH_VDSO_CALLS(FIRST, VDSO_NOTHING) };

static const unsigned char *base;
static unsigned long size;

/* Is [off, off + len) inside the image?  Every read below asks first. */
static int inside(unsigned long off, unsigned long len) { return off <= size && len <= size - off; }

/* Are the image's pages mapped?  (vec a static: a lean program has no canary)
 * mincore fills a byte a page; no Linux page is under 4 KiB (arm64's may
 * be 16 or 64 KiB, powerpc's 64), so 16 bytes serve an image of 64 KiB. */
static unsigned char vec[16];
static int mapped(void) { return size <= sizeof vec * 4096 &&
			  arch_syscall(__NR_mincore, (long)base, (long)size, (long)vec, 0, 0, 0) == 0; }

static void *find(const char *name)
{
	const ARCH_ELF(Ehdr) *eh = (const void *)base;
	const ARCH_ELF(Phdr) *ph = 0;
	const ARCH_ELF(Dyn) *d = 0;
	const ARCH_ELF(Sym) *sym;
	unsigned long bias = 0, dynsz = 0, str = 0, symtab = 0, hash = 0, n, i, j, len;

	size = 4096;    /* the headers must lie in the first page */
	if (!mapped() || base[0] != 0x7f || base[1] != 'E' || base[2] != 'L' || base[3] != 'F' ||
	    base[4] != ARCH_ELF_CLASS / 32 ||  /* ELFCLASS32 1, ELFCLASS64 2 */
	    !inside(eh->e_phoff, (unsigned long)eh->e_phnum * sizeof *ph))
		return 0;
	for (i = 0; i < eh->e_phnum; i++) {
		const ARCH_ELF(Phdr) *p = (const ARCH_ELF(Phdr) *)(base + eh->e_phoff) + i;

		if (p->p_type == PT_LOAD && !ph)
			ph = p, bias = (unsigned long)(p->p_offset - p->p_vaddr);
		if (p->p_type == PT_LOAD && p->p_offset + p->p_filesz > size)
			size = (unsigned long)(p->p_offset + p->p_filesz);
		if (p->p_type == PT_DYNAMIC)
			d = (const void *)(base + p->p_offset), dynsz = (unsigned long)p->p_filesz;
	}
	if (!d || !mapped() || !inside((unsigned long)((const unsigned char *)d - base), dynsz))
		return 0;
	/* d_ptr + bias is an offset: the kernel links its vDSO at 0, QEMU
	 * relocates its own in place, headers too (the bias undoes that). */
	for (i = 0; i < dynsz / sizeof *d && d[i].d_tag != DT_NULL; i++) {
		unsigned long off = (unsigned long)d[i].d_val + bias;

		str = d[i].d_tag == DT_STRTAB ? off : str;
		symtab = d[i].d_tag == DT_SYMTAB ? off : symtab;
		hash = d[i].d_tag == DT_HASH ? off : hash;
	}
	if (!str || !symtab || !inside(hash, 2 * sizeof(ARCH_HASH_ENTRY)))
		return 0;
	n = ((const ARCH_HASH_ENTRY *)(base + hash))[1];        /* nchain */
	if (!inside(symtab, n * sizeof *sym))       /* size <= 16 pages: no overflow */
		return 0;
	for (len = 1; name[len - 1]; len++) ;   /* len counts the NUL */
	for (i = 1, sym = (const ARCH_ELF(Sym) *)(base + symtab) + 1; i < n; i++, sym++) {
		if (!inside(str + sym->st_name, len))
			continue;
		for (j = 0; j < len && base[str + sym->st_name + j] == name[j]; j++) ;
		if (j == len && sym->st_shndx != SHN_UNDEF && (ELF_ST_TYPE(sym->st_info) == STT_FUNC ||
		    ELF_ST_TYPE(sym->st_info) == STT_NOTYPE) &&        /* QEMU's ppc64le are NOTYPE */
		    inside(sym->st_value + bias, 1))
			return (void *)(base + sym->st_value + bias);
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	static const char none[] = "no vDSO here: nothing to call\n";
	static struct __kernel_timespec ts;
	static char line[32];
	long (*clock_gettime)(int, struct __kernel_timespec *) = 0;
	unsigned long *a;
	char *p;

	(void)argc, (void)argv, (void)envp;
	for (a = start_auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == AT_SYSINFO_EHDR && a[1])
			base = (const unsigned char *)a[1], clock_gettime = find(symbols[0]);
	if (!clock_gettime)     /* qemu-user before 8.1, vdso=0 */
		return arch_syscall(__NR_write, 1, (long)none, sizeof none - 1, 0, 0, 0) < 0;
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 1;
	p = fmt_time_back(line + sizeof line, (unsigned long)ts.tv_sec, (unsigned long)ts.tv_nsec);
	return arch_syscall(__NR_write, 1, (long)p, line + sizeof line - p, 0, 0, 0) < 0;
}
