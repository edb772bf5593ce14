/*
 * tests/robust/launch.c - start one of our static programs with an
 * auxiliary vector of the test's choosing.
 *
 *   launch [-d AT_NAME]... [-s AT_NAME=VALUE]... PROGRAM [ARG...]
 *
 *   -d AT_NAME        leave the entry out (AT_RANDOM, AT_EXECFN, ...)
 *   -s AT_NAME=VALUE  set the entry to VALUE (a number, 0x for hex, or
 *                     `ehdr`: where the program's own ELF header was loaded)
 *
 * It does by hand what the kernel's execve does for a static executable
 * without an interpreter (fs/binfmt_elf.c): map each PT_LOAD at its
 * p_vaddr (plus a load bias of its choosing for a static PIE), zero
 * what p_memsz has beyond p_filesz, build a fresh initial
 * stack (argc, argv, envp, auxv, and above them the strings and the 16
 * bytes of AT_RANDOM: the psABIs, "Process Initialization"), then set the
 * stack pointer and jump to e_entry.  The auxiliary vector is this
 * process's own (same kernel, same vDSO: its AT_SYSINFO_EHDR still points
 * at a mapped image), with AT_PHDR, AT_PHENT, AT_PHNUM, AT_ENTRY, AT_BASE,
 * AT_EXECFN and AT_RANDOM made the program's, less the entries -d names.
 *
 * Hosted, and built as a position-independent executable, so that it
 * lies far from 0x400000, where our static programs are linked; built
 * -m32 for i386 programs.  The program's class must be the launcher's.
 * Exit status 125 and one line on stderr if it cannot launch.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define MAX_AUXV 64
#define STACK_SIZE (1 << 20)

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "launch: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
	exit(125);
}

/* AT_* names the tests use: asm/auxvec.h and linux/auxvec.h. */
static const struct { const char *name; unsigned long type; } at_names[] = {
	{ "AT_PHDR", AT_PHDR }, { "AT_PHENT", AT_PHENT }, { "AT_PHNUM", AT_PHNUM },
	{ "AT_PAGESZ", AT_PAGESZ }, { "AT_BASE", AT_BASE }, { "AT_ENTRY", AT_ENTRY },
	{ "AT_UID", AT_UID }, { "AT_HWCAP", AT_HWCAP }, { "AT_CLKTCK", AT_CLKTCK },
	{ "AT_PLATFORM", AT_PLATFORM }, { "AT_SECURE", AT_SECURE },
	{ "AT_RANDOM", AT_RANDOM }, { "AT_HWCAP2", AT_HWCAP2 },
	{ "AT_EXECFN", AT_EXECFN }, { "AT_SYSINFO", 32 }, { "AT_SYSINFO_EHDR", 33 },
	{ "AT_MINSIGSTKSZ", 51 },
};

static unsigned long at_type(const char *name)
{
	for (size_t i = 0; i < sizeof at_names / sizeof at_names[0]; i++)
		if (strcmp(name, at_names[i].name) == 0)
			return at_names[i].type;
	die("unknown auxiliary vector type", name);
	return 0;
}

/* The choices from the command line. */
static unsigned long dropped[MAX_AUXV], set_type[MAX_AUXV], set_value[MAX_AUXV];
static int set_ehdr[MAX_AUXV];  /* the value is the program's ELF header */
static int ndropped, nset;

static int is_dropped(unsigned long type)
{
	for (int i = 0; i < ndropped; i++)
		if (dropped[i] == type)
			return 1;
	return 0;
}

/* ---- loading -------------------------------------------------------------- */

struct loaded {
	ElfW(Addr) entry, phdr, ehdr;
	unsigned phnum;
};

/* Map the PT_LOAD segments of a static executable where it was linked
 * (ET_EXEC), or of a static PIE (ET_DYN) wherever there is room for all of
 * them, each at bias + p_vaddr, as the kernel does (fs/binfmt_elf.c,
 * elf_map, padzero and total_mapping_size). */
static void load(const char *path, struct loaded *out)
{
	ElfW(Ehdr) eh;
	ElfW(Phdr) ph[32];
	long page = sysconf(_SC_PAGESIZE);
	ElfW(Addr) bias = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		die(strerror(errno), path);
	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
		die("not an ELF file", path);
	if (eh.e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32))
		die("not of this launcher's class (build it -m32 for i386)", path);
	if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
		die("not an executable (ET_EXEC or ET_DYN)", path);
	if (eh.e_phentsize != sizeof ph[0] || eh.e_phnum > 32 ||
	    pread(fd, ph, eh.e_phnum * sizeof ph[0], (off_t)eh.e_phoff) !=
	    (ssize_t)(eh.e_phnum * sizeof ph[0]))
		die("program headers unreadable", path);

	/* A PIE: reserve the span of all its segments anywhere; the bias is
	 * where that put the lowest page, less its p_vaddr. */
	if (eh.e_type == ET_DYN) {
		ElfW(Addr) lo = ~(ElfW(Addr))0, hi = 0;
		void *r;

		for (int i = 0; i < eh.e_phnum; i++) {
			if (ph[i].p_type != PT_LOAD)
				continue;
			if (ph[i].p_vaddr < lo)
				lo = ph[i].p_vaddr;
			if (ph[i].p_vaddr + ph[i].p_memsz > hi)
				hi = ph[i].p_vaddr + ph[i].p_memsz;
		}
		lo &= ~(ElfW(Addr))(page - 1);
		if (hi <= lo)
			die("no PT_LOAD", path);
		r = mmap(NULL, hi - lo, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (r == MAP_FAILED)
			die("cannot reserve room for the program", strerror(errno));
		munmap(r, hi - lo);     /* each segment takes its part back below */
		bias = (ElfW(Addr))r - lo;
	}

	out->entry = bias + eh.e_entry;
	out->phnum = eh.e_phnum;
	out->phdr = 0;
	out->ehdr = 0;
	for (int i = 0; i < eh.e_phnum; i++) {
		ElfW(Addr) start, end;
		int prot = 0;
		void *p;

		if (ph[i].p_type == PT_INTERP)
			die("has an interpreter: not static", path);
		if (ph[i].p_type != PT_LOAD)
			continue;
		start = (bias + ph[i].p_vaddr) & ~(ElfW(Addr))(page - 1);
		end = (bias + ph[i].p_vaddr + ph[i].p_memsz + page - 1) & ~(ElfW(Addr))(page - 1);
		/* Writable first, to copy the file's bytes in; the bytes past
		 * p_filesz stay zero (.bss).  NOREPLACE: if the launcher itself
		 * were there, fail rather than overwrite it. */
		p = mmap((void *)start, end - start, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (p != (void *)start)
			die("cannot map a segment at its address (taken?)", path);
		if (pread(fd, (void *)(bias + ph[i].p_vaddr), ph[i].p_filesz, (off_t)ph[i].p_offset) !=
		    (ssize_t)ph[i].p_filesz)
			die("cannot read a segment", path);
		if (ph[i].p_flags & PF_R)
			prot |= PROT_READ;
		if (ph[i].p_flags & PF_W)
			prot |= PROT_WRITE;
		if (ph[i].p_flags & PF_X)
			prot |= PROT_EXEC;
		if (mprotect(p, end - start, prot) != 0)
			die("mprotect", strerror(errno));
		if (ph[i].p_offset == 0)        /* the segment with the ELF header */
			out->ehdr = bias + ph[i].p_vaddr;
		/* AT_PHDR: the program headers' address, if a segment holds them */
		if (eh.e_phoff >= ph[i].p_offset && eh.e_phoff - ph[i].p_offset < ph[i].p_filesz)
			out->phdr = bias + ph[i].p_vaddr + (eh.e_phoff - ph[i].p_offset);
	}
	close(fd);
}

/* ---- the initial stack ------------------------------------------------------ */

/* Copy a string to the top of the new stack, growing down. */
static char *push_string(char **top, const char *s)
{
	size_t n = strlen(s) + 1;

	*top -= n;
	memcpy(*top, s, n);
	return *top;
}

static __attribute__((noreturn)) void jump(void *sp, ElfW(Addr) entry)
{
	/* The ABI's registers at process entry: the stack pointer at argc,
	 * and (x86_64) %rdx a function for atexit, 0 for none. */
#ifdef __x86_64__
	__asm__ volatile("mov %0, %%rsp\n\txor %%edx, %%edx\n\tjmp *%1"
			 : : "r"(sp), "r"(entry) : "memory");
#else
	__asm__ volatile("mov %0, %%esp\n\txor %%edx, %%edx\n\tjmp *%1"
			 : : "r"(sp), "r"(entry) : "memory");
#endif
	__builtin_unreachable();
}

int main(int argc, char **argv, char **envp)
{
	struct loaded prog;
	ElfW(auxv_t) *own, aux[MAX_AUXV];
	char **e, *top, *base, *execfn, *platform = NULL;
	char **new_argv, **new_envp;
	unsigned char *random;
	unsigned long *sp;
	int i, k, n = 0, nargs, nenv = 0;

	while ((i = getopt(argc, argv, "+d:s:")) != -1) {
		char *eq;

		if (i == 'd' && ndropped < MAX_AUXV) {
			dropped[ndropped++] = at_type(optarg);
		} else if (i == 's' && nset < MAX_AUXV && (eq = strchr(optarg, '='))) {
			*eq = 0;
			set_type[nset] = at_type(optarg);
			set_ehdr[nset] = strcmp(eq + 1, "ehdr") == 0;
			set_value[nset++] = strtoul(eq + 1, NULL, 0);
		} else {
			die("usage: launch [-d AT_NAME]... [-s AT_NAME=VALUE]... PROGRAM [ARG...]", NULL);
		}
	}
	if (optind >= argc)
		die("usage: launch [-d AT_NAME]... [-s AT_NAME=VALUE]... PROGRAM [ARG...]", NULL);
	nargs = argc - optind;

	load(argv[optind], &prog);
	for (k = 0; k < nset; k++)
		if (set_ehdr[k])
			set_value[k] = prog.ehdr;

	/* Our own auxiliary vector: after the environment's NULL. */
	for (e = envp; *e; e++)
		nenv++;
	own = (ElfW(auxv_t) *)(e + 1);

	/* A fresh stack; the strings at its top, as the kernel puts them. */
	base = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (base == MAP_FAILED)
		die("cannot map a stack", strerror(errno));
	top = base + STACK_SIZE;
	execfn = push_string(&top, argv[optind]);
	new_argv = calloc((size_t)nargs + 1, sizeof *new_argv);
	new_envp = calloc((size_t)nenv + 1, sizeof *new_envp);
	if (new_argv == NULL || new_envp == NULL)
		die("out of memory", NULL);
	for (k = nargs - 1; k >= 0; k--)
		new_argv[k] = push_string(&top, argv[optind + k]);
	for (k = nenv - 1; k >= 0; k--)
		new_envp[k] = push_string(&top, envp[k]);
	for (ElfW(auxv_t) *a = own; a->a_type != AT_NULL; a++)
		if (a->a_type == AT_PLATFORM)
			platform = push_string(&top, (const char *)a->a_un.a_val);
	top -= 16;
	random = (unsigned char *)top;
	if (getrandom(random, 16, 0) != 16)
		die("getrandom", strerror(errno));

	/* The vector: ours, made the program's, less what -d drops. */
	for (ElfW(auxv_t) *a = own; a->a_type != AT_NULL && n < MAX_AUXV - 8; a++) {
		ElfW(auxv_t) v = *a;

		switch (v.a_type) {
		case AT_PHDR:     v.a_un.a_val = prog.phdr; break;
		case AT_PHENT:    v.a_un.a_val = sizeof(ElfW(Phdr)); break;
		case AT_PHNUM:    v.a_un.a_val = prog.phnum; break;
		case AT_ENTRY:    v.a_un.a_val = prog.entry; break;
		case AT_BASE:     v.a_un.a_val = 0; break;     /* no interpreter */
		case AT_EXECFN:   v.a_un.a_val = (ElfW(Addr))execfn; break;
		case AT_RANDOM:   v.a_un.a_val = (ElfW(Addr))random; break;
		case AT_PLATFORM: v.a_un.a_val = (ElfW(Addr))platform; break;
		}
		for (k = 0; k < nset; k++)
			if (set_type[k] == v.a_type)
				v.a_un.a_val = set_value[k];
		if (!is_dropped(v.a_type))
			aux[n++] = v;
	}
	/* -s of a type we do not have: added */
	for (k = 0; k < nset; k++) {
		int have = 0;

		for (i = 0; i < n; i++)
			have |= aux[i].a_type == set_type[k];
		if (!have && !is_dropped(set_type[k]) && n < MAX_AUXV - 1) {
			aux[n].a_type = set_type[k];
			aux[n++].a_un.a_val = set_value[k];
		}
	}
	aux[n].a_type = AT_NULL;
	aux[n++].a_un.a_val = 0;

	/* argc, argv, NULL, envp, NULL, auxv: one word a slot, argc at the
	 * stack pointer, which is 16-byte aligned (both psABIs). */
	sp = (unsigned long *)top;
	sp -= 1 + nargs + 1 + nenv + 1 + 2 * n;
	sp = (unsigned long *)((unsigned long)sp & ~15UL);
	k = 0;
	sp[k++] = (unsigned long)nargs;
	for (i = 0; i < nargs; i++)
		sp[k++] = (unsigned long)new_argv[i];
	sp[k++] = 0;
	for (i = 0; i < nenv; i++)
		sp[k++] = (unsigned long)new_envp[i];
	sp[k++] = 0;
	memcpy(&sp[k], aux, (size_t)n * sizeof aux[0]);

	fflush(NULL);
	jump(sp, prog.entry);
}
