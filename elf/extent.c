/*
 * elf/extent.c - how many bytes an image in memory spans, from its own
 * headers.
 *
 * The auxiliary vector gives the vDSO's address (AT_SYSINFO_EHDR) but not
 * its length.  The headers say it: the image is the file the kernel built,
 * mapped whole, so it reaches at least to the end of every PT_LOAD's file
 * part and to the end of the section header table.  Only the ELF header
 * and the program headers are read, and only inside the first 'first'
 * bytes, which the caller knows to be mapped (one page: the kernel maps
 * the vDSO in whole pages, the ELF header at the start of the first).
 */
#include "bounded.h"

/* max(*end, off + len), or 0 if the sum overflows. */
static int extend(uint64_t *end, uint64_t off, uint64_t len)
{
	if (len > UINT64_MAX - off)
		return 0;
	if (off + len > *end)
		*end = off + len;
	return 1;
}

size_t elf_extent(const void *ehdr, size_t first, size_t page)
{
	struct elf_image img;
	const unsigned char *b = ehdr, *p;
	uint64_t end = 0, shoff;
	unsigned i, shnum, shentsize;
	int have_load = 0;

	if (ehdr == NULL || page == 0 || (page & (page - 1)) != 0)
		return 0;
	/* elf_read_header reads bytes and size, and sets what it found */
	img.bytes = b;
	img.size = first;
	if (elf_read_header(&img, ELF_ACCEPT_ANY) < 0)
		return 0;

	/* elf_read_header proved the phnum records inside 'first' */
	p = b + img.phoff;
	for (i = 0; i < img.phnum; i++, p += RECORD(&img, Phdr)) {
		if (get32(&img, p + FIELD(&img, Phdr, p_type)) != PT_LOAD)
			continue;
		if (!extend(&end, get_word(&img, p + FIELD(&img, Phdr, p_offset)),
			    get_word(&img, p + FIELD(&img, Phdr, p_filesz))))
			return 0;
		have_load = 1;
	}
	if (!have_load)
		return 0;

	/* The section header table, read from the header itself:
	 * elf_read_header keeps it only if it lies within 'first'. */
	shoff = get_word(&img, b + FIELD(&img, Ehdr, e_shoff));
	shnum = get16(&img, b + FIELD(&img, Ehdr, e_shnum));
	shentsize = get16(&img, b + FIELD(&img, Ehdr, e_shentsize));
	if (shnum != 0) {
		if (shentsize != RECORD(&img, Shdr) ||
		    !extend(&end, shoff, (uint64_t)shnum * shentsize))
			return 0;
	}

	/* Round up to a whole page, if that fits in a size_t. */
	if (end > SIZE_MAX - (page - 1))
		return 0;
	return ((size_t)end + (page - 1)) & ~(page - 1);
}
