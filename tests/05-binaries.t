#!/bin/bash
# tests/05-binaries.t - what every built program must be: static, libc-free,
# with R, RX and RW segments and never one both writable and executable,
# and a non-executable stack (PT_GNU_STACK without X).

source "$(dirname "$0")/tap.sh"

make -C "$TOP" --no-print-directory all units > "$BUILD/binaries.log" 2>&1
ok $? "make all units" || sed 's/^/# /' "$BUILD/binaries.log" | tail -20

# Symbols that only a libc would bring in.
LIBC_SYMBOLS='__libc_start_main|__libc_csu_init|_IO_stdin_used|__errno_location|^errno$|^printf$|^malloc$|^free$|^exit$|^_init$|_dl_'

for f in "$BUILD"/x86_64/{hello,vdso} "$BUILD"/i386/{hello,vdso} "$BUILD"/*/unit/t_*; do
	[ -f "$f" ] || continue
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
done_testing
