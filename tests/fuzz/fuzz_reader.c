/*
 * tests/fuzz/fuzz_reader.c - arbitrary bytes into every entry point of the
 * ELF reader: its live core (elf/read.h) and the readelf layer
 * (elf/readelf.h).
 *
 * Two builds of this one file:
 *
 *   libFuzzer   clang -fsanitize=fuzzer,address,undefined   (tests/fuzz/run.sh)
 *   replay      cc -DFUZZ_REPLAY -fsanitize=address,undefined: a main that
 *               runs each file named on the command line once, for the
 *               regression corpus in `make test` (tests/60-robust.t)
 *
 * Each input is copied to a fixed, odd address (FUZZ_AT, below), where
 * AddressSanitizer reports a read one byte outside it and UBSan a
 * misaligned load.  Beyond the sanitizers the harness checks what the
 * reader promises (elf/read.h) and aborts if it breaks a promise: every
 * string it returns lies inside the bytes with its NUL, a lookup returns
 * the name asked for, an index past the end is refused with ELF_ERANGE,
 * a failed open leaves nothing to walk.
 */
#define _GNU_SOURCE     /* MAP_FIXED_NOREPLACE; alarm() in the replay */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sanitizer/asan_interface.h>   /* no-ops without AddressSanitizer */

#include "elf/readelf.h"

/* What the live vDSO of this build must be (the runtime takes it from
 * arch/<arch>/arch.h): ELFCLASS64 EM_X86_64, or ELFCLASS32 EM_386. */
#define NATIVE ELF_ACCEPT(sizeof(void *) == 8 ? 64 : 32, sizeof(void *) == 8 ? 62 : 3)

/* Walks over counts the image controls stop here: the reader bounds them
 * by the image's size already, and the fuzzer wants many runs a second. */
#define MAX_WALK 4096
/* Lookups by names taken from the image itself, per input. */
#define MAX_OWN_LOOKUPS 32

static const unsigned char *lo, *hi;    /* the input's bytes */

static void broken(const char *promise)
{
	fprintf(stderr, "fuzz_reader: the reader broke a promise: %s\n", promise);
	abort();
}

/*
 * A string the reader returned: inside the bytes, NUL included.  The scan
 * for the NUL is made for the first MAX_SCANS strings of an input only:
 * an image can name a million symbols with one string of megabytes, and
 * the reader answers that in constant time; the check should not take
 * hours either.
 */
#define MAX_SCANS 256
static unsigned scans;

static void check_string(const char *s, const char *what)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p < lo || p >= hi)
		broken(what);
	if (scans < MAX_SCANS) {
		scans++;
		if (memchr(p, 0, (size_t)(hi - p)) == NULL)
			broken(what);
	}
}

static const char *const names[] = {
	"__vdso_clock_gettime", "__vdso_gettimeofday", "__vdso_time",
	"__vdso_clock_getres", "__vdso_getcpu", "__vdso_getrandom",
	"__vdso_clock_gettime64", "__kernel_vsyscall", "__kernel_sigreturn",
	"clock_gettime", "gettimeofday", "time", "getcpu",
	"vdso_foo", "vdso_notype", "", "a", "no_such_symbol_at_all",
};

static const char *const versions[] = {
	NULL, "LINUX_2.6", "LINUX_2.5", "LINUX_2.6.39", "", "linux-vdso.so.1",
};

static void check_sym(const struct elf_image *img, const struct elf_sym *s)
{
	check_string(s->name, "a symbol's name lies in the image");
	if (s->version)
		check_string(s->version, "a symbol's version lies in the image");
	if (s->index >= img->nsyms)
		broken("a symbol's index is below nsyms");
}

static void lookup(const struct elf_image *img, const char *name, const char *version)
{
	struct elf_sym s;
	int err = elf_lookup(img, name, version, &s);

	if (err > 0 || err <= -ELF_NERRORS)
		broken("elf_lookup returns 0 or -ELF_E*");
	if (err < 0)
		return;
	check_sym(img, &s);
	if (strcmp(s.name, name) != 0)
		broken("elf_lookup finds the name asked for");
	/* (an image without version tables matches by name alone) */
	if (version && s.version && strcmp(s.version, version) != 0)
		broken("elf_lookup finds the version asked for");
}

static void symbols(const struct elf_image *img)
{
	struct elf_sym s;
	unsigned i, n = img->nsyms < MAX_WALK ? img->nsyms : MAX_WALK, own = 0;

	for (i = 0; i < n; i++) {
		if (elf_symbol(img, i, &s) < 0)
			continue;
		check_sym(img, &s);
		/* names and versions from the image's own string table; short
		 * ones: a lookup compares the name with every candidate */
		if (own < MAX_OWN_LOOKUPS && s.name[0] && strnlen(s.name, 256) < 256 &&
		    (!s.version || strnlen(s.version, 256) < 256)) {
			lookup(img, s.name, NULL);
			lookup(img, s.name, s.version);
			own++;
		}
	}
	if (elf_symbol(img, img->nsyms, &s) != -ELF_ERANGE)
		broken("elf_symbol(nsyms) is -ELF_ERANGE");
	/* the versym entries, and the names they give, as `vdso read` lists them */
	for (i = 0; i < n; i++) {
		unsigned v = elf_versym(img, i);
		const char *name = elf_version_needed(img, v, NULL), *file = NULL;

		if (name)
			check_string(name, "a needed version's name lies in the image");
		if (name) {
			(void)elf_version_needed(img, v, &file);
			if (file == NULL)
				broken("elf_version_needed names the file");
			check_string(file, "a needed version's file lies in the image");
		}
		if ((name = elf_version_defined(img, v)) != NULL)
			check_string(name, "a defined version's name lies in the image");
	}
	if (elf_versym(img, img->nsyms) != 1)
		broken("elf_versym(nsyms) is VER_NDX_GLOBAL");
}

/* DT_VERDEF's parents and DT_VERNEED whole, as `vdso read` lists them. */
static void version_lists(const struct elf_image *img)
{
	struct elf_verdef v;
	struct elf_verneed n;
	struct elf_vernaux a;
	const char *name;
	size_t at;
	unsigned i, k, walked = 0;

	for (i = 0; i < img->verdefnum && walked < MAX_WALK; i++) {
		if (elf_verdef(img, i, &v) < 0)
			continue;
		if (v.offset >= img->size)
			broken("a Verdef lies in the image");
		for (k = 0; k < v.count && walked < MAX_WALK; k++, walked++) {
			if (elf_verdaux(img, i, k, &name, &at) < 0)
				continue;
			check_string(name, "a Verdaux name lies in the image");
			if (at >= img->size)
				broken("a Verdaux lies in the image");
		}
		if (elf_verdaux(img, i, v.count, &name, &at) != -ELF_ERANGE)
			broken("elf_verdaux(vd_cnt) is -ELF_ERANGE");
	}
	for (i = 0; i < img->verneednum && walked < MAX_WALK; i++) {
		if (elf_verneed(img, i, &n) < 0)
			continue;
		check_string(n.file, "a Verneed file name lies in the image");
		if (n.offset >= img->size)
			broken("a Verneed lies in the image");
		for (k = 0; k < n.count && walked < MAX_WALK; k++, walked++) {
			if (elf_vernaux(img, i, k, &a) < 0)
				continue;
			check_string(a.name, "a Vernaux name lies in the image");
			if (a.offset >= img->size)
				broken("a Vernaux lies in the image");
			if (elf_version_needed(img, a.other, NULL) == NULL)
				broken("elf_version_needed finds each vna_other");
		}
		if (elf_vernaux(img, i, n.count, &a) != -ELF_ERANGE)
			broken("elf_vernaux(vn_cnt) is -ELF_ERANGE");
	}
	if (elf_verneed(img, img->verneednum, &n) >= 0)
		broken("elf_verneed(verneednum) is refused");
}

static void versions_and_names(const struct elf_image *img)
{
	struct elf_verdef v;
	unsigned i, n = img->verdefnum < MAX_WALK ? img->verdefnum : MAX_WALK;
	const char *soname = elf_soname(img);

	if (soname)
		check_string(soname, "the soname lies in the image");
	for (i = 0; i < n; i++) {
		if (elf_verdef(img, i, &v) < 0)
			continue;
		check_string(v.name, "a version's name lies in the image");
		if (i < 4 && !(v.flags & 1))    /* not VER_FLG_BASE */
			lookup(img, "__vdso_clock_gettime", v.name);
	}
	if (elf_verdef(img, img->verdefnum, &v) >= 0)
		broken("elf_verdef(verdefnum) is refused");
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		unsigned j;

		for (j = 0; j < sizeof versions / sizeof versions[0]; j++)
			lookup(img, names[i], versions[j]);
	}
	if (elf_lookup(img, NULL, NULL, NULL) != -ELF_ENOTFOUND)
		broken("elf_lookup(NULL) is -ELF_ENOTFOUND");
}

static void tables(const struct elf_image *img)
{
	struct elf_segment ph;
	struct elf_dynamic d;
	unsigned i, n;

	for (i = 0; i < img->phnum; i++)
		elf_segment(img, i, &ph);
	if (elf_segment(img, img->phnum, &ph) != -ELF_ERANGE)
		broken("elf_segment(phnum) is -ELF_ERANGE");
	n = img->dynnum < MAX_WALK ? img->dynnum : MAX_WALK;
	for (i = 0; i < n; i++) {
		const char *str;

		/* every value read as a string, as DT_NEEDED's is */
		if (elf_dynamic(img, i, &d) == 0 && (str = elf_string_at(img, d.value)) != NULL)
			check_string(str, "a dynamic string lies in the image");
	}
	if (elf_dynamic(img, img->dynnum, &d) != -ELF_ERANGE)
		broken("elf_dynamic(dynnum) is -ELF_ERANGE");
	if (img->dynnum && (elf_dynamic(img, img->dynnum - 1, &d) < 0 || d.tag != 0))
		broken("the last dynamic entry is DT_NULL");
}

/* elf/sections.c: on any image, opened or not. */
static void sections(const struct elf_image *img)
{
	struct elf_section s;
	struct elf_ehdr h;
	const char *problem = elf_sections_check(img);
	unsigned i;

	elf_ehdr(img, &h);
	if (problem)
		(void)strlen(problem);
	for (i = 0; i < img->shnum && i < MAX_WALK; i++) {
		if (elf_section(img, i, &s) < 0)
			broken("elf_section(i < shnum) succeeds");
		if (s.name)
			check_string(s.name, "a section's name lies in the image");
	}
	if (elf_section(img, img->shnum, &s) != -ELF_ERANGE)
		broken("elf_section(shnum) is -ELF_ERANGE");
}

/* elf_extent reads only the first 'first' bytes: the input itself, and a
 * copy padded with zeros to a page, as the live image is mapped. */
static void extent(const unsigned char *bytes, size_t size)
{
	size_t padded = (size + 4095) & ~(size_t)4095, e;
	unsigned char *copy;

	elf_extent(bytes, size, 4096);
	elf_extent(bytes, size, 1);
	if (elf_extent(bytes, size, 3) != 0)
		broken("elf_extent refuses a page size that is no power of two");
	if (padded == 0)
		return;
	copy = calloc(1, padded);
	if (copy == NULL)
		abort();
	memcpy(copy, bytes, size);
	e = elf_extent(copy, padded, 4096);
	if (e % 4096 != 0)
		broken("elf_extent is a whole number of pages");
	free(copy);
}

/*
 * The live core (elf_open) on the same bytes: its own answer, and the
 * layer's where both read the same tables: the layer opens what the core
 * opens (it checks DT_VERNEED more), and the core what the layer opens
 * with each table at its link-time address and a hash table (the core
 * neither reads run-time addresses nor counts by sections), with the same
 * symbols and the same lookups.
 */
static void core_image(const unsigned char *bytes, size_t size,
		       const struct elf_image *layer, int err_layer)
{
	struct elf_image core;
	struct elf_sym a, b;
	int err = elf_open(&core, bytes, size, ELF_ACCEPT_ANY), ea, eb;
	const char *name;
	unsigned i, own;

	if (err > 0 || err <= -ELF_NERRORS)
		broken("elf_open returns 0 or -ELF_E*");
	if (err < 0) {
		if (core.size != 0 || core.nsyms != 0 || core.phnum != 0 || core.dynnum != 0 ||
		    core.shnum != 0 || core.verdefnum != 0 || core.verneednum != 0)
			broken("a failed elf_open leaves nothing to walk");
		if (err_layer == 0 && layer->relocated == 0 && (layer->hash || layer->gnu_hash))
			broken("elf_open opens what elf_read_open opens at link-time addresses");
		lookup(&core, "x", NULL);
		return;
	}
	if (err_layer < 0 && err_layer != -ELF_EVERNEED)
		broken("elf_read_open opens what elf_open opens, DT_VERNEED apart");
	if (core.verneed != 0 || core.verneednum != 0)
		broken("elf_open leaves DT_VERNEED to the readelf layer");
	versions_and_names(&core);
	tables(&core);
	if (err_layer < 0 || layer->relocated != 0)
		return;
	if (core.nsyms != layer->hash_nsyms)
		broken("elf_open counts the symbols as elf_read_open's hash tables do");
	/* as many lookups as symbols() makes: a lookup may walk a chain of
	 * every symbol */
	for (i = 1, own = 0; i < core.nsyms && own < MAX_OWN_LOOKUPS; i++) {
		if (elf_symbol(layer, i, &a) < 0 || a.shndx == 0 || strnlen(a.name, 256) == 256)
			continue;
		name = a.name;
		ea = elf_lookup(layer, name, NULL, &a);
		eb = elf_lookup(&core, name, NULL, &b);
		own++;
		if (ea != eb || (ea == 0 && (a.index != b.index || a.addr != b.addr)))
			broken("elf_lookup answers the same on the core's image and the layer's");
	}
}

static void one_image(const unsigned char *bytes, size_t size)
{
	struct elf_image img, native, counted;
	int err = elf_read_open(&img, bytes, size, ELF_ACCEPT_ANY, 0);
	int err_native = elf_read_open(&native, bytes, size, NATIVE, 0);
	int err_counted = elf_read_open(&counted, bytes, size, ELF_ACCEPT_ANY, ELF_DYNSYM_COUNT);

	/* Only this build's class and machine: the same answer, or ECLASS. */
	if (err_native != err && err_native != -ELF_ECLASS)
		broken("elf_read_open without ELF_ACCEPT_ANY answers the same, or ECLASS");
	/* The .dynsym count changes the count only, never the answer. */
	if (err_counted != err)
		broken("elf_read_open with ELF_DYNSYM_COUNT answers the same");

	if (err > 0 || err <= -ELF_NERRORS)
		broken("elf_read_open returns 0 or -ELF_E*");
	(void)strlen(elf_strerror(err));
	(void)strlen(elf_strerror(-ELF_NERRORS - (int)(size & 0xff)));
	if (elf_read_open(&native, NULL, size, ELF_ACCEPT_ANY, 0) != -ELF_ENOTELF ||
	    elf_open(&native, NULL, size, ELF_ACCEPT_ANY) != -ELF_ENOTELF)
		broken("elf_open(NULL) and elf_read_open(NULL) are -ELF_ENOTELF");
	core_image(bytes, size, &img, err);
	if (err < 0) {
		if (img.size != 0 || img.nsyms != 0 || img.phnum != 0 || img.dynnum != 0 ||
		    img.shnum != 0 || img.verdefnum != 0 || img.verneednum != 0)
			broken("a failed elf_read_open leaves nothing to walk");
		/* every entry point must still answer, not crash */
		symbols(&img);
		versions_and_names(&img);
		version_lists(&img);
		tables(&img);
		sections(&img);
		return;
	}
	if (img.elf_class != 32 && img.elf_class != 64)
		broken("an opened image is ELF32 or ELF64");
	symbols(&img);
	versions_and_names(&img);
	version_lists(&img);
	tables(&img);
	sections(&img);
	if (counted.nsyms != img.nsyms) {
		if (counted.hash_nsyms != img.nsyms)
			broken("hash_nsyms is the hash tables' count");
		symbols(&counted);
	}
}

/*
 * Where the input is read: always at the same address, FUZZ_AT, so that an
 * image can hold run-time addresses of itself, as an image relocated in
 * place by glibc does (elf/address.c reads each d_ptr both ways): the
 * fuzzer can learn them, and make_hostile.py --at FUZZ_AT makes seeds so.
 * The rest of the region is poisoned for AddressSanitizer, so that a read
 * one byte before or after the input is reported as in a heap buffer.  If
 * the region cannot be had, or the input is bigger, a heap copy it is.
 */
#if UINTPTR_MAX > 0xffffffffu
#define FUZZ_REGION ((uintptr_t)0x500000000000)   /* ASan's heap is at 0x600000000000 */
#else
#define FUZZ_REGION ((uintptr_t)0x58000000)
#endif
#define FUZZ_REGION_SIZE ((size_t)16 << 20)
#define FUZZ_AT (FUZZ_REGION + 4097)   /* odd: UBSan sees misaligned loads */

static unsigned char *region(void)
{
	static int tried;
	static unsigned char *r;

	if (!tried) {
		void *p = mmap((void *)FUZZ_REGION, FUZZ_REGION_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
			       -1, 0);

		tried = 1;
		if (p == (void *)FUZZ_REGION) {
			r = p;
			ASAN_POISON_MEMORY_REGION(r, FUZZ_REGION_SIZE);
		} else if (p != MAP_FAILED) {
			munmap(p, FUZZ_REGION_SIZE);   /* an old kernel: not fixed */
		}
	}
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *r = region(), *base = NULL, *at;

	if (r && size <= FUZZ_REGION_SIZE - 2 * 4096) {
		at = (unsigned char *)FUZZ_AT;
		ASAN_UNPOISON_MEMORY_REGION(at, size);
	} else {
		base = malloc(size + 1);
		if (base == NULL)
			return 0;
		at = base + 1;
	}
	memcpy(at, data, size);
	lo = at;
	hi = lo + size;
	scans = 0;
	extent(lo, size);
	one_image(lo, size);
	if (base)
		free(base);
	else
		ASAN_POISON_MEMORY_REGION(lo, size);
	return 0;
}

#ifdef FUZZ_REPLAY
/*
 * The replay: each file once, under a 10-second alarm (a hang is a
 * failure too: SIGALRM kills the process, and the test sees the signal).
 * Prints one line per file; exit 0 if every file ran.
 */
#include <signal.h>
#include <unistd.h>

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (buf == NULL)
				abort();
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*size = n;
	return buf;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		size_t size;
		unsigned char *bytes = read_file(argv[i], &size);

		if (bytes == NULL) {
			fprintf(stderr, "fuzz_reader: cannot read %s\n", argv[i]);
			status = 1;
			continue;
		}
		alarm(10);
		LLVMFuzzerTestOneInput(bytes, size);
		alarm(0);
		printf("ran %s (%zu bytes, at %p)\n", argv[i], size, (const void *)lo);
		free(bytes);
	}
	return status;
}
#endif
