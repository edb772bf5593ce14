#!/bin/bash
# tests/boot/table.sh [-w] [DIR] - the table of what each kernel's vDSO
# offers, one row per kernel, arch and CPU model: Debian's 5.10, 6.1, 6.12
# and 7.2 booted under QEMU (tests/boot/matrix.sh names the boots), and
# the machine's own kernel, natively.  `make table` prints it.
#
# Each column, and where it comes from (the boot's console.log, its
# sections framed by demo/vdso/boot.c, and the image it sent back):
#   functions    the image's defined FUNC symbols with their versions, as
#                readelf --dyn-syms lists them ("__vdso_" left off);
#   image        its size in bytes; hash: DT_HASH / DT_GNU_HASH (readelf -d);
#   data pages   the special mappings below the image and their pages, as
#                `vdso map` lists them from /proc/self/maps (the boot mounts
#                /proc); time reads: where __vdso_time's first data
#                operand points, as `vdso map` decodes it;
#   gate         i386: the entry instruction of __kernel_vsyscall in the
#                live image, which the kernel patched by the CPU's vendor
#                (objdump -d of the image); x86_64 has no gate;
#   vsyscall     the legacy page's mode by /proc/self/maps (`vdso vsyscall`);
#   getrandom    the state's size and mmap prot and flags the vDSO asks for
#                (`vdso call`), or none;
#   aux clocks   CONFIG_POSIX_AUX_CLOCKS in the kernel's config (6.17+), and
#                whether the vDSO's clock_getres answers clock id 16 anyway;
#   time ns      whether `vdso check` saw its time namespace offsets
#                through the vDSO (CONFIG_TIME_NS);
#   tsc, hpet, acpi_pm   for each clocksource (switched to in the boot), where
#                clock_gettime(CLOCK_MONOTONIC) through the vDSO was served,
#                as vdso/served.c proves it (seccomp), and how many of
#                the calls `vdso call` proves stayed in user space.
#
# DIR (default build/test/boot, where tests/50-boot.t leaves its boots)
# holds DIR/KERNEL/VARIANT/console.log and ttyS1.bin; a boot missing there
# is made now.  The table goes to stdout; with -w it also replaces the one
# in tests/README.md, between its two "vdso-table" comment lines.
# tests/50-boot.t checks that one is current.

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
mkdir -p "$BUILD" && BUILD=$(cd "$BUILD" && pwd)
. "$TOP/tests/runners.sh"
. "$TOP/tests/boot/matrix.sh"
WRITE=0
[ "${1:-}" = -w ] && { WRITE=1; shift; }
DIR=${1:-$BUILD/test/boot}
README=$TOP/tests/README.md
LIMIT=${BOOT_LIMIT:-120}
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# section LOG NAME: the lines of a step.
section() {
	sed -n "/^=== vdso-boot: begin $2 ===\$/,/^=== vdso-boot: end $2 /p" "$1" | sed '1d;$d'
}

# functions IMAGE: "VERSION: name name; VERSION: ..." of its defined FUNCs.
functions() {
	readelf --dyn-syms -W "$1" 2>/dev/null |
		awk '$1 ~ /^[0-9]+:$/ && $4 == "FUNC" && $7 != "UND" {
			n = $8; v = n; sub(/@.*/, "", n); sub(/^[^@]*@+/, "", v); sub(/^__vdso_/, "", n)
			print v, n }' | sort -u |
		awk '$1 != last { printf "%s%s:", last == "" ? "" : "; ", $1; last = $1 } { printf " %s", $2 } END { print "" }'
}

hashes() {
	readelf -d -W "$1" 2>/dev/null | awk '/\(HASH\)/ { s = s " SysV" } /\(GNU_HASH\)/ { s = s " GNU" }
		END { sub(/^ /, "", s); gsub(/ /, "+", s); print s == "" ? "none" : s }'
}

# gate IMAGE: the entry instruction __kernel_vsyscall was patched to.
gate() {
	readelf --dyn-syms -W "$1" | grep -q ' __kernel_vsyscall@' || { echo none; return; }
	objdump -d --no-show-raw-insn --disassemble=__kernel_vsyscall "$1" 2>/dev/null |
		awk '$2 == "sysenter" || $2 == "syscall" || ($2 == "int" && $3 == "$0x80") {
			print $2 ($3 == "$0x80" ? " $0x80" : ""); found = 1; exit }
			END { if (!found) print "?" }'
}

# kernel_dir KERNEL ARCH: its folder in the cache (tests/boot/boot.sh's KDIR).
kernel_dir() {
	case $2:$1 in
	*:armmp) echo kernel-6.1-armmp ;;
	aarch64:* | arm:*) echo "kernel-$1-arm64" ;;
	riscv64:* | s390x:*) echo "kernel-$1-$2" ;;
	ppc64le:*) echo "kernel-$1-powerpc64le" ;;
	*) echo "kernel-$1" ;;
	esac
}

# gate_of ARCH IMAGE: the gate, or how ARCH enters the kernel without one.
gate_of() {
	case $1 in
	x86_64) echo "none (syscall)" ;;
	aarch64 | arm | s390x) echo "none (svc)" ;;
	riscv64) echo "none (ecall)" ;;
	ppc64le) echo "none (sc)" ;;
	*) gate "$2" ;;
	esac
}

# pages LOG: "[vvar] 4, [vvar_vclock] 2" from map.
pages() {
	section "$1" map | awk '$1 ~ /^\[vvar/ { printf "%s%s %d", sep, $1, $6; sep = ", " }
		END { if (!sep) printf "?" }'
}

# time_reads LOG: "[vvar] page 3 +0x80", from map's last line.
time_reads() {
	section "$1" map | sed -n 's/^it reads .*: in \(\[[a-z_]*\]\), page \([0-9]*\) of [0-9]*, offset \(0x[0-9a-f]*\).*/\1 page \2 +\3/p;
		s/^it reads [^=]*= AT_SYSINFO_EHDR \(-0x[0-9a-f]*\): \(.*\)/\1 (\2)/p
		s/^  +0x[0-9a-f]*: [0-9a-f ]*: \(a call\|a return\|a system call\)\(,\|:\) .*/none found: \1 first/p' | head -1
}

# vsyscall LOG: the legacy page's mode; on arm the kuser helpers page and
# the helpers its version word counts; "none" where `vdso vsyscall` says
# the arch has no page of code at a fixed address (aarch64).
vsyscall() {
	local m sec
	sec=$(section "$1" vsyscall)
	m=$(sed -n 's/^mode by \/proc\/self\/maps: \([a-z]*\).*/\1/p' <<< "$sec")
	[ -n "$m" ] || m=$(sed -n 's/^kuser helpers page at \(0x[0-9a-f]*\).* says \([0-9]*\) helpers.*/kuser helpers at \1, \2 helpers/p' <<< "$sec")
	[ -n "$m" ] || ! grep -q 'nor any page of code at a fixed address' <<< "$sec" || m=none
	echo "${m:--}"
}

getrandom_state() {
	section "$1" call | sed -n 's/^getrandom state: \([0-9]*\) bytes at [^,]*, mmap prot \(0x[0-9a-f]*\) flags \(0x[0-9a-f]*\).*/\1 B, prot \2, flags \3/p
		s/^getrandom state: none.*/none/p' | head -1
}

# aux_clocks CONFIG LOG: the config's word, and whether the vDSO's
# clock_getres answers clock id 16 (`vdso check`'s invalid ids).
aux_clocks() {
	local s
	if grep -q '^CONFIG_POSIX_AUX_CLOCKS=y' "$1" 2>/dev/null; then s=yes
	elif [ -f "$1" ]; then s=no
	else s="config ?"; fi
	section "$2" check | grep -q '^not ok [0-9]* - clock id 16: .*clock_getres 0 by the vDSO' &&
		s="$s; the vDSO's clock_getres answers ids 16-23"
	echo "$s"
}

timens() {
	local sec
	sec=$(section "$1" check)
	if grep -q '^ok [0-9]* - MONOTONIC with an offset of ' <<< "$sec"; then
		echo "yes, offsets seen"
	else
		sed -n 's/^ok [0-9]* - MONOTONIC offset seen through the vDSO # SKIP \(.*\)/no: \1/p' <<< "$sec" | head -1 | grep . || echo "?"
	fi
}

# served LOG [STEP]: "user space (12 of 13 calls)": where CLOCK_MONOTONIC
# was served in STEP (default call), and how many calls stayed.
served() {
	[ -f "$1" ] || { echo -; return; }
	grep -q "^=== vdso-boot: begin ${2:-call} ===" "$1" || { echo -; return; }
	section "$1" "${2:-call}" | awk '
		$1 == "served:" && $2 == "clock_gettime" && $3 == "MONOTONIC" { w = $4 == "user" ? "user space" : $4 == "the" ? "kernel" : $4 }
		$1 == "served:" && $2 ~ /^[a-z_]+$/ && $NF != "function" && $2 != "proved" && $2 != "no" { n++; if ($(NF-1) == "user") u++ }
		/^served: no / { sub(/^served: /, ""); w = $0 }
		END { if (w == "") print "?"; else if (n) printf "%s (%d of %d calls)\n", w, u, n; else print w }'
}

# row: the columns, joined.
row() {
	local IFS='|'
	printf '| %s |\n' "$(printf '%s|' "$@" | sed 's/|$//; s/|/ | /g')"
}

# boot_row K VARIANT CPU: a booted kernel's row.
boot_row() {
	local k=$1 v=$2 cpu=$3 a=${2%%-*} o=$DIR/$1/$2 why log img g
	if [ ! -s "$o/ttyS1.bin" ] || ! grep -q '^=== vdso-boot: power off' "$o/console.log" 2>/dev/null; then
		if ! boot_variant "$k" "$v" "$DIR" "$LIMIT"; then
			why=$(grep '^boot: ' "$o/boot.err" | tail -n 1 | sed 's/^boot: //')
			row "$(boot_kernel_name "$k" "$a")" "$a" "$cpu" "not booted: ${why:-?}" - - - - - - - - - - - -
			return
		fi
	fi
	log=$o/console.log img=$o/ttyS1.bin
	g=$(gate_of "$a" "$img")
	row "$(boot_kernel_name "$k" "$a")" "$a" "$cpu" "$(functions "$img")" "$(stat -c %s "$img")" "$(hashes "$img")" \
		"$(pages "$log")" "$(time_reads "$log")" "$g" "$(vsyscall "$log")" "$(getrandom_state "$log")" \
		"$(aux_clocks "$BUILD/cache/$(kernel_dir "$k" "$a")/config" "$log")" "$(timens "$log")" "$(served "$log")" \
		"$(served "$log" "call clocksource=hpet")" "$(served "$log" "call clocksource=acpi_pm")"
}

# The machine's own kernel, natively: the same commands, framed the same way.
host_row() {
	local a=$1 name cur
	name="$(uname -r | sed 's/^\([0-9.]*\).*/\1/') (host, natively)"
	if ! why=$(runner_available native "$a"); then
		row "$name" "$a" host "not run: $why" - - - - - - - - - - - -
		return
	fi
	if ! "$BUILD/$a/vdso" dump "$T/image-$a" > /dev/null 2> "$T/err"; then
		row "$name" "$a" host "no vDSO: $(head -1 "$T/err")" - - - - - - - - - - - -
		return
	fi
	for c in call map vsyscall check; do
		echo "=== vdso-boot: begin $c ==="
		"$BUILD/$a/vdso" "$c" 2>&1
		echo "=== vdso-boot: end $c status=$? ==="
	done > "$T/host-$a.log"
	# the host's clocksource is whichever it runs: only that column is known
	cur=$(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null)
	local tsc=- hpet=- acpi=-
	case $cur in
	tsc) tsc=$(served "$T/host-$a.log") ;;
	hpet) hpet=$(served "$T/host-$a.log") ;;
	acpi_pm) acpi=$(served "$T/host-$a.log") ;;
	*) tsc="(the host runs ${cur:-?}: $(served "$T/host-$a.log"))" ;;
	esac
	local g
	g=$(gate_of "$a" "$T/image-$a")
	row "$name" "$a" host "$(functions "$T/image-$a")" "$(stat -c %s "$T/image-$a")" "$(hashes "$T/image-$a")" \
		"$(pages "$T/host-$a.log")" "$(time_reads "$T/host-$a.log")" "$g" "$(vsyscall "$T/host-$a.log")" \
		"$(getrandom_state "$T/host-$a.log")" "$(aux_clocks "/boot/config-$(uname -r)" "$T/host-$a.log")" "$(timens "$T/host-$a.log")" "$tsc" "$hpet" "$acpi"
}

{
	echo "| kernel | arch | CPU | vDSO functions (by version) | image | hash | data pages | __vdso_time reads | gate | vsyscall | getrandom state | aux clocks | time ns | tsc: CLOCK_MONOTONIC | hpet | acpi_pm |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for k in $BOOT_KERNELS; do
		for a in x86_64 i386; do
			boot_variants "$a" "$k" | while IFS='|' read -r v cpu params cmd; do
				[ -z "$cmd" ] && boot_row "$k" "$v" "$cpu"
			done
		done
	done
	for b in $NON_X86_BOOTS; do
		k=${b%%:*} a=${b#*:} a=${a%%:*}
		# armmp is a 6.1 kernel: booted where 6.1 is
		[[ " $BOOT_KERNELS " == *" ${k/armmp/6.1} "* ]] && boot_row "$k" "$a" "${b##*:}"
	done
	for a in $(arches); do host_row "$a"; done
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
