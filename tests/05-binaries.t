#!/bin/bash
# tests/05-binaries.t - what every built program must be: static, libc-free,
# with R, RX and RW segments and never one both writable and executable,
# and a non-executable stack (PT_GNU_STACK without X).

source "$(dirname "$0")/tap.sh"

make -C "$TOP" --no-print-directory all units > "$BUILD/binaries.log" 2>&1
ok $? "make all units" || sed 's/^/# /' "$BUILD/binaries.log" | tail -20

# Symbols that only a libc would bring in.
LIBC_SYMBOLS='__libc_start_main|__libc_csu_init|_IO_stdin_used|__errno_location|^errno$|^printf$|^malloc$|^free$|^exit$|^_init$|_dl_'

# Every program the build made: the tool, each demo/*.c, the unit tests.
programs=()
for a in x86_64 i386; do
	for p in vdso $(cd "$TOP/demo" && ls *.c | sed 's/\.c$//'); do
		test -x "$BUILD/$a/$p"
		ok $? "$a/$p was built" && programs+=("$BUILD/$a/$p")
	done
done
for f in "${programs[@]}" "$BUILD"/*/unit/t_*; do
	name=${f#"$BUILD"/}
	phdrs=$(readelf -lW "$f" 2>&1)
	loads=$(echo "$phdrs" | awk '$1 == "LOAD" { print $(NF - 1) }' | tr '\n' ' ')
	# The flags column is one to three letters (R, E, W) before Align.
	is "$loads" "R E RW " "$name: three PT_LOAD segments, R, R E, RW"
	echo "$phdrs" | awk '$1 == "LOAD" && /RWE/ { bad = 1 } END { exit bad }'
	ok $? "$name: no segment writable and executable"
	stack=$(echo "$phdrs" | awk '$1 == "GNU_STACK" { print $(NF - 1) }')
	is "$stack" "RW" "$name: PT_GNU_STACK present, not executable"
	echo "$phdrs" | grep -q INTERP
	ok $((! $?)) "$name: no PT_INTERP (static, no dynamic loader)"
	readelf -SW "$f" | grep -q '\.interp\|\.dynamic'
	ok $((! $?)) "$name: no .interp or .dynamic section"
	undef=$(nm -u "$f" 2>&1)
	is "$undef" "" "$name: no undefined symbols"
	libc=$(nm "$f" | awk '{ print $NF }' | grep -E "$LIBC_SYMBOLS")
	is "$libc" "" "$name: no libc symbol"
	entry=$(readelf -hW "$f" | awk '/Entry point/ { print $NF }')
	start=$(nm "$f" | awk '$3 == "_start" { print "0x" $1 }')
	is "$((entry))" "$((start))" "$name: the entry point is _start"
done

# -fstack-protector-strong in effect: a function with a local array checks
# its canary (a load of the global guard, a call of __stack_chk_fail).
for a in x86_64 i386; do
	f=$BUILD/$a/unit/t_smash
	body=$(objdump -d --no-show-raw-insn "$f" | awk '/<overflow[^>]*>:$/ { on = 1; next } on && /^$/ { exit } on')
	# by name (x86_64, rip-relative) or by address (i386, absolute)
	guard=$(nm "$f" | awk '$3 == "__stack_chk_guard" { sub(/^0+/, "", $1); print $1 }')
	echo "$body" | grep -Eq "__stack_chk_guard|0x$guard"
	ok $? "$a: overflow() in t_smash loads the canary (-fstack-protector-strong)"
	echo "$body" | grep -q '__stack_chk_fail'
	ok $? "$a: overflow() calls __stack_chk_fail when it changed"
	n=$(objdump -d "$BUILD/$a/vdso" | grep -c 'call.*<__stack_chk_fail')
	[ "$n" -gt 0 ]; ok $? "$a: vdso has $n canary checks"
	nm "$BUILD/$a/hello" | grep -q stack_chk
	ok $((! $?)) "$a: hello, with no array, carries no stack protector code"
done
done_testing
