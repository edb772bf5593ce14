#!/bin/bash
# tests/82-relocate.t - the relocate lesson (demo/relocate.c) on every
# runner, judged by readelf on the same file: the places its RELR words
# name are readelf -r's offsets; the bias it finds from _DYNAMIC equals the
# one from AT_ENTRY and e_entry; words[0] holds bias + the value linked
# there (RELA's addend, else the file's word); the RELRO range it prints is readelf -l's GNU_RELRO moved by the
# bias; natively, strace shows the mprotect of that range to PROT_READ.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

W=$BUILD/test/relocate
mkdir -p "$W"
make -C "$TOP" --no-print-directory all > "$W/make.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$W/make.log" | tail -20

hex() { printf '%d' "0x${1#0x}"; }

for a in $(arches); do
	p=$BUILD/$a/relocate
	readelf -rW "$p" | grep -E '^[0-9a-f]+$' | while read -r x; do printf '0x%x\n' "0x$x"; done |
		sort > "$W/$a.want"
	if ! readelf -dW "$p" | grep -q '(RELR)'; then
		# (the Makefile: binutils 2.40 packs x86's only; the lesson walks
		# DT_RELA or DT_REL then, and the RELR places below are none)
		skip "$a: readelf -r lists the file's RELR places" "no DT_RELR in $a's relocate: its linker does not pack relative relocations"
	else
		[ -s "$W/$a.want" ]
		ok $? "$a: readelf -r lists the file's RELR places"
	fi
	relro=$(readelf -lW "$p" | awk '$1 == "GNU_RELRO" { print $3, $6 }')
	e_type=$(readelf -hW "$p" | awk '/Type:/ { print $2 }')
	is "$e_type" "DYN" "$a: readelf says ET_DYN"

	for r in $(all_runners); do
		t="$a $r"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$t: the lesson against readelf" "$why"
			continue
		fi
		if [ "$r" = native ]; then
			strace -qq -e trace=mprotect -o "$W/$a.$r.strace" "$p" > "$W/$a.$r.out" 2>&1
		else
			run_on "$r" "$a" "$p" > "$W/$a.$r.out" 2>&1
		fi
		ok $? "$t: runs, exit 0" || sed 's/^/# /' "$W/$a.$r.out" | head

		out=$W/$a.$r.out
		b1=$(awk '/^_DYNAMIC now/ { print $NF }' "$out")
		read -r entry e_entry <<< "$(awk '/^AT_ENTRY/ { print $2, $4 }' "$out" | tr -d ,:)"
		[ -n "$b1" ] && [ -n "$entry" ] &&
			[ $(( $(hex "$entry") - $(hex "$e_entry") )) -eq $(( $(hex "$b1") )) ]
		ok $? "$t: bias from _DYNAMIC ($b1) = AT_ENTRY - e_entry ($entry - $e_entry)"

		# Every place the lesson decoded, at its link-time address.
		sed -n 's/^RELR word [0-9a-fx]*: even, the place linked at \(0x[0-9a-f]*\) .*/\1/p
			s/^RELR word [0-9a-fx]*: odd, a bitmap; the places linked at //p' "$out" |
			tr ' ' '\n' | grep . | while read -r x; do printf '0x%x\n' "$x"; done |
			sort > "$W/$a.$r.got"
		diff_ok "$W/$a.$r.got" "$W/$a.want" "$t: the RELR places decoded = readelf -r"
		n=$(awk '/places moved by the bias/ { print $1 }' "$out")
		is "$n" "$(wc -l < "$W/$a.want")" "$t: the count of places = readelf -r's"

		# words[0]: now bias + the linked value; the linked value from the file.
		read -r at now linked <<< "$(awk '/^words\[0\]/ { print $3, $5, $NF }' "$out" | tr -d ')')"
		fileval=$(python3 - "$p" $(( $(hex "$at") - $(hex "$b1") )) <<'PY'
import struct, sys
f = open(sys.argv[1], 'rb').read(); want = int(sys.argv[2])
cls = f[4]; w = 8 if cls == 2 else 4
e = '<' if f[5] == 1 else '>'   # EI_DATA: 1 little-endian, 2 big (s390x)
if cls == 2:
    phoff, = struct.unpack_from(e + 'Q', f, 32); phent, phnum = struct.unpack_from(e + 'HH', f, 54)
else:
    phoff, = struct.unpack_from(e + 'I', f, 28); phent, phnum = struct.unpack_from(e + 'HH', f, 42)
for i in range(phnum):
    o = phoff + i * phent
    if cls == 2:
        t, fl, off, va, pa, fs, ms, al = struct.unpack_from(e + 'IIQQQQQQ', f, o)
    else:
        t, off, va, pa, fs, ms, fl, al = struct.unpack_from(e + 'IIIIIIII', f, o)
    if t == 1 and va <= want < va + fs:
        print(hex(struct.unpack_from(e + ('Q' if w == 8 else 'I'), f, off + want - va)[0]))
PY
)
		# With RELA the value to add the bias to is the relocation's
		# addend (readelf -r), and the linker need not write it into the
		# place too (riscv64's and s390x's leave 0 there); with REL and
		# RELR it is the word in the place (the ELF gABI).
		place=$(printf "%0$(( $(arch_bits "$a") / 4 ))x" $(( $(hex "$at") - $(hex "$b1") )))
		addend=$(readelf -rW "$p" | awk -v o="$place" '$1 == o && $3 ~ /_RELATIVE$/ && NF == 4 { print "0x" $4; exit }')
		[ -n "$addend" ] && fileval=$(printf '0x%x' $((addend)))
		[ -n "$now" ] && [ "$fileval" = "$linked" ] &&
			[ $(( $(hex "$now") - $(hex "$b1") )) -eq $(( $(hex "$linked") )) ]
		ok $? "$t: words[0] holds bias + the linked value ($now = $b1 + $fileval: readelf -r's addend, else the file's word)"

		# RELRO: readelf's range moved by the bias.
		read -r lo hi <<< "$(awk '/^RELRO/ { split($2, r, "-"); print r[1], r[2] }' "$out" | tr -d :)"
		read -r vaddr memsz <<< "$relro"
		[ -n "$lo" ] && [ $(( $(hex "$lo") - $(hex "$b1") )) -eq $(( vaddr )) ] &&
			[ $(( $(hex "$hi") - $(hex "$lo") )) -eq $(( memsz )) ]
		ok $? "$t: RELRO $lo-$hi = readelf's GNU_RELRO $vaddr+$memsz moved by the bias"
		if [ "$r" = native ]; then
			page=$(printf '0x%x' $(( $(hex "$lo") & ~4095 )))
			grep -q "^mprotect($page, [0-9]*, PROT_READ) = 0" "$W/$a.$r.strace"
			ok $? "$t: strace shows RELRO's pages ($page) made PROT_READ"
		fi
	done
done
done_testing
