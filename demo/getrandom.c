/*
 * demo/getrandom.c - random bytes from the vDSO (x86_64, Linux 6.11+),
 * with no system call, and the memory the caller must lend it.
 *
 * Terms.  ChaCha20 is the stream cipher the kernel's random generator
 * uses: from a 32-byte key it makes as many bytes as asked.  A state is
 * the memory one thread lends the vDSO for its key and its unused bytes.
 *
 * __vdso_getrandom(buf, len, flags, state, state_len) makes the bytes in
 * user space with ChaCha20, from a key kept in 'state'.  Asked with
 * state_len ~0UL (and the rest 0) it says how to allocate states: their
 * size, and the mmap prot and flags (struct vgetrandom_opaque_params).
 * One state per thread: the function takes no lock.  vdso/getrandom.c
 * asks and maps (vdso_getrandom_info); where there is no such function
 * (i386, QEMU, kernels before 6.11) the system call serves.
 *
 * What keeps the key safe, each shown below:
 *   - MAP_DROPPABLE: never swapped out, and (mm/mmap.c) VM_DONTDUMP, out
 *     of core dumps, and VM_WIPEONFORK: a child of fork(2) sees zeroes;
 *   - forward secrecy: each batch ends with the next key, written over
 *     the old one, and each byte given out is zeroed in the state as it
 *     is copied (lib/vdso/getrandom.c): a state stolen later holds
 *     neither the key nor the bytes of earlier calls;
 *   - a zeroed state's generation is 0, not the kernel's, so the vDSO
 *     reseeds it with one getrandom(2) of 32 bytes: a child never repeats
 *     its parent's bytes.
 *
 * From: the kernel's lib/vdso/getrandom.c, include/uapi/linux/random.h,
 * mm/mmap.c (VM_DROPPABLE).
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
static struct vdso_getrandom_info info;

static long nonzero(long unused)        /* the state's bytes that are not 0 */
{
	(void)unused;
	return (long)(info.params.size_of_opaque_state - mem_count(info.state, info.params.size_of_opaque_state, 0));
}

static void show(struct out *o, const char *what, const unsigned char *p)
{
	int i;

	out_str(o, what);
	for (i = 0; i < LEN; i++)
		out_printf(o, "%02x", p[i]);
	out_char(o, '\n');
}

int main(int argc, char **argv, char **envp)
{
	struct out *o = &out_stdout;
	long r, ra, rb, z, n, c;
	int vdso;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	r = vdso_getrandom_info(&info);         /* the query, and one state mapped */
	if (r == -ENOSYS)
		out_printf(o, "%s: the system call serves\n", vdso_status != 0 ? "no vDSO here" : VDSO_NO_GETRANDOM);
	else if (r < 0)
		out_printf(o, "the vDSO's state cannot be had (%s, see errno(3)): the system call serves\n",
			   errno_name((int)-r));
	else {
		out_printf(o, "%s at 0x%lx, asked for its parameters:\n  a state is %u bytes; mmap prot 0x%x (%s), flags 0x%x (",
			   vdso_calls[VDSO_GETRANDOM].symbol, (unsigned long)vdso_calls[VDSO_GETRANDOM].fn,
			   info.params.size_of_opaque_state, info.params.mmap_prot,
			   info.params.mmap_prot == (PROT_READ | PROT_WRITE) ? "PROT_READ|PROT_WRITE" : "?", info.params.mmap_flags);
		vdso_out_mmap_flags(o, info.params.mmap_flags);
		out_printf(o, ")\n  this thread's state: 0x%lx, one of %u in its page (%lu bytes apart)\n",
			   (unsigned long)info.state, info.per_page, (unsigned long)info.stride);
	}
	n = r == 0 ? (long)info.params.size_of_opaque_state : 0;
	ra = vdso_getrandom(a, LEN, 0);
	z = r == 0 ? n - nonzero(0) : 0;        /* zero bytes before the second call */
	rb = vdso_getrandom(b, LEN, 0);
	if (ra != LEN || rb != LEN)
		return out_printf(o, "getrandom answered %ld and %ld, not %d\n", ra, rb, LEN), out_flush(o), 1;
	vdso = vdso_calls[VDSO_GETRANDOM].served == PATH_VDSO;
	out_printf(o, "two calls of %d bytes, served by the %s:\n", LEN, vdso ? "vDSO" : "system call");
	show(o, "  first   ", a);
	show(o, "  second  ", b);
	out_printf(o, "  %s\n", memcmp(a, b, LEN) ? "they differ" : "THE SAME");
	if (r == 0 && vdso) {
		out_printf(o, "the state's zero bytes: %ld before the second call, %ld after%s\n", z, n - nonzero(0),
			   n - nonzero(0) - z == LEN ? ": the bytes given out are wiped from it" : " (a new batch, and a new key)");
		if ((c = sys_in_child(nonzero, 0)) < 0)
			out_printf(o, "no child to look: %s\n", errno_name((int)-c));
		else
			out_printf(o, "after fork(2), a child sees %ld non-zero bytes of the %ld (the parent %ld)\n", c, n, nonzero(0));
		out_printf(o, "try: strace -e getrandom %s   # no call of %d bytes; one of 32, the vDSO"
			   " seeding the new state's key\n", start_program_name(), LEN);
	}
	return out_flush(o) < 0 || memcmp(a, b, LEN) == 0;
}
