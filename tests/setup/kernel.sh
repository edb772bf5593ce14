#!/bin/bash
# tests/setup/kernel.sh [-k 5.10|6.1|6.12|7.2] [BUILD-DIR] - fetch a Debian cloud
# kernel for `make boot` and tests/50-boot.t into
# BUILD-DIR/cache/kernel-VERSION/, installing nothing: `apt-get download`
# of the .deb, then `dpkg -x` into the cache.
#
# Which kernel: the meta-package linux-image-cloud-amd64 depends on exactly
# one versioned package; `apt-cache depends` names it, and that one name is
# downloaded.
#   6.1   (the default) from the machine's own suites: Debian 12's kernel,
#         linux-image-6.1.0-NN-cloud-amd64;
#   6.12  from bookworm-backports, through the same private apt that
#         fetches QEMU 10 (tests/setup/backports.sh);
#   5.10  from bullseye (Debian 11), and 7.2 from sid (unstable), through
#         the same private apt, a suite of the same archive each.
# Each series has its own cache, and its own private apt inside it.
# The cloud flavour is small, boots fast under QEMU without KVM, and is
# built with CONFIG_IA32_EMULATION=y, so the i386 program runs on it too.
# KERNEL_PKG=linux-image-... picks another package by its exact name.
#
# -f FLAVOUR: cloud-amd64 (the default: x86_64 and i386), arm64 (aarch64,
# and arm through its compat layer) or armmp (32-bit ARMv7), 6.1 and 6.12
# only, into BUILD-DIR/cache/kernel-VERSION-FLAVOUR/, from a private apt
# of that arch (APT_ARCH, tests/setup/backports.sh), of either suite
# (powerpc64le, for ppc64le on the pseries machine: 6.12 only); or
# riscv64, 6.12 only, from trixie (Debian 13, the first release with
# riscv64: bookworm and its backports have none); or s390x, 6.1 and 6.12,
# from bookworm and its backports as arm64.
#
# Result: BUILD-DIR/cache/kernel-VERSION/vmlinuz (a link to the kernel
# image) and .../config (its build configuration); stamp names the package.
# Progress goes to stderr.  On failure the last line on stderr is a one-line
# reason ("kernel: ..."), and the exit status is 1.  A second run is
# instant; a failure is remembered for ten minutes (tests/setup/cache.sh;
# KERNEL_RETRY=1 forces a new try).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERIES=6.1
FLAVOUR=cloud-amd64
while [ "${1:-}" = -k ] || [ "${1:-}" = -f ]; do
	case $1 in -k) SERIES=${2:-} ;; -f) FLAVOUR=${2:-} ;; esac
	shift 2 2>/dev/null || shift
done
BUILD=${1:-${BUILD:-$TOP/build}}
META=linux-image-$FLAVOUR
. "$TOP/tests/setup/cache.sh"
. "$TOP/tests/setup/backports.sh"

case $SERIES in
6.1) ;;
5.10) SUITE_OF_SERIES=bullseye ;;
6.12) SUITE_OF_SERIES=bookworm-backports ;;
7.2) SUITE_OF_SERIES=sid ;;
*) echo "kernel: -k must be 5.10, 6.1, 6.12 or 7.2, not '$SERIES'" >&2; exit 2 ;;
esac
case $FLAVOUR in
cloud-amd64) NEED="CONFIG_IA32_EMULATION CONFIG_BLK_DEV_INITRD CONFIG_SERIAL_8250_CONSOLE"
	APT_ARCH= DIRNAME=kernel-$SERIES ;;
arm64) NEED="CONFIG_COMPAT CONFIG_BLK_DEV_INITRD CONFIG_SERIAL_AMBA_PL011_CONSOLE"
	APT_ARCH=arm64 DIRNAME=kernel-$SERIES-$FLAVOUR ;;
armmp) NEED="CONFIG_BLK_DEV_INITRD CONFIG_SERIAL_AMBA_PL011_CONSOLE"
	APT_ARCH=armhf DIRNAME=kernel-$SERIES-$FLAVOUR ;;
riscv64) NEED="CONFIG_BLK_DEV_INITRD CONFIG_SERIAL_8250_CONSOLE"
	APT_ARCH=riscv64 DIRNAME=kernel-$SERIES-$FLAVOUR
	[ "$SERIES" = 6.12 ] || { echo "kernel: -f riscv64 takes -k 6.12 (trixie's), not '$SERIES'" >&2; exit 2; }
	SUITE_OF_SERIES=trixie ;;
powerpc64le) NEED="CONFIG_BLK_DEV_INITRD CONFIG_HVC_CONSOLE CONFIG_PPC_PSERIES"
	APT_ARCH=ppc64el DIRNAME=kernel-$SERIES-$FLAVOUR ;;
s390x) NEED="CONFIG_BLK_DEV_INITRD CONFIG_SCLP_CONSOLE"
	APT_ARCH=s390x DIRNAME=kernel-$SERIES-$FLAVOUR ;;
*) echo "kernel: -f must be cloud-amd64, arm64, armmp, riscv64, powerpc64le or s390x, not '$FLAVOUR'" >&2; exit 2 ;;
esac
ready() { [ -f "$C/vmlinuz" ] && [ -f "$C/config" ]; }
cache_start kernel "$BUILD/cache/$DIRNAME" "${KERNEL_RETRY:-0}"

# Where from: the machine's apt, or the private one for the backports or
# another arch.
if [ -n "$APT_ARCH" ]; then
	export APT_ARCH
	[ "$SERIES" = 6.1 ] && SUITE_OF_SERIES=bookworm
	backports_apt "$C/apt" "$SUITE_OF_SERIES"
	apt_get() { apt_private "$@"; }
	apt_cache() { apt_private_cache "$@"; }
	from="$SUITE ($APT_ARCH)"
elif [ "$SERIES" = 6.1 ]; then
	command -v apt-get > /dev/null || die "apt-get not found: not a Debian system"
	command -v dpkg-deb > /dev/null || die "dpkg-deb not found: not a Debian system"
	apt_get() { apt-get -q "$@"; }
	apt_cache() { apt-cache "$@"; }
	from="the machine's suites"
else
	backports_apt "$C/apt" "$SUITE_OF_SERIES"
	apt_get() { apt_private "$@"; }
	apt_cache() { apt_private_cache "$@"; }
	from=$SUITE
fi

# 1. The versioned package: the meta-package's one linux-image-* dependency,
# and of the series asked for (the machine's suites may hold another).
pkg=${KERNEL_PKG:-}
if [ -z "$pkg" ]; then
	pkg=$(apt_cache depends "$META" 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
	[ -n "$pkg" ] || die "$from know no $META with a linux-image-* dependency (run apt-get update?)"
fi
case $pkg in
linux-image-"$SERIES".*) ;;
linux-image-*) die "$from offer $pkg, not a $SERIES kernel" ;;
*) die "'$pkg' is not a linux-image-* package name" ;;
esac
say "package: $pkg (from $META in $from)"

# 2. Download that package, and, where Debian splits it (sid since 7.x:
# linux-image-V only depends on linux-binary-V, the image, and linux-base-V,
# the config), those two of its dependencies.  The machine's lists may be
# older than the archive (the .deb gone from the mirror): then refresh them
# once and retry.
parts=$(apt_cache depends "$pkg" 2>/dev/null |
	awk -v v="${pkg#linux-image-}" '$1 == "Depends:" && ($2 == "linux-binary-" v || $2 == "linux-base-" v) { print $2 }')
D=$C/deb
rm -rf "$D"
mkdir -p "$D"
cd "$D" || die "cannot enter $D"
# shellcheck disable=SC2086
if ! apt_get download "$pkg" $parts > "$C/download.log" 2>&1; then
	[ "$SERIES" = 6.1 ] && [ -z "$APT_ARCH" ] ||
		die "apt-get download $pkg $parts failed: $(grep -E '^E:' "$C/download.log" | head -1)"
	say "apt-get download failed; apt-get update, then once more"
	apt-get -q update > "$C/update.log" 2>&1 ||
		die "apt-get update failed: $(grep -E '^(E|W):' "$C/update.log" | head -1)"
	# shellcheck disable=SC2086
	apt_get download "$pkg" $parts > "$C/download.log" 2>&1 ||
		die "apt-get download $pkg failed: $(grep -E '^E:' "$C/download.log" | head -1)"
fi
deb=$(ls "$D/$pkg"_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || die "no $pkg .deb in $D after the download"
version=$(dpkg-deb -f "$deb" Version)

# 3. Unpack.  Only the image and the config are kept: /init is static, no
# module is loaded.  They lie in boot/ (vmlinuz-V, config-V), or, from 7.x
# on, in usr/lib/modules/V/ (vmlinuz, config).  powerpc's is an ELF
# vmlinux-V, uncompressed, which QEMU's pseries loads as it is.
rm -rf "$C/root" "$C/unpacked"
for d in "$D"/*.deb; do
	dpkg -x "$d" "$C/unpacked" || die "dpkg -x $d failed"
done
kv=${pkg#linux-image-}
mkdir -p "$C/root/boot"
image=$(ls "$C/unpacked/boot/"vmlinuz-* "$C/unpacked/boot/"vmlinux-* "$C/unpacked/usr/lib/modules/$kv/vmlinuz" 2>/dev/null | head -1)
config=$(ls "$C/unpacked/boot/"config-* "$C/unpacked/usr/lib/modules/$kv/config" 2>/dev/null | head -1)
[ -n "$image" ] || die "$pkg $version (and $parts) has no boot/vmlinuz-* or usr/lib/modules/$kv/vmlinuz"
[ -n "$config" ] || die "$pkg $version (and $parts) has no boot/config-* or usr/lib/modules/$kv/config"
mv "$image" "$C/root/boot/vmlinuz-$kv" && mv "$config" "$C/root/boot/config-$kv" ||
	die "cannot move the image and config into $C/root/boot"
image=$C/root/boot/vmlinuz-$kv
config=$C/root/boot/config-$kv
rm -rf "$C/unpacked"
ln -sfr "$image" "$C/vmlinuz"
ln -sfr "$config" "$C/config"
cd "$C" && rm -rf "$D"

# 4. What the boot needs from it, said now rather than as a hang later.
for opt in $NEED; do
	grep -q "^$opt=y" "$C/config" || die "$pkg $version lacks $opt=y"
done

echo "$pkg $version ${image##*/}" > "$STAMP"
say "ready: ${image##*/} ($pkg $version)"
