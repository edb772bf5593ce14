#!/usr/bin/env python3
"""tests/tools/objclosure.py ROOT OBJ... - the objects that ROOT needs, through
others: those that define a symbol ROOT needs, those that define a symbol
they need, and so on (from nm, as a static link pulls archive members).
One object a line, ROOT itself not listed.  Weak references count as needs;
`main` and the stack protector's two symbols, which every program has, do
not (as in objcycles.py).
"""
import sys

from objsyms import symbols

IGNORED = {"main", "__stack_chk_guard", "__stack_chk_fail"}

root, objs = sys.argv[1], sys.argv[2:]
defines, needs = {}, {}
table = symbols([root] + objs)
for o in set(objs) | {root}:
    defined, needed = table[o]
    needs[o] = needed - IGNORED
    for s in defined:
        defines.setdefault(s, o)

seen, todo = set(), [root]
while todo:
    o = todo.pop()
    for s in needs[o]:
        p = defines.get(s)
        if p and p != root and p not in seen:
            seen.add(p)
            todo.append(p)
for o in sorted(seen):
    print(o)
