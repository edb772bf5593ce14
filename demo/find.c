/*
 * demo/find.c - two ways to find the vDSO: the auxiliary vector's, and
 * /proc's, side by side.
 *
 * The kernel puts the vDSO's address in AT_SYSINFO_EHDR (its
 * Documentation/ABI/stable/vdso; fs/binfmt_elf.c).  It does not say how
 * long the image is, but the image's own ELF headers do (vdso/find.c).
 * The old way, from the days when the i386 vDSO sat at 0xffffe000 in
 * every process, reads /proc/self/maps for the "[vdso]" line and the bytes
 * from /proc/self/mem at that address (proc(5)).  A fixed address is a
 * gift to an exploit (code to jump to, the same in every process), so the
 * kernel now places it at random like the stack; gdb turns that off.
 * Beside [vdso] are the data pages its functions read, [vvar] and, since
 * 6.13, [vvar_vclock]: read-only to the process, written by the kernel.
 * The auxiliary vector works without /proc (a container, PID 1 at boot).
 *
 * try: run it twice, then: setarch -R build/x86_64/find; or: cat /proc/self/maps
 * exercise: run it under gdb (which turns randomisation off) and then
 *   with `set disable-randomization off`: the vDSO's address stops, then moves.
 */
#include <lib/lib.h>
#include <syscall/syscall.h>
#include <vdso/vdso.h>

static char maps[16384], mem[65536];

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	const unsigned char *image;
	const char *why, *line, *end;
	unsigned long at = 0;
	size_t size, len = 0;
	long fd, r;

	(void)argc, (void)argv, (void)envp;
	if (vdso_find(&image, &size, &why) < 0) {
		out_printf(o, "no vDSO here: %s\n", why);
		return out_flush(o) < 0;
	}
	out_printf(o, "auxv:  AT_SYSINFO_EHDR 0x%lx, %lu bytes by its own headers\n",
		   (unsigned long)image, (unsigned long)size);

	fd = sys_openat(AT_FDCWD, "/proc/self/maps", O_RDONLY, 0);
	if (fd < 0) {
		out_printf(o, "/proc: cannot open /proc/self/maps (%s): the auxiliary vector is all there is\n",
			   errno_name((int)fd));
		return out_flush(o) < 0;
	}
	while (len < sizeof maps && (r = sys_read((int)fd, maps + len, sizeof maps - len)) > 0)
		len += (size_t)r;
	sys_close((int)fd);
	/* The lines that name the vDSO and its data pages, as they stand. */
	for (line = maps; line < maps + len; line = end + 1) {
		for (end = line; end < maps + len && *end != '\n'; end++)
			;
		if (end - line > 6 && (memcmp(end - 6, "[vdso]", 6) == 0 ||
				       memcmp(end - 6, "[vvar]", 6) == 0 ||
				       (end - line > 13 && memcmp(end - 13, "[vvar_vclock]", 13) == 0))) {
			out_str(o, "maps:  ");
			out_mem(o, line, (size_t)(end - line) + 1);
			if (memcmp(end - 6, "[vdso]", 6) == 0)
				for (at = 0; *line != '-'; line++)
					at = at << 4 | (unsigned long)(*line <= '9' ? *line - '0' : *line - 'a' + 10);
		}
	}
	if (at == 0) {
		out_str(o, "maps:  no [vdso] line (an emulator may not list it)\n");
		return out_flush(o) < 0;
	}
	out_printf(o, "both say 0x%lx: %s\n", at, at == (unsigned long)image ? "the same" : "DIFFERENT");

	/* /proc/self/mem: the file offset is the address. */
	fd = sys_openat(AT_FDCWD, "/proc/self/mem", O_RDONLY, 0);
	r = fd < 0 ? fd : sys_pread((int)fd, mem, size < sizeof mem ? size : sizeof mem, (int64_t)at);
	if (fd >= 0)
		sys_close((int)fd);
	if (r < 0)
		out_printf(o, "mem:   cannot read /proc/self/mem: %s\n", errno_name((int)r));
	else
		out_printf(o, "mem:   %ld bytes read at 0x%lx: %s the image in memory\n", r, at,
			   (size_t)r == size && memcmp(mem, image, size) == 0 ? "the same as" : "NOT");
	return out_flush(o) < 0;
}
