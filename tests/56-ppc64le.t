#!/bin/bash
# tests/56-ppc64le.t - the ppc64le port under QEMU's user mode, while the
# arch is not in the whole test matrix yet (arch/arches marks it).
#
# On each runner that runs a ppc64le probe (QEMU 10, whose vDSO exports
# are NOTYPE syscall stubs relocated in place; QEMU 7.2, which gives no
# vDSO, so every fallback serves): every lesson and every `vdso` command
# ends with status 0 and says something, or (no vDSO) fails in one line.
# Judged by oracles:
#   (`vdso syms` against readelf is tests/30-vdso.t's, as on every arch)
#   - the signal lesson's return: the vDSO's __kernel_sigtramp_rt64 at
#     the offset readelf gives it in that image;
#   - clock: the time it prints within 5 s of date(1)'s;
#   - the error convention: a bad clock id through the vDSO comes back
#     with CR0.SO set and EINVAL as <asm-generic/errno-base.h> numbers
#     it, read as EINVAL, and the system call answers EINVAL;
#   - check: the plan counts its lines, and no "not ok".
# (The booted 6.12 kernel's vDSO is tests/53-boot-non-x86.t's.)

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

A=ppc64le
T=$BUILD/test/ppc64le
rm -rf "$T"
mkdir -p "$T"
LESSONS=$(cd "$TOP/demo" && ls *.c | sed 's/\.c$//')
# (`vdso syms`, on every runner and against readelf, is tests/30-vdso.t's)
COMMANDS="summary auxv call check gate signal vsyscall map tour"
# The kernel's headers for ppc64le (Debian's linux-libc-dev-ppc64el-cross)
UAPI=/usr/powerpc64le-linux-gnu/include
EINVAL=$(awk '$2 == "EINVAL" { print $3 }' "$UAPI/asm-generic/errno-base.h")
READELF=$(command -v powerpc64le-linux-gnu-readelf || command -v readelf)

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
		skip "$r: the vDSO's sigtramp, error flag" "no vDSO under $r (no AT_SYSINFO_EHDR)"
		grep -q 'not shown: no vDSO clock_gettime here' "$T/$r-vdso-call.out"
		ok $? "$r: vdso call says the error flag is not shown, and why"
		continue
	fi
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

done_testing
