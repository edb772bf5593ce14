/*
 * demo/lookup.c - one symbol lookup in the vDSO, step by step, with the
 * real numbers of this process's image.
 *
 * Terms.  A hash table maps a name's hash to the symbols that may have
 * it; a bloom filter is a bit array that says "surely not here" for most
 * missing names without reading the table.  versym gives each symbol the
 * index of its version; Verdef names each index (LINUX_2.6), with vd_hash,
 * the ELF hash of that name.  symoffset: the first symbol the GNU table
 * covers (those below are local or undefined, never looked up).
 *
 * elf_open finds the tables (`vdso tour 3` shows them).  Then, for a name:
 *   1. its GNU hash, h = h * 33 + c from 5381;
 *   2. the bloom filter: one word, two bits (h and h >> shift); a clear
 *      bit means "surely not here", and most missing names stop there;
 *   3. the bucket h % nbuckets gives the first symbol of a chain; each
 *      chain word is a symbol's hash, its bit 0 replaced by "last";
 *   4. a matching hash is only a hint: the name is compared, then its
 *      version, versym[i] -> the Verdef of that index;
 *   5. the address is st_value + the load bias.
 * The older SysV table (DT_HASH) finds the same symbol by another hash.
 * From: the GNU hash section as binutils and glibc define it (no formal
 * standard); the gABI, "Hash Table"; the LSB, "Symbol Versioning".
 *
 * try: build/x86_64/vdso dump v.so && readelf -I -V --dyn-syms v.so; build/x86_64/vdso tour lookup
 * exercise: set name to symbols[1] in main: another bucket, another
 *   chain, and another picture; readelf -I v.so counts each chain's length.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <elf/readelf.h>       /* the traced lookup (elf/trace.c) */

#define FIRST(id, name, twin, symbol, version, time64) symbol,
static const char *const symbols[] = { ARCH_VDSO_CALLS(FIRST, VDSO_NOTHING) };
#define FIRST_VERSION(id, name, twin, symbol, version, time64) version,
static const char *const versions[] = { ARCH_VDSO_CALLS(FIRST_VERSION, VDSO_NOTHING) };
/* Names no vDSO exports, spelled as this arch's are: the prefix of the
 * table's first symbol ("__vdso_", or "__kernel_" on aarch64, ppc64le and
 * s390x), then a word.  Most stop at the bloom filter. */
static const char *const missing_words[] = { "nothing", "fork", "open", "exit" };

static const char *missing_name(const char *symbol, const char *word, char *buf, size_t size)
{
	size_t n = 2, len = strlen(word);       /* past the leading "__" */

	while (symbol[n] && symbol[n] != '_')
		n++;
	if (symbol[n] == '_')
		n++;
	if (n + len + 1 > size)
		return word;
	memcpy(buf, symbol, n);
	memcpy(buf + n, word, len + 1);
	return buf;
}

static struct out *o = &out_stdout;
static struct elf_image img;
static struct elf_gnu_table g;

int main(int argc, char **argv, char **envp)
{
	const char *name = symbols[0], *version = versions[0], *why;
	const unsigned char *bytes;
	struct elf_sysv_table t;
	struct elf_verdef vd;
	struct elf_gnu_start st;
	struct elf_sym s, r;
	uint32_t h, i, word = 0, k;
	size_t size;
	char buf[48];
	int err, next;

	(void)argc, (void)argv, (void)envp;
	if (vdso_find(&bytes, &size, &why) < 0)
		return out_printf(o, "no vDSO here: %s\n", why), out_flush(o) < 0;
	if ((err = elf_open(&img, bytes, size, ELF_ACCEPT(ARCH_ELF_CLASS, ARCH_ELF_MACHINE))) < 0 ||
	    (err = elf_gnu_table(&img, &g)) < 0 || (err = elf_sysv_table(&img, &t)) < 0)
		return out_printf(o, "the vDSO at 0x%lx: %s\n", (unsigned long)bytes, elf_strerror(err)), out_flush(o) < 0;
	out_printf(o, "lookup of %s@%s in the vDSO at 0x%lx\n", name, version, (unsigned long)bytes);
	out_printf(o, "GNU hash table at offset 0x%lx: %u buckets, symoffset %u, %u bloom word(s) of %u bits, shift %u\n",
		   (unsigned long)img.gnu_hash, g.nbuckets, g.symoffset, g.bloom_size, g.bloom_bits, g.bloom_shift);
	elf_gnu_first(&img, &g, name, &st);     /* the walk, a step a call: elf/trace.c */
	out_printf(o, "hash:  GNU hash of \"%s\" = 0x%x\n", name, h = st.hash);
	vdso_show_bloom(o, &g, &st);
	out_str(o, st.maybe ? "" : "       a clear bit: not here\n");
	out_printf(o, "bucket: h %% %u = %u -> symbol %u\n", g.nbuckets, st.bucket, st.first);
	for (i = st.first, next = ELF_GNU_GO_ON; i && next == ELF_GNU_GO_ON; i++) {
		if ((next = elf_gnu_step(&img, &g, name, h, i, &word, &s)) < 0)
			break;
		/* the chain array starts at symbol symoffset */
		out_printf(o, "symbol %u: chain[%u - %u = %u] = 0x%08x, last %u: ", i, i, g.symoffset,
			   i - g.symoffset, word, word & 1);
		if ((word | 1) != (h | 1))              /* bit 0 is the end bit */
			out_printf(o, "hash differs (%s)\n", s.name);
		else
			out_printf(o, "hash matches; name \"%s\": %s\n", s.name, next == ELF_GNU_FOUND ? "equal" : "differs");
	}
	if (next != ELF_GNU_FOUND)
		return out_str(o, "not found\n"), out_flush(o) < 0;
	vdso_draw_gnu_table(o, &img, &g, &st, s.index);  /* vdso/hash_picture.c */
	if (elf_verdef_of(&img, s.version_index, &vd) < 0)
		vd.name = "(none)", vd.hash = 0;
	out_printf(o, "version: versym[%u] = %u -> Verdef %u: \"%s\", vd_hash 0x%x, ELF hash of the name 0x%x\n",
		   s.index, s.version_index | (unsigned)s.version_hidden << 15, s.version_index,
		   vd.name, vd.hash, elf_sysv_hash(vd.name));
	out_printf(o, "address: st_value 0x%llx + load bias 0x%lx = 0x%lx\n",
		   (unsigned long long)s.value, (unsigned long)img.bias, (unsigned long)s.addr);
	if (elf_lookup(&img, name, version, &r) == 0)   /* the reader's own walk */
		out_printf(o, "elf_lookup says: 0x%lx (%s)\n", (unsigned long)r.addr, r.addr == s.addr ? "the same" : "DIFFERENT");

	for (k = 0, st.maybe = 1; k < sizeof missing_words / sizeof missing_words[0] && st.maybe; k++) {
		const char *missing = missing_name(name, missing_words[k], buf, sizeof buf);

		elf_gnu_first(&img, &g, missing, &st);
		out_printf(o, "\nmissing: GNU hash of \"%s\" = 0x%x\n", missing, st.hash);
		vdso_show_bloom(o, &g, &st);
		out_str(o, st.maybe ? "       both set: a false positive, try the next name\n"
			: "       a clear bit: not here, and no bucket was read\n");
	}

	out_printf(o, "\nSysV hash table at offset 0x%lx: %u buckets, %u symbols\n",
		   (unsigned long)img.hash, t.nbucket, t.nchain);
	out_printf(o, "hash:  ELF hash of \"%s\" = 0x%x\n", name, h = elf_sysv_hash(name));
	elf_sysv_bucket(&img, &t, h % t.nbucket, &i);
	out_printf(o, "bucket: h %% %u = %u -> symbol %u\n", t.nbucket, h % t.nbucket, i);
	for (k = 0; i != 0 && k < t.nchain && elf_symbol(&img, i, &r) == 0; k++) {
		out_printf(o, "symbol %u \"%s\": %s", i, r.name, str_eq(r.name, name) ? "found, the same symbol\n" : "");
		if (str_eq(r.name, name) || elf_sysv_chain(&img, &t, i, &i) < 0)
			break;
		out_printf(o, "not it; chain[%u] -> %u\n", r.index, i);
	}
	return out_flush(o) < 0;
}
