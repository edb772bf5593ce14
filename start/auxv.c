/*
 * start/auxv.c - what start_c saved, looked up: an entry of the auxiliary
 * vector, a variable of the environment.  Apart from start.c, which calls
 * the canary's set-up, which needs AT_RANDOM from here.
 */
#include <lib/lib.h>
#include "start.h"

/* Set by start_c (start/start.c) before main runs. */
int start_argc;
char **start_argv;
char **start_envp;
unsigned long *start_auxv;

int auxv_get(unsigned long type, unsigned long *value)
{
	unsigned long *a;

	for (a = start_auxv; a[0] != 0; a += 2) {   /* 0 is AT_NULL */
		if (a[0] == type) {
			*value = a[1];
			return 1;
		}
	}
	return 0;
}

const char *env_get(const char *name)
{
	size_t n = strlen(name);
	char **e;

	for (e = start_envp; *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return 0;
}
