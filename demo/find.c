/*
 * demo/find.c - two ways to find the vDSO: the auxiliary vector's, and
 * /proc's, side by side.
 *
 * Terms.  A mapping is a range of addresses backed by a file or by
 * nothing (anonymous), with its permissions (r, w, x; p private);
 * /proc/self/maps lists this process's, one a line.  [vvar] and
 * [vvar_vclock] are the kernel's data pages for the vDSO (lesson data
 * reads them).  Address randomisation (ASLR) places the stack, the mmap
 * area and the vDSO anew at each execve.
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
 * try: build/x86_64/find; setarch -R build/x86_64/find; cat /proc/self/maps   # run it twice: it moves
 * exercise: run it under gdb (which turns randomisation off) and then
 *   with `set disable-randomization off`: the vDSO's address stops, then moves.
 */
#include <lib/lib.h>
#include <syscall/syscall.h>
#include <vdso/vdso.h>

static char mem[65536];

/* Each line of /proc/self/maps that names the vDSO or its data pages, as
 * the runtime's parser (syscall/maps.c) reads it; *ctx: [vdso]'s start. */
static int show_line(const struct maps_entry *m, void *ctx)
{
	if (str_eq(m->name, "[vdso]") || str_eq(m->name, "[vvar]") || str_eq(m->name, "[vvar_vclock]")) {
		out_printf(&out_stdout, "maps:  %llx-%llx %s %s\n", (unsigned long long)m->start,
			   (unsigned long long)m->end, m->perms, m->name);
		if (str_eq(m->name, "[vdso]"))
			*(uint64_t *)ctx = m->start;
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	const unsigned char *image;
	const char *why;
	uint64_t at = 0;
	size_t size;
	long fd, r;

	(void)argc, (void)argv, (void)envp;
	if (vdso_find(&image, &size, &why) < 0) {
		out_printf(o, "no vDSO here: %s\n", why);
		return out_flush(o) < 0;
	}
	out_printf(o, "auxv:  AT_SYSINFO_EHDR 0x%lx, %lu bytes by its own headers\n",
		   (unsigned long)image, (unsigned long)size);
	if ((r = maps_read(show_line, &at)) < 0) {
		out_printf(o, "/proc: cannot read /proc/self/maps (%s): the auxiliary vector is all there is\n",
			   errno_name((int)-r));
		return out_flush(o) < 0;
	}
	if (at == 0) {
		out_str(o, "maps:  no [vdso] line (an emulator may not list it)\n");
		return out_flush(o) < 0;
	}
	out_printf(o, "both say 0x%lx: %s\n", (unsigned long)at,
		   at == (uintptr_t)image ? "the same" : "DIFFERENT");
	vdso_draw_around(o, at);        /* the runtime's picture: vdso/around.c */

	/* /proc/self/mem: the file offset is the address. */
	fd = sys_openat(AT_FDCWD, "/proc/self/mem", O_RDONLY, 0);
	r = fd < 0 ? fd : sys_pread((int)fd, mem, size < sizeof mem ? size : sizeof mem, (int64_t)at);
	if (fd >= 0)
		sys_close((int)fd);
	if (r < 0)
		out_printf(o, "mem:   cannot read /proc/self/mem: %s\n", errno_name((int)-r));
	else
		out_printf(o, "mem:   %ld bytes read at 0x%lx: %s the image in memory\n", r, (unsigned long)at,
			   (size_t)r == size && memcmp(mem, image, size) == 0 ? "the same as" : "NOT");
	return out_flush(o) < 0;
}
