/*
 * demo/data.c - the pages the vDSO reads, and when it makes the system
 * call after all.
 *
 * The kernel maps data pages just below the vDSO's code: [vvar], the time
 * data (include/vdso/datapage.h), and since Linux 6.13 [vvar_vclock], the
 * paravirtual clocks' pages.  clock_gettime finds them at a fixed distance
 * from its own code: its first data access, decoded (vdso/data.c).  The
 * word there is the sequence count: the kernel makes it odd, rewrites the
 * data, makes it even (kernel/time/vsyscall.c); a reader
 * (lib/vdso/gettimeofday.c) waits while it is odd, and reads again if it
 * moved meanwhile.  No lock: the kernel never waits for a reader.
 *
 * The vDSO answers alone only if user space can read the clocksource's
 * counter (a vDSO mode: tsc has one, kvm-clock where the host marks its
 * clock stable, hpet and acpi_pm none on current kernels); else it makes
 * the system call.  Proved: in a child whose seccomp filter fails
 * clock_gettime with EXFULL, an EXFULL from the vDSO's function means it
 * entered the kernel (vdso/served.c).
 *
 * Terms.  A sequence count is a counter a writer keeps odd while it
 * writes, so that a reader can tell a torn read.  A seccomp filter is a
 * program the kernel runs at each system call, which may fail the call.
 *
 * try: build/x86_64/vdso dump v.so; objdump -d --disassemble=__vdso_clock_gettime v.so
 * exercise: probe CLOCK_PROCESS_CPUTIME_ID instead of CLOCK_MONOTONIC: the
 *   data pages hold no process's CPU time, so the proof says "entered the
 *   kernel" whatever the clocksource, and strace sees the call.
 */
#include <lib/lib.h>
#include <linux/time.h>
#include <start/start.h>
#include <vdso/served.h>

static struct out *o = &out_stdout;
static uintptr_t ehdr, at;             /* the image; where the access lands */
static struct maps_entry page;         /* the mapping that holds it */

static void from_image(uintptr_t a)     /* "AT_SYSINFO_EHDR -0x6000" */
{
	out_printf(o, "AT_SYSINFO_EHDR %c0x%lx", a < ehdr ? '-' : '+', (unsigned long)(a < ehdr ? ehdr - a : a - ehdr));
}

static int show_page(const struct maps_entry *m, void *data)
{
	if (!strncmp(m->name, "[vvar", 5) || str_eq(m->name, "[vdso]")) {
		out_printf(o, "  %-13s %llx-%llx, ", m->name, (unsigned long long)m->start, (unsigned long long)m->end);
		from_image((uintptr_t)m->start), out_char(o, '\n');
		*(int *)data += m->name[2] == 'v';
		page = at >= m->start && at < m->end ? *m : page;
	}
	return 0;
}

/* The count, watched for 50 ms, read as a reader of the vDSO reads it. */
static void watch_count(const volatile uint32_t *seq)
{
	struct __kernel_timespec t0, t;
	unsigned long i, reads = 0, odd = 0, retries = 0;
	uint32_t first = *seq, begin;

	vdso_clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 1, t = t0; ns_of(t.tv_sec, t.tv_nsec) - ns_of(t0.tv_sec, t0.tv_nsec) < 50000000; i++) {
		if (i % 1024 == 0)
			vdso_clock_gettime(CLOCK_MONOTONIC, &t);
		if ((begin = *seq) & 1) {      /* a writer at work: the vDSO would wait */
			odd++;
			continue;
		}
		(void)seq[1];                   /* what a reader reads next (the clock's mode) */
		retries += *seq != begin;
		reads++;
	}
	out_printf(o, "the sequence count there: %u, %u after 50 ms: %u updates (+2 each)\n"
		   "reads as the vDSO makes them: %lu; saw it odd and waited: %lu; saw it move and read again: %lu\n",
		   first, *seq, (*seq - first) / 2, reads, odd, retries);
}

int main(int argc, char **argv, char **envp)
{
	static const struct served_probe probe = { VDSO_CLOCK_GETTIME, CLOCK_MONOTONIC, "MONOTONIC", 0 };
	static const char *const verdict[] = { "is not known", "stayed in user space", "entered the kernel",
					       "entered the kernel" }, *const so[] = { "",
		"so the clocksource has a vDSO mode: the counter and the data pages answered\n",
		"so the clocksource has no vDSO mode: the vDSO read the mode in the data page and made the system call\n",
		"so this vDSO's function is the system call and nothing more\n" };
	struct served sv;
	char cs[64];
	unsigned i;
	long maps;
	int data = 0, r;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	if (vdso_status != 0 || !vdso_calls[VDSO_CLOCK_GETTIME].fn)
		return out_str(o, "no vDSO here (or no clock_gettime in it): no data pages; the system call serves\n"), out_flush(o) < 0;
	ehdr = (uintptr_t)vdso_image.bytes;
	out_printf(o, "%s at AT_SYSINFO_EHDR +0x%lx, its first data access:\n", vdso_calls[VDSO_CLOCK_GETTIME].symbol,
		   (unsigned long)((uintptr_t)vdso_calls[VDSO_CLOCK_GETTIME].fn - ehdr));
	at = vdso_show_first_data(o, (uintptr_t)vdso_calls[VDSO_CLOCK_GETTIME].fn);
	out_str(o, "the pages beside the image (/proc/self/maps):\n");
	if ((maps = maps_read(show_page, &data)) < 0)
		out_printf(o, "  none named: /proc/self/maps cannot be read (%s)\n", errno_name((int)-maps));
	else if (!data)
		out_str(o, "  no [vvar] here: nothing beside the image for it to read\n");
	if (at) {
		unsigned long pagesz = 4096, in = (unsigned long)(at - page.start); /* a word: no 64-bit division on i386 */

		auxv_get(AT_PAGESZ, &pagesz);   /* 64 KiB on some arm64 and ppc64le kernels */
		out_str(o, "it lands at "), from_image(at);
		out_printf(o, page.end ? ": %s page %lu, offset 0x%lx\n" : ": in no mapping named here\n", page.name,
			   in / pagesz, in % pagesz);
	}
	if (at && at < ehdr && (!page.end || !strncmp(page.name, "[vvar]", 6)))
		watch_count((const volatile uint32_t *)at);
	r = (int)sys_read_text("/sys/devices/system/clocksource/clocksource0/current_clocksource", cs, sizeof cs);
	out_printf(o, "clocksource: %s\n", r < 0 ? errno_name(-r) : cs);
	r = (int)served_prove(&probe, 1, &sv);
	i = r ? 0 : sv.where[0] == SERVED_USER ? 1 : sv.where[0] != SERVED_KERNEL ? 0 : at ? 2 : 3;
	out_printf(o, "clock_gettime(CLOCK_MONOTONIC) through the vDSO %s (witness: %s)\n%s", verdict[i],
		   sv.witness ? sv.witness : errno_name((int)-sv.seccomp_error), so[i]);
	return out_flush(o) < 0;
}
