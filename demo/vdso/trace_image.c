/*
 * demo/vdso/trace_image.c - the tracee's vDSO: where it is, its bytes, and
 * the functions it exports.
 *
 * Where: AT_SYSINFO_EHDR in the tracee's auxiliary vector, which
 * /proc/PID/auxv shows (pairs of the tracee's words, up to AT_NULL); with
 * no /proc, at the exec stop, from the tracee's own stack as the kernel
 * left it (the start-up stack of the psABIs, the kernel's
 * fs/binfmt_elf.c create_elf_tables): at the stack pointer argc, then
 * argv[] and a 0, envp[] and a 0, then the auxv pairs.
 *
 * Its bytes: one page first, then as many as its own headers say
 * (elf_extent, as vdso/find.c does for our own image), copied through
 * ptrace into a buffer of ours, and opened with the reader, which trusts
 * none of them.
 */
#include <linux/auxvec.h>
#include <linux/fcntl.h>
#include <elf/elf.h>
#include "tracer.h"

#define IMAGE_MAX (256 * 1024)
static unsigned char image[IMAGE_MAX];

/* AT_SYSINFO_EHDR and AT_PAGESZ from /proc/PID/auxv: 0, or -errno. */
static long auxv_from_proc(int tid, const struct trace_tracee *tt,
			   uint64_t *ehdr, uint64_t *page)
{
	char path[48] = "/proc/", num[20];
	unsigned char buf[4096];
	long fd, n, got = 0;
	unsigned i;

	memcpy(path + 6, num, fmt_udec(num, (unsigned)tid));
	memcpy(path + 6 + fmt_udec(num, (unsigned)tid), "/auxv", 6);
	if ((fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return fd;
	while (got < (long)sizeof buf && (n = sys_read((int)fd, buf + got, sizeof buf - got)) > 0)
		got += n;
	sys_close((int)fd);
	for (i = 0; i + 2 * tt->word <= (unsigned long)got; i += 2 * tt->word) {
		uint64_t type = 0, value = 0;

		memcpy(&type, buf + i, tt->word);
		memcpy(&value, buf + i + tt->word, tt->word);
		if (type == AT_NULL)
			break;
		if (type == AT_SYSINFO_EHDR)
			*ehdr = value;
		if (type == AT_PAGESZ)
			*page = value;
	}
	return 0;
}

/* The same from the stack at the exec stop: 0, or -errno. */
static long auxv_from_stack(int tid, const struct trace_tracee *tt, uint64_t sp,
			    uint64_t *ehdr, uint64_t *page)
{
	uint64_t argc, v, type, w = tt->word, p;
	unsigned n;
	long r;

	if ((r = trace_read_word(tid, tt, sp, &argc)) < 0)
		return r;
	if (argc > (1u << 20))
		return -EINVAL;
	p = sp + w * (argc + 2);        /* argc, argv[argc], its 0 */
	for (n = 0; ; n++, p += w) {    /* envp[] up to its 0 */
		if (n > (1u << 20))
			return -EINVAL;
		if ((r = trace_read_word(tid, tt, p, &v)) < 0)
			return r;
		if (v == 0)
			break;
	}
	for (p += w, n = 0; n < 4096; n++, p += 2 * w) {
		if ((r = trace_read_word(tid, tt, p, &type)) < 0 ||
		    (r = trace_read_word(tid, tt, p + w, &v)) < 0)
			return r;
		if (type == AT_NULL)
			return 0;
		if (type == AT_SYSINFO_EHDR)
			*ehdr = v;
		if (type == AT_PAGESZ)
			*page = v;
	}
	return -EINVAL;
}

static int contains(const char *s, const char *part)
{
	size_t n = strlen(part);

	for (; *s; s++)
		if (!strncmp(s, part, n))
			return 1;
	return 0;
}

static enum trace_kind kind_of(const char *name)
{
	static const struct { const char *name; enum trace_kind kind; } kinds[] = {
		{ "clock_gettime", FN_CLOCK_GETTIME },
		{ "clock_gettime64", FN_CLOCK_GETTIME64 },
		{ "clock_getres", FN_CLOCK_GETRES },
		{ "clock_getres_time64", FN_CLOCK_GETRES64 },
		{ "gettimeofday", FN_GETTIMEOFDAY },
		{ "time", FN_TIME },
		{ "getcpu", FN_GETCPU },
		{ "getrandom", FN_GETRANDOM },
		{ "__kernel_vsyscall", FN_GATE },
	};
	unsigned i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (str_eq(name, kinds[i].name))
			return kinds[i].kind;
	return FN_OTHER;
}

/* Is name in the -e list (NAME,NAME)? */
static int wanted(const char *name)
{
	const char *p = trace.only;
	size_t n = strlen(name);

	if (!p)
		return 1;
	while (*p) {
		const char *end = p;

		while (*end && *end != ',')
			end++;
		if ((size_t)(end - p) == n && !memcmp(p, name, n))
			return 1;
		p = *end ? end + 1 : end;
	}
	return 0;
}

/*
 * The functions: defined symbols of type STT_FUNC or STT_NOTYPE, global or
 * weak, whose address is in an executable PT_LOAD; one per address (the
 * x86_64 vDSO exports clock_gettime and __vdso_clock_gettime at the same
 * one), named without the __vdso_ or __kernel_ prefix.  The sigreturn entries are left
 * out: nothing calls them, a signal handler returns into them, and they
 * never return themselves.
 */
static void list_functions(struct trace_space *s, const struct elf_image *img)
{
	static int said;        /* functions we cannot break in: told once */
	const char *why, *reason = 0, *first = 0;
	unsigned i, j, k, skipped = 0;

	s->nfuncs = 0;
	for (i = 1; i < img->nsyms; i++) {
		struct elf_sym sym;
		struct elf_segment seg;
		const char *name;
		uint64_t addr = 0;
		int in_text = 0;

		if (elf_symbol(img, i, &sym) < 0 || sym.shndx == 0 ||
		    (sym.type != STT_FUNC && sym.type != STT_NOTYPE) ||
		    (sym.bind != STB_GLOBAL && sym.bind != STB_WEAK))
			continue;
		for (j = 0; j < img->phnum && !in_text; j++)
			if (elf_segment(img, j, &seg) == 0 && seg.type == PT_LOAD &&
			    (seg.flags & 1)   /* PF_X */ && sym.value >= seg.vaddr &&
			    sym.value - seg.vaddr < seg.filesz) {
				in_text = 1;
				addr = s->vdso + seg.offset + (sym.value - seg.vaddr);
			}
		if (!in_text || addr - s->vdso >= s->vdso_size)
			continue;
		name = sym.name;
		if (!strncmp(name, "__vdso_", 7))
			name += 7;
		else if (!strncmp(name, "__kernel_", 9) && kind_of(name) == FN_OTHER)
			name += 9;      /* arm64's __kernel_clock_gettime; not the i386 gate */
		if (strlen(name) >= TRACE_NAME || contains(name, "sigreturn"))
			continue;
		if ((why = arch_trace_cannot_break(sym.value))) {
			if (!skipped++) {
				first = name;
				reason = why;
			}
			continue;
		}
		for (k = 0; k < s->nfuncs && s->funcs[k].addr != addr; k++)
			;
		if (k < s->nfuncs) {            /* an alias: keep the shorter name */
			if (strlen(name) < strlen(s->funcs[k].name))
				memcpy(s->funcs[k].name, name, strlen(name) + 1);
			continue;
		}
		if (s->nfuncs == TRACE_FUNCS)
			break;
		s->funcs[k].addr = addr;
		memcpy(s->funcs[k].name, name, strlen(name) + 1);
		s->nfuncs++;
	}
	for (k = 0; k < s->nfuncs; k++)
		s->funcs[k].kind = kind_of(s->funcs[k].name);
	if (skipped && !said++)
		out_printf(&out_stderr, "vdso: trace: vDSO: %u functions not traced: %s (%s%s)\n",
			   skipped, reason, first, skipped > 1 ? ", ..." : "");
}

long trace_image(struct trace_space *s, int tid, const struct arch_regs *regs,
		 const char **why)
{
	const struct trace_tracee *tt;
	struct elf_image img;
	uint64_t ehdr = 0, page = 0;
	size_t size;
	unsigned k;
	long r;
	int e;

	tt = s->tracee;
	r = auxv_from_proc(tid, tt, &ehdr, &page);
	if (r < 0 && regs)
		r = auxv_from_stack(tid, tt, arch_regs_sp(regs), &ehdr, &page);
	if (r < 0) {
		*why = "its auxiliary vector cannot be read (no /proc, and not at an exec)";
		return 1;
	}
	if (!ehdr) {
		*why = "its auxiliary vector has no AT_SYSINFO_EHDR";
		return 1;
	}
	if (page < 4096 || page > IMAGE_MAX || (page & (page - 1)))
		page = 4096;
	if (ehdr & (page - 1)) {
		*why = "AT_SYSINFO_EHDR is not page-aligned";
		return 1;
	}
	/* The headers, in the first page; then the size they give. */
	if (trace_read(tid, ehdr, image, page) < 0) {
		*why = "AT_SYSINFO_EHDR points at no readable page";
		return 1;
	}
	size = elf_extent(image, page, page);
	if (size == 0 || size > IMAGE_MAX) {
		*why = size ? "its headers claim more than 256 KiB" :
			"its ELF header or program headers are not sane";
		return 1;
	}
	if (trace_read(tid, ehdr + page, image + page, size - page) < 0) {
		*why = "its headers claim more pages than can be read";
		return 1;
	}
	if ((e = elf_open(&img, image, size,
			  ELF_ACCEPT(tt->elf_class, tt->machine))) < 0) {
		*why = elf_strerror(e);
		return 1;
	}
	s->vdso = ehdr;
	s->vdso_size = size;
	list_functions(s, &img);
	for (k = 0; k < s->nfuncs; k++)
		if (wanted(s->funcs[k].name))
			trace_break_set(s, tid, s->funcs[k].addr, (int)k);
	return 0;
}
