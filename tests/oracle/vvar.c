/*
 * tests/oracle/vvar.c - where the data pages and the vDSO lie from the
 * image, as /proc/self/maps (proc(5)) and glibc's getauxval(3) say: one
 * "NAME DISTANCE BYTES" a line for [vvar], [vvar_vclock] and [vdso],
 * DISTANCE the start less AT_SYSINFO_EHDR (signed, decimal).  Built for
 * each arch, so that each arch's process shows its own.  An oracle for
 * the lesson `data` (tests/80-lessons.t).
 */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long long start, end, ehdr = getauxval(AT_SYSINFO_EHDR);
	char line[512], name[256];

	if (!f) {
		perror("vvar: /proc/self/maps");
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		name[0] = 0;
		if (sscanf(line, "%llx-%llx %*s %*s %*s %*s %255s", &start, &end, name) < 2)
			continue;
		if (strncmp(name, "[vvar", 5) == 0 || strcmp(name, "[vdso]") == 0)
			printf("%s %lld %llu\n", name, (long long)(start - ehdr), end - start);
	}
	fclose(f);
	return 0;
}
