/*
 * demo/vdso/readfile.c - `vdso read FILE`: the reader on the bytes of a file.
 *
 * The same reader (elf/) that opens the live image opens a file's bytes,
 * of either class on either arch (ELF_ACCEPT_ANY): a dump of a vDSO, or
 * any shared object.  It shows what the reader sees, in the order it reads
 * it: the ELF header, the program headers, the dynamic table (every tag
 * named, values as readelf -d gives them), the hash tables, the version
 * sections (as readelf -V lists them), the section headers (which the
 * reader does not need, but checks), and the symbols, in exactly the lines
 * `vdso syms` prints (demo/vdso/symtab.c), as readelf --dyn-syms -W.
 *
 * How the bytes are had:
 *  - a regular file named on the command line is mapped read-only, whatever
 *    its size: only the pages read are read, and no more address space is
 *    asked for than the file has.  A file that shrinks while mapped raises
 *    SIGBUS on the pages gone (mmap(2)): the handler below says so in one
 *    line;
 *  - standard input ("-", read from where it stands) and anything else (a
 *    pipe, a FIFO, a device) is read into memory that grows as it fills, up
 *    to READ_LIMIT;
 *  - a FIFO (mkfifo) is opened without waiting for a writer (O_NONBLOCK;
 *    fifo(7)): if a process writes to it, it is read as a pipe; if none
 *    does, the command does not wait for one: it says so and fails.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <elf/elf.h>
#include <asm/signal.h>
#include "commands.h"

#define READ_LIMIT ((size_t)64 << 20)   /* 64 MiB from a pipe; `vdso help` says so */

struct file_bytes {
	unsigned char *bytes;
	size_t size;
	int mapped;             /* mapped from the file (else read) */
	int fifo;               /* a FIFO named on the command line */
};

/* Read fd to its end into memory that doubles as it fills: the address
 * space asked for stays within twice what the pipe gave.  0 or -errno. */
static long read_pipe(long fd, struct file_bytes *f)
{
	size_t n = 0, cap = 0, want;
	long r = 0, buf = 0, bigger;

	for (;;) {
		if (n == cap) {
			if (cap > READ_LIMIT) {
				r = -EFBIG;
				break;
			}
			want = cap ? 2 * cap : 65536;
			if (want > READ_LIMIT + 1)
				want = READ_LIMIT + 1;  /* one more: to see "too big" */
			bigger = sys_mmap(0, want, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (sys_failed(bigger)) {
				r = bigger;
				break;
			}
			if (buf) {
				memcpy((void *)bigger, (void *)buf, n);
				sys_munmap((void *)buf, cap);
			}
			buf = bigger;
			cap = want;
		}
		r = sys_read((int)fd, (char *)buf + n, cap - n);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	if (r >= 0 && n > READ_LIMIT)
		r = -EFBIG;
	if (r < 0) {
		if (buf)
			sys_munmap((void *)buf, cap);
		return r;
	}
	f->bytes = (unsigned char *)buf;
	f->size = n;
	return 0;
}

/* Is the SIGBUS handler below in place?  Without it a file that shrinks
 * under its mapping would kill us silently: it is then read, not mapped. */
static int sigbus_caught;

/* The whole file; fd 0 for "-".  0 or -errno. */
static long load_file(const char *file, struct file_bytes *f)
{
	struct statx st;
	long fd = 0, r, map;

	f->bytes = 0;
	f->size = 0;
	f->mapped = f->fifo = 0;
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
	if (!str_eq(file, "-") &&
	    (fd = sys_openat(AT_FDCWD, file, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0)) < 0)
		return fd;
	r = sys_statx((int)fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, &st);
	if (r < 0)
		goto out;
	if (S_ISDIR(st.stx_mode)) {
		r = -EISDIR;    /* it opens, but reading it fails: say so first */
	} else if (S_ISREG(st.stx_mode) && fd > 0 && st.stx_size > (size_t)-1 / 2) {
		r = -EFBIG;     /* more than this address space holds */
	} else if (S_ISREG(st.stx_mode) && fd > 0 && st.stx_size > 0 && sigbus_caught) {
		map = sys_mmap(0, (size_t)st.stx_size, PROT_READ, MAP_PRIVATE, (int)fd, 0);
		if (sys_failed(map)) {
			r = map;
			goto out;
		}
		f->bytes = (unsigned char *)map;
		f->size = (size_t)st.stx_size;
		f->mapped = 1;
	} else {
		/* (a regular file of size 0 may still have bytes: /proc, /sys) */
		f->fifo = fd > 0 && S_ISFIFO(st.stx_mode);
		/* Reads wait for data again; with no writer, read() returns 0
		 * at once (pipe(7)): the command never waits for one. */
		if (fd > 0 && (r = sys_fcntl((int)fd, F_SETFL, O_RDONLY)) < 0)
			goto out;
		r = read_pipe(fd, f);
	}
out:
	if (fd > 0)
		sys_close((int)fd);
	return r;
}

/* A mapped file that shrinks under us: its pages past the new end raise
 * SIGBUS when read (mmap(2)).  One line, and the exit, from the handler:
 * `read` writes only to standard output until it fails, so the error
 * writer is free here. */
static const char *bus_file;

static void on_sigbus(int sig)
{
	(void)sig;
	report("read", bus_file, "SIGBUS", "the file shrank while it was read");
	sys_exit_group(1);
}

static void catch_sigbus(const char *file)
{
	struct kernel_sigaction act = {
		.handler = on_sigbus,
		.flags = SA_SIGINFO | SA_RESTORER,
		.restorer = arch_sigreturn,
	};

	bus_file = file;
	sigbus_caught = sys_rt_sigaction(SIGBUS, &act, 0) == 0;
}

/* ---- the ELF header and the program headers (gABI) -------------------------- */

/* The machines whose vDSOs this project meets, as readelf names them. */
static const char *machine_name(unsigned machine)
{
	static const struct { unsigned machine; const char *name; } names[] = {
		{ EM_386, " (Intel 80386)" }, { EM_X86_64, " (AMD x86-64)" },
		{ EM_ARM, " (ARM)" }, { EM_AARCH64, " (AArch64)" },
		{ EM_PPC, " (PowerPC)" }, { EM_PPC64, " (PowerPC64)" },
		{ EM_S390, " (IBM S/390)" }, { EM_RISCV, " (RISC-V)" },
		{ EM_MIPS, " (MIPS R3000)" },
	};
	unsigned i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].machine == machine)
			return names[i].name;
	return "";
}

static void print_header(struct out *o, const struct elf_image *img)
{
	struct elf_ehdr h;

	elf_ehdr(img, &h);
	out_str(o, "ELF header: ELF");
	out_udec(o, (unsigned)img->elf_class);
	out_str(o, img->big_endian ? " big-endian, machine " : " little-endian, machine ");
	out_udec(o, img->machine);
	out_str(o, machine_name(img->machine));
	out_str(o, ", type ");
	out_udec(o, h.type);
	out_str(o, h.type == ET_DYN ? " (DYN, shared object)" : "");
	out_str(o, ", entry 0x");
	out_hex(o, h.entry, 0);
	out_str(o, ", flags 0x");
	out_hex(o, h.flags, 0);
	out_char(o, '\n');
}

static const char *segment_name(unsigned type)
{
	static const char *const names[] = {
		"NULL", "LOAD", "DYNAMIC", "INTERP", "NOTE", "SHLIB", "PHDR", "TLS"
	};

	if (type < sizeof names / sizeof names[0])
		return names[type];
	switch (type) {         /* GNU extensions: binutils' include/elf/common.h */
	case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
	case PT_GNU_STACK: return "GNU_STACK";
	case PT_GNU_RELRO: return "GNU_RELRO";
	case PT_GNU_PROPERTY: return "GNU_PROPERTY";
	}
	return 0;
}

static int print_segments(struct out *o, const struct elf_image *img)
{
	struct elf_segment s;
	const char *name;
	int w = img->elf_class == 64 ? 16 : 8, r;
	unsigned i;

	out_str(o, "\nProgram headers: ");
	out_udec(o, img->phnum);
	out_str(o, " at offset 0x");
	out_hex(o, img->phoff, 0);
	out_str(o, "\n  Type           Offset   ");
	out_field(o, "VirtAddr", -w);
	out_str(o, "   FileSiz  MemSiz   Flg Align\n");
	for (i = 0; i < img->phnum; i++) {
		if ((r = elf_segment(img, i, &s)) < 0)
			return r;
		out_str(o, "  ");
		if ((name = segment_name(s.type))) {
			out_field(o, name, -14);
		} else {
			out_str(o, "0x");
			out_hex(o, s.type, 8);
			out_str(o, "   ");
		}
		out_str(o, " 0x");
		out_hex(o, s.offset, 6);
		out_str(o, " 0x");
		out_hex(o, s.vaddr, w);
		out_str(o, " 0x");
		out_hex(o, s.filesz, 6);
		out_str(o, " 0x");
		out_hex(o, s.memsz, 6);
		out_char(o, ' ');
		out_char(o, s.flags & 4 ? 'R' : ' ');   /* PF_R */
		out_char(o, s.flags & 2 ? 'W' : ' ');   /* PF_W */
		out_char(o, s.flags & 1 ? 'E' : ' ');   /* PF_X */
		out_str(o, " 0x");
		out_hex(o, s.align, 0);
		out_char(o, '\n');
	}
	return 0;
}

/* The hash tables, and the symbol count, with where it comes from. */
static void print_hash_tables(struct out *o, const struct elf_image *img)
{
	out_str(o, "\nHash tables:");
	out_str(o, img->gnu_hash ? " DT_GNU_HASH" : "");
	out_str(o, img->hash ? " DT_HASH" : "");
	out_str(o, img->gnu_hash || img->hash ? "" : " none (a linear scan finds symbols)");
	out_str(o, "; ");
	out_udec(o, img->nsyms);
	out_str(o, " dynamic symbols\n");
	if (img->hash_nsyms != img->nsyms) {
		out_str(o, "  the hash tables count ");
		out_udec(o, img->hash_nsyms);
		out_str(o, ", the .dynsym section ");
		out_udec(o, img->nsyms);
		out_str(o, ": all the section's are listed, as readelf does\n");
	}
}

/* ---- the section headers --------------------------------------------------- */

static const char *section_type(unsigned type)
{
	static const char *const names[] = {
		"NULL", "PROGBITS", "SYMTAB", "STRTAB", "RELA", "HASH", "DYNAMIC",
		"NOTE", "NOBITS", "REL", "SHLIB", "DYNSYM"
	};

	if (type < sizeof names / sizeof names[0])
		return names[type];
	switch (type) {         /* GNU extensions: binutils' include/elf/common.h */
	case SHT_GNU_HASH: return "GNU_HASH";
	case SHT_GNU_VERDEF: return "VERDEF";
	case SHT_GNU_VERNEED: return "VERNEED";
	case SHT_GNU_VERSYM: return "VERSYM";
	}
	return 0;
}

/* Section headers: where, how many, whether sane; then one line each.
 * Returns the problem, or NULL. */
static const char *print_sections(struct out *o, const struct elf_image *img)
{
	const char *problem = elf_sections_check(img);
	struct elf_section s;
	struct elf_ehdr h;
	unsigned i;

	elf_ehdr(img, &h);
	out_str(o, "\nSection headers: ");
	if (h.shnum == 0 && h.shoff == 0) {
		out_str(o, "none (a loader needs none)\n");
		return NULL;
	}
	out_udec(o, h.shnum);
	out_str(o, " at offset 0x");
	out_hex(o, h.shoff, 0);
	out_str(o, ", ");
	out_udec(o, h.shentsize);
	out_str(o, " bytes each, names in section ");
	out_udec(o, h.shstrndx);
	out_str(o, problem ? ": NOT SANE: " : ": sane, within the file's ");
	if (problem) {
		out_str(o, problem);
	} else {
		out_udec(o, img->size);
		out_str(o, " bytes");
	}
	out_char(o, '\n');
	for (i = 0; !problem && elf_section(img, i, &s) == 0; i++) {
		if (i == 0)
			continue;       /* reserved, all zero */
		out_str(o, "  [");
		out_udec_field(o, i, 2);
		out_str(o, "] ");
		print_name(o, s.name ? s.name : "?", -21);
		out_char(o, ' ');
		if (section_type(s.type)) {
			out_field(o, section_type(s.type), -8);
		} else {
			out_str(o, "0x");
			out_hex(o, s.type, 8);
		}
		out_str(o, " offset 0x");
		out_hex(o, s.offset, 0);
		out_str(o, ", size 0x");
		out_hex(o, s.size, 0);
		out_char(o, '\n');
	}
	return problem;
}

/*
 * The reader's reason, and, when the headers reach past the end of the
 * file (elf_extent, with pages of 1 byte), that the file was cut short.
 */
static int refused(const char *file, const void *bytes, size_t size, int err)
{
	size_t span = elf_extent(bytes, size, 1);
	char why[OUT_BUF_SIZE];         /* a writer into memory: never flushed */
	struct out o = { .fd = -1, .buf = why };

	if (span <= size)
		return reader_error("read", file, err);
	/* the message, and what the sizes say, as one DETAIL */
	out_printf(&o, "%s; cut short? the file has %lu bytes, its headers span %lu",
		   elf_strerror(err), (unsigned long)size, (unsigned long)span);
	why[o.len] = 0;                 /* under 200 bytes: o.len < OUT_BUF_SIZE */
	return report("read", file, elf_error_name(err), why);
}

/* ---- the command ------------------------------------------------------------- */

int cmd_read(int argc, char **argv)
{
	struct out *o = &out_stdout;
	struct elf_image img;
	struct file_bytes f;
	const char *file, *problem;
	unsigned cut;
	long r;
	int err;

	if (argc != 2)
		return usage_error("read", argc < 2 ? 0 : argv[2],
				   argc < 2 ? "which file?" : "one file only");
	file = argv[1];
	if (file[0] == '-' && file[1])  /* as dump: "./-x" names such a file */
		return usage_error("read", file, "unknown option");
	catch_sigbus(file);
	if ((r = load_file(file, &f)) == -EFBIG)
		return report("read", file, "EFBIG",
			      "File too large: over the 64 MiB limit of a pipe");
	if (r < 0)
		return file_error("read", file, r);
	if (f.size == 0) {
		if (f.fifo)
			return report("read", file, "ENODATA",
				      "nothing to read: no process writes to it");
		return report("read", file, "the file is empty", 0);
	}
	if ((err = elf_read_open(&img, f.bytes, f.size, ELF_ACCEPT_ANY, ELF_DYNSYM_COUNT)) < 0)
		return refused(file, f.bytes, f.size, err);

	out_str(o, "file: ");
	out_str(o, file);
	out_str(o, ", ");
	out_udec(o, f.size);
	out_str(o, f.mapped ? " bytes, mapped read-only\n" : " bytes, read\n");
	print_header(o, &img);
	if ((err = print_segments(o, &img)) < 0 ||
	    (err = print_dynamic(o, &img)) < 0)
		return reader_error("read", file, err);
	print_hash_tables(o, &img);
	if ((err = print_versions(o, &img)) < 0)
		return reader_error("read", file, err);
	problem = print_sections(o, &img);
	out_str(o, "\nSymbols (as readelf --dyn-syms -W");
	if ((cut = count_cut_names(&img)) != 0) {
		out_str(o, "; ");
		out_udec(o, cut);
		out_str(o, cut == 1 ? " name" : " names");
		out_str(o, " over 1024 bytes cut there and marked [...]");
	}
	out_str(o, "):\n");
	if ((err = print_symbols(o, &img)) < 0)
		return reader_error("read", file, err);
	if (problem)
		return report("read", file, "section headers", problem);
	return 0;
}
