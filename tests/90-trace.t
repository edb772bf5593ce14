#!/bin/bash
# tests/90-trace.t - `vdso trace`: the vDSO calls of a program, one line
# each, judged by what the program itself received and printed, by strace
# (which system calls were made), and by /proc/PID/mem (the bytes left).
#
#   - calls (glibc) and free (this runtime) make N calls of each function
#     and print each value: the traced lines equal the printed ones, one
#     for one, in order; the calls that entered the kernel are the ones
#     strace saw;
#   - threads: 8 threads x 10000 calls, counted exactly by -c;
#   - forks: fork, exec and vfork followed with -f, not without it, and the
#     children unharmed either way;
#   - loop, attached with -p and detached by SIGINT: the vDSO's bytes in
#     its memory differ while attached (breakpoints) and equal a fresh
#     process's image after;
#   - exit status: the tracee's, 128+SIG for a death by signal;
#   - bad input: a missing command, a process that does not exist or is
#     not ours, ptrace denied by seccomp, and QEMU 7.2's user mode (no
#     ptrace, no vDSO): one line each, exit 1.
#
# i386 tracees need a kernel that runs i386 programs (probed).  The whole
# file runs in its own pid namespace (unshare -fp --mount-proc), since it
# sends signals.

if [ -z "${TRACE_T_NS:-}" ] && [ "$(id -u)" = 0 ] &&
	unshare -fp --mount-proc true 2> /dev/null; then
	TRACE_T_NS=1 exec unshare -fp --mount-proc env TRACE_T_NS=1 bash "$0" "$@"
fi

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all units > "$BUILD/trace.log" 2>&1
ok $? "make all units" || sed 's/^/# /' "$BUILD/trace.log" | tail -20

D=$BUILD/test/trace
rm -rf "$D"; mkdir -p "$D"
[ -n "${TRACE_T_NS:-}" ] || diag "not in a pid namespace (unshare -fp failed or not root)"

# Normalize trace lines as the programs print theirs: no [pid N], no
# " = 0" result, no <vdso...> mark.
normal() {
	sed -e '/^+++ /d' -e 's/^\[pid [0-9]*\] //' -e 's/ <vdso.*>$//' -e 's/) = 0$/)/' "$@"
}

for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "$a: vdso trace" "$why"; continue
	fi
	V=$BUILD/$a/vdso
	m=-m64; [ "$a" = i386 ] && m=-m32
	built=1
	for p in calls threads forks loop; do
		gcc $m -std=gnu11 -O2 -Wall -Werror -pthread -o "$D/$p-$a" "$TOP/tests/trace/$p.c" \
			> "$D/$p-$a.log" 2>&1 || { built=0; sed 's/^/# /' "$D/$p-$a.log"; }
	done
	ok $((1 - built)) "$a: the test programs build"
	[ $built = 1 ] || continue

	# --- values: what the program received, as trace shows it ---------
	N=5
	for prog in "$D/calls-$a" "$BUILD/$a/trace/free"; do
		name=${prog##*/}
		timeout 60 "$V" trace -o "$D/$name.tr" "$prog" $N > "$D/$name.out"
		ok $? "$a $name: trace exits with the program's status 0"
		is "$(wc -l < "$D/$name.out")" $((7 * N)) "$a $name: the program made and printed $((7 * N)) calls"
		normal "$D/$name.tr" > "$D/$name.norm"
		diff_ok "$D/$name.norm" "$D/$name.out" "$a $name: each traced call, in order, shows the values the program received"
		for f in clock_gettime gettimeofday time getcpu clock_getres; do
			want=$(grep -c "^$f(" "$D/$name.out")
			got=$(grep -c "^$f(" "$D/$name.tr")
			is "$got" "$want" "$a $name: $f called $want times, traced $got"
		done
		# The calls that entered the kernel: strace's view of the same run.
		if command -v strace > /dev/null; then
			strace -f -qq -e trace=clock_gettime,clock_gettime64,gettimeofday,time,getcpu,clock_getres \
				-o "$D/$name.strace" "$prog" $N > /dev/null
			want=$(grep -o 'clock_gettime[0-9]*(CLOCK_[A-Z_]*' "$D/$name.strace" | sed 's/64(/(/' | sort | uniq -c)
			got=$(grep '<vdso -> clock_gettime[0-9]* syscall>' "$D/$name.tr" |
				grep -o '^clock_gettime[0-9]*(CLOCK_[A-Z_]*' | sed 's/64(/(/' | sort | uniq -c)
			is "$got" "$want" "$a $name: the calls marked <vdso -> ... syscall> are those strace saw ($(echo $want))"
			is "$(grep -c ' <vdso>$' "$D/$name.tr")" $((6 * N)) "$a $name: the other $((6 * N)) stayed in user space"
		else
			skip "$a $name: <vdso -> syscall> against strace" "strace not installed"
		fi
	done

	# -e picks functions.
	timeout 60 "$V" trace -e time,getcpu -o "$D/e.tr" "$D/calls-$a" 2 > "$D/e.out"
	is "$(grep -v '^+++' "$D/e.tr" | sed 's/(.*//' | sort | uniq -c | tr -s ' ')" \
		"$(printf ' 2 getcpu\n 2 time')" "$a: -e time,getcpu traces those two only"

	# --- threads: every call counted ----------------------------------
	start=$(date +%s)
	timeout 300 "$V" trace -c -o "$D/threads.tr" "$D/threads-$a" 8 10000 > "$D/threads.out"
	ok $? "$a threads: 8 threads traced to their end, status 0 ($(( $(date +%s) - start )) s)"
	is "$(cat "$D/threads.out")" 80000 "$a threads: the program made 80000 calls"
	is "$(awk '$NF == "clock_gettime" { print $1 }' "$D/threads.tr")" 80000 "$a threads: -c counts 80000 clock_gettime"

	# --- fork, exec, vfork ---------------------------------------------
	timeout 60 "$V" trace -f -o "$D/forks.tr" "$D/forks-$a" > "$D/forks.out"
	ok $? "$a forks -f: status 0"
	# "PID clock_gettime S NS", "PID gettimeofday S US", "PID time T"
	perl -ne 'print "$1 $2 $3 $4\n" if /^\[pid (\d+)\] (\w+)\(\w+, \{tv_sec=(\d+), tv_nsec=(\d+)\}/;
		print "$1 $2 $3 $4\n" if /^\[pid (\d+)\] (gettimeofday)\(\{tv_sec=(\d+), tv_usec=(\d+)\}/;
		print "$1 $2 $3\n" if /^\[pid (\d+)\] (time)\(NULL\) = (\d+)/' "$D/forks.tr" | sort > "$D/forks.got"
	sort "$D/forks.out" > "$D/forks.want"
	is "$(wc -l < "$D/forks.want") $(cut -d' ' -f1 "$D/forks.want" | sort -u | wc -l)" "8 3" \
		"$a forks: 8 calls printed by 3 processes"
	diff_ok "$D/forks.got" "$D/forks.want" "$a forks -f: the calls of parent, fork child after exec, and vfork child, each with its pid and values"
	timeout 60 "$V" trace -o "$D/forks1.tr" "$D/forks-$a" > "$D/forks1.out"
	ok $? "$a forks without -f: status 0"
	is "$(wc -l < "$D/forks1.out")" 8 "$a forks without -f: the children ran unharmed (all 8 calls printed)"
	is "$(grep -c '^\[pid [0-9]*\] gettimeofday' "$D/forks1.tr") $(grep -c '^\(\[pid [0-9]*\] \)\{0,1\}\(time\|clock_gettime\)(' "$D/forks1.tr")" \
		"1 0" "$a forks without -f: only the parent's call traced"

	# --- exit status -----------------------------------------------------
	timeout 20 "$V" trace -- sh -c 'exit 7' 2> /dev/null
	is $? 7 "$a: trace exits with the tracee's status (7)"
	timeout 20 "$V" trace -- sh -c 'kill -SEGV $$' 2> "$D/segv.err"
	is $? $((128 + 11)) "$a: a tracee killed by SIGSEGV: status 139, as a shell says"

	# --- attach, detach: the bytes left behind ---------------------------
	# The [vdso] mapping of process $1, read from /proc/PID/mem.
	vdso_mem() {
		perl -e 'my $p = shift; open M, "/proc/$p/maps" or exit 1;
			while (<M>) { ($s, $e) = map hex, /^(\w+)-(\w+)/ if /\[vdso\]$/ }
			open F, "<", "/proc/$p/mem" or exit 1; sysseek F, $s, 0 or exit 1;
			sysread(F, $b, $e - $s) == $e - $s or exit 1; print $b' "$1"
	}
	"$D/loop-$a" 6 > "$D/loop.out" &
	lp=$!
	sleep 0.5
	"$V" trace -o "$D/attach.tr" -p $lp &
	tp=$!
	sleep 1.5
	vdso_mem $lp > "$D/during.bin"
	kill -INT $tp
	wait $tp
	ok $? "$a -p: SIGINT detaches, status 0"
	vdso_mem $lp > "$D/after.bin"
	"$V" dump "$D/fresh.bin" > /dev/null
	wait $lp
	ok $? "$a -p: the process went on to its end, status 0"
	n=$(cmp -l "$D/fresh.bin" "$D/during.bin" 2> /dev/null | awk '$3 == 314' | wc -l)
	ok $(( n > 0 ? 0 : 1 )) "$a -p: while attached, $n bytes of the vDSO are int3 (0xcc)"
	if cmp -s "$D/after.bin" "$D/fresh.bin"; then
		pass "$a -p: after detaching, the vDSO in its memory equals a fresh process's ($(wc -c < "$D/fresh.bin") bytes)"
	else
		fail "$a -p: after detaching, the vDSO in its memory equals a fresh process's"
		cmp -l "$D/after.bin" "$D/fresh.bin" | head -5 | sed 's/^/# /'
	fi
	got=$(grep -c '^clock_gettime(CLOCK_MONOTONIC' "$D/attach.tr")
	ok $(( got > 0 && got <= $(cat "$D/loop.out") ? 0 : 1 )) \
		"$a -p: $got calls traced while attached, of $(cat "$D/loop.out") made"

	# --- date ----------------------------------------------------------------
	out=$(timeout 20 "$V" trace -o "$D/date.tr" date +%s)
	is "$(grep -o '^clock_gettime(CLOCK_REALTIME, {tv_sec=[0-9]*' "$D/date.tr" | sed 's/.*=//')" "$out" \
		"$a date: its clock_gettime(CLOCK_REALTIME) gave the seconds it printed ($out)"

	# --- bad input: one line, exit 1 ----------------------------------------
	one() {         # one WHAT PATTERN: $D/err is one line matching, $rc is 1
		is "$rc $(wc -l < "$D/err")" "1 1" "$a: $1: exit 1, one line: $(head -1 "$D/err")"
		grep -q "$2" "$D/err" || { fail "$a: $1: the line says $2"; return; }
		pass "$a: $1: the line says $2"
	}
	"$V" trace -- "$D/no-such-program" > /dev/null 2> "$D/err"; rc=$?
	one "a command that does not exist" ENOENT
	( sleep 5 & echo $! > "$D/gone"; wait ) ; gone=$(cat "$D/gone")
	"$V" trace -p "$gone" > /dev/null 2> "$D/err"; rc=$?
	one "a process that does not exist (any more)" ESRCH
	if command -v setpriv > /dev/null && [ "$(id -u)" = 0 ]; then
		sleep 5 & sp=$!
		setpriv --reuid=65534 --regid=65534 --clear-groups "$V" trace -p $sp > /dev/null 2> "$D/err"; rc=$?
		kill $sp; wait $sp 2> /dev/null
		one "another user's process" EPERM
	else
		skip "$a: another user's process" "not root, or no setpriv"
	fi
	DENY=$D/deny
	gcc -std=gnu11 -O2 -o "$DENY" "$TOP/tests/robust/deny.c" 2> /dev/null
	nr=$(awk '$2 == "__NR_ptrace" { print $3 }' "$(readlink -f "$BUILD/x86_64/uapi/asm")/unistd_${a/x86_/}.h" 2>/dev/null)
	[ "$a" = i386 ] && nr=$(awk '$2 == "__NR_ptrace" { print $3 }' "$(readlink -f "$BUILD/x86_64/uapi/asm")/unistd_32.h")
	"$DENY" "$a" "$nr=EPERM" -- "$V" trace date > /dev/null 2> "$D/err"; rc=$?
	one "ptrace denied by a seccomp filter" EPERM
	if q=$(runner_available qemu7 "$a"); then
		timeout 20 /usr/bin/qemu-$a "$V" trace date > /dev/null 2> "$D/err"; rc=$?
		one "under QEMU 7.2's user mode (no ptrace, no vDSO)" "ptrace(2) is not implemented"
	else
		skip "$a: under QEMU 7.2" "$q"
	fi
done
# --- under a booted kernel: no /proc (the auxiliary vector from the stack),
# i386 through the compat layer, and a clocksource without a vDSO mode.
# The tracee is `vdso call` itself, which prints the value each path gave.
if ! command -v qemu-system-x86_64 > /dev/null; then
	skip "vdso trace in a booted kernel" "qemu-system-x86_64 not installed"
elif ! "$TOP/tests/setup/kernel.sh" -k 6.1 "$BUILD" 2> "$D/kernel.log"; then
	skip "vdso trace in a booted kernel" "no 6.1 kernel: $(tail -n 1 "$D/kernel.log")"
else
	# boot NAME PARAMS ARCH: `vdso trace /init call clock_gettime time` as /init.
	boot() {
		OUT=$D/boot-$1
		mkdir -p "$OUT"
		"$TOP/tests/boot/boot.sh" -k 6.1 -a "$2" -o "$OUT" -t 120 "$3" \
			trace /init call clock_gettime time > /dev/null 2> "$OUT/boot.err"
		STATUS=$?
		LOG=$OUT/console.log
	}
	# The traced lines' values, as `vdso call` prints them ("S.NNNNNNNNN").
	traced() {
		perl -ne 'printf "%s %d.%09d\n", $2, $3, $4
			if /^(clock_gettime(?:64)?)\(CLOCK_(\w+), \{tv_sec=(\d+), tv_nsec=(\d+)\}\) = 0 <vdso/;
			print "time $1\n" if /^time\(NULL\) = (\d+) <vdso/' "$LOG" | sort
	}
	# The values `vdso call` received through the vDSO, from its table.
	received() {
		awk '$3 == "vdso" && $1 == "clock_gettime" { print $2, $4 }
			$3 == "vdso" && $1 == "time" { print "time", $4 }' "$LOG" | sort
	}
	for a in x86_64 i386; do
		boot "$a" "" "$a"
		is "$STATUS" 0 "$a boot (6.1, no /proc): vdso trace /init call ... ends with status 0"
		received > "$OUT/want"
		traced > "$OUT/got"
		ok $(( $(wc -l < "$OUT/want") >= 2 ? 0 : 1 )) "$a boot: vdso call served $(wc -l < "$OUT/want") calls by the vDSO"
		missing=$(comm -23 "$OUT/want" "$OUT/got")
		is "$missing" "" "$a boot: each value vdso call received through the vDSO is in a traced line"
		is "$(grep -c '^clock_gettime[0-9]*(.*<vdso -> ' "$LOG")" 0 \
			"$a boot: with the default clocksource no clock_gettime entered the kernel"
	done
	if [ -f "$D/boot-i386/console.log" ]; then
		n=$(grep -c '^__kernel_vsyscall(' "$D/boot-i386/console.log")
		k=$(grep -c '^__kernel_vsyscall(.*<vdso -> .* syscall>$' "$D/boot-i386/console.log")
		ok $(( n > 0 && n == k ? 0 : 1 )) "i386 boot: $n calls of the gate __kernel_vsyscall traced, $k of them entering the kernel"
	fi
	# clocksource=hpet: no vDSO mode (the kernel's arch/x86/kernel/hpet.c
	# since 5.6), so the vDSO passes the high-resolution clocks to the
	# kernel; the coarse clocks read the data page all the same.
	boot hpet clocksource=hpet x86_64
	is "$STATUS" 0 "x86_64 boot clocksource=hpet: status 0"
	is "$(grep '^clock_gettime(CLOCK_' "$LOG" |
		awk '{ print (/COARSE/ ? "coarse" : "fine"), (/<vdso -> / ? "syscall" : "vdso") }' |
		sort -u | tr '\n' ' ')" "coarse vdso fine syscall " \
		"x86_64 boot clocksource=hpet: the coarse clocks stay in the vDSO, the others enter the kernel"
fi

done_testing
