/*
 * lib/box.c - the pieces of a picture of memory, high addresses on top:
 * an edge at an address, and a row inside a box (or a gap, side ':'),
 * each within 80 columns (the lesson stack draws its initial stack).
 *
 *   0x00007ffd3a9f1000 +-----------------------------------------+ note
 *                      | argv strings                12 bytes    |
 */
#include "lib.h"

void out_box_edge(struct out *o, unsigned long at, const char *note)
{
	char hex[20];

	hex[fmt_hex(hex, at, 2 * sizeof(long))] = 0;
	out_printf(o, "  0x%s +-----------------------------------------+%s\n", hex, note);
}

void out_box_row(struct out *o, char side, const char *what, long n, const char *unit)
{
	out_repeat(o, ' ', 5 + 2 * (int)sizeof(long));    /* under "  0x<address> " */
	out_printf(o, "%c %-24s %5ld %-9s %c\n", side, what, n, unit, side);
}
