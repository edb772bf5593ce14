/*
 * demo/vdso/trace_stats.c - `vdso trace -c`: the calls of each function,
 * how many stayed in user space, and the time between entry and return as
 * the tracer saw it (its own stops included: strace -c's way too).
 */
#include "tracer.h"

void trace_stat_add(const char *name, int in_user, uint64_t ns)
{
	struct trace_stat *st;
	unsigned i;

	for (i = 0; i < trace.nstats && !str_eq(trace.stats[i].name, name); i++)
		;
	if (i == trace.nstats) {
		if (i == TRACE_FUNCS)
			return;
		memcpy(trace.stats[i].name, name, strlen(name) + 1);
		trace.nstats++;
	}
	st = &trace.stats[i];
	st->calls++;
	st->in_user += in_user != 0;
	st->ns += ns;
}

void trace_stats_print(struct out *o)
{
	uint64_t calls = 0, in_user = 0, ns = 0;
	unsigned i;

	out_str(o, "     calls  in vdso   syscall   total us    mean ns  function\n");
	out_str(o, "---------- -------- --------- ---------- ---------- ----------------\n");
	for (i = 0; i < trace.nstats; i++) {
		const struct trace_stat *st = &trace.stats[i];

		out_printf(o, "%10llu %8llu %9llu %10llu %10llu  %s\n",
			   (unsigned long long)st->calls, (unsigned long long)st->in_user,
			   (unsigned long long)(st->calls - st->in_user),
			   (unsigned long long)u64_div_u32(st->ns, 1000, 0),
			   (unsigned long long)u64_div_u32(st->ns, (uint32_t)st->calls, 0),
			   st->name);
		calls += st->calls;
		in_user += st->in_user;
		ns += st->ns;
	}
	out_str(o, "---------- -------- --------- ---------- ---------- ----------------\n");
	out_printf(o, "%10llu %8llu %9llu %10llu %10llu  total\n",
		   (unsigned long long)calls, (unsigned long long)in_user,
		   (unsigned long long)(calls - in_user),
		   (unsigned long long)u64_div_u32(ns, 1000, 0),
		   (unsigned long long)(calls ? u64_div_u32(ns, (uint32_t)calls, 0) : 0));
}
