/*
 * tests/bench/init.c - /init of the kernel that make bench boots, to count
 * instructions where this machine's kernel cannot run a program itself
 * (an i386 program on a kernel without the 32-bit compat layer).
 *
 * Built static with the C library, for x86_64; run.sh packs it into an
 * initramfs with the single-step counter (count.c, built the same way)
 * and the programs to count, and boots it (tests/boot/boot.sh -i).  It
 * runs each line of /bench/commands,
 *
 *   NAME PROGRAM [ARG...]          e.g. "i386/resolve /bench/count /bench/i386/resolve"
 *
 * in turn, its output on the console between the lines
 *
 *   === bench: begin NAME ===
 *   === bench: end NAME status=N ===
 *
 * and then powers the machine off, as demo/vdso/boot.c does, after the
 * line "=== vdso-boot: power off status=N ===" (N: the first command's
 * non-zero status, or 0) that tests/boot/boot.sh waits for.  The first
 * line says which kernel runs: "=== bench: kernel RELEASE ===".
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 32

/* Run one command line; its exit status, or 127 (not run) or 128+signal. */
static int run(char *line)
{
	char *word[MAX_WORDS + 1], *name, *save;
	int n = 0, status;
	pid_t pid;

	name = strtok_r(line, " \t\n", &save);
	if (!name)
		return 0;
	while (n < MAX_WORDS && (word[n] = strtok_r(NULL, " \t\n", &save)))
		n++;
	word[n] = NULL;
	printf("=== bench: begin %s ===\n", name);
	fflush(stdout);
	pid = n ? fork() : -1;
	if (pid == 0) {
		execv(word[0], word);
		perror(word[0]);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		status = 127 << 8;
	status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
	printf("=== bench: end %s status=%d ===\n", name, status);
	fflush(stdout);
	return status;
}

int main(void)
{
	char line[1024];
	struct utsname u;
	int first_failure = 0, status;
	FILE *commands;

	if (uname(&u) == 0)
		printf("=== bench: kernel %s ===\n", u.release);
	commands = fopen("/bench/commands", "r");
	if (!commands) {
		perror("/bench/commands");
		first_failure = 1;
	}
	while (commands && fgets(line, sizeof line, commands))
		if ((status = run(line)) && !first_failure)
			first_failure = status;
	printf("=== vdso-boot: power off status=%d ===\n", first_failure);
	fflush(stdout);
	sync();         /* reboot(2): the caller syncs first */
	reboot(RB_POWER_OFF);
	perror("reboot");
	return 1;       /* init exits: the kernel panics, and QEMU ends */
}
