#!/bin/bash
# tests/81-gdb.t - `make gdb`: tests/gdb/gdb.sh runs demo/stack under gdb
# in batch mode, with tests/gdb/walk.gdb, and what gdb shows must agree
# with what stack prints in the same process: the stack pointer at
# _start, the words there (argc, argv pointers, NULL), the addresses of
# AT_RANDOM's bytes, the platform string and the file name (gdb's own
# `info auxv`), where start_c found the vector.  Natively, the [vdso]
# mapping gdb lists starts at AT_SYSINFO_EHDR, and on i386 gdb decodes a
# sysenter at AT_SYSINFO.  Each arch natively (where it runs) and under
# qemu-user 7.2 (`qemu -g`, with GDB_RUNNER=qemu).

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/gdb
rm -rf "$T"
mkdir -p "$T"
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

if ! command -v gdb > /dev/null; then
	skip "gdb walks" "gdb not installed (Debian: gdb)"
	done_testing
	exit
fi

field() { printf '%s\n' "$1" | sed -nE "s/$2/\\1/p" | head -1; }
hex() { printf '0x%x\n' "$(($1))"; }
# area_start OUT NAME: the stack lesson's picture puts the edge at an
# area's start on the line after the area's own
area_start() {
	local a
	a=$(printf '%s\n' "$1" | grep -A1 "| $2" | sed -nE 's/^  (0x[0-9a-f]+) \+-.*/\1/p' | head -1)
	[ -n "$a" ] && hex "$a"
}

check() {            # RUNNER ARCH LABEL
	local r=$1 a=$2 L=$3 out words sp argc
	if [ "$r" = qemu ]; then
		out=$(GDB_RUNNER=qemu timeout 60 "$TOP/tests/gdb/gdb.sh" -b "$a" stack one 'two words' 2>&1)
	else
		out=$(timeout 60 "$TOP/tests/gdb/gdb.sh" -b "$a" stack one 'two words' 2>&1)
	fi
	printf '%s\n' "$out" > "$T/$r-$a.log"
	printf '%s\n' "$out" | grep -q '^\[Inferior 1 (process [0-9]*) exited normally\]$'
	ok $? "$L gdb ran stack to its end" || { sed 's/^/# /' "$T/$r-$a.log" | tail -20; return; }
	sp=$(field "$out" '^\$1 = (0x[0-9a-f]+)$')
	is "$sp" "$(field "$out" '^sp at _start +(0x[0-9a-f]+) .*')" "$L gdb's \$sp at _start is stack's"
	# x/8a $sp: the words, in order
	words=$(printf '%s\n' "$out" | sed -n '/^--- the first words/,/^$/p' | grep '^0x' | cut -f2- | tr '\t' '\n')
	argc=$(printf '%s\n' "$words" | sed -n 1p)
	is "$((argc))" 3 "$L gdb: the word at sp is argc, 3"
	is "$(printf '%s\n' "$words" | sed -n '2,5p' | while read -r w; do hex "$w"; done | tr '\n' ' ')" \
	   "$(printf '%s\n' "$out" | sed -nE 's/^sp\[[1-4]\] +argv\[[0-3]\] +(0x[0-9a-f]+).*/\1/p' | tr '\n' ' ')" \
	   "$L gdb: the next words are stack's argv pointers and the NULL"
	# the stack lesson's picture: each area's line, then the edge at its start
	is "$(hex "$(field "$out" '^25 +AT_RANDOM .* (0x[0-9a-f]+)$')")" \
	   "$(area_start "$out" "AT_RANDOM")" "$L gdb's AT_RANDOM is where stack found the bytes"
	# (no AT_PLATFORM where the kernel or emulator gives none: the
	# kernel sets it only where the arch defines ELF_PLATFORM; QEMU
	# user mode for riscv64, ppc64le and s390x gives none)
	local plat
	plat=$(field "$out" '^15 +AT_PLATFORM .* (0x[0-9a-f]+) ".*"$')
	if [ -n "$plat" ]; then
		is "$(hex "$plat")" "$(area_start "$out" "AT_PLATFORM")" "$L gdb's AT_PLATFORM is stack's"
	else
		is "$(area_start "$out" "AT_PLATFORM")" "" "$L gdb's info auxv has no AT_PLATFORM, nor has stack's picture"
	fi
	is "$(hex "$(field "$out" '^31 +AT_EXECFN .* (0x[0-9a-f]+) ".*"$')")" \
	   "$(area_start "$out" "AT_EXECFN")" "$L gdb's AT_EXECFN is stack's"
	# below the argv strings, as start/start.c says: random bytes, then platform
	local rnd argv0
	rnd=$(field "$out" '^25 +AT_RANDOM .* (0x[0-9a-f]+)$')
	argv0=$(printf '%s\n' "$words" | sed -n 2p)
	if [ -n "$plat" ]; then
		[ -n "$rnd" ] && [ $((rnd)) -lt $((plat)) ] && [ $((plat)) -lt $((argv0)) ]
		ok $? "$L gdb: AT_RANDOM < AT_PLATFORM < argv[0]'s string"
	else
		[ -n "$rnd" ] && [ -n "$argv0" ] && [ $((rnd)) -lt $((argv0)) ]
		ok $? "$L gdb: AT_RANDOM < argv[0]'s string (no AT_PLATFORM)"
	fi
	is "$(field "$out" '^\$5 = (0x[0-9a-f]+)$')" \
	   "$(hex "$((sp + $(field "$out" '^sp\[([0-9]+)\] +auxv .*') * ${4}))")" "$L gdb: start_auxv is where stack says the vector starts"
	if [ "$r" = native ]; then
		is "$(field "$out" '^[[:space:]]+(0x[0-9a-f]+) +0x[0-9a-f]+ +0x[0-9a-f]+ +0x[0-9a-f]+ +r-xp +\[vdso\]$')" \
		   "$(hex "$(field "$out" '^33 +AT_SYSINFO_EHDR .* (0x[0-9a-f]+)$')")" "$L gdb: [vdso] starts at AT_SYSINFO_EHDR"
	fi
	if [ "$a" = i386 ] && printf '%s\n' "$out" | grep -q '^32 +AT_SYSINFO '; then
		printf '%s\n' "$out" | sed -n '/^--- the gate/,$p' | grep -Eq '	(sysenter|syscall|int +\$0x80) *$'
		ok $? "$L gdb: x/12i at AT_SYSINFO shows the way into the kernel"
	fi
}

for a in $(arches); do
	w=$(( $(arch_bits "$a") / 8 ))   # the word size
	if why=$(runner_available native "$a"); then
		check native "$a" "native $a:" "$w"
	else
		skip "native $a: gdb walk" "$why"
	fi
	if why=$(runner_cmd qemu7 "$a"); then
		check qemu "$a" "qemu7 $a (qemu -g):" "$w"
	else
		skip "qemu7 $a: gdb walk" "$why"
	fi
done

done_testing
