/*
 * vdso/find.c - where the live vDSO is, and how long, without /proc.
 *
 * The kernel says where the image starts (AT_SYSINFO_EHDR, the kernel's
 * Documentation/ABI/stable/vdso) but not how long it is.  The image's own
 * headers say that (elf_extent): the later of the end of each PT_LOAD's
 * file part and the end of the section header table, rounded up to a
 * page.  So the [vvar] pages beside the image, some of which raise
 * SIGBUS when read, are never touched.
 *
 * Nothing here trusts the auxiliary vector either: a loader (or a test)
 * may pass any number.  Every page is checked as mapped with mincore(2)
 * before it is read, the first one before its ELF header is.
 */
#include <linux/auxvec.h>
#include <start/start.h>
#include "vdso.h"

/* Are all the pages of [addr, addr + size) mapped?  mincore(2) answers
 * -ENOMEM if one is not, without touching any of them. */
static long all_mapped(unsigned long addr, size_t size, size_t page)
{
	unsigned char vec[64];
	size_t chunk = sizeof vec * page, n;
	long r;

	for (; size; addr += n, size -= n) {
		n = size < chunk ? size : chunk;
		if ((r = sys_mincore((void *)addr, n, vec)) < 0)
			return r;
	}
	return 0;
}

/* mincore's answer as a reason: ENOMEM is "not mapped"; ENOSYS or EPERM
 * (a seccomp filter) mean nobody can tell, and the kernel's word is taken. */
static const char *unmapped(long r, const char *what)
{
	if (r == 0 || r == -ENOSYS || r == -EPERM)
		return 0;
	return r == -ENOMEM ? what : "mincore(2) failed on its pages";
}

int vdso_find(const unsigned char **bytes, size_t *size, const char **why)
{
	unsigned long ehdr, page;
	size_t n;

	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr) {
		*why = "the auxiliary vector has no AT_SYSINFO_EHDR";
		return -1;
	}
	page = auxv_page_size();        /* checked in start/auxv.c */
	/* The kernel maps the image from a page boundary; its headers must
	 * lie in that first page, which must be mapped before it is read. */
	if (ehdr & (page - 1)) {
		*why = "AT_SYSINFO_EHDR is not page-aligned";
		return -1;
	}
	if ((*why = unmapped(all_mapped(ehdr, page, page),
			     "AT_SYSINFO_EHDR points at no mapped page")))
		return -1;
	n = elf_extent((const void *)ehdr, page, page);
	if (n == 0) {
		*why = "its ELF header or program headers are not sane";
		return -1;
	}
	if ((*why = unmapped(all_mapped(ehdr, n, page),
			     "its headers claim more pages than are mapped")))
		return -1;
	*bytes = (const unsigned char *)ehdr;
	*size = n;
	return 0;
}

/* The gate, if it lies inside the image found at [image, image + size). */
void *vdso_gate_in(const unsigned char *image, size_t size)
{
	unsigned long gate;

	if (!ARCH_HAS_GATE || !auxv_get(AT_SYSINFO, &gate) || !gate)
		return 0;
	if (gate < (unsigned long)image || gate - (unsigned long)image >= size)
		return 0;
	return (void *)gate;
}

void *vdso_gate(void)
{
	const unsigned char *image;
	const char *why;
	size_t size;

	if (!ARCH_HAS_GATE || vdso_find(&image, &size, &why) < 0)
		return 0;
	return vdso_gate_in(image, size);
}
