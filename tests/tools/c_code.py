#!/usr/bin/env python3
"""tests/tools/c_code.py FILE... - the code of C and assembly files without
their comments: one line "FILE:LINE: text" for each line that keeps any
code or string.  String and character literals are kept whole (what a
program prints counts as its code); /* */ and // comments go, and so do
the lines they leave empty.  For greps over code, not prose.
"""
import sys


def code_of(text):
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(code_of(f.read()).split("\n"), 1):
            if line.strip():
                print(f"{path}:{number}: {line.strip()}")
