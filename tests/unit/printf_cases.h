/*
 * tests/unit/printf_cases.h - the calls of out_printf that t_printf makes,
 * as one list that the hosted oracle (tests/oracle/printf.c) passes to the
 * C library's printf: each line's output must be the same, byte for byte.
 * PRINTF_CASES(X) expands X(FORMAT, ARGUMENTS...) once a case.  Only what
 * lib/printf.c promises: %s %c %d %u %x, l and ll, a width, '-' and '0'.
 */
#ifndef PRINTF_CASES_H
#define PRINTF_CASES_H

#include <stdint.h>

/* long's limits without <limits.h>: 32 or 64 bits, as the arch has it */
#define CASE_LONG_MAX __LONG_MAX__
#define CASE_LONG_MIN (-__LONG_MAX__ - 1L)

#define PRINTF_CASES(X) \
	X("%s", "abc") \
	X("%s", "") \
	X("%5s", "abc") \
	X("%-5s", "abc") \
	X("%2s", "abcdef") \
	X("%-2s", "abcdef") \
	X("%4s", "") \
	X("%-4s", "") \
	X("%c", 'x') \
	X("%3c", 'x') \
	X("%-3c", 'x') \
	X("%d", 0) \
	X("%d", 1) \
	X("%d", -1) \
	X("%d", INT32_MAX) \
	X("%d", INT32_MIN) \
	X("%5d", 42) \
	X("%5d", -42) \
	X("%-5d", -42) \
	X("%05d", 42) \
	X("%05d", -42) \
	X("%05d", 0) \
	X("%2d", 12345) \
	X("%02d", -12345) \
	X("%-1d", 7) \
	X("%30d", INT32_MIN) \
	X("%u", 0u) \
	X("%u", 1u) \
	X("%u", UINT32_MAX) \
	X("%12u", UINT32_MAX) \
	X("%012u", 7u) \
	X("%x", 0u) \
	X("%x", 10u) \
	X("%x", 0xdeadbeefu) \
	X("%x", UINT32_MAX) \
	X("%08x", 0xbeefu) \
	X("%-8x", 0xbeefu) \
	X("%2x", 0x12345u) \
	X("%ld", 0L) \
	X("%ld", -1L) \
	X("%ld", CASE_LONG_MAX) \
	X("%ld", CASE_LONG_MIN) \
	X("%lu", 0UL) \
	X("%lu", (unsigned long)-1) \
	X("%lx", (unsigned long)-1) \
	X("%022ld", CASE_LONG_MIN) \
	X("%-22ld", CASE_LONG_MIN) \
	X("%lld", 0LL) \
	X("%lld", -1LL) \
	X("%lld", (long long)INT64_MAX) \
	X("%lld", (long long)INT64_MIN) \
	X("%llu", 0ULL) \
	X("%llu", (unsigned long long)UINT64_MAX) \
	X("%llx", (unsigned long long)UINT64_MAX) \
	X("%llx", 0x123456789abcdefULL) \
	X("%llx", 0x100000000ULL) \
	X("%llu", 0x100000000ULL) \
	X("%llu", 10000000000000000000ULL) \
	X("%25lld", (long long)INT64_MIN) \
	X("%-25lld", (long long)INT64_MIN) \
	X("%025lld", (long long)INT64_MIN) \
	X("%025llu", (unsigned long long)UINT64_MAX) \
	X("%-24llx", (unsigned long long)UINT64_MAX) \
	X("%020llx", 1ULL) \
	X("%%%d%%", 5) \
	X("a%sb%dc%xd%ce", "-", -7, 255u, '!') \
	X("%10s|%-10s|%s", "right", "left", "") \
	X("%d %ld %lld", -1, -2L, -3LL) \
	X("%u %lu %llu", 1u, 2UL, 3ULL)

#endif
