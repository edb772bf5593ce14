/*
 * start/start.h - the face of start-up: what the kernel left on the stack.
 */
#ifndef START_H
#define START_H

#include <stddef.h>
#include <linux/auxvec.h>
#include <arch.h>

/* asm/auxvec.h defines AT_SYSINFO for i386 builds only; the number is 32
 * on every x86, and an x86_64 program asks for it to learn it is absent. */
#ifndef AT_SYSINFO
#define AT_SYSINFO 32
#endif

/* Saved by start_c before main runs. */
extern int start_argc;
extern char **start_argv;
extern char **start_envp;
extern unsigned long *start_auxv;   /* (type, value) pairs up to AT_NULL */

/*
 * The value of auxiliary vector entry 'type'.  Returns 1 and sets *value if
 * the kernel gave one, 0 if not: 0 is a real value for some types
 * (AT_SECURE, AT_UID), so absence is told apart from a value.  A value
 * that fails auxv_valid below is treated as absent.
 */
int auxv_get(unsigned long type, unsigned long *value);

/* Could the kernel have given this value of 'type'?  auxv_get answers only
 * with values that pass (start/auxv.c says what each check is); the pointer
 * types (AT_RANDOM, the strings) are checked to lie on mapped stack above
 * the vector, AT_PAGESZ to be a page size.  For printing raw entries. */
int auxv_valid(unsigned long type, unsigned long value);

/* argv[0]; with argc 0, AT_EXECFN (checked); else "PROGRAM".  For try:
 * lines, which must never say (null). */
const char *start_program_name(void);

/* AT_PAGESZ, checked; 4096 (x86's) without a valid one. */
unsigned long auxv_page_size(void);

/* Where the program lies less where it was linked (start/bias.c): 0 for a
 * fixed executable, the random base of a static PIE. */
unsigned long start_load_bias(void);

/* The name of an AT_* type ("AT_PAGESZ"), or 0 for a type not known here. */
const char *auxv_name(unsigned long type);

/* How an AT_* value reads: a number, an address, a string, flags... */
enum auxv_kind { AUXV_DEC, AUXV_HEX, AUXV_STR, AUXV_BYTES16 };
enum auxv_kind auxv_kind(unsigned long type);

/* getenv without libc: the value of NAME in the environment, or 0. */
const char *env_get(const char *name);

/*
 * A static PIE's first step (start/relocate.c), called by _start before
 * start_c: apply its own RELATIVE relocations, given where its dynamic
 * table (_DYNAMIC) is now; then make RELRO read-only.  A program linked at
 * a fixed address (ET_EXEC) never calls it.
 */
void start_relocate(const void *dynamic_now);

/*
 * The end of every program: exit_group (all threads); where a seccomp
 * profile refuses it, exit (this thread, our only one), as glibc's _exit
 * falls back; where that is refused too, ud2, whose SIGILL the kernel
 * delivers even blocked or ignored (kernel/signal.c, force_sig_fault).
 * Never a loop that retries a refused call at 100% CPU.  Inline and
 * without data: safe before relocation (start/relocate.c).
 */
__attribute__((noreturn, always_inline, no_stack_protector))
static inline void start_exit(int status)
{
	arch_syscall(__NR_exit_group, status, 0, 0, 0, 0, 0);
	arch_syscall(__NR_exit, status, 0, 0, 0, 0, 0);
	for (;;)
		__builtin_trap();
}

/* The program's main, called by start_c. */
int main(int argc, char **argv, char **envp);

#endif
