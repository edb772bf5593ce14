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

#endif
