#!/usr/bin/env python3
"""tests/fuzz/make_hostile.py - hand-made hostile images, each named for
what it breaks.

    make_hostile.py OUTDIR [--at ADDRESS]... IMAGE...
    make_hostile.py OUTDIR --synthetic

For each IMAGE (a shared object of either ELF class: a fixture or a dumped
vDSO) writes OUTDIR/<image>--<what>.so, one file per way of breaking it:

    truncated at every header boundary   trunc-*
    offsets and sizes past the end, or   *-past-end, *-wrap
      wrapping around
    hash tables with huge or zero        hash-nbucket-*, gnu-nbuckets-*, ...
      bucket counts
    hash chains that loop or never end   hash-chain-*, gnu-chain-no-end
    a Verdef list that loops back        verdef-next-*
    a Verneed list that loops back, or   verneed-*, vernaux-*
      whose offsets run out of range
    version indexes past the list        versym-*
    strings without a terminator         strtab-*, name-unterminated
    a dynamic table with no DT_NULL      dynamic-no-null

A way that does not apply to an image (no GNU hash table, no versions) is
left out for it.  With --at, also a copy of each image relocated in place
as glibc relocates a library, for a reader that reads it at ADDRESS (not
hostile: it leads the fuzzer to elf/address.c's run-time readings).  The reader (elf/) must refuse each with an error or read
it within its bytes: tests/60-robust.t runs them through the sanitized
reader and through `vdso read`, and tests/fuzz/run.sh seeds the fuzzer
with them.  Layouts: the gABI ("ELF Header", "Program Header", "Dynamic
Section", "Hash Table"), the LSB ("Symbol Versioning") and binutils for
DT_GNU_HASH.

--synthetic writes instead big images made from nothing (SYNTHETIC below),
each a few megabytes, that take the reader, or `vdso read`, hours if a walk
is not bounded well enough or a name is printed whole.
"""
import os
import struct
import sys

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_HASH, DT_STRTAB, DT_SYMTAB, DT_STRSZ, DT_SONAME = 0, 4, 5, 6, 10, 14
DT_DEBUG = 21
DT_GNU_HASH, DT_VERSYM, DT_VERDEF, DT_VERDEFNUM = 0x6ffffef5, 0x6ffffff0, 0x6ffffffc, 0x6ffffffd
DT_VERNEED, DT_VERNEEDNUM = 0x6ffffffe, 0x6fffffff


class Elf:
    """An image as a bytearray, with the offsets of what matters in it."""

    def __init__(self, data):
        self.b = bytearray(data)
        if self.b[:4] != b'\x7fELF' or self.b[5] != 1:
            raise ValueError('not a little-endian ELF file')
        self.is64 = self.b[4] == 2
        self.w = 8 if self.is64 else 4          # an address, offset or size
        self.word = 'Q' if self.is64 else 'I'
        if self.is64:
            (self.phoff, self.shoff) = struct.unpack_from('<QQ', self.b, 32)
            self.ehsize = 64
            self.phent, self.phnum, self.shent, self.shnum = struct.unpack_from('<HHHH', self.b, 54)
        else:
            (self.phoff, self.shoff) = struct.unpack_from('<II', self.b, 28)
            self.ehsize = 52
            self.phent, self.phnum, self.shent, self.shnum = struct.unpack_from('<HHHH', self.b, 42)
        self.dyn = {}                           # tag -> (entry offset, value)
        self.dynoff = self.dynsize = None
        for i in range(self.phnum):
            t, off, vaddr, filesz = self.phdr(i)
            if t == PT_DYNAMIC and self.dynoff is None:
                self.dynoff, self.dynsize = off, filesz
        esize = 2 * self.w
        for at in range(self.dynoff, self.dynoff + self.dynsize, esize):
            tag, val = struct.unpack_from('<' + ('qQ' if self.is64 else 'iI'), self.b, at)
            if tag == DT_NULL:
                self.dynnull = at
                break
            self.dyn[tag] = (at, val)

    # ---- reading and writing fields ----
    def get(self, off, fmt):
        return struct.unpack_from('<' + fmt, self.b, off)[0]

    def put(self, off, fmt, v):
        struct.pack_into('<' + fmt, self.b, off, v)

    def put_word(self, off, v):
        self.put(off, self.word, v & (2 ** (8 * self.w) - 1))

    # ---- program headers ----
    def phdr_at(self, i):
        return self.phoff + i * self.phent

    def phdr(self, i):
        p = self.phdr_at(i)
        t = self.get(p, 'I')
        if self.is64:
            off, vaddr = struct.unpack_from('<QQ', self.b, p + 8)
            filesz = self.get(p + 32, 'Q')
        else:
            off, vaddr = struct.unpack_from('<II', self.b, p + 4)
            filesz = self.get(p + 16, 'I')
        return t, off, vaddr, filesz

    def phdr_field(self, i, name):
        """The offset of a field of program header i."""
        o64 = {'offset': 8, 'vaddr': 16, 'filesz': 32, 'memsz': 40}
        o32 = {'offset': 4, 'vaddr': 8, 'filesz': 16, 'memsz': 20}
        return self.phdr_at(i) + (o64 if self.is64 else o32)[name]

    def first(self, ptype):
        for i in range(self.phnum):
            if self.phdr(i)[0] == ptype:
                return i
        return None

    def to_offset(self, vaddr):
        for i in range(self.phnum):
            t, off, va, filesz = self.phdr(i)
            if t == PT_LOAD and va <= vaddr < va + filesz:
                return off + vaddr - va
        raise ValueError('address 0x%x outside the PT_LOADs' % vaddr)

    # ---- the dynamic table ----
    def has(self, tag):
        return tag in self.dyn

    def table(self, tag):
        """The file offset of the table a d_ptr entry names."""
        return self.to_offset(self.dyn[tag][1])

    def set_dyn(self, tag, value):
        self.put_word(self.dyn[tag][0] + self.w, value)

    def e_field(self, name):
        o64 = {'phoff': 32, 'shoff': 40, 'phentsize': 54, 'phnum': 56,
               'shentsize': 58, 'shnum': 60, 'shstrndx': 62}
        o32 = {'phoff': 28, 'shoff': 32, 'phentsize': 42, 'phnum': 44,
               'shentsize': 46, 'shnum': 48, 'shstrndx': 50}
        return (o64 if self.is64 else o32)[name]

    def sym_size(self):
        return 24 if self.is64 else 16

    def nsyms(self):
        """The symbol count: DT_HASH's nchain, else the .dynsym section's size."""
        if self.has(DT_HASH):
            return self.get(self.table(DT_HASH) + 4, 'I')
        if self.shnum and self.shoff + self.shnum * self.shent <= len(self.b):
            for i in range(self.shnum):
                s = self.shoff + i * self.shent
                if self.get(s + 4, 'I') == 11:          # SHT_DYNSYM
                    size = self.get(s + (32 if self.is64 else 20), self.word)
                    return size // self.sym_size()
        return None


# ---------------------------------------------------------------------------
# The hostile variants.  Each function takes a fresh Elf and returns the
# bytes to write, or None when the image has nothing it could break.

WRAP = 2 ** 64 - 8      # an offset that wraps any sum back to small numbers
WRAP32 = 2 ** 32 - 8


def truncations(e):
    """The image cut at each header boundary (and one byte short of it)."""
    cuts = {
        'trunc-ident': 15,
        'trunc-ehdr': e.ehsize - 1,
        'trunc-phdr-first': e.phoff + e.phent // 2,
        'trunc-phdrs': e.phoff + e.phnum * e.phent - 1,
        'trunc-dynamic-null': e.dynnull + 2 * e.w - 1,
        'trunc-dynamic-half': e.dynoff + (e.dynnull - e.dynoff) // 2,
    }
    t, off, va, filesz = e.phdr(e.first(PT_LOAD))
    cuts['trunc-load'] = off + filesz - 1
    for tag, name in ((DT_STRTAB, 'strtab'), (DT_SYMTAB, 'symtab'), (DT_HASH, 'hash'),
                      (DT_GNU_HASH, 'gnu-hash'), (DT_VERSYM, 'versym'), (DT_VERDEF, 'verdef')):
        if e.has(tag):
            cuts['trunc-' + name + '-start'] = e.table(tag) + 1
    if e.has(DT_STRTAB):
        cuts['trunc-strtab-end'] = e.table(DT_STRTAB) + e.dyn[DT_STRSZ][1] - 1
    if e.shnum:
        cuts['trunc-shdrs'] = e.shoff + e.shnum * e.shent - 1
    return {k: bytes(e.b[:v]) for k, v in cuts.items() if 0 < v < len(e.b)}


def v_phoff_past_end(e):
    e.put_word(e.e_field('phoff'), len(e.b))
    return e.b


def v_phoff_wrap(e):
    e.put_word(e.e_field('phoff'), WRAP)
    return e.b


def v_phnum_huge(e):
    e.put(e.e_field('phnum'), 'H', 0xfffe)
    return e.b


def v_shoff_wrap(e):
    e.put_word(e.e_field('shoff'), WRAP)
    return e.b


def v_shnum_huge(e):
    e.put(e.e_field('shnum'), 'H', 0xfffe)
    return e.b


def v_shstrndx_past(e):
    if not e.shnum:
        return None
    e.put(e.e_field('shstrndx'), 'H', e.shnum + 5)
    return e.b


def v_sections_wrap(e):
    """Every section's offset and size wrapping past the end."""
    if not e.shnum or e.shoff + e.shnum * e.shent > len(e.b):
        return None
    for i in range(1, e.shnum):
        s = e.shoff + i * e.shent
        if e.is64:
            e.put(s + 24, 'Q', WRAP)
            e.put(s + 32, 'Q', 16)
        else:
            e.put(s + 16, 'I', WRAP32)
            e.put(s + 20, 'I', 16)
    return e.b


def v_load_offset_past_end(e):
    e.put_word(e.phdr_field(e.first(PT_LOAD), 'offset'), len(e.b) + 4096)
    return e.b


def v_load_filesz_wrap(e):
    """p_offset + p_filesz wraps around to 16."""
    i = e.first(PT_LOAD)
    off = 4096
    e.put_word(e.phdr_field(i, 'offset'), off)
    e.put_word(e.phdr_field(i, 'filesz'), (2 ** (8 * e.w)) - off + 16)
    e.put_word(e.phdr_field(i, 'memsz'), (2 ** (8 * e.w)) - 1)
    return e.b


def v_load_vaddr_wrap(e):
    """The first PT_LOAD linked at the top of the address space."""
    i = e.first(PT_LOAD)
    e.put_word(e.phdr_field(i, 'vaddr'), WRAP)
    return e.b


def v_dynamic_past_end(e):
    e.put_word(e.phdr_field(e.first(PT_DYNAMIC), 'offset'), len(e.b) - e.w)
    return e.b


def v_dynamic_wrap(e):
    i = e.first(PT_DYNAMIC)
    e.put_word(e.phdr_field(i, 'offset'), WRAP)
    e.put_word(e.phdr_field(i, 'filesz'), 64)
    return e.b


def v_dynamic_no_null(e):
    """Every DT_NULL (the end and the padding) made DT_DEBUG: the table runs
    to the end of its segment without an end."""
    esize = 2 * e.w
    for at in range(e.dynoff, e.dynoff + e.dynsize - esize + 1, esize):
        tag = e.get(at, 'q' if e.is64 else 'i')
        if tag == DT_NULL:
            e.put_word(at, DT_DEBUG)
    return e.b


def v_dynamic_filesz_huge(e):
    e.put_word(e.phdr_field(e.first(PT_DYNAMIC), 'filesz'), 2 ** (8 * e.w) - 1)
    return e.b


def v_strsz_huge(e):
    e.set_dyn(DT_STRSZ, 2 ** (8 * e.w) - 1)
    return e.b


def v_strsz_past_end(e):
    e.set_dyn(DT_STRSZ, len(e.b) - e.table(DT_STRTAB) + 1)
    return e.b


def v_strtab_wrap(e):
    e.set_dyn(DT_STRTAB, 2 ** (8 * e.w) - 1)
    return e.b


def v_strtab_unterminated(e):
    """The string table's last byte is not NUL: its last string never ends."""
    end = e.table(DT_STRTAB) + e.dyn[DT_STRSZ][1]
    e.b[end - 1] = ord('A')
    return e.b


def v_strsz_cut(e):
    """DT_STRSZ one byte short: the last string runs past the table."""
    e.set_dyn(DT_STRSZ, e.dyn[DT_STRSZ][1] - 1)
    return e.b


def v_name_unterminated(e):
    """Every symbol's st_name at the last byte of the table, made non-NUL."""
    strtab, strsz = e.table(DT_STRTAB), e.dyn[DT_STRSZ][1]
    e.b[strtab + strsz - 1] = ord('B')
    n = e.nsyms() or 4
    sym = e.table(DT_SYMTAB)
    for i in range(1, n):
        if sym + (i + 1) * e.sym_size() <= len(e.b):
            e.put(sym + i * e.sym_size(), 'I', strsz - 1)
    return e.b


def v_names_past_table(e):
    strsz = e.dyn[DT_STRSZ][1]
    n = e.nsyms() or 4
    sym = e.table(DT_SYMTAB)
    for i in range(1, n):
        if sym + (i + 1) * e.sym_size() <= len(e.b):
            e.put(sym + i * e.sym_size(), 'I', 0xffffffff - i if i % 2 else strsz + i)
    return e.b


def v_soname_past(e):
    if not e.has(DT_SONAME):
        return None
    e.set_dyn(DT_SONAME, e.dyn[DT_STRSZ][1] + 3)
    return e.b


def v_soname_wrap(e):
    if not e.has(DT_SONAME):
        return None
    e.set_dyn(DT_SONAME, 2 ** (8 * e.w) - 1)
    return e.b


def v_symtab_past_end(e):
    e.set_dyn(DT_SYMTAB, 2 ** (8 * e.w) - 16)
    return e.b


# ---- SysV hash ----

def sysv(f):
    def g(e):
        return f(e, e.table(DT_HASH)) if e.has(DT_HASH) else None
    g.__name__ = f.__name__
    return g


@sysv
def v_hash_nbucket_zero(e, h):
    e.put(h, 'I', 0)
    return e.b


@sysv
def v_hash_nbucket_huge(e, h):
    e.put(h, 'I', 0xffffffff)
    return e.b


@sysv
def v_hash_nchain_huge(e, h):
    e.put(h + 4, 'I', 0xffffffff)
    return e.b


@sysv
def v_hash_nchain_wrap(e, h):
    """nbucket + nchain wraps to a small 32-bit number."""
    e.put(h, 'I', 0x80000000)
    e.put(h + 4, 'I', 0x80000004)
    return e.b


@sysv
def v_hash_chain_self_loop(e, h):
    """Every chain entry names itself: a walk that never ends."""
    nb, nc = e.get(h, 'I'), e.get(h + 4, 'I')
    chains = h + 8 + 4 * nb
    for i in range(nc):
        e.put(chains + 4 * i, 'I', i)
    for b in range(nb):
        e.put(h + 8 + 4 * b, 'I', 1 if nc > 1 else 0)
    return e.b


@sysv
def v_hash_chain_cycle(e, h):
    """chain[i] = i + 1, and the last back to 1: one long circle."""
    nb, nc = e.get(h, 'I'), e.get(h + 4, 'I')
    chains = h + 8 + 4 * nb
    for i in range(nc):
        e.put(chains + 4 * i, 'I', i + 1 if i + 1 < nc else 1)
    return e.b


@sysv
def v_hash_chain_past(e, h):
    nb, nc = e.get(h, 'I'), e.get(h + 4, 'I')
    chains = h + 8 + 4 * nb
    for i in range(nc):
        e.put(chains + 4 * i, 'I', 0xfffffff0 + (i & 15))
    for b in range(nb):
        e.put(h + 8 + 4 * b, 'I', nc + b)
    return e.b


def without_gnu(e):
    """So that the SysV chains are the ones walked: DT_GNU_HASH renamed."""
    if e.has(DT_GNU_HASH):
        e.put_word(e.dyn[DT_GNU_HASH][0], DT_DEBUG)
    return e


# ---- GNU hash ----

def gnu(f):
    def g(e):
        return f(e, e.table(DT_GNU_HASH)) if e.has(DT_GNU_HASH) else None
    g.__name__ = f.__name__
    return g


@gnu
def v_gnu_nbuckets_zero(e, g):
    e.put(g, 'I', 0)
    return e.b


@gnu
def v_gnu_nbuckets_huge(e, g):
    e.put(g, 'I', 0xffffffff)
    return e.b


@gnu
def v_gnu_symoffset_huge(e, g):
    e.put(g + 4, 'I', 0xfffffff0)
    return e.b


@gnu
def v_gnu_bloom_size_huge(e, g):
    e.put(g + 8, 'I', 0x80000000)
    return e.b


@gnu
def v_gnu_bloom_size_zero(e, g):
    e.put(g + 8, 'I', 0)
    return e.b


@gnu
def v_gnu_bloom_shift_huge(e, g):
    e.put(g + 12, 'I', 0xffffffff)
    return e.b


def gnu_layout(e, g):
    nb, symoff, bsize = e.get(g, 'I'), e.get(g + 4, 'I'), e.get(g + 8, 'I')
    buckets = g + 16 + bsize * e.w
    return nb, symoff, buckets, buckets + 4 * nb


@gnu
def v_gnu_chain_no_end(e, g):
    """No chain word has its end bit: every chain runs off the table.  The
    bloom filter all ones, so that every name is walked."""
    nb, symoff, buckets, chains = gnu_layout(e, g)
    bsize = e.get(g + 8, 'I')
    for i in range(bsize * e.w):
        e.b[g + 16 + i] = 0xff
    n = e.nsyms()
    if n is None:
        return None
    for i in range(symoff, n):
        at = chains + 4 * (i - symoff)
        e.put(at, 'I', e.get(at, 'I') & ~1)
    return e.b


@gnu
def v_gnu_bucket_below_symoffset(e, g):
    nb, symoff, buckets, chains = gnu_layout(e, g)
    e.put(g + 4, 'I', 0x100)
    for b in range(nb):
        e.put(buckets + 4 * b, 'I', 1)
    return e.b


@gnu
def v_gnu_bucket_huge(e, g):
    nb, symoff, buckets, chains = gnu_layout(e, g)
    for b in range(nb):
        e.put(buckets + 4 * b, 'I', 0xfffffffe)
    return e.b


@gnu
def v_gnu_bucket_wrap(e, g):
    """A bucket at UINT32_MAX: the count walk must not wrap to 0."""
    nb, symoff, buckets, chains = gnu_layout(e, g)
    e.put(g + 4, 'I', 0xffffff00)
    e.put(buckets, 'I', 0xffffffff)
    return e.b


# ---- versions ----

def verdef(f):
    def g(e):
        return f(e, e.table(DT_VERDEF)) if e.has(DT_VERDEF) else None
    g.__name__ = f.__name__
    return g


@verdef
def v_verdef_next_self(e, v):
    """vd_next 0 in the first entry though more follow (a loop onto itself)."""
    e.put(v + 16, 'I', 0)
    return e.b


@verdef
def v_verdef_next_back(e, v):
    """The second entry's vd_next points back at the first: 32-bit wrap."""
    second = v + e.get(v + 16, 'I')
    e.put(second + 16, 'I', (v - second) & 0xffffffff)
    e.set_dyn(DT_VERDEFNUM, 0x1000)
    return e.b


@verdef
def v_verdef_next_wrap(e, v):
    e.put(v + 16, 'I', 0xffffffff)
    return e.b


@verdef
def v_verdefnum_huge(e, v):
    e.set_dyn(DT_VERDEFNUM, 2 ** (8 * e.w) - 1)
    return e.b


@verdef
def v_verdefnum_zero(e, v):
    e.set_dyn(DT_VERDEFNUM, 0)
    return e.b


@verdef
def v_verdef_aux_wrap(e, v):
    e.put(v + 12, 'I', 0xfffffffc)
    return e.b


@verdef
def v_verdef_name_past(e, v):
    aux = v + e.get(v + 12, 'I')
    e.put(aux, 'I', 0xfffffff0)
    return e.b


@verdef
def v_verdef_name_unterminated(e, v):
    """A version name at the table's last byte, which is not NUL."""
    strtab, strsz = e.table(DT_STRTAB), e.dyn[DT_STRSZ][1]
    e.b[strtab + strsz - 1] = ord('V')
    n = e.dyn[DT_VERDEFNUM][1]
    at = v
    for _ in range(n):
        e.put(at + e.get(at + 12, 'I'), 'I', strsz - 1)
        nxt = e.get(at + 16, 'I')
        if not nxt:
            break
        at += nxt
    return e.b


# Verneed (16 bytes): vn_version, vn_cnt (H), vn_file, vn_aux, vn_next (I);
# Vernaux (16 bytes): vna_hash (I), vna_flags, vna_other (H), vna_name,
# vna_next (I).  LSB, "Version Needed Section".

def verneed(f):
    def g(e):
        return f(e, e.table(DT_VERNEED)) if e.has(DT_VERNEED) else None
    g.__name__ = f.__name__
    return g


@verneed
def v_verneed_next_zero(e, v):
    """vn_next 0 in the first entry, though DT_VERNEEDNUM says more follow."""
    e.put(v + 12, 'I', 0)
    e.set_dyn(DT_VERNEEDNUM, e.dyn[DT_VERNEEDNUM][1] + 1)
    return e.b


@verneed
def v_verneed_next_back(e, v):
    """vn_next of -16 in 32 bits: back onto itself for a reader adding in
    32 bits, 4 GiB on for one adding in 64."""
    e.put(v + 12, 'I', 0xfffffff0)
    e.set_dyn(DT_VERNEEDNUM, 16)
    return e.b


@verneed
def v_verneednum_huge(e, v):
    e.set_dyn(DT_VERNEEDNUM, 2 ** (8 * e.w) - 1)
    return e.b


@verneed
def v_verneednum_zero(e, v):
    e.set_dyn(DT_VERNEEDNUM, 0)
    return e.b


@verneed
def v_verneed_version_bad(e, v):
    e.put(v, 'H', 2)
    return e.b


@verneed
def v_verneed_file_past(e, v):
    e.put(v + 4, 'I', 0xfffffff0)
    return e.b


@verneed
def v_verneed_aux_wrap(e, v):
    e.put(v + 8, 'I', 0xfffffff0)
    return e.b


@verneed
def v_verneed_cnt_huge(e, v):
    """vn_cnt 65535: the Vernaux list ends (vna_next 0) long before."""
    e.put(v + 2, 'H', 0xffff)
    return e.b


@verneed
def v_vernaux_next_self(e, v):
    """The first Vernaux's vna_next 0, though vn_cnt says more follow."""
    aux = v + e.get(v + 8, 'I')
    e.put(aux + 12, 'I', 0)
    e.put(v + 2, 'H', max(2, e.get(v + 2, 'H')))
    return e.b


@verneed
def v_vernaux_next_back(e, v):
    """vna_next of -16 in 32 bits, and many entries: a loop for a reader
    adding in 32 bits."""
    aux = v + e.get(v + 8, 'I')
    e.put(aux + 12, 'I', 0xfffffff0)
    e.put(v + 2, 'H', 200)
    return e.b


@verneed
def v_vernaux_name_past(e, v):
    aux = v + e.get(v + 8, 'I')
    e.put(aux + 8, 'I', 0xfffffff0)
    return e.b


@verneed
def v_vernaux_other_all(e, v):
    """Not hostile: every symbol's versym names the first needed version,
    defined symbols included (as copy relocations make them)."""
    n = e.nsyms()
    if not e.has(DT_VERSYM) or n is None:
        return None
    other = e.get(v + e.get(v + 8, 'I') + 6, 'H')
    vs = e.table(DT_VERSYM)
    for i in range(1, n):
        e.put(vs + 2 * i, 'H', other)
    return e.b


def versym(f):
    def g(e):
        if not (e.has(DT_VERSYM) and e.has(DT_HASH)):
            return None
        return f(e, e.table(DT_VERSYM), e.nsyms())
    g.__name__ = f.__name__
    return g


@versym
def v_versym_index_past(e, vs, n):
    """Every symbol's version index past the Verdef list (hidden or not)."""
    for i in range(1, n):
        e.put(vs + 2 * i, 'H', 0x7fff if i % 2 else 0xffff)
    return e.b


@versym
def v_versym_index_base(e, vs, n):
    """Every symbol of version 1, the base entry (the file, not a version)."""
    for i in range(1, n):
        e.put(vs + 2 * i, 'H', 1)
    return e.b


def v_versym_past_end(e):
    if not e.has(DT_VERSYM):
        return None
    # the PT_LOAD whose file part ends last: its last two bytes
    last = max((e.phdr(i) for i in range(e.phnum) if e.phdr(i)[0] == PT_LOAD),
               key=lambda p: p[1] + p[3])
    t, off, va, filesz = last
    e.set_dyn(DT_VERSYM, va + filesz - 2)
    return e.b


VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith('v_')]


def relocated_at(e, at):
    """Not hostile: the image relocated in place as glibc relocates the
    libraries it loads (elf/address.c), for a reader that reads it at
    address 'at' (tests/fuzz/fuzz_reader.c, FUZZ_AT): DT_HASH, DT_STRTAB,
    DT_SYMTAB, DT_VERSYM and DT_GNU_HASH hold run-time addresses, DT_VERDEF
    and the rest link-time ones.  None if they do not fit the class."""
    t, off, va, filesz = e.phdr(e.first(PT_LOAD))
    bias = at + off - va
    for tag in (DT_HASH, DT_STRTAB, DT_SYMTAB, DT_VERSYM, DT_GNU_HASH):
        if e.has(tag):
            v = e.dyn[tag][1] + bias
            if v >= 2 ** (8 * e.w):
                return None
            e.set_dyn(tag, v)
    return e.b


# ---------------------------------------------------------------------------
# Synthetic images: big (megabytes, within 64 MiB, the most a pipe gives `vdso read`), well
# formed but for one excess each, so that work which grows with the product
# of two counts (symbols times version definitions, names times their
# length) shows up as a hang.  ELF64, written from nothing.

def synthetic(nsyms, verdefs, string_len, versym_index, name_at, sonames=0, sections=0,
              needs=0):
    """One PT_LOAD over the whole file; a dynamic table (with 'sonames'
    DT_SONAME entries naming the long string); a string table holding one
    string of string_len bytes at offset 1; nsyms symbols named at
    name_at ('long' or 'short') with versym index versym_index; a SysV hash
    table of one chain through them all; verdefs Verdef entries, all named
    by the long string, of indexes 2, 3, ...; and 'sections' section
    headers, all named by the long string (the string table is also the
    section name table).  With 'needs', one Verneed entry of that many
    needed versions (indexes after the defined ones), and the symbols
    undefined.  gABI and LSB layouts."""
    entries = [(DT_STRTAB, 0), (DT_STRSZ, 0), (DT_SYMTAB, 0), (11, 24), (DT_HASH, 0),
               (DT_VERSYM, 0), (DT_VERDEF, 0), (DT_VERDEFNUM, verdefs)]
    if needs:
        entries += [(DT_VERNEED, 0), (DT_VERNEEDNUM, 1)]
    entries += [(DT_SONAME, 1)] * sonames + [(DT_NULL, 0)]
    dyn = 64 + 2 * 56
    strtab = dyn + 16 * len(entries)
    strs = b'\0' + b'V' * string_len + b'\0' + b'sym\0'
    symtab = (strtab + len(strs) + 7) & ~7
    hashtab = symtab + 24 * nsyms
    versym = hashtab + 12 + 4 * nsyms
    verdef = (versym + 2 * nsyms + 3) & ~3
    verneed = verdef + 28 * verdefs
    shdrs = verneed + (16 + 16 * needs if needs else 0)
    nsh = sections + 2 if sections else 0
    size = shdrs + 64 * nsh
    values = {DT_STRTAB: strtab, DT_STRSZ: len(strs), DT_SYMTAB: symtab, DT_HASH: hashtab,
              DT_VERSYM: versym, DT_VERDEF: verdef, DT_VERNEED: verneed}
    b = bytearray(size)
    b[0:16] = b'\x7fELF\x02\x01\x01' + bytes(9)
    struct.pack_into('<HHIQQQIHHHHHH', b, 16, 3, 62, 1, 0, 64, shdrs if nsh else 0, 0,
                     64, 56, 2, 64, nsh, 1 if nsh else 0)
    struct.pack_into('<IIQQQQQQ', b, 64, PT_LOAD, 5, 0, 0, 0, size, size, 4096)
    struct.pack_into('<IIQQQQQQ', b, 120, PT_DYNAMIC, 4, dyn, dyn, dyn,
                     16 * len(entries), 16 * len(entries), 8)
    for i, (tag, val) in enumerate(entries):
        struct.pack_into('<qQ', b, dyn + 16 * i, tag, values.get(tag, val))
    b[strtab:strtab + len(strs)] = strs
    name = 1 if name_at == 'long' else string_len + 2
    for i in range(1, nsyms):
        struct.pack_into('<IBBHQQ', b, symtab + 24 * i, name, 0x12, 0, 0 if needs else 5,
                         0x1000 + i, 8)
        struct.pack_into('<I', b, hashtab + 12 + 4 * i, i + 1 if i + 1 < nsyms else 0)
        struct.pack_into('<H', b, versym + 2 * i, versym_index)
    struct.pack_into('<III', b, hashtab, 1, nsyms, 1)
    for k in range(verdefs):
        at = verdef + 28 * k
        struct.pack_into('<HHHHIIIII', b, at, 1, 0, (k + 2) & 0x7fff, 1, 0, 20,
                         28 if k + 1 < verdefs else 0, 1, 0)
    if needs:
        short = string_len + 2
        struct.pack_into('<HHIII', b, verneed, 1, needs, short, 16, 0)
        for k in range(needs):
            struct.pack_into('<IHHII', b, verneed + 16 + 16 * k, 0, 0,
                             (verdefs + 2 + k) & 0x7fff, short, 16 if k + 1 < needs else 0)
    # section 1: the string table (SHT_STRTAB); the rest PROGBITS, each
    # over the string table's bytes and named by the long string
    for i in range(1, nsh):
        struct.pack_into('<IIQQQQIIQQ', b, shdrs + 64 * i, 1, 3 if i == 1 else 1, 0, strtab,
                         strtab, len(strs), 0, 0, 1, 0)
    return b


SYNTHETIC = {
    # More version definitions than the reader takes (read.h, VERDEF_MAX):
    # listing them walks the list from the start each time.
    'verdefnum-100000': lambda: synthetic(1000, 100000, 8, 2, 'short'),
    # The most it takes, and every symbol's version past them: each symbol
    # walks the whole list.
    'verdef-walk': lambda: synthetic(200000, 256, 8, 0x7fff, 'short'),
    # The most needed versions it takes (VERNEED_MAX), and every symbol
    # undefined, of a version past them: each symbol walks them all.
    'verneed-walk': lambda: synthetic(200000, 2, 8, 0x7fff, 'short', needs=256),
    # Every symbol and version named by one string of 4 MiB.
    'long-names': lambda: synthetic(100000, 2, 4 << 20, 2, 'long'),
    # 100000 DT_SONAME entries, and 60000 sections, named by one string of
    # 1 MiB: each printed whole, `vdso read` would write 100 GB.
    'long-sonames': lambda: synthetic(4, 2, 1 << 20, 2, 'short', sonames=100000),
    'long-section-names': lambda: synthetic(4, 2, 1 << 20, 2, 'short', sections=60000),
}


def main(argv):
    if len(argv) < 3:
        sys.stderr.write('usage: make_hostile.py OUTDIR IMAGE...\n')
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    count = 0
    if argv[2:] == ['--synthetic']:
        for name, make in sorted(SYNTHETIC.items()):
            with open(os.path.join(out, 'synthetic--%s.so' % name), 'wb') as f:
                f.write(make())
            count += 1
        print('%d synthetic images in %s' % (count, out))
        return 0
    args, at = argv[2:], []
    while len(args) >= 2 and args[0] == '--at':
        at.append(int(args[1], 0))
        args = args[2:]
    for path in args:
        with open(path, 'rb') as f:
            data = f.read()
        base = os.path.basename(path)
        if base.endswith('.so'):
            base = base[:-3]
        made = truncations(Elf(data))
        for a in at:
            b = relocated_at(Elf(data), a)
            if b is not None:
                made['relocated-at-0x%x' % a] = bytes(b)
        for v in VARIANTS:
            name = v.__name__[2:].replace('_', '-')
            e = Elf(data)
            if name.startswith('hash-chain'):
                without_gnu(e)
            try:
                b = v(e)
            except (ValueError, KeyError, struct.error):
                b = None        # the image has nothing of that kind
            if b is not None:
                made[name] = bytes(b)
        for name, b in sorted(made.items()):
            with open(os.path.join(out, '%s--%s.so' % (base, name)), 'wb') as f:
                f.write(b)
            count += 1
    print('%d hostile images in %s' % (count, out))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
