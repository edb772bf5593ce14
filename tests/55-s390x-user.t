#!/bin/bash
# tests/55-s390x-user.t - s390x under QEMU's user mode, until the arch joins
# the whole test matrix (its line in arch/arches still says "not in the
# test matrix yet"): every lesson and every command of the tool, on QEMU
# 7.2 (no vDSO: every fallback) and QEMU 10 (QEMU's own vDSO, a stub of
# system calls), built big-endian, each judged by an oracle:
#   - every lesson and command ends with status 0;
#   - hello's line; clock's time against date(1);
#   (`vdso syms` against readelf, with and without a vDSO, is
#   tests/30-vdso.t's, as on every arch)
#   - call: each function's path is the vDSO exactly where readelf finds
#     the table's symbol in that image;
#   - signal: the handler returned to the image's __kernel_rt_sigreturn,
#     at the offset readelf gives it, whose two bytes are `svc 173`
#     (0a ad: rt_sigreturn's number in the instruction); with no vDSO, to
#     arch_sigreturn, at nm's address;
#   - map: the walk from __kernel_clock_gettime stops at the `svc` whose
#     offset objdump gives;
#   - check: no "not ok" line.
# The image's readelf parity is tests/44-qemu-images.t's.

. "$(dirname "$0")/tap.sh"
. "$TOP/tests/runners.sh"

A=s390x
B=$BUILD/$A
D=$BUILD/test/s390x-user
LESSONS="hello stack auxv find lookup clock gate getrandom signal vsyscall data relocate"
# (`vdso syms`, on every runner and against readelf, is tests/30-vdso.t's)
COMMANDS="summary auxv call check gate signal vsyscall map tour"
OBJDUMP=s390x-linux-gnu-objdump
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
	now=$(date +%s)
	if [ "$r" = qemu7 ]; then
		# no vDSO: the lesson clock says so; the lesson signal asks for the runtime's restorer
		is "$(cat "$O/lesson-clock.out")" "no vDSO here: nothing to call" "$t: clock: no vDSO, said in one line"
		addr=$(nm "$B/signal" | awk '$3 == "arch_sigreturn" { print "0x" $1 }')
		grep -q "^$(printf '0x%x' $((addr))) is arch_sigreturn, the runtime's sa_restorer" "$O/lesson-signal.out" &&
			grep -q '^its code: svc 173 (__NR_rt_sigreturn); svc' "$O/lesson-signal.out"
		ok $? "$t: signal: with no vDSO the handler returned to arch_sigreturn (nm: $addr), svc 173"
		continue
	fi

	# QEMU 10: its image, dumped, is the oracles' input.
	run_on "$r" "$A" "$B/vdso" dump "$O/image.so" > /dev/null 2>&1
	ok $? "$t: vdso dump writes the image"
	readelf -hW "$O/image.so" | grep -q 'Data: *2.s complement, big endian'
	ok $? "$t: the image is big-endian (readelf)"
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
	got=$(cut -d. -f1 "$O/lesson-clock.out")
	ok $(( got >= now - 30 && got <= now ? 0 : 1 )) "$t: clock: $got, within 30 s of date's $now"
	# __kernel_rt_sigreturn's offset in the image: its value less the first PT_LOAD's address
	base=$(readelf -lW "$O/image.so" | awk '$1 == "LOAD" { print $3; exit }')
	val=$(awk '$8 ~ /^__kernel_rt_sigreturn@/ { print "0x" $2 }' "$O/readelf.syms")
	off=$(printf '0x%x' $((val - base)))
	grep -q "is __kernel_rt_sigreturn@LINUX_2.6.29, at +$off in the vDSO" "$O/lesson-signal.out"
	ok $? "$t: signal: the handler returned to __kernel_rt_sigreturn, at +$off in the image (readelf)"
	insn=$($OBJDUMP -d --start-address=$((val)) --stop-address=$((val + 2)) "$O/image.so" |
		awk -F'\t' '/^ *[0-9a-f]+:/ { gsub(/ +$/, "", $2); print $2 "/" $3 " " $4 }')
	is "$insn" "0a ad/svc 173" "$t: objdump: __kernel_rt_sigreturn is svc 173, rt_sigreturn's number in the instruction"
	grep -q '^its code: svc 173 (__NR_rt_sigreturn); svc' "$O/lesson-signal.out"
	ok $? "$t: signal: the lesson decodes it so"
	# map: the first svc of __kernel_clock_gettime, by objdump, is where the walk stops
	cg=$(awk '$8 ~ /^__kernel_clock_gettime@/ { print "0x" $2 }' "$O/readelf.syms")
	svc=$($OBJDUMP -d --start-address=$((cg)) "$O/image.so" |
		awk -F'\t' '$3 ~ /^svc/ { sub(/:.*/, "", $1); gsub(/ /, "", $1); print "0x" $1; exit }')
	svc=$(printf '0x%x' $((svc - base)))      # QEMU relocates its image in place
	grep -q "^  +$svc: 0a 00: a system call: this function has no data load" "$O/map.out"
	ok $? "$t: map: the walk from __kernel_clock_gettime stops at its svc, +$svc (objdump)"
done
done_testing
