#!/bin/bash
# tests/84-try.t - every try: line runs as written: each lesson's (the
# line in its opening comment) and each tour step's (as the tour prints
# it), natively.
#
# A try: line is shell commands separated by "; ", then an optional
# "   # note".  Each command runs in a scratch folder holding a link to
# build/, so that the paths a line names resolve and the files it writes
# (v.so) land there, within 60 s; it must exit 0 and print something.  A
# gdb command must show what it was asked for: words or code (x/), or
# auxv entries (info auxv); the signal lesson's must show the restorer
# the handler returns to.  A command whose program is not installed is a
# skip that names it; a line for an arch that does not run here is one
# skip.  The tour's lines are judged where they run: a line of step 10
# (trace) needs ptrace, natively only.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all > "$BUILD/try.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$BUILD/try.log" | tail -20

S=$BUILD/test/try
rm -rf "$S"
mkdir -p "$S"
ln -s "$(realpath "$BUILD")" "$S/build"

# try_line WHERE LINE: each command of LINE, judged as above.
try_line() {
	local where=$1 line=$2 cmd prog out st
	line=${line%%   #*}
	while [ -n "$line" ]; do
		cmd=${line%%; *}
		[ "$cmd" = "$line" ] && line= || line=${line#*; }
		prog=$(awk '{ for (i = 1; i <= NF; i++) if ($i !~ /=/) { print $i; exit } }' <<< "$cmd")
		if ! command -v "$prog" > /dev/null && [ ! -x "$S/$prog" ]; then
			skip "$where: $cmd" "$prog is not installed"
			continue
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

for c in "$TOP"/demo/*.c; do
	l=$(basename "$c" .c)
	line=$(sed -n 's/^ \* try: //p' "$c")
	if [ -z "$line" ]; then
		fail "lesson $l: a try: line in its opening comment"
		continue
	fi
	a=$(grep -o 'build/[a-z0-9_]*/' <<< "$line" | head -1 | cut -d/ -f2)
	if [ -n "$a" ] && ! why=$(runner_available native "$a"); then
		skip "lesson $l: try: $line" "$why"
		continue
	fi
	try_line "lesson $l" "$line"
	# and the try: lines it prints as it runs (getrandom's)
	while read -r printed; do
		try_line "lesson $l (printed)" "$printed"
	done < <(cd "$S" && "build/$a/$l" 2> /dev/null | sed -n 's/^try: //p')
done

for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "tour ($a): every step's try: line" "$why"
		continue
	fi
	n=0
	while read -r line; do
		n=$((n + 1))
		try_line "tour ($a) step $((n - 1))" "$line"
	done < <(cd "$S" && build/$a/vdso tour 2> /dev/null | sed -n 's/^try: //p')
	is "$n" 11 "tour ($a): eleven try: lines"
done

done_testing
