/*
 * elf/open.c - from the bytes to the tables: elf_open, the live path.
 *
 * The path of the kernel's reference parser (tools/testing/selftests/
 * vDSO/parse_vdso.c), with every value checked before it is used.  The
 * steps, each of which checks what it reads before the next relies on
 * it:
 *
 *   ELF header ─▶ program headers: the first PT_LOAD gives the load bias,
 *   PT_DYNAMIC the dynamic table ─▶ its entries give the string table, the
 *   symbol table, the hash tables and the version tables ─▶ the hash tables
 *   give the number of symbols ─▶ the symbol and versym arrays must fit.
 */
#include "bounded.h"

/*
 * Every field set by hand: a struct assignment or a zeroing loop would
 * let the compiler call memset, which freestanding code must then supply.
 */
void image_clear(struct elf_image *img, const void *bytes, size_t size)
{
	img->bytes = bytes;
	img->size = size;
	img->elf_class = 0;
	img->big_endian = 0;
	img->machine = 0;
	img->load_vaddr = img->load_offset = 0;
	img->bias = 0;
	img->strtab = img->strsz = img->symtab = img->syment = 0;
	img->hash = img->gnu_hash = img->versym = img->verdef = 0;
	img->verdefnum = 0;
	img->verneed = 0;
	img->verneednum = 0;
	img->hash_nsyms = 0;
	img->soname = (size_t)-1;
	img->nsyms = 0;
	img->phoff = img->shoff = img->dynamic = 0;
	img->phnum = img->shnum = img->dynnum = 0;
	img->relocated = 0;
	img->nloads = 0;
	img->gnu.nbuckets = img->gnu.symoffset = img->gnu.count = 0;
	img->gnu.bloom_size = img->gnu.bloom_shift = 0;
	img->gnu.bloom = img->gnu.buckets = img->gnu.chains = 0;
	img->sysv.nbucket = img->sysv.nchain = 0;
	img->sysv.buckets = img->sysv.chains = 0;
}

/*
 * Walk the program headers.  Every PT_LOAD must lie in the bytes with its
 * file part (p_offset, p_filesz; gABI: p_filesz may not exceed p_memsz).
 * The first PT_LOAD fixes the load bias:
 *
 *	bias = bytes + p_offset - p_vaddr
 *
 * For an image in memory, bias + vaddr is where vaddr is.  The kernel
 * links its vDSO at 0 (bias = bytes), QEMU relocates its own in place
 * (p_vaddr = its address, bias = 0): one formula serves both.  The
 * unsigned arithmetic wraps, which is defined and is what we want.
 */
static inline __attribute__((always_inline)) int
find_segments_of(struct elf_image *img, size_t *dyn_size, const int bits)
{
	const size_t rec = bits == 64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	/* elf_read_header proved all phnum records in range */
	const unsigned char *p = img->bytes + img->phoff;
	const unsigned char *end = p + (size_t)img->phnum * rec;
	uint64_t offset, vaddr, filesz;
	unsigned type, nloads = 0;
	int have_dyn = 0;

#define PHDR_WORD(f) (bits == 64 ? get64(img, p + offsetof(Elf64_Phdr, f)) : \
				   get32(img, p + offsetof(Elf32_Phdr, f)))
	for (; p < end; p += rec) {
		type = get32(img, p);        /* p_type, first in both classes */
		if (type != PT_LOAD && (type != PT_DYNAMIC || have_dyn))
			continue;
		offset = PHDR_WORD(p_offset);
		filesz = PHDR_WORD(p_filesz);
		if (type == PT_DYNAMIC) {
			if (!in_range(img, offset, filesz))
				return -ELF_ENODYNAMIC;
			img->dynamic = (size_t)offset;
			*dyn_size = (size_t)filesz;
			have_dyn = 1;
			continue;
		}
		vaddr = PHDR_WORD(p_vaddr);
		if (filesz > PHDR_WORD(p_memsz) || !in_range(img, offset, filesz))
			return -ELF_EPHDR;
		if (nloads == 0) {
			img->load_vaddr = vaddr;
			img->load_offset = offset;
		}
		/* kept decoded for address.c, which maps d_ptrs through them */
		if (nloads < ELF_LOADS_CACHED) {
			img->loads[nloads].vaddr = vaddr;
			img->loads[nloads].offset = offset;
			img->loads[nloads].filesz = filesz;
		}
		nloads++;
	}
#undef PHDR_WORD
	if (nloads == 0)
		return -ELF_ENOLOAD;
	if (!have_dyn)
		return -ELF_ENODYNAMIC;
	img->nloads = nloads <= ELF_LOADS_CACHED ? nloads : 0;
	img->bias = (uintptr_t)img->bytes + (uintptr_t)img->load_offset -
		    (uintptr_t)img->load_vaddr;
	return 0;
}

/* One copy of the walk for each class, the class a constant in each, so
 * that no field read asks which class it is (on i386, an ELF32 image's
 * words stay 32 bits wide all the way). */
static int find_segments(struct elf_image *img, size_t *dyn_size)
{
	return CLASS(img) == 64 ? find_segments_of(img, dyn_size, 64)
				    : find_segments_of(img, dyn_size, 32);
}

int elf_dynamic(const struct elf_image *img, unsigned i, struct elf_dynamic *out)
{
	size_t size = RECORD(img, Dyn);
	uint64_t off = (uint64_t)img->dynamic + (uint64_t)i * size;
	const unsigned char *p;

	if (i >= img->dynnum)
		return -ELF_ERANGE;
	if (!in_range(img, off, size))
		return -ELF_EDYNAMIC;
	p = img->bytes + (size_t)off;
	if (CLASS(img) == 64)
		out->tag = (int64_t)get64(img, p + offsetof(Elf64_Dyn, d_tag));
	else
		out->tag = (int32_t)get32(img, p + offsetof(Elf32_Dyn, d_tag));
	out->value = get_word(img, p + FIELD(img, Dyn, d_val));
	return 0;
}

static void dyn_ptr(struct dyn_ptrs *d, enum dyn_table t, uint64_t value)
{
	d->value[t] = value;
	d->seen |= 1u << t;
}

static inline __attribute__((always_inline)) int
read_dynamic_of(struct elf_image *img, size_t dyn_size, struct dyn_ptrs *d, const int bits)
{
	const size_t rec = bits == 64 ? sizeof(Elf64_Dyn) : sizeof(Elf32_Dyn);
	/* find_segments proved [dynamic, dynamic + dyn_size) in range */
	const unsigned char *start = img->bytes + img->dynamic, *p = start;
	const unsigned char *end = start + dyn_size / rec * rec;
	long tag;
	uint64_t value;
	int have_strsz = 0;

	for (; p < end; p += rec) {
		/* d_tag is signed: Elf32_Sword or Elf64_Sxword.  Every tag
		 * the reader uses fits in a long: switch on a long (a 64-bit
		 * switch is a chain of double compares on i386); where long
		 * is 32 bits, a tag that does not fit is skipped. */
		if (bits == 64) {
			int64_t tag64 = (int64_t)get64(img, p);

			if ((long)tag64 != tag64)
				continue;
			tag = (long)tag64;
			value = get64(img, p + offsetof(Elf64_Dyn, d_val));
		} else {
			tag = (int32_t)get32(img, p);
			value = get32(img, p + offsetof(Elf32_Dyn, d_val));
		}
		switch (tag) {
		case DT_NULL:
			img->dynnum = (unsigned)((size_t)(p - start) / rec) + 1;
			/* gABI: DT_STRTAB, DT_SYMTAB and DT_STRSZ are mandatory
			 * in a shared object; a hash table is too, but see
			 * hash_check(). */
			if (!have_strsz || !(d->seen & 1u << TAB_STRTAB) ||
			    !(d->seen & 1u << TAB_SYMTAB))
				return -ELF_EDYNAMIC;
			return 0;
		case DT_STRTAB:   dyn_ptr(d, TAB_STRTAB, value); break;
		case DT_SYMTAB:   dyn_ptr(d, TAB_SYMTAB, value); break;
		case DT_HASH:     dyn_ptr(d, TAB_HASH, value); break;
		case DT_GNU_HASH: dyn_ptr(d, TAB_GNU_HASH, value); break;
		case DT_VERSYM:   dyn_ptr(d, TAB_VERSYM, value); break;
		case DT_VERDEF:   dyn_ptr(d, TAB_VERDEF, value); break;
		case DT_VERNEED:  dyn_ptr(d, TAB_VERNEED, value); break;
		case DT_STRSZ:
			if (value > img->size)
				return -ELF_ESTRTAB;
			img->strsz = (size_t)value;
			have_strsz = 1;
			break;
		case DT_SYMENT:
			/* gABI: the size of one symbol entry; the reader
			 * knows only the gABI's own. */
			if (value != (bits == 64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym)))
				return -ELF_ESYMTAB;
			break;
		case DT_SONAME:
			img->soname = value < img->size ? (size_t)value : img->size;
			break;
		case DT_VERDEFNUM:
			/* each Verdef takes 20 bytes: more cannot fit; and
			 * more than VERDEF_MAX are refused (read.h) */
			if (value > img->size / sizeof(Elf_Verdef) || value > VERDEF_MAX)
				return -ELF_EVERDEF;
			img->verdefnum = (unsigned)value;
			break;
		case DT_VERNEEDNUM:
			/* checked by the readelf layer, which reads DT_VERNEED */
			d->verneednum = value;
			break;
		}
	}
	return -ELF_EDYNAMIC;  /* no DT_NULL within the segment */
}

/*
 * Walk the dynamic table (gABI, "Dynamic Section").  It ends at DT_NULL,
 * and it must end inside its segment: a table without DT_NULL is refused
 * rather than read on into whatever follows.  The d_ptr entries are only
 * collected here; they become offsets in address.c.  Where a tag appears
 * twice, the last one counts, as in glibc's loader.
 */
static int read_dynamic(struct elf_image *img, size_t dyn_size, struct dyn_ptrs *d)
{
	return CLASS(img) == 64 ? read_dynamic_of(img, dyn_size, d, 64)
				    : read_dynamic_of(img, dyn_size, d, 32);
}

/*
 * What the translation leaves: the string table must fit, the soname must
 * be inside it, and no table may sit at offset 0, which the elf_image
 * fields use for "absent" (and which is the ELF header's place).
 */
static int check_tables(struct elf_image *img, const struct dyn_ptrs *d)
{
	if (img->strsz == 0 || img->strtab == 0 ||
	    !in_range(img, img->strtab, img->strsz))
		return -ELF_ESTRTAB;
	if (img->soname != (size_t)-1 && img->soname >= img->strsz)
		return -ELF_EDYNAMIC;
	if (img->symtab == 0)
		return -ELF_ESYMTAB;
	if ((d->seen & 1u << TAB_HASH) && img->hash == 0)
		return -ELF_EHASH;
	if ((d->seen & 1u << TAB_GNU_HASH) && img->gnu_hash == 0)
		return -ELF_EGNUHASH;
	if ((d->seen & 1u << TAB_VERSYM) && img->versym == 0)
		return -ELF_EVERSYM;
	/* LSB: DT_VERDEF comes with DT_VERDEFNUM, its number of entries */
	if ((d->seen & 1u << TAB_VERDEF) && (img->verdef == 0 || img->verdefnum == 0))
		return -ELF_EVERDEF;
	return 0;
}

int open_dynamic(struct elf_image *img, const void *bytes, size_t size, struct elf_accept accept,
		 struct dyn_ptrs *d)
{
	size_t dyn_size = 0;
	int err;

	d->seen = 0;            /* d->value[t] is read only if its bit is set */
	d->verneednum = 0;
	image_clear(img, bytes, size);
	if (bytes == NULL)
		return -ELF_ENOTELF;
	if ((err = elf_read_header(img, accept)) < 0 ||
	    (err = find_segments(img, &dyn_size)) < 0)
		return err;
	return read_dynamic(img, dyn_size, d);
}

int open_tables(struct elf_image *img, const struct dyn_ptrs *d, int counted)
{
	int err;

	if ((err = check_tables(img, d)) < 0)
		return err;
	img->syment = RECORD(img, Sym);
	/* The number of symbols comes from the hash tables; then the symbol
	 * table and the versym array, one entry per symbol, must fit. */
	if ((err = hash_check(img, counted)) < 0)
		return err;
	img->hash_nsyms = img->nsyms;
	if (!in_array(img, img->symtab, img->nsyms, img->syment))
		return -ELF_ESYMTAB;
	if (img->versym && !in_array(img, img->versym, img->nsyms, sizeof(uint16_t)))
		return -ELF_EVERSYM;
	return verdef_check(img);
}

int elf_open(struct elf_image *img, const void *bytes, size_t size, struct elf_accept accept)
{
	struct dyn_ptrs d;
	int err;

	/* DT_VERNEED, last of the tables, is the readelf layer's */
	if ((err = open_dynamic(img, bytes, size, accept, &d)) < 0 ||
	    (err = dyn_at_link_time(img, &d, TAB_VERNEED)) < 0 ||
	    (err = open_tables(img, &d, 0)) < 0) {
		/* Leave nothing that a careless caller could walk. */
		image_clear(img, bytes, 0);
		return err;
	}
	return 0;
}

const char *elf_soname(const struct elf_image *img)
{
	if (img->soname == (size_t)-1)
		return NULL;
	return elf_string(img, img->soname);
}
