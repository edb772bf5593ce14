/*
 * demo/vdso/tracer.h - `vdso trace`: strace for the calls that never enter
 * the kernel.  What the files of the tracer share:
 *
 *   trace.c         the command: options, start or attach, the end
 *   trace_state.c   the state: options, threads, address spaces
 *   trace_loop.c    the event loop: one ptrace stop at a time
 *   trace_mem.c     the tracee's memory and registers, through ptrace
 *   trace_image.c   the tracee's vDSO: found, read, its functions listed
 *   trace_break.c   breakpoints: set, removed, stepped over
 *   trace_call.c    a call's entry and return, decoded, one line each
 *   trace_stats.c   the -c table
 *
 * What differs between arches (the breakpoint, the registers, where the
 * arguments are) is in arch/<arch>/trace.h and arch/<arch>/tracee.h.
 */
#ifndef TRACER_H
#define TRACER_H

#include <linux/ptrace.h>
#include <linux/time.h>
#include <linux/wait.h>
#include <asm/signal.h>
#include <trace.h>
#include "commands.h"

/* wait4's status, as the kernel packs it (kernel/exit.c): no libc here. */
#define WIFEXITED(s)   (((s) & 0x7f) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)    (((s) >> 8) & 0xff)

/* A kind of tracee (arch/<arch>/tracee.h): how its functions are called. */
struct trace_syscall_name {
	long nr;
	const char *name;
};
struct trace_tracee {
	const char *name;
	int elf_class;
	unsigned machine;
	unsigned word;          /* bytes in a pointer or a long: 4 or 8 */
	unsigned args_in_regs;  /* the first arguments, in registers (arch_regs_arg) */
	unsigned stack_args_at; /* the others on the stack from sp + this many words
				 * (1: above the return address, i386) */
	struct trace_syscall_name syscalls[12];
};
extern const struct trace_tracee trace_tracees[];

/* What a function is, for decoding its arguments (trace_call.c). */
enum trace_kind {
	FN_OTHER, FN_CLOCK_GETTIME, FN_CLOCK_GETTIME64, FN_CLOCK_GETRES,
	FN_CLOCK_GETRES64, FN_GETTIMEOFDAY, FN_TIME, FN_GETCPU, FN_GETRANDOM,
	FN_GATE
};

#define TRACE_NAME 40
#define TRACE_FUNCS 32          /* functions of one vDSO (x86_64 has 12 names) */
#define TRACE_BREAKS 128        /* breakpoints of one address space */
#define TRACE_SPACES 64         /* address spaces (processes) at once */
#define TRACE_THREADS 512       /* threads at once */
#define TRACE_DEPTH 4           /* calls open in one thread (signal handlers) */

struct trace_func {
	uint64_t addr;          /* in the tracee */
	char name[TRACE_NAME];  /* without __vdso_ */
	enum trace_kind kind;
};

/* A breakpoint: at a function's entry (func >= 0) or at a return address
 * (func -1), where 'waiting' calls will come back. */
struct trace_break {
	uint64_t addr;
	unsigned char saved[ARCH_TRACE_BREAK_SIZE];     /* the bytes it replaced */
	int inserted;           /* in memory now (a return's may be out) */
	int func;
	unsigned waiting;
	unsigned char code[16]; /* an entry's first instruction, for emulation */
};

/* An address space: a process, with its threads (and a vfork child until it
 * execs).  The breakpoints are in its memory, shared by all of them. */
struct trace_space {
	int used;
	unsigned threads;       /* how many of ours use it */
	const struct trace_tracee *tracee;
	uint64_t vdso, vdso_size;
	unsigned nfuncs, nbreaks;
	struct trace_func funcs[TRACE_FUNCS];
	struct trace_break breaks[TRACE_BREAKS];
};

/* A call in progress. */
struct trace_call {
	int func;
	uint64_t sp, ret;       /* the stack pointer at entry, the return address */
	uint64_t args[6];
	unsigned syscalls;      /* system calls made before it returned */
	long first_syscall;
	uint64_t start_ns;
};

struct trace_thread {
	int tid;                /* 0: slot free */
	struct trace_space *space;      /* 0: not known yet (a new child) */
	int running;            /* resumed, no stop seen since */
	int has_status, status; /* a stop seen but not handled yet */
	int new_child;          /* its first stop or its parent's event still to come */
	int child_event;        /* PTRACE_EVENT_CLONE, _FORK, _VFORK: how it came */
	int in_vfork;           /* blocked in vfork(2) until the child execs or exits */
	int followed;           /* its calls are printed (-f, or the process started) */
	int signal;             /* to deliver at the next resume */
	unsigned depth;
	struct trace_call calls[TRACE_DEPTH];
};

struct trace_stat {
	char name[TRACE_NAME];
	uint64_t calls, in_user, ns;
};

struct trace_state {
	int count_only;         /* -c */
	int follow;             /* -f */
	const char *only;       /* -e NAME,NAME or 0 */
	struct out *out;
	int leader;             /* the process started or attached */
	int attached;           /* -p */
	const char *command;    /* its name, for error lines */
	int leader_status;      /* as wait4 packs it; -1 while it runs */
	int exec_seen;          /* the command started (its exec stop) */
	int no_vdso;            /* it had none: killed, trace fails */
	int many;               /* more than one thread seen: [pid N] on each line */
	volatile int stop;      /* SIGINT, SIGTERM or SIGHUP came: detach */
	struct trace_thread threads[TRACE_THREADS];
	struct trace_space spaces[TRACE_SPACES];
	struct trace_stat stats[TRACE_FUNCS];
	unsigned nstats;
};
extern struct trace_state trace;

/* trace_mem.c: words and bytes of a stopped tracee.  0 or -errno. */
long trace_peek(int tid, uint64_t addr, unsigned long *word);
long trace_read(int tid, uint64_t addr, void *buf, size_t n);
long trace_write(int tid, uint64_t addr, const void *buf, size_t n);
long trace_regs(int tid, struct arch_regs *r);
long trace_set_regs(int tid, const struct arch_regs *r);
/* A word of the tracee's size (4 or 8 bytes) at addr. */
long trace_read_word(int tid, const struct trace_tracee *tt, uint64_t addr, uint64_t *v);
uint64_t trace_now_ns(void);

/* trace_image.c: find the vDSO of a stopped tracee (regs: at its exec
 * stop, for the stack, or 0) and fill the space's functions.  0, or 1
 * with *why set if it has none we can use, or -errno. */
long trace_image(struct trace_space *s, int tid, const struct arch_regs *regs,
		 const char **why);

/* trace_break.c */
struct trace_break *trace_break_at(struct trace_space *s, uint64_t addr);
long trace_break_set(struct trace_space *s, int tid, uint64_t addr, int func);
long trace_break_remove(struct trace_space *s, int tid, struct trace_break *b);
long trace_break_remove_all(struct trace_space *s, int tid);
/* Run t's original instruction under the breakpoint b (t's PC at it, its
 * registers r): emulated if the arch can, else stepped over. */
long trace_step_over(struct trace_thread *t, struct trace_break *b, struct arch_regs *r);
/* Take a return's breakpoint out of memory, keeping its place. */
long trace_break_out(struct trace_space *s, int tid, struct trace_break *b);
/* Stop every running thread of s but 'except' (0: all), keeping their stops. */
void trace_stop_others(struct trace_space *s, struct trace_thread *except);

/* trace_state.c */
struct trace_thread *trace_thread(int tid);
struct trace_thread *trace_thread_new(int tid);
struct trace_space *trace_space_new(void);
void trace_thread_drop(struct trace_thread *t);

/* trace_loop.c */
long trace_resume(struct trace_thread *t);
int trace_loop(void);
void trace_detach_all(void);

/* trace_call.c: a breakpoint hit by t at b, its registers r (PC rewound). */
void trace_entry(struct trace_thread *t, struct trace_break *b, struct arch_regs *r);
void trace_return(struct trace_thread *t, struct trace_break *b, struct arch_regs *r);
/* A system call seen (entry) while t is in a call. */
void trace_syscall(struct trace_thread *t, long nr);
const char *trace_clock_name(long id, char buf[24]);

/* trace_stats.c */
void trace_stat_add(const char *name, int in_user, uint64_t ns);
void trace_stats_print(struct out *o);

#endif
