/*
 * tests/unit/t_div.c - 64-bit division without a 64-bit divide: lib/div.c's
 * u64_div_u32 and lib/fmt.c's u64_divmod10, on edge values and on
 * pseudo-random ones.
 *
 * Usage: t_div COUNT SEED.  One line a division, in hex (which needs no
 * division):
 *   div N D Q R Q2    Q, R = u64_div_u32(N, D, &R); Q2 = u64_div_u32(N, D, 0)
 *   div10 N Q R       Q, R = u64_divmod10(N, &R)
 * every edge value of N by every edge value of D, then COUNT random pairs
 * (xorshift64 from SEED; dividends and divisors of every bit length).
 * tests/oracle/div.c checks each line with C's own / and %.
 */
#include "check.h"

static const uint64_t edge_n[] = {
	0, 1, 2, 9, 10, 11, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
	0xfffffffe, 0xffffffff, 0x100000000, 0x100000001, 0x1ffffffff,
	0xffffffff00000000, 0x7fffffffffffffff, 0x8000000000000000,
	0x8000000000000001, 0xfffffffffffffffe, 0xffffffffffffffff,
};
static const uint32_t edge_d[] = {
	0, 1, 2, 3, 7, 10, 16, 1000, 1000000, 1000000000, 0xffff, 0x10000,
	0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
};

static uint64_t state;

static uint64_t next(void)        /* xorshift64 (Marsaglia, 2003) */
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static void div_line(struct out *o, uint64_t n, uint32_t d)
{
	uint32_t r = 0xdeadbeef;
	uint64_t q = u64_div_u32(n, d, &r), q2 = u64_div_u32(n, d, 0);

	out_printf(o, "div %llx %x %llx %x %llx\n", (unsigned long long)n, (unsigned)d,
		   (unsigned long long)q, (unsigned)r, (unsigned long long)q2);
}

static void div10_line(struct out *o, uint64_t n)
{
	unsigned r = 99;
	uint64_t q = u64_divmod10(n, &r);

	out_printf(o, "div10 %llx %llx %x\n", (unsigned long long)n, (unsigned long long)q, r);
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	uint64_t count = 0, i;
	size_t a, b;

	(void)envp;
	if (argc != 3 || parse_u64(argv[1], &count) || parse_u64(argv[2], &state) || !state) {
		out_str(&out_stderr, "usage: t_div COUNT SEED (SEED not 0)\n");
		out_flush(&out_stderr);
		return 2;
	}
	for (a = 0; a < sizeof edge_n / sizeof edge_n[0]; a++) {
		for (b = 0; b < sizeof edge_d / sizeof edge_d[0]; b++)
			div_line(o, edge_n[a], edge_d[b]);
		div10_line(o, edge_n[a]);
	}
	for (i = 0; i < count; i++) {
		uint64_t n = next() >> (next() % 64);
		uint32_t d = (uint32_t)(next() >> (32 + next() % 32));

		div_line(o, n, d);
		div10_line(o, n);
	}
	return out_flush(o) != 0;
}
