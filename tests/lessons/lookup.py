#!/usr/bin/env python3
# tests/lessons/lookup.py IMAGE DUMP_ADDR LESSON_ADDR NAME VERSION
#
# What demo/lookup.c must print, computed here from a dumped vDSO image
# (`vdso dump`) with nothing of the project's reader: the ELF headers, the
# dynamic table, the GNU and SysV hash tables, the symbol and version
# tables, read with struct.  DUMP_ADDR is where the dumped image was,
# LESSON_ADDR where the lesson's was: QEMU relocates its vDSO in place, at
# a new address each run, so its addresses are moved by the difference.
import struct
import sys

path, dump_addr, addr, name, version = sys.argv[1:6]
dump_addr, addr = int(dump_addr, 0), int(addr, 0)
img = open(path, 'rb').read()
cls = img[4]
bits = 64 if cls == 2 else 32
W = 'Q' if bits == 64 else 'I'
mask = (1 << bits) - 1
order = '>' if img[5] == 2 else '<'    # EI_DATA: ELFDATA2MSB (s390x) or LSB


def u(fmt, off):
    return struct.unpack_from(order + fmt, img, off)


# The SysV hash table's words: 32 bits, but 64 on 64-bit s390 (EM_S390,
# 22), as its psABI and binutils' elf64-s390.c (sh_entsize 8) have them.
machine, = u('H', 0x12)
H, HS = ('Q', 8) if machine == 22 and bits == 64 else ('I', 4)


if bits == 64:
    phoff, = u('Q', 0x20)
    phentsize, phnum = u('HH', 0x36)
else:
    phoff, = u('I', 0x1c)
    phentsize, phnum = u('HH', 0x2a)

load = dyn = None
for i in range(phnum):
    o = phoff + i * phentsize
    if bits == 64:
        p_type, _, p_offset, p_vaddr, _, p_filesz = u('IIQQQQ', o)
    else:
        p_type, p_offset, p_vaddr, _, p_filesz = u('IIIII', o)
    if p_type == 1 and load is None:
        load = (p_offset, p_vaddr)
    if p_type == 2:
        dyn = (p_offset, p_filesz)

relocated = load[1] != 0
delta = (addr - dump_addr) if relocated else 0


def off_of(ptr):                      # a d_ptr to an offset in the file
    return ptr - load[1] + load[0]


d = {}
for o in range(dyn[0], dyn[0] + dyn[1], 2 * bits // 8):
    tag, val = u(W + W, o)
    if tag == 0:
        break
    d.setdefault(tag, val)
strtab, symtab = off_of(d[5]), off_of(d[6])
hash_off, gnu_off = off_of(d[4]), off_of(d[0x6ffffef5])
versym, verdef = off_of(d[0x6ffffff0]), off_of(d[0x6ffffffc])
syment = 24 if bits == 64 else 16


def cstr(o):
    return img[o:img.index(b'\0', o)].decode()


def sym(i):
    o = symtab + i * syment
    if bits == 64:
        st_name, info, other, shndx, value, size = u('IBBHQQ', o)
    else:
        st_name, value, size, info, other, shndx = u('IIIBBH', o)
    return cstr(strtab + st_name), value


def gnu_hash(s):
    h = 5381
    for c in s.encode():
        h = (h * 33 + c) & 0xffffffff
    return h


def elf_hash(s):
    h = 0
    for c in s.encode():
        h = ((h << 4) + c) & 0xffffffff
        g = h & 0xf0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xffffffff
    return h


out = []
p = out.append
nbuckets, symoffset, bloom_size, shift = u('IIII', gnu_off)
bloom_at = gnu_off + 16
buckets_at = bloom_at + bloom_size * bits // 8
chains_at = buckets_at + nbuckets * 4


def bloom(h):
    n = (h // bits) % bloom_size
    w, = u(W, bloom_at + n * bits // 8)
    b1, b2 = h % bits, (h >> shift) % bits
    p('bloom: word (h / %u) %% %u = %u: 0x%x' % (bits, bloom_size, n, w))
    st = lambda b: 'set' if w >> b & 1 else 'clear'
    p('       bit h %% %u = %u: %s; bit (h >> %u) %% %u = %u: %s'
      % (bits, b1, st(b1), shift, bits, b2, st(b2)))
    return (w >> b1 & 1) and (w >> b2 & 1)


p('lookup of %s@%s in the vDSO at 0x%x' % (name, version, addr))
p('GNU hash table at offset 0x%x: %u buckets, symoffset %u, %u bloom word(s) of %u bits, shift %u'
  % (gnu_off, nbuckets, symoffset, bloom_size, bits, shift))
h = gnu_hash(name)
p('hash:  GNU hash of "%s" = 0x%x' % (name, h))
if not bloom(h):
    p('       a clear bit: not here')
i, = u('I', buckets_at + (h % nbuckets) * 4)
p('bucket: h %% %u = %u -> symbol %u' % (nbuckets, h % nbuckets, i))
found = None
while i:
    word, = u('I', chains_at + (i - symoffset) * 4)
    sname, value = sym(i)
    line = 'symbol %u: chain[%u - %u = %u] = 0x%08x, last %u: ' % (i, i, symoffset, i - symoffset, word, word & 1)
    if (word | 1) != (h | 1):
        p(line + 'hash differs (%s)' % sname)
    else:
        p(line + 'hash matches; name "%s": %s' % (sname, 'equal' if sname == name else 'differs'))
        if sname == name:
            found = (i, value)
            break
    if word & 1:
        break
    i += 1
i, value = found
# the picture: bloom words, buckets, chain words by symbol; the path in []
first, = u('I', buckets_at + (h % nbuckets) * 4)
cells = []
for k in range(min(bloom_size, 32)):
    w, = u(W, bloom_at + k * bits // 8)
    cells.append(('[0x%x]' if k == (h // bits) % bloom_size else '0x%x') % w)
p("the table, the path in [brackets], '.' the end of a chain:")
p('  bloom    ' + ' '.join(cells))
cells = []
for k in range(min(nbuckets, 32)):
    b, = u('I', buckets_at + k * 4)
    cells.append(('[%u]' if k == h % nbuckets else '%u') % b)
p('  buckets  ' + ' '.join(cells))
nsyms = max(u('I', buckets_at + k * 4)[0] for k in range(nbuckets))
while not u('I', chains_at + (nsyms - symoffset) * 4)[0] & 1:   # the last chain's end
    nsyms += 1
nsyms += 1
cells = []
for k in range(symoffset, min(nsyms, symoffset + 32)):
    word, = u('I', chains_at + (k - symoffset) * 4)
    cells.append(('[' if k == first else '') + str(k) + ('.' if word & 1 else '') + (']' if k == i else ''))
p('  chains   ' + ' '.join(cells))
vs, = u('H', versym + 2 * i)
o = verdef
while True:                            # Verdef: vd_version, flags, ndx, cnt, hash, aux, next
    _, _, ndx, _, vhash, aux, nxt = u('HHHHIII', o)
    if ndx == vs & 0x7fff:
        vname = cstr(strtab + u('I', o + aux)[0])
        break
    o += nxt
p('version: versym[%u] = %u -> Verdef %u: "%s", vd_hash 0x%x, ELF hash of the name 0x%x'
  % (i, vs, vs & 0x7fff, vname, vhash, elf_hash(vname)))
value = (value + delta) & mask
bias = (addr + load[0] - (load[1] + delta)) & mask
p('address: st_value 0x%x + load bias 0x%x = 0x%x' % (value, bias, (value + bias) & mask))
p('elf_lookup says: 0x%x (the same)' % ((value + bias) & mask))
# the missing names: the looked-up name's prefix ("__vdso_", "__kernel_"),
# then a word
prefix = name[:name.index('_', 2) + 1]
for m in [prefix + w for w in ('nothing', 'fork', 'open', 'exit')]:
    p('')
    h = gnu_hash(m)
    p('missing: GNU hash of "%s" = 0x%x' % (m, h))
    if not bloom(h):
        p('       a clear bit: not here, and no bucket was read')
        break
    p('       both set: a false positive, try the next name')
nbucket, nchain = u(H + H, hash_off)
p('')
p('SysV hash table at offset 0x%x: %u buckets, %u symbols' % (hash_off, nbucket, nchain))
h = elf_hash(name)
p('hash:  ELF hash of "%s" = 0x%x' % (name, h))
i, = u(H, hash_off + 2 * HS + (h % nbucket) * HS)
p('bucket: h %% %u = %u -> symbol %u' % (nbucket, h % nbucket, i))
while i:
    sname, _ = sym(i)
    if sname == name:
        p('symbol %u "%s": found, the same symbol' % (i, sname))
        break
    j, = u(H, hash_off + 2 * HS + (nbucket + i) * HS)
    p('symbol %u "%s": not it; chain[%u] -> %u' % (i, sname, i, j))
    i = j
print('\n'.join(out))
