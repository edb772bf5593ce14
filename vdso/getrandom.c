/*
 * vdso/getrandom.c - getrandom(2) through the vDSO (Linux 6.11, x86_64):
 * random bytes made in user space from a key the kernel seeds, with no
 * system call, and what the caller must provide for that.
 *
 * The vDSO function (lib/vdso/getrandom.c in the kernel) is
 *     ssize_t getrandom(void *buf, size_t len, unsigned flags,
 *                       void *opaque_state, size_t opaque_len);
 * It keeps its key and a batch of ready bytes in 'opaque_state', memory
 * that the caller allocates, one state per thread of execution:
 *   - the query: buf = 0, len = 0, flags = 0, opaque_len = ~0UL makes it
 *     fill a struct vgetrandom_opaque_params (vdso/vdso.h) and return 0:
 *     the size of a state, and the prot and flags to mmap states with;
 *   - the flags are MAP_DROPPABLE | MAP_ANONYMOUS (and more, perhaps):
 *     pages the kernel may take back under memory pressure (reading
 *     zeroes after), never swapped out (the key never reaches a disk),
 *     and wiped in a child after fork (mm/mmap.c: VM_DROPPABLE implies
 *     VM_WIPEONFORK).  A zeroed state has generation 0, which differs from
 *     the kernel's, so the vDSO reseeds it from the kernel: a child never
 *     repeats its parent's bytes;
 *   - a state must not straddle a page: one half could be dropped and not
 *     the other (the vDSO answers -EFAULT).  Ours are each aligned to a
 *     cache line, so that two threads' states never share one, and a page
 *     holds as many as fit whole;
 *   - the vDSO marks a state in use while it works: a signal handler that
 *     re-enters it with the same state gets the system call.  We check a
 *     guard of our own first, so that the table can say which path served.
 *
 * The system call serves instead (and the table records it):
 *   - where no vDSO getrandom exists: i386, QEMU's vDSO, kernels before 6.11;
 *   - when the state cannot be had (the query or mmap failed);
 *   - for flags other than GRND_NONBLOCK, GRND_RANDOM and GRND_INSECURE,
 *     which the vDSO would pass on to the system call itself;
 *   - when re-entered (a signal handler, while this thread is inside);
 *   - when the vDSO answers -ENOSYS.
 * The vDSO also makes the system call itself, unseen from here, while the
 * kernel's generator is not yet seeded (early boot): it cannot know how
 * the flags must block then.
 *
 * The runtime is single-threaded: one thread, so one state.  It is taken
 * from a pool (state_alloc) that a threaded runtime would hand out one
 * state per thread from, keeping each thread's in its thread-local storage.
 */
#include <linux/auxvec.h>
#include <linux/random.h>
#include <start/start.h>
#include <lib/lib.h>
#include "vdso.h"

#define GRND_KNOWN (GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)
#define POOL_MAX 64             /* states a pool can hold; one is used */

/* The vDSO's vgetrandom(buf, len, flags, state, state_len), as vdso.h's VDSO_CALL calls it. */
#define VGETRANDOM(buf, len, flags, state, state_len) \
	VDSO_CALL(vdso_calls[VDSO_GETRANDOM].fn, (void *, size_t, unsigned, void *, size_t), \
		  (buf, len, flags, state, state_len))

/* The pool: pages of states, and the states not yet handed out. */
static struct {
	int tried;              /* the query and the first page: once */
	long error;             /* -errno if they failed */
	struct vdso_getrandom_params params;
	size_t stride;
	unsigned per_page;
	void *free[POOL_MAX];
	unsigned nfree;
} pool;

/* This thread's state (the only thread), and its re-entrancy guard. */
static void *thread_state;
static volatile int inside;

/* One more page of states into the free list.  0 or -errno. */
static long pool_grow(void)
{
	unsigned long page = auxv_page_size();  /* checked: a power of two */
	unsigned char *p;
	unsigned i;
	long r;

	r = sys_mmap(0, page, (int)pool.params.mmap_prot, (int)pool.params.mmap_flags, -1, 0);
	if (sys_failed(r))
		return r;
	p = (unsigned char *)r;
	/* page / stride states, at multiples of the stride from the page's
	 * start: each on a cache line, and the last ends within the page */
	pool.per_page = (unsigned)(page / pool.stride);
	for (i = 0; i < pool.per_page && pool.nfree < POOL_MAX; i++)
		pool.free[pool.nfree++] = p + i * pool.stride;
	return 0;
}

/* Ask the vDSO for the parameters, and allocate the first page. */
static long pool_init(void)
{
	unsigned long page = auxv_page_size();
	long r;

	r = VGETRANDOM(0, 0, 0, &pool.params, ~0UL);
	if (r != 0)
		return sys_failed(r) ? r : -EINVAL;
	pool.stride = (pool.params.size_of_opaque_state + ARCH_CACHE_LINE - 1) &
		      ~(size_t)(ARCH_CACHE_LINE - 1);
	if (pool.stride == 0 || pool.stride > page)
		return -EINVAL;         /* a state must fit in one page */
	return pool_grow();
}

/* A state from the pool, or 0 (pool.error says why). */
static void *state_alloc(void)
{
	if (!pool.tried) {
		pool.tried = 1;
		pool.error = pool_init();
	}
	if (pool.error)
		return 0;
	if (pool.nfree == 0 && (pool.error = pool_grow()) != 0)
		return 0;
	return pool.free[--pool.nfree];
}

/* The calling thread's state, allocated on its first call. */
static void *this_thread_state(void)
{
	if (!thread_state)
		thread_state = state_alloc();
	return thread_state;
}

/* The system call serves; 'passed' if there was a vDSO function to pass. */
static long by_syscall(void *buf, size_t len, unsigned flags, int passed)
{
	struct vdso_call *e = &vdso_calls[VDSO_GETRANDOM];

	e->served = sys_gate ? PATH_GATE : PATH_SYSCALL;
	if (passed)
		e->passed_on++;
	return sys_getrandom(buf, len, flags);
}

long vdso_getrandom(void *buf, size_t len, unsigned flags)
{
	struct vdso_call *e = &vdso_calls[VDSO_GETRANDOM];
	void *state;
	long r;

	if (!e->fn)
		return by_syscall(buf, len, flags, 0);
	if ((flags & ~GRND_KNOWN) || inside)
		return by_syscall(buf, len, flags, 1);
	inside = 1;
	state = this_thread_state();
	if (!state) {
		inside = 0;
		return by_syscall(buf, len, flags, 1);
	}
	r = VGETRANDOM(buf, len, flags, state, pool.params.size_of_opaque_state);
	inside = 0;
	if (r == -ENOSYS) {
		e->fallbacks++;
		return by_syscall(buf, len, flags, 0);
	}
	e->served = PATH_VDSO;
	return r;
}

long vdso_getrandom_info(struct vdso_getrandom_info *info)
{
	if (!vdso_calls[VDSO_GETRANDOM].fn)
		return -ENOSYS;
	if (!this_thread_state())
		return pool.error;
	info->params = pool.params;
	info->stride = pool.stride;
	info->per_page = pool.per_page;
	info->state = thread_state;
	return 0;
}

/* The mmap flags by name: the ones a vDSO asks for (<linux/mman.h>;
 * MAP_DROPPABLE is 0x08 since 6.11, newer than some machines' headers). */
void vdso_out_mmap_flags(struct out *o, unsigned f)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ 0x01, "MAP_SHARED" }, { 0x02, "MAP_PRIVATE" },
		{ 0x08, "MAP_DROPPABLE" }, { 0x20, "MAP_ANONYMOUS" },
	};
	unsigned i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit)
			out_printf(o, "%s%s", names[i].name, (f &= ~names[i].bit) ? "|" : "");
	if (f)
		out_printf(o, "0x%x", f);
}
