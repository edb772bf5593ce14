#!/bin/bash
# tests/setup/qemu10.sh [BUILD-DIR] - fetch QEMU 10's user-mode emulators
# from Debian's bookworm-backports suite into BUILD-DIR/cache/qemu10/,
# leaving the system's QEMU and apt state as they are.
#
# How: a private apt for that suite (tests/setup/backports.sh) downloads
# the package, and `dpkg -x` unpacks it; the cache's stamp, lock and
# failure memory are tests/setup/cache.sh's.
#
# Result: BUILD-DIR/cache/qemu10/bin/qemu-ARCH for each arch of EMULATORS.
# Progress goes to stderr.  On failure the last line on stderr is a
# one-line reason ("qemu10: ..."), and the exit status is 1.
# A second run is instant (stamp file); a failure is remembered for ten
# minutes so that every test does not retry it (QEMU10_RETRY=1 forces).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$TOP/build}}
. "$TOP/tests/setup/cache.sh"
. "$TOP/tests/setup/backports.sh"

# The arches of arch/arches, and those whose vDSO images the reader is
# checked on (tests/44-qemu-images.t): big-endian s390x, ppc64 and
# aarch64_be, and ppc64le and riscv64.
EMULATORS="i386 x86_64 aarch64 arm s390x ppc64 ppc64le riscv64 aarch64_be"
ready() {
	local a
	for a in $EMULATORS; do [ -x "$C/bin/qemu-$a" ] || return 1; done
}
cache_start qemu10 "$BUILD/cache/qemu10" "${QEMU10_RETRY:-0}"
start=$(date +%s)

# 1, 2. The private apt for the backports suite (tests/setup/backports.sh).
backports_apt "$C/apt" "${QEMU10_SUITE:-bookworm-backports}"

# 3. Which package has the emulators?  qemu-user-static if it still does,
# else qemu-user (from QEMU 9 on, Debian's qemu-user is statically linked).
cd "$A/debs" || die "cannot enter $A/debs"
rm -f ./*.deb
pkg=
for p in qemu-user-static qemu-user; do
	apt_private download "$p/$SUITE" > "$A/download.log" 2>&1 || continue
	deb=$(ls ./*.deb 2>/dev/null | head -1)
	[ -n "$deb" ] || continue
	if dpkg-deb -c "$deb" | grep '/qemu-x86_64\(-static\)\?$' > /dev/null; then
		pkg=$p
		break
	fi
	say "$p has no qemu-x86_64 (a transitional package?), trying the next"
	rm -f ./*.deb
done
[ -n "$pkg" ] || die "no package in $SUITE provides qemu-x86_64: $(grep -E '^E:' "$A/download.log" | head -1)"
version=$(dpkg-deb -f "$deb" Version)
say "got $pkg $version; unpacking"

# Unpacked aside, then each emulator we keep renamed into root/usr/bin/:
# a test running one of a former fetch keeps its file, and the next
# start finds the new one (a cache that had fewer arches grows in place).
rm -rf "$C/unpack"
dpkg -x "$deb" "$C/unpack" || die "dpkg -x $deb failed"
mkdir -p "$C/bin" "$C/root/usr/bin"
for a in $EMULATORS; do
	exe=$(find "$C/unpack" -name "qemu-$a-static" -o -name "qemu-$a" | sort | head -1)
	[ -n "$exe" ] || die "$pkg $version has no qemu-$a"
	mv -f "$exe" "$C/root/usr/bin/${exe##*/}" || die "cannot move qemu-$a into $C/root"
	ln -sfr "$C/root/usr/bin/${exe##*/}" "$C/bin/qemu-$a"
	say "qemu-$a: $(file -b "$C/bin/qemu-$a" -L | cut -d, -f1-5)"
done
# The package holds every target's emulator (~360 MB): keep ours.
rm -rf "$C/unpack" "$deb"

# 4. Do they run, and are they QEMU 10?
v=$("$C/bin/qemu-x86_64" --version 2>&1 | head -1)
case $v in
*" version 10."*) ;;
*) die "fetched qemu-x86_64 does not run as QEMU 10: ${v:-no output}" ;;
esac
"$C/bin/qemu-i386" --version > /dev/null 2>&1 || die "fetched qemu-i386 does not run"

echo "$pkg $version" > "$STAMP"
say "ready: $v ($pkg $version, $(( $(date +%s) - start )) s)"
