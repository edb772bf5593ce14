/*
 * lib/lib.h - the face of the freestanding helpers: the memory and string
 * functions, the buffered writer, and number parsing.
 */
#ifndef LIB_H
#define LIB_H

#include <stddef.h>
#include <stdint.h>

/* The four a compiler may emit calls to even in freestanding code (the
 * C standard, 5.1.2.1, and gcc's "Standards" page), with their usual
 * meaning. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int str_eq(const char *a, const char *b);             /* 1 if equal */
size_t mem_count(const void *p, size_t n, unsigned char byte);  /* bytes equal to byte */

/*
 * Parse a decimal unsigned number, the whole string.  0 on success with
 * *value set, -1 for no digits, a stray character or overflow.
 */
int parse_u64(const char *s, uint64_t *value);

/*
 * The buffered writer.  Output collects in buf and goes out with write(2)
 * when it is full and at out_flush.  The flush loops over short writes and
 * EINTR; the first failure is kept in 'error' (as -errno) and later output
 * is dropped, so a caller checks once, at the end.
 */
#define OUT_BUF_SIZE 1024

struct out {
	int fd;
	int error;              /* 0, or the first -errno of a failed write */
	unsigned len;
	char *buf;              /* OUT_BUF_SIZE bytes, in .bss */
};

extern struct out out_stdout;   /* fd 1 */
extern struct out out_stderr;   /* fd 2 */

void out_mem(struct out *o, const void *p, size_t n);
void out_str(struct out *o, const char *s);
void out_char(struct out *o, char c);
void out_udec(struct out *o, uint64_t v);
void out_dec(struct out *o, int64_t v);
void out_hex(struct out *o, uint64_t v, int digits);  /* at least 'digits', zero-filled */
void out_repeat(struct out *o, char c, int n);
/* A field of 'width' columns: right-aligned if width > 0, left if < 0. */
void out_field(struct out *o, const char *s, int width);
void out_udec_field(struct out *o, uint64_t v, int width);
void out_dec_field(struct out *o, int64_t v, int width);
/* printf's %s %c %d %u %x, with l, ll, a width, '-' and '0' (lib/printf.c) */
void out_printf(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* s with control bytes (C0, DEL, and C1 as UTF-8 \xc2\x80-\x9f) and
 * backslash escaped (\n, \t, \\, \xNN): one line, no terminal commands */
void out_escaped(struct out *o, const char *s);
/* A picture of memory (lib/box.c): an edge at an address with a note after
 * it; a row of a box, side '|' (or ':' for a gap): what, a count, a unit. */
void out_box_edge(struct out *o, unsigned long at, const char *note);
void out_box_row(struct out *o, char side, const char *what, long n, const char *unit);
int out_flush(struct out *o);   /* 0 or the kept -errno */
/* Flush both at exit; start_c calls it only if a program uses the writer. */
void out_flush_all(void);

/*
 * Formatting into a caller's buffer; each returns the length, and writes
 * no NUL.  fmt_udec needs 20 bytes, fmt_dec 20, fmt_hex 16.
 */
int fmt_udec(char *buf, uint64_t v);
int fmt_dec(char *buf, int64_t v);
int fmt_hex(char *buf, uint64_t v, int digits);
/* "SEC.NSEC\n" (nsec in 9 digits), written backwards before end (at most
 * 32 bytes): where it starts (lib/fmt_time.c). */
char *fmt_time_back(char *end, unsigned long sec, unsigned long nsec);

/* v / 10 and v % 10 in 32-bit steps: i386 has no 64-bit divide without
 * libgcc, which we do not link. */
uint64_t u64_divmod10(uint64_t v, unsigned *rem);

/* n / d and n % d (into *rem, if not 0) by long division, bit by bit
 * (lib/div.c); d == 0 gives UINT64_MAX. */
uint64_t u64_div_u32(uint64_t n, uint32_t d, uint32_t *rem);

/* Nanoseconds in sec seconds and nsec nanoseconds: a timespec's two
 * fields, or their differences between two readings.  64-bit: no limit
 * a program will meet, and no division. */
static inline int64_t ns_of(int64_t sec, int64_t nsec)
{
	return sec * 1000000000LL + nsec;
}

#endif
