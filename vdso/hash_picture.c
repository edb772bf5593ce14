/*
 * vdso/hash_picture.c - a GNU hash table drawn in plain text, the path of
 * one lookup in [brackets] (the lesson lookup): the bloom words, the
 * buckets (each the first symbol of its chain, 0 for none), and the chain
 * words by symbol, a '.' where a chain ends.  At most 32 of each, so that
 * a line stays readable.  And the bloom step of a lookup in two lines.
 */
#include <lib/lib.h>
#include <elf/readelf.h>
#include "vdso.h"

void vdso_draw_gnu_table(struct out *o, const struct elf_image *img, const struct elf_gnu_table *g,
			 const struct elf_gnu_start *st, uint32_t found)
{
	uint64_t w;
	uint32_t i, v;

	out_str(o, "the table, the path in [brackets], '.' the end of a chain:\n  bloom   ");
	for (i = 0; i < g->bloom_size && i < 32 && elf_gnu_bloom(img, g, i, &w) == 0; i++)
		out_printf(o, i == st->bloom_index ? " [0x%llx]" : " 0x%llx", (unsigned long long)w);
	out_str(o, "\n  buckets ");
	for (i = 0; i < g->nbuckets && i < 32 && elf_gnu_bucket(img, g, i, &v) == 0; i++)
		out_printf(o, i == st->bucket ? " [%u]" : " %u", v);
	out_str(o, "\n  chains  ");
	for (i = g->symoffset; i < img->nsyms && i < g->symoffset + 32 &&
	     elf_gnu_chain(img, g, i, &v) == 0; i++)
		out_printf(o, "%s%u%s%s", i == st->first ? " [" : " ", i, v & 1 ? "." : "",
			   i == found ? "]" : "");
	out_char(o, '\n');
}

void vdso_show_bloom(struct out *o, const struct elf_gnu_table *g, const struct elf_gnu_start *st)
{
	out_printf(o, "bloom: word (h / %u) %% %u = %u: 0x%llx\n", g->bloom_bits,
		   g->bloom_size, st->bloom_index, (unsigned long long)st->bloom_word);
	out_printf(o, "       bit h %% %u = %u: %s; bit (h >> %u) %% %u = %u: %s\n",
		   g->bloom_bits, st->bit1, st->bloom_word >> st->bit1 & 1 ? "set" : "clear", g->bloom_shift,
		   g->bloom_bits, st->bit2, st->bloom_word >> st->bit2 & 1 ? "set" : "clear");
}
