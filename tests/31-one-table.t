#!/bin/bash
# tests/31-one-table.t - one table drives everything: a function added to
# the arch's table (arch/<arch>/vdso_calls.h) by one line, and nothing else,
# is listed by `vdso help` and `vdso call --list`, called by `vdso call`,
# timed by `vdso bench` and checked by `vdso check`, through its vDSO
# function and its system call twin.
#
# The line: __vdso_time once more, under the new name time_again (a real
# function of the vDSO, which the table does not yet name so), in a copy of
# the tree built into its own folder.  Which path served is judged from
# outside: the twin's system calls counted by strace (natively) or QEMU's
# log, and the vDSO's symbols by readelf on the dumped image.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

D=$BUILD/test/one-table
S=$D/src
rm -rf "$D"
mkdir -p "$S"

# The tree as it stands (tracked files and new ones git does not ignore).
(cd "$TOP" && git ls-files --cached --others --exclude-standard | grep -v '^tests/fuzz/corpus/' |
	while read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done) > "$D/files"
(cd "$TOP" && cpio -pdm --quiet "$S" < "$D/files")
ok $? "a copy of the tree in $S"

# One line in each arch's table, after the time line: the same symbol and
# twin, a new id and name.
for a in $(arches); do
	t=$S/arch/$a/vdso_calls.h
	awk '{ print }
	     /^[ \t]*CALL\(TIME,/ {
		line = $0
		sub(/CALL\(TIME,/, "CALL(TIME_AGAIN,", line)
		sub(/"time",/, "\"time_again\",", line)
		if (line !~ /\\$/) line = line " \\"
		print line
	     }' "$TOP/arch/$a/vdso_calls.h" > "$t"
	is "$(diff "$TOP/arch/$a/vdso_calls.h" "$t" | grep -c '^>')" 1 "$a: one line added to arch/$a/vdso_calls.h"
done
# What adding it touched: every file of the copy compared with the tree's.
is "$(while read -r f; do cmp -s "$TOP/$f" "$S/$f" || echo "$f"; done < "$D/files" | sort | tr '\n' ' ')" \
	"$(for a in $(arches); do echo "arch/$a/vdso_calls.h"; done | sort | tr '\n' ' ')" \
	"the tables are the only files that differ"

for a in $(arches); do
	L="[$a]"
	V=$D/build/$a/vdso
	make -C "$S" --no-print-directory BUILD="$D/build" ARCH="$a" "$V" > "$D/make-$a.log" 2>&1
	if ! ok $? "$L the copy builds with the new line"; then
		sed 's/^/# /' "$D/make-$a.log" | tail -20; continue
	fi
	runner=
	for r in native qemu10 qemu7; do
		runner_available "$r" "$a" > /dev/null && { runner=$r; break; }
	done
	if [ -z "$runner" ]; then
		skip "$L the new line at work" "no runner runs $a here"; continue
	fi
	L="[$a $runner]"

	run_on "$runner" "$a" "$V" call --list | grep -qx time_again
	ok $? "$L call --list names time_again"
	run_on "$runner" "$a" "$V" help | grep -qw time_again
	ok $? "$L help names time_again"

	# The time line's twin must be time(2) for a copy of it to be judged
	# by the second it answers; the asm-generic arches have no time(2),
	# and their line names gettimeofday, which answers 0.
	if ! grep -Eq 'CALL\(TIME, *"time", *"time",' "$TOP/arch/$a/vdso_calls.h"; then
		skip "$L the new line at work" "$a's time line has no time(2) twin (asm-generic: gettimeofday, which answers 0, not the second)"; continue
	fi

	# Which path: the vDSO if the image has its time function (readelf on
	# the dump): __vdso_time on x86, __kernel_time on ppc64le.
	want=syscall
	if run_on "$runner" "$a" "$V" dump "$D/image-$a" > /dev/null 2>&1 &&
	   readelf --dyn-syms -W "$D/image-$a" | grep -Eq ' (__vdso_|__kernel_)time@'; then
		want=vdso
	elif [ "$(arch_bits "$a")" = 32 ] && run_on "$runner" "$a" "$V" auxv | grep -q '^AT_SYSINFO:'; then
		want=gate
	fi
	out=$(run_on_traced "$runner" "$a" "$D/trace-$a" "$V" call time_again)
	row=$(printf '%s\n' "$out" | awk '$1 == "time_again"')
	is "$(echo "$row" | awk '{ print $3 }')" "$want" "$L call time_again: a row, served by $want"
	# The two seconds it prints, against the clock of the test, and each other.
	read -r via sys <<< "$(echo "$row" | awk '{ print $4, $5 }')"
	now=$(date +%s)
	[ -n "$via" ] && [ $((now - via)) -ge 0 ] && [ $((now - via)) -le 30 ] && [ $((sys - via)) -ge 0 ] && [ $((sys - via)) -le 1 ]
	ok $? "$L call time_again: both paths tell this second ($via, $sys; date says $now)"
	# Its system calls: the twin once; the vDSO's function none.
	# (the program's own: `vdso call` forks witnesses that make calls too)
	calls=$(awk 'NR == 1 { pid = $1 } $1 == pid && $2 ~ /^time\(/' "$D/trace-$a" | wc -l)
	if [ "$want" = vdso ] && [ "$runner" = native ]; then
		is "$calls" 1 "$L call time_again: one time system call (the twin's), none by the vDSO"
	elif [ "$want" = vdso ]; then
		# QEMU's vDSO functions are stubs that make the system call.
		is "$calls" 2 "$L call time_again: two time system calls (the twin's, and the one QEMU's vDSO stub makes)"
	else
		is "$calls" 2 "$L call time_again: two time system calls (no vDSO function: both paths)"
	fi

	out=$(run_on "$runner" "$a" "$V" bench --rounds 1 --calls 10)
	printf '%s\n' "$out" | grep -Eq '^time_again +- +[0-9.]+ \([0-9.]+-[0-9.]+\) +[0-9.]+ '
	ok $? "$L bench: a row for time_again, both paths timed" || diag "$out"

	out=$(run_on "$runner" "$a" "$V" check 2> /dev/null)
	printf '%s\n' "$out" | grep -Eq "^ok [0-9]+ - time_again (\((__vdso_|__kernel_)time\): the vDSO answered [0-9]+, the system call [0-9]+|generic # SKIP)"
	ok $? "$L check: a line for time_again" || diag "$(printf '%s\n' "$out" | grep -i time_again)"
done

done_testing
