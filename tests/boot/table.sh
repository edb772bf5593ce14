#!/bin/bash
# tests/boot/table.sh [-w] [DIR] - the table of what each kernel's vDSO
# offers, one row per kernel and arch: Debian's 6.1 and 6.12 booted under
# QEMU (tests/boot/boot.sh), and the machine's own kernel, natively.
#
#   functions  the image's defined FUNC symbols, as readelf --dyn-syms
#              lists them (without "__vdso_" and the @version);
#   gate       which symbol AT_SYSINFO points at (i386 only; the address
#              minus AT_SYSINFO_EHDR, looked up in readelf's list);
#   mappings   the kernel's special mappings and their pages, from
#              /proc/self/maps of a process of that arch (tests/oracle/
#              maps.c); a booted /init has no /proc, so those rows say so.
#
# DIR (default build/test/boot, where tests/50-boot.t leaves its boots)
# holds DIR/KERNEL/ARCH/console.log and ttyS1.bin, the image init sent
# back; a boot missing there is made now.  The table goes to stdout; with
# -w it also replaces the one in tests/README.md, between its two
# "vdso-table" comment lines.  tests/50-boot.t checks that one is current.

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
mkdir -p "$BUILD" && BUILD=$(cd "$BUILD" && pwd)
. "$TOP/tests/runners.sh"
WRITE=0
[ "${1:-}" = -w ] && { WRITE=1; shift; }
DIR=${1:-$BUILD/test/boot}
README=$TOP/tests/README.md
KERNELS="6.1 6.12"
declare -A KERNEL_NAME=([6.1]="6.1 (Debian 12)" [6.12]="6.12 (bookworm-backports)")
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# functions IMAGE: its defined FUNC symbols, short names, sorted.
functions() {
	readelf --dyn-syms -W "$1" 2>/dev/null |
		awk '$1 ~ /^[0-9]+:$/ && $4 == "FUNC" && $7 != "UND" { sub(/@.*/, "", $8); sub(/^__vdso_/, "", $8); print $8 }' |
		sort -u | tr '\n' ' ' | sed 's/ $//'
}

# gate IMAGE AUXV-TEXT: the symbol at AT_SYSINFO, or "none".
gate() {
	local ehdr sysinfo
	ehdr=$(awk '$1 == "AT_SYSINFO_EHDR:" { print $2 }' <<< "$2")
	sysinfo=$(awk '$1 == "AT_SYSINFO:" { print $2 }' <<< "$2")
	[ -n "$sysinfo" ] || { echo none; return; }
	[ -n "$ehdr" ] || { echo "AT_SYSINFO $sysinfo, no vDSO"; return; }
	readelf --dyn-syms -W "$1" | awk -v off="$(printf '%x' $((sysinfo - ehdr)))" '
		{ v = $2; sub(/^0+/, "", v) }
		$1 ~ /^[0-9]+:$/ && $4 == "FUNC" && v == off { sub(/@.*/, "", $8); print $8; found = 1; exit }
		END { if (!found) print "not a symbol (+0x" off ")" }'
}

row() {         # row KERNEL ARCH FUNCTIONS GATE MAPPINGS
	printf '| %s | %s | %s | %s | %s |\n' "$@"
}

# The booted kernels: DIR/KERNEL/ARCH, booted now if missing.
boot_row() {
	local k=$1 a=$2 o=$DIR/$1/$2 why
	if [ ! -s "$o/ttyS1.bin" ] || ! grep -q '^=== vdso-boot: power off' "$o/console.log" 2>/dev/null; then
		mkdir -p "$o"
		if ! "$TOP/tests/boot/boot.sh" -k "$k" -o "$o" "$a" > /dev/null 2> "$o/boot.err"; then
			why=$(tail -n 1 "$o/boot.err" | sed 's/^boot: //')
			row "${KERNEL_NAME[$k]}" "$a" "not booted: ${why:-?}" - -
			return
		fi
	fi
	local auxv
	auxv=$(sed -n '/^=== vdso-boot: begin auxv ===$/,/^=== vdso-boot: end auxv /p' "$o/console.log")
	row "${KERNEL_NAME[$k]}" "$a" "$(functions "$o/ttyS1.bin")" "$(gate "$o/ttyS1.bin" "$auxv")" "no /proc (booted as /init)"
}

# The machine's own kernel, natively.
host_row() {
	local a=$1 why name flags
	flags=$(arch_cflags "$a")
	name="$(uname -r | sed 's/^\([0-9.]*\).*/\1/') (host, natively)"
	if ! why=$(runner_available native "$a"); then
		row "$name" "$a" "not run: $why" - -
		return
	fi
	gcc $flags -O2 -o "$T/maps" "$TOP/tests/oracle/maps.c" 2> "$T/gcc.log" ||
		{ row "$name" "$a" "not run: cannot build tests/oracle/maps.c $flags" - -; return; }
	if ! "$BUILD/$a/vdso" dump "$T/image" > /dev/null 2> "$T/err"; then
		row "$name" "$a" "no vDSO: $(head -1 "$T/err")" - -
		return
	fi
	row "$name" "$a" "$(functions "$T/image")" "$(gate "$T/image" "$("$BUILD/$a/vdso" auxv)")" \
		"$("$T/maps" | awk '$1 != "[vdso]" && $1 != "[vsyscall]" { printf "%s%s %d page%s", sep, $1, $2, $2 == 1 ? "" : "s"; sep = ", " } END { if (!sep) printf "none" }')"
}

{
	echo "| kernel | arch | vDSO functions | gate (AT_SYSINFO) | data pages |"
	echo "| --- | --- | --- | --- | --- |"
	for k in $KERNELS; do
		for a in x86_64 i386; do boot_row "$k" "$a"; done
	done
	for a in x86_64 i386; do host_row "$a"; done
} > "$T/table"
cat "$T/table"

[ "$WRITE" = 1 ] || exit 0
grep -q '^<!-- vdso-table begin' "$README" 2>/dev/null ||
	{ echo "table: $README has no '<!-- vdso-table begin' line" >&2; exit 1; }
awk -v table="$T/table" '
	/^<!-- vdso-table end/ { skip = 0 }
	!skip { print }
	/^<!-- vdso-table begin/ { while ((getline l < table) > 0) print l; skip = 1 }
' "$README" > "$T/readme" && cat "$T/readme" > "$README"
