/*
 * tests/oracle/check.c - what `vdso check` should find, asked of the vDSO
 * through glibc's loader (dlvsym) and of the kernel through syscall(2):
 * no code shared with the runtime.
 *
 *   check getcpu CPU...   pinned to each CPU: "CPU same" if the vDSO's
 *                         getcpu names it as the system call does, else
 *                         "CPU differ"
 *   check clockid ID...   "ID same" if the vDSO's clock_gettime and
 *                         clock_getres answer as the system calls do
 *                         (0 or the same errno), else "ID differ"
 * Either says "absent" for a function the vDSO lacks.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *h;

static void *vdso_fn(const char *name64, const char *name32)
{
	void *p = dlvsym(h, sizeof(void *) == 8 ? name64 : name32, "LINUX_2.6");
	return p;
}

int main(int argc, char **argv)
{
	h = dlopen(sizeof(void *) == 8 ? "linux-vdso.so.1" : "linux-gate.so.1",
		   RTLD_LAZY | RTLD_NOLOAD);
	if (argc < 2 || !h) {
		fprintf(stderr, "oracle: %s\n", h ? "usage: check getcpu CPU... | clockid ID..."
						  : "no vDSO");
		return h ? 2 : 3;
	}
	for (int i = 2; i < argc; i++) {
		int n = atoi(argv[i]);

		if (strcmp(argv[1], "getcpu") == 0) {
			long (*f)(unsigned *, unsigned *, void *) =
				vdso_fn("__vdso_getcpu", "__vdso_getcpu");
			unsigned c1[4] = { ~0u }, n1[4] = { ~0u }, c2 = ~0u, n2 = ~0u;
			cpu_set_t set;

			if (!f) {
				printf("%d absent\n", n);
				continue;
			}
			CPU_ZERO(&set);
			CPU_SET(n, &set);
			if (sched_setaffinity(0, sizeof set, &set) != 0) {
				printf("%d %s\n", n, strerror(errno));
				continue;
			}
			long r1 = f(c1, n1, 0);
			long r2 = syscall(SYS_getcpu, &c2, &n2, 0);
			printf("%d %s\n", n, r1 == 0 && r2 == 0 && c1[0] == (unsigned)n &&
			       c2 == (unsigned)n && n1[0] == n2 ? "same" : "differ");
		} else if (strcmp(argv[1], "clockid") == 0) {
			/* through 64-bit time on both: the i386 64-bit getres twin
			 * may be absent, then the old one (a NULL-free call) */
			long (*g)(int, void *) = vdso_fn("__vdso_clock_gettime", "__vdso_clock_gettime64");
			long (*r)(int, void *) = vdso_fn("__vdso_clock_getres", "__vdso_clock_getres_time64");
			long long ts[2];
			long g1, g2, r1, r2;

			if (!r)
				r = vdso_fn("__vdso_clock_getres", "__vdso_clock_getres");
			if (!g || !r) {
				printf("%d absent\n", n);
				continue;
			}
			g1 = g(n, ts);
			g2 = syscall(sizeof(void *) == 8 ? SYS_clock_gettime : 403, n, ts) ? -errno : 0;
			r1 = r(n, ts);
			r2 = syscall(sizeof(void *) == 8 ? SYS_clock_getres : 406, n, ts) ? -errno : 0;
			printf("%d %s\n", n, g1 == g2 && r1 == r2 ? "same" : "differ");
		} else {
			fprintf(stderr, "oracle: unknown '%s'\n", argv[1]);
			return 2;
		}
	}
	return 0;
}
