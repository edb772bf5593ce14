/*
 * tests/bench/bare.c - the floor for `make bench`: the least a program can
 * be and do.  No runtime at all: _start makes two system calls, write(2)
 * of the same greeting as demo/hello.c and exit_group(0), and never
 * returns.  It does not read its stack, so it needs no alignment either.
 *
 * Built with the project's own link flags and linker script (run.sh), so
 * that its size and cost are what our hello would be with no runtime.
 * The system call conventions are the psABIs' (see arch/<arch>/arch.h).
 */
#define GREETING "Hello from a program without libc.\n"

__attribute__((noreturn)) void _start(void)
{
	static const char msg[] = GREETING;
#if defined(__x86_64__)
	long r;

	/* write(1, msg, len): number in %rax, arguments %rdi %rsi %rdx */
	__asm__ volatile ("syscall" : "=a"(r)
			  : "a"(1), "D"(1), "S"(msg), "d"(sizeof msg - 1)
			  : "rcx", "r11", "memory");
	/* exit_group(0) */
	__asm__ volatile ("syscall" : : "a"(231), "D"(0) : "rcx", "r11", "memory");
#else
	long r;

	/* write(1, msg, len): number in %eax, arguments %ebx %ecx %edx */
	__asm__ volatile ("int $0x80" : "=a"(r)
			  : "a"(4), "b"(1), "c"(msg), "d"(sizeof msg - 1)
			  : "memory");
	/* exit_group(0) */
	__asm__ volatile ("int $0x80" : : "a"(252), "b"(0) : "memory");
#endif
	(void)r;
	__builtin_unreachable();
}
