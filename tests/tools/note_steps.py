#!/usr/bin/env python3
# tests/tools/note_steps.py IMAGE - does IMAGE hold a note that a reader
# stepping by its PT_NOTE's alignment cannot read?
#
# The ELF gABI pads each note's name and descriptor to the segment's
# alignment (4, or 8 for a segment aligned to 8).  A 20-byte build-id
# descriptor (NT_GNU_BUILD_ID, type 3) is a multiple of 4 and not of 8:
# put after an 8-aligned note in an 8-aligned PT_NOTE, readers that step
# by 8 lose their place and warn.  QEMU 10's aarch64 vDSO is built so.
#
# Prints "PT_NOTE at OFFSET aligned to 8: note type T, name N bytes,
# descriptor D bytes" for each such note and exits 0; exits 1 if there is
# none.  It reads the file's own bytes (either class, either byte order)
# and shares no code with readelf or with the program under test.
import struct
import sys

data = open(sys.argv[1], "rb").read()
if data[:4] != b"\x7fELF":
    sys.exit("note_steps: not an ELF file")
wide = data[4] == 2
order = "<" if data[5] == 1 else ">"
if wide:
    phoff, = struct.unpack_from(order + "Q", data, 0x20)
    phentsize, phnum = struct.unpack_from(order + "HH", data, 0x36)
else:
    phoff, = struct.unpack_from(order + "I", data, 0x1c)
    phentsize, phnum = struct.unpack_from(order + "HH", data, 0x2a)

found = 0
for i in range(phnum):
    at = phoff + i * phentsize
    if wide:
        p_type, _, p_offset, _, _, p_filesz, _, p_align = struct.unpack_from(order + "IIQQQQQQ", data, at)
    else:
        p_type, p_offset, _, _, p_filesz, _, _, p_align = struct.unpack_from(order + "IIIIIIII", data, at)
    if p_type != 4 or p_align != 8:       # PT_NOTE, aligned to 8
        continue
    # Walk the notes the 4-byte way (how they were written), and name
    # each whose padded size is not a multiple of 8.
    pos, end = p_offset, p_offset + p_filesz
    while pos + 12 <= end:
        namesz, descsz, ntype = struct.unpack_from(order + "III", data, pos)
        size = 12 + (namesz + 3) // 4 * 4 + (descsz + 3) // 4 * 4
        if size % 8:
            print(f"PT_NOTE at {p_offset:#x} aligned to 8: note type {ntype}, "
                  f"name {namesz} bytes, descriptor {descsz} bytes")
            found += 1
        pos += size
sys.exit(0 if found else 1)
