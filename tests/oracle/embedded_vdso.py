#!/usr/bin/env python3
"""tests/oracle/embedded_vdso.py EMULATOR OUTDIR - the vDSO images a QEMU
user-mode emulator carries for its guests, cut out of its file.

QEMU's linux-user builds each target's vDSO as a shared object and keeps
its bytes in the emulator (linux-user/gen-vdso.c turns vdso.so into a C
array); at a guest's start it copies them into the guest and relocates
them in place.  This finds every ELF header inside the emulator's file
but its own (offset 0): an ET_DYN image of either class and either byte
order, whose size is the larger of the end of its PT_LOAD segments and the
end of its section header table, and writes each to OUTDIR as
NAME-OFFSET.so.  One line per image: "image PATH CLASS ORDER MACHINE SIZE".
Shares no code with the reader it judges: Python's struct module only.
"""
import os, struct, sys

LIMIT = 1 << 20         # a vDSO is a few pages; more is not one


def image_size(b, at):
    cls, data = b[at + 4], b[at + 5]
    if cls not in (1, 2) or data not in (1, 2) or b[at + 6] != 1:
        return None
    e = '<' if data == 1 else '>'
    if cls == 1:
        (typ, mach, ver, entry, phoff, shoff, flags, ehsize, phentsize, phnum,
         shentsize, shnum, shstrndx) = struct.unpack_from(e + 'HHIIIIIHHHHHH', b, at + 16)
        ph, phfmt = 32, e + 'IIIIIIII'
    else:
        (typ, mach, ver, entry, phoff, shoff, flags, ehsize, phentsize, phnum,
         shentsize, shnum, shstrndx) = struct.unpack_from(e + 'HHIQQQIHHHHHH', b, at + 16)
        ph, phfmt = 56, e + 'IIQQQQQQ'
    if typ != 3 or ver != 1 or phentsize != ph or phnum == 0 or phnum > 64:
        return None
    end = shoff + shnum * shentsize
    for i in range(phnum):
        o = at + phoff + i * ph
        if o + ph > len(b):
            return None
        f = struct.unpack_from(phfmt, b, o)
        if cls == 1:
            ptype, poff, filesz = f[0], f[1], f[4]
        else:
            ptype, poff, filesz = f[0], f[2], f[5]
        if ptype == 1:
            end = max(end, poff + filesz)
    if end == 0 or end > LIMIT or at + end > len(b):
        return None
    return end, cls * 32, 'lsb' if data == 1 else 'msb', mach


def main(emulator, outdir):
    b = open(emulator, 'rb').read()
    name = os.path.basename(emulator)
    at = b.find(b'\x7fELF', 1)
    while at >= 0:
        found = image_size(b, at) if at + 64 <= len(b) else None
        if found:
            size, bits, order, mach = found
            path = os.path.join(outdir, '%s-%x.so' % (name, at))
            with open(path, 'wb') as f:
                f.write(b[at:at + size])
            print('image %s %d %s %d %d' % (path, bits, order, mach, size))
        at = b.find(b'\x7fELF', at + 1)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
