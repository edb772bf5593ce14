#!/bin/bash
# tests/setup/kernel.sh [BUILD-DIR] - fetch a Debian cloud kernel for
# `make boot` and tests/50-boot.t into BUILD-DIR/cache/kernel/, installing
# nothing: `apt-get download` of the .deb from the machine's configured
# suites, then `dpkg -x` into the cache.
#
# Which kernel: the meta-package linux-image-cloud-amd64 depends on exactly
# one versioned package (linux-image-6.1.0-NN-cloud-amd64 on Debian 12);
# `apt-cache depends` names it, and that one name is downloaded.  The cloud
# flavour is small, boots fast under QEMU without KVM, and is built with
# CONFIG_IA32_EMULATION=y, so the i386 program runs on it too.
# KERNEL_PKG=linux-image-... picks another package by its exact name.
#
# Result: BUILD-DIR/cache/kernel/vmlinuz (a link to the kernel image) and
# BUILD-DIR/cache/kernel/config (its build configuration).
# Progress goes to stderr.  On failure the last line on stderr is a one-line
# reason ("kernel: ..."), and the exit status is 1.  A second run is
# instant (stamp file); a failure is remembered for ten minutes so that a
# test run does not retry it for each arch (KERNEL_RETRY=1 forces).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$TOP/build}}
META=linux-image-cloud-amd64
C=$BUILD/cache/kernel
STAMP=$C/stamp
FAILED=$C/failed

say() { echo "kernel: $*" >&2; }
die() { say "$*"; echo "$*" > "$FAILED"; exit 1; }

ready() { [ -f "$STAMP" ] && [ -f "$C/vmlinuz" ] && [ -f "$C/config" ]; }

# Fast paths: already fetched, or failed a moment ago.
ready && exit 0
if [ "${KERNEL_RETRY:-0}" != 1 ] && [ -n "$(find "$FAILED" -mmin -10 2>/dev/null)" ]; then
	say "$(cat "$FAILED")"
	exit 1
fi

mkdir -p "$C" || { say "cannot create $C"; exit 1; }
# One fetch at a time (prove -j); whoever waited finds the stamp.
exec 9> "$C/lock"
flock 9
ready && exit 0
rm -f "$FAILED"

command -v apt-get > /dev/null || die "apt-get not found: not a Debian system"
command -v dpkg-deb > /dev/null || die "dpkg-deb not found: not a Debian system"

# 1. The versioned package: the meta-package's one linux-image-* dependency.
pkg=${KERNEL_PKG:-}
if [ -z "$pkg" ]; then
	pkg=$(apt-cache depends "$META" 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
	[ -n "$pkg" ] || die "apt-cache knows no $META with a linux-image-* dependency (run apt-get update?)"
fi
case $pkg in
linux-image-*) ;;
*) die "'$pkg' is not a linux-image-* package name" ;;
esac
say "package: $pkg (from $META)"

# 2. Download that one package.  The lists may be older than the archive
# (the .deb gone from the mirror): then refresh them once and retry.
D=$C/deb
rm -rf "$D"
mkdir -p "$D"
cd "$D" || die "cannot enter $D"
if ! apt-get -q download "$pkg" > "$C/download.log" 2>&1; then
	say "apt-get download failed; apt-get update, then once more"
	apt-get -q update > "$C/update.log" 2>&1 ||
		die "apt-get update failed: $(grep -E '^(E|W):' "$C/update.log" | head -1)"
	apt-get -q download "$pkg" > "$C/download.log" 2>&1 ||
		die "apt-get download $pkg failed: $(grep -E '^E:' "$C/download.log" | head -1)"
fi
debs=("$D"/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || die "expected one .deb in $D, found ${#debs[@]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)

# 3. Unpack.  Only boot/ is needed: /init is static, no module is loaded.
rm -rf "$C/root"
dpkg -x "$deb" "$C/root" || die "dpkg -x $deb failed"
rm -rf "$C/root/lib" "$C/root/usr"
image=$(ls "$C/root/boot/"vmlinuz-* 2>/dev/null | head -1)
config=$(ls "$C/root/boot/"config-* 2>/dev/null | head -1)
[ -n "$image" ] || die "$pkg $version has no boot/vmlinuz-*"
[ -n "$config" ] || die "$pkg $version has no boot/config-*"
ln -sfr "$image" "$C/vmlinuz"
ln -sfr "$config" "$C/config"
rm -rf "$D"

# 4. What the boot needs from it, said now rather than as a hang later.
for opt in CONFIG_IA32_EMULATION CONFIG_BLK_DEV_INITRD CONFIG_SERIAL_8250_CONSOLE; do
	grep -q "^$opt=y" "$C/config" || die "$pkg $version lacks $opt=y"
done

echo "$pkg $version ${image##*/}" > "$STAMP"
say "ready: ${image##*/} ($pkg $version)"
