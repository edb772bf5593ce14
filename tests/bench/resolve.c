/*
 * tests/bench/resolve.c - what vdso_init costs: open the live vDSO and
 * resolve every symbol of the call table, in instructions (callgrind).
 *
 * valgrind gives the program it runs no vDSO: it drops AT_SYSINFO_EHDR
 * from the auxiliary vector, so under callgrind the real `vdso` has
 * nothing to resolve.  This program brings the image along:
 *
 *   resolve save FILE   natively: write this process's vDSO image to FILE
 *                       (its extent from its own headers, as vdso_init
 *                       takes it)
 *   resolve FILE        read FILE into page-aligned memory, make an
 *                       auxiliary vector that points AT_SYSINFO_EHDR at
 *                       it, and run the real vdso_init, unchanged; then
 *                       say what it resolved
 *
 * Built with the project's flags against libruntime.a (run.sh), so the
 * code counted is the code the programs run.  The image is the kernel's,
 * linked at 0, and the reader relocates it to where it lies, as it does
 * the live one.  On i386 the gate (AT_SYSINFO) is left out: it is one
 * more auxv look-up, and calling into a copy would mean nothing.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>

#define IMAGE_MAX (64 * 1024)   /* the x86 vDSO is 2 pages, 8 KiB */
#define AUXV_MAX 64

static unsigned char image[IMAGE_MAX] __attribute__((aligned(4096)));
static unsigned long auxv[2 * AUXV_MAX + 2];

static int fail(const char *what, long err)
{
	out_printf(&out_stderr, "resolve: %s: %s (%s)\n", what,
		   errno_name((int)err), errno_message((int)err));
	out_flush(&out_stderr);
	return 1;
}

static int save(const char *file)
{
	unsigned long ehdr;
	size_t size, done = 0;
	long fd, r;

	if (!auxv_get(AT_SYSINFO_EHDR, &ehdr) || !ehdr)
		return fail("no vDSO here (AT_SYSINFO_EHDR)", -ENOENT);
	size = elf_extent((const void *)ehdr, 4096, 4096);
	if (size == 0 || size > IMAGE_MAX)
		return fail("the vDSO's headers", -EINVAL);
	fd = sys_openat(AT_FDCWD, file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (sys_failed(fd))
		return fail(file, fd);
	while (done < size) {
		r = sys_write((int)fd, (const char *)ehdr + done, size - done);
		if (sys_failed(r) && r != -EINTR)
			return fail(file, r);
		if (r > 0)
			done += (size_t)r;
	}
	return sys_failed(sys_close((int)fd)) ? fail(file, -EIO) : 0;
}

static int load(const char *file)
{
	size_t len = 0;
	unsigned i, n = 0, resolved = 0;
	long fd, r;

	fd = sys_openat(AT_FDCWD, file, O_RDONLY, 0);
	if (sys_failed(fd))
		return fail(file, fd);
	while ((r = sys_read((int)fd, image + len, IMAGE_MAX - len)) != 0) {
		if (sys_failed(r) && r != -EINTR)
			return fail(file, r);
		if (r > 0)
			len += (size_t)r;
		if (len == IMAGE_MAX)
			return fail(file, -EFBIG);
	}
	sys_close((int)fd);

	/* The vector: AT_SYSINFO_EHDR first, where the kernel puts it
	 * (ARCH_DLINFO in fs/binfmt_elf.c), then the real entries but the
	 * vDSO's two, then AT_NULL. */
	auxv[n++] = AT_SYSINFO_EHDR;
	auxv[n++] = (unsigned long)image;
	for (i = 0; start_auxv[i] != 0 && n < 2 * AUXV_MAX; i += 2) {
		if (start_auxv[i] == AT_SYSINFO_EHDR || start_auxv[i] == AT_SYSINFO)
			continue;
		auxv[n++] = start_auxv[i];
		auxv[n++] = start_auxv[i + 1];
	}
	auxv[n++] = 0;
	auxv[n] = 0;
	start_auxv = auxv;

	vdso_init();   /* the one being counted */

	if (vdso_status != 0) {
		out_str(&out_stderr, "resolve: ");
		out_str(&out_stderr, file);
		out_str(&out_stderr, ": ");
		out_str(&out_stderr, elf_strerror(vdso_status));
		out_char(&out_stderr, '\n');
		return 1;
	}
	for (i = 0; i < VDSO_NCALLS; i++)
		resolved += vdso_calls[i].fn != 0;
	out_str(&out_stdout, "resolved ");
	out_udec(&out_stdout, resolved);
	out_str(&out_stdout, " of ");
	out_udec(&out_stdout, VDSO_NCALLS);
	out_str(&out_stdout, ":");
	for (i = 0; i < VDSO_NCALLS; i++) {
		out_char(&out_stdout, ' ');
		out_str(&out_stdout, vdso_calls[i].symbol ? vdso_calls[i].symbol : "-");
	}
	out_char(&out_stdout, '\n');
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc == 3 && str_eq(argv[1], "save"))
		return save(argv[2]);
	if (argc == 2)
		return load(argv[1]);
	out_str(&out_stderr, "usage: resolve save FILE | resolve FILE\n");
	return 2;
}
