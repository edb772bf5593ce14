/*
 * tests/oracle/droppable.c PROT FLAGS - what the kernel does with a mapping
 * made with the prot and flags vDSO getrandom asks for: its VmFlags in
 * /proc/self/smaps (wf: wiped on fork, dd: left out of a core dump, dp:
 * droppable), and the non-zero bytes a child of fork sees of a page the
 * parent filled.  Prints "vmflags F..." and "child N of 4096".  libc, a judge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned char *p;
	char line[512], head[32];
	FILE *f;
	int in = 0, status;
	pid_t pid;

	if (argc != 3)
		return 2;
	p = mmap(0, 4096, (int)strtol(argv[1], 0, 0), (int)strtol(argv[2], 0, 0), -1, 0);
	if (p == MAP_FAILED) {
		perror("droppable: mmap");
		return 1;
	}
	memset(p, 0xa5, 4096);
	snprintf(head, sizeof head, "%lx-", (unsigned long)p);
	if (!(f = fopen("/proc/self/smaps", "r"))) {
		perror("droppable: /proc/self/smaps");
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		if (strchr(line, '-') && strchr(line, '-') < strchr(line, ' ') && strlen(line) > 20)
			in = strncmp(line, head, strlen(head)) == 0;
		if (in && strncmp(line, "VmFlags:", 8) == 0)
			printf("vmflags%s", line + 8);
	}
	fclose(f);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		int n = 0;
		for (int i = 0; i < 4096; i++)
			n += p[i] != 0;
		printf("child %d of 4096\n", n);
		fflush(stdout);
		_exit(0);
	}
	return pid < 0 || waitpid(pid, &status, 0) < 0 || status != 0;
}
