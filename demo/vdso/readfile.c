/*
 * demo/vdso/readfile.c - `vdso read FILE`: the reader on the bytes of a file.
 *
 * The same reader (elf/) that opens the live image opens a file's bytes,
 * of either class on either arch (ELF_ANY_CLASS): a dump of a vDSO, or
 * any small shared object.  It shows what the reader sees, in the order
 * it reads it: the ELF header, the program headers, the dynamic table,
 * the hash tables, the version definitions, the section headers (which
 * the reader does not need, but checks), and the symbols, in exactly the
 * lines `vdso syms` prints (demo/vdso/symtab.c).
 *
 * The file is read whole into anonymous memory rather than mapped: a
 * mapped file that shrinks under us raises SIGBUS (mmap(2)), a copy does
 * not.  Files over READ_LIMIT are refused; a vDSO is a few pages.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

#define READ_LIMIT ((size_t)64 << 20)   /* 64 MiB; `vdso help` says so */

/* The whole file, up to READ_LIMIT; fd 0 for "-".  0 or -errno. */
static long read_whole(const char *file, unsigned char **bytes, size_t *size)
{
	size_t n = 0, cap = READ_LIMIT + 1;     /* one more: to see "too big" */
	struct statx st;
	long fd = 0, r, buf;

	if (!str_eq(file, "-") && (fd = sys_openat(AT_FDCWD, file, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return fd;
	/* A directory opens, but reading it fails (EISDIR): say so first.  A
	 * regular file's size is known: refuse a big one before reading it. */
	r = sys_statx((int)fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, &st);
	if (r == 0 && S_ISDIR(st.stx_mode))
		r = -EISDIR;
	else if (r == 0 && S_ISREG(st.stx_mode) && st.stx_size > READ_LIMIT)
		r = -EFBIG;
	if (r < 0)
		goto out;
	/* MAP_NORESERVE: only the pages the file fills take memory. */
	buf = sys_mmap(0, cap, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (sys_failed(buf)) {
		r = buf;
		goto out;
	}
	while (n < cap) {
		r = sys_read((int)fd, (char *)buf + n, cap - n);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	if (r >= 0 && n > READ_LIMIT)
		r = -EFBIG;     /* it grew, or it is no regular file */
	if (r < 0) {
		sys_munmap((void *)buf, cap);
		goto out;
	}
	*bytes = (unsigned char *)buf;
	*size = n;
	r = 0;
out:
	if (fd > 0)
		sys_close((int)fd);
	return r;
}

/* ---- the ELF header and the program headers (gABI) -------------------------- */

static void print_header(struct out *o, const struct elf_image *img)
{
	struct elf_ehdr h;

	elf_ehdr(img, &h);
	out_str(o, "ELF header: ELF");
	out_udec(o, (unsigned)img->elf_class);
	out_str(o, " little-endian, machine ");
	out_udec(o, img->machine);
	out_str(o, img->machine == 3 ? " (Intel 80386)" : img->machine == 62 ? " (AMD x86-64)" : "");
	out_str(o, ", type ");
	out_udec(o, h.type);
	out_str(o, h.type == 3 ? " (DYN, shared object)" : "");
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
	case 0x6474e550: return "GNU_EH_FRAME";
	case 0x6474e551: return "GNU_STACK";
	case 0x6474e552: return "GNU_RELRO";
	case 0x6474e553: return "GNU_PROPERTY";
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

/* ---- the dynamic table, the hash tables, the versions ---------------------- */

/* The tags shown by name (gABI "Dynamic Section"; GNU and LSB extensions);
 * used: the reader reads it; val: d_val, shown in decimal. */
static const struct tag {
	int64_t tag;
	const char *name;
	char used, val;
} tags[] = {
	{ 0, "NULL", 1, 0 }, { 1, "NEEDED", 0, 1 }, { 4, "HASH", 1, 0 },
	{ 5, "STRTAB", 1, 0 }, { 6, "SYMTAB", 1, 0 }, { 7, "RELA", 0, 0 },
	{ 8, "RELASZ", 0, 1 }, { 9, "RELAENT", 0, 1 }, { 10, "STRSZ", 1, 1 },
	{ 11, "SYMENT", 1, 1 }, { 14, "SONAME", 1, 1 }, { 15, "RPATH", 0, 1 },
	{ 16, "SYMBOLIC", 0, 0 }, { 17, "REL", 0, 0 }, { 18, "RELSZ", 0, 1 },
	{ 19, "RELENT", 0, 1 }, { 24, "BIND_NOW", 0, 0 }, { 29, "RUNPATH", 0, 1 },
	{ 30, "FLAGS", 0, 0 },
	{ 0x6ffffef5, "GNU_HASH", 1, 0 }, { 0x6ffffff0, "VERSYM", 1, 0 },
	{ 0x6ffffff9, "RELACOUNT", 0, 1 }, { 0x6ffffffa, "RELCOUNT", 0, 1 },
	{ 0x6ffffffb, "FLAGS_1", 0, 0 }, { 0x6ffffffc, "VERDEF", 1, 0 },
	{ 0x6ffffffd, "VERDEFNUM", 1, 1 }, { 0x6ffffffe, "VERNEED", 0, 0 },
	{ 0x6fffffff, "VERNEEDNUM", 0, 1 },
};

static int print_dynamic(struct out *o, const struct elf_image *img)
{
	const struct tag *t;
	struct elf_dynamic d;
	const char *soname = elf_soname(img);
	unsigned i, k;
	int r;

	out_str(o, "\nDynamic table: ");
	out_udec(o, img->dynnum);
	out_str(o, " entries at offset 0x");
	out_hex(o, img->dynamic, 0);
	out_str(o, " (* the reader uses it)\n");
	for (i = 0; i < img->dynnum; i++) {
		if ((r = elf_dynamic(img, i, &d)) < 0)
			return r;
		for (t = 0, k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (tags[k].tag == d.tag)
				t = &tags[k];
		out_str(o, t && t->used ? "  * " : "    ");
		if (t) {
			out_field(o, t->name, -11);
		} else {
			out_str(o, "0x");
			out_hex(o, (uint64_t)d.tag, 8);
			out_char(o, ' ');
		}
		if (t && t->val)
			out_udec(o, d.value);
		else {
			out_str(o, "0x");
			out_hex(o, d.value, 0);
		}
		if (t && d.tag == 14 && soname) {       /* DT_SONAME */
			out_str(o, " (");
			print_name(o, soname, 0);
			out_char(o, ')');
		}
		out_char(o, '\n');
	}
	out_str(o, "\nHash tables:");
	out_str(o, img->gnu_hash ? " DT_GNU_HASH" : "");
	out_str(o, img->hash ? " DT_HASH" : "");
	out_str(o, img->gnu_hash || img->hash ? "" : " none (a linear scan finds symbols)");
	out_str(o, "; ");
	out_udec(o, img->nsyms);
	out_str(o, " dynamic symbols\n");
	return 0;
}

/* Flags as readelf -V shows them (binutils' readelf.c, get_ver_flags). */
static void print_version_flags(struct out *o, unsigned flags)
{
	if (flags == 0)
		out_str(o, "none");
	else if (flags & ~7u) {
		out_str(o, "0x");
		out_hex(o, flags, 0);
	} else {
		out_str(o, flags & 1 ? "BASE" : "");            /* VER_FLG_BASE */
		out_str(o, (flags & 1) && (flags & 6) ? " | " : "");
		out_str(o, flags & 2 ? "WEAK" : "");            /* VER_FLG_WEAK */
		out_str(o, (flags & 2) && (flags & 4) ? " | " : "");
		out_str(o, flags & 4 ? "INFO" : "");            /* VER_FLG_INFO */
	}
}

static int print_versions(struct out *o, const struct elf_image *img)
{
	struct elf_verdef v;
	unsigned i;
	int r;

	out_str(o, "\nVersion definitions: ");
	out_udec(o, img->verdefnum);
	out_str(o, img->verdefnum ? " (LSB \"Symbol Versioning\")\n" : "\n");
	for (i = 0; i < img->verdefnum; i++) {
		if ((r = elf_verdef(img, i, &v)) < 0)
			return r;
		out_str(o, "  Flags: ");
		print_version_flags(o, v.flags);
		out_str(o, "  Index: ");
		out_udec(o, v.index);
		out_str(o, "  Cnt: ");
		out_udec(o, v.count);
		out_str(o, "  Name: ");
		print_name(o, v.name, 0);
		out_char(o, '\n');
	}
	return 0;
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
	case 0x6ffffff6: return "GNU_HASH";
	case 0x6ffffffd: return "VERDEF";
	case 0x6ffffffe: return "VERNEED";
	case 0x6fffffff: return "VERSYM";
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
	struct out *e = &out_stderr;

	out_str(e, "vdso: read: ");
	out_str(e, file);
	out_str(e, ": ");
	out_str(e, elf_strerror(err));
	if (span > size) {
		out_str(e, " (cut short? the file has ");
		out_udec(e, size);
		out_str(e, " bytes, its headers span ");
		out_udec(e, span);
		out_char(e, ')');
	}
	out_char(e, '\n');
	return 1;
}

/* ---- the command ------------------------------------------------------------- */

int cmd_read(int argc, char **argv)
{
	struct out *o = &out_stdout;
	struct elf_image img;
	unsigned char *bytes;
	const char *file, *problem;
	size_t size;
	long r;
	int err;

	if (argc != 2)
		return usage_error("read", argc < 2 ? 0 : argv[2],
				   argc < 2 ? "which file?" : "one file only");
	file = argv[1];
	if ((r = read_whole(file, &bytes, &size)) == -EFBIG) {
		return report("read", file, "EFBIG", "File too large: over the 64 MiB limit");
	}
	if (r < 0)
		return file_error("read", file, r);
	if (size == 0) {
		return report("read", file, "the file is empty", 0);
	}
	if ((err = elf_open(&img, bytes, size, ELF_ANY_CLASS)) < 0)
		return refused(file, bytes, size, err);

	out_str(o, "file: ");
	out_str(o, file);
	out_str(o, ", ");
	out_udec(o, size);
	out_str(o, " bytes\n");
	print_header(o, &img);
	if ((err = print_segments(o, &img)) < 0 ||
	    (err = print_dynamic(o, &img)) < 0 ||
	    (err = print_versions(o, &img)) < 0)
		return reader_error("read", file, err);
	problem = print_sections(o, &img);
	out_str(o, "\nSymbols (as readelf --dyn-syms -W):\n");
	if ((err = print_symbols(o, &img)) < 0)
		return reader_error("read", file, err);
	if (problem)
		return report("read", file, "section headers", problem);
	return 0;
}
