#!/bin/bash
# tests/setup/qemu10.sh [BUILD-DIR] - fetch QEMU 10's user-mode emulators
# from Debian's bookworm-backports suite into BUILD-DIR/cache/qemu10/,
# leaving the system's QEMU and apt state as they are.
#
# How: the machine's own apt configuration names the main Debian archive
# (its URIs and Signed-By keyring); we write a private sources file for the
# backports suite of that archive, point apt's lists, cache, status and
# sources at private folders, run `apt-get update` and `apt-get download`
# there, and unpack the .deb with `dpkg -x`.  No host name is written
# anywhere: it is read from /etc/apt at run time.
#
# Result: BUILD-DIR/cache/qemu10/bin/qemu-i386 and .../qemu-x86_64.
# Progress goes to stderr.  On failure the last line on stderr is a
# one-line reason ("qemu10: ..."), and the exit status is 1.
# A second run is instant (stamp file); a failure is remembered for ten
# minutes so that every test does not retry it (QEMU10_RETRY=1 forces).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-${BUILD:-$TOP/build}}
SUITE=${QEMU10_SUITE:-bookworm-backports}
C=$BUILD/cache/qemu10
STAMP=$C/stamp
FAILED=$C/failed

say() { echo "qemu10: $*" >&2; }
die() { say "$*"; echo "$*" > "$FAILED"; exit 1; }

# Fast paths: already fetched, or failed a moment ago.
if [ -f "$STAMP" ] && [ -x "$C/bin/qemu-i386" ] && [ -x "$C/bin/qemu-x86_64" ]; then
	exit 0
fi
if [ "${QEMU10_RETRY:-0}" != 1 ] && [ -n "$(find "$FAILED" -mmin -10 2>/dev/null)" ]; then
	say "$(cat "$FAILED")"
	exit 1
fi

mkdir -p "$C" || { say "cannot create $C"; exit 1; }
# One fetch at a time (prove -j); whoever waited finds the stamp.
exec 9> "$C/lock"
flock 9
if [ -f "$STAMP" ] && [ -x "$C/bin/qemu-x86_64" ]; then exit 0; fi
rm -f "$FAILED"
start=$(date +%s)

command -v apt-get > /dev/null || die "apt-get not found: not a Debian system"
. /etc/os-release 2>/dev/null
CODENAME=${VERSION_CODENAME:-bookworm}

# 1. The main archive's entries: those whose suites include the release's
# own codename (not -security or -updates only).  Output: "URI KEYRING".
main_archive() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: blank-line separated stanzas of "Field: value".
		awk -v want="$CODENAME" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && enabled != "no")
					for (i = split(uris, u, " "); i > 0; i--) print u[i], (key == "" ? "-" : key)
				types = suites = uris = key = enabled = ""
			}
			/^#/ { next }
			/^[ \t]*$/ { flush(); next }
			{ field = tolower($1); sub(/^[^:]*:[ \t]*/, ""); }
			field == "types:"     { types = $0 }
			field == "suites:"    { suites = $0 }
			field == "uris:"      { uris = $0 }
			field == "signed-by:" { key = $0 }
			field == "enabled:"   { enabled = tolower($0) }
			END { flush() }' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# one-line: deb [opt=val ...] URI SUITE COMPONENTS...
		awk -v want="$CODENAME" '
			$1 != "deb" { next }
			{ key = "-"; i = 2 }
			$2 ~ /^\[/ {
				while (i <= NF) {
					if ($i ~ /signed-by=/) { key = $i; sub(/.*signed-by=/, "", key); sub(/\]$/, "", key) }
					if ($i ~ /\]$/) { i++; break }
					i++
				}
			}
			$(i + 1) == want { print $i, key }' "$f"
	done
}
archive=$(main_archive | head -1)
[ -n "$archive" ] || die "no $CODENAME entry for the main archive in /etc/apt: cannot derive a $SUITE source"
uri=${archive% *}
key=${archive#* }
say "main archive from /etc/apt: $uri (keyring: $key)"

# 2. A private apt: its own sources, lists, cache and (empty) dpkg status.
A=$C/apt
mkdir -p "$A/sources.d" "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$A/prefs.d"
: > "$A/status"
{
	echo "Types: deb"
	echo "URIs: $uri"
	echo "Suites: $SUITE"
	echo "Components: main"
	[ "$key" != "-" ] && echo "Signed-By: $key"
} > "$A/sources.d/backports.sources"
apt_private() {
	apt-get -q \
		-o Dir::Etc::sourcelist="$A/sources.list" \
		-o Dir::Etc::sourceparts="$A/sources.d" \
		-o Dir::Etc::preferences="$A/prefs" \
		-o Dir::Etc::preferencesparts="$A/prefs.d" \
		-o Dir::State::Lists="$A/lists" \
		-o Dir::State::status="$A/status" \
		-o Dir::Cache="$A/cache" \
		-o APT::Sandbox::User=root \
		"$@"
}

say "apt-get update for $SUITE (private lists in $A/lists)"
apt_private update > "$A/update.log" 2>&1 ||
	die "apt-get update of $SUITE failed: $(grep -E '^(E|W):' "$A/update.log" | head -1)"

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

rm -rf "$C/root" "$C/bin"
dpkg -x "$deb" "$C/root" || die "dpkg -x $deb failed"
mkdir -p "$C/bin"
for a in i386 x86_64; do
	exe=$(find "$C/root" -name "qemu-$a-static" -o -name "qemu-$a" | sort | head -1)
	[ -n "$exe" ] || die "$pkg $version has no qemu-$a"
	ln -sfr "$exe" "$C/bin/qemu-$a"
	say "qemu-$a: $(file -b "$exe" | cut -d, -f1-5)"
done
# The package holds every target's emulator (~360 MB): keep our two.
find "$C/root" -path '*bin/qemu-*' ! -name 'qemu-i386*' ! -name 'qemu-x86_64*' -delete
rm -f "$deb"

# 4. Do they run, and are they QEMU 10?
v=$("$C/bin/qemu-x86_64" --version 2>&1 | head -1)
case $v in
*" version 10."*) ;;
*) die "fetched qemu-x86_64 does not run as QEMU 10: ${v:-no output}" ;;
esac
"$C/bin/qemu-i386" --version > /dev/null 2>&1 || die "fetched qemu-i386 does not run"

echo "$pkg $version" > "$STAMP"
say "ready: $v ($pkg $version, $(( $(date +%s) - start )) s)"
