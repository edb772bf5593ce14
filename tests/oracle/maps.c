/*
 * tests/oracle/maps.c - the kernel's special mappings of this process, as
 * /proc/self/maps names them (proc(5)): one "NAME PAGES" a line for
 * [vvar], [vvar_vclock], [vdso] and [vsyscall], in address order.  Built
 * -m32 and -m64, so that each arch's process shows its own.  An oracle
 * for the table of what each kernel's vDSO offers (tests/boot/table.sh).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512], name[256];
	unsigned long long start, end;
	long page = sysconf(_SC_PAGESIZE);

	if (!f) {
		perror("maps: /proc/self/maps");
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		name[0] = 0;
		/* start-end perms offset dev inode [name] */
		if (sscanf(line, "%llx-%llx %*s %*s %*s %*s %255s", &start, &end, name) < 2)
			continue;
		if (strcmp(name, "[vvar]") == 0 || strcmp(name, "[vvar_vclock]") == 0 ||
		    strcmp(name, "[vdso]") == 0 || strcmp(name, "[vsyscall]") == 0)
			printf("%s %llu\n", name, (end - start) / page);
	}
	fclose(f);
	return 0;
}
