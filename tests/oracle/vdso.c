/*
 * tests/oracle/vdso.c - the live vDSO as glibc and the kernel's own
 * headers describe it.  An oracle for `vdso syms`, `vdso call` and the
 * dump, written independently of elf/.
 *
 *   vdso image FILE          write the image: AT_SYSINFO_EHDR, for as many
 *                            bytes as its program and section headers reach
 *   vdso dlvsym NAME@VER...  for each, the symbol's offset from the image
 *                            (dlvsym on linux-vdso.so.1 / linux-gate.so.1,
 *                            minus the image's address), or "absent"
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

static unsigned long image_size(const unsigned char *base)
{
	const ElfW(Ehdr) *eh = (const void *)base;
	const ElfW(Phdr) *ph = (const void *)(base + eh->e_phoff);
	unsigned long end = eh->e_shoff + (unsigned long)eh->e_shnum * eh->e_shentsize;

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset + ph[i].p_filesz > end)
			end = ph[i].p_offset + ph[i].p_filesz;
	return (end + 4095) & ~4095UL;
}

int main(int argc, char **argv)
{
	unsigned char *base = (void *)getauxval(AT_SYSINFO_EHDR);

	if (!base) {
		fprintf(stderr, "oracle: no AT_SYSINFO_EHDR\n");
		return 3;
	}
	if (argc == 3 && strcmp(argv[1], "image") == 0) {
		FILE *f = fopen(argv[2], "wb");
		unsigned long n = image_size(base);
		printf("%p\n", (void *)base);   /* where it was: for relocated images */
		return !(f && fwrite(base, 1, n, f) == n && fclose(f) == 0);
	}
	if (argc >= 2 && strcmp(argv[1], "dlvsym") == 0) {
		/* glibc names the vDSO by its soname: linux-gate.so.1 for
		 * i386's, linux-vdso64.so.1 for ppc64's and s390x's (their
		 * vdso Makefiles, -soname), linux-vdso.so.1 for the others */
		static const char *const names[] = {
			"linux-vdso.so.1", "linux-gate.so.1", "linux-vdso64.so.1", "linux-vdso32.so.1",
		};
		void *h = 0;
		for (unsigned i = 0; !h && i < sizeof names / sizeof names[0]; i++)
			h = dlopen(names[i], RTLD_LAZY | RTLD_NOLOAD);
		if (!h) {
			fprintf(stderr, "oracle: dlopen: %s\n", dlerror());
			return 3;
		}
		for (int i = 2; i < argc; i++) {
			char name[256], *at;
			snprintf(name, sizeof name, "%s", argv[i]);
			at = strchr(name, '@');
			if (at)
				*at++ = 0;
			void *p = at ? dlvsym(h, name, at) : dlsym(h, name);
			if (p)
				printf("%s 0x%lx\n", argv[i], (unsigned long)((unsigned char *)p - base));
			else
				printf("%s absent\n", argv[i]);
		}
		return 0;
	}
	fprintf(stderr, "usage: vdso image FILE | vdso dlvsym NAME@VER...\n");
	return 2;
}
