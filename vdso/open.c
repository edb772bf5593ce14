/*
 * vdso/open.c - from the bytes to the tables: vdso_open.
 *
 * The steps, each of which checks what it reads before the next relies on
 * it:
 *
 *   ELF header ─▶ program headers: the first PT_LOAD gives the load bias,
 *   PT_DYNAMIC the dynamic table ─▶ its entries give the string table, the
 *   symbol table, the hash tables and the version tables ─▶ the hash tables
 *   give the number of symbols ─▶ the symbol and versym arrays must fit.
 */
#include "read.h"

/* The d_ptr entries of the dynamic table, before they become offsets. */
struct dyn_ptrs {
	uint64_t strtab, symtab, hash, gnu_hash, versym, verdef;
	unsigned seen;          /* which of them the table has: BIT_* */
};

enum { BIT_STRTAB = 1, BIT_SYMTAB = 2, BIT_HASH = 4, BIT_GNU_HASH = 8,
       BIT_VERSYM = 16, BIT_VERDEF = 32, BIT_STRSZ = 64 };

/*
 * Every field set by hand: a struct assignment or a zeroing loop would
 * let the compiler call memset, which freestanding code must then supply.
 */
static void clear_image(struct vdso_image *img, const void *bytes, size_t size)
{
	img->bytes = bytes;
	img->size = size;
	img->elf_class = 0;
	img->machine = 0;
	img->load_vaddr = img->load_offset = 0;
	img->bias = 0;
	img->strtab = img->strsz = img->symtab = img->syment = 0;
	img->hash = img->gnu_hash = img->versym = img->verdef = 0;
	img->verdefnum = 0;
	img->soname = (size_t)-1;
	img->nsyms = 0;
	img->phoff = img->shoff = img->dynamic = 0;
	img->phnum = img->shnum = img->dynnum = 0;
	img->relocated = 0;
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
static int find_segments(struct vdso_image *img, size_t *dyn_size)
{
	struct vdso_segment ph;
	int have_load = 0, have_dyn = 0, err;
	unsigned i;

	for (i = 0; i < img->phnum; i++) {
		if ((err = vdso_segment(img, i, &ph)) < 0)
			return err;
		if (ph.type == PT_LOAD) {
			if (ph.filesz > ph.memsz || !in_range(img, ph.offset, ph.filesz))
				return -VDSO_EPHDR;
			if (!have_load) {
				img->load_vaddr = ph.vaddr;
				img->load_offset = ph.offset;
				have_load = 1;
			}
		} else if (ph.type == PT_DYNAMIC && !have_dyn) {
			if (!in_range(img, ph.offset, ph.filesz))
				return -VDSO_ENODYNAMIC;
			img->dynamic = (size_t)ph.offset;
			*dyn_size = (size_t)ph.filesz;
			have_dyn = 1;
		}
	}
	if (!have_load)
		return -VDSO_ENOLOAD;
	if (!have_dyn)
		return -VDSO_ENODYNAMIC;
	img->bias = (uintptr_t)img->bytes + (uintptr_t)img->load_offset -
		    (uintptr_t)img->load_vaddr;
	return 0;
}

int vdso_dynamic(const struct vdso_image *img, unsigned i, struct vdso_dynamic *out)
{
	size_t size = RECORD(img, Dyn);
	uint64_t off = (uint64_t)img->dynamic + (uint64_t)i * size;
	const unsigned char *p;

	if (i >= img->dynnum)
		return -VDSO_ERANGE;
	if (!in_range(img, off, size))
		return -VDSO_EDYNAMIC;
	p = img->bytes + (size_t)off;
	if (img->elf_class == 64)
		out->tag = (int64_t)get64(p + offsetof(Elf64_Dyn, d_tag));
	else
		out->tag = (int32_t)get32(p + offsetof(Elf32_Dyn, d_tag));
	out->value = get_word(img, p + FIELD(img, Dyn, d_val));
	return 0;
}

/*
 * Walk the dynamic table (gABI, "Dynamic Section").  It ends at DT_NULL,
 * and it must end inside its segment: a table without DT_NULL is refused
 * rather than read on into whatever follows.  The d_ptr entries are only
 * collected here; they become offsets in translate_all().
 */
static int read_dynamic(struct vdso_image *img, size_t dyn_size, struct dyn_ptrs *d)
{
	size_t max = dyn_size / RECORD(img, Dyn);
	struct vdso_dynamic e;
	unsigned i;
	int err;

	img->dynnum = max < 0xffffffffu ? (unsigned)max : 0xffffffffu;
	for (i = 0; i < img->dynnum; i++) {
		if ((err = vdso_dynamic(img, i, &e)) < 0)
			return err;
		switch (e.tag) {
		case DT_NULL:
			img->dynnum = i + 1;
			return 0;
		case DT_STRTAB:   d->strtab = e.value;   d->seen |= BIT_STRTAB; break;
		case DT_SYMTAB:   d->symtab = e.value;   d->seen |= BIT_SYMTAB; break;
		case DT_HASH:     d->hash = e.value;     d->seen |= BIT_HASH; break;
		case DT_GNU_HASH: d->gnu_hash = e.value; d->seen |= BIT_GNU_HASH; break;
		case DT_VERSYM:   d->versym = e.value;   d->seen |= BIT_VERSYM; break;
		case DT_VERDEF:   d->verdef = e.value;   d->seen |= BIT_VERDEF; break;
		case DT_STRSZ:
			if (e.value > img->size)
				return -VDSO_ESTRTAB;
			img->strsz = (size_t)e.value;
			d->seen |= BIT_STRSZ;
			break;
		case DT_SYMENT:
			/* gABI: the size of one symbol entry; the reader
			 * knows only the gABI's own. */
			if (e.value != RECORD(img, Sym))
				return -VDSO_ESYMTAB;
			break;
		case DT_SONAME:
			img->soname = e.value < img->size ? (size_t)e.value : img->size;
			break;
		case DT_VERDEFNUM:
			/* each Verdef takes 20 bytes: more cannot fit */
			if (e.value > img->size / sizeof(Elf_Verdef))
				return -VDSO_EVERDEF;
			img->verdefnum = (unsigned)e.value;
			break;
		}
	}
	img->dynnum = 0;
	return -VDSO_EDYNAMIC;  /* no DT_NULL within the segment */
}

/* The file offset of a link-time address, through the PT_LOAD whose file
 * part holds it (gABI, "Program Loading": offset = vaddr - p_vaddr + p_offset). */
static int vaddr_to_offset(const struct vdso_image *img, uint64_t vaddr, size_t *off)
{
	struct vdso_segment ph;
	unsigned i;

	for (i = 0; i < img->phnum; i++) {
		if (vdso_segment(img, i, &ph) < 0 || ph.type != PT_LOAD)
			continue;
		if (vaddr >= ph.vaddr && vaddr - ph.vaddr < ph.filesz) {
			/* find_segments checked offset + filesz <= size */
			*off = (size_t)(ph.offset + (vaddr - ph.vaddr));
			return 1;
		}
	}
	return 0;
}

/*
 * A d_ptr as an offset into the bytes.
 *
 * The gABI says a d_ptr is a link-time virtual address, and so it is in
 * the kernel's vDSO and in any file.  But a loader may relocate the table
 * in place: glibc adds the load bias to most d_ptr entries of the libraries
 * it loads (not to DT_VERDEF), so one table can hold both kinds.  QEMU's
 * user-mode vDSO is relocated in place too, but QEMU shifts p_vaddr and
 * st_value along with d_ptr, so its image reads as one linked at its load
 * address and needs no special case: bias is 0 and its d_ptrs are in range.
 *
 * So, per entry: first as a link-time address inside a PT_LOAD; failing
 * that, as a run-time address, vaddr = d_ptr - bias, which is only right
 * for an image that is where it runs (bytes is the mapping, not a copy).
 * For a copy the second try lands somewhere arbitrary; that is harmless:
 * the result is still a checked offset into the bytes, and the tables
 * found there must still pass every check below.  The two readings can
 * only disagree when |bias| is smaller than the image, i.e. an image
 * mapped within its own size of its link address; there the gABI reading
 * wins.  img->relocated counts the entries that needed the second try.
 */
static int translate(struct vdso_image *img, uint64_t dptr, size_t *off, int err)
{
	uint64_t vaddr;

	if (vaddr_to_offset(img, dptr, off))
		return 0;
	if (dptr > UINTPTR_MAX)         /* not an address in this process */
		return err;
	vaddr = (uintptr_t)((uintptr_t)dptr - img->bias);
	if (!vaddr_to_offset(img, vaddr, off))
		return err;
	img->relocated++;
	return 0;
}

static int translate_all(struct vdso_image *img, const struct dyn_ptrs *d)
{
	int err;
	/* gABI: DT_STRTAB, DT_SYMTAB and DT_STRSZ are mandatory in a
	 * shared object; a hash table is too, but see hash_check(). */
	unsigned need = BIT_STRTAB | BIT_SYMTAB | BIT_STRSZ;

	if ((d->seen & need) != need)
		return -VDSO_EDYNAMIC;
	err = translate(img, d->strtab, &img->strtab, -VDSO_ESTRTAB);
	if (!err)
		err = translate(img, d->symtab, &img->symtab, -VDSO_ESYMTAB);
	if (!err && (d->seen & BIT_HASH))
		err = translate(img, d->hash, &img->hash, -VDSO_EHASH);
	if (!err && (d->seen & BIT_GNU_HASH))
		err = translate(img, d->gnu_hash, &img->gnu_hash, -VDSO_EGNUHASH);
	if (!err && (d->seen & BIT_VERSYM))
		err = translate(img, d->versym, &img->versym, -VDSO_EVERSYM);
	if (!err && (d->seen & BIT_VERDEF))
		err = translate(img, d->verdef, &img->verdef, -VDSO_EVERDEF);
	return err;
}

/*
 * The tables must be where they say, and the offset 0 that the
 * vdso_image fields use for "absent" must not be one of them (it is the
 * ELF header's place).
 */
static int check_tables(struct vdso_image *img, const struct dyn_ptrs *d)
{
	if (img->strsz == 0 || img->strtab == 0 ||
	    !in_range(img, img->strtab, img->strsz))
		return -VDSO_ESTRTAB;
	if (img->soname != (size_t)-1 && img->soname >= img->strsz)
		return -VDSO_EDYNAMIC;
	if (img->symtab == 0)
		return -VDSO_ESYMTAB;
	if ((d->seen & BIT_HASH) && img->hash == 0)
		return -VDSO_EHASH;
	if ((d->seen & BIT_GNU_HASH) && img->gnu_hash == 0)
		return -VDSO_EGNUHASH;
	if ((d->seen & BIT_VERSYM) && img->versym == 0)
		return -VDSO_EVERSYM;
	/* LSB: DT_VERDEF comes with DT_VERDEFNUM, its number of entries */
	if ((d->seen & BIT_VERDEF) && (img->verdef == 0 || img->verdefnum == 0))
		return -VDSO_EVERDEF;
	return 0;
}

int vdso_open(struct vdso_image *img, const void *bytes, size_t size, int flags)
{
	struct dyn_ptrs d;
	size_t dyn_size = 0;
	int err;

	d.strtab = d.symtab = d.hash = d.gnu_hash = d.versym = d.verdef = 0;
	d.seen = 0;
	clear_image(img, bytes, size);
	if (bytes == NULL)
		return -VDSO_ENOTELF;
	if ((err = elf_read_header(img, flags)) < 0 ||
	    (err = find_segments(img, &dyn_size)) < 0 ||
	    (err = read_dynamic(img, dyn_size, &d)) < 0 ||
	    (err = translate_all(img, &d)) < 0 ||
	    (err = check_tables(img, &d)) < 0)
		goto fail;
	img->syment = RECORD(img, Sym);

	/* The number of symbols comes from the hash tables; then the symbol
	 * table and the versym array, one entry per symbol, must fit. */
	if ((err = hash_check(img)) < 0)
		goto fail;
	if (!in_array(img, img->symtab, img->nsyms, img->syment)) {
		err = -VDSO_ESYMTAB;
		goto fail;
	}
	if (img->versym && !in_array(img, img->versym, img->nsyms, sizeof(uint16_t))) {
		err = -VDSO_EVERSYM;
		goto fail;
	}
	if ((err = version_check(img)) < 0)
		goto fail;
	return 0;
fail:
	/* Leave nothing that a careless caller could walk. */
	clear_image(img, bytes, 0);
	return err;
}

const char *vdso_soname(const struct vdso_image *img)
{
	if (img->soname == (size_t)-1)
		return NULL;
	return elf_string(img, img->soname);
}
