#!/bin/bash
# tests/setup/deps.sh - install what the tests need, from Debian's packages.
#
# Run by `make test` (and so by .ci/run).  Each command the tests use is
# checked; only the packages for missing ones are installed, so a machine
# that has them all is left untouched.  As non-root it only reports.

set -u
need=()
want() {        # want COMMAND-OR-FILE PACKAGE
	if [ "${1#/}" != "$1" ]; then [ -e "$1" ] && return; else command -v "$1" > /dev/null && return; fi
	need+=("$2")
}

want gcc gcc
want clang clang
want make make
want prove perl
want readelf binutils
want strace strace
want gdb gdb                # tests/81-gdb.t, 15-pie.t
want gdb-multiarch gdb-multiarch  # ... the ARM arches under qemu -g
want qemu-i386 qemu-user
want qemu-system-x86_64 qemu-system-x86
want qemu-system-aarch64 qemu-system-arm  # bookworm's 7.2, as qemu-system-x86
want qemu-system-riscv64 qemu-system-misc  # the same 7.2: replaces nothing
want /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin opensbi  # its firmware
want qemu-system-ppc64 qemu-system-ppc  # the ppc64le boot (53-boot-non-x86): the same 7.2, replaces nothing
want cpio cpio
want python3 python3
want flock util-linux
want /usr/include/linux/auxvec.h linux-libc-dev
# The ARM arches: their UAPI headers, and the binutils clang and gcc link
# them with (and whose objdump the tests use).  Not Debian 12's cross gcc:
# gcc-aarch64-linux-gnu and gcc-arm-linux-gnueabihf conflict with
# gcc-multilib, below; tests/setup/crossgcc.sh unpacks them into the cache
# instead (`make test` runs it).
want /usr/aarch64-linux-gnu/include/asm/unistd.h linux-libc-dev-arm64-cross
want /usr/arm-linux-gnueabihf/include/asm/unistd.h linux-libc-dev-armhf-cross
want /usr/aarch64-linux-gnu/lib/libc.a libc6-dev-arm64-cross   # their glibc-linked oracles
want /usr/arm-linux-gnueabihf/lib/libc.a libc6-dev-armhf-cross
# gcc links a glibc oracle that is not -static against libgcc_s too
want /usr/aarch64-linux-gnu/lib/libgcc_s.so.1 libgcc-s1-arm64-cross
want /usr/arm-linux-gnueabihf/lib/libgcc_s.so.1 libgcc-s1-armhf-cross
want /usr/riscv64-linux-gnu/lib/libgcc_s.so.1 libgcc-s1-riscv64-cross
want /usr/powerpc64le-linux-gnu/lib/libgcc_s.so.1 libgcc-s1-ppc64el-cross
want /usr/s390x-linux-gnu/lib/libgcc_s.so.1 libgcc-s1-s390x-cross
want aarch64-linux-gnu-ld binutils-aarch64-linux-gnu
want arm-linux-gnueabihf-ld binutils-arm-linux-gnueabihf
want ld.lld lld               # big-endian fixtures (tests/42-read-parity.t)
want s390x-linux-gnu-ld binutils-s390x-linux-gnu  # ... s390x's, 8-byte SysV hash entries
# riscv64: its UAPI headers and binutils, as for the ARM arches (clang
# builds it; gcc-riscv64-linux-gnu conflicts with gcc-multilib too).
want /usr/riscv64-linux-gnu/include/asm/unistd.h linux-libc-dev-riscv64-cross
want riscv64-linux-gnu-ld binutils-riscv64-linux-gnu
want /usr/riscv64-linux-gnu/lib/libc.a libc6-dev-riscv64-cross  # its glibc-linked oracles
# ppc64le: its UAPI headers and binutils (clang builds it: Debian 12's
# gcc-powerpc64le-linux-gnu would remove gcc-multilib, as the ARM ones)
want /usr/powerpc64le-linux-gnu/include/asm/unistd.h linux-libc-dev-ppc64el-cross
want powerpc64le-linux-gnu-ld binutils-powerpc64le-linux-gnu
want /usr/powerpc64le-linux-gnu/lib/libc.a libc6-dev-ppc64el-cross  # its glibc-linked oracles
# s390x: its UAPI headers; clang builds it (gcc-s390x-linux-gnu would
# remove gcc-multilib, as the ARM ones would)
want /usr/s390x-linux-gnu/include/asm/unistd.h linux-libc-dev-s390x-cross
want /usr/s390x-linux-gnu/lib/libc.a libc6-dev-s390x-cross  # its glibc-linked oracles
want /usr/lib32/libc.so gcc-multilib        # the glibc-linked i386 oracles
want /usr/include/asm gcc-multilib          # ... whose <errno.h> needs <asm/errno.h> at -m32
want /usr/include/x86_64-linux-gnu/sys/auxv.h libc6-dev
want fuse2fs fuse2fs        # a file system without O_TMPFILE (tests/40-dump.t)
want mkfs.ext2 e2fsprogs
want man man-db             # the manual page rendered (tests/92-install.t)
want groff groff-base
want mandoc mandoc          # ... and linted
want musl-gcc musl-tools    # a static musl tracee (tests/90-trace.t), make bench's peer
want go golang-go           # a Go tracee (tests/90-trace.t)

[ ${#need[@]} -eq 0 ] && exit 0
echo "deps: installing ${need[*]}" >&2
if [ "$(id -u)" != 0 ]; then
	echo "deps: not root: install these by hand: ${need[*]}" >&2
	exit 0          # the tests that need them will skip and say why
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q > /dev/null || echo "deps: apt-get update failed" >&2
apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null ||
	{ echo "deps: apt-get install ${need[*]} failed" >&2; exit 1; }
