/*
 * vdso/vdso.h - the face of the live vDSO: the image the kernel mapped
 * into this process, found from the auxiliary vector (vdso/find.c),
 * opened with the ELF reader (elf/), and the call table filled from it
 * (vdso/calls.c): each function through the vDSO when the image has it,
 * else through the system call.
 */
#ifndef VDSO_VDSO_H
#define VDSO_VDSO_H

#include <elf/read.h>
#include <syscall/syscall.h>
#include <vdso_calls.h>         /* arch/<arch>/: ARCH_VDSO_CALLS */

/*
 * The live image: its bytes and its size by its own headers, every page
 * of it checked as mapped before anything reads it.  It needs neither
 * the reader to accept the image nor vdso_init to have run (VDSO=off):
 * a dump is also what one looks at when the reader says no.
 * 0, or -1 with a few words in *why.
 */
int vdso_find(const unsigned char **bytes, size_t *size, const char **why);

/*
 * The i386 gate: AT_SYSINFO, the entry of __kernel_vsyscall, if the kernel
 * gave one and it lies inside the image vdso_find finds; else 0.
 */
void *vdso_gate(void);
void *vdso_gate_in(const unsigned char *image, size_t size);   /* the same, image found */

/* Fills the table once, at the start of main; VDSO=off skips it. */
void vdso_init(void);

extern struct elf_image vdso_image;     /* the live vDSO, when open */
extern int vdso_status;                 /* 0 if open, else -ELF_E* */
extern int vdso_off;                    /* VDSO=off was given */
extern const char *vdso_not_found;      /* vdso_find's why, else 0 */

/*
 * Why the table has no vDSO function, in a few words: VDSO=off, why
 * vdso_find found none, or why the reader refused it; NULL when the image
 * is open.  Apart (vdso/absent.c), so that only a program that prints it
 * links the reader's messages.
 */
const char *vdso_why_absent(void);

/* The address space around the vDSO at vdso, drawn from /proc/self/maps
 * (vdso/around.c): 0, or -errno if the maps cannot be read. */
struct out;
long vdso_draw_around(struct out *o, uint64_t vdso);

/* vdso/hash_picture.c: the GNU hash table of img drawn, the path of the
 * lookup st started in [brackets], ending at symbol found. */
struct elf_image;
struct elf_gnu_table;
struct elf_gnu_start;
void vdso_draw_gnu_table(struct out *o, const struct elf_image *img, const struct elf_gnu_table *g,
			 const struct elf_gnu_start *st, uint32_t found);
/* The bloom step of that lookup: its word, its two bits, set or clear. */
void vdso_show_bloom(struct out *o, const struct elf_gnu_table *g, const struct elf_gnu_start *st);

/* vdso/data.c: the way from the live vDSO's function at fn to its first
 * data access, decoded, a line an instruction (the lesson data): where it
 * lands, or 0 (a system call first, or what the decoder cannot follow). */
uintptr_t vdso_show_first_data(struct out *o, uintptr_t fn);

/* The call table: one entry per CALL line of the arch's table. */
#define VDSO_CALL_ID(id, name, twin, symbol, version, time64) VDSO_##id,
#define VDSO_NOTHING(...)
enum vdso_call_id { ARCH_VDSO_CALLS(VDSO_CALL_ID, VDSO_NOTHING) VDSO_NCALLS };

/* The symbol of a CALL line for a call that no vDSO of the arch offers:
 * the entry is there, and the system call serves it. */
#define NO_VDSO_SYMBOL ((const char *)0)

enum vdso_path { PATH_SYSCALL, PATH_GATE, PATH_VDSO };

struct vdso_call {
	const char *name;       /* "clock_gettime" */
	const char *twin;       /* its system call: "clock_gettime64" on i386 */
	const char *symbol;     /* the vDSO symbol serving it, or 0 */
	void *fn;               /* its address, or 0: the system call serves */
	int time64;             /* fn takes a 64-bit timespec */
	void *fn64;             /* fn if time64, else 0: the inline path's test */
	unsigned fallbacks;     /* times fn answered -ENOSYS */
	unsigned passed_on;     /* times fn was there but the system call
				 * served (getrandom: see vdso/getrandom.c) */
	enum vdso_path served;  /* getrandom: the path of its last call (the
				 * inline calls above keep no such record:
				 * vdso_path and fallbacks say it for them) */
};

extern struct vdso_call vdso_calls[VDSO_NCALLS];

/* Which path a call takes, and its name: "vdso", "gate" or "syscall". */
enum vdso_path vdso_path(enum vdso_call_id id);
const char *vdso_path_name(enum vdso_path p);

/*
 * The typed calls: the vDSO's function if resolved, else the system call.
 *
 * The common case is inline: test the pointer, call it, return what it
 * says, so that a call through the table costs what a call of the bare
 * pointer does (`make bench` compares the two).  Everything else is out
 * of line in vdso/calls.c, the *_slow functions: the system call when
 * there is no function, the count and the system call when the function
 * answered -ENOSYS ("not here"; fell_back 1), and on i386 the call of an
 * old-timespec function with its answer widened (time64 0).
 */
long vdso_clock_gettime_slow(int clock, struct __kernel_timespec *ts, int fell_back);
long vdso_clock_getres_slow(int clock, struct __kernel_timespec *ts, int fell_back);
long vdso_gettimeofday_slow(struct __kernel_old_timeval *tv, void *tz, int fell_back);
long vdso_time_slow(long *t, int fell_back);
long vdso_getcpu_slow(unsigned *cpu, unsigned *node, int fell_back);

typedef long vdso_timespec_fn(int clock, struct __kernel_timespec *ts);

/*
 * VDSO_CALL(fn, (parameter types), (arguments)): a call of the vDSO
 * function at fn, answering as the runtime does, -errno on failure.
 * Most arches' vDSO functions return -errno themselves: a plain call.
 * An arch whose vDSO says an error another way (ppc64le: a flag in a
 * condition register, which C cannot read) names a trampoline in its
 * arch.h, ARCH_VDSO_TRAMPOLINE: it takes fn first, then the arguments,
 * and turns the answer into -errno.
 */
#define VDSO_ARGS(...) __VA_ARGS__
#ifdef ARCH_VDSO_TRAMPOLINE
#define VDSO_CALL(fn, types, args) \
	((long (*)(void *, VDSO_ARGS types))(uintptr_t)ARCH_VDSO_TRAMPOLINE)((void *)(fn), VDSO_ARGS args)
#else
#define VDSO_CALL(fn, types, args) ((long (*) types)(uintptr_t)(fn)) args
#endif

/*
 * "The vDSO served it": the likely case, laid out as the straight line.
 * It matters: with the -ENOSYS test laid out the other way, a call of
 * time() costs a cycle more than the bare pointer (tests/bench/percall.c).
 */
#define VDSO_SERVED(r) __builtin_expect((r) != -ENOSYS, 1)
#define VDSO_HAS(fn) __builtin_expect((fn) != 0, 1)

static inline long vdso_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	void *fn = vdso_calls[VDSO_CLOCK_GETTIME].fn64;
	long r;

	if (VDSO_HAS(fn)) {
		r = VDSO_CALL(fn, (int, struct __kernel_timespec *), (clock, ts));
		if (VDSO_SERVED(r))
			return r;
		return vdso_clock_gettime_slow(clock, ts, 1);
	}
	return vdso_clock_gettime_slow(clock, ts, 0);
}

static inline long vdso_clock_getres(int clock, struct __kernel_timespec *ts)
{
	void *fn = vdso_calls[VDSO_CLOCK_GETRES].fn64;
	long r;

	if (VDSO_HAS(fn)) {
		r = VDSO_CALL(fn, (int, struct __kernel_timespec *), (clock, ts));
		if (VDSO_SERVED(r))
			return r;
		return vdso_clock_getres_slow(clock, ts, 1);
	}
	return vdso_clock_getres_slow(clock, ts, 0);
}

static inline long vdso_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	void *fn = vdso_calls[VDSO_GETTIMEOFDAY].fn;
	long r;

	if (VDSO_HAS(fn)) {
		r = VDSO_CALL(fn, (struct __kernel_old_timeval *, void *), (tv, tz));
		if (VDSO_SERVED(r))
			return r;
	}
	return vdso_gettimeofday_slow(tv, tz, fn != 0);
}

static inline long vdso_time(long *t)
{
	void *fn = vdso_calls[VDSO_TIME].fn;
	long r;

	if (VDSO_HAS(fn)) {
		r = VDSO_CALL(fn, (long *), (t));
		if (VDSO_SERVED(r))
			return r;
	}
	return vdso_time_slow(t, fn != 0);
}

static inline long vdso_getcpu(unsigned *cpu, unsigned *node)
{
	void *fn = vdso_calls[VDSO_GETCPU].fn;
	long r;

	if (VDSO_HAS(fn)) {       /* the third argument, a cache, is unused since 2.6.24 */
		r = VDSO_CALL(fn, (unsigned *, unsigned *, void *), (cpu, node, 0));
		if (VDSO_SERVED(r))
			return r;
	}
	return vdso_getcpu_slow(cpu, node, fn != 0);
}

/*
 * A call of the table that no typed wrapper above serves (a line the
 * arch's table gained, and nothing else yet): its vDSO function called
 * with three word-sized arguments, as the arch's ABI passes them, or its
 * -ENOSYS or absence answered by the system call twin.  vdso_twin makes
 * the twin alone.  `vdso call`, `bench` and `check` use them for such a
 * line, so that one line in the table is enough to list, call, time and
 * check it.
 */
long vdso_call_generic(enum vdso_call_id id, long a1, long a2, long a3);
long vdso_twin(enum vdso_call_id id, long a1, long a2, long a3);

#ifdef ARCH_VDSO_PAIRS_CALL
/* The call of the table that answers key-value pairs (vdso/pairs.c,
 * arch/<arch>/vdso_calls.h): all CPUs, no flags; 0 or -errno.  A key the
 * kernel does not know comes back as -1. */
struct vdso_pair {
	int64_t key;
	uint64_t value;
};
long vdso_call_pairs(struct vdso_pair *pairs, long count);
long vdso_twin_pairs(struct vdso_pair *pairs, long count);
#endif

/* getrandom(2) through the vDSO where it has it (x86_64, Linux 6.11), with
 * a state of this thread's (vdso/getrandom.c); else the system call. */
long vdso_getrandom(void *buf, size_t len, unsigned flags);

/*
 * vdso/getrandom.c: what the vDSO's getrandom needs from its caller, a
 * state of its own per thread of execution, allocated as the vDSO says.
 *
 * The parameters the vDSO gives when asked: the kernel's
 * struct vgetrandom_opaque_params, written here from the kernel's
 * include/uapi/linux/random.h (6.11), which this machine's UAPI headers
 * predate; the name is ours, so that newer headers do not clash.
 */
struct vdso_getrandom_params {
	uint32_t size_of_opaque_state;  /* bytes of one state */
	uint32_t mmap_prot;             /* mmap(2) prot for the states */
	uint32_t mmap_flags;            /* mmap(2) flags: MAP_DROPPABLE | MAP_ANONYMOUS | ... */
	uint32_t reserved[13];
};

struct vdso_getrandom_info {
	struct vdso_getrandom_params params;
	size_t stride;          /* bytes from one state to the next: a multiple of the cache line */
	unsigned per_page;      /* states in one page */
	void *state;            /* this thread's, or 0 */
};

/* 0 and *info filled once this thread has its state, else -errno: -ENOSYS
 * without a vDSO getrandom, or what the query or mmap answered. */
long vdso_getrandom_info(struct vdso_getrandom_info *info);
/* The mmap flags a vDSO asks its states to be mapped with, by name
 * ("MAP_PRIVATE|MAP_DROPPABLE|MAP_ANONYMOUS"). */
void vdso_out_mmap_flags(struct out *o, unsigned flags);
/* Why a vDSO may have no getrandom, where vdso_getrandom_info says -ENOSYS. */
#define VDSO_NO_GETRANDOM "no getrandom in this vDSO (Linux 6.11 brought it, to x86_64 first; QEMU's has none)"

/*
 * vdso/vsyscall.c: the legacy vsyscall page (ARCH_VSYSCALL_PAGE, where the
 * arch has one), probed by its maps line, a read and a call of time().
 * The modes are the kernel's vsyscall= words: "emulate", "xonly", "none".
 */
struct vsyscall_probe {
	long maps;              /* 1: its line in /proc/self/maps, 0: none, -errno: unread */
	struct maps_entry line; /* the line, where maps is 1 */
	const char *by_maps;    /* the mode the line says, or 0 (maps unread) */
	struct sys_fault read_fault, call_fault;  /* what each probe met */
	int readable, callable; /* the read, the call came back without a signal */
	long time;              /* what time(NULL) through the page answered */
	const char *by_probe;   /* the mode the two probes say */
};
/* 0, or -errno when rt_sigaction refused the probes' handler (then
 * nothing after the maps was probed). */
long vsyscall_probe(struct vsyscall_probe *p);
/* time(NULL) through the page: only where the probe found it callable. */
long vsyscall_time(long unused);
/* Nanoseconds for VSYSCALL_CALLS calls of time() each way, the best of
 * VSYSCALL_ROUNDS rounds, the ways taking turns within a round so that all
 * see the same machine: ns[0] through the vDSO (or its fallback), ns[1]
 * the system call, ns[2] through the page (only if ways is 3: call it
 * only once vsyscall_probe found it callable). */
#define VSYSCALL_CALLS 1000
#define VSYSCALL_ROUNDS 5
void vsyscall_costs(uint64_t ns[3], int ways);
/* 32-bit arm: its kuser helpers page (ARCH_HELPER_PAGE), read and one
 * helper called, said in a line or two; nothing on other arches. */
void vsyscall_show_helpers(struct out *o);

#endif
