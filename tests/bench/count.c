/*
 * tests/bench/count.c - user-mode instructions of one program run, counted
 * natively by single-stepping it with ptrace(2), with the vDSO mapped.
 *
 *   count [--no-vdso] [--pcs FILE] PROG [ARG...]
 *
 * PROG runs with an empty environment (as under `env -i`: counts grow with
 * the environment, each variable a program scans costs instructions).  Its
 * output goes where ours goes.  The count starts at the first instruction
 * after execve (the exec stop) and ends at exit: the kernel's share is not
 * counted, the vDSO's is (it runs in user mode).  Printed on stdout:
 *
 *   total N             every instruction from execve to exit
 *   mark K N            instructions from the previous mark (or from
 *                       execve) up to and including the K-th marker
 *   end N               from the last mark to exit (if there was a mark)
 *
 * --pcs FILE writes the address of every instruction counted to FILE, one
 * hexadecimal number a line, for a profile by function (nm -n gives the
 * functions' addresses).
 *
 * A marker is the system call getppid(2), which a program under test makes
 * where it wants a boundary (no program here calls it otherwise): cheap, no
 * arguments, harmless.  It is recognised at the stop that follows the
 * system call instruction: there the kernel reports a system call exit,
 * and orig_rax holds its number (after any other instruction the single-
 * step trap is an exception, and orig_rax is -1: arch/x86/entry/entry_64.S,
 * idtentry pushes -1 for exceptions with no error code).  The marker's
 * own call sequence (2 to 4 instructions) is in the count.
 *
 * --no-vdso hides the vDSO, as valgrind does: at the exec stop the new
 * process's auxiliary vector has AT_SYSINFO_EHDR, and on i386 AT_SYSINFO
 * (the gate, which lies inside the vDSO), rewritten to AT_IGNORE, which
 * every reader must skip (the kernel's include/uapi/linux/auxvec.h).
 *
 * A 64-bit tracer steps a 32-bit tracee as well: the registers come in the
 * 64-bit layout, %cs says which (0x23: 32-bit code, 0x33: 64-bit), and the
 * stack words are 4 or 8 bytes.  A rep-prefixed string instruction traps
 * after each iteration, so it counts once per iteration (callgrind counts
 * it once).  Exit status: PROG's, or 1 if the counting failed.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_GETPPID_64 110       /* arch/x86/entry/syscalls/syscall_64.tbl */
#define NR_GETPPID_32 64        /* arch/x86/entry/syscalls/syscall_32.tbl */

static void die(const char *what)
{
	fprintf(stderr, "count: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* A stack word of the tracee: 4 or 8 bytes. */
static unsigned long peek_word(pid_t pid, unsigned long addr, int wide)
{
	long v;

	errno = 0;
	v = ptrace(PTRACE_PEEKDATA, pid, (void *)addr, 0);
	if (v == -1 && errno)
		die("PTRACE_PEEKDATA");
	return wide ? (unsigned long)v : (unsigned long)(uint32_t)v;
}

static void poke_word(pid_t pid, unsigned long addr, int wide, unsigned long value)
{
	unsigned long v = peek_word(pid, addr, 1);

	v = wide ? value : (v & ~0xffffffffUL) | (uint32_t)value;
	if (ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)v) < 0)
		die("PTRACE_POKEDATA");
}

/*
 * At the exec stop the stack pointer points at argc; then argv[], NULL,
 * envp[], NULL, and the auxiliary vector's (type, value) pairs up to
 * AT_NULL (the i386 and x86-64 psABIs, "Process Initialization").
 */
static int hide_vdso(pid_t pid, unsigned long sp, int wide)
{
	unsigned long w = wide ? 8 : 4, p = sp, argc, type;
	int hidden = 0;

	argc = peek_word(pid, p, wide);
	p += (argc + 2) * w;                    /* argc, argv[], NULL */
	while (peek_word(pid, p, wide) != 0)    /* envp[] */
		p += w;
	for (p += w; (type = peek_word(pid, p, wide)) != AT_NULL; p += 2 * w)
		if (type == AT_SYSINFO_EHDR || type == AT_SYSINFO) {
			poke_word(pid, p, wide, AT_IGNORE);
			hidden++;
		}
	return hidden;
}

int main(int argc, char **argv)
{
	char *empty_env[] = { NULL };
	struct user_regs_struct regs;
	unsigned long long total = 0, since = 0;
	unsigned marks = 0;
	int status, no_vdso = 0, wide;
	FILE *pcs = NULL;
	pid_t pid;

	for (;;) {
		if (argc > 1 && strcmp(argv[1], "--no-vdso") == 0) {
			no_vdso = 1;
			argv++, argc--;
		} else if (argc > 2 && strcmp(argv[1], "--pcs") == 0) {
			if (!(pcs = fopen(argv[2], "w")))
				die(argv[2]);
			argv += 2, argc -= 2;
		} else {
			break;
		}
	}
	if (argc < 2) {
		fprintf(stderr, "usage: count [--no-vdso] [--pcs FILE] PROG [ARG...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
			die("PTRACE_TRACEME");
		execve(argv[1], argv + 1, empty_env);
		die(argv[1]);
	}
	/* The exec stop: a SIGTRAP before the first instruction. */
	if (waitpid(pid, &status, 0) < 0 || !WIFSTOPPED(status))
		die("waiting for the exec stop");
	if (ptrace(PTRACE_SETOPTIONS, pid, 0, (void *)PTRACE_O_EXITKILL) < 0)
		die("PTRACE_SETOPTIONS");
	if (ptrace(PTRACE_GETREGS, pid, 0, &regs) < 0)
		die("PTRACE_GETREGS");
	wide = regs.cs != 0x23;
	if (no_vdso && hide_vdso(pid, regs.rsp, wide) == 0)
		fprintf(stderr, "count: %s has no vDSO to hide\n", argv[1]);

	for (;;) {
		if (pcs)
			fprintf(pcs, "%llx\n", (unsigned long long)regs.rip);
		if (ptrace(PTRACE_SINGLESTEP, pid, 0, 0) < 0)
			die("PTRACE_SINGLESTEP");
		if (waitpid(pid, &status, 0) < 0)
			die("waitpid");
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		total++, since++;
		if (WSTOPSIG(status) != SIGTRAP) {
			/* a real signal: deliver it on the next step */
			fprintf(stderr, "count: %s got signal %d\n", argv[1], WSTOPSIG(status));
			break;
		}
		if (ptrace(PTRACE_GETREGS, pid, 0, &regs) < 0)
			die("PTRACE_GETREGS");
		if ((long)regs.orig_rax == (wide ? NR_GETPPID_64 : NR_GETPPID_32)) {
			printf("mark %u %llu\n", ++marks, since);
			since = 0;
		}
	}
	/* The last instruction, the exit system call, never stops. */
	if (WIFEXITED(status))
		total++, since++;
	printf("total %llu\n", total);
	if (marks)
		printf("end %llu\n", since);
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "count: %s killed by signal %d\n", argv[1], WTERMSIG(status));
		return 1;
	}
	if (!WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}
