/*
 * elf/header.c - the ELF header and the program headers.
 *
 * gABI, "ELF Header" and "Program Header".  Shared by elf_open and
 * elf_extent, which both start from the first bytes of an image.
 */
#include "bounded.h"

static int is_elf_magic(const unsigned char *b)
{
	return b[EI_MAG0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
}

/*
 * Check e_ident and the header fields the reader relies on, and set
 * img->elf_class, machine, phoff, phnum, shoff and shnum.  img->bytes and
 * img->size must be set.  The program headers must lie within the bytes;
 * the section headers are optional and left at 0 unless they do.
 */
int elf_read_header(struct elf_image *img, struct elf_accept accept)
{
	const unsigned char *b = img->bytes;
	uint64_t phoff, shoff;
	unsigned phnum, phentsize, shnum, shentsize;

	if (!in_range(img, 0, EI_NIDENT) || !is_elf_magic(b))
		return -ELF_ENOTELF;
	if (b[EI_CLASS] == ELFCLASS32)
		img->elf_class = 32;
	else if (b[EI_CLASS] == ELFCLASS64)
		img->elf_class = 64;
	else
		return -ELF_ECLASS;
	if (b[EI_DATA] != ELFDATA2LSB && b[EI_DATA] != ELFDATA2MSB)
		return -ELF_ECLASS;
	img->big_endian = b[EI_DATA] == ELFDATA2MSB;
	/* a reader built for its own vDSO only (bounded.h) */
	if (CLASS(img) != img->elf_class || BIG_ENDIAN_IMAGE(img) != img->big_endian)
		return -ELF_ECLASS;
	if (b[EI_VERSION] != EV_CURRENT || !in_range(img, 0, RECORD(img, Ehdr)))
		return -ELF_EHEADER;

	img->machine = get16(img, b + FIELD(img, Ehdr, e_machine));
	/* The caller says what it can use (the live vDSO: the arch's own, from
	 * arch/<arch>/arch.h); a file may be of any class and machine. */
	if (accept.elf_class != 0 &&
	    (accept.elf_class != img->elf_class || accept.machine != img->machine ||
	     img->big_endian != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)))
		return -ELF_ECLASS;
	if (get16(img, b + FIELD(img, Ehdr, e_type)) != ET_DYN)
		return -ELF_ETYPE;
	if (get32(img, b + FIELD(img, Ehdr, e_version)) != EV_CURRENT)
		return -ELF_EHEADER;

	phoff = get_word(img, b + FIELD(img, Ehdr, e_phoff));
	phnum = get16(img, b + FIELD(img, Ehdr, e_phnum));
	phentsize = get16(img, b + FIELD(img, Ehdr, e_phentsize));
	/* PN_XNUM means "the count is in section header 0": extended
	 * numbering for huge files, which no vDSO needs. */
	if (phnum == 0)
		return -ELF_ENOLOAD;
	if (phnum == PN_XNUM || phentsize != RECORD(img, Phdr) ||
	    !in_array(img, phoff, phnum, phentsize))
		return -ELF_EPHDR;
	img->phoff = (size_t)phoff;
	img->phnum = phnum;

	shoff = get_word(img, b + FIELD(img, Ehdr, e_shoff));
	shnum = get16(img, b + FIELD(img, Ehdr, e_shnum));
	shentsize = get16(img, b + FIELD(img, Ehdr, e_shentsize));
	img->shoff = 0;
	img->shnum = 0;
	if (shnum != 0 && shentsize == RECORD(img, Shdr) &&
	    in_array(img, shoff, shnum, shentsize)) {
		img->shoff = (size_t)shoff;
		img->shnum = shnum;
	}
	return 0;
}

int elf_segment(const struct elf_image *img, unsigned i, struct elf_segment *out)
{
	size_t size = RECORD(img, Phdr);
	uint64_t off = (uint64_t)img->phoff + (uint64_t)i * size;
	const unsigned char *p;

	if (i >= img->phnum)
		return -ELF_ERANGE;
	if (!in_range(img, off, size))
		return -ELF_EPHDR;
	p = img->bytes + (size_t)off;
	out->type = get32(img, p + FIELD(img, Phdr, p_type));
	out->flags = get32(img, p + FIELD(img, Phdr, p_flags));
	out->offset = get_word(img, p + FIELD(img, Phdr, p_offset));
	out->vaddr = get_word(img, p + FIELD(img, Phdr, p_vaddr));
	out->filesz = get_word(img, p + FIELD(img, Phdr, p_filesz));
	out->memsz = get_word(img, p + FIELD(img, Phdr, p_memsz));
	out->align = get_word(img, p + FIELD(img, Phdr, p_align));
	return 0;
}
