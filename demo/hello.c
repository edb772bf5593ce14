/*
 * demo/hello.c - the smallest complete program on this runtime.
 *
 * _start (arch/) reads the stack, start_c (start/) calls main, and the
 * return value becomes the exit status through exit_group.  One write(2)
 * in between: no libc, no buffer, no vDSO.
 *
 * try: strace build/x86_64/hello; size -A build/x86_64/hello   # one write, two sections
 */
#include <syscall/syscall.h>

#define GREETING "Hello from a program without libc.\n"

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	return sys_write(1, GREETING, sizeof GREETING - 1) < 0;
}
