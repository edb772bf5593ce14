/*
 * tests/robust/readall.c - `vdso read` on many files, from one process.
 *
 *   readall SECONDS VDSO FILE...
 *
 * Runs `VDSO read FILE` for each FILE, in turn, its output thrown away
 * and its standard error kept, each killed after SECONDS (a hang).  A
 * run is answered if it exits 0 with nothing on stderr, or exits 1 with
 * exactly one line on stderr that starts "vdso: read: "; anything else
 * (another status, a death by signal, a hang, more or fewer lines) is
 * printed on stdout, one line a file: "NAME: what happened: stderr...".
 * The last line is "N files, M not answered"; the exit status is 0 if M
 * is 0, else 1 (2 for a usage or set-up error).
 *
 * It replaces a shell loop that started three or four processes for each
 * file (timeout, wc, grep) besides the one under test.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char err[4096];          /* the head of the run's stderr */

/* Run VDSO read FILE; its status as wait() gives it, -1 if it hung.
 * Its stderr (the first sizeof err - 1 bytes) is left in err, the
 * number of newlines in all of it in *lines. */
static int run(const char *vdso, const char *file, int seconds, int *lines)
{
	int pipefd[2], status, hung = 0;
	size_t have = 0;
	ssize_t n;
	char buf[4096];
	pid_t pid;
	time_t end = time(NULL) + seconds;

	*lines = 0;
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return perror("readall: pipe"), exit(2), 0;
	pid = fork();
	if (pid < 0)
		return perror("readall: fork"), exit(2), 0;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(null, 1);
		dup2(pipefd[1], 2);
		execl(vdso, vdso, "read", file, (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	/* Read its stderr until it closes; a hang is caught by the alarm
	 * interrupting read (no SA_RESTART). */
	alarm((unsigned)seconds);
	for (;;) {
		n = read(pipefd[0], buf, sizeof buf);
		if (n > 0) {
			for (ssize_t i = 0; i < n; i++)
				*lines += buf[i] == '\n';
			if (have < sizeof err - 1) {
				size_t take = (size_t)n < sizeof err - 1 - have ? (size_t)n : sizeof err - 1 - have;
				memcpy(err + have, buf, take);
				have += take;
			}
			continue;
		}
		if (n < 0 && errno == EINTR && time(NULL) < end)
			continue;
		if (n < 0)
			hung = 1;
		break;
	}
	err[have] = '\0';
	close(pipefd[0]);
	if (hung)
		kill(pid, SIGKILL);
	/* the alarm still runs: a child that closed stderr and hangs on */
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
		kill(pid, SIGKILL);
		hung = 1;
	}
	alarm(0);
	return hung ? -1 : status;
}

static void on_alarm(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int seconds, i, bad = 0, status, lines;

	if (argc < 3 || (seconds = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: readall SECONDS VDSO FILE...\n");
		return 2;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;      /* no SA_RESTART: read returns EINTR */
	sigaction(SIGALRM, &sa, NULL);
	for (i = 3; i < argc; i++) {
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		char what[64];

		status = run(argv[2], argv[i], seconds, &lines);
		if (status == -1)
			snprintf(what, sizeof what, "hung (killed after %d s)", seconds);
		else if (WIFSIGNALED(status))
			snprintf(what, sizeof what, "died by signal %d", WTERMSIG(status));
		else if (WEXITSTATUS(status) == 0 && lines == 0)
			continue;
		else if (WEXITSTATUS(status) == 1 && lines == 1 &&
			 strncmp(err, "vdso: read: ", 12) == 0)
			continue;
		else
			snprintf(what, sizeof what, "exit %d, %d lines", WEXITSTATUS(status), lines);
		bad++;
		err[strcspn(err, "\n")] = '\0';
		printf("%s: %s: %.200s\n", base, what, err);
	}
	printf("%d files, %d not answered\n", argc - 3, bad);
	return bad != 0;
}
