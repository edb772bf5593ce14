/*
 * tests/oracle/auxv.c - the auxiliary vector as glibc's getauxval(3) sees
 * it: one "TYPE VALUE" a line (decimal type, hex value) for every type
 * from 0 to 63 that is present.  An oracle for `vdso auxv`.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/auxv.h>

int main(void)
{
	for (unsigned long t = 1; t < 64; t++) {
		errno = 0;
		unsigned long v = getauxval(t);
		if (v == 0 && errno == ENOENT)
			continue;       /* absent */
		/* glibc answers AT_HWCAP2 from its own copy, 0 when the kernel
		 * gave none, and never says ENOENT: 0 may mean absent. */
		if (t == AT_HWCAP2 && v == 0)
			continue;
		printf("%lu 0x%lx\n", t, v);
	}
	return 0;
}
