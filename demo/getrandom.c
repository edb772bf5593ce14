/*
 * demo/getrandom.c - random bytes from the vDSO (x86_64, Linux 6.11+),
 * with no system call, and the memory the caller must lend it.
 *
 * Terms.  ChaCha20 is the stream cipher the kernel's random generator
 * uses: from a 32-byte key it makes as many bytes as asked.  A state is
 * the memory one thread lends the vDSO for its key and its unused bytes.
 *
 * The vDSO's __vdso_getrandom(buf, len, flags, state, state_len) makes the
 * bytes in user space with ChaCha20, from a key kept in 'state', which the
 * caller allocates.  Asked with buf 0, len 0, flags 0 and state_len ~0UL,
 * it fills struct vgetrandom_opaque_params instead: the size of a state,
 * and the mmap prot and flags to allocate states with.  Why so:
 *   - a state per thread: the function keeps no lock; two threads on one
 *     state would give out the same bytes (it marks a state in use, and
 *     a re-entry, from a signal handler, falls back to the system call);
 *   - MAP_DROPPABLE: pages the kernel may drop under memory pressure
 *     (they read as zeroes after) and never swaps out: the key never
 *     reaches a disk.  mm/mmap.c gives such a mapping VM_DONTDUMP (not in
 *     a core dump) and VM_WIPEONFORK (zeroes in a child after fork(2));
 *     the lesson forks and counts the child's non-zero bytes;
 *   - forward secrecy: each batch the vDSO makes ends with the next key,
 *     written over the old one, and each byte it gives out is zeroed in
 *     the state as it is copied out (lib/vdso/getrandom.c): a state
 *     stolen later holds neither the key nor the bytes of earlier calls.
 *     The lesson counts the state's zero bytes around its second call;
 *   - a zeroed state's generation is 0, not the kernel's, so the vDSO
 *     reseeds it: one getrandom(2) system call of 32 bytes for the key,
 *     made by the vDSO itself.  A child never repeats its parent's bytes;
 *     a state also reseeds when the kernel's own generator does.
 * The runtime's vdso/getrandom.c asks and maps (vdso_getrandom_info), and
 * vdso_getrandom calls; where there is no such function (i386, QEMU,
 * kernels before 6.11) the system call serves.
 *
 * From: the kernel's lib/vdso/getrandom.c, include/uapi/linux/random.h
 * (struct vgetrandom_opaque_params), mm/mmap.c (VM_DROPPABLE).
 *
 * try: strace -e getrandom build/x86_64/getrandom   # one call of 32 bytes: the key
 * exercise: make the second call sys_getrandom(b, LEN, 0), the system
 *   call itself: strace now shows one call of 12 bytes beside the key's.
 */
#include <start/start.h>
#include <lib/lib.h>
#include <vdso/vdso.h>

#define LEN 12          /* a length the vDSO's own reseed (32) never asks */

static unsigned char a[LEN], b[LEN];

/* The bytes of n at p that are zero, or not. */
static long zeroes(const unsigned char *p, long n, int want_zero)
{
	long i, count = 0;

	for (i = 0; i < n; i++)
		count += (p[i] == 0) == want_zero;
	return count;
}

/* A child of fork(2) counts the state's non-zero bytes, and exits with
 * the count (at most 255: a state is 144 bytes on x86_64); -errno if
 * the fork or the wait failed, which the caller shows as such. */
static long nonzero_in_child(const unsigned char *state, long n)
{
	long pid = sys_fork(), count;
	int status;

	if (pid == 0)
		sys_exit_group((int)(count = zeroes(state, n, 0)) > 255 ? 255 : (int)count);
	if (pid < 0)
		return pid;
	if ((count = sys_wait4((int)pid, &status, 0)) < 0)
		return count;
	return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -ECHILD;  /* no exit status */
}

static void show(struct out *o, const char *what, const unsigned char *p, long n)
{
	long i;

	out_printf(o, "%s", what);
	for (i = 0; i < n; i++)
		out_printf(o, "%02x", p[i]);
	out_char(o, '\n');
}

/* The mmap flags by name: the ones a vDSO asks for (<linux/mman.h>;
 * MAP_DROPPABLE is 0x08 since 6.11, newer than this machine's headers). */
static void show_flags(struct out *o, unsigned f)
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

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	struct vdso_getrandom_info info;
	long r, ra, rb, z, n, c;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	r = vdso_getrandom_info(&info);         /* the query, and one state mapped */
	if (r == -ENOSYS)
		out_printf(o, "%s: the system call serves\n", vdso_status != 0 ? "no vDSO here" :
			   VDSO_NO_GETRANDOM);
	else if (r < 0)
		out_printf(o, "the vDSO's state cannot be had (%s, see errno(3)): the system call serves\n",
			   errno_name((int)-r));
	else {
		out_printf(o, "__vdso_getrandom at 0x%lx, asked for its parameters:\n",
			   (unsigned long)vdso_calls[VDSO_GETRANDOM].fn);
		out_printf(o, "  a state is %u bytes; mmap prot 0x%x (%s), flags 0x%x (",
			   info.params.size_of_opaque_state, info.params.mmap_prot,
			   info.params.mmap_prot == (PROT_READ | PROT_WRITE) ? "PROT_READ|PROT_WRITE" : "?",
			   info.params.mmap_flags);
		show_flags(o, info.params.mmap_flags);
		out_printf(o, ")\n  this thread's state: 0x%lx, one of %u in its page (%lu bytes apart)\n",
			   (unsigned long)info.state, info.per_page, (unsigned long)info.stride);
	}
	ra = vdso_getrandom(a, LEN, 0);
	z = r == 0 ? zeroes(info.state, info.params.size_of_opaque_state, 1) : 0;
	rb = vdso_getrandom(b, LEN, 0);
	if (ra != LEN || rb != LEN) {
		out_printf(o, "getrandom answered %ld and %ld, not %d\n", ra, rb, LEN);
		out_flush(o);
		return 1;
	}
	out_printf(o, "two calls of %d bytes, served by the %s:\n", LEN,
		   vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO ? "vDSO" : "system call");
	show(o, "  first   ", a, LEN);
	show(o, "  second  ", b, LEN);
	out_printf(o, "  %s\n", memcmp(a, b, LEN) ? "they differ" : "THE SAME");
	if (r == 0 && vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO) {
		n = info.params.size_of_opaque_state;
		out_printf(o, "the state's zero bytes: %ld before the second call, %ld after%s\n", z,
			   zeroes(info.state, n, 1), zeroes(info.state, n, 1) - z == LEN ?
			   ": the bytes given out are wiped from it" : " (a new batch, and a new key)");
		if ((c = nonzero_in_child(info.state, n)) < 0)
			out_printf(o, "no child to look: %s\n", errno_name((int)-c));
		else
			out_printf(o, "after fork(2), a child sees %ld non-zero bytes of the %ld (the parent %ld)\n",
				   c, n, zeroes(info.state, n, 0));
	}
	if (vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO)
		out_printf(o, "try: strace -e getrandom %s   # no call of %d bytes; one of 32, the vDSO"
			   " seeding the new state's key\n", start_program_name(), LEN);
	return out_flush(o) < 0 || memcmp(a, b, LEN) == 0;
}
