/*
 * demo/stack.c - the stack the kernel builds for a new process, as _start
 * finds it.
 *
 * Terms.  _start is the program's first instruction, where the kernel
 * jumps after execve(2) (arch/<arch>/start.S here; crt1.o's in a C
 * library).  argc, argv, envp: the count, the arguments and the
 * environment main gets.  The auxiliary vector (auxv) is a list of
 * (type, value) pairs the kernel adds after envp, its facts for the
 * program (lesson auxv walks it); AT_EXECFN, AT_PLATFORM and AT_RANDOM
 * are three of its types, whose values point at strings and bytes the
 * kernel copied onto this same stack.
 *
 * At _start, sp points at argc.  Above it, one machine word a slot: the
 * argv pointers and a NULL, the envp pointers and a NULL, the auxiliary
 * vector's (type, value) pairs up to AT_NULL.  Higher still is the area the
 * pointers point into, which the kernel filled from the top down: at the
 * very top the program's file name (AT_EXECFN), below it the envp strings,
 * then the argv strings, then (after aligning) the platform string and the
 * 16 AT_RANDOM bytes.  So, read from low to high addresses: random bytes,
 * platform, argv strings, envp strings, file name.  The gap below the argv
 * strings is random (arch_align_stack, with address randomisation on):
 * run it twice, and under gdb, which turns randomisation off.
 *
 * Under QEMU the stack is QEMU's work, and may differ: the program prints
 * what it finds, sorted by address.  From: the kernel's fs/binfmt_elf.c
 * (create_elf_tables), fs/exec.c (copy_strings); the psABIs, "Process
 * Initialization".
 *
 * try: gdb -batch -ex starti -ex 'x/8gx $sp' build/x86_64/stack   # or, to stay in gdb: make gdb PROG=stack
 * exercise: run it as `env -i X=1 build/x86_64/stack one`: the picture
 *   shrinks to one envp pointer, and the envp strings to 4 bytes ("X=1").
 */
#include <lib/lib.h>
#include <start/start.h>

struct area { unsigned long at, size; const char *what; };
static const struct { unsigned long type; const char *what; } strings[] = {
	{ AT_RANDOM, "AT_RANDOM's 16 bytes" }, { AT_PLATFORM, "AT_PLATFORM string" },
	{ AT_BASE_PLATFORM, "AT_BASE_PLATFORM string" }, { AT_EXECFN, "AT_EXECFN (file name)" },
};

/* "sp[i]" in a field of 10 columns */
static void slot(struct out *o, long i)
{
	char b[32] = "sp[";
	int n = 3 + fmt_dec(b + 3, i);

	b[n++] = ']', b[n] = 0;
	out_field(o, b, -10);
}

static unsigned long str_end(const char *s) { return (unsigned long)s + strlen(s) + 1; }

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	unsigned long *sp = (unsigned long *)argv - 1, *a, v;
	struct area areas[8], t;
	int n = 0, i, j, envc = 0;

	out_printf(o, "sp at _start  0x%lx (%s16-byte aligned)\n", (unsigned long)sp, ((unsigned long)sp & 15) ? "NOT " : "");
	slot(o, 0), out_printf(o, "argc     %d\n", argc);
	for (i = 0; i <= argc; i++) {   /* argv[argc] is the NULL */
		slot(o, 1 + i);
		out_printf(o, "argv[%d]  0x%lx%s%s\n", i, (unsigned long)argv[i], argv[i] ? " -> " : " (NULL)",
			   argv[i] ? argv[i] : "");
	}
	while (envp[envc])
		envc++;
	for (i = 0; i < envc && i < 3; i++) {
		slot(o, argc + 2 + i);
		out_printf(o, "envp[%d]  0x%lx -> ", i, (unsigned long)envp[i]);
		out_mem(o, envp[i], strlen(envp[i]) < 40 ? strlen(envp[i]) : 40);
		out_char(o, '\n');
	}
	out_printf(o, "...       %d envp pointers in all, then the NULL at sp[%d]\n", envc, argc + 2 + envc);
	for (a = start_auxv; a[0]; a += 2) ;   /* to AT_NULL */
	slot(o, (long)(start_auxv - sp));
	out_printf(o, "auxv     %ld (type, value) pairs, AT_NULL at 0x%lx\n", (long)(a - start_auxv) / 2, (unsigned long)a);

	/* The string area: each piece's address and size, sorted by address. */
	for (i = 0; i < 4; i++)         /* what the auxv points at, on this stack */
		if (auxv_get(strings[i].type, &v))
			areas[n++] = (struct area){ v, i ? str_end((char *)v) - v : 16, strings[i].what };
	if (argc)
		areas[n++] = (struct area){ (unsigned long)argv[0], str_end(argv[argc - 1]) - (unsigned long)argv[0], "argv strings" };
	if (envc)
		areas[n++] = (struct area){ (unsigned long)envp[0], str_end(envp[envc - 1]) - (unsigned long)envp[0], "envp strings" };
	for (i = 1; i < n; i++)         /* insertion sort: a handful of items */
		for (j = i; j > 0 && areas[j].at < areas[j - 1].at; j--)
			t = areas[j], areas[j] = areas[j - 1], areas[j - 1] = t;

	/* Drawn (lib/box.c): high addresses on top, each area between the
	 * addresses of its ends, gaps nobody wrote marked ':', not to scale. */
	out_str(o, "\nthe stack, high addresses on top:\n");
	for (i = n - 1; i >= 0; i--) {
		unsigned long below = i ? areas[i - 1].at + areas[i - 1].size : (unsigned long)(a + 2);

		if (i == n - 1)
			out_box_edge(o, areas[i].at + areas[i].size, " the end of the strings");
		out_box_row(o, '|', areas[i].what, (long)areas[i].size, "bytes");
		out_box_edge(o, areas[i].at, "");
		if (areas[i].at > below) {
			out_box_row(o, ':', "gap", (long)(areas[i].at - below), "bytes");
			out_box_edge(o, below, "");
		}
	}
	out_box_row(o, '|', "auxv (type, value) pairs", (long)(a - start_auxv) / 2, "+ AT_NULL");
	out_box_row(o, '|', "envp pointers", envc, "+ NULL");
	out_box_row(o, '|', "argv pointers", argc, "+ NULL");
	out_box_row(o, '|', "argc", argc, "");
	out_box_edge(o, (unsigned long)sp, " <- sp at _start");
	return out_flush(o) < 0;
}
