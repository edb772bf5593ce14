/*
 * elf/address.c - from the addresses in the dynamic table to offsets in
 * the bytes: the live path's reading.
 *
 * The gABI says a d_ptr is a link-time virtual address, and so it is in
 * the kernel's vDSO and in every file.  Its offset in the file comes
 * through the PT_LOAD that holds it (gABI, "Program Loading"):
 *
 *	offset = d_ptr - p_vaddr + p_offset
 *
 * QEMU's user-mode vDSO is relocated in place: QEMU adds its load address
 * to p_vaddr, to every d_ptr and to every st_value.  The image then reads
 * as one linked at that address: the formula works unchanged, and the
 * load bias (open.c) is 0.
 *
 * Each table must land in the file part of a PT_LOAD, and the bytes there
 * must look like the table the entry names (table_looks_like()).  A
 * table held at its run-time address instead (glibc relocates the dynamic
 * tables of the libraries it loads) is the readelf layer's to read:
 * elf/readings.c.
 */
#include "bounded.h"

const int dyn_table_error[TAB_COUNT] = {
	[TAB_STRTAB] = ELF_ESTRTAB,
	[TAB_SYMTAB] = ELF_ESYMTAB,
	[TAB_HASH] = ELF_EHASH,
	[TAB_GNU_HASH] = ELF_EGNUHASH,
	[TAB_VERSYM] = ELF_EVERSYM,
	[TAB_VERDEF] = ELF_EVERDEF,
	[TAB_VERNEED] = ELF_EVERNEED,
};

size_t *dyn_table_offset(struct elf_image *img, enum dyn_table t)
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
int dyn_vaddr_offset(const struct elf_image *img, uint64_t vaddr, size_t *off)
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

/*
 * Do the bytes at off look like table t?  Only what every well-formed
 * table must satisfy: these checks choose between two readings, they must
 * never refuse a good image.
 */
int table_looks_like(const struct elf_image *img, enum dyn_table t, size_t off)
{
	const unsigned char *p = img->bytes + off;
	uint32_t n;
	size_t e;

	switch (t) {
	case TAB_STRTAB:
		/* gABI "String Table": the first byte and the last are NUL */
		return img->strsz != 0 && in_range(img, off, img->strsz) &&
		       p[0] == 0 && p[img->strsz - 1] == 0;
	case TAB_SYMTAB:
		/* gABI "Symbol Table": entry 0 (STN_UNDEF) has no name, type,
		 * binding or section (QEMU moves its st_value: not checked) */
		return in_range(img, off, RECORD(img, Sym)) &&
		       get32(img, p + FIELD(img, Sym, st_name)) == 0 &&
		       p[FIELD(img, Sym, st_info)] == 0 &&
		       get16(img, p + FIELD(img, Sym, st_shndx)) == SHN_UNDEF;
	case TAB_HASH:
		/* gABI "Hash Table": at least one bucket, arrays in range
		 * (entries of 4 bytes, or 8: bounded.h) */
		e = sysv_entry(img);
		if (!in_range(img, off, 2 * e) || (n = sysv_word(img, off)) == 0)
			return 0;
		return in_array(img, off + 2 * e, (uint64_t)n + sysv_word(img, off + e), e);
	case TAB_GNU_HASH:
		/* at least one bucket; a bloom filter of 2^n words and a
		 * shift below 32 (see hash.c) */
		if (!in_range(img, off, sizeof(Elf_GnuHash)))
			return 0;
		n = get32(img, p + offsetof(Elf_GnuHash, bloom_size));
		return get32(img, p + offsetof(Elf_GnuHash, nbuckets)) != 0 &&
		       n != 0 && (n & (n - 1)) == 0 &&
		       get32(img, p + offsetof(Elf_GnuHash, bloom_shift)) < 32;
	case TAB_VERSYM:
		/* symbol 0 is local or global, never of a defined version */
		return in_range(img, off, 2) && (get16(img, p) & VERSYM_INDEX) <= VER_NDX_GLOBAL;
	case TAB_VERDEF:
		/* LSB "Version Definition": vd_version is 1, and every entry
		 * has at least its own name */
		return in_range(img, off, sizeof(Elf_Verdef)) &&
		       get16(img, p + offsetof(Elf_Verdef, vd_version)) == VER_DEF_CURRENT &&
		       get16(img, p + offsetof(Elf_Verdef, vd_cnt)) >= 1;
	case TAB_VERNEED:
		/* LSB "Version Needed": vn_version is 1 */
		return in_range(img, off, sizeof(Elf_Verneed)) &&
		       get16(img, p + offsetof(Elf_Verneed, vn_version)) == VER_NEED_CURRENT;
	default:
		return 0;
	}
}

/*
 * Every table of the first ntables (enum dyn_table) that the dynamic
 * table names, where its link-time address says: the whole reading of a
 * file or of the kernel's vDSO.  0, or the error of the first table that
 * is not there.
 */
int dyn_at_link_time(struct elf_image *img, const struct dyn_ptrs *d, int ntables)
{
	size_t off;
	int t;

	for (t = 0; t < ntables; t++) {
		if (!(d->seen & 1u << t))
			continue;
		if (!dyn_vaddr_offset(img, d->value[t], &off) || !table_looks_like(img, t, off))
			return -dyn_table_error[t];
		*dyn_table_offset(img, t) = off;
	}
	return 0;
}
