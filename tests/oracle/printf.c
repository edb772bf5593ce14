/*
 * tests/oracle/printf.c - the cases of tests/unit/printf_cases.h through
 * the C library's printf, in the form tests/unit/t_printf.c prints them:
 * the oracle for out_printf.  Built for each arch (-m64, -m32: long's
 * width is the arch's), static, and run where that arch runs.
 */
#include <stdio.h>
#include "../unit/printf_cases.h"

#define PRINT_CASE(fmt, ...)                                    \
	fputs(fmt, stdout);                                     \
	printf(" -> [" fmt "]\n", __VA_ARGS__);

int main(void)
{
	PRINTF_CASES(PRINT_CASE)
	return fflush(stdout) != 0;
}
