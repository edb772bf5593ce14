#!/usr/bin/env python3
"""tests/tools/reads.py ARCH OBJDUMP FILE FUNCTION - the addresses of the
memory FUNCTION reads in FILE, one hex number a line, as far as they can be
followed from the arch's objdump without running anything.

A register's value is followed where the code forms it from what the file
fixes: an address objdump resolves (riscv64's auipc pairs, s390x's larl
and lgrl), the TOC pointer (ppc64le's r2, which the ELFv2 ABI keeps at
.TOC., by nm), and the thread pointer as _start sets it (ppc64le's r13;
s390x's access registers a0:a1, set by sar), found by reading _start the
same way first.  A load from a followed register plus its displacement is
a read of that address; a load whose address is unknown is left out.

For the canary check of tests/05-binaries.t: the compilers read the guard
by these roads (a global, a GOT word holding its address, or a fixed
offset from the thread pointer, as glibc's tcbhead_t has it), and the
test asks whether any read is the guard or a GOT word that holds it.
Only the instructions those roads take are known here; others leave the
register they write unknown.
"""
import re, subprocess, sys

arch, objdump, path, func = sys.argv[1:5]


def body(name):
    out = subprocess.run([objdump, "-d", "--no-show-raw-insn", path],
                         capture_output=True, text=True, check=True).stdout
    lines, on = [], False
    for line in out.splitlines():
        if re.match(r"^[0-9a-f]+ <%s(\.[a-z0-9.]+)?>:$" % re.escape(name), line):
            on = True
            continue
        if on and not line.strip():
            break
        if on and "\t" in line:
            insn = line.split("\t", 1)[1].split(None, 1)
            if insn:
                lines.append((insn[0], insn[1].strip() if len(insn) > 1 else ""))
    return lines


def symbol(name):
    out = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return int(f[0], 16)
    return None


def num(s):
    return int(s, 0)


def run(lines, regs, reads):
    """Follow LINES (mnemonic, operands), updating REGS, adding to READS."""
    for op, args in lines:
        target = re.search(r"\b([0-9a-f]+) <[^>]*>", args)
        target = int(target.group(1), 16) if target else None
        a = [x.strip() for x in re.sub(r"\s*[#<].*", "", args).split(",")] if args else []
        if arch == "riscv64":
            dest = a[0] if a else None
            if op == "ld" and len(a) == 2:
                m = re.match(r"(-?\d+)\((\w+)\)", a[1])
                if target is not None:
                    reads.add(target)
                elif m and m.group(2) in regs:
                    reads.add(regs[m.group(2)] + int(m.group(1)))
                regs.pop(dest, None)
            elif op == "addi" and target is not None:
                regs[dest] = target
            elif dest is not None:
                regs.pop(dest, None)
        elif arch == "ppc64le":
            dest = a[0] if a else None
            if dest == "r2":
                continue        # the TOC pointer, .TOC. throughout (ELFv2)
            if op in ("addi", "addis") and len(a) == 3 and a[1] in regs:
                regs[dest] = regs[a[1]] + num(a[2]) * (65536 if op == "addis" else 1)
            elif op in ("ld", "lwz", "lbz") and len(a) == 2:
                m = re.match(r"(-?\d+)\((\w+)\)", a[1])
                if m and m.group(2) in regs:
                    reads.add(regs[m.group(2)] + int(m.group(1)))
                regs.pop(dest, None)
            elif dest is not None:
                regs.pop(dest, None)
        elif arch == "s390x":
            dest = a[0] if a else None
            if op == "larl" and target is not None:
                regs[dest] = target
            elif op == "lgrl" and target is not None:
                reads.add(target)
                regs.pop(dest, None)
            elif op == "sar" and len(a) == 2 and a[1] in regs:
                regs[dest] = regs[a[1]]         # %a0, %a1: the thread pointer
            elif op == "ear" and len(a) == 2:
                # %a0 (high half) then sllg 32, then %a1 (low half)
                if a[1] == "%a0" and "tp" in regs:
                    regs[dest] = ("high", regs["tp"])
                elif a[1] == "%a1" and regs.get(dest) == ("shifted", regs.get("tp")):
                    regs[dest] = regs["tp"]
                else:
                    regs.pop(dest, None)
            elif op == "sllg" and len(a) == 3 and isinstance(regs.get(a[1]), tuple):
                regs[dest] = ("shifted", regs[a[1]][1])
            elif op in ("srlg", "lgr", "aghi", "lay", "stmg", "lmg", "la"):
                if op in ("srlg", "lgr", "aghi", "lay", "la"):
                    regs.pop(dest, None)
            else:
                # every memory operand D(B) or D(L,B) or D(X,B) of a load
                for m in re.finditer(r"(-?\d+)\((?:[^,()]*,)?(%r\d+)\)", args):
                    if isinstance(regs.get(m.group(2)), int):
                        reads.add(regs[m.group(2)] + int(m.group(1)))
                if op not in ("mvc", "clc", "xc", "st", "stg", "brasl", "j", "jne", "je", "br"):
                    regs.pop(dest, None)
    return regs


regs = {}
if arch == "ppc64le":
    toc = symbol(".TOC.")
    if toc is not None:
        regs["r2"] = toc
start = run(body("_start"), dict(regs), set())
if arch == "ppc64le" and "r13" in start:
    regs["r13"] = start["r13"]
if arch == "s390x" and "%a1" in start:
    # the low half names the whole address in a program below 4 GiB
    regs["tp"] = start["%a1"]
reads = set()
run(body(func), regs, reads)
for r in sorted(reads):
    print("0x%x" % r)
