/*
 * start/start.c - the C side of _start.
 *
 * _start (arch/<arch>/start.S) hands over the stack pointer the kernel left.
 * The layout is the same on i386 and x86_64, one machine word a slot (the
 * psABIs, "Process Initialization"; the kernel's fs/binfmt_elf.c):
 *
 *     sp[0]            argc
 *     sp[1..argc]      argv[0..argc-1]
 *     sp[argc+1]       NULL
 *     ...              envp[0..], then NULL
 *     ...              auxv: (type, value) pairs, ending with AT_NULL (0)
 *
 * Above that is the area the pointers point into.  The kernel fills it
 * from the top down: fs/exec.c copies the file name, the envp strings and
 * the argv strings first; create_elf_tables then puts the platform string
 * and AT_RANDOM's 16 bytes below them.  So, from low to high addresses:
 *
 *     AT_RANDOM's 16 bytes, the AT_PLATFORM string,
 *     a gap (alignment; with address randomisation, a random offset),
 *     the argv strings, the envp strings, the file name (AT_EXECFN),
 *     one kernel pointer of nothing, and the top of the stack.
 *
 * (Seen in gdb: `make gdb PROG=stack`; demo/stack.c prints it.)
 */
#include <arch.h>
#include <lib/lib.h>
#include "start.h"

/* A weak reference does not pull lib/out.o out of the archive: a program
 * that never uses the writer has no writer, and this address is 0.  (musl
 * flushes stdio at exit the same way.) */
extern void out_flush_all(void) __attribute__((weak));

/* start/stack_protector.c: the canary, from AT_RANDOM.  Weak, like
 * out_flush_all: only a program with a protected function (one that
 * refers to the canary) links it, and hello has none. */
extern void stack_guard_init(void) __attribute__((weak));

/*
 * start_c must not be protected itself: it sets the canary, so a canary it
 * read on entry would differ from the one it checked on return.
 */
__attribute__((noreturn, no_stack_protector)) void start_c(unsigned long *sp);

void start_c(unsigned long *sp)
{
	char **envp;
	int status;

	start_argc = (int)sp[0];
	start_argv = (char **)(sp + 1);
	start_envp = envp = start_argv + start_argc + 1;
	while (*envp)
		envp++;
	start_auxv = (unsigned long *)(envp + 1);
	if (stack_guard_init)
		stack_guard_init();     /* before any protected function runs */

	status = main(start_argc, start_argv, start_envp);

	if (out_flush_all)      /* linked in only if the program writes with it */
		out_flush_all();
	start_exit(status);    /* the status is its low 8 bits */
}
