/*
 * lib/fmt_time.c - a time as "SECONDS.NANOSECONDS\n", written backwards
 * before the end of a buffer, for a program too small for the formatter
 * (the lesson clock).  Seconds as an unsigned long: 32 bits on i386 last
 * until 2106, and spare a 64-bit division, which i386 has no instruction
 * for (and no libgcc here).
 */
#include "lib.h"

/* v in decimal, at least n digits, written backwards before end. */
static char *digits(char *end, unsigned long v, int n)
{
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10, --n > 0) || v);
	return end;
}

char *fmt_time_back(char *end, unsigned long sec, unsigned long nsec)
{
	*--end = '\n';
	end = digits(end, nsec, 9);
	*--end = '.';
	return digits(end, sec, 1);
}
