#!/usr/bin/env python3
"""tests/tools/lesson_bytes.py MAP STRIPPED_SIZE - where a program's bytes go.

MAP is the GNU ld link map the Makefile writes beside each lesson
(build/<arch>/map/<lesson>.map).  Every input section the link kept in
.text, .rodata or .data is counted for the part of the tree its object
came from; what the stripped file holds beyond them (the ELF header, the
program headers, the padding that puts the data on a page of its own) is
"layout".  One line: the parts and their bytes, largest first.

Archive members are named by file only (libruntime.a(signal.o)), and two
folders have a signal.o and a start.o: start/, syscall/ and arch/ are one
part for that reason (the start and the system calls).  lld's maps merge
the strings of all objects into one section: such a map is refused.
"""
import glob, re, sys

PARTS = {
    "demo": "the lesson",
    "lib": "lib/ (output)",
    "elf": "elf/ (the reader's core)",
    "vdso": "vdso/ (find, table)",
    "start": "start/ syscall/ arch/",
}
# which part an archive member belongs to, by its file name
MEMBER_PART = {}


def part_of(path, objdir):
    m = re.search(r"\(([^)]+)\)$", path)
    if not m:       # an object given by path: the lesson, or _start
        return "demo" if "/demo/" in path else "start"
    member = m.group(1)
    if member not in MEMBER_PART:
        found = {p.split("/")[-2] if "/arch/" not in p else "arch"
                 for p in glob.glob(f"{objdir}/**/{member}", recursive=True)
                 if "/demo/" not in p and "/tests/" not in p}
        found = {"start" if f in ("start", "syscall", "arch") else f for f in found}
        MEMBER_PART[member] = found.pop() if len(found) == 1 else "start"
    return MEMBER_PART[member]


def main():
    map_file, stripped = sys.argv[1], int(sys.argv[2])
    objdir = sys.argv[3] if len(sys.argv) > 3 else "."
    text = open(map_file).read()
    if "Linker script and memory map" not in text:
        sys.exit("lesson_bytes: not a GNU ld map (lld merges every object's strings)")
    lines = text.split("Linker script and memory map", 1)[1].splitlines()
    sizes = {}
    pending = None
    for line in lines:
        # " .text.name  0xADDR  0xSIZE  file", or the name alone on a line
        # when it is long, and the rest on the next
        m = re.match(r"^ (\.(text|rodata|data)\S*)(\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S+))?\s*$", line)
        if m and m.group(3):
            pending = None
            size, path = int(m.group(4), 16), m.group(5)
        elif m:
            pending = m.group(1)
            continue
        elif pending:
            m = re.match(r"^\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S+)\s*$", line)
            pending = None
            if not m:
                continue
            size, path = int(m.group(1), 16), m.group(2)
        else:
            continue
        p = part_of(path, objdir)
        sizes[p] = sizes.get(p, 0) + size
    counted = sum(sizes.values())
    out = [(v, PARTS.get(k, k)) for k, v in sizes.items()]
    out.append((stripped - counted, "layout (headers, page padding)"))
    print(", ".join(f"{name} {v}" for v, name in sorted(out, reverse=True)))


main()
