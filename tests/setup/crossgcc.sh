#!/bin/bash
# tests/setup/crossgcc.sh [BUILD-DIR] - fetch Debian 12's gcc cross
# compilers for the ARM arches, riscv64, ppc64le and s390x into BUILD-DIR/cache/crossgcc/,
# leaving the system's packages as they are.
#
# Why not apt-get install: gcc-12-aarch64-linux-gnu,
# gcc-12-arm-linux-gnueabihf, gcc-12-riscv64-linux-gnu,
# gcc-12-powerpc64le-linux-gnu and gcc-12-s390x-linux-gnu declare "Conflicts: gcc-multilib", which the
# i386 oracles need (tests/setup/deps.sh).  The compilers themselves do not
# need what gcc-multilib holds: `apt-get download` fetches the packages
# and `dpkg -x` unpacks them.  gcc finds cc1 beside itself and the
# assembler and linker in PREFIX/TRIPLE/bin/, which is made a link to the
# installed binutils-TRIPLE (deps.sh installs those).
#
# Result: BUILD-DIR/cache/crossgcc/bin/TRIPLE-gcc for each triple below;
# the Makefile and tests/runners.sh take CC=gcc to mean that compiler for
# an arch built with --target=TRIPLE.  The stamp, lock and failure memory
# are tests/setup/cache.sh's.  On failure the last stderr line says why.

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$TOP/build}}
. "$TOP/tests/setup/cache.sh"

# TRIPLE:DEBIAN-ARCH, for the package libgcc-12-dev-DEBIAN-ARCH-cross
# (libgcc.a: the arm compiler's division helpers are linked from it).
CROSS="aarch64-linux-gnu:arm64 arm-linux-gnueabihf:armhf riscv64-linux-gnu:riscv64 powerpc64le-linux-gnu:ppc64el s390x-linux-gnu:s390x"
GCC_VERSION=12
ready() {
	local t
	for t in $CROSS; do [ -x "$C/bin/${t%%:*}-gcc" ] || return 1; done
}
cache_start crossgcc "$BUILD/cache/crossgcc" "${CROSSGCC_RETRY:-0}"

# Only the compilers not unpacked yet: a triple added to CROSS leaves the
# others (and the builds using them meanwhile) alone.
pkgs=()
missing=
for t in $CROSS; do
	triple=${t%%:*}
	[ -x "$C/bin/$triple-gcc" ] && continue
	missing="$missing $t"
	[ -x "/usr/bin/$triple-as" ] || die "no /usr/bin/$triple-as: install binutils-$triple (tests/setup/deps.sh)"
	pkgs+=("gcc-$GCC_VERSION-$triple" "cpp-$GCC_VERSION-$triple" "libgcc-$GCC_VERSION-dev-${t#*:}-cross")
done
mkdir -p "$C/debs" && cd "$C/debs" || die "cannot enter $C/debs"
rm -f ./*.deb
apt-get download "${pkgs[@]}" > download.log 2>&1 ||
	die "apt-get download failed: $(grep -E '^E:' download.log | head -1)"
for deb in ./*.deb; do
	dpkg -x "$deb" "$C/root" || die "dpkg -x $deb failed"
done
rm -f ./*.deb
mkdir -p "$C/bin"
for t in $missing; do
	triple=${t%%:*}
	exe=$C/root/usr/bin/$triple-gcc-$GCC_VERSION
	[ -x "$exe" ] || die "the packages hold no $triple-gcc-$GCC_VERSION"
	ln -sfn "/usr/$triple" "$C/root/usr/$triple"
	ln -sfr "$exe" "$C/bin/$triple-gcc"
	echo 'int f(int a, int b) { return a / b; }' |
		"$C/bin/$triple-gcc" -x c -c - -o "$C/probe.o" 2> "$C/probe.log" ||
		die "$triple-gcc cannot compile: $(head -1 "$C/probe.log")"
	say "$triple-gcc: $("$C/bin/$triple-gcc" -dumpfullversion)"
done
rm -f "$C/probe.o" "$C/probe.log"
echo "$CROSS" > "$STAMP"
