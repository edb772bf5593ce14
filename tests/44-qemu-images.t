#!/bin/bash
# tests/44-qemu-images.t - `vdso read` at readelf parity on the vDSO image
# of every target QEMU 10's user mode carries: little- and big-endian,
# 32- and 64-bit, the arches this project runs on and those it does not
# yet (s390x, whose SysV hash entries are 8 bytes; ppc64 and ppc64le;
# riscv64; aarch64_be).
#
# QEMU keeps each target's vDSO inside the emulator's file and copies it
# into the guest (linux-user/gen-vdso.c); tests/oracle/embedded_vdso.py
# cuts every such image out, with Python's struct module, and
# tests/oracle/read_parity.py compares what each native build of
# `vdso read` prints of them with readelf (symbols, versions, dynamic
# table).  The emulators come from tests/setup/qemu10.sh.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/qemu-images
rm -rf "$T"
mkdir -p "$T"
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

if ! why=$(runner_cmd qemu10 x86_64); then
	skip "QEMU 10's vDSO images" "$why"
	done_testing
	exit
fi
EMULATORS=$(sed -n 's/^EMULATORS="\(.*\)"$/\1/p' "$TOP/tests/setup/qemu10.sh")
for e in $EMULATORS; do
	q=$BUILD/cache/qemu10/bin/qemu-$e
	n=$(python3 "$TOP/tests/oracle/embedded_vdso.py" "$q" "$T" 2> "$T/$e.err" | tee "$T/$e.images" | wc -l)
	if [ "$n" -ge 1 ]; then
		pass "qemu-$e carries $n vDSO image(s): $(awk '{ printf "%s%d-bit %s, machine %d, %d bytes", s, $3, $4, $5, $6; s = "; " }' "$T/$e.images")"
	else
		skip "qemu-$e's vDSO image" "none found in $q ($(tail -n 1 "$T/$e.err"))"
	fi
done

PROGS=
for a in $(arches); do
	if why=$(runner_available native "$a"); then
		PROGS="$PROGS $BUILD/$a/vdso"
	else
		skip "native $a read of QEMU's vDSO images" "$why"
	fi
done
for order in little big; do
	flag=
	[ $order = big ] && flag=--big-endian
	python3 "$TOP/tests/oracle/read_parity.py" $flag $PROGS -- "$T" > "$T/$order.out" 2> "$T/$order.err"
	for bits in 32 64; do
		read -r _ _ found _ <<< "$(grep "^FOUND $bits " "$T/$order.out")"
		[ "${found:-0}" -gt 0 ] || continue
		for p in $PROGS; do
			a=$(basename "$(dirname "$p")")
			read -r _ _ _ compared differ <<< "$(grep "^RESULT $p $bits " "$T/$order.out")"
			[ "${compared:-0}" = "$found" ] && [ "$differ" = 0 ]
			ok $? "native $a read of QEMU's ${compared:-0} $order-endian $bits-bit vDSO images (of $found): symbols, versions and dynamic tables as readelf's"
			grep "^DIFF $p $bits " "$T/$order.out" | cut -d' ' -f4- | sed 's/^/# /'
		done
	done
done

done_testing
