#!/bin/bash
# tests/84-try.t - every try: line runs as written: each lesson's (the
# line in its opening comment) and each tour step's (as the tour prints
# it), on every runner (native, qemu-user 7.2 and 10) and every arch.
#
# A try: line is shell commands separated by "; ", then an optional
# "   # note".  Each command runs in a scratch folder holding a link to
# build/, so that the paths a line names resolve and the files it writes
# (v.so) land there, within 60 s; it must exit 0 and print something.  A
# gdb command must show what it was asked for: words or code (x/), or
# auxv entries (info auxv); the signal lesson's must show the restorer
# the handler returns to.  A command whose program is not installed is a
# skip that names it; a runner that cannot run an arch is one skip.
#
# A lesson's line names one arch (build/x86_64/...); it runs for every
# arch, the path changed to the arch's own, unless the line names an arch
# otherwise too (the gate's `objdump -M i386`): then for that arch only.
# The tour's lines are the ones the tour prints, run by each arch there.
#
# Under qemu-user the program a command starts (build/ARCH/PROG, or the
# one setarch starts) runs under the emulator; the host's tools (readelf,
# objdump, cat) run as they are.  What cannot apply there is a skip that
# says why: gdb, strace and perf would watch QEMU, not the program, and
# `vdso trace` would trace QEMU; a line that dumps the vDSO where
# getauxval (glibc, tests/oracle/auxv.c, run the same way) finds no
# AT_SYSINFO_EHDR.  Natively, the tour's step 10 (trace) needs ptrace,
# which this test has.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"
source "$TOP/tests/tools/oracle_cc.sh"

make -C "$TOP" --no-print-directory all > "$BUILD/try.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$BUILD/try.log" | tail -20

S=$BUILD/test/try
rm -rf "$S"
mkdir -p "$S"
ln -s "$(realpath "$BUILD")" "$S/build"

# The oracle for "is there a vDSO": glibc's getauxval, per arch.
for a in $(arches); do
	oracle_cc "$a" "$S/auxv-$a" "$TOP/tests/oracle/auxv.c" -O2 -static 2> /dev/null ||
		rm -f "$S/auxv-$a"
done

# vdso_name FROM TO SYMBOL: the name of TO's vDSO function for the call
# that FROM names SYMBOL, by the arches' tables (arch/<arch>/vdso_calls.h:
# CALL(ID, name, twin, symbol, ...) and ALSO(ID, symbol, ...)); SYMBOL
# itself where FROM's table has no such symbol or TO has no such call.
vdso_name() {
	local id want
	id=$(sed -n 's/^[[:space:]]*\(CALL\|ALSO\)(\([A-Z_0-9]*\),.*"'"$3"'".*/\2/p' "$TOP/arch/$1/vdso_calls.h" | head -n 1)
	[ -n "$id" ] && want=$(sed -n 's/^[[:space:]]*CALL('"$id"',[^"]*"[^"]*",[^"]*"[^"]*",[^"]*"\([^"]*\)".*/\1/p' "$TOP/arch/$2/vdso_calls.h")
	echo "${want:-$3}"
}

# try_line RUNNER ARCH WHERE LINE: each command of LINE, judged as above.
# (OBJDUMP: the arch's objdump, set with the runner and arch below)
try_line() {
	local runner=$1 arch=$2 where=$3 line=$4 cmd prog out st q why unwritten= f words i
	local -a files=()
	line=${line%%   #*}
	runner_set "$runner" "$arch"; q=$RUNNER_CMD
	# each line starts in an empty folder: what it reads, it wrote itself
	# (its plain files, dot files too, but not links, nor the oracles)
	for f in "$S"/* "$S"/.*; do
		[[ -f $f && ! -L $f && ${f##*/} != auxv-* ]] && files+=("$f")
	done
	[ ${#files[@]} = 0 ] || rm -f "${files[@]}"
	while [ -n "$line" ]; do
		cmd=${line%%; *}
		[ "$cmd" = "$line" ] && line= || line=${line#*; }
		# the program: the first word that is not an assignment
		read -ra words <<< "$cmd"
		prog=
		for ((i = 0; i < ${#words[@]}; i++)); do
			[[ ${words[i]} == *=* ]] || { prog=${words[i]}; break; }
		done
		if ! command -v "$prog" > /dev/null && [ ! -x "$S/$prog" ]; then
			skip "$where: $cmd" "$prog is not installed"
			continue
		fi
		if [ -n "$unwritten" ] && grep -qw -- "$unwritten" <<< "$cmd"; then
			skip "$where: $cmd" "it reads $unwritten, which the dump skipped before it would have written"
			continue
		fi
		if [ -n "$q" ]; then
			why=
			case $prog:$cmd in
			gdb:*) why="gdb runs the program natively, not under $runner" ;;
			strace:*build/*|perf:*build/*|ltrace:*build/*) why="$prog would watch QEMU, not the program" ;;
			*" trace "*) why="vdso trace under $runner would trace QEMU, not the program" ;;
			*" dump "*)
				if [ ! -x "$S/auxv-$arch" ]; then
					why="no glibc for $arch to ask getauxval whether there is a vDSO"
				else
					# asked once a runner and arch
					[ -n "${EHDR_ON[$runner $arch]:-}" ] ||
						EHDR_ON[$runner $arch]=$( (cd "$S" && $q "$S/auxv-$arch") | grep -q '^33 ' && echo yes || echo no)
					[ "${EHDR_ON[$runner $arch]}" = yes ] ||
						why="no vDSO to dump under $runner (getauxval: no AT_SYSINFO_EHDR)"
				fi ;;
			esac
			if [ -n "$why" ]; then
				skip "$where: $cmd" "$why"
				# the file a skipped dump would have written
				[[ $cmd == *" dump "* ]] && unwritten=$(awk '{ for (i = 1; i < NF; i++) if ($i == "dump") print $(i + 1) }' <<< "$cmd")
				continue
			fi
			# objdump of a foreign arch's file: that arch's binutils
			cmd=${cmd//objdump /$OBJDUMP }
			# the program it starts, under the emulator
			# (the program itself, or setarch's: not a file readelf reads):
			# the first word that is no assignment, setarch nor option,
			# if it names a program under build/; the words then joined
			# by single spaces
			read -ra words <<< "$cmd"
			for ((i = 0; i < ${#words[@]}; i++)); do
				[[ ${words[i]} == *=* || ${words[i]} == setarch || ${words[i]} == -* ]] || break
			done
			if [[ ${words[i]:-} =~ (^|/)build/[a-z0-9_]+/[a-z] ]]; then
				words[i]="$q ${words[i]}"
				cmd="${words[*]}"
			fi
		fi
		out=$(cd "$S" && timeout 60 bash -c "$cmd" 2>&1 < /dev/null)
		st=$?
		case $cmd in
		gdb*"info auxv"*) grep -Eq '^[0-9]+ +AT_' <<< "$out" ;;
		gdb*handler*) grep -Eq '^ +0x[0-9a-f]+ <[a-z_]*sigreturn[^>]*>:' <<< "$out" ;;
		gdb*) grep -Eq '^(=> )?0x[0-9a-f]+' <<< "$out" ;;
		*) [ -n "$out" ] ;;
		esac
		shows=$?
		[ "$st" = 0 ] && [ "$shows" = 0 ]
		ok $? "$where: \`$cmd\` runs (status $st) and shows what it is for" ||
			printf '%s\n' "$out" | tail -5 | sed 's/^/# /'
	done
}

declare -A OBJDUMP_OF LINE_FOR EHDR_ON
FIRST_ARCH=$(arches | cut -d' ' -f1)
for r in $(all_runners); do
	for a in $(arches); do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$r $a: every lesson's and tour step's try: line" "$why"
			continue
		fi
		q=$(runner_cmd "$r" "$a")
		[ -n "${OBJDUMP_OF[$a]:-}" ] || OBJDUMP_OF[$a]=$(arch_tool "$a" objdump)
		OBJDUMP=${OBJDUMP_OF[$a]}
		for c in "$TOP"/demo/*.c; do
			l=${c##*/} l=${l%.c}
			# the lesson's line for this arch: the same for every runner,
			# made once ("-" where the line is not for this arch)
			if [ -z "${LINE_FOR[$l $a]+set}" ]; then
				line=$(sed -n 's/^ \* try: //p' "$c")
				named=$(grep -o 'build/[a-z0-9_]*/' <<< "$line" | head -1 | cut -d/ -f2)
				if [ -n "$line" ] && [ -n "$named" ] && [ "$named" != "$a" ]; then
					# the arch's own path, unless the line names its arch elsewhere
					if grep -qw -- "$named" <<< "${line//build\/$named\//}"; then
						line=-
					else
						line=${line//build\/$named\//build\/$a\/}
						# a vDSO function it names: the arch's own name for it
						for sym in $(grep -Eo '__(vdso|kernel)_[a-z_0-9]+' <<< "$line" | sort -u); do
							line=${line//$sym/$(vdso_name "$named" "$a" "$sym")}
						done
					fi
				fi
				LINE_FOR[$l $a]=$line
			fi
			line=${LINE_FOR[$l $a]}
			if [ -z "$line" ]; then
				[ "$r $a" = "native $FIRST_ARCH" ] &&
					fail "lesson $l: a try: line in its opening comment"
				continue
			fi
			[ "$line" = - ] && continue
			try_line "$r" "$a" "$r $a lesson $l" "$line"
			# and the try: lines it prints as it runs (getrandom's)
			while read -r printed; do
				try_line "$r" "$a" "$r $a lesson $l (printed)" "$printed"
			done < <(cd "$S" && timeout 60 $q "build/$a/$l" 2> /dev/null | sed -n 's/^try: //p')
		done

		n=0
		while read -r line; do
			n=$((n + 1))
			try_line "$r" "$a" "$r $a tour step $((n - 1))" "$line"
		done < <(cd "$S" && timeout 120 $q build/$a/vdso tour 2> /dev/null | sed -n 's/^try: //p')
		is "$n" 11 "$r $a tour: eleven try: lines"
	done
done

done_testing
