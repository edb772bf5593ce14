/* lib/fmt.c - numbers to text, without a 64-bit divide. */
#include "lib.h"

/*
 * Long division by 10 of a 64-bit number, 16 bits at a time, so that every
 * step is a 32-bit divide: the remainder carried down is below 10, so
 * (rem << 16 | next 16 bits) always fits in 32 bits.
 */
uint64_t u64_divmod10(uint64_t v, unsigned *rem)
{
	uint64_t q = 0;
	uint32_t r = 0;
	int shift;

	for (shift = 48; shift >= 0; shift -= 16) {
		uint32_t cur = (r << 16) | (uint32_t)((v >> shift) & 0xffff);

		q |= (uint64_t)(cur / 10) << shift;
		r = cur % 10;
	}
	*rem = r;
	return q;
}

int fmt_udec(char *buf, uint64_t v)
{
	char tmp[20];
	int n = 0, i;

	do {
		unsigned digit;

		v = u64_divmod10(v, &digit);
		tmp[n++] = (char)('0' + digit);
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

int fmt_dec(char *buf, int64_t v)
{
	if (v >= 0)
		return fmt_udec(buf, (uint64_t)v);
	/* -(v + 1) + 1 avoids the overflow of -INT64_MIN */
	buf[0] = '-';
	return 1 + fmt_udec(buf + 1, (uint64_t)(-(v + 1)) + 1);
}

int fmt_hex(char *buf, uint64_t v, int digits)
{
	int n = 1, i;

	while (n < 16 && (v >> (4 * n)))
		n++;
	if (digits > 16)
		digits = 16;
	if (n < digits)
		n = digits;
	for (i = n - 1; i >= 0; i--, v >>= 4)
		buf[i] = "0123456789abcdef"[v & 15];
	return n;
}
