/*
 * arch/decode_text.h - the two string steps every arch's decode.c uses to
 * write an instruction's text into a caller's buffer.  Here, in arch/,
 * because arch/ uses nothing above it (lib/ has its own fmt_udec).
 */
#ifndef ARCH_DECODE_TEXT_H
#define ARCH_DECODE_TEXT_H

/* s copied at 'at', without its NUL; the end of what was written. */
static inline char *put(char *at, const char *s)
{
	while (*s)
		*at++ = *s++;
	return at;
}

/* n in decimal at 'at'; the end of what was written. */
static inline char *put_decimal(char *at, unsigned long n)
{
	char digits[24];
	int i = 0;

	do
		digits[i++] = (char)('0' + n % 10);
	while (n /= 10);
	while (i)
		*at++ = digits[--i];
	return at;
}

/* n in hexadecimal, with "0x", at 'at'; the end of what was written. */
static inline char *put_hex(char *at, unsigned long n)
{
	char digits[24];
	int i = 0;

	do
		digits[i++] = "0123456789abcdef"[n % 16];
	while (n /= 16);
	*at++ = '0', *at++ = 'x';
	while (i)
		*at++ = digits[--i];
	return at;
}

/* n in decimal, with its sign, at 'at'; the end of what was written. */
static inline char *put_signed(char *at, long n)
{
	if (n < 0) {
		*at++ = '-';
		return put_decimal(at, 0UL - (unsigned long)n);
	}
	return put_decimal(at, (unsigned long)n);
}

/* n in hexadecimal with its sign ("-0x10"), at 'at'. */
static inline char *put_signed_hex(char *at, long n)
{
	if (n < 0) {
		*at++ = '-';
		return put_hex(at, 0UL - (unsigned long)n);
	}
	return put_hex(at, (unsigned long)n);
}

#endif
