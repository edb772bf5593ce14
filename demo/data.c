/*
 * demo/data.c - the pages the vDSO reads, and when it makes the system
 * call after all.
 *
 * The kernel maps data pages just below the vDSO's code: [vvar], the time
 * data (include/vdso/datapage.h), and since Linux 6.13 [vvar_vclock], the
 * pages of the paravirtual clocks.  clock_gettime finds them at a fixed
 * distance from its own code; the lesson decodes its first data access
 * (arch/<arch>/decode.c) and names the page it lands in.
 *
 * The word there is the sequence count.  At each timekeeping update (each
 * tick of a busy CPU) the kernel makes it odd, rewrites the time data,
 * makes it even again (kernel/time/vsyscall.c, with vdso_write_begin and
 * _end of include/vdso/helpers.h).  A reader
 * (lib/vdso/gettimeofday.c) takes the count, waiting while it is odd,
 * reads, then compares the count: if it moved, a tick came in between and
 * what it read may mix two updates, so it reads again (vdso_read_begin,
 * vdso_read_retry).  No lock: the kernel never waits for a reader.  The
 * lesson watches the count, and reads as the vDSO does, counting retries.
 *
 * The vDSO can answer only if user space can read the clocksource's
 * counter: the clocksource's vDSO mode (tsc has one, kvm-clock where the
 * host marks its clock stable; hpet and acpi_pm none on current kernels).  Without one, the vDSO makes the
 * system call itself.  Proved, not guessed: in a child whose seccomp
 * filter fails clock_gettime with EXFULL, a call through the vDSO that
 * returns EXFULL entered the kernel (vdso/served.c).
 *
 * Terms.  A sequence count is a counter a writer keeps odd while it
 * writes, so that a reader can tell a torn read and read again.  A
 * seccomp filter is a small program the kernel runs at each system call
 * of a process, which may make the call fail with an errno it names.
 *
 * try: build/x86_64/vdso dump v.so; objdump -d --disassemble=__vdso_clock_gettime v.so
 * exercise: probe CLOCK_PROCESS_CPUTIME_ID instead of CLOCK_MONOTONIC: the
 *   data pages hold no process's CPU time, so the proof says "entered the
 *   kernel" whatever the clocksource, and strace sees the call.
 */
#include <lib/lib.h>
#include <linux/time.h>
#include <vdso/served.h>

#define WATCH_NS 50000000       /* how long the count is watched: 50 ms */

static char text[8192];
static uintptr_t ehdr;

/* A file's first bytes, NUL-ended, without the last newline; -errno. */
static long read_text(const char *path)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY, 0), n = 0, r = 0;

	while (!sys_failed(fd) && n < (long)sizeof text - 1 &&
	       (r = sys_read((int)fd, text + n, sizeof text - 1 - (size_t)n)) > 0)
		n += r;
	if (sys_failed(fd) || r < 0)
		return sys_failed(fd) ? fd : r;
	sys_close((int)fd);
	text[n > 0 && text[n - 1] == '\n' ? n - 1 : n] = 0;
	return n;
}

static uintptr_t hex(char **p)
{
	uintptr_t v = 0;

	for (; (**p >= '0' && **p <= '9') || (**p >= 'a' && **p <= 'f'); (*p)++)
		v = v * 16 + (uintptr_t)(**p <= '9' ? **p - '0' : **p - 'a' + 10);
	return v;
}

/* The maps lines of the data pages and the image; which one holds addr;
 * how many data pages' lines. */
static int show_pages(struct out *o, uintptr_t addr, const char **in, uintptr_t *from)
{
	char *p = text, *name;
	uintptr_t start, end;
	int data = 0;

	while (*p) {
		start = hex(&p), p++, end = hex(&p);
		for (name = p; *p && *p != '\n'; p++)
			if (*p == ' ')
				name = p + 1;
		if (*p)
			*p++ = 0;       /* the name ends the line */
		if (strncmp(name, "[vvar", 5) && !str_eq(name, "[vdso]"))
			continue;
		out_printf(o, "  %-13s %lx-%lx, AT_SYSINFO_EHDR %c0x%lx\n", name, (unsigned long)start,
			   (unsigned long)end, start < ehdr ? '-' : '+',
			   (unsigned long)(start < ehdr ? ehdr - start : start - ehdr));
		if (addr >= start && addr < end)
			*in = name, *from = start;
		data += name[2] == 'v';
	}
	return data;
}

/* clock_gettime's first data access, decoded in program order; 0 if none. */
static uintptr_t first_access(struct out *o, uintptr_t fn)
{
	struct arch_walk walk = { { 0 }, { 0 } };
	struct arch_step s;
	unsigned i, n;

	for (n = 0; n < 32; n++, fn += s.len) {
		arch_data_step(&walk, vdso_image.bytes, vdso_image.size, fn, &s);
		if (s.kind == ARCH_STEP_OTHER)
			continue;
		out_printf(o, "  +0x%lx:", (unsigned long)(ARCH_CODE_BYTES(fn) - ehdr));
		for (i = 0; i < s.len && s.kind != ARCH_STEP_UNKNOWN; i++)
			out_printf(o, " %02x", vdso_image.bytes[ARCH_CODE_BYTES(fn) - ehdr + i]);
		if (s.kind == ARCH_STEP_OWN_ADDRESS || s.kind == ARCH_STEP_ADD)
			out_printf(o, ": %s now holds AT_SYSINFO_EHDR +0x%lx\n", s.reg,
				   (unsigned long)(s.value - ehdr));
		else if (s.kind == ARCH_STEP_LOAD) {
			out_printf(o, ": the address %s (%s+0x%lx) %c 0x%lx\n", s.reg, s.pc_relative ?
				   "the next instruction, " : "", (unsigned long)(s.value - ehdr),
				   s.disp < 0 ? '-' : '+', (unsigned long)(s.disp < 0 ? -s.disp : s.disp));
			return s.value + (uintptr_t)s.disp;
		} else {
			out_str(o, s.kind == ARCH_STEP_SYSCALL ? ": the system call, before any data:"
				" this vDSO is a stub\n" : ": no data access this decoder can follow\n");
			return 0;
		}
	}
	return 0;
}

/* The count, watched for WATCH_NS, read as a reader of the vDSO reads it. */
static void watch_count(struct out *o, const volatile uint32_t *seq)
{
	struct __kernel_timespec t0, t;
	unsigned long i, reads = 0, odd = 0, retries = 0;
	uint32_t first = *seq, begin;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t0);
	t = t0;
	for (i = 1; ns_of(t.tv_sec, t.tv_nsec) - ns_of(t0.tv_sec, t0.tv_nsec) < WATCH_NS; i++) {
		if (i % 1024 == 0)
			vdso_clock_gettime(CLOCK_MONOTONIC, &t);
		begin = *seq;
		if (begin & 1) {        /* a writer at work: the vDSO would wait */
			odd++;
			continue;
		}
		(void)seq[1];           /* what a reader reads next (the clock's mode) */
		retries += *seq != begin;
		reads++;
	}
	out_printf(o, "the sequence count there: %u, %u after 50 ms: %u updates (+2 each)\n",
		   first, *seq, (*seq - first) / 2);
	out_printf(o, "reads as the vDSO makes them: %lu; saw it odd and waited: %lu;"
		   " saw it move and read again: %lu\n", reads, odd, retries);
}

int main(int argc, char **argv, char **envp)
{
	static const struct served_probe probe = { VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC, "MONOTONIC", 0 };
	struct out *o = &out_stdout;
	const char *in = 0, *where;
	uintptr_t at, from = 0;
	struct served s;
	long maps, r;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	if (vdso_status != 0 || !vdso_calls[VDSO_CLOCK_GETTIME].fn) {
		out_str(o, "no vDSO here (or no clock_gettime in it): no data pages; the system call serves\n");
		return out_flush(o) < 0;
	}
	ehdr = (uintptr_t)vdso_image.bytes;
	out_printf(o, "%s at AT_SYSINFO_EHDR +0x%lx, its first data access:\n", vdso_calls[VDSO_CLOCK_GETTIME].symbol,
		   (unsigned long)((uintptr_t)vdso_calls[VDSO_CLOCK_GETTIME].fn - ehdr));
	at = first_access(o, (uintptr_t)vdso_calls[VDSO_CLOCK_GETTIME].fn);
	out_str(o, "the pages beside the image (/proc/self/maps):\n");
	if ((maps = read_text("/proc/self/maps")) < 0)
		out_printf(o, "  none named: /proc/self/maps cannot be read (%s)\n", errno_name((int)maps));
	else if (show_pages(o, at, &in, &from) == 0)
		out_str(o, "  no [vvar] here: nothing beside the image for it to read\n");
	if (at) {
		out_printf(o, "it lands at AT_SYSINFO_EHDR %c0x%lx: ", at < ehdr ? '-' : '+',
			   (unsigned long)(at < ehdr ? ehdr - at : at - ehdr));
		if (in)
			out_printf(o, "%s page %lu, offset 0x%lx\n", in, (unsigned long)((at - from) >> 12),
				   (unsigned long)((at - from) & 0xfff));
		else
			out_str(o, maps < 0 ? "below the image, in its data pages\n" : "in no mapping named here\n");
	}
	if (at && at < ehdr && (!in || !strncmp(in, "[vvar]", 6)))
		watch_count(o, (const volatile uint32_t *)at);
	r = read_text("/sys/devices/system/clocksource/clocksource0/current_clocksource");
	out_printf(o, "clocksource: %s\n", r < 0 ? errno_name((int)r) : text);
	r = served_prove(&probe, 1, &s);
	where = r ? "is not known" : s.where[0] == SERVED_USER ? "stayed in user space"
	      : s.where[0] == SERVED_KERNEL ? "entered the kernel" : "is not known";
	out_printf(o, "clock_gettime(CLOCK_MONOTONIC) through the vDSO %s (witness: %s)\n", where,
		   s.witness ? s.witness : errno_name((int)s.seccomp_error));
	if (!r && s.where[0] == SERVED_USER)
		out_str(o, "so the clocksource has a vDSO mode: the counter and the data pages answered\n");
	else if (!r && s.where[0] == SERVED_KERNEL && at)
		out_str(o, "so the clocksource has no vDSO mode: the vDSO read the mode in the data page and made the system call\n");
	else if (!r && s.where[0] == SERVED_KERNEL)
		out_str(o, "so this vDSO's function is the system call and nothing more\n");
	return out_flush(o) < 0;
}
