/*
 * lib/div.c - a 64-bit number divided by a 32-bit one, without a 64-bit
 * divide instruction.
 *
 * On i386 gcc turns `uint64_t / uint32_t` into a call to libgcc's
 * __udivdi3, and we link no libgcc (see the Makefile).  So this is the
 * long division of school, one bit at a time: bring down the next bit of
 * the dividend into the remainder; if the remainder now holds the divisor,
 * subtract it and write a 1 into the quotient.  64 steps of shifts,
 * compares and subtractions, all of which i386 does inline.
 */
#include "lib.h"

uint64_t u64_div_u32(uint64_t n, uint32_t d, uint32_t *rem)
{
	uint64_t q = 0;
	uint64_t r = 0;         /* always < d, so it fits 33 bits at most */
	int bit;

	if (d == 0) {           /* no answer: say "as large as can be" */
		if (rem)
			*rem = 0;
		return UINT64_MAX;
	}
	for (bit = 63; bit >= 0; bit--) {
		r = (r << 1) | ((n >> bit) & 1);
		if (r >= d) {
			r -= d;
			q |= (uint64_t)1 << bit;
		}
	}
	if (rem)
		*rem = (uint32_t)r;
	return q;
}
