/*
 * elf/readings.c - the two readings of a d_ptr, for images a loader
 * relocated (the readelf layer: `vdso read`).
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

/* The offset of a run-time address of this process, if bytes is the
 * image where it runs.  The subtraction wraps, as the bias does. */
static int runtime_to_offset(const struct elf_image *img, uint64_t addr, size_t *off)
{
	if (addr > UINTPTR_MAX)
		return 0;
	return dyn_vaddr_offset(img, (uintptr_t)((uintptr_t)addr - img->bias), off);
}

/* One reading of entry t (runtime 0: link-time, 1: run-time). */
static inline int reading(const struct elf_image *img, const struct dyn_ptrs *d,
		   enum dyn_table t, int runtime, size_t *off)
{
	uint64_t v = d->value[t];
	int inside = runtime ? runtime_to_offset(img, v, off) : dyn_vaddr_offset(img, v, off);

	return inside && table_looks_like(img, t, *off);
}

/* Both mandatory tables in one reading? */
static int image_reads(const struct elf_image *img, const struct dyn_ptrs *d, int runtime)
{
	size_t off;

	return reading(img, d, TAB_STRTAB, runtime, &off) &&
	       reading(img, d, TAB_SYMTAB, runtime, &off);
}

int dyn_translate(struct elf_image *img, const struct dyn_ptrs *d)
{
	size_t off;
	int runtime, t;

	/* the common case, and all of it for a file or the kernel's vDSO */
	if (dyn_at_link_time(img, d, TAB_COUNT) == 0)
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
			return -dyn_table_error[t];
		}
		*dyn_table_offset(img, t) = off;
	}
	return 0;
}
