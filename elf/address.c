/*
 * elf/address.c - from the addresses in the dynamic table to offsets in
 * the bytes.
 *
 * The gABI says a d_ptr is a link-time virtual address, and so it is in
 * the kernel's vDSO and in every file.  Its offset in the file comes
 * through the PT_LOAD that holds it (gABI, "Program Loading"):
 *
 *	offset = d_ptr - p_vaddr + p_offset
 *
 * But loaders may relocate an image in place:
 *
 *  - QEMU's user-mode vDSO: QEMU adds its load address to p_vaddr, to
 *    every d_ptr and to every st_value.  The image then reads as one
 *    linked at that address: the formula above works unchanged, and the
 *    load bias (open.c) is 0.
 *
 *  - glibc adds the load bias to the d_ptr of DT_HASH, DT_STRTAB,
 *    DT_SYMTAB, DT_VERSYM and DT_GNU_HASH of the libraries it loads
 *    (when their PT_DYNAMIC is writable), but not to DT_VERDEF, and not to
 *    p_vaddr.  One table then holds run-time addresses and a link-time
 *    one.  A run-time address is bias + link-time address, so
 *
 *	link-time address = d_ptr - bias
 *
 *    which is right only when 'bytes' is where the image runs, not a copy.
 *
 * musl and the kernel's parse_vdso.c always add the bias, which breaks on
 * such a table; reading it only as link-time breaks too.  So each d_ptr
 * has two readings, and we must choose, and the choice can be ambiguous:
 * when the image is mapped within its own size of its link address (small
 * |bias|), both readings land inside the image, one of them on the wrong
 * bytes.  (It happens: under qemu-i386, glibc mapped a test image linked
 * at 0x10000 at 0xf000.)
 *
 * The choice, then, is made by what is there, not by where it is:
 *
 *  1. A reading counts only if it lands in a PT_LOAD and the bytes there
 *     look like the table the entry names (looks_like(): checks the gABI
 *     and the LSB promise for every such table, e.g. a string table starts
 *     and ends with NUL).
 *  2. The image's reading is decided by its two mandatory tables, DT_STRTAB
 *     and DT_SYMTAB, whose checks are the strongest: link-time if both
 *     look right that way (the gABI's reading wins a tie), else run-time
 *     if both do, else the image is refused.
 *  3. Each other table is taken in the image's reading if it looks right
 *     there, else in the other (DT_VERDEF under glibc), else refused.
 *
 * A copy whose d_ptrs are run-time addresses from another process cannot
 * be read; it gets an error, not a wrong answer (unless the bytes at some
 * wrong place pass every check, which the checks make unlikely, and which
 * is safe anyway: every offset stays inside the bytes).
 */
#include "bounded.h"

static const int table_error[TAB_COUNT] = {
	[TAB_STRTAB] = ELF_ESTRTAB,
	[TAB_SYMTAB] = ELF_ESYMTAB,
	[TAB_HASH] = ELF_EHASH,
	[TAB_GNU_HASH] = ELF_EGNUHASH,
	[TAB_VERSYM] = ELF_EVERSYM,
	[TAB_VERDEF] = ELF_EVERDEF,
	[TAB_VERNEED] = ELF_EVERNEED,
};

static size_t *table_offset(struct elf_image *img, enum dyn_table t)
{
	switch (t) {
	case TAB_STRTAB: return &img->strtab;
	case TAB_SYMTAB: return &img->symtab;
	case TAB_HASH: return &img->hash;
	case TAB_GNU_HASH: return &img->gnu_hash;
	case TAB_VERSYM: return &img->versym;
	case TAB_VERNEED: return &img->verneed;
	default: return &img->verdef;
	}
}

/* The offset of a link-time address, through the PT_LOAD whose file part
 * holds it, from the program headers themselves: an image with more
 * PT_LOADs than elf_open keeps decoded. */
static int __attribute__((noinline))
vaddr_to_offset_phdr(const struct elf_image *img, uint64_t vaddr, size_t *off)
{
	struct elf_segment ph;
	unsigned i;

	for (i = 0; i < img->phnum; i++) {
		if (elf_segment(img, i, &ph) < 0 || ph.type != PT_LOAD)
			continue;
		if (vaddr >= ph.vaddr && vaddr - ph.vaddr < ph.filesz) {
			/* find_segments checked offset + filesz <= size */
			*off = (size_t)(ph.offset + (vaddr - ph.vaddr));
			return 1;
		}
	}
	return 0;
}

/* The same through the PT_LOADs find_segments kept decoded (and checked:
 * offset + filesz <= size), when they all fitted. */
static inline int vaddr_to_offset(const struct elf_image *img, uint64_t vaddr, size_t *off)
{
	const struct elf_load *l;
	unsigned i;

	if (img->nloads == 0)
		return vaddr_to_offset_phdr(img, vaddr, off);
	for (i = 0; i < img->nloads; i++) {
		l = &img->loads[i];
		if (vaddr >= l->vaddr && vaddr - l->vaddr < l->filesz) {
			*off = (size_t)(l->offset + (vaddr - l->vaddr));
			return 1;
		}
	}
	return 0;
}

/* The offset of a run-time address of this process, if bytes is the
 * image where it runs.  The subtraction wraps, as the bias does. */
static int runtime_to_offset(const struct elf_image *img, uint64_t addr, size_t *off)
{
	if (addr > UINTPTR_MAX)
		return 0;
	return vaddr_to_offset(img, (uintptr_t)((uintptr_t)addr - img->bias), off);
}

/*
 * Do the bytes at off look like table t?  Only what every well-formed
 * table must satisfy: these checks choose between two readings, they must
 * never refuse a good image.
 */
static inline int looks_like(const struct elf_image *img, enum dyn_table t, size_t off)
{
	const unsigned char *p = img->bytes + off;
	uint32_t n;

	switch (t) {
	case TAB_STRTAB:
		/* gABI "String Table": the first byte and the last are NUL */
		return img->strsz != 0 && in_range(img, off, img->strsz) &&
		       p[0] == 0 && p[img->strsz - 1] == 0;
	case TAB_SYMTAB:
		/* gABI "Symbol Table": entry 0 (STN_UNDEF) has no name, type,
		 * binding or section (QEMU moves its st_value: not checked) */
		return in_range(img, off, RECORD(img, Sym)) &&
		       get32(p + FIELD(img, Sym, st_name)) == 0 &&
		       p[FIELD(img, Sym, st_info)] == 0 &&
		       get16(p + FIELD(img, Sym, st_shndx)) == SHN_UNDEF;
	case TAB_HASH:
		/* gABI "Hash Table": at least one bucket, arrays in range */
		if (!in_range(img, off, 8) || (n = get32(p)) == 0)
			return 0;
		return in_array(img, off + 8, (uint64_t)n + get32(p + 4), 4);
	case TAB_GNU_HASH:
		/* at least one bucket; a bloom filter of 2^n words and a
		 * shift below 32 (see hash.c) */
		if (!in_range(img, off, sizeof(Elf_GnuHash)))
			return 0;
		n = get32(p + offsetof(Elf_GnuHash, bloom_size));
		return get32(p + offsetof(Elf_GnuHash, nbuckets)) != 0 &&
		       n != 0 && (n & (n - 1)) == 0 &&
		       get32(p + offsetof(Elf_GnuHash, bloom_shift)) < 32;
	case TAB_VERSYM:
		/* symbol 0 is local or global, never of a defined version */
		return in_range(img, off, 2) && (get16(p) & VERSYM_INDEX) <= VER_NDX_GLOBAL;
	case TAB_VERDEF:
		/* LSB "Version Definition": vd_version is 1, and every entry
		 * has at least its own name */
		return in_range(img, off, sizeof(Elf_Verdef)) &&
		       get16(p + offsetof(Elf_Verdef, vd_version)) == VER_DEF_CURRENT &&
		       get16(p + offsetof(Elf_Verdef, vd_cnt)) >= 1;
	case TAB_VERNEED:
		/* LSB "Version Needed": vn_version is 1 */
		return in_range(img, off, sizeof(Elf_Verneed)) &&
		       get16(p + offsetof(Elf_Verneed, vn_version)) == VER_NEED_CURRENT;
	default:
		return 0;
	}
}

/* One reading of entry t (runtime 0: link-time, 1: run-time). */
static inline int reading(const struct elf_image *img, const struct dyn_ptrs *d,
		   enum dyn_table t, int runtime, size_t *off)
{
	uint64_t v = d->value[t];
	int inside = runtime ? runtime_to_offset(img, v, off) : vaddr_to_offset(img, v, off);

	return inside && looks_like(img, t, *off);
}

/* Both mandatory tables in one reading? */
static int image_reads(const struct elf_image *img, const struct dyn_ptrs *d, int runtime)
{
	size_t off;

	return reading(img, d, TAB_STRTAB, runtime, &off) &&
	       reading(img, d, TAB_SYMTAB, runtime, &off);
}

/*
 * The common case, and all of it for a file or the kernel's vDSO: every
 * table where its link-time address says.  0 if one is not, and then the
 * choice below decides.
 */
static int all_link_time(struct elf_image *img, const struct dyn_ptrs *d)
{
	size_t off;
	int t;

	for (t = 0; t < TAB_COUNT; t++) {
		if (!(d->seen & 1u << t))
			continue;
		if (!reading(img, d, t, 0, &off))
			return 0;
		*table_offset(img, t) = off;
	}
	return 1;
}

int dyn_translate(struct elf_image *img, const struct dyn_ptrs *d)
{
	size_t off;
	int runtime, t;

	if (all_link_time(img, d))
		return 0;
	if (image_reads(img, d, 0))
		runtime = 0;
	else if (image_reads(img, d, 1))
		runtime = 1;
	else if (!reading(img, d, TAB_STRTAB, 0, &off) && !reading(img, d, TAB_STRTAB, 1, &off))
		return -ELF_ESTRTAB;
	else
		return -ELF_ESYMTAB;

	for (t = 0; t < TAB_COUNT; t++) {
		if (!(d->seen & 1u << t))
			continue;
		if (reading(img, d, t, runtime, &off)) {
			img->relocated += runtime;
		} else if (reading(img, d, t, !runtime, &off)) {
			img->relocated += !runtime;
		} else {
			return -table_error[t];
		}
		*table_offset(img, t) = off;
	}
	return 0;
}
