#!/bin/bash
# tests/56-ppc64le.t - the ppc64le port under QEMU's user mode, while the
# arch is not in the whole test matrix yet (arch/arches marks it).
#
# On each runner that runs a ppc64le probe (QEMU 10, whose vDSO exports
# are NOTYPE syscall stubs relocated in place; QEMU 7.2, which gives no
# vDSO, so every fallback serves): every lesson and every `vdso` command
# ends with status 0 and says something, or (no vDSO) fails in one line.
# Judged by oracles:
#   - syms: the lines readelf --dyn-syms prints for the image `vdso dump`
#     wrote;
#   - the signal lesson's return: the vDSO's __kernel_sigtramp_rt64 at
#     the offset readelf gives it in that image;
#   - clock: the time it prints within 5 s of date(1)'s;
#   - the error convention: a bad clock id through the vDSO comes back
#     with CR0.SO set and EINVAL as <asm-generic/errno-base.h> numbers
#     it, read as EINVAL, and the system call answers EINVAL;
#   - check: the plan counts its lines, and no "not ok".
# Then one boot of Debian's 6.12 ppc64le kernel (tests/boot/boot.sh, the
# pseries machine in software, about 45 s here) with syms, call, check,
# signal and the image, judged as tests/53-boot-arm.t judges the ARM
# boots: the image by readelf, syms against it, each call's path against
# what it exports, the error flag, check, and the signal's return.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

A=ppc64le
T=$BUILD/test/ppc64le
rm -rf "$T"
mkdir -p "$T"
LESSONS=$(cd "$TOP/demo" && ls *.c | sed 's/\.c$//')
COMMANDS="summary auxv syms call check gate signal vsyscall map tour"
# The kernel's headers for ppc64le (Debian's linux-libc-dev-ppc64el-cross)
UAPI=/usr/powerpc64le-linux-gnu/include
EINVAL=$(awk '$2 == "EINVAL" { print $3 }' "$UAPI/asm-generic/errno-base.h")
READELF=$(command -v powerpc64le-linux-gnu-readelf || command -v readelf)

# offsets BASE: readelf's symbol lines with each value less BASE
offsets() {
	python3 -c 'import sys
base = int(sys.argv[1], 16)
for line in sys.stdin:
    f = line.split()
    f[1] = "%x" % (int(f[1], 16) - base)
    print(" ".join(f))' "$1"
}

if [ ! -x "$BUILD/$A/vdso" ]; then
	skip "ppc64le under QEMU" "not built (make ARCH=ppc64le)"
	done_testing
fi

for r in qemu10 qemu7; do
	if ! why=$(runner_available "$r" "$A"); then
		skip "$r: ppc64le" "$why"
		continue
	fi
	for l in $LESSONS; do
		run_on "$r" "$A" "$BUILD/$A/$l" > "$T/$r-$l.out" 2> "$T/$r-$l.err"
		st=$?
		[ "$l" = clock ] && date +%s.%N > "$T/$r-clock.date"
		[ $st -eq 0 ] && [ -s "$T/$r-$l.out" ]
		ok $? "$r: lesson $l ends with status 0 and says something (status $st)"
	done
	# the auxv lesson's AT_HWCAP and AT_HWCAP2 bits, named as the kernel's
	# asm/cputable.h names its PPC_FEATURE(2)_* values
	for h in AT_HWCAP AT_HWCAP2; do
		v=$(awk -v h="$h" '$2 == h { print $3 }' "$T/$r-auxv.out")
		want=$(python3 - "$v" "$h" "$UAPI/asm/cputable.h" <<'PY'
import re, sys
v, h, path = int(sys.argv[1], 16), sys.argv[2], sys.argv[3]
text = open(path).read().replace("\\\n", " ")
prefix = "PPC_FEATURE2_" if h == "AT_HWCAP2" else "PPC_FEATURE_"
names = {}
for m in re.finditer(r"#define\s+" + prefix + r"(\w+)\s+(0x[0-9a-fA-F]+)", text):
    names[int(m.group(2), 16)] = m.group(1).lower()
print(" ".join(names.get(1 << i, "?") for i in range(32) if v >> i & 1))
PY
)
		got=$(sed -n "s/^$h bits: //p" "$T/$r-auxv.out")
		is "$got" "$want" "$r: lesson auxv: $h $v named as asm/cputable.h names its bits"
	done
	novdso=$(run_on "$r" "$A" "$BUILD/$A/vdso" auxv | grep -c AT_SYSINFO_EHDR)
	for c in $COMMANDS dump; do
		args=$c
		[ "$c" = summary ] && args=
		[ "$c" = dump ] && args="dump $T/$r-image.so"
		run_on "$r" "$A" "$BUILD/$A/vdso" $args > "$T/$r-vdso-$c.out" 2> "$T/$r-vdso-$c.err"
		st=$?
		if [ $st -eq 1 ] && [ "$novdso" = 0 ] && [ "$(wc -l < "$T/$r-vdso-$c.err")" = 1 ] &&
			grep -q '^vdso: .*no vDSO' "$T/$r-vdso-$c.err"; then
			pass "$r: vdso $c: no vDSO here, said in one line: $(cat "$T/$r-vdso-$c.err")"
		else
			out=$T/$r-vdso-$c.out
			[ "$c" = dump ] && out=$T/$r-image.so     # the image, what it writes
			[ $st -eq 0 ] && [ -s "$out" ]
			ok $? "$r: vdso $c ends with status 0 and writes something (status $st)"
		fi
	done
	# check: its plan counts its lines, none fails
	plan=$(sed -n 's/^1\.\.//p' "$T/$r-vdso-check.out")
	lines=$(grep -cE '^(not )?ok ' "$T/$r-vdso-check.out")
	is "$lines" "$plan" "$r: vdso check: the plan (1..$plan) counts its lines"
	is "$(grep -c '^not ok' "$T/$r-vdso-check.out")" 0 "$r: vdso check: no \"not ok\""

	if [ "$novdso" = 0 ]; then
		skip "$r: the vDSO's symbols, sigtramp, error flag" "no vDSO under $r (no AT_SYSINFO_EHDR)"
		grep -q 'not shown: no vDSO clock_gettime here' "$T/$r-vdso-call.out"
		ok $? "$r: vdso call says the error flag is not shown, and why"
		continue
	fi
	# syms against readelf on the dumped image
	# (QEMU relocates its image in place, a new address each run: each
	# value is taken as its offset from the image's own first PT_LOAD)
	base=$("$READELF" -lW "$T/$r-image.so" | awk '$1 == "LOAD" { print $3; exit }')
	"$READELF" --dyn-syms -W "$T/$r-image.so" | grep -E '^ +[0-9]+:' | offsets "$base" > "$T/$r-syms.want"
	base=$(sed -n 's/^image: \(0x[0-9a-f]*\) .*/\1/p' "$T/$r-vdso-syms.out")
	grep -E '^ +[0-9]+:' "$T/$r-vdso-syms.out" | offsets "$base" > "$T/$r-syms.got"
	diff_ok "$T/$r-syms.got" "$T/$r-syms.want" "$r: vdso syms: the symbol lines readelf prints for the image (values as offsets)"
	# signal lesson: the handler returns to __kernel_sigtramp_rt64
	load=$("$READELF" -lW "$T/$r-image.so" | awk '$1 == "LOAD" { print $3; exit }')
	tramp=$("$READELF" --dyn-syms -W "$T/$r-image.so" | awk '$8 ~ /^__kernel_sigtramp_rt64@/ { print $2 }')
	want=$(printf '+0x%x' $((0x$tramp - load)))
	got=$(sed -n 's/.*is __kernel_sigtramp_rt64@LINUX_2.6.15, at \(+0x[0-9a-f]*\) in the vDSO.*/\1/p' "$T/$r-signal.out")
	is "$got" "$want" "$r: signal lesson: the handler returns to __kernel_sigtramp_rt64, at readelf's offset"
	grep -q 'its code: li r0,172 (__NR_rt_sigreturn); sc' "$T/$r-signal.out"
	ok $? "$r: signal lesson: the trampoline decoded as li r0,$(awk '$2 == "__NR_rt_sigreturn" { print $3 }' $UAPI/asm/unistd_64.h); sc"
	# clock lesson against date(1)
	t=$(head -1 "$T/$r-clock.out")
	now=$(cat "$T/$r-clock.date")
	awk -v a="$t" -v b="$now" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a > 0 && d < 5) }'
	ok $? "$r: clock lesson: $t is within 5 s of date's $now"
	# the error flag, live
	line=$(grep '^error flag: clock_gettime(-1)' "$T/$r-vdso-call.out")
	is "$line" "error flag: clock_gettime(-1) through the vDSO came back with CR0.SO set and $EINVAL in the result register," \
		"$r: vdso call: a bad clock id through the vDSO: CR0.SO set, EINVAL ($EINVAL) in r3"
	grep -q '^  which the runtime reads as EINVAL; the system call (sc) answers EINVAL: the same$' "$T/$r-vdso-call.out"
	ok $? "$r: vdso call: read as EINVAL, as the system call answers"
	grep -q '^  clock_gettime(MONOTONIC) through the vDSO: CR0.SO clear, 0 in the result register$' "$T/$r-vdso-call.out"
	ok $? "$r: vdso call: a good call: CR0.SO clear, 0"
	grep -qE "^ok [0-9]+ - clock id -1: CR0.SO set, result register $EINVAL, read as EINVAL; the system call: EINVAL$" "$T/$r-vdso-check.out"
	ok $? "$r: vdso check tests the error flag"
done

# ---- the booted kernel ----------------------------------------------------
BOOT_LIMIT=${BOOT_LIMIT:-240}
section() {
	sed -n "/^=== vdso-boot: begin $2 ===\$/,/^=== vdso-boot: end $2 /p" "$1" | sed '1d;$d'
}
# The candidates of a call in the arch's table, in order: "name sym sym...".
candidates() {
	awk '/^[ \t]*(CALL|ALSO)\(/ {
		line = $0; sub(/^[ \t]*/, "", line)
		kind = substr(line, 1, 4); sub(/^(CALL|ALSO)\(/, "", line)
		n = split(line, f, ",")
		for (i = 1; i <= n; i++) gsub(/^[ \t"]+|[ \t"]+$/, "", f[i])
		if (kind == "CALL") { id = f[1]; name[id] = f[2]; order[++k] = id; sym = f[4] }
		else sym = f[2]
		if (sym != "NO_VDSO_SYMBOL") cands[id] = cands[id] " " sym
	}
	END { for (i = 1; i <= k; i++) print name[order[i]] cands[order[i]] }' "$TOP/arch/$A/vdso_calls.h"
}
STEPS="syms call check signal dump"
t="6.12 $A"
OUT=$T/boot-6.12
mkdir -p "$OUT"
LOG=$OUT/console.log ERR=$OUT/boot.err
if ! command -v qemu-system-ppc64 > /dev/null; then
	skip "$t: boot as /init" "qemu-system-ppc64 not installed (Debian: qemu-system-ppc, 7.2 as the x86 one)"
	done_testing
fi
"$TOP/tests/boot/boot.sh" -k 6.12 -o "$OUT" -t "$BOOT_LIMIT" "$A" syms + call + check + signal + image > /dev/null 2> "$ERR"
STATUS=$?
if [ "$STATUS" = 125 ] && grep -q 'no .* kernel' "$ERR"; then
	skip "$t: boot as /init" "$(tail -n 1 "$ERR" | sed 's/^boot: //')"
	done_testing
fi
secs=$(cat "$OUT/time" 2>/dev/null || echo ?)
diag "$t: $(grep -m1 '^boot: ' "$ERR" | sed 's/; append.*//'): $secs s"
qemu=$(sed -n 's/.*QEMU ended with status \([0-9]*\).*/\1/p' "$ERR" | tail -1)
is "${qemu:-none}" 0 "$t: QEMU ended by itself, with status 0 ($secs s)"
grep -q "=== vdso-boot: init pid=1 arch=$A ===\$" "$LOG"     # the kernel's last line may precede it
ok $? "$t: the program ran as /init, process 1"
got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
is "$got" "$STEPS " "$t: init ran the steps in order"
for s in $STEPS; do
	st=$(sed -n "s/^=== vdso-boot: end $s status=\([0-9]*\).*/\1/p" "$LOG" | tail -1)
	is "${st:-none}" 0 "$t: step '$s' ended with status=0"
done
grep -q '^=== vdso-boot: power off status=0 ===$' "$LOG" && grep -q 'reboot: Power down' "$LOG"
ok $? "$t: init powered the machine off, its last line not lost"

# The image: byte for byte, read by readelf, of this arch.
img=$OUT/ttyS1.bin
want=$(sed -n 's/^dump: cksum \([0-9]* [0-9]*\)$/\1/p' "$LOG" | tail -1)
is "$(cksum < "$img" 2>/dev/null)" "${want:-(no cksum line)}" "$t: the image came back byte for byte (cksum and size as init computed them)"
"$READELF" -a -W "$img" > "$OUT/readelf.txt" 2> "$OUT/readelf.err"
[ $? -eq 0 ] && [ ! -s "$OUT/readelf.err" ]
ok $? "$t: readelf -a -W reads the image with no warning"
grep -q 'Class: *ELF64$' "$OUT/readelf.txt" && grep -q 'Machine: *PowerPC64$' "$OUT/readelf.txt" &&
	grep -q "Data: *2's complement, little endian$" "$OUT/readelf.txt"
ok $? "$t: the image is ELF64, PowerPC64, little-endian"
# Its size by its own headers: the section headers' end, far past PT_LOAD.
shoff=$(awk '/Start of section headers:/ { print $5 }' "$OUT/readelf.txt")
shnum=$(awk '/Number of section headers:/ { print $5 }' "$OUT/readelf.txt")
shsize=$(awk '/Size of section headers:/ { print $5 }' "$OUT/readelf.txt")
load=$(awk '$1 == "LOAD" { print $5; exit }' "$OUT/readelf.txt")
size=$(sed -n 's/^image: .*, \([0-9]*\) bytes by its own headers$/\1/p' "$LOG" | head -1)
# (whole pages of the kernel's size: its config says 4 KiB or 64 KiB)
page=65536
grep -q '^CONFIG_PPC_4K_PAGES=y' "$BUILD/cache/kernel-6.12-powerpc64le/config" 2>/dev/null && page=4096
end=$((shoff + shnum * shsize))
is "$size" "$(((end + page - 1) / page * page))" "$t: syms sized the image by its section headers' end, $end bytes, in pages of $page ($size; PT_LOAD's file size is $((load)))"

# syms against readelf.
section "$LOG" syms | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.inside"
"$READELF" --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.readelf"
diff_ok "$OUT/syms.readelf" "$OUT/syms.inside" "$t: readelf --dyn-syms of the image lists what syms printed inside ($(wc -l < "$OUT/syms.inside") symbols)"
for f in __kernel_get_tbfreq __kernel_sync_dicache __kernel_get_syscall_map; do
	grep -q " $f@@LINUX_2.6.15\$" "$OUT/syms.readelf"
	ok $? "$t: the image exports $f (readelf), outside the call table: no system call twin"
done

# call: each function's path against what readelf says the image exports.
call=$(section "$LOG" call)
paths=$(sed -n 's/^paths: //p' <<< "$call")
exports=" $("$READELF" --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $4 != "OBJECT" { sub(/@.*/, "", $8); print $8 }' | tr '\n' ' ')"
while read -r name cands; do
	want=syscall
	for c in $cands; do
		[[ "$exports" == *" $c "* ]] && { want="vdso($c)"; break; }
	done
	item=$(grep -oE "(^| )$name=[a-z]+(\([^)]*\))?" <<< "$paths" | tr -d ' ')
	is "${item#*=}" "$want" "$t: $name: ${want/syscall/no candidate (${cands:-none}) exported: the system call}"
done < <(candidates)
grep -q "^error flag: clock_gettime(-1) through the vDSO came back with CR0.SO set and $EINVAL in the result register,\$" <<< "$call" &&
	grep -q '^  which the runtime reads as EINVAL; the system call (sc) answers EINVAL: the same$' <<< "$call"
ok $? "$t: the kernel's vDSO says a bad clock id with CR0.SO and EINVAL ($EINVAL), read as EINVAL, as the system call"

# check: the kernel's vDSO passes every check that runs, the error flag's too.
chk=$(section "$LOG" check)
n=$(grep -c '^ok ' <<< "$chk")
[ "$n" -gt 0 ] && ! grep -q '^not ok ' <<< "$chk"
ok $? "$t: check inside: $n checks, none failed"
grep -qE "^ok [0-9]+ - clock id -1: CR0.SO set, result register $EINVAL, read as EINVAL; the system call: EINVAL\$" <<< "$chk"
ok $? "$t: check inside tests the error flag"

# signal: a handler returns to __kernel_sigtramp_rt64, at readelf's offset.
tramp=$("$READELF" --dyn-syms -W "$img" | awk '$8 ~ /^__kernel_sigtramp_rt64@/ { print $2 }')
vaddr=$(awk '$1 == "LOAD" { print $3; exit }' "$OUT/readelf.txt")
want=$(printf '+0x%x' $((0x$tramp - vaddr)))
sig=$(section "$LOG" signal)
got=$(grep -c "return address 0x[0-9a-f]*: __kernel_sigtramp_rt64@LINUX_2.6.15+0x0 in the vDSO ($want)" <<< "$sig")
is "$got" 2 "$t: both handlers return to __kernel_sigtramp_rt64, at readelf's offset $want (SA_RESTORER or not)"
grep -q "code there: .*: system call $(awk '$2 == "__NR_rt_sigreturn" { print $3 }' $UAPI/asm/unistd_64.h) (rt_sigreturn) by sc" <<< "$sig"
ok $? "$t: the trampoline decoded: rt_sigreturn by sc"

done_testing
