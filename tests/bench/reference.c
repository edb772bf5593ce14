/*
 * tests/bench/reference.c - the peer for the resolve count: the algorithm
 * of the kernel's reference vDSO parser (tools/testing/selftests/vDSO/
 * parse_vdso.c), written here from its description, for `make bench`.
 *
 * Its init, from AT_SYSINFO_EHDR:
 *
 *   the ELF header's class must be the arch's own; the program headers
 *   give the first PT_LOAD (load offset = base + p_offset - p_vaddr) and
 *   PT_DYNAMIC (at base + p_offset); the dynamic entries up to DT_NULL
 *   give DT_STRTAB, DT_SYMTAB, DT_HASH, DT_GNU_HASH, DT_VERSYM and
 *   DT_VERDEF, each plus the load offset; versions count only with both
 *   DT_VERSYM and DT_VERDEF; a string table, a symbol table and a hash
 *   table are required; the hash table's header is read once (GNU
 *   preferred: its buckets after the bloom words, its chains indexed from
 *   symoffset).
 *
 * Its lookup, vdso_sym(version, name):
 *
 *   the ELF hash of the version; the GNU hash of the name and its chain
 *   (no bloom filter), or the SysV hash and its chain; each candidate
 *   must be STT_FUNC, STB_GLOBAL or STB_WEAK, defined, of that name
 *   (strcmp), and of that version: its versym index, the first Verdef
 *   that is not the base one with that index, its vd_hash and its first
 *   Verdaux's name; then load offset + st_value.
 *
 * It checks no offset, count or string against anything: the image is
 * trusted.  It reads the arch's own class only, and makes the lookups of
 * the arch's call table in its order, a second choice only where the
 * first is missing, as vdso/calls.c does.  Never linked into a program
 * of the project.
 */
#include <elf/elf.h>
#include <vdso/vdso.h>
#include "reference.h"

/* Elf64_T or Elf32_T, by the arch's class. */
#define REF_ELFW_(bits, T) Elf##bits##_##T
#define REF_ELFW__(bits, T) REF_ELFW_(bits, T)
#define REF(T) REF_ELFW__(ARCH_ELF_CLASS, T)

struct reference {
	int valid;
	uintptr_t load_offset;
	const char *strings;
	const REF(Sym) *symtab;
	const uint16_t *versym;
	const unsigned char *verdef;
	const uint32_t *gnu_hash;       /* 0: the SysV table serves */
	uint32_t nbucket;
	const uint32_t *bucket, *chain;
};

static int reference_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

static uint32_t reference_elf_hash(const char *s)
{
	uint32_t h = 0, g;

	while (*s) {
		h = (h << 4) + (unsigned char)*s++;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t reference_gnu_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void reference_init(struct reference *r, uintptr_t base)
{
	const REF(Ehdr) *eh = (const REF(Ehdr) *)base;
	const REF(Phdr) *ph;
	const REF(Dyn) *dyn = 0;
	const uint32_t *hash = 0;
	int found_load = 0;
	unsigned i;

	r->valid = 0;
	r->load_offset = base;
	if (eh->e_ident[EI_CLASS] != (ARCH_ELF_CLASS == 64 ? ELFCLASS64 : ELFCLASS32))
		return;
	ph = (const REF(Phdr) *)(base + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !found_load) {
			found_load = 1;
			r->load_offset = base + ph[i].p_offset - ph[i].p_vaddr;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const REF(Dyn) *)(base + ph[i].p_offset);
		}
	}
	if (!found_load || !dyn)
		return;
	r->strings = 0, r->symtab = 0, r->versym = 0, r->verdef = 0, r->gnu_hash = 0;
	for (i = 0; dyn[i].d_tag != DT_NULL; i++) {
		uintptr_t p = dyn[i].d_val + r->load_offset;

		switch (dyn[i].d_tag) {
		case DT_STRTAB: r->strings = (const char *)p; break;
		case DT_SYMTAB: r->symtab = (const REF(Sym) *)p; break;
		case DT_HASH: hash = (const uint32_t *)p; break;
		case DT_GNU_HASH: r->gnu_hash = (const uint32_t *)p; break;
		case DT_VERSYM: r->versym = (const uint16_t *)p; break;
		case DT_VERDEF: r->verdef = (const unsigned char *)p; break;
		}
	}
	if (!r->strings || !r->symtab || (!hash && !r->gnu_hash))
		return;
	if (!r->verdef)
		r->versym = 0;
	if (r->gnu_hash) {
		r->nbucket = r->gnu_hash[0];
		/* the bloom words, of the class's width, come first */
		r->bucket = r->gnu_hash + 4 + (ARCH_ELF_CLASS / 32) * r->gnu_hash[2];
		r->chain = r->bucket + r->nbucket - r->gnu_hash[1];
	} else {
		r->nbucket = hash[0];
		r->bucket = &hash[2];
		r->chain = &hash[r->nbucket + 2];
	}
	r->valid = 1;
}

static int reference_version_is(const struct reference *r, uint16_t ver,
				const char *name, uint32_t hash)
{
	const unsigned char *d = r->verdef;
	const Elf_Verdef *def;
	const Elf_Verdaux *aux;

	ver &= 0x7fff;
	for (;;) {
		def = (const Elf_Verdef *)d;
		if (!(def->vd_flags & VER_FLG_BASE) && (def->vd_ndx & 0x7fff) == ver)
			break;
		if (def->vd_next == 0)
			return 0;
		d += def->vd_next;
	}
	aux = (const Elf_Verdaux *)(d + def->vd_aux);
	return def->vd_hash == hash && reference_strcmp(name, r->strings + aux->vda_name) == 0;
}

static int reference_check(const struct reference *r, uint32_t i, const char *name,
			   const char *version, uint32_t ver_hash)
{
	const REF(Sym) *s = &r->symtab[i];

	if (ELF_ST_TYPE(s->st_info) != STT_FUNC)
		return 0;
	if (ELF_ST_BIND(s->st_info) != STB_GLOBAL && ELF_ST_BIND(s->st_info) != STB_WEAK)
		return 0;
	if (s->st_shndx == SHN_UNDEF)
		return 0;
	if (reference_strcmp(name, r->strings + s->st_name) != 0)
		return 0;
	return !r->versym || reference_version_is(r, r->versym[i], version, ver_hash);
}

static void *reference_sym(const struct reference *r, const char *version, const char *name)
{
	uint32_t ver_hash, h1, h2, i;

	if (!r->valid)
		return 0;
	ver_hash = reference_elf_hash(version);
	if (r->gnu_hash) {
		h1 = reference_gnu_hash(name);
		i = r->bucket[h1 % r->nbucket];
		if (i == 0)
			return 0;
		h1 |= 1;
		for (;; i++) {
			h2 = r->chain[i];
			if (h1 == (h2 | 1) && reference_check(r, i, name, version, ver_hash))
				return (void *)(r->load_offset + r->symtab[i].st_value);
			if (h2 & 1)
				return 0;
		}
	}
	for (i = r->bucket[reference_elf_hash(name) % r->nbucket]; i != 0; i = r->chain[i])
		if (reference_check(r, i, name, version, ver_hash))
			return (void *)(r->load_offset + r->symtab[i].st_value);
	return 0;
}

#define REFERENCE_FIRST(id, name, twin, symbol, version, time64) { VDSO_##id, symbol, version },
#define REFERENCE_OTHER(id, symbol, version, time64) { VDSO_##id, symbol, version },
static const struct {
	int id;
	const char *symbol, *version;
} reference_wanted[] = { ARCH_VDSO_CALLS(REFERENCE_FIRST, REFERENCE_OTHER) };

void reference_resolve(uintptr_t base, void *fn[VDSO_NCALLS], void (*opened)(void))
{
	struct reference r;
	unsigned i;

	for (i = 0; i < VDSO_NCALLS; i++)
		fn[i] = 0;
	reference_init(&r, base);
	opened();
	for (i = 0; i < sizeof reference_wanted / sizeof reference_wanted[0]; i++)
		if (!fn[reference_wanted[i].id] && reference_wanted[i].symbol)
			fn[reference_wanted[i].id] = reference_sym(&r, reference_wanted[i].version,
								   reference_wanted[i].symbol);
}
