/*
 * demo/vdso/trace_break.c - breakpoints in the tracee's memory.
 *
 * A breakpoint is the arch's trap instruction (arch/<arch>/trace.h,
 * ARCH_TRACE_BREAK_SIZE bytes: one on x86, a whole instruction on ARM)
 * written over the start of an instruction, the bytes it replaced kept here.
 * The memory is the address space's, shared by all its threads: while one
 * thread runs the original instruction, another must not pass the same
 * address unseen.
 *
 * Stepping over: the breakpoint is taken out, the thread that hit it runs
 * that one instruction (PTRACE_SINGLESTEP), and the breakpoint goes back;
 * meanwhile every other thread of the address space is stopped
 * (PTRACE_INTERRUPT), so none can pass the address while it is open.  We
 * chose this over emulating the instruction: the first instructions of the
 * vDSO's functions differ between kernels and compilers (push %rbp, a cmp
 * that sets flags, endbr64, QEMU's own stubs), and a return address is
 * anywhere in the caller's code; emulating them all would be a decoder per
 * arch, where stepping is three ptrace requests.  Its price: the other
 * threads of a process stop for each step, and are resumed after.
 *
 * Where ptrace has no single step (32-bit arm: ARCH_TRACE_NO_SINGLESTEP),
 * the thread runs on (PTRACE_CONT) to a second breakpoint at the next
 * instruction, which the arch finds (arch_trace_next_pc); an instruction
 * it cannot follow takes its breakpoint out for good: that place is not
 * traced any more.
 */
#include "tracer.h"

static const unsigned char breakpoint[ARCH_TRACE_BREAK_SIZE] = ARCH_TRACE_BREAKPOINT;

/* The breakpoint written at addr; the bytes it covers kept in saved (or 0). */
static long write_break(int tid, uint64_t addr, unsigned char *saved)
{
	long r;

	if (saved && (r = trace_read(tid, addr, saved, ARCH_TRACE_BREAK_SIZE)) < 0)
		return r;
	return trace_write(tid, addr, breakpoint, ARCH_TRACE_BREAK_SIZE);
}

/* The instruction's own bytes back at b's place. */
static long write_saved(int tid, const struct trace_break *b)
{
	return trace_write(tid, b->addr, b->saved, ARCH_TRACE_BREAK_SIZE);
}

struct trace_break *trace_break_at(struct trace_space *s, uint64_t addr)
{
	unsigned i;

	for (i = 0; i < s->nbreaks; i++)
		if (s->breaks[i].addr == addr)
			return &s->breaks[i];
	return 0;
}

long trace_break_set(struct trace_space *s, int tid, uint64_t addr, int func)
{
	struct trace_break *b;
	long r;

	if ((b = trace_break_at(s, addr))) {    /* a return's, taken out */
		if (b->inserted || b->func != func)
			return b->inserted && b->func == func ? 0 : -EEXIST;
		if ((r = write_break(tid, addr, 0)) < 0)
			return r;
		b->inserted = 1;
		return 0;
	}
	if (s->nbreaks == TRACE_BREAKS)
		return -ENOSPC;
	b = &s->breaks[s->nbreaks];
	memset(b->code, 0, sizeof b->code);
	if (func >= 0 && trace_read(tid, addr, b->code, sizeof b->code) < 0)
		b->code[0] = 0;
	if ((r = write_break(tid, addr, b->saved)) < 0)
		return r;
	memcpy(b->code, b->saved, ARCH_TRACE_BREAK_SIZE);
	b->addr = addr;
	b->func = func;
	b->waiting = 0;
	b->inserted = 1;
	s->nbreaks++;
	return 0;
}

long trace_break_out(struct trace_space *s, int tid, struct trace_break *b)
{
	(void)s;
	if (!b->inserted)
		return 0;
	b->inserted = 0;
	return write_saved(tid, b);
}

long trace_break_remove(struct trace_space *s, int tid, struct trace_break *b)
{
	long r = b->inserted ? write_saved(tid, b) : 0;

	*b = s->breaks[--s->nbreaks];   /* the last one takes its place */
	return r;
}

long trace_break_remove_all(struct trace_space *s, int tid)
{
	long r, first = 0;

	while (s->nbreaks)
		if ((r = trace_break_remove(s, tid, &s->breaks[s->nbreaks - 1])) < 0 && !first)
			first = r;
	return first;
}

void trace_stop_others(struct trace_space *s, struct trace_thread *except)
{
	unsigned i;
	int status;

	for (i = 0; i < TRACE_THREADS; i++) {
		struct trace_thread *u = &trace.threads[i];

		if (!u->tid || u == except || u->space != s || !u->running || u->in_vfork)
			continue;
		/* ESRCH: it is exiting, and runs no more of its code. */
		if (sys_ptrace(PTRACE_INTERRUPT, u->tid, 0, 0) < 0)
			continue;
		if (sys_wait4(u->tid, &status, __WALL) == u->tid) {
			u->running = 0;
			u->has_status = 1;
			u->status = status;
		}
	}
}

/* Has the thread left addr (its instruction run)? */
static int moved(int tid, uint64_t addr)
{
	struct arch_regs r;

	return trace_regs(tid, &r) < 0 || arch_regs_pc(&r) != addr;
}

/* The arch runs the instruction for the tracee, if it knows it. */
static int emulated(struct trace_thread *t, struct trace_break *b, struct arch_regs *r)
{
	struct arch_regs moved = *r;
	uint64_t at, value;
	unsigned size;

	if (b->func < 0 || !arch_trace_emulate(b->code, t->space->tracee->word, &moved,
					       &at, &value, &size))
		return 0;
	if (size && trace_write(t->tid, at, &value, size) < 0)
		return 0;       /* as the instruction would fault: step it */
	if (trace_set_regs(t->tid, &moved) < 0)
		return 0;
	*r = moved;
	return 1;
}

long trace_step_over(struct trace_thread *t, struct trace_break *b, struct arch_regs *regs)
{
	struct trace_space *s = t->space;
	uint64_t addr = b->addr;
	int status;
	long r;
#ifdef ARCH_TRACE_NO_SINGLESTEP
	unsigned char next_saved[ARCH_TRACE_BREAK_SIZE];
	uint64_t next;
#endif

	if (emulated(t, b, regs))
		return 0;

	if (s->threads > 1)
		trace_stop_others(s, t);
#ifdef ARCH_TRACE_NO_SINGLESTEP
	/* Where the one instruction ends: a second breakpoint there. */
	if (!arch_trace_next_pc(b->saved, regs, &next) || next == addr ||
	    trace_break_at(s, next) || write_break(t->tid, next, next_saved) < 0) {
		trace_break_remove(s, t->tid, b);       /* not followed here again */
		return -EOPNOTSUPP;
	}
#endif
	if ((r = write_saved(t->tid, b)) < 0)
		return r;
	for (;;) {
#ifdef ARCH_TRACE_NO_SINGLESTEP
		r = sys_ptrace(PTRACE_CONT, t->tid, 0, 0);
#else
		r = sys_ptrace(PTRACE_SINGLESTEP, t->tid, 0, 0);
#endif
		if (r < 0)
			return r;
		if ((r = sys_wait4(t->tid, &status, __WALL)) < 0)
			return r;
		if (!WIFSTOPPED(status)) {      /* killed meanwhile (SIGKILL) */
			/* (its memory is gone: nothing to put back) */
			t->has_status = 1;
			t->status = status;
			return -ESRCH;
		}
		/* The step's own trap; not an event stop, such as a
		 * PTRACE_INTERRUPT left pending from another thread's step,
		 * which comes before the instruction has run. */
		if (status >> 16 == 0 && WSTOPSIG(status) == SIGTRAP && moved(t->tid, addr))
			break;
		/* A signal came first: it is delivered at the next resume,
		 * one instruction later. */
		if (status >> 16 == 0 && WSTOPSIG(status) != SIGTRAP)
			t->signal = WSTOPSIG(status);
	}
#ifdef ARCH_TRACE_NO_SINGLESTEP
	trace_write(t->tid, next, next_saved, ARCH_TRACE_BREAK_SIZE);
#endif
	/* Back in, if it is still ours (b may have moved in the table). */
	b = trace_break_at(s, addr);
	if (b && b->inserted)
		return write_break(t->tid, addr, 0);
	return 0;
}
