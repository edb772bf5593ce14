/* lib/out.c - the buffered writer. */
#include <arch.h>
#include "lib.h"

/* The buffers live in .bss, which costs no bytes in the file. */
static char stdout_buf[OUT_BUF_SIZE], stderr_buf[OUT_BUF_SIZE];
struct out out_stdout = { .fd = 1, .buf = stdout_buf };
struct out out_stderr = { .fd = 2, .buf = stderr_buf };

#define EINTR_ 4   /* asm-generic/errno-base.h */

int out_flush(struct out *o)
{
	unsigned done = 0;

	while (done < o->len && !o->error) {
		long n = arch_syscall(__NR_write, o->fd, (long)(o->buf + done),
				      (long)(o->len - done), 0, 0, 0);

		if (n == -EINTR_)
			continue;           /* interrupted before writing: again */
		if (n < 0)
			o->error = (int)n;  /* kept: later output is dropped */
		else if (n == 0)
			o->error = -5;      /* EIO: write(2) made no progress */
		else
			done += (unsigned)n; /* a short write: the rest next turn */
	}
	o->len = 0;
	return o->error;
}

void out_flush_all(void)
{
	out_flush(&out_stdout);
	out_flush(&out_stderr);
}

void out_mem(struct out *o, const void *p, size_t n)
{
	const char *s = p;

	while (n) {
		size_t room = OUT_BUF_SIZE - o->len;
		size_t chunk = n < room ? n : room;

		memcpy(o->buf + o->len, s, chunk);
		o->len += (unsigned)chunk;
		s += chunk;
		n -= chunk;
		if (o->len == OUT_BUF_SIZE)
			out_flush(o);
	}
}

void out_str(struct out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

void out_char(struct out *o, char c)
{
	out_mem(o, &c, 1);
}

void out_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

/* Text of length n in a field of |width| columns. */
static void field(struct out *o, const char *s, int n, int width)
{
	if (width > n)
		out_repeat(o, ' ', width - n);
	out_mem(o, s, (size_t)n);
	if (-width > n)
		out_repeat(o, ' ', -width - n);
}

void out_field(struct out *o, const char *s, int width)
{
	field(o, s, (int)strlen(s), width);
}

void out_udec_field(struct out *o, uint64_t v, int width)
{
	char buf[20];

	field(o, buf, fmt_udec(buf, v), width);
}

void out_dec_field(struct out *o, int64_t v, int width)
{
	char buf[20];

	field(o, buf, fmt_dec(buf, v), width);
}

void out_udec(struct out *o, uint64_t v)
{
	out_udec_field(o, v, 0);
}

void out_dec(struct out *o, int64_t v)
{
	out_dec_field(o, v, 0);
}

void out_hex(struct out *o, uint64_t v, int digits)
{
	char buf[16];

	out_mem(o, buf, (size_t)fmt_hex(buf, v, digits));
}
