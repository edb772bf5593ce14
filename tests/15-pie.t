#!/bin/bash
# tests/15-pie.t - vdso is a static PIE: the kernel loads it where address
# randomisation says, a new place each run, and it relocates itself
# (start/relocate.c) and makes its RELRO read-only.
#
# Oracles: gdb (randomisation left on) for the auxiliary vector and the
# mappings at the first instruction and at main; readelf for the file.
# Under qemu-user: the program's own auxv, for QEMU places the program.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all > "$BUILD/pie.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$BUILD/pie.log" | tail -20

# gdb_at WHERE PROG: gdb's `info auxv` and `info proc mappings` with the
# program stopped at WHERE (starti: its first instruction; main).
gdb_at() {
	local stop=(-ex starti)
	[ "$1" = main ] && stop=(-ex 'break main' -ex run)
	timeout 60 gdb -nx -batch -ex 'set disable-randomization off' \
		-ex 'set startup-with-shell off' "${stop[@]}" \
		-ex 'info auxv' -ex 'info proc mappings' -ex kill "$2" 2>&1
}
auxv_of() { awk -v t="$1" '$2 == t { print $NF }'; }

for a in $(arches); do
	p=$BUILD/$a/vdso
	e_entry=$(readelf -hW "$p" | awk '/Entry point/ { print $NF }')

	# Natively: the kernel's choice, seen by gdb.
	if ! why=$(runner_available native "$a"); then
		skip "$a native: the load address moves" "$why"
	elif ! command -v gdb > /dev/null; then
		skip "$a native: the load address moves" "gdb is not installed"
	else
		g1=$(gdb_at starti "$p"); g2=$(gdb_at starti "$p")
		e1=$(auxv_of AT_ENTRY <<< "$g1"); e2=$(auxv_of AT_ENTRY <<< "$g2")
		[ -n "$e1" ] && [ -n "$e2" ] && [ "$e1" != "$e2" ]
		ok $? "$a native: AT_ENTRY differs between two runs ($e1, $e2)"
		bias=$((e1 - e_entry))
		[ "$bias" -ne 0 ] && [ $((bias % 4096)) -eq 0 ]
		ok $? "$a native: loaded at a page-aligned bias $(printf '0x%x' $bias) from e_entry $e_entry"
		ph=$(auxv_of AT_PHDR <<< "$g1")
		phoff=$(readelf -hW "$p" | awk '/Start of program headers/ { print $5 }')
		is "$(printf '0x%x' $((ph - bias)))" "$(printf '0x%x' "$phoff")" \
			"$a native: AT_PHDR moved by the same bias"
		# Our own auxv reader sees the same: two runs, two places.
		v1=$("$p" auxv | awk '$1 == "AT_ENTRY:" { print $2 }')
		v2=$("$p" auxv | awk '$1 == "AT_ENTRY:" { print $2 }')
		[ -n "$v1" ] && [ "$v1" != "$v2" ]
		ok $? "$a native: vdso auxv shows AT_ENTRY moving too ($v1, $v2)"

		# At main, relocation is done: the RELRO pages are read-only.
		g=$(gdb_at main "$p")
		e=$(auxv_of AT_ENTRY <<< "$g"); bias=$((e - e_entry))
		read -r rv rs < <(readelf -lW "$p" | awk '$1 == "GNU_RELRO" { print $3, $6 }')
		lo=$((bias + rv)); hi=$((bias + rv + rs))
		perms=$(awk '$1 ~ /^0x/ { print $1, $2, $5 }' <<< "$g" |
			while read -r s e m; do
				[ $((s)) -lt "$hi" ] && [ $((e)) -gt "$lo" ] && echo "$m"
			done | sort -u | tr '\n' ' ')
		is "$perms" "r--p " "$a native: at main, RELRO ($(printf '0x%x+0x%x' $lo $rs)) is mapped read-only"
		awk '$1 ~ /^0x/ && $5 ~ /w.x/' <<< "$g" | grep -q .
		ok $((! $?)) "$a native: no mapping both writable and executable"
	fi

	# Relocation needs nothing from the loader but the jump: without
	# AT_PHDR, or with a wrong one (tests/robust/launch.c), vdso runs.
	if runner_available native "$a" > /dev/null; then
		L=$BUILD/test/pie/launch-$a; mkdir -p "${L%/*}"
		m=$(arch_libc_cc "$a")
		if $m -std=gnu11 -O2 -fPIE -pie -o "$L" "$TOP/tests/robust/launch.c" 2> "$L.log"; then
			for how in "-d AT_PHDR" "-s AT_PHDR=0x1000" "-s AT_PAGESZ=8192"; do
				out=$("$L" $how "$p" --version 2>&1); status=$?
				is "$status:$out" "0:vdso $("$p" --version | cut -d' ' -f2-)" \
					"$a: launched with $how, it relocates itself and runs"
			done
		else
			fail "$a: build the launcher"; sed 's/^/# /' "$L.log" | head -5
		fi
	fi

	# QEMU user mode: where does it put an ET_DYN program?
	for r in qemu7 qemu10; do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$a $r: the load address" "$why"; continue
		fi
		v1=$(run_on "$r" "$a" "$p" auxv | awk '$1 == "AT_ENTRY:" { print $2 }')
		v2=$(run_on "$r" "$a" "$p" auxv | awk '$1 == "AT_ENTRY:" { print $2 }')
		bias=$((v1 - e_entry))
		[ -n "$v1" ] && [ "$bias" -ne 0 ] && [ $((bias % 4096)) -eq 0 ]
		ok $? "$a $r: runs relocated, at a page-aligned bias $(printf '0x%x' $bias)"
		if [ "$v1" = "$v2" ]; then
			skip "$a $r: AT_ENTRY differs between runs" \
				"QEMU's user mode loads an ET_DYN program at a fixed base ($v1 both times): it does not randomise"
		else
			pass "$a $r: AT_ENTRY differs between runs ($v1, $v2)"
		fi
	done
done
# The rule start/relocate.c lives by (README, "Build and test"): until the
# last place is fixed, no GOT entry and no absolute address, since either
# may still hold a link-time value.  Its code's relocations, by objdump,
# must all be PC-relative: none that loads a GOT entry (a *GOT* type other
# than i386's GOTPC and GOTOFF, which are PC-relative) and none absolute
# (a type ending in 32, 64 or ABS32/ABS64; aarch64's ADD_ABS_LO12_NC is
# the low 12 bits of an address whose page an ADR_PREL_PG_HI21 made
# PC-relative, and arm's REL32 is PC-relative).
for a in $(arches); do
	o=$BUILD/$a/obj-pie/start/relocate.o
	types=$($(arch_tool "$a" objdump) -r "$o" 2>/dev/null | awk '
		/^RELOCATION RECORDS FOR \[/ { code = ($4 ~ /^\[\.text/) }
		code && $2 ~ /^R_/ { print $2 }' | sort -u)
	bad=$(grep -E '(GOT|_32$|_64$|ABS(32|64)$)' <<< "$types" | grep -Ev 'GOTPC$|GOTOFF$')
	[ -n "$types" ] && [ -z "$bad" ]
	ok $? "$a: start/relocate.o's code reaches everything PC-relative ($(echo $types))${bad:+; not: $(echo $bad)}"
done

done_testing
