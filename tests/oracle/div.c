/*
 * tests/oracle/div.c - checks the lines of tests/unit/t_div.c with the C
 * compiler's own / and % (the host's divide instruction): the oracle for
 * lib/div.c and lib/fmt.c's division by 10.  A division by 0 must give
 * UINT64_MAX and a remainder of 0, as lib/lib.h promises.
 * Reads the lines on stdin; prints "N lines, M wrong" (and the first few
 * wrong ones); exits 1 if any is wrong or none was read.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[256], kind[8];
	unsigned long long lines = 0, wrong = 0;

	while (fgets(line, sizeof line, stdin)) {
		uint64_t n, q, q2, r, d, want_q, want_r;
		int ok;

		lines++;
		if (sscanf(line, "%7s", kind) != 1) {
			ok = 0;
		} else if (!strcmp(kind, "div") &&
			   sscanf(line, "div %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64,
				  &n, &d, &q, &r, &q2) == 5) {
			want_q = d ? n / d : UINT64_MAX;
			want_r = d ? n % d : 0;
			ok = d <= UINT32_MAX && q == want_q && r == want_r && q2 == want_q;
		} else if (!strcmp(kind, "div10") &&
			   sscanf(line, "div10 %" SCNx64 " %" SCNx64 " %" SCNx64, &n, &q, &r) == 3) {
			ok = q == n / 10 && r == n % 10;
		} else {
			ok = 0;
		}
		if (!ok && ++wrong <= 5)
			printf("wrong: %s", line);
	}
	printf("%llu lines, %llu wrong\n", lines, wrong);
	return wrong || !lines;
}
