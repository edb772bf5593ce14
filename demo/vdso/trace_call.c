/*
 * demo/vdso/trace_call.c - one vDSO call: its arguments at the entry, its
 * result and what it wrote at the return, one line like strace's:
 *
 *   clock_gettime(CLOCK_MONOTONIC, {tv_sec=12345, tv_nsec=678901234}) = 0 <vdso>
 *
 * and, if the tracee entered the kernel between the two (the system call
 * stops of PTRACE_SYSCALL), <vdso -> clock_gettime syscall>.
 */
#include "tracer.h"

/* The clock ids of the kernel's include/uapi/linux/time.h; 16-23 are the
 * auxiliary clocks (CLOCK_AUX, 6.17); a negative id is a CPU-time clock
 * of a process or thread (kernel/time/posix-cpu-timers.c). */
const char *trace_clock_name(long id, char buf[24])
{
	static const char *const names[] = {
		"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
		"CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW",
		"CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
		"CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM",
		0, "CLOCK_TAI",
	};

	if (id >= 0 && id < 12 && names[id])
		return names[id];
	if (id >= 16 && id <= 23) {
		memcpy(buf, "CLOCK_AUX+", 10);
		buf[10] = (char)('0' + id - 16);
		buf[11] = 0;
		return buf;
	}
	buf[fmt_dec(buf, id)] = 0;
	return buf;
}

static const struct trace_func *func_of(const struct trace_thread *t, const struct trace_call *c)
{
	return &t->space->funcs[c->func];
}

/* A value of the tracee's word size, sign-extended. */
static int64_t as_signed(const struct trace_tracee *tt, uint64_t v)
{
	return tt->word == 4 ? (int64_t)(int32_t)v : (int64_t)v;
}

static const char *syscall_name(const struct trace_tracee *tt, long nr)
{
	unsigned i;

	for (i = 0; i < sizeof tt->syscalls / sizeof tt->syscalls[0]; i++)
		if (tt->syscalls[i].name && tt->syscalls[i].nr == nr)
			return tt->syscalls[i].name;
	return 0;
}

static void pointer(struct out *o, uint64_t p)
{
	if (p)
		out_printf(o, "0x%llx", (unsigned long long)p);
	else
		out_str(o, "NULL");
}

/* Two fields written at p, each 'size' bytes (4 or 8), signed. */
static void pair(struct out *o, int tid, uint64_t p, unsigned size,
		 const char *a, const char *b)
{
	int64_t v[2] = { 0, 0 };
	int32_t w[2] = { 0, 0 };
	long r;

	if (!p) {
		out_str(o, "NULL");
		return;
	}
	r = size == 8 ? trace_read(tid, p, v, 16) : trace_read(tid, p, w, 8);
	if (r < 0) {
		pointer(o, p);
		return;
	}
	if (size == 4) {
		v[0] = w[0];
		v[1] = w[1];
	}
	out_printf(o, "{%s=%lld, %s=%lld}", a, (long long)v[0], b, (long long)v[1]);
}

/* An unsigned (getcpu's cpu and node) or a long (time's) written at p. */
static void cell(struct out *o, int tid, uint64_t p, unsigned size)
{
	uint64_t v = 0;

	if (!p)
		out_str(o, "NULL");
	else if (trace_read(tid, p, &v, size) < 0)
		pointer(o, p);
	else
		out_printf(o, "[%lld]", size == 4 ? (long long)(int32_t)v : (long long)v);
}

static void print_call(struct trace_thread *t, struct trace_call *c, uint64_t result)
{
	const struct trace_tracee *tt = t->space->tracee;
	const struct trace_func *f = func_of(t, c);
	struct out *o = trace.out;
	unsigned w = tt->word;
	int64_t ret = as_signed(tt, result);
	char buf[24];
	const char *sys;

	if (trace.many)
		out_printf(o, "[pid %d] ", t->tid);
	out_printf(o, "%s(", f->name);
	switch (f->kind) {
	case FN_CLOCK_GETTIME: case FN_CLOCK_GETTIME64:
	case FN_CLOCK_GETRES: case FN_CLOCK_GETRES64:
		out_printf(o, "%s, ", trace_clock_name((int32_t)c->args[0], buf));
		if (ret == 0)
			pair(o, t->tid, c->args[1],
			     f->kind == FN_CLOCK_GETTIME64 || f->kind == FN_CLOCK_GETRES64 ? 8 : w,
			     "tv_sec", "tv_nsec");
		else
			pointer(o, c->args[1]);
		break;
	case FN_GETTIMEOFDAY:
		if (ret == 0)
			pair(o, t->tid, c->args[0], w, "tv_sec", "tv_usec");
		else
			pointer(o, c->args[0]);
		out_str(o, ", ");
		pointer(o, c->args[1]);
		break;
	case FN_TIME:
		cell(o, t->tid, c->args[0], w);
		break;
	case FN_GETCPU:
		cell(o, t->tid, c->args[0], 4);
		out_str(o, ", ");
		cell(o, t->tid, c->args[1], 4);
		out_str(o, ", ");
		pointer(o, c->args[2]);
		break;
	case FN_GETRANDOM:
		pointer(o, c->args[0]);
		out_printf(o, ", %llu, 0x%llx, ", (unsigned long long)c->args[1],
			   (unsigned long long)c->args[2]);
		pointer(o, c->args[3]);
		out_printf(o, ", %llu", (unsigned long long)c->args[4]);
		break;
	case FN_GATE:
		sys = syscall_name(tt, (long)c->args[0]);
		if (sys)
			out_str(o, sys);
		else
			out_printf(o, "syscall %lld", (long long)c->args[0]);
		break;
	default:
		out_str(o, "...");
	}
	if (ret < 0 && ret >= -4095)
		out_printf(o, ") = %lld %s", (long long)ret, errno_name((int)-ret));
	else
		out_printf(o, ") = %lld", (long long)ret);
	if (!c->syscalls) {
		out_str(o, " <vdso>\n");
	} else {
		sys = syscall_name(tt, c->first_syscall);
		if (sys)
			out_printf(o, " <vdso -> %s syscall", sys);
		else
			out_printf(o, " <vdso -> syscall %ld", c->first_syscall);
		if (c->syscalls > 1)
			out_printf(o, " and %u more", c->syscalls - 1);
		out_str(o, ">\n");
	}
	if (o->fd == 2)
		out_flush(o);
}

void trace_entry(struct trace_thread *t, struct trace_break *b, struct arch_regs *r)
{
	const struct trace_tracee *tt = t->space->tracee;
	struct trace_call *c;
	uint64_t sp = arch_regs_sp(r), ret;
	struct trace_break *rb;
	unsigned i;

	if (t->depth == TRACE_DEPTH)
		return;         /* too deep: not followed */
	/* The return address: in a register (ARM's link register), or where
	 * the call instruction pushed it, at the top of the stack (x86). */
	if (!arch_regs_return_address(r, &ret) && trace_read_word(t->tid, tt, sp, &ret) < 0)
		return;         /* no return address: not followed */
	c = &t->calls[t->depth];
	c->func = b->func;
	c->sp = sp;
	c->ret = ret;
	c->syscalls = 0;
	c->first_syscall = -1;
	for (i = 0; i < 6; i++) {
		c->args[i] = 0;
		if (i < tt->args_in_regs)
			c->args[i] = arch_regs_arg(r, i);
		else if (trace_read_word(t->tid, tt, sp + tt->word * (i - tt->args_in_regs +
								     tt->stack_args_at), &c->args[i]) < 0)
			break;
	}
	/* The gate takes the system call's number in the result register. */
	if (t->space->funcs[b->func].kind == FN_GATE)
		c->args[0] = arch_regs_result(r);
	/* The return: a breakpoint at the return address, shared by every
	 * call that will come back there. */
	if (trace_break_set(t->space, t->tid, ret, -1) < 0)
		return;         /* not a place we can stop at: not followed */
	rb = trace_break_at(t->space, ret);
	rb->waiting++;
	t->depth++;
	c->start_ns = trace_now_ns();
}

void trace_return(struct trace_thread *t, struct trace_break *b, struct arch_regs *r)
{
	uint64_t sp = arch_regs_sp(r), now = trace_now_ns();
	struct trace_call *c;
	unsigned i = t->depth;

	/* The innermost call that returns here with its frame gone (the
	 * stack pointer back where it was at the entry, or above it where the
	 * call pushed the return address); calls above it were left by a
	 * longjmp and are forgotten. */
	while (i > 0 && !(t->calls[i - 1].ret == b->addr && t->calls[i - 1].sp <= sp))
		i--;
	if (i == 0)
		return;         /* a thread that was not in a call passes by */
	c = &t->calls[i - 1];
	t->depth = i - 1;
	b->waiting--;
	if (!t->followed)
		return;
	if (!trace.count_only)
		print_call(t, c, arch_regs_result(r));
	trace_stat_add(func_of(t, c)->name, c->syscalls == 0, now - c->start_ns);
}

/* Every call still open made it: on i386 a vDSO function falls back
 * through the gate (the kernel's arch/x86/include/asm/vdso/gettimeofday.h
 * calls __kernel_vsyscall), so clock_gettime64 entered the kernel when the
 * gate it called did. */
void trace_syscall(struct trace_thread *t, long nr)
{
	unsigned i;

	for (i = 0; i < t->depth; i++)
		if (t->calls[i].syscalls++ == 0)
			t->calls[i].first_syscall = nr;
}
