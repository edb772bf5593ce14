/*
 * arch/hooks.h - what every arch provides: the list a new arch works
 * through.  Code above arch/ reads only these names; it never knows an
 * instruction, a register or an opcode.  A new arch is a folder
 * arch/<name>/ holding the files below, and its line in arch/arches.
 *
 * arch/<name>/start.S      _start: hand the stack pointer to start_c (and,
 *                          built with START_PIE, relocate first)
 * arch/<name>/arch.h       (ends by including this file)
 *   ARCH_NAME, ARCH_ELF_CLASS (32, 64), ARCH_ELF_MACHINE (EM_*)
 *   ARCH_RAW_ENTRY         the instruction a raw system call enters by
 *   arch_syscall()         the raw system call, 0 to 6 arguments
 *   ARCH_HAS_GATE, arch_gate_syscall()  a gate in the vDSO (i386), or 0
 *                          (its form is decoded from its bytes: arch_gate_form)
 *   ARCH_DATA_ADDRESS_HOW, ARCH_CLOCK_COUNTER  how the vDSO's clocks find
 *                          the data pages, and the CPU counter they read
 *   ARCH_NR_mmap, ARCH_MMAP_OFFSET_SHIFT (and ARCH_MMAP_ARGS_IN_MEMORY
 *                          where mmap takes the address of its six
 *                          arguments: s390x), ARCH_NR_clock_gettime64,
 *   ARCH_NR_clock_getres64, ARCH_NR_llseek, ARCH_OFF_LO/HI, arch_stat,
 *   ARCH_NR_fstat, ARCH_NR_fstatat   how 64-bit quantities are passed
 *                          (or ARCH_PREAD_OFFSET(off): pread64's last three
 *                          arguments, where a pair must start even: arm)
 *   arch_sigreturn         the signal restorer (an .S file of the arch): it
 *                          makes rt_sigreturn, so a handler installed with
 *                          it asks for SA_SIGINFO (an rt frame)
 *   ARCH_SIGACTION_NO_RESTORER  where the kernel's struct sigaction has no
 *                          sa_restorer field (riscv), and SA_RESTORER for
 *                          the shared code to ask (syscall/sys.c drops it)
 *   ARCH_ELF(), ARCH_R_RELATIVE, ARCH_R_TYPE()   a static PIE's relocation
 *   ARCH_CACHE_LINE        vdso/getrandom.c aligns its states to it
 *   ARCH_HWCAP_NAMES       AT_HWCAP's bits by name, where not x86's CPUID
 *                          ones (demo/auxv.c; riscv64's ISA letters), and
 *                          ARCH_HWCAP2_NAMES AT_HWCAP2's (ppc64le)
 *   ARCH_CLOCKSOURCES_NO_VDSO  optional: ": " and the names of the
 *                          clocksources that have no vDSO mode (x86's)
 *   ARCH_SEE_GATE, ARCH_SEE_SIGNAL, ARCH_SEE_FIXED_PAGE  the files the
 *                          tour names (see:) for its steps gate, signal
 *                          and vsyscall: the kernel's, for this arch
 *   ARCH_GDB_RETURN_ADDRESS  gdb's expression for a signal handler's
 *                          return address at its first instruction
 *   ARCH_VSYSCALL_PAGE, ARCH_VSYSCALL_TIME   the legacy page and time()'s
 *                          offset in it (0, 0 where there is none)
 *   ARCH_MAX_PAGE_SIZE     optional: the largest page of its kernels, if
 *                          more than 4 KiB (the Makefile reads the line)
 *   ARCH_VDSO_TRAMPOLINE   optional: where a vDSO function says an error
 *                          otherwise than by -errno (ppc64le: CR0.SO), the
 *                          function every vDSO call goes through
 *                          (vdso/vdso.h, VDSO_CALL), with ARCH_VDSO_ERROR_FLAG
 *                          (the flag's name) and arch_vdso_last_flag,
 *                          arch_vdso_last_raw (the flag and the raw result
 *                          of the last call), shown by `vdso call` and `check`
 * arch/<name>/sigframe.h   ARCH_KERNEL_SIGNAL_FILE, ARCH_SIGNAL_NEEDS_RESTORER, ARCH_NR_sigreturn,
 *   ARCH_SIGNAL_WITHOUT_VDSO (where a handler returns with no vDSO, in words),
 *   ARCH_SIGNAL_RESTORER_UNUSED (optional: why sa_restorer counts for
 *   nothing, where the kernel ignores it: ppc64le; with
 *   ARCH_SIGNAL_NO_SA_RESTORER, where it cannot even be given: riscv64),
 *   arch_raise_keep, ARCH_KEPT_REGS, arch_try, arch_try_fault,
 *   ARCH_SIGNAL_HANDLER, arch_context_ip, arch_context_set_ip (signal.S)
 * arch/<name>/vdso_calls.h the vDSO's functions, one line each; the gate's
 *   and the sigreturn trampolines' names; ARCH_VDSO_PAIRS_CALL and
 *   ARCH_VDSO_PAIRS_KEYS where a function answers key-value pairs
 *   (riscv64's riscv_hwprobe: vdso/pairs.c)
 * arch/<name>/trace.h      what `vdso trace` (demo/vdso/trace*.c) needs:
 *   struct arch_regs (what PTRACE_GETREGS fills, or with ARCH_TRACE_REGSET
 *   PTRACE_GETREGSET's NT_PRSTATUS), arch_regs_pc, _set_pc, _sp, _result,
 *   _syscall, _arg, _return_address (in a register, or 0: on the stack);
 *   ARCH_TRACE_BREAKPOINT (its bytes), ARCH_TRACE_BREAK_SIZE,
 *   ARCH_TRACE_PC_REWIND; ARCH_TRACEES and arch_regs_tracee (the kinds of
 *   process it can trace); arch_trace_cannot_break (a function left out);
 *   arch_trace_emulate (a function's first instruction, run for the
 *   tracee); without single step, ARCH_TRACE_NO_SINGLESTEP and
 *   arch_trace_next_pc
 * arch/<name>/tracee.h     TRACEE_<NAME>: how a process of the arch calls
 *   its vDSO (arguments in registers or on the stack, word size, the
 *   system call numbers); another arch's trace.h may include it (x86_64
 *   traces i386 processes)
 * arch/<name>/decode.c     the four decoders below (every .c of the arch
 *                          folder goes into the runtime archive)
 *
 * The decoders read bytes the caller has checked lie in the image (or
 * were copied out of it); each reads at most `avail` bytes.
 */
#ifndef ARCH_HOOKS_H
#define ARCH_HOOKS_H

/* An arch with no gate (ARCH_HAS_GATE 0: every arch but i386) makes a
 * "gate" call as the raw system call; the entry is never used. */
#if !ARCH_HAS_GATE
static inline long arch_gate_syscall(void *entry, long nr, long a1, long a2,
				     long a3, long a4, long a5, long a6)
{
	(void)entry;
	return arch_syscall(nr, a1, a2, a3, a4, a5, a6);
}
#endif

/* Clocksources with no vDSO mode, by name: none named unless the arch
 * names them. */
#ifndef ARCH_CLOCKSOURCES_NO_VDSO
#define ARCH_CLOCKSOURCES_NO_VDSO ""
#endif

/* An entry of the vDSO's SysV hash table (DT_HASH): 4 bytes by the gABI,
 * 8 where the arch's ABI made it a doubleword (s390x). */
#ifndef ARCH_HASH_ENTRY
#define ARCH_HASH_ENTRY unsigned int
#endif

/* Where the bytes of the instruction at a code address are: the address
 * itself, but where its low bit says which instruction set (arm's Thumb). */
#ifndef ARCH_CODE_BYTES
#define ARCH_CODE_BYTES(at) (at)
#endif

#include <stddef.h>

/*
 * 1. The gate, as instructions (demo/gate.c): the length of the one at p
 * and its text as objdump writes it, or 0 if it is not one of the few
 * gates are made of.  *last: it ends the gate (a return).
 */
unsigned arch_gate_insn(const unsigned char *p, size_t avail, const char **text, int *last);
/*
 * The gate's form, decoded from its instructions: the one it enters the
 * kernel by (*insn, as objdump writes it) and a sentence saying which of
 * the arch's forms this is and why the kernel chose it; 0 if the bytes
 * are not a form known here (or the arch has no gate).
 */
const char *arch_gate_form(const unsigned char *p, size_t avail, const char **insn);

/*
 * 2. Does an instruction that enters the kernel (a system call) start at
 * one of the first `avail` bytes?  How the tour tells a vDSO function that
 * only makes the system call (QEMU's) from one that reads the data pages.
 */
int arch_has_syscall_insn(const unsigned char *p, size_t avail);   /* wholly within avail */

/*
 * 3. A sigreturn trampoline: the few instructions that load a system call
 * number and enter the kernel.  1 and *stub filled, or 0 when the bytes
 * are not such a sequence.
 */
#ifndef ARCH_STUB_BYTES
#define ARCH_STUB_BYTES 8       /* the bytes such a sequence may take (ppc64le: 12) */
#endif
struct arch_syscall_stub {
	unsigned long nr;       /* the system call number it loads */
	char load[48];          /* the instructions that load it, as objdump writes them */
	const char *enter;      /* the instruction that enters the kernel */
};
int arch_syscall_stub(const unsigned char *p, size_t avail, struct arch_syscall_stub *stub);

/*
 * 4. The walk from a vDSO function to its first data load (`vdso map`),
 * one instruction a call: the image is at `image` in memory (its first
 * byte is `size` bytes long), `at` is the instruction's address.  The walk
 * keeps what it learnt of the registers in *walk (zero it first).
 */
enum arch_step_kind {
	ARCH_STEP_UNKNOWN,      /* not an instruction this small decoder knows */
	ARCH_STEP_SYSCALL,      /* enters the kernel: the function loads no data */
	ARCH_STEP_RETURN,       /* returns before any data load */
	ARCH_STEP_CALL,         /* calls a function, before any data load */
	ARCH_STEP_INTO,         /* calls the image's own function at `value`, which
				 * the walk follows (s390x's __kernel_ wrappers) */
	ARCH_STEP_OWN_ADDRESS,  /* reg now holds the address `value` (its own code's) */
	ARCH_STEP_ADD,          /* reg += disp, and now holds `value` */
	ARCH_STEP_LOAD,         /* a data load at value + disp: through reg, or pc-relative */
	ARCH_STEP_OTHER,        /* an instruction with no data address */
};
struct arch_step {
	enum arch_step_kind kind;
	unsigned len;           /* bytes of the instruction */
	const char *reg;        /* the register, as objdump names it ("%ebx", "%rip") */
	int pc_relative;        /* LOAD: reg is the program counter: value is the next instruction */
	unsigned long value;    /* see the kinds */
	long disp;              /* ADD: what is added; LOAD: the displacement */
	const char *how;        /* LOAD, pc_relative: what the pc reads as, where
				 * not the next instruction; 0 otherwise (the
				 * caller zeroes it) */
	char text[80];          /* OWN_ADDRESS: how the register gets the address,
				 * in the arch's words ("auipc a3,0xffffe: a3
				 * takes the pc plus ..."); ADD: the instruction
				 * as the arch's objdump writes it ("addi
				 * a3,a3,-1494"); "" otherwise */
};
struct arch_walk {
	unsigned long value[16];
	unsigned char known[16];
};
void arch_data_step(struct arch_walk *walk, const unsigned char *image, size_t size,
		    unsigned long at, struct arch_step *step);

#endif
