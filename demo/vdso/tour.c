/*
 * demo/vdso/tour.c - `vdso tour [STEP]`: the way from the first instruction
 * of this process to a vDSO call and back, in steps, each on the live
 * process: what it finds, where the rule comes from (see:), and a command
 * to try next (try:).  The lessons in demo/ (stack, auxv, find, lookup,
 * clock, gate, getrandom, signal, vsyscall) take one step each further; the tour shares only the
 * runtime with them (start/, elf/, vdso/).
 *
 *   0 stack    what the kernel left for _start
 *   1 auxv     the auxiliary vector: AT_SYSINFO_EHDR, AT_SYSINFO
 *   2 find     the image: its address from auxv, its size from its headers
 *   3 headers  ELF header, PT_LOAD, PT_DYNAMIC, the dynamic table
 *   4 lookup   one symbol by its GNU hash, with the numbers
 *   5 call     the call, and why it needs no system call (or does, under QEMU)
 *   6 gate     how the other system calls enter: i386's gate, x86_64's syscall
 *   7 getrandom  random bytes with no system call, and the state they need
 *   8 signal     where a signal handler returns: the vDSO's, or sa_restorer
 *   9 vsyscall   the legacy page before the vDSO, and why a call traps
 *  10 trace      vdso trace on date and the clock lesson: the calls strace
 *                cannot see, and whether each entered the kernel
 * Steps 7 to 9 run the code of `vdso call getrandom` (demo/vdso/call.c),
 * `vdso signal` and `vdso vsyscall`, so that each probe and each sentence
 * is written once; the lessons getrandom, signal and vsyscall take them
 * further.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <linux/time.h>
#include "commands.h"
#include "served.h"

static struct out *o = &out_stdout;

/* The steps that read the image say in one line when there is none. */
static int have_vdso(void)
{
	if (vdso_status == 0)
		return 1;
	out_printf(o, "no vDSO here (%s): nothing to show\n", vdso_why_absent());
	return 0;
}

/* ---- 0: the stack ---- */

static int stack(void)
{
	unsigned long *sp = (unsigned long *)start_argv - 1, *a, v;
	int envc = 0;

	while (start_envp[envc])
		envc++;
	for (a = start_auxv; a[0]; a += 2)
		;
	out_printf(o, "sp at _start: 0x%lx; from there, one %u-byte word a slot:\n",
		   (unsigned long)sp, (unsigned)sizeof(long));
	out_printf(o, "  argc  at sp[0]: %d\n", start_argc);
	out_printf(o, "  argv  at sp[1] to sp[%d], then NULL; argv[0] = 0x%lx \"%s\"\n",
		   start_argc, (unsigned long)start_argv[0], start_argc ? start_argv[0] : "");
	out_printf(o, "  envp  at sp[%d] to sp[%d], %d pointers, then NULL\n",
		   start_argc + 2, start_argc + 1 + envc, envc);
	out_printf(o, "  auxv  at sp[%ld] to sp[%ld], %ld (type, value) pairs, then AT_NULL\n",
		   (long)(start_auxv - sp), (long)(a - sp) - 1, (long)(a - start_auxv) / 2);
	out_str(o, "above them the strings, low to high:");
	if (auxv_get(AT_RANDOM, &v))
		out_printf(o, " AT_RANDOM 0x%lx <", v);
	if (auxv_get(AT_PLATFORM, &v))
		out_printf(o, " platform 0x%lx <", v);
	out_printf(o, " argv 0x%lx <", (unsigned long)start_argv[0]);
	if (envc)
		out_printf(o, " envp 0x%lx <", (unsigned long)start_envp[0]);
	if (auxv_get(AT_EXECFN, &v))
		out_printf(o, " AT_EXECFN 0x%lx", v);
	out_char(o, '\n');
	return 0;
}

/* ---- 1: the auxiliary vector ---- */

static int auxv(void)
{
	static const unsigned long types[] = { AT_SYSINFO_EHDR, AT_SYSINFO, AT_PAGESZ,
					       AT_RANDOM, AT_ENTRY, AT_EXECFN };
	unsigned long *a, v;
	unsigned i, n = 0;

	for (a = start_auxv; a[0]; a += 2)
		n++;
	out_printf(o, "%u entries at 0x%lx, just above envp's NULL; the ones that matter here:\n",
		   n, (unsigned long)start_auxv);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		out_printf(o, "  %-16s ", auxv_name(types[i]));
		if (!auxv_get(types[i], &v))
			out_str(o, "absent");
		else if (auxv_kind(types[i]) == AUXV_STR)
			out_str(o, (const char *)v);
		else if (auxv_kind(types[i]) == AUXV_DEC)
			out_udec(o, v);
		else
			out_printf(o, "0x%lx", v);
		out_char(o, '\n');
	}
	out_str(o, auxv_get(AT_SYSINFO_EHDR, &v) ? "AT_SYSINFO_EHDR: the kernel mapped a vDSO here\n"
		: "no AT_SYSINFO_EHDR: this runner gives no vDSO (qemu-user before 8.1, vdso=0)\n");
	out_str(o, ARCH_HAS_GATE ? (auxv_get(AT_SYSINFO, &v) ? "AT_SYSINFO: the " ARCH_NAME " system call gate\n"
				    : "no AT_SYSINFO: no gate here, " ARCH_RAW_ENTRY " it is\n")
		: "no AT_SYSINFO on " ARCH_NAME ": `" ARCH_RAW_ENTRY "` is the only way in, nothing to choose\n");
	return 0;
}

/* ---- 2: find ---- */

static int find(void)
{
	const unsigned char *bytes;
	const char *why;
	size_t size;

	if (vdso_find(&bytes, &size, &why) < 0) {
		out_printf(o, "no vDSO here: %s\n", why);
	} else {
		out_printf(o, "AT_SYSINFO_EHDR 0x%lx: \"\\177ELF\" there; the headers say %lu bytes\n",
			   (unsigned long)bytes, (unsigned long)size);
		out_str(o, "(the largest PT_LOAD end and the section header table's end, to a page;\n"
			" each page checked with mincore(2) before it is read; no /proc needed)\n");
		long persona = sys_personality(0xffffffff);

		/* ADDR_NO_RANDOMIZE (include/uapi/linux/personality.h): setarch -R, gdb */
		if (persona >= 0 && (persona & 0x0040000))
			out_str(o, "here it stays put: this process runs without address randomisation"
				" (personality ADDR_NO_RANDOMIZE, as setarch -R and gdb set)\n");
		out_str(o, persona >= 0 && (persona & 0x0040000) ?
			"with randomisation on it moves every run: once fixed at 0xffffe000 on\n" :
			"it moves every run (address randomisation): once fixed at 0xffffe000 on\n");
		out_str(o, "i386, it was code at a known address, a gift to an exploit\n");
	}
	return 0;
}

/* ---- 3: the headers ---- */

static int headers(void)
{
	static const struct { int64_t tag; const char *name; } tags[] = {
		{ 4, "DT_HASH" }, { 0x6ffffef5, "DT_GNU_HASH" }, { 5, "DT_STRTAB" },
		{ 6, "DT_SYMTAB" }, { 0x6ffffff0, "DT_VERSYM" }, { 0x6ffffffc, "DT_VERDEF" },
	};
	struct elf_segment s;
	struct elf_dynamic d;
	unsigned i, k;

	if (!have_vdso())
		return 0;
	out_printf(o, "ELF%d, machine %u, %u program headers at offset 0x%lx, soname %s\n",
		   vdso_image.elf_class, vdso_image.machine, vdso_image.phnum,
		   (unsigned long)vdso_image.phoff, elf_soname(&vdso_image) ? elf_soname(&vdso_image) : "(none)");
	for (i = 0; i < vdso_image.phnum && elf_segment(&vdso_image, i, &s) == 0; i++)
		if (s.type == 1 || s.type == 2)         /* PT_LOAD, PT_DYNAMIC */
			out_printf(o, "  %-10s offset 0x%llx vaddr 0x%llx filesz 0x%llx\n",
				   s.type == 1 ? "PT_LOAD" : "PT_DYNAMIC", (unsigned long long)s.offset,
				   (unsigned long long)s.vaddr, (unsigned long long)s.filesz);
	out_printf(o, "load bias = image + p_offset - p_vaddr = 0x%lx%s\n", (unsigned long)vdso_image.bias,
		   vdso_image.load_vaddr ? " (the image is linked or relocated to its address)" : "");
	out_printf(o, "dynamic table: %u entries; the reader's:\n", vdso_image.dynnum);
	for (i = 0; i < vdso_image.dynnum && elf_dynamic(&vdso_image, i, &d) == 0; i++)
		for (k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (d.tag == tags[k].tag)
				out_printf(o, "  %-12s 0x%llx\n", tags[k].name, (unsigned long long)d.value);
	out_printf(o, "%u dynamic symbols (from the hash tables)%s\n", vdso_image.nsyms,
		   vdso_image.relocated ? "; the pointers are run-time addresses: relocated in place" : "");
	return 0;
}

/* ---- 4: one lookup ---- */

static int lookup(void)
{
	const char *name = vdso_calls[VDSO_CLOCK_GETTIME].symbol;
	struct elf_gnu_table g;
	struct elf_gnu_start st;
	struct elf_verdef vd;
	struct elf_sym s;
	uint32_t i, word = 0;
	int next = ELF_GNU_GO_ON, found;

	if (!have_vdso())
		return 0;
	if (!name || elf_gnu_table(&vdso_image, &g) < 0) {
		out_str(o, "no clock_gettime or no GNU hash table in this vDSO: nothing to trace\n");
		return 0;
	}
	/* the walk, a step a call, as the lesson lookup takes it (elf/trace.c) */
	elf_gnu_first(&vdso_image, &g, name, &st);
	out_printf(o, "%s in the vDSO at 0x%lx\n", name, (unsigned long)vdso_image.bytes);
	out_printf(o, "GNU hash (h = h * 33 + c, from 5381) = 0x%08x\n", st.hash);
	out_printf(o, "bloom: word %u of %u = 0x%llx; bits %u and %u (h >> %u): %s, %s\n", st.bloom_index,
		   g.bloom_size, (unsigned long long)st.bloom_word, st.bit1, st.bit2, g.bloom_shift,
		   st.bloom_word >> st.bit1 & 1 ? "set" : "clear", st.bloom_word >> st.bit2 & 1 ? "set" : "clear");
	out_printf(o, "bucket: h %% %u = %u -> the chain starts at symbol %u\n", g.nbuckets,
		   st.bucket, st.first);
	s.name = "";
	for (i = st.first; i && next == ELF_GNU_GO_ON; i++) {
		if ((next = elf_gnu_step(&vdso_image, &g, name, st.hash, i, &word, &s)) < 0)
			break;
		out_printf(o, "  chain[%u] = 0x%08x (end bit %u): %s %s\n", i, word, word & 1,
			   (word | 1) == (st.hash | 1) ? "hash matches, name" : "hash differs:",
			   (word | 1) == (st.hash | 1) ? (next == ELF_GNU_FOUND ? "equal" : "differs") : s.name);
	}
	if (next != ELF_GNU_FOUND) {
		out_str(o, "not found by the chain\n");
		return 1;
	}
	found = elf_verdef_of(&vdso_image, s.version_index, &vd) == 0;
	out_printf(o, "version: versym[%u] = %u -> Verdef \"%s\", vd_hash 0x%x = ELF hash of its name 0x%x\n",
		   s.index, s.version_index, found ? vd.name : "(none)", found ? vd.hash : 0,
		   found ? elf_sysv_hash(vd.name) : 0);
	out_printf(o, "address: st_value 0x%llx + load bias 0x%lx = 0x%lx\n",
		   (unsigned long long)s.value, (unsigned long)vdso_image.bias, (unsigned long)s.addr);
	out_printf(o, "the call table holds 0x%lx for clock_gettime: %s\n",
		   (unsigned long)vdso_calls[VDSO_CLOCK_GETTIME].fn,
		   (uintptr_t)vdso_calls[VDSO_CLOCK_GETTIME].fn == s.addr ? "the same" : "DIFFERENT");
	return 0;
}

/* ---- 5: the call ---- */

/* ns per call of loop over n calls, by CLOCK_MONOTONIC's system call. */
static uint32_t per_call(int use_vdso, unsigned n)
{
	struct __kernel_timespec t0, t1, ts;
	unsigned i;
	uint64_t ns;

	sys_clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		use_vdso ? vdso_clock_gettime(CLOCK_MONOTONIC, &ts) : sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	sys_clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = (uint64_t)ns_of(t1.tv_sec - t0.tv_sec, t1.tv_nsec - t0.tv_nsec);
	return (uint32_t)u64_div_u32(ns, n, 0);
}

static int call(void)
{
	const struct vdso_call *c = &vdso_calls[VDSO_CLOCK_GETTIME];
	const unsigned char *f = c->fn;
	struct __kernel_timespec ts;
	uint32_t fast, slow;
	size_t room, i;

	if (!f) {
		out_printf(o, "no vDSO clock_gettime here (%s): every call is a system call\n",
			   vdso_status != 0 ? vdso_why_absent() : "not in the image");
			return 0;
	}
	if (vdso_clock_gettime(CLOCK_REALTIME, &ts) == 0)
		out_printf(o, "%s at 0x%lx: CLOCK_REALTIME = %lld.%09ld\n", c->symbol,
			   (unsigned long)f, (long long)ts.tv_sec, (long)ts.tv_nsec);
	room = (size_t)(vdso_image.bytes + vdso_image.size - f);
	out_str(o, "its first bytes:");
	for (i = 0; i < 16 && i < room; i++)
		out_printf(o, " %02x", f[i]);
	out_char(o, '\n');
	if (timer_failed("tour 5", 0))  /* no figure made up */
		return 1;
	fast = per_call(1, 2000);
	slow = per_call(0, 2000);
	out_printf(o, "2000 calls each: %u ns a call through the vDSO, %u ns by the system call\n",
		   fast, slow);
	if (arch_has_syscall_insn(f, room < 17 ? room : 17))   /* one starting in the first 16 bytes */
		out_str(o, "a system call instruction among its first bytes: this function is a stub\n"
			"that makes the system call (QEMU's vDSO does so: the guest's clock is the\n"
			"host's, read by a system call QEMU handles), so it saves nothing\n");
	else
		out_str(o, "no system call on its way: early on, the kernel's function takes the\n"
			"address of the data page mapped just below the image ([vvar] or\n"
			"[vvar_vclock]: " ARCH_DATA_ADDRESS_HOW "), reads there the kernel's\n"
			"sequence count and the clock's base and scale, reads the CPU's counter\n"
			"(" ARCH_CLOCK_COUNTER ") and scales it: all in user mode, no switch to the kernel\n"
			"(unless the clocksource has no vDSO mode" ARCH_CLOCKSOURCES_NO_VDSO ")\n");
	served_print_clock(o);
	return 0;
}

/* ---- 6: the gate ---- */

static uint32_t getpid_ns(void *gate, unsigned n)
{
	struct __kernel_timespec t0, t1;
	unsigned i;

	sys_clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		gate ? arch_gate_syscall(gate, __NR_getpid, 0, 0, 0, 0, 0, 0)
		     : arch_syscall(__NR_getpid, 0, 0, 0, 0, 0, 0);
	sys_clock_gettime(CLOCK_MONOTONIC, &t1);
	return (uint32_t)u64_div_u32((uint64_t)ns_of(t1.tv_sec - t0.tv_sec, t1.tv_nsec - t0.tv_nsec), n, 0);
}

static int gate(void)
{
	const unsigned char *g = vdso_gate();
	const char *form, *insn = 0;
	uint32_t via_gate, via_int;
	size_t room;
	unsigned i;

	if (timer_failed("tour 6", 0))  /* no figure made up */
		return 1;
	if (!ARCH_HAS_GATE) {
		out_printf(o, "%s: no gate; `%s` is in every %s CPU, so system calls use it\n"
			   "directly: getpid by `%s` costs %u ns here\n", ARCH_NAME, ARCH_RAW_ENTRY,
			   ARCH_NAME, ARCH_RAW_ENTRY, getpid_ns(0, 2000));
	} else if (!g) {
		out_str(o, "no gate here (no AT_SYSINFO in the vDSO): every system call is " ARCH_RAW_ENTRY "\n");
	} else {
		/* vdso_gate checked g lies in the image: read no further than it */
		room = (size_t)(vdso_image.bytes + vdso_image.size - g);
		out_printf(o, "AT_SYSINFO 0x%lx, __kernel_vsyscall's first bytes:", (unsigned long)g);
		for (i = 0; i < 12 && i < room; i++)
			out_printf(o, " %02x", g[i]);
		/* which form, decoded from these bytes (arch/<arch>/decode.c) */
		form = arch_gate_form(g, room < 32 ? room : 32, &insn);
		out_printf(o, "\n%s\n", form ? form : "(not a form of the gate known here: objdump -d knows)");
		via_gate = getpid_ns((void *)g, 2000);
		via_int = getpid_ns(0, 2000);
		out_printf(o, "getpid: %u ns through the gate, %u ns by " ARCH_RAW_ENTRY "\n", via_gate, via_int);
		if (via_int > 4 * via_gate && insn && !str_eq(insn, ARCH_RAW_ENTRY))
			out_printf(o, ARCH_RAW_ENTRY " is many times slower here: a software interrupt goes through\n"
				   "the interrupt table and its checks, which %s was made to skip; how\n"
				   "much that costs depends on the CPU and on the hypervisor under it\n", insn);
	}
	return 0;
}

/* ---- 7 to 9: the commands' own code ---- */

static int getrandom_step(void)
{
	return call_getrandom_step();
}

static int signal_step(void)
{
	static char name[] = "signal", *argv[] = { name, 0 };

	return cmd_signal(1, argv);
}

static int vsyscall_step(void)
{
	static char name[] = "vsyscall", *argv[] = { name, 0 };

	return cmd_vsyscall(1, argv);
}

/* ---- the steps ---- */

static const struct step {
	const char *name, *title, *see;
	const char *try;        /* %V: the tool, %L: the lessons' folder (self.c) */
	int (*run)(void);
} steps[] = {
	{ "stack", "what the kernel left for _start",
	  "arch/" ARCH_NAME "/start.S, start/start.c; the kernel's fs/binfmt_elf.c "
	  "(create_elf_tables); the psABI, \"Process Initialization\"",
	  "%Lstack; gdb -batch -ex starti -ex 'x/8a $sp' %Lstack", stack },
	{ "auxv", "the auxiliary vector",
	  "start/start.c (auxv_get), start/auxv_names.c; the kernel's "
	  "include/uapi/linux/auxvec.h, fs/binfmt_elf.c; getauxval(3)",
	  "%Lauxv; LD_SHOW_AUXV=1 /bin/true; gdb -batch -ex starti -ex 'info auxv' %Lauxv", auxv },
	{ "find", "where the vDSO is, and how long",
	  "vdso/find.c, elf/extent.c; the kernel's Documentation/ABI/stable/vdso, vdso(7)",
	  "%Lfind; %Lfind; setarch -R %Lfind   # twice: it moves; setarch -R: it stays", find },
	{ "headers", "its ELF headers and dynamic table",
	  "elf/open.c, elf/header.c, elf/address.c; the gABI, \"ELF Header\", "
	  "\"Program Header\", \"Dynamic Section\"",
	  "%V dump v.so && readelf -h -l -d v.so", headers },
	{ "lookup", "one symbol found by its GNU hash",
	  "elf/hash.c, elf/lookup.c, elf/trace.c; the GNU hash section (binutils, glibc), "
	  "the gABI \"Hash Table\", the LSB \"Symbol Versioning\"",
	  "%Llookup; %V dump v.so && readelf -I -V --dyn-syms v.so", lookup },
	{ "call", "the call, and why it needs no system call",
	  "vdso/calls.c; the kernel's lib/vdso/gettimeofday.c, include/vdso/datapage.h",
	  "%V dump v.so && objdump -d v.so; %Lclock; %V bench --rounds 1",
	  call },
	{ "gate", "how the other system calls enter",
	  ARCH_SEE_GATE,         /* arch/<arch>/arch.h: the arch's own files */
	  "%Lgate; %V gate   # gdb, i386: x/12i at AT_SYSINFO", gate },
	{ "getrandom", "random bytes with no system call",
	  "vdso/getrandom.c, demo/vdso/call.c, demo/getrandom.c; the kernel's lib/vdso/getrandom.c, "
	  "include/uapi/linux/random.h (struct vgetrandom_opaque_params), mm/mmap.c (VM_DROPPABLE)",
	  "%Lgetrandom; %V call getrandom; strace -e getrandom %V tour 7",
	  getrandom_step },
	{ "signal", "where a signal handler returns",
	  "demo/vdso/signal.c, demo/signal.c, arch/" ARCH_NAME "/sigframe.h; the kernel's "
	  ARCH_SEE_SIGNAL "; sigaction(2), sigreturn(2)",
	  "%Lsignal; %V signal; gdb -batch -ex 'handle SIGUSR1 nostop noprint' -ex 'break *handler' "
	  "-ex r -ex 'x/2i " ARCH_GDB_RETURN_ADDRESS "' %Lsignal", signal_step },
	{ "vsyscall", "the legacy page, and why a call through it traps",
	  "vdso/vsyscall.c, demo/vdso/vsyscall.c, demo/vsyscall.c; the kernel's " ARCH_SEE_FIXED_PAGE,
	  "%Lvsyscall; %V vsyscall; grep vsyscall /proc/self/maps; cat /proc/cmdline",
	  vsyscall_step },
	{ "trace", "the calls strace cannot see",
	  "demo/vdso/tour_trace.c, demo/vdso/trace.c; ptrace(2) (PTRACE_SYSCALL); strace(1), "
	  "which sees only what enters the kernel",
	  "%V trace -c -- date; %V trace -f -- sh -c date", tour_trace },
};
#define NSTEPS (sizeof steps / sizeof steps[0])

static int run_step(unsigned i)
{
	int status;

	out_printf(o, "== step %u of %u: %s: %s ==\n", i, (unsigned)NSTEPS - 1, steps[i].name,
		   steps[i].title);
	status = steps[i].run();
	out_printf(o, "see: %s\n", steps[i].see);
	print_try(o, steps[i].try);
	return status;
}

int cmd_tour(int argc, char **argv)
{
	uint64_t n;
	unsigned i;
	int status = 0;

	if (argc > 2)
		return usage_error("tour", argv[2], "unexpected argument");
	if (argc == 2) {
		for (i = 0; i < NSTEPS; i++)
			if (str_eq(argv[1], steps[i].name) || (parse_u64(argv[1], &n) == 0 && n == i))
				return run_step(i);
		return usage_error("tour", argv[1], "no such step (0 to 10, or a name)");
	}
	for (i = 0; i < NSTEPS; i++) {
		if (i)
			out_char(o, '\n');
		status |= run_step(i);
	}
	return status;
}
