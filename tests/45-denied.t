#!/bin/bash
# tests/45-denied.t - old kernels and seccomp profiles: a system call that
# answers ENOSYS (not there before Linux 5.1 or 4.11) or EPERM (a container
# profile that denies it), made so by a seccomp filter (tests/robust/deny.c).
#
#   - i386 clock_gettime64 and clock_getres_time64 answer ENOSYS: the 32-bit
#     clock_gettime and clock_getres serve (syscall/sys.c), once tried;
#   - clock_gettime answers EPERM: `vdso bench` has no timer, one line and
#     exit 1; the summary prints no made-up time, one line and exit 1;
#   - statx answers ENOSYS or EPERM: fstat or fstatat serves `read` and
#     `dump FILE`, which answer as they do without the filter.
#
# Natively only: under qemu-user the filter would judge QEMU's own system
# calls (the host's), not the program's.  Oracles: strace for which calls
# were made, date(1) for the time, the unfiltered run for the rest.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all > "$BUILD/denied.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$BUILD/denied.log" | tail -20

D=$BUILD/test/denied
rm -rf "$D"; mkdir -p "$D"
DENY=$D/deny
gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o "$DENY" "$TOP/tests/robust/deny.c" > "$D/deny.log" 2>&1
ok $? "the seccomp launcher builds" || sed 's/^/# /' "$D/deny.log"

# The kernel's numbers for ARCH's call NAME (asm/unistd_32.h, unistd_64.h).
UNISTD=$(readlink -f "$BUILD/x86_64/uapi/asm")
nr() {
	local f=$UNISTD/unistd_64.h
	[ "$1" = i386 ] && f=$UNISTD/unistd_32.h
	awk -v n="__NR_$2" '$2 == n { print $3 }' "$f"
}

# run ARCH RULES... -- ARGS: vdso under the filter; status in $rc, output
# in $D/out and $D/err.
run() {
	local a=$1; shift
	local rules=()
	while [ "$1" != -- ]; do rules+=("$1"); shift; done
	shift
	timeout "$RUN_TIMEOUT" "$DENY" "$a" "${rules[@]}" -- "$BUILD/$a/vdso" "$@" \
		> "$D/out" 2> "$D/err"
	rc=$?
}

# one_line WHAT: stderr is one line, naming WHAT's error.
one_line() {
	is "$(wc -l < "$D/err")" 1 "$1: one line on stderr: $(head -1 "$D/err")"
}

for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "$a: system calls denied" "$why"; continue
	fi
	v=$BUILD/$a/vdso
	# Does the filter work here at all?  getpid denied: `vdso` still runs.
	if ! "$DENY" "$a" "$(nr "$a" getpid)=EPERM" -- "$v" --version > /dev/null 2> "$D/err"; then
		skip "$a: system calls denied" "no seccomp filter here: $(head -1 "$D/err")"; continue
	fi
	gettime=clock_gettime getres=clock_getres
	[ "$a" = i386 ] && gettime=clock_gettime64 getres=clock_getres_time64

	# --- i386: clock_gettime64 missing, as before Linux 5.1 -------------
	if [ "$a" = i386 ]; then
		L="i386 without clock_gettime64 (ENOSYS):"
		NO64=("$(nr i386 clock_gettime64)=ENOSYS" "$(nr i386 clock_getres_time64)=ENOSYS")
		VDSO=off run i386 "${NO64[@]}" -- bench --rounds 3 --calls 100
		is "$rc" 0 "$L VDSO=off vdso bench: exit 0"
		grep -q '^timed by: the clock_gettime(MONOTONIC) system call' "$D/out"
		ok $? "$L ... timed by the system call"
		# Every measured syscall cell a median under a millisecond: not the
		# 429496730 that an ignored error made of it.
		bad=$(awk '$1 ~ /^(clock_gettime|clock_getres|gettimeofday|time|getcpu|getpid)$/ {
				for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/ && $(i+1) ~ /^\(/) {
					n++; if ($i + 0 >= 1000000 || $i + 0 == 0) b++ } }
			END { print n + 0 ":" b + 0 }' "$D/out")
		[ "${bad%:*}" -gt 0 ] && [ "${bad#*:}" = 0 ]
		ok $? "$L ... ${bad%:*} medians, each from 1 ns to 1 ms"
		VDSO=off strace -f -qq -o "$D/trace" "$DENY" i386 "${NO64[@]}" -- "$v" > "$D/out" 2> "$D/err"
		rc=$?
		is "$rc" 0 "$L VDSO=off vdso (summary): exit 0"
		now=$(date +%s)
		while read -r s; do
			[ $((now - ${s%.*})) -ge 0 ] && [ $((now - ${s%.*})) -le 5 ]
			ok $? "$L ... the time $s is date's $now"
		done < <(sed -n 's/^clock_gettime(CLOCK_REALTIME) by [a-z ]*: //p' "$D/out")
		is "$(grep -c '^clock_gettime(CLOCK_REALTIME)' "$D/out")" 2 "$L ... both ways"
		is "$(grep -c 'clock_gettime64(.*ENOSYS' "$D/trace")" 1 \
			"$L ... strace: clock_gettime64 tried once, its ENOSYS remembered"
		grep -q 'clock_gettime(CLOCK_REALTIME, {tv_sec=' "$D/trace"
		ok $? "$L ... strace: the 32-bit clock_gettime answered"
		VDSO=off run i386 "${NO64[@]}" -- call clock_getres
		is "$rc" 0 "$L VDSO=off vdso call clock_getres: exit 0"
		VDSO=off strace -f -qq -o "$D/trace" "$DENY" i386 "${NO64[@]}" -- "$v" call clock_getres > /dev/null 2>&1
		grep -q 'clock_getres(CLOCK_MONOTONIC, {tv_sec=0, tv_nsec=[1-9]' "$D/trace"
		ok $? "$L ... strace: the 32-bit clock_getres answered"
	fi

	# --- mincore denied (EPERM): no way to ask which pages are mapped ---
	# vdso/find.c then takes the kernel's AT_SYSINFO_EHDR on trust, as
	# where mincore(2) is missing, instead of a misleading "more pages
	# than are mapped".
	L="$a with mincore denied (EPERM):"
	run "$a" "$(nr "$a" mincore)=EPERM" -- syms
	is "$rc" 0 "$L vdso syms: exit 0"
	grep -q '^image: 0x[0-9a-f]* (AT_SYSINFO_EHDR)' "$D/out"
	ok $? "$L ... the live vDSO found all the same"
	run "$a" "$(nr "$a" mincore)=EPERM" -- dump "$D/mincore.so"
	is "$rc:$(readelf -h "$D/mincore.so" 2> /dev/null | grep -c 'DYN')" 0:1 \
		"$L vdso dump: exit 0, an image readelf reads" || sed 's/^/# /' "$D/err"

	# --- clock_gettime denied: nothing to time, nothing to make up ------
	L="$a with $gettime denied (EPERM):"
	DENIED=("$(nr "$a" "$gettime")=EPERM")
	VDSO=off run "$a" "${DENIED[@]}" -- bench --rounds 3 --calls 100
	is "$rc" 1 "$L VDSO=off vdso bench: exit 1"
	one_line "$L ... bench"
	grep -q 'clock_gettime.*: EPERM (Operation not permitted)$' "$D/err"
	ok $? "$L ... which names the timer's EPERM"
	is "$(wc -c < "$D/out")" 0 "$L ... and nothing on stdout"
	# The summary: the vDSO's time is real; the system call's is not there.
	run "$a" "${DENIED[@]}" --
	has_vdso=$("$v" | grep -c '^clock_gettime(CLOCK_REALTIME) by vdso')
	is "$rc" 1 "$L vdso (summary): exit 1"
	one_line "$L ... summary"
	grep -q 'EPERM' "$D/err"; ok $? "$L ... which says EPERM"
	is "$(grep -c ' by system call: ' "$D/out")" 0 "$L ... no system call time on stdout"
	is "$(grep -c '0\.000000000' "$D/out")" 0 "$L ... no made-up 0.000000000"
	is "$(grep -c '^clock_gettime(CLOCK_REALTIME) by vdso' "$D/out")" "$has_vdso" \
		"$L ... the vDSO's time, where there is a vDSO, still shown"
	VDSO=off run "$a" "${DENIED[@]}" --
	is "$rc:$(grep -c '^clock_gettime' "$D/out")" 1:0 "$L VDSO=off vdso: exit 1, no time on stdout"
	one_line "$L ... VDSO=off summary"

	# --- statx missing or denied: fstat serves ---------------------------
	img=$D/image-$a.so
	"$v" dump "$img" > /dev/null 2>&1 || { fail "$a: vdso dump for an image to read"; continue; }
	"$v" read "$img" > "$D/want" 2>&1
	for e in ENOSYS EPERM; do
		L="$a with statx denied ($e):"
		run "$a" "$(nr "$a" statx)=$e" -- read "$img"
		is "$rc" 0 "$L vdso read FILE: exit 0"
		diff_ok "$D/out" "$D/want" "$L ... the same output as with statx"
		run "$a" "$(nr "$a" statx)=$e" -- read - < "$img"
		is "$rc" 0 "$L vdso read - (standard input): exit 0"
		rm -f "$D/dumped.so"
		run "$a" "$(nr "$a" statx)=$e" -- dump "$D/dumped.so"
		is "$rc" 0 "$L vdso dump FILE: exit 0"
		cmp -s "$D/dumped.so" "$img"
		ok $? "$L ... the same image"
		run "$a" "$(nr "$a" statx)=$e" -- read "$D"
		is "$rc:$(grep -c EISDIR "$D/err")" 1:1 "$L vdso read DIR: still EISDIR, from fstat's mode"
	done
	# strace: vdso's own calls, after the launcher's execve of it.
	strace -f -qq -o "$D/trace" "$DENY" "$a" "$(nr "$a" statx)=ENOSYS" -- "$v" read "$img" > /dev/null 2>&1
	calls=$(awk 'ours; /execve\("[^"]*\/vdso"/ { ours = 1 }' "$D/trace" |
		grep -Eo '^[0-9]+ +(statx|fstat64|newfstatat|fstatat64|fstat)\([^)]*\) += [-0-9]+( E[A-Z]+)?' |
		sed 's/^[0-9]* *//; s/(.*) *=/ =/' | tr '\n' ',')
	is "$calls" "statx = -1 ENOSYS,$([ "$a" = i386 ] && echo fstat64 || echo fstat) = 0," \
		"$a with statx denied: strace: statx's ENOSYS, then fstat answered"
done
for r in qemu7 qemu10; do
	skip "$r: system calls denied" "a seccomp filter would judge QEMU's own system calls, not the program's"
done
done_testing
