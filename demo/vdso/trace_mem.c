/*
 * demo/vdso/trace_mem.c - the memory and registers of a stopped tracee,
 * through ptrace(2) alone, so that it works where /proc is not mounted.
 *
 * PTRACE_PEEKDATA and PTRACE_POKEDATA move one word of the tracer's size.
 * Every access here is to an aligned word, which never straddles a page:
 * reading two bytes before the end of a mapping never touches the next page.
 */
#include <linux/elf.h>
#include <linux/uio.h>
#include "tracer.h"

#define WORD sizeof(unsigned long)

long trace_peek(int tid, uint64_t addr, unsigned long *word)
{
	/* The system call stores the word at *data (libc returns it). */
	return sys_ptrace(PTRACE_PEEKDATA, tid, (unsigned long)addr,
			  (unsigned long)word);
}

long trace_read(int tid, uint64_t addr, void *buf, size_t n)
{
	unsigned char *to = buf;
	unsigned long word;
	long r;

	while (n) {
		uint64_t base = addr & ~(uint64_t)(WORD - 1);
		size_t skip = addr - base, take = WORD - skip;

		if (take > n)
			take = n;
		if ((r = trace_peek(tid, base, &word)) < 0)
			return r;
		memcpy(to, (unsigned char *)&word + skip, take);
		to += take;
		addr += take;
		n -= take;
	}
	return 0;
}

/* A word at a time, as trace_read: one PTRACE_POKEDATA for a whole word,
 * and a word written only in part is read first, its other bytes kept. */
long trace_write(int tid, uint64_t addr, const void *buf, size_t n)
{
	const unsigned char *from = buf;
	unsigned long word = 0;
	long r;

	while (n) {
		uint64_t base = addr & ~(uint64_t)(WORD - 1);
		size_t skip = addr - base, take = WORD - skip;

		if (take > n)
			take = n;
		if (take < WORD && (r = trace_peek(tid, base, &word)) < 0)
			return r;
		memcpy((unsigned char *)&word + skip, from, take);
		if ((r = sys_ptrace(PTRACE_POKEDATA, tid, (unsigned long)base, word)) < 0)
			return r;
		from += take;
		addr += take;
		n -= take;
	}
	return 0;
}

/*
 * The registers: PTRACE_GETREGS where the arch has it, else the general
 * regset (PTRACE_GETREGSET with NT_PRSTATUS: the kernel's
 * include/uapi/linux/ptrace.h and elf.h), which newer arches have only.
 * arch/<arch>/trace.h says which (ARCH_TRACE_REGSET).
 */
#ifdef ARCH_TRACE_REGSET
long trace_regs(int tid, struct arch_regs *r)
{
	struct iovec io = { .iov_base = r, .iov_len = sizeof *r };

	return sys_ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, (unsigned long)&io);
}

long trace_set_regs(int tid, const struct arch_regs *r)
{
	struct iovec io = { .iov_base = (void *)r, .iov_len = sizeof *r };

	return sys_ptrace(PTRACE_SETREGSET, tid, NT_PRSTATUS, (unsigned long)&io);
}
#else
long trace_regs(int tid, struct arch_regs *r)
{
	return sys_ptrace(PTRACE_GETREGS, tid, 0, (unsigned long)r);
}

long trace_set_regs(int tid, const struct arch_regs *r)
{
	return sys_ptrace(PTRACE_SETREGS, tid, 0, (unsigned long)r);
}
#endif

long trace_read_word(int tid, const struct trace_tracee *tt, uint64_t addr, uint64_t *v)
{
	uint32_t w32;
	long r;

	if (tt->word == 8)
		return trace_read(tid, addr, v, 8);
	r = trace_read(tid, addr, &w32, 4);
	*v = w32;
	return r;
}

uint64_t trace_now_ns(void)
{
	struct __kernel_timespec ts;

	if (vdso_clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return 0;
	return (uint64_t)ns_of(ts.tv_sec, ts.tv_nsec);
}
