/*
 * tests/reader/fixture.c - a shared object for the reader's tests, built
 * by tests/20-reader.t in both classes, with each hash style, with and
 * without symbol versions, and in a vDSO's shape (vdso.lds).
 *
 * What it holds, and what elf_lookup must make of it:
 *
 *   functions in LINUX_2.6, like the kernel's      found
 *   weak aliases of them (clock_gettime, ...)      found
 *   __kernel_vsyscall in LINUX_2.5                 found
 *   vdso_foo@LINUX_2.5 (hidden) and @@LINUX_2.6    found, each by its version;
 *                                                  unversioned: the @@ one
 *   vdso_notype, a symbol without a type           found (STT_NOTYPE)
 *   vdso_protected, protected visibility           found
 *   vdso_data_object, data                         not found (STT_OBJECT)
 *   local_helper (static), hidden_helper (hidden)  not found: not exported
 *   made_local (local: * in the version script)    not found with versions
 *   vdso_undefined, only referenced (WITH_UNDEF)   not found (SHN_UNDEF)
 *
 * Nothing here is ever called; the bodies only give the symbols sizes.
 */

int __vdso_clock_gettime(int clock, void *ts)
{
	return clock + (ts != 0);
}
int clock_gettime(int, void *) __attribute__((weak, alias("__vdso_clock_gettime")));

int __vdso_gettimeofday(void *tv, void *tz)
{
	return (tv != 0) + (tz != 0);
}
int gettimeofday(void *, void *) __attribute__((weak, alias("__vdso_gettimeofday")));

long __vdso_time(long *t)
{
	return t ? *t : 0;
}
long time(long *) __attribute__((weak, alias("__vdso_time")));

int __vdso_getcpu(unsigned *cpu, unsigned *node, void *cache)
{
	return (cpu != 0) + (node != 0) + (cache != 0);
}

void __kernel_vsyscall(void)
{
}

#ifdef WITH_VERSIONS
/* One name, two versions: the old one kept for old callers (hidden,
 * vdso_foo@LINUX_2.5) and the default for new links (vdso_foo@@LINUX_2.6). */
int vdso_foo_old(void)
{
	return 1;
}
int vdso_foo_new(void)
{
	return 22;
}
__asm__(".symver vdso_foo_old, vdso_foo@LINUX_2.5");
__asm__(".symver vdso_foo_new, vdso_foo@@LINUX_2.6");
#else
int vdso_foo(void)
{
	return 22;
}
#endif

/* A global symbol with no type: assembler, no .type directive. */
__asm__(".text\n.balign 4\n.globl vdso_notype\nvdso_notype:\n\t.long 0\n");   /* bytes, not an instruction: any arch */

__attribute__((visibility("protected"))) int vdso_protected(void)
{
	return 5;
}

const int vdso_data_object = 42;

static int local_helper(int x)
{
	return x + vdso_data_object;
}

__attribute__((visibility("hidden"))) int hidden_helper(int x)
{
	return local_helper(x) * 2;
}

int made_local(void)
{
	return hidden_helper(3);
}

#ifdef WITH_UNDEF
extern int vdso_undefined(void);

int call_undefined(void)
{
	return vdso_undefined();
}
#endif
