#!/bin/bash
# tests/54-riscv64-user.t - riscv64 under QEMU's user mode, until the arch
# joins the whole test matrix (its line in arch/arches still says "not in
# the test matrix yet"): every lesson and every command of the tool, on
# QEMU 7.2 (no vDSO: every fallback) and QEMU 10 (QEMU's own vDSO, a stub
# of system calls with no riscv_hwprobe), each judged by an oracle:
#   - every lesson and command ends with status 0;
#   - hello's line; clock's time against date(1);
#   (`vdso syms` against readelf, with and without a vDSO, is
#   tests/30-vdso.t's, as on every arch)
#   - call: each function's path is the vDSO exactly where readelf finds
#     the table's symbol in that image; every riscv_hwprobe key answered
#     alike by both columns, compared here;
#   - signal: the handler returned to the image's __vdso_rt_sigreturn, at
#     the offset readelf gives it (QEMU 10), or to QEMU 7.2's own code;
#   - check: no "not ok" line.
# (The booted kernel's vDSO, with hwprobe, is tests/53-boot-non-x86.t's.)

. "$(dirname "$0")/tap.sh"
. "$TOP/tests/runners.sh"

A=riscv64
B=$BUILD/$A
D=$BUILD/test/riscv64-user
LESSONS="hello stack auxv find lookup clock gate getrandom signal vsyscall data relocate"
# (`vdso syms`, on every runner and against readelf, is tests/30-vdso.t's)
COMMANDS="summary auxv call check gate signal vsyscall map tour"
mkdir -p "$D"

for r in qemu7 qemu10; do
	t="$r $A"
	if [ ! -x "$B/vdso" ]; then
		skip "$t: lessons and commands" "$B/vdso not built (make ARCH=$A; make test builds it)"
		continue
	fi
	if ! why=$(runner_available "$r" "$A"); then
		skip "$t: lessons and commands" "$why"
		continue
	fi
	O=$D/$r
	rm -rf "$O"
	mkdir -p "$O"
	for p in $LESSONS; do
		run_on "$r" "$A" "$B/$p" > "$O/lesson-$p.out" 2> "$O/lesson-$p.err"
		is "$?" 0 "$t: lesson $p ends with status 0"
	done
	is "$(cat "$O/lesson-hello.out")" "Hello from a program without libc." "$t: hello's line"
	for c in $COMMANDS; do
		run_on "$r" "$A" "$B/vdso" $([ "$c" = summary ] || echo "$c") > "$O/$c.out" 2> "$O/$c.err"
		st=$?
		is "$st" 0 "$t: vdso $c ends with status 0"
	done
	! grep -q '^not ok' "$O/check.out"
	ok $? "$t: vdso check: $(grep -c '^ok' "$O/check.out") checks, none failed"
	rows=$(awk '$1 == "riscv_hwprobe" && $2 == "key"' "$O/call.out")
	is "$(grep -c . <<< "$rows")" "$(grep -o '{ [0-9]*, "' "$TOP/arch/$A/vdso_calls.h" | grep -c .)" \
		"$t: vdso call asks riscv_hwprobe every key of arch/$A/vdso_calls.h"
	is "$(awk '$5 != $6' <<< "$rows")" "" "$t: riscv_hwprobe: each key's value through the path equals the system call's"

	if [ "$r" = qemu7 ]; then
		grep -q 'is NEITHER arch_sigreturn nor the vDSO.s: the runner.s own code' "$O/lesson-signal.out" &&
			grep -q '^its code: li a7, 139 (__NR_rt_sigreturn); ecall$' "$O/lesson-signal.out"
		ok $? "$t: signal: with no vDSO the handler returned to QEMU's own rt_sigreturn"
		continue
	fi

	# QEMU 10: its image, dumped, is the oracles' input.
	run_on "$r" "$A" "$B/vdso" dump "$O/image.so" > /dev/null 2>&1
	ok $? "$t: vdso dump writes the image"
	readelf --dyn-syms -W "$O/image.so" > "$O/readelf.syms" 2>&1
	exports=" $(awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" { sub(/@.*/, "", $8); print $8 }' "$O/readelf.syms" | tr '\n' ' ')"
	paths=$(sed -n 's/^paths: //p' "$O/call.out")
	for call in $(awk -F'"' '/^[ \t]*CALL\(/ { printf "%s:%s ", $2, $6 }' "$TOP/arch/$A/vdso_calls.h"); do
		name=${call%%:*} sym=${call#*:}
		want=syscall
		[ -n "$sym" ] && [[ "$exports" == *" $sym "* ]] && want="vdso($sym)"
		item=$(grep -oE "(^| )$name=[a-z]+(\([^)]*\))?" <<< "$paths" | tr -d ' ')
		is "${item#*=}" "$want" "$t: vdso call: $name by ${want/syscall/the system call (readelf: ${sym:-no symbol} not in the image)}"
	done
	grep -q '^riscv_hwprobe: this vDSO has no such function' "$O/call.out"
	ok $? "$t: vdso call says QEMU's vDSO has no riscv_hwprobe"
	now=$(date +%s)
	got=$(cut -d. -f1 "$O/lesson-clock.out")
	ok $(( got >= now - 30 && got <= now ? 0 : 1 )) "$t: clock: $got, within 30 s of date's $now"
	# __vdso_rt_sigreturn's offset in the image: its value less the first PT_LOAD's address
	base=$(readelf -lW "$O/image.so" | awk '$1 == "LOAD" { print $3; exit }')
	val=$(awk '$8 ~ /^__vdso_rt_sigreturn@/ { print "0x" $2 }' "$O/readelf.syms")
	off=$(printf '0x%x' $((val - base)))
	grep -q "is __vdso_rt_sigreturn@LINUX_4.15, at +$off in the vDSO" "$O/lesson-signal.out"
	ok $? "$t: signal: the handler returned to __vdso_rt_sigreturn, at +$off in the image (readelf)"
done
done_testing
