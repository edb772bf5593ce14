#!/usr/bin/env python3
"""tests/tools/objcycles.py OBJ... - the graph of which object file needs a
symbol that another defines (from nm, one run for all: objsyms.py), and
its cycles.

Prints one line per cycle found ("a.o -> b.o -> a.o"), nothing if there
is none; exit status 1 if there is one.  Weak references count as needs:
they are links all the same.  Three symbols are left out: `main`, which
the start-up code calls in every program as libc's does, and the stack
protector's `__stack_chk_guard` and `__stack_chk_fail`, which the compiler
itself makes every protected function use.
"""
import sys

from objsyms import symbols

IGNORED = {"main", "__stack_chk_guard", "__stack_chk_fail"}

objs = sys.argv[1:]
defines, needs = {}, {}
table = symbols(objs)
for o in objs:
    defined, needed = table[o]
    needs[o] = needed - IGNORED
    for s in defined:
        defines.setdefault(s, o)
edges = {o: sorted({defines[s] for s in needs[o] if s in defines and defines[s] != o})
         for o in objs}

# Depth-first search; a back edge closes a cycle.
state, stack, cycles = {}, [], []
def visit(o):
    state[o] = "open"
    stack.append(o)
    for p in edges[o]:
        if state.get(p) == "open":
            cycles.append(stack[stack.index(p):] + [p])
        elif p not in state:
            visit(p)
    stack.pop()
    state[o] = "done"
for o in objs:
    if o not in state:
        visit(o)
for c in cycles:
    print(" -> ".join(c))
sys.exit(1 if cycles else 0)
