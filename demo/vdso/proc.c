/*
 * demo/vdso/proc.c - `vdso dump --proc` and `vdso dump --check`: the image as
 * /proc shows it.  This is the usual method (with libc: fopen the maps,
 * find "[vdso]", read /proc/self/mem there), done without libc, and then
 * held against the image's own headers.
 *
 * /proc/self/maps has one line per mapping (proc(5); syscall/maps.c
 * reads it), and the one named [vdso] is the image.
 *
 * /proc/self/mem is the process's memory as a file, the offset being the
 * address (fs/proc/base.c, mem_rw), so pread there reads the vDSO's pages.
 * The [vdso] line gives the length the kernel mapped; --check compares it
 * with the length the headers give (vdso_find, vdso/find.c).
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

#define MAPS "/proc/self/maps"
#define MEM "/proc/self/mem"
#define PROC_LIMIT ((uint64_t)16 << 20)  /* a vDSO is a few pages; more is no vDSO */

struct mapping {
	uint64_t start, end;
};

/* The [vdso] line of /proc/self/maps (read by syscall/maps.c). */
static int is_vdso(const struct maps_entry *e, void *ctx)
{
	struct mapping *m = ctx;

	if (!str_eq(e->name, "[vdso]"))
		return 0;
	m->start = e->start;
	m->end = e->end;
	return 1;
}

/* 1 found, 0 not, or -errno. */
static long find_vdso(struct mapping *m)
{
	long r;

	m->start = m->end = 0;
	r = maps_read(is_vdso, m);
	return r < 0 ? r : m->end > m->start;
}

/* pread the mapping through /proc/self/mem into new anonymous memory. */
static long read_mem(const struct mapping *m, unsigned char **bytes)
{
	size_t size = (size_t)(m->end - m->start), done = 0;
	long fd, r, buf;

	buf = sys_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_failed(buf))
		return buf;
	if ((fd = sys_openat(AT_FDCWD, MEM, O_RDONLY | O_CLOEXEC, 0)) < 0) {
		sys_munmap((void *)buf, size);
		return fd;
	}
	for (r = 0; done < size; ) {
		r = sys_pread((int)fd, (char *)buf + done, size - done, (int64_t)(m->start + done));
		if (r == -EINTR)
			continue;
		if (r <= 0) {
			r = r ? r : -EIO;       /* the mapping ended early */
			break;
		}
		done += (size_t)r;
		r = 0;
	}
	sys_close((int)fd);
	if (r < 0) {
		sys_munmap((void *)buf, size);
		return r;
	}
	*bytes = (unsigned char *)buf;
	return 0;
}

/* The [vdso] mapping and its bytes; 0, or 1 after one line on stderr. */
static int proc_image(const char *what, struct mapping *m, unsigned char **bytes)
{
	long r = find_vdso(m);

	if (r == -ENOENT)
		return file_error(what, "no /proc: " MAPS, r);
	if (r < 0)
		return file_error(what, MAPS, r);
	if (r == 0) {
		return report(what, 0, "no vDSO", "no [vdso] line in " MAPS);
	}
	if (m->end - m->start > PROC_LIMIT || m->end > UINTPTR_MAX)
		return file_error(what, "the [vdso] line in " MAPS, -EFBIG);
	if ((r = read_mem(m, bytes)) < 0)
		return file_error(what, MEM, r);
	return 0;
}

int dump_proc(const char *file)
{
	struct mapping m;
	unsigned char *bytes;
	size_t size;

	if (proc_image("dump --proc", &m, &bytes))
		return 1;
	size = (size_t)(m.end - m.start);
	return dump_image("dump --proc", file, bytes, size, m.start,
			  "the [vdso] line of " MAPS ", read through " MEM);
}

static void verdict(struct out *o, const char *what, int same)
{
	out_str(o, what);
	out_str(o, same ? "same\n" : "DIFFERENT\n");
}

/* Both ways, side by side: exit 0 if they agree in address, size and bytes. */
int dump_check(void)
{
	struct out *o = &out_stdout;
	const unsigned char *image;
	unsigned char *copy;
	const char *why;
	struct mapping m;
	size_t size, msize, n, i, differ = 0, first = 0;
	int ok;

	if (vdso_find(&image, &size, &why) < 0) {
		return report("dump --check", 0, "no vDSO", why);
	}
	if (proc_image("dump --check", &m, &copy))
		return 1;
	msize = (size_t)(m.end - m.start);

	out_str(o, "headers: 0x");
	out_hex(o, (uintptr_t)image, 0);
	out_str(o, ", ");
	out_udec(o, size);
	out_str(o, " bytes (AT_SYSINFO_EHDR, the extent by the image's own headers)\n");
	out_str(o, "/proc:   0x");
	out_hex(o, m.start, 0);
	out_str(o, ", ");
	out_udec(o, msize);
	out_str(o, " bytes (the [vdso] line of " MAPS ", read through " MEM ")\n");
	verdict(o, "address: ", m.start == (uintptr_t)image);
	verdict(o, "size:    ", msize == size);

	/* Byte for byte over the header-sized extent (or the mapping, if shorter). */
	n = size < msize ? size : msize;
	for (i = 0; i < n; i++)
		if (image[i] != copy[i] && differ++ == 0)
			first = i;
	out_str(o, "bytes:   ");
	if (differ == 0) {
		out_str(o, "the ");
		out_udec(o, n);
		out_str(o, " bytes are the same\n");
	} else {
		out_udec(o, differ);
		out_str(o, " of ");
		out_udec(o, n);
		out_str(o, " bytes DIFFER, the first at offset 0x");
		out_hex(o, first, 0);
		out_char(o, '\n');
	}
	ok = differ == 0 && msize == size && m.start == (uintptr_t)image;
	out_str(o, ok ? "check: ok\n" : "check: FAILED\n");
	return ok ? 0 : 1;
}
