/*
 * start/auxv.c - what start_c saved, looked up: an entry of the auxiliary
 * vector, a variable of the environment.  Apart from start.c, which calls
 * the canary's set-up, which needs AT_RANDOM from here.
 */
#include <lib/lib.h>
#include <asm-generic/errno.h>
#include "start.h"

/* Set by start_c (start/start.c) before main runs. */
int start_argc;
char **start_argv;
char **start_envp;
unsigned long *start_auxv;

/*
 * The checks.  The kernel's values are right, but a loader, an emulator or
 * a debugger can hand over anything, and a pointer read blindly is a crash.
 *
 * AT_PAGESZ: a power of two.  The kernel gives ELF_EXEC_PAGESIZE, the
 * page size (fs/binfmt_elf.c): 4 KiB on x86, up to 64 KiB elsewhere, and
 * 256 KiB at the most of any Linux arch (hexagon); QEMU gives the target's.
 *
 * AT_RANDOM (16 bytes), AT_PLATFORM, AT_BASE_PLATFORM and AT_EXECFN
 * (strings): create_elf_tables (fs/binfmt_elf.c) and QEMU's loader put
 * them on the stack above the vector itself.  So a pointer must lie above
 * the vector's AT_NULL, on mapped pages (mincore(2), where the kernel
 * lets us ask), and a string must end within PATH_MAX bytes.
 */
#define PAGE 4096UL             /* the smallest page: mincore's alignment */
#define STRING_MAX 4096         /* PATH_MAX, the longest AT_EXECFN */

static int page_mapped(unsigned long addr, const unsigned long *end)
{
	/* static: a local whose address is taken would make this function
	 * stack-protected, and pull the canary into programs without one */
	static unsigned char vec;
	long r;

	if (addr <= (unsigned long)end)
		return 0;
	r = arch_syscall(__NR_mincore, (long)(addr & ~(PAGE - 1)), (long)PAGE, (long)&vec, 0, 0, 0);
	return r != -ENOMEM;    /* ENOSYS, EPERM: not known, the bound above holds */
}

static int bytes_ok(unsigned long p, unsigned long len, const unsigned long *end)
{
	unsigned long at;

	if (p + len < p)
		return 0;
	for (at = p; at < p + len; at = (at | (PAGE - 1)) + 1)
		if (!page_mapped(at, end))
			return 0;
	return 1;
}

static int string_ok(unsigned long p, const unsigned long *end)
{
	unsigned long n;

	for (n = 0; n < STRING_MAX; n++) {
		if ((n == 0 || ((p + n) & (PAGE - 1)) == 0) && !page_mapped(p + n, end))
			return 0;
		if (*(const char *)(p + n) == 0)
			return 1;
	}
	return 0;
}

int auxv_valid(unsigned long type, unsigned long value)
{
	const unsigned long *end = start_auxv;

	while (end[0] != 0)     /* the AT_NULL pair */
		end += 2;
	end++;                  /* its value word */
	switch (type) {
	case AT_PAGESZ:
		return value >= 4096 && value <= 256 * 1024 && (value & (value - 1)) == 0;
	case AT_RANDOM:
		return bytes_ok(value, 16, end);
	case AT_PLATFORM:
	case AT_BASE_PLATFORM:
	case AT_EXECFN:
		return string_ok(value, end);
	}
	return 1;
}

int auxv_get(unsigned long type, unsigned long *value)
{
	unsigned long *a;

	for (a = start_auxv; a[0] != 0; a += 2) {   /* 0 is AT_NULL */
		if (a[0] == type) {
			if (!auxv_valid(type, a[1]))
				return 0;       /* as if absent: never used */
			*value = a[1];
			return 1;
		}
	}
	return 0;
}

const char *start_program_name(void)
{
	unsigned long execfn;

	if (start_argc > 0 && start_argv[0] && start_argv[0][0])
		return start_argv[0];
	/* argc 0 (execve with an empty argv): the path it was run by */
	return auxv_get(AT_EXECFN, &execfn) ? (const char *)execfn : "PROGRAM";
}

unsigned long auxv_page_size(void)
{
	unsigned long page;

	return auxv_get(AT_PAGESZ, &page) ? page : PAGE;
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
