/*
 * demo/vdso/proc.c - `vdso dump --proc` and `vdso dump --check`: the image as
 * /proc shows it.  This is the usual method (with libc: fopen the maps,
 * find "[vdso]", read /proc/self/mem there), done without libc, and then
 * held against the image's own headers.
 *
 * /proc/self/maps has one line per mapping (proc(5); the kernel's
 * fs/proc/task_mmu.c, show_map_vma):
 *
 *   7ffc8d5f3000-7ffc8d5f5000 r-xp 00000000 00:00 0          [vdso]
 *   start-end                 perms offset  dev   inode      name
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

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A hex number up to the character 'stop'; the text after it, or NULL. */
static const char *parse_hex(const char *p, const char *end, char stop, uint64_t *v)
{
	int digits = 0, d;

	for (*v = 0; p < end && *p != stop; p++) {
		if ((d = hex_digit(*p)) < 0 || ++digits > 16)
			return NULL;
		*v = *v << 4 | (unsigned)d;
	}
	return p < end && digits ? p + 1 : NULL;
}

/* Is this line (without its '\n') the [vdso] mapping?  Then set m. */
static int vdso_line(const char *line, size_t len, struct mapping *m)
{
	const char *p = line, *end = line + len;
	int field;

	if (!(p = parse_hex(p, end, '-', &m->start)) || !(p = parse_hex(p, end, ' ', &m->end)))
		return 0;
	/* perms, offset, dev, inode: each with the spaces after it */
	for (field = 0; field < 4; field++) {
		while (p < end && *p != ' ')
			p++;
		while (p < end && *p == ' ')
			p++;
	}
	return end - p == 6 && memcmp(p, "[vdso]", 6) == 0 && m->end > m->start;
}

/*
 * Read /proc/self/maps in a loop, a buffer at a time, and look at each
 * whole line.  A line longer than the buffer (a long path) is skipped: it
 * is not the [vdso] line.  1 found, 0 not, or -errno.
 */
static long find_vdso(struct mapping *m)
{
	static char buf[4096];
	size_t len = 0, start, i;
	int skipping = 0, found = 0;
	long fd, r;

	if ((fd = sys_openat(AT_FDCWD, MAPS, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return fd;
	while (!found) {
		r = sys_read((int)fd, buf + len, sizeof buf - len);
		if (r == -EINTR)
			continue;
		if (r <= 0) {   /* the end, or an error; a last line without '\n' */
			if (r == 0 && len && !skipping)
				found = vdso_line(buf, len, m);
			break;
		}
		len += (size_t)r;
		for (start = i = 0; i < len && !found; i++) {
			if (buf[i] != '\n')
				continue;
			if (!skipping)
				found = vdso_line(buf + start, i - start, m);
			skipping = 0;
			start = i + 1;
		}
		memmove(buf, buf + start, len - start);
		len -= start;
		if (len == sizeof buf) {
			skipping = 1;
			len = 0;
		}
	}
	sys_close((int)fd);
	return r < 0 ? r : found;
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
