#!/usr/bin/env python3
"""tests/tools/around_check.py < OUTPUT - the picture of the address space
around the vDSO (vdso/around.c, drawn by the lesson find and `vdso map`),
checked against its own edges: the edges descend, and every box and gap
is as long as the addresses on its two edges say, in the unit the picture
picks (KiB, MiB, GiB or TiB: the largest that leaves 4 or more).

Prints "EDGES VDSO VERDICT": the number of edges, the [vdso] box as
START-END in hex ("none" without one), and "ok" or what is wrong.
"""
import re
import sys


def fmt(n):
    n >>= 10
    u = 0
    while u < 3 and n >= 4 << 10:
        n >>= 10
        u += 1
    return "%d %siB" % (n, "KMGT"[u])


edges, bad, vdso, pending = [], [], None, None
for line in sys.stdin.read().splitlines():
    m = re.match(r"^ +([0-9a-f]+) \+-+\+$", line)
    if m:
        a = int(m.group(1), 16)
        if edges and pending:
            if fmt(edges[-1] - a) != pending[0]:
                bad.append("%s: %s, its edges say %s" % (pending[1], pending[0], fmt(edges[-1] - a)))
            if pending[1] == "[vdso]":
                vdso = (a, edges[-1])
        if edges and a >= edges[-1]:
            bad.append("the edges do not descend at %x" % a)
        edges.append(a)
        pending = None
        continue
    m = re.match(r"^ +\| (.{20}) +(\d+ [KMGT]iB) [-rwxps]{4} \|", line) or \
        re.match(r"^ +: (gap) +(\d+ [KMGT]iB) +:$", line)
    if m:
        pending = (m.group(2), m.group(1).strip())
print("%d %s %s" % (len(edges), "%x-%x" % vdso if vdso else "none", "; ".join(bad) or "ok"))
