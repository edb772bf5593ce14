/*
 * tests/bench/naive.c - the peer for the resolve count: a straightforward
 * vDSO parser that trusts the image, as most do.
 *
 * ELF header -> program headers (the first PT_LOAD gives the load bias,
 * PT_DYNAMIC the dynamic table) -> the dynamic entries give the string and
 * symbol tables, the hash tables and the version tables -> for each name:
 * its GNU hash (SysV when there is no GNU table), the chain, a type and
 * binding test, a string compare, and the version: the symbol's versym
 * index, the Verdef of that index, its vd_hash against the ELF hash of the
 * version asked for and its name.  No check of any offset, count or
 * string: a broken image crashes it or sends it anywhere.
 *
 * It reads the arch's own class only (Elf32 or Elf64, by ARCH_ELF_CLASS),
 * and does the lookups of the arch's call table (arch/<arch>/vdso_calls.h)
 * in its order, a second choice only where the first is missing, as
 * vdso/calls.c does.  Written for `make bench` only, never linked into a
 * program of the project.
 */
#include <elf/elf.h>
#include <vdso/vdso.h>
#include "naive.h"

/* Elf64_T or Elf32_T, by the arch's class. */
#define ELFW_(bits, T) Elf##bits##_##T
#define ELFW__(bits, T) ELFW_(bits, T)
#define W(T) ELFW__(ARCH_ELF_CLASS, T)

struct naive {
	uintptr_t bias;
	const char *strtab;
	const W(Sym) *symtab;
	const uint32_t *gnu_hash, *sysv_hash;
	const uint16_t *versym;
	const unsigned char *verdef;
};

static int naive_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

static uint32_t naive_gnu_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static uint32_t naive_elf_hash(const char *s)
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

static void naive_open(struct naive *n, uintptr_t base)
{
	const W(Ehdr) *eh = (const W(Ehdr) *)base;
	const W(Phdr) *ph = (const W(Phdr) *)(base + eh->e_phoff);
	const W(Dyn) *dyn = 0;
	int found_load = 0;
	unsigned i;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !found_load) {
			found_load = 1;
			n->bias = base + ph[i].p_offset - ph[i].p_vaddr;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const W(Dyn) *)(base + ph[i].p_offset);
		}
	}
	n->strtab = 0, n->symtab = 0, n->gnu_hash = n->sysv_hash = 0;
	n->versym = 0, n->verdef = 0;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		uintptr_t p = n->bias + dyn->d_val;

		switch (dyn->d_tag) {
		case DT_STRTAB: n->strtab = (const char *)p; break;
		case DT_SYMTAB: n->symtab = (const W(Sym) *)p; break;
		case DT_HASH: n->sysv_hash = (const uint32_t *)p; break;
		case DT_GNU_HASH: n->gnu_hash = (const uint32_t *)p; break;
		case DT_VERSYM: n->versym = (const uint16_t *)p; break;
		case DT_VERDEF: n->verdef = (const unsigned char *)p; break;
		}
	}
}

static int naive_version_is(const struct naive *n, unsigned i, const char *version)
{
	const unsigned char *d = n->verdef;
	const Elf_Verdef *vd;
	const Elf_Verdaux *aux;
	unsigned ndx;

	if (!n->versym || !n->verdef)
		return 1;
	ndx = n->versym[i] & 0x7fff;
	for (;;) {
		vd = (const Elf_Verdef *)d;
		if (!(vd->vd_flags & VER_FLG_BASE) && (vd->vd_ndx & 0x7fff) == ndx)
			break;
		if (vd->vd_next == 0)
			return 0;
		d += vd->vd_next;
	}
	aux = (const Elf_Verdaux *)(d + vd->vd_aux);
	return vd->vd_hash == naive_elf_hash(version) &&
	       naive_strcmp(n->strtab + aux->vda_name, version) == 0;
}

static int naive_match(const struct naive *n, unsigned i, const char *name,
		       const char *version)
{
	const W(Sym) *s = &n->symtab[i];
	unsigned type = ELF_ST_TYPE(s->st_info), bind = ELF_ST_BIND(s->st_info);

	return s->st_shndx != 0 && (type == STT_FUNC || type == STT_NOTYPE) &&
	       (bind == STB_GLOBAL || bind == STB_WEAK) &&
	       naive_strcmp(n->strtab + s->st_name, name) == 0 &&
	       naive_version_is(n, i, version);
}

static void *naive_lookup(const struct naive *n, const char *name, const char *version)
{
	const uint32_t *buckets, *chain;
	uint32_t h, i, c;

	if (n->gnu_hash) {
		const uint32_t *g = n->gnu_hash;

		h = naive_gnu_hash(name);
		buckets = (const uint32_t *)((const W(Addr) *)(g + 4) + g[2]);
		chain = buckets + g[0] - g[1];
		for (i = buckets[h % g[0]]; i != 0; i++) {
			c = chain[i];
			if ((c | 1) == (h | 1) && naive_match(n, i, name, version))
				return (void *)(n->bias + n->symtab[i].st_value);
			if (c & 1)
				break;
		}
		return 0;
	}
	h = naive_elf_hash(name);
	buckets = n->sysv_hash + 2;
	chain = buckets + n->sysv_hash[0];
	for (i = buckets[h % n->sysv_hash[0]]; i != 0; i = chain[i])
		if (naive_match(n, i, name, version))
			return (void *)(n->bias + n->symtab[i].st_value);
	return 0;
}

#define NAIVE_FIRST(id, name, twin, symbol, version, time64) { VDSO_##id, symbol, version },
#define NAIVE_OTHER(id, symbol, version, time64) { VDSO_##id, symbol, version },
static const struct {
	int id;
	const char *symbol, *version;
} naive_wanted[] = { ARCH_VDSO_CALLS(NAIVE_FIRST, NAIVE_OTHER) };

void naive_resolve(uintptr_t base, void *fn[VDSO_NCALLS], void (*opened)(void))
{
	struct naive n;
	unsigned i;

	for (i = 0; i < VDSO_NCALLS; i++)
		fn[i] = 0;
	naive_open(&n, base);
	opened();
	for (i = 0; i < sizeof naive_wanted / sizeof naive_wanted[0]; i++)
		if (!fn[naive_wanted[i].id] && naive_wanted[i].symbol)  /* NO_VDSO_SYMBOL: none */
			fn[naive_wanted[i].id] = naive_lookup(&n, naive_wanted[i].symbol,
							      naive_wanted[i].version);
}
