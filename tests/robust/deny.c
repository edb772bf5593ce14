/*
 * tests/robust/deny.c - run a program with some system calls denied, as an
 * old kernel or a container's seccomp profile would.
 *
 *   deny ARCH NR=ERRNO [NR=ERRNO]... -- PROGRAM [ARG...]
 *
 *   ARCH      x86_64 or i386: the system call table the numbers belong to
 *             (an i386 program's calls are judged as AUDIT_ARCH_I386)
 *   NR=ERRNO  system call number NR fails with ERRNO (ENOSYS, EPERM,
 *             EACCES) without reaching the kernel's handler
 *
 * It installs a seccomp filter (seccomp(2), the kernel's
 * Documentation/userspace-api/seccomp_filter.rst): a classic BPF program
 * that reads the call's arch and number from struct seccomp_data and
 * answers SECCOMP_RET_ERRNO for the ones named, SECCOMP_RET_ALLOW for the
 * rest; then it executes PROGRAM, which inherits the filter.  An
 * unprivileged process may install one after PR_SET_NO_NEW_PRIVS.
 *
 * Natively only: under qemu-user the filter would judge QEMU's own system
 * calls, not the program's.  Exit status 125 and one line if it cannot.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_RULES 16

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "deny: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
	exit(125);
}

static int errno_of(const char *name)
{
	static const struct { const char *name; int value; } names[] = {
		{ "ENOSYS", ENOSYS }, { "EPERM", EPERM }, { "EACCES", EACCES },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0)
			return names[i].value;
	die("unknown errno name", name);
	return 0;
}

int main(int argc, char **argv)
{
	struct sock_filter f[4 + 2 * MAX_RULES + 1];
	struct sock_fprog prog;
	unsigned arch, nr[MAX_RULES], err[MAX_RULES];
	int n = 0, k = 0, i;

	if (argc < 4)
		die("usage: deny x86_64|i386 NR=ERRNO... -- PROGRAM [ARG...]", NULL);
	if (strcmp(argv[1], "x86_64") == 0)
		arch = AUDIT_ARCH_X86_64;
	else if (strcmp(argv[1], "i386") == 0)
		arch = AUDIT_ARCH_I386;
	else
		die("unknown arch", argv[1]);
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq || n == MAX_RULES)
			die("not NR=ERRNO", argv[i]);
		*eq = 0;
		nr[n] = (unsigned)strtoul(argv[i], NULL, 0);
		err[n++] = (unsigned)errno_of(eq + 1);
	}
	if (i + 1 >= argc)
		die("no program after --", NULL);

	/* A call of another arch (an x86_64 call by the exec below, or the
	 * program's own calls of the other table) is allowed. */
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch));
	f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, nr));
	for (int r = 0; r < n; r++) {
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr[r], 0, 1);
		f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
						      SECCOMP_RET_ERRNO | (err[r] & SECCOMP_RET_DATA));
	}
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)k;
	prog.filter = f;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		die("prctl(PR_SET_NO_NEW_PRIVS)", strerror(errno));
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
		die("seccomp(SECCOMP_SET_MODE_FILTER)", strerror(errno));
	execv(argv[i + 1], argv + i + 1);
	die(strerror(errno), argv[i + 1]);
	return 125;
}
