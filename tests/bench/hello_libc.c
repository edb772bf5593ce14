/*
 * tests/bench/hello_libc.c - the hello a user would write with a libc,
 * built static with glibc (gcc -static) and with musl (musl-gcc -static)
 * by run.sh.  It does what demo/hello.c does, one write(2), so that the
 * difference in size and start-up cost is the libc's start-up alone.
 */
#include <unistd.h>

#define GREETING "Hello from a program without libc.\n"

int main(void)
{
	return write(1, GREETING, sizeof GREETING - 1) < 0;
}
