#!/usr/bin/env python3
"""tests/boot/mkinitramfs.py LIST OUT - write an initramfs: a "newc" cpio archive.

LIST describes the entries in the format of the kernel's own
usr/gen_init_cpio.c, one a line ('#' starts a comment):

    dir   NAME MODE UID GID
    file  NAME LOCATION MODE UID GID
    nod   NAME MODE UID GID c|b MAJOR MINOR
    slink NAME TARGET MODE UID GID

MODE is octal permission bits.  A device node is only a header in the
archive, so no root privilege is needed to make one: that is why this is
ours and not `cpio -o`, which copies nodes from a real file system.

The format (the kernel's Documentation/driver-api/early-userspace/
buffer-format.rst): each entry is a 110-byte ASCII header - the magic
"070701" and thirteen 8-digit hex fields - then the NUL-terminated name,
padded to a multiple of 4, then the data, padded to a multiple of 4.  The
archive ends with an entry named "TRAILER!!!".  All times are 0, so the
same input gives the same bytes.
"""
import stat
import sys

def header(ino, mode, uid, gid, nlink, size, rdev_major, rdev_minor, name):
    name_b = name.encode() + b"\0"
    fields = (ino, mode, uid, gid, nlink, 0,   # mtime 0: reproducible
              size, 0, 0,                      # dev of the source fs: none
              rdev_major, rdev_minor, len(name_b), 0)  # check: 0 in newc
    h = b"070701" + b"".join(b"%08X" % f for f in fields) + name_b
    return h + pad4(len(h))

def pad4(n):
    return b"\0" * (-n % 4)

def build(lines):
    out = bytearray()
    ino = 1
    for lineno, line in enumerate(lines, 1):
        w = line.split("#", 1)[0].split()
        if not w:
            continue
        kind, name = w[0], w[1].lstrip("/")
        try:
            if kind == "dir":
                mode, uid, gid = int(w[2], 8), int(w[3]), int(w[4])
                out += header(ino, stat.S_IFDIR | mode, uid, gid, 2, 0, 0, 0, name)
            elif kind == "file":
                with open(w[2], "rb") as f:
                    data = f.read()
                mode, uid, gid = int(w[3], 8), int(w[4]), int(w[5])
                out += header(ino, stat.S_IFREG | mode, uid, gid, 1, len(data), 0, 0, name)
                out += data + pad4(len(data))
            elif kind == "nod":
                mode, uid, gid = int(w[2], 8), int(w[3]), int(w[4])
                ftype = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}[w[5]]
                out += header(ino, ftype | mode, uid, gid, 1, 0, int(w[6]), int(w[7]), name)
            elif kind == "slink":
                target = w[2].encode()
                mode, uid, gid = int(w[3], 8), int(w[4]), int(w[5])
                out += header(ino, stat.S_IFLNK | mode, uid, gid, 1, len(target), 0, 0, name)
                out += target + pad4(len(target))
            else:
                raise ValueError("unknown entry type '%s'" % kind)
        except (IndexError, KeyError, ValueError, OSError) as e:
            sys.exit("mkinitramfs: line %d: %s" % (lineno, e))
        ino += 1
    out += header(0, 0, 0, 0, 1, 0, 0, 0, "TRAILER!!!")
    return bytes(out)

def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mkinitramfs.py LIST OUT")
    with open(sys.argv[1]) as f:
        data = build(f.readlines())
    with open(sys.argv[2], "wb") as f:
        f.write(data)

if __name__ == "__main__":
    main()
