/*
 * syscall/text.c - a small file's text, for the files the kernel keeps one
 * value in (/sys/devices/system/clocksource/clocksource0/current_clocksource,
 * /proc/sys/...): read whole, NUL-ended, its last newline cut.
 */
#include <lib/lib.h>
#include "syscall.h"

long sys_read_text(const char *path, char *buf, size_t size)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0), n = 0, r = 0;

	if (fd < 0)
		return fd;
	while (n < (long)size - 1 && (r = sys_read((int)fd, buf + n, size - 1 - (size_t)n)) != 0)
		if (r > 0)
			n += r;
		else if (r != -EINTR)
			break;
	sys_close((int)fd);
	if (r < 0 && r != -EINTR)
		return r;
	buf[n > 0 && buf[n - 1] == '\n' ? n - 1 : n] = 0;
	return n;
}
