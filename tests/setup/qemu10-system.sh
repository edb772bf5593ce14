#!/bin/bash
# tests/setup/qemu10-system.sh [BUILD-DIR] - fetch QEMU 10's s390x system
# emulator from Debian's bookworm-backports suite into
# BUILD-DIR/cache/qemu10-system/, leaving the system's QEMU 7.2 as it is.
#
# Why: under QEMU 7.2's qemu-system-s390x a traced process dies of SIGILL
# once `vdso trace` has put an instruction back where its breakpoint was
# (the same binary and the same Debian kernel trace cleanly under QEMU 10);
# tests/53-boot-non-x86.t boots s390x's trace in this emulator as well.
#
# How: as tests/setup/qemu10.sh, a private apt for the suite
# (tests/setup/backports.sh) downloads qemu-system-s390x and
# qemu-system-data (its firmware), and `dpkg -x` unpacks them.  The
# emulator links the shared libraries QEMU 7.2's qemu-system-misc
# already installed (tests/setup/deps.sh); a missing one is the failure.
#
# Result: BUILD-DIR/cache/qemu10-system/bin/qemu-system-s390x, a script
# that runs the unpacked emulator with its own firmware folder (-L).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$TOP/build}}
. "$TOP/tests/setup/cache.sh"
. "$TOP/tests/setup/backports.sh"

ready() { [ -x "$C/bin/qemu-system-s390x" ]; }
cache_start qemu10-system "$BUILD/cache/qemu10-system" "${QEMU10_RETRY:-0}"

backports_apt "$C/apt" "${QEMU10_SUITE:-bookworm-backports}"
cd "$A/debs" || die "cannot enter $A/debs"
rm -f ./*.deb
apt_private download "qemu-system-s390x/$SUITE" "qemu-system-data/$SUITE" > "$A/download.log" 2>&1 ||
	die "apt-get download failed: $(grep -E '^E:' "$A/download.log" | head -1)"
rm -rf "$C/root"
for deb in ./*.deb; do
	dpkg -x "$deb" "$C/root" || die "dpkg -x $deb failed"
done
version=$(dpkg-deb -f ./qemu-system-s390x_*.deb Version)
rm -f ./*.deb

exe=$C/root/usr/bin/qemu-system-s390x
[ -x "$exe" ] || die "qemu-system-s390x $version holds no usr/bin/qemu-system-s390x"
missing=$(ldd "$exe" 2>/dev/null | awk '/not found/ { print $1 }' | tr '\n' ' ')
[ -z "$missing" ] || die "qemu-system-s390x $version needs libraries not installed: $missing"
v=$("$exe" --version 2>&1 | head -1)
case $v in
*" version 10."*) ;;
*) die "fetched qemu-system-s390x does not run as QEMU 10: ${v:-no output}" ;;
esac

mkdir -p "$C/bin"
{
	echo '#!/bin/sh'
	echo "# QEMU $version's qemu-system-s390x with its own firmware (tests/setup/qemu10-system.sh)"
	echo "exec '$exe' -L '$C/root/usr/share/qemu' \"\$@\""
} > "$C/bin/qemu-system-s390x.new" && chmod +x "$C/bin/qemu-system-s390x.new" &&
	mv -f "$C/bin/qemu-system-s390x.new" "$C/bin/qemu-system-s390x" || die "cannot write $C/bin/qemu-system-s390x"
echo "qemu-system-s390x $version" > "$STAMP"
say "ready: $v"
