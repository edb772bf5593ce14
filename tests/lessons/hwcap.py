#!/usr/bin/env python3
# tests/lessons/hwcap.py HEADER PREFIX VALUE
#
# What demo/auxv.c must print after "AT_HWCAP bits:" (or AT_HWCAP2's) for
# VALUE, from the kernel's UAPI header of the arch (asm/hwcap.h of its
# cross sysroot), with nothing of the project: each set bit, lowest first,
# by the name of its PREFIX macro ("HWCAP_", "HWCAP2_"), lower case,
# without the prefix; "?" for a bit the header does not name; " none" for 0.
import re
import sys

header, prefix, value = sys.argv[1], sys.argv[2], int(sys.argv[3], 0)
names = {}
for line in open(header):
    m = re.match(r'#define\s+' + prefix + r'(\w+)\s+\(1U?L?L? << (\d+)\)', line)
    if m:
        names.setdefault(int(m.group(2)), m.group(1).lower())
bits = [names.get(i, '?') for i in range(64) if value >> i & 1]
print(' ' + ' '.join(bits) if bits else ' none')
