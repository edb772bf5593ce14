/*
 * lib/printf.c - out_printf: a small printf for the buffered writer.
 *
 * Conversions: %s %c %d %u %x, with the length modifiers l and ll
 * (%ld %lu %lx %lld %llu %llx), a width, '-' to align left and '0' to
 * pad numbers with zeros; %% is a percent sign.  No floating point, no
 * precision, nothing else: an unknown conversion is printed as it stands.
 * Numbers go through lib/fmt.c, so i386 needs no 64-bit divide.
 */
#include <stdarg.h>
#include "lib.h"

/* One converted field, padded to 'width' (negative: left-aligned). */
static void field(struct out *o, const char *s, int n, int width, char pad)
{
	int left = width < 0, w = left ? -width : width;

	if (!left && pad == '0' && n < w && (*s == '-')) {
		out_char(o, '-');       /* the sign goes before the zeros */
		s++, n--, w--;
	}
	if (!left)
		out_repeat(o, pad, w - n);
	out_mem(o, s, (size_t)n);
	if (left)
		out_repeat(o, ' ', w - n);
}

void out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	char buf[24];

	va_start(ap, fmt);
	while (*fmt) {
		const char *start = fmt, *s;
		int width = 0, left = 0, longs = 0, n;
		char pad = ' ';
		uint64_t u;

		if (*fmt != '%') {
			out_char(o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '-')
			left = 1, fmt++;
		if (*fmt == '0')
			pad = '0', fmt++;
		while (*fmt >= '0' && *fmt <= '9' && width < 1000)
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' && longs < 2)
			longs++, fmt++;
		if (left)
			width = -width;
		switch (*fmt) {
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			field(o, s, (int)strlen(s), width, ' ');
			break;
		case 'c':
			buf[0] = (char)va_arg(ap, int);
			field(o, buf, 1, width, ' ');
			break;
		case 'd':
			n = fmt_dec(buf, longs == 2 ? va_arg(ap, long long) :
					 longs ? va_arg(ap, long) : va_arg(ap, int));
			field(o, buf, n, width, pad);
			break;
		case 'u':
		case 'x':
			u = longs == 2 ? va_arg(ap, unsigned long long) :
			    longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			n = *fmt == 'u' ? fmt_udec(buf, u) : fmt_hex(buf, u, 1);
			field(o, buf, n, width, pad);
			break;
		case '%':
			out_char(o, '%');
			break;
		default:        /* not ours: print it as it stands */
			out_mem(o, start, (size_t)(fmt - start + (*fmt != 0)));
			if (!*fmt)
				continue;
		}
		fmt++;
	}
	va_end(ap);
}

/* A name from outside (a file name, an argument) on one line: control
 * bytes and backslash as C escapes, \n \t \\ or \xNN; the rest as is. */
void out_escaped(struct out *o, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			out_str(o, "\\n");
		else if (c == '\t')
			out_str(o, "\\t");
		else if (c == '\\')
			out_str(o, "\\\\");
		else if (c < 0x20 || c == 0x7f) {
			out_str(o, "\\x");
			out_hex(o, c, 2);
		} else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9f) {
			/* U+0080..U+009F in UTF-8: the C1 controls (CSI is
			 * U+009B), which a terminal obeys as it does ESC [ */
			out_str(o, "\\xc2\\x");
			out_hex(o, (unsigned char)*++s, 2);
		} else
			out_char(o, (char)c);
	}
}
