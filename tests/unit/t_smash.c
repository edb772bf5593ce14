/*
 * tests/unit/t_smash.c - the stack protector stops an overflow.
 *
 * `t_smash N` writes N bytes into a 16-byte local array.  With N <= 16 the
 * function returns and the program prints "returned"; with more it
 * overwrites the canary, and __stack_chk_fail must stop the process with
 * SIGABRT before the function returns.  `t_smash guard` prints whether
 * the canary is non-zero with a zero low byte (seeded from AT_RANDOM).
 */
#include <lib/lib.h>

extern uintptr_t __stack_chk_guard;

/* The count comes from the command line, so no compiler can see the
 * overflow coming and refuse or remove it. */
__attribute__((noinline)) static void fill(char *dst, uint64_t n)
{
	while (n--)
		*dst++ = 'A';
}

__attribute__((noinline)) static int overflow(uint64_t n)
{
	char buf[16];

	fill(buf, n);
	return buf[0];
}

int main(int argc, char **argv, char **envp)
{
	uint64_t n = 0;

	(void)envp;
	if (argc == 2 && str_eq(argv[1], "guard")) {
		out_str(&out_stdout, __stack_chk_guard != 0 &&
			(__stack_chk_guard & 0xff) == 0 ? "guard set\n" : "guard NOT set\n");
		out_hex(&out_stdout, __stack_chk_guard, 0);
		out_char(&out_stdout, '\n');
		return 0;
	}
	if (argc != 2 || parse_u64(argv[1], &n) != 0)
		return 2;
	overflow(n);
	out_str(&out_stdout, "returned\n");
	return 0;
}
