/*
 * syscall/maps.c - /proc/self/maps a line at a time: which mapping holds an
 * address, and what the kernel calls the pages around the vDSO.  One parser
 * for the lessons (find, vsyscall) and the tool (`vdso dump --proc`,
 * `signal`, `vsyscall`, `map`).
 *
 * One line per mapping (proc(5); fs/proc/task_mmu.c, show_map_vma):
 *
 *   7ffc8d5f3000-7ffc8d5f5000 r-xp 00000000 00:00 0          [vdso]
 *   start-end                 perms offset  dev   inode      name
 *
 * Without /proc (process 1 before it mounts one, a container) the open
 * fails with ENOENT, and each command says so in one line.
 */
#include <lib/lib.h>
#include "syscall.h"

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A hex number up to 'stop'; the text after it, or 0. */
static const char *hex_until(const char *p, const char *end, char stop, uint64_t *v)
{
	int digits = 0, d;

	for (*v = 0; p < end && *p != stop; p++) {
		if ((d = hex_digit(*p)) < 0 || ++digits > 16)
			return 0;
		*v = *v << 4 | (unsigned)d;
	}
	return p < end && digits ? p + 1 : 0;
}

/* One line, without its '\n', into m; 0 if it is not a mapping line. */
static int parse_line(const char *p, size_t len, struct maps_entry *m)
{
	const char *end = p + len;
	size_t n;
	int field;

	if (!(p = hex_until(p, end, '-', &m->start)) || !(p = hex_until(p, end, ' ', &m->end)))
		return 0;
	for (n = 0; p < end && *p != ' ' && n < sizeof m->perms - 1; n++)
		m->perms[n] = *p++;
	m->perms[n] = 0;
	/* perms (the rest of it), offset, dev, inode: each with its spaces */
	for (field = 0; field < 4; field++) {
		while (p < end && *p != ' ')
			p++;
		while (p < end && *p == ' ')
			p++;
	}
	n = (size_t)(end - p) < sizeof m->name - 1 ? (size_t)(end - p) : sizeof m->name - 1;
	memcpy(m->name, p, n);
	m->name[n] = 0;
	return m->end > m->start;
}

long maps_read(int (*fn)(const struct maps_entry *m, void *ctx), void *ctx)
{
	static char buf[4096];
	struct maps_entry m;
	size_t len = 0, start, i;
	int skipping = 0, stop = 0;
	long fd, r;

	if ((fd = sys_openat(AT_FDCWD, "/proc/self/maps", O_RDONLY | O_CLOEXEC, 0)) < 0)
		return fd;
	while (!stop) {
		r = sys_read((int)fd, buf + len, sizeof buf - len);
		if (r == -EINTR)
			continue;
		if (r <= 0) {   /* the end, or an error; a last line without '\n' */
			if (r == 0 && len && !skipping && parse_line(buf, len, &m))
				fn(&m, ctx);
			break;
		}
		len += (size_t)r;
		for (start = i = 0; i < len && !stop; i++) {
			if (buf[i] != '\n')
				continue;
			if (!skipping && parse_line(buf + start, i - start, &m))
				stop = fn(&m, ctx);
			skipping = 0;
			start = i + 1;
		}
		memmove(buf, buf + start, len - start);
		len -= start;
		if (len == sizeof buf) {        /* a line longer than the buffer */
			skipping = 1;
			len = 0;
		}
	}
	sys_close((int)fd);
	return r < 0 ? r : 0;
}

struct find { uint64_t addr; struct maps_entry *out; int found; };

static int holds(const struct maps_entry *m, void *ctx)
{
	struct find *f = ctx;

	if (f->addr < m->start || f->addr >= m->end)
		return 0;
	*f->out = *m;
	return f->found = 1;
}

long maps_find(uint64_t addr, struct maps_entry *out)
{
	struct find f = { addr, out, 0 };
	long r = maps_read(holds, &f);

	return r < 0 ? r : f.found;
}
