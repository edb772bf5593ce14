"""tests/tools/objsyms.py - what each object file defines and needs, from
one run of nm over all of them (imported by objcycles.py and objclosure.py).

symbols(OBJS) returns {object: (defined, needed)}: the names it defines, in
nm's order, and the set of names it refers to without defining them (nm's
U, w and v: weak references count as needs, they are links all the same).
nm -A puts the object's name before each line; one run for all the objects,
as a process is not free.
"""
import subprocess

def symbols(objs):
    objs = list(dict.fromkeys(objs))
    known = set(objs)
    table = {o: ([], set()) for o in objs}
    if not objs:
        return table
    out = subprocess.run(["nm", "-A", "--"] + objs, capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        # "OBJ:VALUE TYPE NAME" or "OBJ:         U NAME"; OBJ may hold a ':'.
        cut = line.find(":")
        while cut >= 0 and line[:cut] not in known:
            cut = line.find(":", cut + 1)
        if cut < 0:
            continue
        defined, needed = table[line[:cut]]
        f = line[cut + 1:].split()
        if len(f) == 2 and f[0] in ("U", "w", "v"):
            needed.add(f[1])
        elif len(f) == 3 and f[1] not in ("U", "w", "v"):
            defined.append(f[2])
    return table
