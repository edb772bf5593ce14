#!/bin/bash
# tests/53-boot-arm.t - the program as /init under Debian's ARM kernels,
# and under its riscv64 kernel.
#
# tests/boot/boot.sh boots build/ARCH/vdso in QEMU's "virt" machine, in
# software: Debian's arm64 kernel (6.1, and 6.12 from bookworm-backports)
# for aarch64, the same kernels for 32-bit arm through their compat layer
# (the compat vDSO, vdso32), Debian's armmp kernel (6.1, ARMv7) for
# arm natively, and trixie's riscv64 kernel (6.12, under OpenSBI) for
# riscv64.  Each boot costs 15-30 s here, so each (kernel, arch) is
# booted once, with every command this test reads in that one boot:
#
#   syms + call + check + image
#
# and this test reads what came back:
#   - the boot: QEMU ended by itself, init was process 1, every step ended
#     with status=0, init powered the machine off;
#   - the image, sent back as hex on the console (the virt machine has one
#     serial port): size and POSIX cksum as init computed them, \x7fELF,
#     the arch's ELF class and machine, and readelf reads it with no warning;
#   - syms: the lines readelf --dyn-syms prints for the image;
#   - call: for each function of the arch's table (arch/ARCH/vdso_calls.h,
#     its candidates in order), the vDSO path with the first candidate the
#     image exports (by readelf), else the system call; and the time of
#     clock_gettime(CLOCK_REALTIME) both ways within 50 ms of each other;
#   - check: no "not ok" line.
# Last, the table of what each kernel's vDSO offers (functions, versions,
# hash tables), from readelf, as diagnostics.
#
# Then riscv64's `vdso map` in one more boot, held to objdump, and `vdso
# trace` in four more (below, before their loops).
#
# A kernel that cannot be fetched, or a missing qemu-system-aarch64/-arm/
# -riscv64, is a skip that says why.  Logs: build/test/boot-arm/KERNEL-ARCH/.

. "$(dirname "$0")/tap.sh"

BOOT_LIMIT=${BOOT_LIMIT:-120}
# kernel (boot.sh -k), arch: the ARM machines of tests/boot/boot.sh.
BOOTS="6.1:aarch64 6.12:aarch64 6.1:arm 6.12:arm armmp:arm 6.12:riscv64"
STEPS="syms call check dump"
D=$BUILD/test/boot-arm
mkdir -p "$D"

section() {
	sed -n "/^=== vdso-boot: begin $2 ===\$/,/^=== vdso-boot: end $2 /p" "$1" | sed '1d;$d'
}

# The Debian package of a qemu-system emulator.
qemu_package() {
	case $1 in qemu-system-riscv64) echo qemu-system-misc ;; *) echo qemu-system-arm ;; esac
}

# The candidates of a call in the arch's table, in order: "name sym sym...".
candidates() {          # candidates ARCH
	awk '/^[ \t]*(CALL|ALSO)\(/ {
		line = $0; sub(/^[ \t]*/, "", line)
		kind = substr(line, 1, 4); sub(/^(CALL|ALSO)\(/, "", line)
		n = split(line, f, ",")
		for (i = 1; i <= n; i++) gsub(/^[ \t"]+|[ \t"]+$/, "", f[i])
		if (kind == "CALL") { id = f[1]; name[id] = f[2]; order[++k] = id; sym = f[4] }
		else sym = f[2]
		if (sym != "NO_VDSO_SYMBOL") cands[id] = cands[id] " " sym
	}
	END { for (i = 1; i <= k; i++) print name[order[i]] cands[order[i]] }' "$TOP/arch/$1/vdso_calls.h"
}

TABLE=()
for b in $BOOTS; do
	k=${b%%:*} a=${b#*:}
	t="$k $a"
	case $k:$a in
	armmp:*) q=qemu-system-arm ;;
	*:riscv64) q=qemu-system-riscv64 ;;
	*) q=qemu-system-aarch64 ;;
	esac
	if ! command -v $q > /dev/null; then
		skip "$t: boot as /init" "$q not installed (Debian: $(qemu_package $q))"
		continue
	fi
	if [ ! -x "$BUILD/$a/vdso" ]; then
		skip "$t: boot as /init" "$BUILD/$a/vdso not built (make ARCH=$a; make test builds it)"
		continue
	fi
	OUT=$D/$k-$a
	rm -rf "$OUT"
	mkdir -p "$OUT"
	LOG=$OUT/console.log ERR=$OUT/boot.err
	"$TOP/tests/boot/boot.sh" -k "$k" -o "$OUT" -t "$BOOT_LIMIT" "$a" syms + call + check + image > /dev/null 2> "$ERR"
	STATUS=$?
	if [ "$STATUS" = 125 ] && grep -q 'no .* kernel' "$ERR"; then
		skip "$t: boot as /init" "$(tail -n 1 "$ERR" | sed 's/^boot: //')"
		continue
	fi
	secs=$(cat "$OUT/time" 2>/dev/null || echo ?)
	diag "$t: $(grep -m1 '^boot: ' "$ERR" | sed 's/; append.*//'): $secs s"

	# The boot itself.
	qemu=$(sed -n 's/.*QEMU ended with status \([0-9]*\).*/\1/p' "$ERR" | tail -1)
	is "${qemu:-none}" 0 "$t: QEMU ended by itself, with status 0 ($secs s)"
	[ "${qemu:-none}" = 0 ] || sed 's/^/# /' "$ERR" | tail -5
	grep -q "^=== vdso-boot: init pid=1 arch=$a ===\$" "$LOG"
	ok $? "$t: the program ran as /init, process 1"
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
	is "$got" "$STEPS " "$t: init ran the steps in order"
	for s in $STEPS; do
		st=$(sed -n "s/^=== vdso-boot: end $s status=\([0-9]*\).*/\1/p" "$LOG" | tail -1)
		is "${st:-none}" 0 "$t: step '$s' ended with status=0"
	done
	grep -q '^=== vdso-boot: power off status=0 ===$' "$LOG" && grep -q 'reboot: Power down' "$LOG"
	ok $? "$t: init powered the machine off, its last line not lost"

	# The image.
	img=$OUT/ttyS1.bin
	want=$(sed -n 's/^dump: cksum \([0-9]* [0-9]*\)$/\1/p' "$LOG" | tail -1)
	is "$(cksum < "$img" 2>/dev/null)" "${want:-(no cksum line)}" "$t: the image came back byte for byte (cksum and size as init computed them)"
	is "$(head -c 4 "$img" 2>/dev/null | od -An -tx1 | tr -d ' \n')" 7f454c46 "$t: the image starts with \\x7fELF"
	readelf -a -W "$img" > "$OUT/readelf.txt" 2> "$OUT/readelf.err"
	[ $? -eq 0 ] && [ ! -s "$OUT/readelf.err" ]
	ok $? "$t: readelf -a -W reads the image with no warning"
	class=ELF64 machine=AArch64
	[ "$a" = arm ] && class=ELF32 machine=ARM
	[ "$a" = riscv64 ] && machine=RISC-V
	grep -q "Class: *$class\$" "$OUT/readelf.txt" && grep -q "Machine: *$machine\$" "$OUT/readelf.txt"
	ok $? "$t: the image is $class, $machine, as this arch's vDSO must be"

	# syms against readelf.
	section "$LOG" syms | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.inside"
	readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.readelf"
	[ -s "$OUT/syms.inside" ]
	ok $? "$t: syms listed $(wc -l < "$OUT/syms.inside") symbols inside"
	diff_ok "$OUT/syms.readelf" "$OUT/syms.inside" "$t: readelf --dyn-syms of the image lists what syms printed inside"

	# call: each function's path against what readelf says the image exports.
	call=$(section "$LOG" call)
	paths=$(sed -n 's/^paths: //p' <<< "$call")
	exports=" $(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $4 != "OBJECT" { sub(/@.*/, "", $8); print $8 }' | tr '\n' ' ')"
	while read -r name cands; do
		want=syscall
		for c in $cands; do
			[[ "$exports" == *" $c "* ]] && { want="vdso($c)"; break; }
		done
		item=$(grep -oE "(^| )$name=[a-z]+(\([^)]*\))?" <<< "$paths" | tr -d ' ')
		is "${item#*=}" "$want" "$t: $name: ${want/syscall/no candidate (${cands:-none}) exported: the system call}"
	done < <(candidates "$a")
	line=$(awk '$1 == "clock_gettime" && $2 == "REALTIME" { print $4, $5 }' <<< "$call")
	awk -v l="$line" 'BEGIN { split(l, v, " "); d = v[1] - v[2]; if (d < 0) d = -d; exit !(l != "" && d < 0.05) }'
	ok $? "$t: clock_gettime(CLOCK_REALTIME) by its path and by the system call within 50 ms ($line)"

	# riscv64's hwprobe: each key's pair through the vDSO (hwprobe.c, from
	# the data page) against the system call's, compared here.
	if [ "$a" = riscv64 ]; then
		rows=$(awk '$1 == "riscv_hwprobe" && $2 == "key" && $4 == "vdso"' <<< "$call")
		n=$(grep -c . <<< "$rows")
		ok $(( n >= 5 ? 0 : 1 )) "$t: riscv_hwprobe asked $n keys through the vDSO"
		is "$(awk '$5 != $6 { print }' <<< "$rows")" "" "$t: riscv_hwprobe: for every key the vDSO's value is the system call's"
	fi

	# check: the kernel's vDSO passes every check that runs.
	chk=$(section "$LOG" check)
	n=$(grep -c '^ok ' <<< "$chk")
	[ "$n" -gt 0 ] && ! grep -q '^not ok ' <<< "$chk"
	ok $? "$t: check inside: $n checks, none failed"
	grep '^not ok ' <<< "$chk" | head -3 | sed 's/^/#   /'

	# The table's row: functions (FUNC or NOTYPE), version, hash tables.
	funcs=$(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $4 != "OBJECT" { print $8 }' | sort | tr '\n' ' ')
	hashes=$(readelf -d -W "$img" | grep -oE '\((GNU_HASH|HASH)\)' | tr -d '()' | sort | tr '\n' ' ')
	TABLE+=("$t: $funcs| hash: $hashes| $secs s")
done
for row in "${TABLE[@]}"; do diag "$row"; done

# riscv64's `vdso map` inside the booted kernel, /proc mounted: its walk
# from __vdso_clock_gettime to the first data load (auipc, addi, a load)
# against riscv64-linux-gnu-objdump's reading of the same instructions in
# the image that boot sent back (the image is linked at 0: objdump's
# target of the auipc pair is the offset from AT_SYSINFO_EHDR), and the
# mapping it names against the maps lines map printed.
OD=riscv64-linux-gnu-objdump
if ! command -v qemu-system-riscv64 > /dev/null; then
	skip "6.12 riscv64: vdso map" "qemu-system-riscv64 not installed (Debian: qemu-system-misc)"
elif ! command -v $OD > /dev/null; then
	skip "6.12 riscv64: vdso map" "no $OD (Debian: binutils-riscv64-linux-gnu)"
elif [ ! -x "$BUILD/riscv64/vdso" ]; then
	skip "6.12 riscv64: vdso map" "$BUILD/riscv64/vdso not built (make ARCH=riscv64)"
else
	t="6.12 riscv64: vdso map"
	OUT=$D/map-6.12-riscv64
	rm -rf "$OUT"
	mkdir -p "$OUT"
	"$TOP/tests/boot/boot.sh" -k 6.12 -a VDSO_PROC=1 -o "$OUT" -t "$BOOT_LIMIT" riscv64 map + image \
		> /dev/null 2> "$OUT/boot.err"
	is "$?" 0 "$t + image: the boot ends with status 0 ($(cat "$OUT/time" 2>/dev/null || echo ?) s)"
	map=$(section "$OUT/console.log" map)
	# objdump: the auipc pair's target ("# ffffffffffffe000 <...>"), then the first load's displacement
	pair=$($OD -d --disassemble=__vdso_clock_gettime "$OUT/ttyS1.bin" 2>/dev/null |
		awk '/\tauipc\t/ { a = 1 } a && !t && /# [0-9a-f]+ </ { sub(/.*# /, ""); t = $1 }
		     a && t && /\tl[bhwd]u?\t/ { d = $NF; sub(/\(.*/, "", d); sub(/.*,/, "", d); print t, d; exit }')
	want=
	if [ -n "$pair" ]; then
		want=$(python3 -c 'import sys; t, d = sys.argv[1:]; v = (int(t, 16) + int(d, 0) + 2**63) % 2**64 - 2**63
print(("-0x%x" % -v) if v < 0 else ("+0x%x" % v))' $pair)
	fi
	got=$(sed -n 's/^it reads 0x[0-9a-f]* = AT_SYSINFO_EHDR \([-+]0x[0-9a-f]*\): .*/\1/p' <<< "$map")
	is "${got:-none}" "${want:-(objdump found no auipc pair and load)}" \
		"$t: the first data load is at AT_SYSINFO_EHDR ${want:-?}, as objdump reads auipc, addi and the load"
	where=$(sed -n 's/^it reads [^:]*: in \(\[[a-z_]*\]\), page.*/\1/p' <<< "$map")
	lo=$(awk '$1 == where { split($2, r, "-"); print r[1] }' where="$where" <<< "$map")
	hi=$(awk '$1 == where { split($2, r, "-"); print r[2] }' where="$where" <<< "$map")
	addr=$(sed -n 's/^it reads \(0x[0-9a-f]*\) = .*/\1/p' <<< "$map")
	[ -n "$where" ] && [ -n "$lo" ] && [ -n "$addr" ] && [ $((addr >= 0x$lo && addr < 0x$hi)) = 1 ]
	ok $? \
		"$t: it names ${where:-no mapping}, and $addr lies within that maps line (${lo:-?}-${hi:-?})"
fi

# `vdso trace` inside the booted kernels: `vdso trace /init call
# clock_gettime` as /init, its tracee `vdso call` itself, which prints the
# value each path gave.  Each value it received through the vDSO must be
# in a traced line, and the trace must end with status 0.  arm64 and
# armmp trace natively; the 32-bit program under the arm64 kernel finds a
# Thumb vDSO (vdso32), which trace says in one line it does not trace:
# the count it gives is held to readelf's odd (Thumb) function addresses
# of the image that kernel's boot above sent back.  riscv64 traces with
# no single step, as armmp does.
TRACE_BOOTS="6.1:aarch64 armmp:arm 6.1:arm 6.12:riscv64"
# The traced lines' values, as `vdso call` prints them ("S.NNNNNNNNN").
traced() {
	perl -ne 'printf "%s %d.%09d\n", $2, $3, $4
		if /^(clock_gettime(?:64)?)\(CLOCK_(\w+), \{tv_sec=(\d+), tv_nsec=(\d+)\}\) = 0 <vdso/' "$1" | sort
}
# The values `vdso call` received through the vDSO, from its table.
received() {
	awk '$3 == "vdso" && $1 == "clock_gettime" { print $2, $4 }' "$1" | sort
}
for b in $TRACE_BOOTS; do
	k=${b%%:*} a=${b#*:}
	t="$k $a: vdso trace"
	case $k:$a in armmp:*) q=qemu-system-arm ;; *:riscv64) q=qemu-system-riscv64 ;; *) q=qemu-system-aarch64 ;; esac
	if ! command -v $q > /dev/null; then
		skip "$t" "$q not installed (Debian: $(qemu_package $q))"
		continue
	elif [ ! -x "$BUILD/$a/vdso" ]; then
		skip "$t" "$BUILD/$a/vdso not built (make ARCH=$a)"
		continue
	fi
	OUT=$D/trace-$k-$a
	rm -rf "$OUT"
	mkdir -p "$OUT"
	LOG=$OUT/console.log
	"$TOP/tests/boot/boot.sh" -k "$k" -o "$OUT" -t "$BOOT_LIMIT" "$a" \
		trace /init call clock_gettime > /dev/null 2> "$OUT/boot.err"
	STATUS=$?
	if [ "$STATUS" = 125 ] && grep -q 'no .* kernel' "$OUT/boot.err"; then
		skip "$t" "$(tail -n 1 "$OUT/boot.err" | sed 's/^boot: //')"
		continue
	fi
	is "$STATUS" 0 "$t /init call clock_gettime ends with status 0 ($(cat "$OUT/time" 2>/dev/null || echo ?) s)"
	received "$LOG" > "$OUT/want"
	traced "$LOG" > "$OUT/got"
	if [ "$k:$a" = 6.1:arm ]; then
		said=$(sed -n 's/^vdso: trace: vDSO: \([0-9]*\) functions not traced: Thumb code .*/\1/p' "$LOG")
		img=$D/$k-$a/ttyS1.bin
		if [ ! -s "$img" ]; then
			skip "$t: the Thumb functions it leaves out" "no image from the $k $a boot above"
			continue
		fi
		thumb=$(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" &&
			($4 == "FUNC" || $4 == "NOTYPE") && ($5 == "GLOBAL" || $5 == "WEAK") &&
			$8 !~ /sigreturn/ && $2 ~ /[13579bdf]$/ { print $2 }' | sort -u | wc -l)
		is "${said:-none}" "$thumb" "$t: says in one line that the vDSO's $thumb Thumb functions (readelf: odd addresses) are not traced"
		is "$(wc -l < "$OUT/got")" 0 "$t: no call traced in a Thumb vDSO"
		continue
	fi
	ok $(( $(wc -l < "$OUT/want") >= 2 ? 0 : 1 )) "$t: vdso call served $(wc -l < "$OUT/want") calls by the vDSO"
	missing=$(comm -23 "$OUT/want" "$OUT/got")
	is "$missing" "" "$t: each value vdso call received through the vDSO is in a traced line"
	grep '^clock_gettime' "$LOG" | head -3 | sed 's/^/# /'
done
done_testing
