#!/usr/bin/env python3
# tests/lessons/hwcap.py HEADER PREFIX VALUE
#
# What demo/auxv.c must print after "AT_HWCAP bits:" (or AT_HWCAP2's) for
# VALUE, from the kernel's UAPI header of the arch (its cross sysroot's
# asm/hwcap.h on ARM, asm/cputable.h on powerpc), with nothing of the
# project: each set bit, lowest first, by the name of its PREFIX macro
# ("HWCAP_", "HWCAP2_", "PPC_FEATURE_", "PPC_FEATURE2_"), lower case,
# without the prefix; "?" for a bit the header does not name; " none" for 0.
# A macro is a bit as `(1 << N)` (ARM) or as a number of one bit set
# (powerpc's 0x00000080); a line ending in a backslash goes on.
import re
import sys

header, prefix, value = sys.argv[1], sys.argv[2], int(sys.argv[3], 0)
names = {}
for line in open(header).read().replace('\\\n', ' ').splitlines():
    m = re.match(r'#define\s+' + prefix + r'(\w+)\s+\(1U?L?L? << (\d+)\)', line)
    if m:
        names.setdefault(int(m.group(2)), m.group(1).lower())
        continue
    m = re.match(r'#define\s+' + prefix + r'(\w+)\s+(0x[0-9a-fA-F]+)\b', line)
    if m and bin(int(m.group(2), 16)).count('1') == 1:
        names.setdefault(int(m.group(2), 16).bit_length() - 1, m.group(1).lower())
bits = [names.get(i, '?') for i in range(64) if value >> i & 1]
print(' ' + ' '.join(bits) if bits else ' none')
