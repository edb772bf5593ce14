/*
 * tests/unit/t_align.c - the stack is 16-byte aligned at every C call.
 *
 * Built with -msse2 at every optimisation level: the compiler stores a
 * 16-byte vector to the stack with movaps, which faults on a misaligned
 * address, trusting the psABI's promise that %rsp/%esp + word was 16-aligned
 * at the call.  If _start got the alignment wrong, this program dies with
 * SIGSEGV instead of printing its checks.  The script runs it with argc
 * and the environment's size varied, so that every starting alignment of
 * the kernel's stack pointer occurs.
 */
#include <stdint.h>
#include "check.h"

typedef float vec4 __attribute__((vector_size(16)));

__attribute__((noinline)) static int stores(float x)
{
	volatile vec4 slot = { x, x + 1, x + 2, x + 3 };   /* movaps to the stack */
	vec4 copy = slot;

	return (uintptr_t)&slot % _Alignof(vec4) == 0 && copy[3] == x + 3;
}

__attribute__((noinline)) static int depth(int n, float x)
{
	_Alignas(16) char buf[16];

	buf[0] = (char)n;
	if ((uintptr_t)buf % 16 != 0)
		return 0;
	return n ? depth(n - 1, x) && stores(x + (float)buf[0]) : stores(x);
}

int main(int argc, char **argv, char **envp)
{
	(void)argv, (void)envp;
	check(stores((float)argc), "aligned SSE store in main's callee");
	check(depth(3, 1.5f), "aligned locals four calls deep");
	return check_done();
}
