#!/usr/bin/env python3
"""tests/oracle/read_parity.py - `vdso read` against readelf on every shared
object of the machine.

    read_parity.py [--max N] [--log FILE] [--big-endian] VDSO... -- ROOT...

Finds the shared objects under each ROOT (ELF files of type ET_DYN whose
name has ".so" in it; a symbolic link to a file counts as the file; each
file once, by inode, however many links lead to it), and for each one compares what each VDSO program's `read` prints
with readelf (binutils), which shares no code with it:

    symbols    the symbol lines of `readelf --dyn-syms -W`
    versions   the body lines of `readelf -V -W` (versym, verdef, verneed),
               and each section's entry count
    dynamic    each tag's name and value of `readelf -d -W`

Only the display quirks that the listing keeps on purpose are normalised
(issue 16, points 5 to 7):

  - readelf prints a size of 100000 or more in hex; we keep decimal;
  - readelf 2.40 prints STB_GNU_UNIQUE as "<OS specific>: 10"; we say UNIQUE;
  - we cut a name after 1024 bytes and mark it "[...]"; readelf -W prints
    it whole.

--big-endian looks for big-endian files (EI_DATA 2, ELFDATA2MSB) instead
of little-endian ones.

With more than N files of a class (--max, default all), a fixed sample of
N: the files sorted by path, every k-th.  Prints one line per program and
class, "RESULT PROGRAM CLASS COMPARED DIFFERENT", and for each file that
differs one line "DIFF PROGRAM CLASS FILE: WHAT: ours | readelf" (the
first difference); --log gets the same lines and the timings.
"""
import os
import re
import stat
import subprocess
import sys
import time

NAME_SHOWN = 1024
TIMEOUT = 60


def shared_objects(roots, data=1):
    """(path, class) of each ET_DYN .so file of byte order data (EI_DATA:
    1 little-endian, 2 big-endian), one per inode, sorted."""
    seen, found = set(), []
    for root in roots:
        for d, dirs, files in os.walk(root):
            dirs.sort()
            for f in sorted(files):
                if '.so' not in f:
                    continue
                p = os.path.join(d, f)
                try:
                    st = os.stat(p)     # a link to a file: the file
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
                try:
                    with open(p, 'rb') as fh:
                        h = fh.read(20)
                except OSError:
                    continue
                # e_ident: magic, class (1: 32, 2: 64), data; e_type 3: ET_DYN
                et_dyn = b'\x03\x00' if data == 1 else b'\x00\x03'
                if len(h) == 20 and h[:4] == b'\x7fELF' and h[5] == data and \
                        h[4] in (1, 2) and h[16:18] == et_dyn:
                    found.append((p, 32 if h[4] == 1 else 64))
    return sorted(found)


def sample(files, n):
    if n is None or len(files) <= n:
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def run(argv):
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b'timed out'
    return r.returncode, r.stdout.decode('latin-1') + '\0' + r.stderr.decode('latin-1')


def cut(name):
    """A name as we show it: at most NAME_SHOWN bytes, then [...]."""
    return name if len(name) <= NAME_SHOWN else name[:NAME_SHOWN] + '[...]'


SYM = re.compile(r'^ *(\d+): ([0-9a-f]+) +(\S+) (\S+) +(\S+) +(\S+) +(\S+) ?(.*)$')


def symbols(text, is_readelf):
    """Each symbol line, fields joined by one space."""
    out = []
    for line in text.split('\n'):
        if is_readelf:
            line = line.replace('<OS specific>: 10', 'UNIQUE')
        m = SYM.match(line)
        if not m:
            continue
        f = list(m.groups())
        if is_readelf:
            if f[2].startswith('0x'):
                f[2] = str(int(f[2], 16))
            name = f[7]
            ver = ''
            m2 = re.match(r'^(.*?)(@@?)([^@]*)$', name)
            if m2 and m2.group(1):
                name, at, ver = m2.groups()
                vm = re.match(r'^(.*?)( \(\d+\))?$', ver)
                ver = at + cut(vm.group(1)) + (vm.group(2) or '')
            f[7] = cut(name) + ver
        out.append(' '.join(f).rstrip())
    return out


VERSION_BODY = re.compile(r'^  ([0-9a-f]{3}|000000|0x[0-9a-f]{4,}):')
VERSION_HEAD_READELF = re.compile(
    r"^Version (symbols|definition|needs) section '[^']*' contains (\d+) entr")
VERSION_HEAD_OURS = re.compile(
    r'^Version (symbols|definitions|needs): (\d+) entr')


def versions(text, is_readelf):
    out = []
    for line in text.split('\n'):
        m = (VERSION_HEAD_READELF if is_readelf else VERSION_HEAD_OURS).match(line)
        if m:
            kind = m.group(1).replace('definitions', 'definition')
            out.append('%s: %s entries' % (kind, m.group(2)))
        elif VERSION_BODY.match(line):
            out.append(line.rstrip())       # readelf pads the columns with trailing spaces
    return out


DYN_READELF = re.compile(r'^ *0x[0-9a-f]+ \(([^)]*)\) *(.*)$')
DYN_OURS = re.compile(r'^  [* ] (\S+) *(.*)$')


def dynamic(text, is_readelf):
    out, inside = [], is_readelf
    for line in text.split('\n'):
        if not is_readelf:
            if line.startswith('Dynamic table:'):
                inside = True
                continue
            if inside and not line:
                break
        if not inside:
            continue
        m = (DYN_READELF if is_readelf else DYN_OURS).match(line)
        if m:
            out.append(m.group(1) + ' ' + m.group(2).rstrip())
    return out


def readelf_parts(path):
    """readelf's three listings of one file, from one run."""
    rc, text = run(['readelf', '-W', '--dyn-syms', '-V', '-d', path])
    if rc is None:
        return None
    text = text.split('\0')[0]
    # -d comes first, then --dyn-syms, then -V
    d_end = text.find("\nSymbol table '.dynsym'")
    v_start = text.find('\nVersion symbols section')
    if v_start < 0:
        v_start = min([i for i in (text.find('\nVersion definition section'),
                                   text.find('\nVersion needs section'),
                                   text.find('\nNo version information')) if i >= 0]
                      or [len(text)])
    dyn_text = text[:d_end] if d_end >= 0 else text[:v_start]
    return {
        'dynamic': dynamic(dyn_text, True),
        'symbols': symbols(text[:v_start], True),
        'versions': versions(text[v_start:], True),
    }


def ours_parts(prog, path):
    rc, text = run([prog, 'read', path])
    if rc is None:
        return None, 'timed out'
    out, err = text.split('\0', 1)
    if rc != 0:
        return None, 'exit %d: %s' % (rc, err.strip()[:200])
    return {
        'dynamic': dynamic(out, False),
        'symbols': symbols(out, False),
        'versions': versions(out, False),
    }, None


def first_difference(ours, theirs):
    for i in range(max(len(ours), len(theirs))):
        a = ours[i] if i < len(ours) else '(nothing)'
        b = theirs[i] if i < len(theirs) else '(nothing)'
        if a != b:
            return 'line %d: %s | %s' % (i + 1, a[:300], b[:300])
    return None


def main(argv):
    n, log, data = None, None, 1
    while argv and argv[0].startswith('--') and argv[0] != '--':
        if argv[0] == '--big-endian':
            data = 2
            argv = argv[1:]
            continue
        if argv[0] == '--max':
            n = int(argv[1])
        elif argv[0] == '--log':
            log = open(argv[1], 'w')
        argv = argv[2:]
    split = argv.index('--')
    progs, roots = argv[:split], argv[split + 1:]
    files = shared_objects(roots, data)
    chosen = []
    for bits in (32, 64):
        of_class = [f for f in files if f[1] == bits]
        picked = sample(of_class, n)
        chosen += picked
        print('FOUND %d %d %d' % (bits, len(of_class), len(picked)))
    counts = {}
    start = time.time()
    for path, bits in chosen:
        theirs = readelf_parts(path)
        if theirs is None:
            continue
        for prog in progs:
            key = (prog, bits)
            compared, differ = counts.get(key, (0, 0))
            ours, why = ours_parts(prog, path)
            compared += 1
            what = None
            if ours is None:
                what = 'not read: ' + why
            else:
                for part in ('symbols', 'versions', 'dynamic'):
                    d = first_difference(ours[part], theirs[part])
                    if d:
                        what = part + ': ' + d
                        break
            if what:
                differ += 1
                line = 'DIFF %s %d %s: %s' % (prog, bits, path, what)
                print(line)
            counts[key] = (compared, differ)
    for (prog, bits), (compared, differ) in sorted(counts.items()):
        print('RESULT %s %d %d %d' % (prog, bits, compared, differ))
    if log:
        log.write('%d files in %.1f s\n' % (len(chosen), time.time() - start))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
