/*
 * tests/reader/harness.c - the ELF reader (elf/) in a hosted program, for
 * tests/20-reader.t.  It prints what the reader finds in a form the test
 * can also make from readelf's output, and it makes the images the test
 * needs: corrupted copies, a copy relocated the way QEMU relocates its
 * vDSO, and a dump of this process's own vDSO.
 *
 *   harness [-n] syms FILE          every dynamic symbol, one a line:
 *                                   index value size type bind vis ndx name[@[@]ver]
 *   harness [-n] lookup FILE NAME [VERSION]
 *   harness [-n] lookups FILE       the same for each "NAME [VERSION]" line of stdin
 *   harness [-n] verdefs FILE       index flags count name vd_hash
 *   harness [-n] info FILE          what elf_read_open found
 *   harness addrs FILE              name and addr - image start, defined symbols
 *   harness extent FILE             elf_extent of the file's first page
 *   harness glibc-reloc FILE        syms, after relocating d_ptr entries in memory
 *                                   as glibc does to the libraries it loads
 *   harness glibc-near FILE DELTA   the same, with the copy at its link address + DELTA
 *   harness qemu-reloc IN OUT DELTA write IN as QEMU relocates its vDSO (at DELTA)
 *   harness corrupt KIND IN OUT     write a broken copy of IN
 *   harness live                    syms of this process's vDSO
 *   harness live-dump OUT           write this process's vDSO to OUT
 *   harness live-dlvsym             elf_lookup against dlvsym, every versioned function
 *   harness dlopen FILE             dlopen a one-PT_LOAD image, then elf_lookup
 *                                   against dlvsym on the loaded (glibc-relocated) image
 *
 * -n opens without ELF_ACCEPT_ANY: only this build's class and machine.
 * Exit status: 0 done, 1 the reader refused the image (the message says
 * why and names the error: "[EHASH]"), 2 usage, 3 nothing to test here
 * (no vDSO), 4 a comparison failed.
 *
 * Image files are read into a buffer that starts at an odd address and
 * ends exactly at the image's end, so that AddressSanitizer sees any read
 * past it and UBSan any misaligned access.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf/readelf.h"

/* What the live vDSO of this build must be (the runtime takes it from
 * arch/<arch>/arch.h): ELFCLASS64 EM_X86_64, or ELFCLASS32 EM_386. */
#define NATIVE ELF_ACCEPT(sizeof(void *) == 8 ? 64 : 32, sizeof(void *) == 8 ? 62 : 3)

static const char *prog = "harness";
static struct elf_accept open_accept = { 0, 0 };     /* ELF_ACCEPT_ANY */

static void die(int status, const char *what, int err)
{
	fprintf(stderr, "%s: %s: %s [%s]\n", prog, what, elf_strerror(err),
		elf_error_name(err));
	exit(status);
}

static void fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

/* ---- files ---- */

struct file {
	unsigned char *base;    /* from malloc */
	unsigned char *bytes;   /* base + 1: an odd address */
	size_t size;
};

static void load(const char *path, struct file *f)
{
	FILE *in = fopen(path, "rb");
	long n;

	if (in == NULL || fseek(in, 0, SEEK_END) != 0 || (n = ftell(in)) < 0 ||
	    fseek(in, 0, SEEK_SET) != 0)
		fail("cannot read %s", path);
	f->size = (size_t)n;
	f->base = malloc(f->size + 1);
	if (f->base == NULL)
		fail("out of memory for %s", path);
	f->bytes = f->base + 1;
	if (fread(f->bytes, 1, f->size, in) != f->size)
		fail("cannot read %s", path);
	fclose(in);
}

static void save(const char *path, const void *bytes, size_t size)
{
	FILE *out = fopen(path, "wb");

	if (out == NULL || fwrite(bytes, 1, size, out) != size || fclose(out) != 0)
		fail("cannot write %s", path);
}

static void open_image(struct elf_image *img, const void *bytes, size_t size,
		       const char *what)
{
	int err = elf_read_open(img, bytes, size, open_accept, 0);

	if (err < 0)
		die(1, what, err);
}

/* ---- printing, in readelf's words ---- */

static const char *type_name(unsigned t)
{
	static const char *const names[] = {
		"NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE", "COMMON", "TLS",
	};
	static char buf[16];

	if (t < sizeof(names) / sizeof(names[0]))
		return names[t];
	if (t == 10)
		return "IFUNC";
	snprintf(buf, sizeof(buf), "<%u>", t);
	return buf;
}

static const char *bind_name(unsigned b)
{
	static const char *const names[] = { "LOCAL", "GLOBAL", "WEAK" };
	static char buf[16];

	if (b < 3)
		return names[b];
	if (b == 10)
		return "UNIQUE";
	snprintf(buf, sizeof(buf), "<%u>", b);
	return buf;
}

static const char *vis_name(unsigned v)
{
	static const char *const names[] = { "DEFAULT", "INTERNAL", "HIDDEN", "PROTECTED" };

	return names[v & 3];
}

static const char *ndx_name(unsigned ndx)
{
	static char buf[16];

	if (ndx == SHN_UNDEF)
		return "UND";
	if (ndx == SHN_ABS)
		return "ABS";
	if (ndx == SHN_COMMON)
		return "COM";
	snprintf(buf, sizeof(buf), "%u", ndx);
	return buf;
}

/* name, name@ver (hidden version) or name@@ver (default version) */
static void print_name(const struct elf_sym *s)
{
	fputs(s->name, stdout);
	if (s->version)
		printf("%s%s", s->version_hidden ? "@" : "@@", s->version);
}

static void print_syms(const struct elf_image *img, const char *what)
{
	struct elf_sym s;
	unsigned i;
	int err;

	for (i = 0; i < img->nsyms; i++) {
		if ((err = elf_symbol(img, i, &s)) < 0)
			die(1, what, err);
		printf("%u %llx %llu %s %s %s %s ", s.index,
		       (unsigned long long)s.value, (unsigned long long)s.size,
		       type_name(s.type), bind_name(s.bind),
		       vis_name(s.visibility), ndx_name(s.shndx));
		print_name(&s);
		putchar('\n');
	}
}

/* One query: "NAME VERSION -> VALUE name@@ver" or "... -> not found";
 * VERSION "-" for none.  A broken image ends the program. */
static void print_lookup(const struct elf_image *img, const char *name,
			 const char *version, const char *what)
{
	struct elf_sym s;
	int err = elf_lookup(img, name, version, &s);

	printf("%s %s -> ", name, version ? version : "-");
	if (err == -ELF_ENOTFOUND) {
		puts("not found");
		return;
	}
	if (err < 0) {
		fflush(stdout);
		die(1, what, err);
	}
	printf("%llx ", (unsigned long long)s.value);
	print_name(&s);
	putchar('\n');
}

static void print_verdefs(const struct elf_image *img, const char *what)
{
	struct elf_verdef v;
	unsigned i;
	int err;

	for (i = 0; i < img->verdefnum; i++) {
		if ((err = elf_verdef(img, i, &v)) < 0)
			die(1, what, err);
		printf("%u %u %u %s %x\n", v.index, v.flags, v.count, v.name,
		       (unsigned)v.hash);
	}
}

/* ---- commands on files ---- */

static int cmd_syms(const char *path)
{
	struct file f;
	struct elf_image img;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	print_syms(&img, path);
	return 0;
}

static int cmd_lookup(const char *path, const char *name, const char *version)
{
	struct file f;
	struct elf_image img;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	print_lookup(&img, name, version, path);
	return 0;
}

static int cmd_lookups(const char *path)
{
	struct file f;
	struct elf_image img;
	char line[512], name[256], version[256];
	int n;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	while (fgets(line, sizeof(line), stdin)) {
		n = sscanf(line, "%255s %255s", name, version);
		if (n < 1)
			continue;
		print_lookup(&img, name, n == 2 && strcmp(version, "-") ? version : NULL, path);
	}
	return 0;
}

static int cmd_verdefs(const char *path)
{
	struct file f;
	struct elf_image img;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	print_verdefs(&img, path);
	return 0;
}

static int cmd_info(const char *path)
{
	struct file f;
	struct elf_image img;
	const char *soname;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	soname = elf_soname(&img);
	printf("class %d\nmachine %u\nnsyms %u\nsoname %s\nhash %s\ngnu_hash %s\n"
	       "versym %s\nverdefnum %u\nrelocated %u\nload_vaddr %llx\n",
	       img.elf_class, img.machine, img.nsyms, soname ? soname : "-",
	       img.hash ? "yes" : "no", img.gnu_hash ? "yes" : "no",
	       img.versym ? "yes" : "no", img.verdefnum, img.relocated,
	       (unsigned long long)img.load_vaddr);
	return 0;
}

/* Where each defined symbol is, relative to the image's first byte. */
static int cmd_addrs(const char *path)
{
	struct file f;
	struct elf_image img;
	struct elf_sym s;
	unsigned i;
	int err;

	load(path, &f);
	open_image(&img, f.bytes, f.size, path);
	for (i = 0; i < img.nsyms; i++) {
		if ((err = elf_symbol(&img, i, &s)) < 0)
			die(1, path, err);
		if (s.shndx != SHN_UNDEF && s.shndx < SHN_LORESERVE)
			printf("%s %lx\n", s.name,
			       (unsigned long)(s.addr - (uintptr_t)f.bytes));
	}
	return 0;
}

static int cmd_extent(const char *path)
{
	struct file f;
	size_t first;

	load(path, &f);
	first = f.size < 4096 ? f.size : 4096;
	printf("%zu\n", elf_extent(f.bytes, first, 4096));
	return 0;
}

/* ---- ELF editing, for both classes, through <elf.h> ---- */

/* The harness edits images with the system's <elf.h> and its own code,
 * not the reader's: the reader is what is being tested. */
struct elf {
	unsigned char *b;
	size_t size;
	int is64;
};

#define OFF(e, T, f) ((e)->is64 ? offsetof(Elf64_##T, f) : offsetof(Elf32_##T, f))
#define SIZE(e, T) ((e)->is64 ? sizeof(Elf64_##T) : sizeof(Elf32_##T))

static uint64_t rd(const struct elf *e, size_t off, size_t n)
{
	uint64_t v = 0;

	if (off > e->size || n > e->size - off)
		fail("edit: offset out of range%s", "");
	memcpy(&v, e->b + off, n);      /* x86: little-endian, like the image */
	return v;
}

static void wr(struct elf *e, size_t off, size_t n, uint64_t v)
{
	if (off > e->size || n > e->size - off)
		fail("edit: offset out of range%s", "");
	memcpy(e->b + off, &v, n);
}

/* Words that are 32 bits in ELF32 and 64 in ELF64. */
static size_t wsize(const struct elf *e)
{
	return e->is64 ? 8 : 4;
}

#define EH(e, f) OFF(e, Ehdr, f)

static void elf_init(struct elf *e, unsigned char *b, size_t size)
{
	e->b = b;
	e->size = size;
	if (size < EI_NIDENT || memcmp(b, ELFMAG, SELFMAG) != 0)
		fail("edit: not an ELF file%s", "");
	e->is64 = b[EI_CLASS] == ELFCLASS64;
}

static size_t phdr_at(const struct elf *e, unsigned i)
{
	return rd(e, EH(e, e_phoff), wsize(e)) + i * SIZE(e, Phdr);
}

static unsigned phnum(const struct elf *e)
{
	return rd(e, EH(e, e_phnum), 2);
}

static uint64_t ph(const struct elf *e, unsigned i, size_t field_off, size_t n)
{
	return rd(e, phdr_at(e, i) + field_off, n);
}

/* Offset of the program header of the first segment of this type. */
static int find_phdr(const struct elf *e, unsigned type, size_t *at)
{
	unsigned i;

	for (i = 0; i < phnum(e); i++)
		if (ph(e, i, OFF(e, Phdr, p_type), 4) == type) {
			*at = phdr_at(e, i);
			return 1;
		}
	return 0;
}

/* The dynamic table: its offset and entry count (up to its end). */
static void dynamic(const struct elf *e, size_t *off, size_t *n)
{
	size_t at;

	if (!find_phdr(e, PT_DYNAMIC, &at))
		fail("edit: no PT_DYNAMIC%s", "");
	*off = rd(e, at + OFF(e, Phdr, p_offset), wsize(e));
	*n = rd(e, at + OFF(e, Phdr, p_filesz), wsize(e)) / SIZE(e, Dyn);
}

/* The offset of the d_val of the first entry with this tag, or 0. */
static size_t dyn_entry(const struct elf *e, int64_t tag)
{
	size_t off, n, i, at;

	dynamic(e, &off, &n);
	for (i = 0; i < n; i++) {
		at = off + i * SIZE(e, Dyn);
		if ((int64_t)rd(e, at, wsize(e)) == tag)
			return at + wsize(e);
		if (rd(e, at, wsize(e)) == DT_NULL)
			break;
	}
	return 0;
}

static void set_tag(struct elf *e, int64_t from, int64_t to)
{
	size_t at = dyn_entry(e, from);

	if (at)
		wr(e, at - wsize(e), wsize(e), (uint64_t)to);
}

/* The offset and size of the first section of this type; 0 if none. */
static size_t section(const struct elf *e, unsigned type, size_t *size)
{
	size_t shoff = rd(e, EH(e, e_shoff), wsize(e));
	unsigned i, shnum = rd(e, EH(e, e_shnum), 2);

	for (i = 0; i < shnum; i++) {
		size_t at = shoff + i * SIZE(e, Shdr);

		if (rd(e, at + OFF(e, Shdr, sh_type), 4) == type) {
			if (size)
				*size = rd(e, at + OFF(e, Shdr, sh_size), wsize(e));
			return rd(e, at + OFF(e, Shdr, sh_offset), wsize(e));
		}
	}
	return 0;
}

static int is_address_tag(int64_t tag)
{
	return tag == DT_HASH || tag == DT_STRTAB || tag == DT_SYMTAB ||
	       tag == DT_VERDEF || tag == DT_VERSYM || tag == DT_PLTGOT ||
	       (tag >= DT_ADDRRNGLO && tag <= DT_ADDRRNGHI);
}

/*
 * What QEMU's linux-user does to its vDSO before mapping it at 'delta':
 * add delta to p_vaddr and p_paddr of every program header, to every
 * address-valued dynamic entry and to every dynamic symbol's st_value.
 */
static void qemu_relocate(struct elf *e, uint64_t delta)
{
	size_t off, n, i, at, sym, symsize;
	unsigned p;

	for (p = 0; p < phnum(e); p++) {
		at = phdr_at(e, p);
		wr(e, at + OFF(e, Phdr, p_vaddr), wsize(e),
		   rd(e, at + OFF(e, Phdr, p_vaddr), wsize(e)) + delta);
		wr(e, at + OFF(e, Phdr, p_paddr), wsize(e),
		   rd(e, at + OFF(e, Phdr, p_paddr), wsize(e)) + delta);
	}
	dynamic(e, &off, &n);
	for (i = 0; i < n; i++) {
		at = off + i * SIZE(e, Dyn);
		if (is_address_tag((int64_t)rd(e, at, wsize(e))))
			wr(e, at + wsize(e), wsize(e), rd(e, at + wsize(e), wsize(e)) + delta);
	}
	sym = section(e, SHT_DYNSYM, &symsize);
	for (i = 0; sym && i < symsize / SIZE(e, Sym); i++) {
		at = sym + i * SIZE(e, Sym) + OFF(e, Sym, st_value);
		wr(e, at, wsize(e), rd(e, at, wsize(e)) + delta);
	}
}

/*
 * What glibc's loader does to the dynamic table of a library whose
 * PT_DYNAMIC is writable: add the load bias to the d_ptr of DT_HASH,
 * DT_STRTAB, DT_SYMTAB, DT_VERSYM, DT_GNU_HASH (and the relocation
 * tables), but not DT_VERDEF.  bias is where the image "is": its first
 * byte's address minus the first PT_LOAD's p_vaddr - p_offset.
 */
static unsigned glibc_relocate(struct elf *e, uint64_t bias)
{
	static const int64_t tags[] = { DT_HASH, DT_STRTAB, DT_SYMTAB, DT_VERSYM, DT_GNU_HASH };
	unsigned i, n = 0;
	size_t at;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if ((at = dyn_entry(e, tags[i])) != 0) {
			wr(e, at, wsize(e), rd(e, at, wsize(e)) + bias);
			n++;
		}
	return n;
}

static int cmd_glibc_reloc(const char *path)
{
	struct file f;
	struct elf e;
	struct elf_image img;
	size_t first;
	unsigned n;
	uint64_t bias;

	load(path, &f);
	elf_init(&e, f.bytes, f.size);
	if (e.is64 != (sizeof(void *) == 8))
		fail("glibc-reloc: %s is not of this process's class", path);
	if (!find_phdr(&e, PT_LOAD, &first))
		fail("glibc-reloc: no PT_LOAD in %s", path);
	bias = (uintptr_t)f.bytes + rd(&e, first + OFF(&e, Phdr, p_offset), wsize(&e)) -
	       rd(&e, first + OFF(&e, Phdr, p_vaddr), wsize(&e));
	n = glibc_relocate(&e, bias);
	open_image(&img, f.bytes, f.size, path);
	fprintf(stderr, "relocated %u of %u\n", img.relocated, n);
	print_syms(&img, path);
	return 0;
}

/*
 * The hard case of glibc's relocation: an image mapped within its own size
 * of its link address, so that both readings of a d_ptr land inside it.
 * The copy is placed at its link address + delta (bias = delta), relocated
 * as glibc would, and read there.  Exit 3 if that address cannot be mapped.
 */
static int cmd_glibc_near(const char *path, const char *delta_s)
{
	struct file f;
	struct elf e;
	struct elf_image img;
	size_t first, len;
	uintptr_t want, page;
	long long delta = strtoll(delta_s, NULL, 0);
	unsigned n;
	void *m;

	load(path, &f);
	elf_init(&e, f.bytes, f.size);
	if (e.is64 != (sizeof(void *) == 8))
		fail("glibc-near: %s is not of this process's class", path);
	if (!find_phdr(&e, PT_LOAD, &first))
		fail("glibc-near: no PT_LOAD in %s", path);
	want = (uintptr_t)(rd(&e, first + OFF(&e, Phdr, p_vaddr), wsize(&e)) -
			   rd(&e, first + OFF(&e, Phdr, p_offset), wsize(&e)) + delta);
	page = want & ~(uintptr_t)0xfff;
	len = (want - page + f.size + 0xfff) & ~(size_t)0xfff;
	m = mmap((void *)page, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (m != (void *)page) {
		fprintf(stderr, "%s: glibc-near: cannot map %#lx here\n", prog, (unsigned long)page);
		return 3;
	}
	memcpy((void *)want, f.bytes, f.size);
	elf_init(&e, (unsigned char *)want, f.size);
	n = glibc_relocate(&e, (uint64_t)delta);
	open_image(&img, (const void *)want, f.size, path);
	fprintf(stderr, "relocated %u of %u\n", img.relocated, n);
	print_syms(&img, path);
	return 0;
}

static int cmd_qemu_reloc(const char *in, const char *out, const char *delta)
{
	struct file f;
	struct elf e;

	load(in, &f);
	elf_init(&e, f.bytes, f.size);
	qemu_relocate(&e, strtoull(delta, NULL, 0));
	save(out, f.bytes, f.size);
	return 0;
}

/* ---- corruptions ---- */

/* Write the 32-bit word at index i of the section of this type. */
static int poke_section(struct elf *e, unsigned type, size_t i, uint32_t v)
{
	size_t size, off = section(e, type, &size);

	if (off == 0 || (i + 1) * 4 > size)
		return 0;
	wr(e, off + i * 4, 4, v);
	return 1;
}

static void set_dyn(struct elf *e, int64_t tag, uint64_t v)
{
	size_t at = dyn_entry(e, tag);

	if (at == 0)
		fail("corrupt: the image has no such dynamic entry%s", "");
	wr(e, at, wsize(e), v);
}

/* The verdef entries: offsets of the first and the last. */
static void verdef_ends(struct elf *e, size_t *first, size_t *last)
{
	size_t off = section(e, SHT_GNU_verdef, NULL), next;

	if (off == 0)
		fail("corrupt: no version definitions%s", "");
	*first = off;
	while ((next = rd(e, off + offsetof(Elf32_Verdef, vd_next), 4)) != 0)
		off += next;
	*last = off;
}

static int corrupt(struct elf *e, const char *kind, size_t *size)
{
	size_t a, b, n, i;
	size_t ws = wsize(e);

	if (!strcmp(kind, "truncate-40"))
		*size = 40;
	else if (!strcmp(kind, "truncate-half"))
		*size /= 2;
	else if (!strcmp(kind, "magic"))
		e->b[1] = 'X';
	else if (!strcmp(kind, "class"))
		e->b[EI_CLASS] = 7;
	else if (!strcmp(kind, "big-endian"))  /* read, so every field in the other order */
		e->b[EI_DATA] = ELFDATA2MSB;
	else if (!strcmp(kind, "data"))        /* no byte order at all */
		e->b[EI_DATA] = 3;
	else if (!strcmp(kind, "type"))
		wr(e, EH(e, e_type), 2, ET_EXEC);
	else if (!strcmp(kind, "phoff"))
		wr(e, EH(e, e_phoff), ws, e->size - 10);
	else if (!strcmp(kind, "phnum"))
		wr(e, EH(e, e_phnum), 2, 0x7fff);
	else if (!strcmp(kind, "phentsize"))
		wr(e, EH(e, e_phentsize), 2, 12);
	else if (!strcmp(kind, "load-past-end")) {
		find_phdr(e, PT_LOAD, &a);
		wr(e, a + OFF(e, Phdr, p_filesz), ws, e->size * 2);
		wr(e, a + OFF(e, Phdr, p_memsz), ws, e->size * 2);
	} else if (!strcmp(kind, "dynamic-past-end")) {
		find_phdr(e, PT_DYNAMIC, &a);
		wr(e, a + OFF(e, Phdr, p_filesz), ws, e->size);
	} else if (!strcmp(kind, "dynamic-zero")) {
		dynamic(e, &a, &n);
		memset(e->b + a, 0, n * SIZE(e, Dyn));
	} else if (!strcmp(kind, "dynamic-no-null")) {
		dynamic(e, &a, &n);
		for (i = 0; i < n; i++)
			if (rd(e, a + i * SIZE(e, Dyn), ws) == DT_NULL)
				wr(e, a + i * SIZE(e, Dyn), ws, DT_DEBUG);
	} else if (!strcmp(kind, "strtab-outside"))
		set_dyn(e, DT_STRTAB, 0x7ffffff0);
	else if (!strcmp(kind, "strsz-huge"))
		set_dyn(e, DT_STRSZ, e->size + 1);
	else if (!strcmp(kind, "strtab-unterminated")) {
		size_t off = section(e, SHT_STRTAB, &n);  /* .dynstr comes first */
		e->b[off + n - 1] = 'x';
	} else if (!strcmp(kind, "syment"))
		set_dyn(e, DT_SYMENT, 7);
	else if (!strcmp(kind, "versym-outside"))
		set_dyn(e, DT_VERSYM, 0x7ffffff0);
	else if (!strcmp(kind, "stname-outside")) {
		size_t sym = section(e, SHT_DYNSYM, NULL);
		wr(e, sym + SIZE(e, Sym) + OFF(e, Sym, st_name), 4, 0x7fffffff);
	} else if (!strcmp(kind, "hash-nbucket-huge")) {
		if (!poke_section(e, SHT_HASH, 0, 0x7fffffff))
			return 0;
	} else if (!strcmp(kind, "hash-nbucket-zero")) {
		if (!poke_section(e, SHT_HASH, 0, 0))
			return 0;
	} else if (!strcmp(kind, "hash-chain-loop")) {
		/* every bucket leads to symbol 1, and symbol 1 to itself */
		size_t off = section(e, SHT_HASH, NULL);
		uint32_t nbucket;
		if (off == 0)
			return 0;
		nbucket = rd(e, off, 4);
		for (i = 0; i < nbucket; i++)
			wr(e, off + 8 + i * 4, 4, 1);
		wr(e, off + 8 + nbucket * 4 + 4, 4, 1);
	} else if (!strcmp(kind, "gnu-nbuckets-huge")) {
		if (!poke_section(e, SHT_GNU_HASH, 0, 0x7fffffff))
			return 0;
	} else if (!strcmp(kind, "gnu-bloom-shift")) {
		if (!poke_section(e, SHT_GNU_HASH, 3, 77))
			return 0;
	} else if (!strcmp(kind, "gnu-bloom-size")) {
		if (!poke_section(e, SHT_GNU_HASH, 2, 3))
			return 0;
	} else if (!strcmp(kind, "gnu-bucket-past")) {
		if (!poke_section(e, SHT_GNU_HASH, 4 + rd(e, section(e, SHT_GNU_HASH, NULL) + 8, 4) *
				  (ws / 4), 0xfffffff0))
			return 0;
	} else if (!strcmp(kind, "verdef-loop")) {
		/* the last entry's vd_next leads back to the first, in 32-bit
		 * arithmetic, and DT_VERDEFNUM asks for one more entry */
		verdef_ends(e, &a, &b);
		wr(e, b + offsetof(Elf32_Verdef, vd_next), 4, (uint32_t)(a - b));
		set_dyn(e, DT_VERDEFNUM, rd(e, dyn_entry(e, DT_VERDEFNUM), ws) + 1);
	} else if (!strcmp(kind, "verdef-short"))
		set_dyn(e, DT_VERDEFNUM, rd(e, dyn_entry(e, DT_VERDEFNUM), ws) + 1);
	else if (!strcmp(kind, "verdefnum-huge"))
		set_dyn(e, DT_VERDEFNUM, 0xffffffff);
	else if (!strcmp(kind, "verdef-version")) {
		verdef_ends(e, &a, &b);
		wr(e, b + offsetof(Elf32_Verdef, vd_version), 2, 2);
	} else if (!strcmp(kind, "verdef-aux-outside")) {
		verdef_ends(e, &a, &b);
		wr(e, b + offsetof(Elf32_Verdef, vd_aux), 4, 0x7fffffff);
	} else if (!strcmp(kind, "no-gnu-hash"))
		set_tag(e, DT_GNU_HASH, DT_DEBUG);
	else if (!strcmp(kind, "no-hash")) {
		set_tag(e, DT_HASH, DT_DEBUG);
		set_tag(e, DT_GNU_HASH, DT_DEBUG);
	} else if (!strcmp(kind, "no-hash-no-shdr")) {
		set_tag(e, DT_HASH, DT_DEBUG);
		set_tag(e, DT_GNU_HASH, DT_DEBUG);
		wr(e, EH(e, e_shnum), 2, 0);
	} else
		fail("corrupt: unknown kind %s", kind);
	return 1;
}

static int cmd_corrupt(const char *kind, const char *in, const char *out)
{
	struct file f;
	struct elf e;
	size_t size;

	load(in, &f);
	elf_init(&e, f.bytes, f.size);
	size = f.size;
	if (!corrupt(&e, kind, &size)) {
		fprintf(stderr, "%s: corrupt %s: nothing to corrupt in %s\n", prog, kind, in);
		return 3;
	}
	save(out, f.bytes, size);
	return 0;
}

/* ---- the live vDSO ---- */

static int vdso_find(struct elf_image *img)
{
	const void *ehdr = (const void *)getauxval(AT_SYSINFO_EHDR);
	size_t page = getauxval(AT_PAGESZ), size;
	int err;

	if (ehdr == NULL) {
		fprintf(stderr, "%s: no vDSO here (no AT_SYSINFO_EHDR)\n", prog);
		exit(3);
	}
	if (page == 0)
		page = 4096;
	size = elf_extent(ehdr, page, page);
	if (size == 0) {
		fprintf(stderr, "%s: elf_extent: the vDSO's headers are not sane\n", prog);
		exit(1);
	}
	/* flags 0: the live vDSO must be of this build's class and machine */
	if ((err = elf_read_open(img, ehdr, size, NATIVE, 0)) < 0)
		die(1, "live vDSO", err);
	return 0;
}

static int cmd_live(void)
{
	struct elf_image img;

	vdso_find(&img);
	print_syms(&img, "live vDSO");
	return 0;
}

static int cmd_live_dump(const char *out)
{
	struct elf_image img;

	vdso_find(&img);
	save(out, img.bytes, img.size);
	return 0;
}

static int is_callable(const struct elf_sym *s)
{
	return s->shndx != SHN_UNDEF && (s->type == STT_FUNC || s->type == STT_NOTYPE) &&
	       (s->bind == STB_GLOBAL || s->bind == STB_WEAK);
}

/*
 * For each callable symbol of img: elf_lookup's address against glibc's
 * dlvsym (versioned) and dlsym (unversioned) on handle h.  Prints one line
 * a symbol; returns the number of mismatches.
 */
static int compare_with_dl(const struct elf_image *img, void *h, const char *what)
{
	struct elf_sym s, found;
	unsigned i;
	int err, bad = 0, n = 0;

	for (i = 0; i < img->nsyms; i++) {
		void *theirs;

		if ((err = elf_symbol(img, i, &s)) < 0)
			die(1, what, err);
		if (!is_callable(&s))
			continue;
		if ((err = elf_lookup(img, s.name, s.version, &found)) < 0)
			die(1, what, err);
		theirs = s.version ? dlvsym(h, s.name, s.version) : dlsym(h, s.name);
		printf("%s%s%s ours %#lx dl %#lx %s\n", s.name, s.version ? "@" : "",
		       s.version ? s.version : "", (unsigned long)found.addr,
		       (unsigned long)(uintptr_t)theirs,
		       (uintptr_t)theirs == found.addr ? "same" : "DIFFERENT");
		bad += (uintptr_t)theirs != found.addr;
		n++;
	}
	if (n == 0) {
		fprintf(stderr, "%s: %s: no callable symbols to compare\n", prog, what);
		return 1;
	}
	return bad;
}

static int cmd_live_dlvsym(void)
{
	struct elf_image img;
	void *h;

	vdso_find(&img);
	/* glibc registers the vDSO as a loaded object under its soname */
	h = dlopen("linux-vdso.so.1", RTLD_LAZY | RTLD_NOLOAD);
	if (h == NULL) {
		fprintf(stderr, "%s: dlopen(linux-vdso.so.1, RTLD_NOLOAD): %s\n", prog, dlerror());
		return 3;
	}
	return compare_with_dl(&img, h, "live vDSO") ? 4 : 0;
}

struct find_obj {
	uintptr_t addr;         /* l_addr of the object sought */
	const ElfW(Phdr) *phdr;
	unsigned phnum;
};

static int find_obj(struct dl_phdr_info *info, size_t size, void *data)
{
	struct find_obj *f = data;

	(void)size;
	if (info->dlpi_addr != f->addr || info->dlpi_phnum == 0)
		return 0;
	f->phdr = info->dlpi_phdr;
	f->phnum = info->dlpi_phnum;
	return 1;
}

/*
 * glibc asks the kernel for an image's link address, and gets it when it
 * is free: then the load bias is 0 and there is nothing to relocate.  Take
 * that address first (PROT_NONE), so that the image lands elsewhere.
 */
static void occupy_link_address(const char *path)
{
	struct file f;
	struct elf e;
	size_t first;
	uint64_t vaddr;

	load(path, &f);
	elf_init(&e, f.bytes, f.size);
	if (find_phdr(&e, PT_LOAD, &first)) {
		vaddr = rd(&e, first + OFF(&e, Phdr, p_vaddr), wsize(&e)) & ~(uint64_t)0xfff;
		if (vaddr != 0)
			mmap((void *)(uintptr_t)vaddr, 1 << 20, PROT_NONE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	}
	free(f.base);
}

/*
 * Load a one-PT_LOAD image with glibc and read it where it was mapped.
 * With a writable PT_DYNAMIC, glibc relocates the dynamic table in place,
 * so the reader meets run-time addresses in d_ptr entries.
 */
static int cmd_dlopen(const char *path)
{
	struct link_map *lm;
	struct find_obj fo = { 0, NULL, 0 };
	struct elf_image img;
	const ElfW(Phdr) *load = NULL;
	unsigned i, loads = 0;
	void *h;
	int err;

	occupy_link_address(path);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		fail("dlopen: %s", dlerror());
	if (dlinfo(h, RTLD_DI_LINKMAP, &lm) != 0)
		fail("dlinfo: %s", dlerror());
	fo.addr = lm->l_addr;
	if (!dl_iterate_phdr(find_obj, &fo))
		fail("dl_iterate_phdr: %s not found", path);
	for (i = 0; i < fo.phnum; i++)
		if (fo.phdr[i].p_type == PT_LOAD) {
			loads++;
			load = &fo.phdr[i];
		}
	/* the reader reads file offsets: only one PT_LOAD from offset 0 has
	 * the file's layout in memory */
	if (loads != 1 || load->p_offset != 0)
		fail("dlopen: %s must have one PT_LOAD, at offset 0", path);
	err = elf_read_open(&img, (const void *)(fo.addr + load->p_vaddr), load->p_filesz, NATIVE, 0);
	if (err < 0)
		die(1, path, err);
	printf("relocated %u\n", img.relocated);
	return compare_with_dl(&img, h, path) ? 4 : 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: %s [-n] syms|lookups|verdefs|info|addrs|extent FILE\n"
		"       %s [-n] lookup FILE NAME [VERSION]\n"
		"       %s glibc-reloc FILE | glibc-near FILE DELTA | dlopen FILE\n"
		"       %s qemu-reloc IN OUT DELTA | corrupt KIND IN OUT\n"
		"       %s live | live-dump OUT | live-dlvsym\n",
		prog, prog, prog, prog, prog);
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		open_accept = NATIVE;
		argv++;
		argc--;
	}
	if (argc < 2)
		return usage();
	cmd = argv[1];
	if (argc == 3 && !strcmp(cmd, "syms"))
		return cmd_syms(argv[2]);
	if ((argc == 4 || argc == 5) && !strcmp(cmd, "lookup"))
		return cmd_lookup(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (argc == 3 && !strcmp(cmd, "lookups"))
		return cmd_lookups(argv[2]);
	if (argc == 3 && !strcmp(cmd, "verdefs"))
		return cmd_verdefs(argv[2]);
	if (argc == 3 && !strcmp(cmd, "info"))
		return cmd_info(argv[2]);
	if (argc == 3 && !strcmp(cmd, "addrs"))
		return cmd_addrs(argv[2]);
	if (argc == 3 && !strcmp(cmd, "extent"))
		return cmd_extent(argv[2]);
	if (argc == 3 && !strcmp(cmd, "glibc-reloc"))
		return cmd_glibc_reloc(argv[2]);
	if (argc == 4 && !strcmp(cmd, "glibc-near"))
		return cmd_glibc_near(argv[2], argv[3]);
	if (argc == 5 && !strcmp(cmd, "qemu-reloc"))
		return cmd_qemu_reloc(argv[2], argv[3], argv[4]);
	if (argc == 5 && !strcmp(cmd, "corrupt"))
		return cmd_corrupt(argv[2], argv[3], argv[4]);
	if (argc == 2 && !strcmp(cmd, "live"))
		return cmd_live();
	if (argc == 3 && !strcmp(cmd, "live-dump"))
		return cmd_live_dump(argv[2]);
	if (argc == 2 && !strcmp(cmd, "live-dlvsym"))
		return cmd_live_dlvsym();
	if (argc == 3 && !strcmp(cmd, "dlopen"))
		return cmd_dlopen(argv[2]);
	return usage();
}
