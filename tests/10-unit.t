#!/bin/bash
# tests/10-unit.t - the freestanding unit tests (tests/unit/), built on the
# runtime itself with gcc and clang at -O0 and -O2, for every arch, run on
# every runner of the matrix.  Each unit program prints its own "ok - ..."
# lines; here they are numbered and labelled with build and runner.  They
# are static PIEs, as vdso is; t_start is also run at a fixed address
# (t_start_exec), as hello and the lessons are.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

VARIANTS=${VARIANTS:-"gcc:-O0 gcc:-O2 clang:-O0 clang:-O2"}

# relabel LABEL STATUS: turn a unit program's output (on stdin) into our
# numbered TAP lines; a crash or a bad status is a failure of its own.
relabel() {
	local label=$1 status=$2 line n=0
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$label ${line#ok - }"; n=$((n + 1)) ;;
		"not ok - "*) fail "$label ${line#not ok - }"; n=$((n + 1)) ;;
		*) echo "$line" | sed 's/^#*/#/' ;;
		esac
	done
	[ "$n" -gt 0 ] || fail "$label printed no checks"
	ok "$status" "$label exit status 0 (got $status)"
}

# t_start: what start_c found, against what we passed.
unit_start() {
	local r=$1 a=$2 p=$3 label=$4 out status want got
	out=$(env -i ALPHA=1 "BETA=two words" GAMMA= \
		$(runner_cmd "$r" "$a") "$p" 6 3 "one arg" "" last 2>&1)
	status=$?
	relabel "$label t_start" $status < <(echo "$out" | grep -v '^# ')
	want=$(printf '# argv[0]=%s\n# argv[1]=6\n# argv[2]=3\n# argv[3]=one arg\n# argv[4]=\n# argv[5]=last' "$p")
	is "$(echo "$out" | grep '^# argv')" "$want" "$label t_start: argv as passed"
	# QEMU 7.2 hands the environment over in reverse order: compare sets there.
	want=$(printf 'ALPHA=1\nBETA=two words\nGAMMA=')
	got=$(echo "$out" | sed -n 's/^# envp\[[0-9]*\]=//p')
	[ "$r" = qemu7 ] && got=$(echo "$got" | sort)
	is "$got" "$want" "$label t_start: envp as passed$([ "$r" = qemu7 ] && echo ' (as a set)')"
	got=$(echo "$out" | sed -n 's/^# execfn=//p')
	is "$(realpath "$got")" "$(realpath "$p")" "$label t_start: AT_EXECFN names the program"
}

# t_start relro: the PIE's relocated table is read-only once start-up is
# done (PT_GNU_RELRO, mprotect in start/relocate.c): a write kills it.
unit_relro() {
	local r=$1 a=$2 p=$3 label=$4 status
	run_on "$r" "$a" "$p" relro > /dev/null 2>&1; status=$?
	# 139 = 128 + SIGSEGV, as the shell reports a death by signal 11
	is "$status" 139 "$label t_start: a write to RELRO faults"
}

# t_align: argc 1..4 and 0..3 environment strings of odd lengths.
unit_align() {
	local r=$1 a=$2 p=$3 label=$4 na ne args envs bad=0 out
	for na in 0 1 2 3; do
		for ne in 0 1 2 3; do
			args=(); envs=()
			for ((i = 0; i < na; i++)); do args+=("a$i"); done
			for ((i = 0; i < ne; i++)); do envs+=("E$i=$(head -c $((i * 3 + 1)) /dev/zero | tr '\0' x)"); done
			out=$(env -i "${envs[@]}" $(runner_cmd "$r" "$a") "$p" "${args[@]}" 2>&1) ||
				{ bad=$((bad + 1)); diag "argc $((na + 1)) envc $ne: status $? $out"; continue; }
			echo "$out" | grep -q '^not ok' && { bad=$((bad + 1)); diag "argc $((na + 1)) envc $ne: $out"; }
		done
	done
	ok $bad "$label t_align: aligned SSE stores with 16 argc/envc shapes"
}

# t_writer: each value formatted, against printf(1) on the same arguments.
unit_writer() {
	local r=$1 a=$2 p=$3 label=$4 got want status
	local cases=(udec 0 udec 4294967295 udec 18446744073709551615 dec 0 dec -1
		dec 2147483647 dec -2147483648 dec 9223372036854775807
		dec -9223372036854775808 hex 0 1 hex 255 8 hex 4294967295 8
		hex 18446744073709551615 16 hex 4096 2 udecw 42 6 decw -42 6
		field abc 5 left abc 5 field abcdef 3)
	got=$(run_on "$r" "$a" "$p" "${cases[@]}"); status=$?
	want=$(set -- "${cases[@]}"; while [ $# -gt 0 ]; do
		case $1 in
		udec) printf '%u|\n' "$2"; shift 2 ;;
		dec) printf '%d|\n' "$2"; shift 2 ;;
		hex) printf '%0*x|\n' "$3" "$2"; shift 3 ;;
		udecw) printf '%*u|\n' "$3" "$2"; shift 3 ;;
		decw) printf '%*d|\n' "$3" "$2"; shift 3 ;;
		field) printf '%*s|\n' "$3" "$2"; shift 3 ;;
		left) printf '%-*s|\n' "$3" "$2"; shift 3 ;;
		esac
	done)
	is "$got" "$want" "$label t_writer: 0, negatives, 32- and 64-bit limits, hex widths, padding"
	ok $status "$label t_writer exit status"
	got=$(run_on "$r" "$a" "$p" fail 2>&1 > /dev/full)
	is "$got" "flush: ENOSPC" "$label t_writer: a failed write (/dev/full) is reported"
	got=$(run_on "$r" "$a" "$p" fail 2>&1 >&-)
	is "$got" "flush: EBADF" "$label t_writer: a closed stdout is reported"
}

# t_sys: wrappers against the pid and file size we know.
unit_sys() {
	local r=$1 a=$2 p=$3 label=$4 out status
	out=$(bash -c 'exec "$@" $$ '"$(stat -c %s "$p")" - $(runner_cmd "$r" "$a") "$p" 2>&1)
	status=$?
	relabel "$label t_sys" $status <<< "$out"
	run_on "$r" "$a" "$p" exit 42; is "$?" 42 "$label t_sys: exit status 42 comes back"
}

# t_smash: the stack protector, seeded from AT_RANDOM, stops an overflow.
unit_smash() {
	local r=$1 a=$2 p=$3 label=$4 out status g1 g2
	out=$(run_on "$r" "$a" "$p" 16 2>&1); status=$?
	is "$status:$out" "0:returned" "$label t_smash: 16 bytes into 16 return normally"
	out=$(run_on "$r" "$a" "$p" 64 2>&1); status=$?
	# 134 = 128 + SIGABRT, as the shell reports a death by signal 6
	is "$status" 134 "$label t_smash: 64 bytes into 16: killed by SIGABRT"
	# (QEMU adds a line of its own about the signal)
	is "$(echo "$out" | head -1)" "vdso: stack smashing detected: killed" "$label t_smash: ... with the report on stderr"
	g1=$(run_on "$r" "$a" "$p" guard); g2=$(run_on "$r" "$a" "$p" guard)
	is "$(echo "$g1" | head -1)" "guard set" "$label t_smash: canary set, low byte zero"
	[ "$g1" != "$g2" ]; ok $? "$label t_smash: a new canary every run (AT_RANDOM)"
}

# t_printf: out_printf against the C library's printf on the same calls
# (tests/unit/printf_cases.h; the oracle built for the arch, as long's
# width is the arch's), and out_escaped against perl's escaping here.
unit_printf() {
	local r=$1 a=$2 p=$3 label=$4 status got want
	if [ -s "$UO/printf-$a.want" ]; then
		run_on "$r" "$a" "$p" > "$UO/printf.got"; status=$?
		diff_ok "$UO/printf.got" "$UO/printf-$a.want" \
			"$label t_printf: $(wc -l < "$UO/printf-$a.want") calls, each printed as the C library's printf prints it"
		ok $status "$label t_printf exit status"
	else
		skip "$label t_printf: as the C library's printf" "no printf oracle for $a (above)"
	fi
	local args=($'a\nb' $'tab\there' 'back\slash' $'\x01\x1f\x7f\r\e' $'\xc3\xa9t\xc3\xa9' '' 'plain' '\n')
	got=$(run_on "$r" "$a" "$p" escaped "${args[@]}")
	want=$(perl -e 'for (@ARGV) { s/\\/\\\\/g; s/\n/\\n/g; s/\t/\\t/g;
		s/([\x00-\x1f\x7f])/sprintf("\\x%02x", ord $1)/ge; print "[$_]\n" }' -- "${args[@]}")
	is "$got" "$want" "$label t_printf escaped: newline, tab, backslash, control bytes, UTF-8, empty, as perl escapes them"
}

# t_div: lib/div.c and the division by 10 of lib/fmt.c, on edge values and
# random ones (a new seed each run, shown), checked by the host's / and %.
unit_div() {
	local r=$1 a=$2 p=$3 label=$4 n=20000 seed status out
	seed=$(((RANDOM << 15 | RANDOM) + 1))
	run_on "$r" "$a" "$p" $n $seed > "$UO/div.got"; status=$?
	out=$("$UO/div" < "$UO/div.got")
	[ "$status" = 0 ] && [ "${out%% *}" -gt $((2 * n)) ] 2> /dev/null && [[ $out == *" lines, 0 wrong" ]]
	ok $? "$label t_div: edge values and $n random pairs (seed $seed), as the host's / and %: $(tail -n 1 <<< "$out")" ||
		diag "$(head -n 5 <<< "$out")" "exit status $status"
}

UO=$BUILD/test/unit-oracle
mkdir -p "$UO"
for a in $(arches); do
	m=$(arch_libc_cc "$a")
	rm -f "$UO/printf-$a.want"
	if ! $m -static -O2 -Wall -Werror -I"$TOP/tests/unit" -o "$UO/printf-$a" "$TOP/tests/oracle/printf.c" 2> "$UO/printf-$a.log"; then
		fail "the printf oracle builds ($m -static)"; sed 's/^/# /' "$UO/printf-$a.log" | head -10
	elif ! r=$(first_runner "$a"); then
		skip "the printf oracle runs ($a)" "$r"
	else
		run_on "$r" "$a" "$UO/printf-$a" > "$UO/printf-$a.want"
		ok $? "the printf oracle runs ($a, $r: the C library's printf)" || rm -f "$UO/printf-$a.want"
	fi
done
gcc -O2 -Wall -Werror -o "$UO/div" "$TOP/tests/oracle/div.c" 2> "$UO/div.log"
ok $? "the division oracle builds (the host's / and %)" || sed 's/^/# /' "$UO/div.log" | head -10

for v in $VARIANTS; do
	cc=${v%%:*} opt=${v#*:}
	dir=$BUILD/test/variants/$cc$opt log=$BUILD/test/variants/$cc$opt.log
	# The variant `make test` built already (the Makefile's CC and OPT,
	# gcc and -O2 unless given) is that build, not a second copy of it.
	[ "$cc" = "${CC:-gcc}" ] && [ "$opt" = "${OPT:--O2}" ] && dir=$BUILD
	if ! command -v "$cc" > /dev/null; then
		skip "build with $cc $opt" "$cc is not installed"; continue
	fi
	mkdir -p "$dir" "${log%/*}"
	make -C "$TOP" --no-print-directory BUILD="$dir" CC="$cc" OPT="$opt" all units > "$log" 2>&1
	if ! ok $? "build with $cc $opt, every arch ($dir)"; then
		sed 's/^/# /' "$log" | tail -20; continue
	fi
	for a in $(arches); do
		for r in $(all_runners); do
			label="[$cc $opt $a $r]"
			if ! why=$(runner_available "$r" "$a"); then
				skip "$label unit tests" "$why"; continue
			fi
			u=$dir/$a/unit
			unit_start "$r" "$a" "$u/t_start" "$label"
			unit_start "$r" "$a" "$u/t_start_exec" "$label ET_EXEC"
			unit_relro "$r" "$a" "$u/t_start" "$label"
			unit_align "$r" "$a" "$u/t_align" "$label"
			unit_writer "$r" "$a" "$u/t_writer" "$label"
			unit_sys "$r" "$a" "$u/t_sys" "$label"
			unit_smash "$r" "$a" "$u/t_smash" "$label"
			unit_printf "$r" "$a" "$u/t_printf" "$label"
			unit_div "$r" "$a" "$u/t_div" "$label"
			# vdso of this build, a static PIE too: its command table
			# holds pointers that only relocation makes right.
			out=$(run_on "$r" "$a" "$dir/$a/vdso" --version 2>&1); status=$?
			[ "$status" = 0 ] && [[ $out =~ ^vdso\ [0-9.]+\ \($a\)$ ]]
			ok $? "$label vdso --version: $out"
		done
	done
done
done_testing
