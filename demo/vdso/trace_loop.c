/*
 * demo/vdso/trace_loop.c - the event loop: wait for a stop of any tracee,
 * see what it is, act, resume.  ptrace(2)'s "Stopped states" name them:
 *
 *   breakpoint   SIGTRAP at one of our breakpoints: a vDSO call's entry or
 *                its return (trace_call.c)
 *   syscall      SIGTRAP|0x80 (PTRACE_O_TRACESYSGOOD): the tracee enters or
 *                leaves the kernel; only between a call's entry and return,
 *                when it runs under PTRACE_SYSCALL
 *   event        exec (a new vDSO), clone (a thread), fork, vfork
 *   group-stop   SIGSTOP and its kin, under PTRACE_SEIZE: PTRACE_LISTEN
 *                keeps it stopped until SIGCONT, as without a tracer
 *   signal       any other: passed on, unchanged, at the resume
 */
#include "tracer.h"

static void join(struct trace_thread *t, struct trace_space *s)
{
	t->space = s;
	if (s)
		s->threads++;
}

/* On its way, under PTRACE_SYSCALL while in a call, else PTRACE_CONT. */
long trace_resume(struct trace_thread *t)
{
	long req = t->depth ? PTRACE_SYSCALL : PTRACE_CONT;
	long r = sys_ptrace(req, t->tid, 0, (unsigned long)t->signal);

	t->signal = 0;
	t->running = r == 0;
	return r;
}

static void on_breakpoint(struct trace_thread *t)
{
	struct arch_regs r;
	struct trace_break *b = 0;
	uint64_t pc;

	if (trace_regs(t->tid, &r) == 0 && t->space) {
		pc = arch_regs_pc(&r) - ARCH_TRACE_PC_REWIND;
		b = trace_break_at(t->space, pc);
	}
	if (!b) {               /* not ours: the tracee's own SIGTRAP */
		t->signal = SIGTRAP;
		trace_resume(t);
		return;
	}
	arch_regs_set_pc(&r, pc);
	trace_set_regs(t->tid, &r);
	if (!b->inserted) {
		/* A return's breakpoint that we took out after this thread
		 * hit it, before we saw its stop: it only passed by. */
		trace_resume(t);
		return;
	}
	if (b->func >= 0) {
		trace_entry(t, b, &r);
	} else {
		trace_return(t, b, &r);
		/* No call waits here any more: out of memory, no step
		 * needed.  Its place is kept for a thread that hit it but
		 * whose stop is still to be seen (above). */
		if (b->waiting == 0) {
			trace_break_out(t->space, t->tid, b);
			trace_resume(t);
			return;
		}
	}
	if (trace_step_over(t, b, &r) == -ESRCH)
		return;         /* it died meanwhile: its status is kept */
	trace_resume(t);
}

static void on_syscall(struct trace_thread *t)
{
	struct ptrace_syscall_info info;
	struct arch_regs r;

	/* PTRACE_GET_SYSCALL_INFO (5.3+) tells entry from exit. */
	if (sys_ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, sizeof info,
		       (unsigned long)&info) > 0) {
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY)
			trace_syscall(t, (long)info.entry.nr);
	} else if (trace_regs(t->tid, &r) == 0 && (long)arch_regs_result(&r) == -ENOSYS) {
		/* Older kernels: at the entry, the result register holds
		 * -ENOSYS (arch/x86/entry/common.c). */
		trace_syscall(t, arch_regs_syscall(&r));
	}
	trace_resume(t);
}

/* A new process image: its old breakpoints went with the old memory. */
static void on_exec(struct trace_thread *t)
{
	unsigned long former = 0;
	struct trace_thread *old;
	struct trace_space *s;
	struct arch_regs r;
	const char *why;

	/* The thread that called execve takes the leader's thread id;
	 * PTRACE_GETEVENTMSG gives its former one. */
	sys_ptrace(PTRACE_GETEVENTMSG, t->tid, 0, (unsigned long)&former);
	if ((int)former != t->tid && (old = trace_thread((int)former))) {
		t->followed = old->followed;
		trace_thread_drop(old);
	}
	if (t->space && --t->space->threads == 0)
		t->space->used = 0;
	t->space = 0;
	t->depth = 0;
	t->in_vfork = 0;
	if (!t->followed) {     /* a vfork child, not followed (-f) */
		sys_ptrace(PTRACE_DETACH, t->tid, 0, 0);
		t->tid = 0;
		return;
	}
	s = trace_space_new();
	join(t, s);
	if (s && trace_regs(t->tid, &r) == 0) {
		why = arch_trace_foreign(&r);
		s->tracee = &trace_tracees[why ? 0 : arch_regs_tracee(&r)];
		if (why || trace_image(s, t->tid, &r, &why)) {
			if (t->tid == trace.leader && !trace.exec_seen) {
				/* The command itself: nothing to trace. */
				report("trace", trace.command, "no vDSO to trace", why);
				sys_kill(t->tid, SIGKILL);
				trace.no_vdso = 1;
			} else {
				out_printf(trace.out, "[pid %d] exec: no vDSO to trace (%s)\n",
					   t->tid, why);
			}
		}
	}
	if (t->tid == trace.leader)
		trace.exec_seen = 1;
	trace_resume(t);
}

/* A new child, once both its first stop and its parent's event are seen
 * (they come in either order). */
static void child_ready(struct trace_thread *c)
{
	unsigned i;

	c->new_child = 0;
	if (c->child_event == PTRACE_EVENT_FORK && c->space) {
		/* A copy of the memory, breakpoints and all: its one thread is
		 * in no call, so the return breakpoints go; and all of them
		 * if the child is not followed. */
		for (i = c->space->nbreaks; i-- > 0;)
			if (!c->followed || c->space->breaks[i].func < 0)
				trace_break_remove(c->space, c->tid, &c->space->breaks[i]);
		if (!c->followed) {
			sys_ptrace(PTRACE_DETACH, c->tid, 0, 0);
			trace_thread_drop(c);
			return;
		}
	}
	trace_resume(c);
}

/* clone, fork or vfork: the child and the address space it runs in. */
static void on_child(struct trace_thread *t, int event)
{
	unsigned long tid = 0;
	struct trace_thread *c;
	struct trace_space *s = t->space;
	int seen;

	sys_ptrace(PTRACE_GETEVENTMSG, t->tid, 0, (unsigned long)&tid);
	c = trace_thread((int)tid);
	seen = c != 0;          /* its first stop came before this event */
	if (!c && (c = trace_thread_new((int)tid)))
		c->new_child = 1;
	if (c) {
		c->child_event = event;
		c->followed = t->followed && (event == PTRACE_EVENT_CLONE || trace.follow);
		if (event == PTRACE_EVENT_FORK && s) {
			struct trace_space *copy = trace_space_new();

			if (copy) {
				*copy = *s;
				copy->threads = 0;
			}
			s = copy;
		}
		join(c, s);
		if (event == PTRACE_EVENT_VFORK)
			t->in_vfork = 1;        /* until PTRACE_EVENT_VFORK_DONE */
		if (seen)
			child_ready(c);
	}
	trace_resume(t);
}

/* The tracee is gone: its status, if it is the one started or attached. */
static void on_exit(struct trace_thread *t, int status)
{
	if (t->tid == trace.leader) {
		trace.leader_status = status;
		if (!trace.count_only && !trace.no_vdso && (trace.exec_seen || trace.attached)) {
			if (WIFEXITED(status))
				out_printf(trace.out, "+++ exited with %d +++\n", WEXITSTATUS(status));
			else
				out_printf(trace.out, "+++ killed by signal %d +++\n", WTERMSIG(status));
		}
	}
	trace_thread_drop(t);
}

static int stopping_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_status(struct trace_thread *t, int status)
{
	int sig = WSTOPSIG(status), event = status >> 16;

	t->running = 0;
	if (!WIFSTOPPED(status)) {
		on_exit(t, status);
		return;
	}
	if (t->new_child) {
		/* A child's first stop: wait for its parent's event if it has
		 * not come yet (child_event 0). */
		if (t->child_event)
			child_ready(t);
		return;
	}
	if (sig == (SIGTRAP | 0x80)) {
		on_syscall(t);
		return;
	}
	switch (event) {
	case PTRACE_EVENT_EXEC:
		on_exec(t);
		return;
	case PTRACE_EVENT_CLONE: case PTRACE_EVENT_FORK: case PTRACE_EVENT_VFORK:
		on_child(t, event);
		return;
	case PTRACE_EVENT_VFORK_DONE:
		t->in_vfork = 0;
		trace_resume(t);
		return;
	case PTRACE_EVENT_STOP:
		if (stopping_signal(sig)) {     /* a group-stop: stay stopped */
			t->running = sys_ptrace(PTRACE_LISTEN, t->tid, 0, 0) == 0;
			return;
		}
		trace_resume(t);        /* our PTRACE_INTERRUPT */
		return;
	case 0:
		break;
	default:
		trace_resume(t);
		return;
	}
	if (sig == SIGTRAP) {
		on_breakpoint(t);
		return;
	}
	t->signal = sig;        /* a signal: delivered as it came */
	trace_resume(t);
}

/* The stops kept while threads were stopped for a step, oldest first. */
static struct trace_thread *kept_status(void)
{
	unsigned i;

	for (i = 0; i < TRACE_THREADS; i++)
		if (trace.threads[i].tid && trace.threads[i].has_status &&
		    !trace.threads[i].new_child)
			return &trace.threads[i];
	return 0;
}

static int any_thread(void)
{
	unsigned i;

	for (i = 0; i < TRACE_THREADS; i++)
		if (trace.threads[i].tid)
			return 1;
	return 0;
}

int trace_loop(void)
{
	struct trace_thread *t;
	int status;
	long tid;

	while (any_thread() && !trace.stop) {
		if ((t = kept_status())) {
			t->has_status = 0;
			on_status(t, t->status);
			continue;
		}
		tid = sys_wait4_once(-1, &status, __WALL);
		if (tid == -EINTR)
			continue;
		if (tid < 0)
			break;
		t = trace_thread((int)tid);
		if (!t) {               /* a child whose parent's event is still to come */
			if (!WIFSTOPPED(status) || !(t = trace_thread_new((int)tid)))
				continue;
			t->new_child = 1;
			t->running = 0;
			continue;
		}
		on_status(t, status);
	}
	return 0;
}

/*
 * Detaching: every thread stopped, every byte we changed put back, then
 * PTRACE_DETACH with the signal it was about to get.  A thread stopped at
 * one of our breakpoints is moved back to it first, so that it runs the
 * original instruction when it goes on.
 */
void trace_detach_all(void)
{
	unsigned i;

	for (i = 0; i < TRACE_SPACES; i++)
		if (trace.spaces[i].used)
			trace_stop_others(&trace.spaces[i], 0);
	for (i = 0; i < TRACE_THREADS; i++) {
		struct trace_thread *t = &trace.threads[i];
		struct arch_regs r;
		int status = t->status;

		if (!t->tid || !t->has_status)
			continue;
		t->has_status = 0;
		if (!WIFSTOPPED(status)) {
			on_exit(t, status);
			continue;
		}
		if (WSTOPSIG(status) == SIGTRAP && (status >> 16) == 0 && t->space &&
		    trace_regs(t->tid, &r) == 0 &&
		    trace_break_at(t->space, arch_regs_pc(&r) - ARCH_TRACE_PC_REWIND)) {
			arch_regs_set_pc(&r, arch_regs_pc(&r) - ARCH_TRACE_PC_REWIND);
			trace_set_regs(t->tid, &r);
		} else if ((status >> 16) == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			t->signal = WSTOPSIG(status);
		}
	}
	for (i = 0; i < TRACE_THREADS; i++) {
		struct trace_thread *t = &trace.threads[i];

		if (t->tid && t->space && t->space->nbreaks)
			trace_break_remove_all(t->space, t->tid);
	}
	for (i = 0; i < TRACE_THREADS; i++) {
		struct trace_thread *t = &trace.threads[i];

		if (!t->tid)
			continue;
		sys_ptrace(PTRACE_DETACH, t->tid, 0, (unsigned long)t->signal);
		trace_thread_drop(t);
	}
}
