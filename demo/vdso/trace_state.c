/*
 * demo/vdso/trace_state.c - the tracer's state (tracer.h): its options, its
 * threads and address spaces, the kinds of tracee the arch can trace.  The
 * bottom layer of the trace_*.c files: it calls none of them.
 */
#include "tracer.h"

struct trace_state trace;
const struct trace_tracee trace_tracees[] = ARCH_TRACEES;

struct trace_thread *trace_thread(int tid)
{
	unsigned i;

	for (i = 0; i < TRACE_THREADS; i++)
		if (trace.threads[i].tid == tid)
			return &trace.threads[i];
	return 0;
}

struct trace_thread *trace_thread_new(int tid)
{
	struct trace_thread *t = trace_thread(0);

	if (!t)
		return 0;
	memset(t, 0, sizeof *t);
	t->tid = tid;
	if (tid != trace.leader)
		trace.many = 1;
	return t;
}

struct trace_space *trace_space_new(void)
{
	unsigned i;

	for (i = 0; i < TRACE_SPACES; i++)
		if (!trace.spaces[i].used) {
			memset(&trace.spaces[i], 0, sizeof trace.spaces[i]);
			trace.spaces[i].used = 1;
			return &trace.spaces[i];
		}
	return 0;
}

void trace_thread_drop(struct trace_thread *t)
{
	if (t->space && --t->space->threads == 0)
		t->space->used = 0;
	t->tid = 0;
}

