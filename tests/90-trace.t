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
#   - other tool chains: a static musl program (clocks.c) and a Go program
#     (now.go: time.Now(), called by Go's runtime on its own stack), each
#     judged by what it printed and by strace;
#   - the x86_64 trace of i386 programs (free, and now.go for GOARCH=386),
#     and as /init in a booted 6.1 kernel, with no /proc.
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

# Nothing here may hang the suite: every command runs under timeout, and
# a process started in the background is waited for by wait_bounded.
# wait_bounded PID SECONDS: wait for PID, a child of this shell; if it has
# not ended after SECONDS, its state (from /proc) becomes diagnostics and
# it is killed.  The status is PID's, or 137 when it was killed.
wait_bounded() {
	local dog st
	rm -f "$D/watchdog.$1"
	( sleep "$2"
	  { grep -E '^(State|TracerPid|SigPnd|ShdPnd)' "/proc/$1/status"
	    echo "wchan: $(cat "/proc/$1/wchan" 2>/dev/null)"; } > "$D/watchdog.$1" 2>/dev/null
	  kill -KILL "$1" 2>/dev/null ) &
	dog=$!
	wait "$1"; st=$?
	kill "$dog" 2>/dev/null; wait "$dog" 2>/dev/null
	if [ -s "$D/watchdog.$1" ]; then
		diag "process $1 had not ended after $2 s; killed. It was:"
		sed 's/^/#   /' "$D/watchdog.$1"
	fi
	return $st
}

# Normalize trace lines as the programs print theirs: no [pid N], no
# " = 0" result, no <vdso...> mark.
normal() {
	sed -e '/^+++ /d' -e 's/^\[pid [0-9]*\] //' -e 's/ <vdso.*>$//' -e 's/) = 0$/)/' "$@"
}

# cross_compare TRACE OUT: TRACE's lines and OUT's (the program's), one
# for one, into TRACE.got and TRACE.want.  The i386 names *64 and *_time64
# are the calls of 64-bit time, printed by the program under the plain
# name.  A function the vDSO lacks (getcpu before 6.7's compat vDSO) is
# reached through the gate: its printed line is "gate NAME", as is the
# traced __kernel_vsyscall(NAME).  A gate call made inside a vDSO function
# (its fallback to the kernel) is that function's, and left out.
cross_compare() {
	perl -e 'my ($tr, $out) = @ARGV; my (@t, %vdso);
		open T, "<", $tr or die; while (<T>) {
			s/^\[pid \d+\] //; chomp; next if /^\+\+\+ /;
			s/^clock_gettime64\(/clock_gettime(/; s/^clock_getres_time64\(/clock_getres(/;
			if (/^__kernel_vsyscall\((\w+?)(?:64|_time64)?\)/) { push @t, "gate $1"; next }
			s/ <vdso.*>$//; s/\) = 0$/)/; push @t, $_; /^(\w+)\(/ and $vdso{$1} = 1 }
		open G, ">", "$tr.got" or die; open W, ">", "$tr.want" or die;
		for (@t) { print G "$_\n" unless /^gate (\w+)/ && $vdso{$1} }
		open O, "<", $out or die; while (<O>) {
			/^(\w+)\(/ or next; print W ($vdso{$1} ? $_ : "gate $1\n") }' "$1" "$2"
}
for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "$a: vdso trace" "$why"; continue
	fi
	V=$BUILD/$a/vdso
	m=$(arch_libc_cc "$a")
	built=1
	for p in calls threads forks loop; do
		$m -std=gnu11 -O2 -Wall -Werror -pthread -o "$D/$p-$a" "$TOP/tests/trace/$p.c" \
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
		cross_compare "$D/$name.tr" "$D/$name.out"
		diff_ok "$D/$name.tr.got" "$D/$name.tr.want" "$a $name: each traced call, in order, shows the values the program received"
		for f in clock_gettime gettimeofday time getcpu clock_getres; do
			want=$(grep -c "^$f(" "$D/$name.out")
			got=$(grep -c "^$f(\|^gate $f\$" "$D/$name.tr.got")
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
	is "$(awk '$NF ~ /^clock_gettime(64)?$/ { print $1 }' "$D/threads.tr")" 80000 "$a threads: -c counts 80000 clock_gettime"

	# --- fork, exec, vfork ---------------------------------------------
	timeout 60 "$V" trace -f -o "$D/forks.tr" "$D/forks-$a" > "$D/forks.out"
	ok $? "$a forks -f: status 0"
	# "PID clock_gettime S NS", "PID gettimeofday S US", "PID time T"
	perl -ne 'print "$1 $2 $3 $4\n" if /^\[pid (\d+)\] (\w+?)(?:64)?\(\w+, \{tv_sec=(\d+), tv_nsec=(\d+)\}/;
		print "$1 $2 $3 $4\n" if /^\[pid (\d+)\] (gettimeofday)\(\{tv_sec=(\d+), tv_usec=(\d+)\}/;
		print "$1 $2 $3\n" if /^\[pid (\d+)\] (time)\(NULL\) = (\d+)/' "$D/forks.tr" | sort > "$D/forks.got"
	sort "$D/forks.out" > "$D/forks.want"
	is "$(wc -l < "$D/forks.want") $(cut -d' ' -f1 "$D/forks.want" | sort -u | wc -l)" "8 3" \
		"$a forks: 8 calls printed by 3 processes"
	diff_ok "$D/forks.got" "$D/forks.want" "$a forks -f: the calls of parent, fork child after exec, and vfork child, each with its pid and values"
	timeout 60 "$V" trace -o "$D/forks1.tr" "$D/forks-$a" > "$D/forks1.out"
	ok $? "$a forks without -f: status 0"
	is "$(wc -l < "$D/forks1.out")" 8 "$a forks without -f: the children ran unharmed (all 8 calls printed)"
	is "$(grep -c '^\[pid [0-9]*\] gettimeofday' "$D/forks1.tr") $(grep -c '^\(\[pid [0-9]*\] \)\{0,1\}\(time\|clock_gettime[0-9]*\)(' "$D/forks1.tr")" \
		"1 0" "$a forks without -f: only the parent's call traced"

	# --- exit status -----------------------------------------------------
	# The machine's own sh and date: a 32-bit trace cannot trace them
	# where they are 64-bit programs (arch/i386/trace.h).
	wide=
	if [ "$a" = i386 ] && readelf -h "$(command -v date)" "$(command -v sh)" | grep -q 'Class:.*ELF64'; then
		wide="sh and date are 64-bit programs here, which a 32-bit trace cannot trace"
	fi
	if [ -n "$wide" ]; then
		skip "$a: trace exits with the tracee's status" "$wide"
	else
		timeout 20 "$V" trace -- sh -c 'exit 7' 2> /dev/null
		is $? 7 "$a: trace exits with the tracee's status (7)"
		timeout 20 "$V" trace -- sh -c 'kill -SEGV $$' 2> "$D/segv.err"
		is $? $((128 + 11)) "$a: a tracee killed by SIGSEGV: status 139, as a shell says"
	fi

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
	wait_bounded $tp 20
	ok $? "$a -p: SIGINT detaches, status 0"
	vdso_mem $lp > "$D/after.bin"
	timeout 20 "$V" dump "$D/fresh.bin" > /dev/null 2>&1
	wait_bounded $lp 30
	ok $? "$a -p: the process went on to its end, status 0"
	n=$(cmp -l "$D/fresh.bin" "$D/during.bin" 2> /dev/null | awk '$3 == 314' | wc -l)
	ok $(( n > 0 ? 0 : 1 )) "$a -p: while attached, $n bytes of the vDSO are int3 (0xcc)"
	if cmp -s "$D/after.bin" "$D/fresh.bin"; then
		pass "$a -p: after detaching, the vDSO in its memory equals a fresh process's ($(wc -c < "$D/fresh.bin") bytes)"
	else
		fail "$a -p: after detaching, the vDSO in its memory equals a fresh process's"
		cmp -l "$D/after.bin" "$D/fresh.bin" | head -5 | sed 's/^/# /'
	fi
	got=$(grep -c '^clock_gettime[0-9]*(CLOCK_MONOTONIC' "$D/attach.tr")
	ok $(( got > 0 && got <= $(cat "$D/loop.out") ? 0 : 1 )) \
		"$a -p: $got calls traced while attached, of $(cat "$D/loop.out") made"

	# --- date ----------------------------------------------------------------
	if [ -n "$wide" ]; then
		skip "$a date" "$wide"
	else
		out=$(timeout 20 "$V" trace -o "$D/date.tr" date +%s)
		is "$(grep -o '^clock_gettime[0-9]*(CLOCK_REALTIME, {tv_sec=[0-9]*' "$D/date.tr" | sed 's/.*=//')" "$out" \
			"$a date: its clock_gettime(CLOCK_REALTIME) gave the seconds it printed ($out)"
	fi

	# --- bad input: one line, exit 1 ----------------------------------------
	one() {         # one WHAT PATTERN: $D/err is one line matching, $rc is 1
		is "$rc $(wc -l < "$D/err")" "1 1" "$a: $1: exit 1, one line: $(head -1 "$D/err")"
		grep -q "$2" "$D/err" || { fail "$a: $1: the line says $2"; return; }
		pass "$a: $1: the line says $2"
	}
	timeout 20 "$V" trace -- "$D/no-such-program" > /dev/null 2> "$D/err"; rc=$?
	one "a command that does not exist" ENOENT
	( sleep 5 & echo $! > "$D/gone"; wait ) ; gone=$(cat "$D/gone")
	timeout 20 "$V" trace -p "$gone" > /dev/null 2> "$D/err"; rc=$?
	one "a process that does not exist (any more)" ESRCH
	if command -v setpriv > /dev/null && [ "$(id -u)" = 0 ]; then
		sleep 5 & sp=$!
		timeout 20 setpriv --reuid=65534 --regid=65534 --clear-groups "$V" trace -p $sp > /dev/null 2> "$D/err"; rc=$?
		kill $sp; wait $sp 2> /dev/null
		one "another user's process" EPERM
	else
		skip "$a: another user's process" "not root, or no setpriv"
	fi
	DENY=$D/deny
	gcc -std=gnu11 -O2 -o "$DENY" "$TOP/tests/robust/deny.c" 2> /dev/null
	nr=$(awk '$2 == "__NR_ptrace" { print $3 }' "$(readlink -f "$BUILD/x86_64/uapi/asm")/unistd_${a/x86_/}.h" 2>/dev/null)
	[ "$a" = i386 ] && nr=$(awk '$2 == "__NR_ptrace" { print $3 }' "$(readlink -f "$BUILD/x86_64/uapi/asm")/unistd_32.h")
	timeout 20 "$DENY" "$a" "$nr=EPERM" -- "$V" trace date > /dev/null 2> "$D/err"; rc=$?
	one "ptrace denied by a seccomp filter" EPERM
	if q=$(runner_available qemu7 "$a"); then
		timeout 20 /usr/bin/qemu-$a "$V" trace date > /dev/null 2> "$D/err"; rc=$?
		one "under QEMU 7.2's user mode (no ptrace, no vDSO)" "ptrace(2) is not implemented"
	else
		skip "$a: under QEMU 7.2" "$q"
	fi
done
# --- other tool chains: a static musl program, a Go program -----------------
# Does a program that glibc did not build call the vDSO at all, and does
# trace follow it there?  musl (musl-gcc, Debian's musl-tools) looks up
# __vdso_clock_gettime itself; Go's runtime calls it on its own system
# stack, from its own threads.  Each program prints what it received.

# go_pairs TRACE: for each traced CLOCK_REALTIME call, "SECONDS NSEC MONO":
# the wall clock it gave, and the monotonic nanoseconds of the next
# CLOCK_MONOTONIC call of the same thread (time.Now() makes the two), less
# those of the first such pair: what tests/trace/now.go prints.
go_pairs() {
	perl -ne 'my ($p, $c, $s, $n) = /^(?:\[pid (\d+)\] )?clock_gettime(?:64)?\(CLOCK_(REALTIME|MONOTONIC), \{tv_sec=(\d+), tv_nsec=(\d+)\}/ or next;
		$p //= 0;
		if ($c eq "REALTIME") { push @w, [$s, $n]; $open{$p} = $#w; next }
		next unless defined $open{$p};
		$m[$open{$p}] = $s * 1000000000 + $n; delete $open{$p};
		END { print "$w[$_][0] $w[$_][1] ", (defined $m[$_] ? $m[$_] - $m[0] : "none"), "\n" for 0 .. $#w }' "$1"
}
# strace's clock_gettime system calls of PROG ARGS, by clock, against the
# traced calls marked <vdso -> clock_gettime syscall> in TRACE.
# agree TRACE NAME PROG ARGS...
agree() {
	local tr=$1 name=$2 want got
	shift 2
	if ! command -v strace > /dev/null; then
		skip "$name: <vdso -> syscall> against strace" "strace not installed"
		return
	fi
	strace -f -qq -e trace=clock_gettime,clock_gettime64 -o "$tr.strace" "$@" > /dev/null
	want=$(grep -o 'clock_gettime[0-9]*(CLOCK_[A-Z_]*' "$tr.strace" | sed 's/64(/(/' | sort | uniq -c)
	got=$(grep '<vdso -> clock_gettime[0-9]* syscall' "$tr" | sed 's/^\[pid [0-9]*\] //' |
		grep -o '^clock_gettime[0-9]*(CLOCK_[A-Z_]*' | sed 's/64(/(/' | sort | uniq -c)
	is "$got" "$want" "$name: the calls marked <vdso -> clock_gettime syscall> are those strace saw ($(echo ${want:-none}))"
}

# go_build GOARCH OUT: tests/trace/now.go, static (no cgo), its errors in OUT.log.
go_build() {
	(cd "$TOP/tests/trace" && HOME=${HOME:-$BUILD} GOCACHE=$BUILD/go-cache GOPATH=$BUILD/go-path \
		CGO_ENABLED=0 GOOS=linux GOARCH=$1 go build -o "$2" now.go) > "$2.log" 2>&1
}

for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "$a: vdso trace of musl and Go programs" "$why"; continue
	fi
	V=$BUILD/$a/vdso
	m=$(arch_cflags "$a" | sed 's/--target=[^ ]*//')
	case $a in i386) goarch=386 ;; x86_64) goarch=amd64 ;; aarch64) goarch=arm64 ;; *) goarch=$a ;; esac
	N=5

	# --- musl, static ----------------------------------------------------
	if ! command -v musl-gcc > /dev/null; then
		skip "$a musl: vdso trace of a static musl program" "musl-gcc not installed (Debian's musl-tools)"
	elif ! musl-gcc $m -static -O2 -o "$D/clocks-musl-$a" "$TOP/tests/trace/clocks.c" > "$D/musl-$a.log" 2>&1; then
		skip "$a musl: vdso trace of a static musl program" \
			"musl-gcc $m -static does not build: $(head -n 1 "$D/musl-$a.log") (Debian's musl-tools is for the machine's own arch)"
	else
		P=$D/clocks-musl-$a
		is "$(readelf -lW "$P" | grep -c 'INTERP\|DYNAMIC')" 0 "$a musl: readelf: no interpreter, no dynamic section: static"
		timeout 60 "$V" trace -o "$P.tr" "$P" $N > "$P.out"
		ok $? "$a musl: trace exits with the program's status 0"
		is "$(wc -l < "$P.out")" $((3 * N)) "$a musl: the program made and printed $((3 * N)) calls"
		normal "$P.tr" > "$P.norm"
		diff_ok "$P.norm" "$P.out" "$a musl: each traced call, in order, shows the values the program received"
		for c in MONOTONIC REALTIME PROCESS_CPUTIME_ID; do
			is "$(grep -c "^clock_gettime[0-9]*(CLOCK_$c," "$P.tr")" "$(grep -c "^clock_gettime(CLOCK_$c," "$P.out")" \
				"$a musl: clock_gettime(CLOCK_$c) traced as often as printed"
		done
		agree "$P.tr" "$a musl" "$P" $N
		diag "$a musl: $(grep -m1 MONOTONIC "$P.tr")"
	fi

	# --- Go ------------------------------------------------------------------
	if ! command -v go > /dev/null; then
		skip "$a Go: vdso trace of a Go program" "go not installed (Debian's golang-go)"
		continue
	fi
	G=$D/now-go-$a
	if ! go_build $goarch "$G"; then
		skip "$a Go: vdso trace of a Go program" "GOARCH=$goarch go build failed: $(head -n 1 "$G.log")"
		continue
	fi
	is "$(readelf -lW "$G" | grep -c 'INTERP\|DYNAMIC')" 0 "$a Go: readelf: no interpreter, no dynamic section: static, no C library"
	timeout 60 "$V" trace -o "$G.tr" "$G" $N > "$G.out"
	ok $? "$a Go: trace exits with the program's status 0"
	is "$(wc -l < "$G.out")" $N "$a Go: the program took and printed $N readings of time.Now()"
	go_pairs "$G.tr" > "$G.got"
	diff_ok "$G.got" "$G.out" "$a Go: each time.Now() is a traced clock_gettime(CLOCK_REALTIME) with the wall clock it printed, then a CLOCK_MONOTONIC one $(awk 'END { print $3 }' "$G.out") ns after the first's, as Time.Sub measured"
	mono=$(grep -c '^\(\[pid [0-9]*\] \)\{0,1\}clock_gettime(CLOCK_MONOTONIC' "$G.tr")
	threads=$(grep -o '^\[pid [0-9]*\] ' "$G.tr" | sort -u | wc -l)
	ok $(( mono > N ? 0 : 1 )) \
		"$a Go: the runtime's own CLOCK_MONOTONIC calls traced too: $((mono - N)) more than time.Now()'s $N, from $threads threads"
	agree "$G.tr" "$a Go" "$G" $N
	diag "$a Go: $(grep -m1 REALTIME "$G.tr")"
done
# --- the x86_64 tracer, an i386 tracee -------------------------------------
# The tracee's kind comes from its own registers and auxiliary vector, not
# the tracer's: a 64-bit trace reads a 32-bit process's stack arguments,
# 4-byte words and its compat vDSO.  The tracee is tests/trace/free, built
# for i386 on this runtime; natively where the kernel runs i386 programs,
# and in the booted kernel below; compared by cross_compare (above).
if ! why=$(runner_available native i386); then
	skip "x86_64 trace of an i386 program, natively" "$why"
elif [ ! -x "$BUILD/i386/trace/free" ]; then
	fail "x86_64 trace of an i386 program: build/i386/trace/free built"
else
	F=$D/cross
	timeout 60 "$BUILD/x86_64/vdso" trace -o "$F.tr" "$BUILD/i386/trace/free" 5 > "$F.out"
	ok $? "x86_64 trace of i386 free: status 0"
	cross_compare "$F.tr" "$F.out"
	is "$(wc -l < "$F.want")" 35 "x86_64 trace of i386 free: the program printed 35 calls"
	diff_ok "$F.tr.got" "$F.tr.want" "x86_64 trace of i386 free: each call traced, in order, with the values the program received"
fi

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

	# The tour's step 10 there, the clock lesson beside /init: its one
	# call must now be marked as entering the kernel, and hold the time
	# the lesson printed.
	OUT=$D/boot-tour-hpet
	mkdir -p "$OUT"
	"$TOP/tests/boot/boot.sh" -k 6.1 -a clocksource=hpet -f "$BUILD/x86_64/clock" -o "$OUT" -t 120 \
		x86_64 tour trace > /dev/null 2> "$OUT/boot.err"
	is "$?" 0 "x86_64 boot clocksource=hpet: vdso tour trace, status 0"
	LOG=$OUT/console.log
	printed=$(sed -n '/trace -- \/clock$/,/^+++/p' "$LOG" | tr -d '\r' | grep -E '^[0-9]+\.[0-9]{9}$')
	traced=$(sed -n '/trace -- \/clock$/,/^+++/p' "$LOG" | tr -d '\r' |
		sed -nE 's/^clock_gettime\(CLOCK_REALTIME, \{tv_sec=([0-9]+), tv_nsec=([0-9]+)\}\) = 0 <vdso -> clock_gettime syscall>$/\1 \2/p' |
		awk '{ printf "%s.%09d\n", $1, $2 }')
	[ -n "$printed" ] && [ "$traced" = "$printed" ]
	ok $? "x86_64 boot clocksource=hpet: tour 10 shows the clock lesson's call entering the kernel, with the time it printed (${printed:-none})"

	# The reverse of the cross trace: the 32-bit vdso asked to trace a
	# 64-bit program says in one line that it cannot, and exits 1.
	OUT=$D/boot-reverse
	mkdir -p "$OUT"
	"$TOP/tests/boot/boot.sh" -k 6.1 -f "$BUILD/x86_64/clock" -o "$OUT" -t 120 \
		i386 trace /clock > /dev/null 2> "$OUT/boot.err"
	grep -q '^vdso: trace: /clock: .*a 64-bit process, which the 32-bit vdso cannot trace' "$OUT/console.log"
	ok $? "i386 boot: the 32-bit vdso trace of a 64-bit program says it cannot, in one line"

	# The x86_64 `vdso trace` as /init, an i386 program its tracee: its
	# lines go to the second serial port (the host's ttyS1.bin), the
	# program's to the console.  cross_boot NAME FILE ARGS...
	cross_boot() {
		local name=$1 file=$2
		shift 2
		OUT=$D/boot-$name
		mkdir -p "$OUT"
		"$TOP/tests/boot/boot.sh" -k 6.1 -f "$file" -o "$OUT" -t 360 x86_64 \
			trace -o /dev/ttyS1 "/${file##*/}" "$@" > /dev/null 2> "$OUT/boot.err"
		STATUS=$?
		tr -d '\r' < "$OUT/ttyS1.bin" > "$OUT/trace.log"
		sed -n '/^=== vdso-boot: begin /,/^=== vdso-boot: end /p' "$OUT/console.log" | sed '1d;$d' > "$OUT/program.out"
	}
	cross_boot cross "$BUILD/i386/trace/free" 5
	is "$STATUS" 0 "boot: x86_64 trace of i386 free (6.1, no /proc): status 0"
	cross_compare "$OUT/trace.log" "$OUT/program.out"
	is "$(wc -l < "$OUT/trace.log.want")" 35 "boot: x86_64 trace of i386 free: the program printed 35 calls"
	diff_ok "$OUT/trace.log.got" "$OUT/trace.log.want" \
		"boot: x86_64 trace of i386 free: each call traced, in order, with its values ($(grep -c '^gate' "$OUT/trace.log.want") through the gate)"
	is "$(grep -c '^clock_gettime64(CLOCK_PROCESS_CPUTIME_ID.*<vdso -> clock_gettime64 syscall>$' "$OUT/trace.log")" 5 \
		"boot: the 5 clock_gettime64(CLOCK_PROCESS_CPUTIME_ID) marked as entering the kernel, through the gate they call"
	if ! command -v go > /dev/null; then
		skip "boot: x86_64 trace of an i386 Go program" "go not installed (Debian's golang-go)"
	elif ! go_build 386 "$D/now-go-i386"; then
		skip "boot: x86_64 trace of an i386 Go program" "GOARCH=386 go build failed: $(head -n 1 "$D/now-go-i386.log")"
	else
		cross_boot go-i386 "$D/now-go-i386" 5
		is "$STATUS" 0 "boot: x86_64 trace of i386 Go (6.1, no /proc): status 0"
		grep '^[0-9]* [0-9]* [0-9-]*$' "$OUT/program.out" > "$OUT/now.out"
		go_pairs "$OUT/trace.log" > "$OUT/now.got"
		is "$(wc -l < "$OUT/now.out")" 5 "boot: i386 Go: the program printed 5 readings of time.Now()"
		diff_ok "$OUT/now.got" "$OUT/now.out" \
			"boot: i386 Go: each time.Now() a traced clock_gettime(CLOCK_REALTIME) with its wall clock, then CLOCK_MONOTONIC as Time.Sub measured"
	fi
fi

# --- tour 10: trace at work, as the tour shows it -------------------------
# Natively: the clock lesson's traced call carries the time it printed;
# date's call is marked <vdso> exactly when strace sees date make no
# clock_gettime system call.  Under QEMU's user mode (no ptrace): one line
# that says so, and the step still ends with status 0 (a fact, not a
# failure).
for a in $(arches); do
	for r in native qemu10; do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$r $a: tour 10" "$why"; continue
		fi
		out=$(run_on "$r" "$a" "$BUILD/$a/vdso" tour trace 2> "$D/tour-$r-$a.err")
		ok $? "$r $a: tour 10 exits 0"
		if [ "$r" != native ]; then
			is "$(grep -c 'ptrace(2) is not implemented here' <<< "$out")" 1 \
				"$r $a: tour 10: one line says there is no ptrace under QEMU's user mode"
			continue
		fi
		printed=$(sed -n '/trace -- .*\/clock$/,/^+++/p' <<< "$out" | grep -E '^[0-9]+\.[0-9]{9}$')
		traced=$(sed -n '/trace -- .*\/clock$/,/^+++/p' <<< "$out" |
			sed -nE 's/^clock_gettime(64)?\(CLOCK_REALTIME, \{tv_sec=([0-9]+), tv_nsec=([0-9]+)\}\).*/\2.\3/p')
		[ -n "$printed" ] && [ "$(printf '%s' "$traced" | awk -F. '{ printf "%s.%09d", $1, $2 }')" = "$printed" ]
		ok $? "$r $a: tour 10: the clock lesson's traced call holds the time it printed ($printed)"
		if date=$(command -v date) && command -v strace > /dev/null; then
			n=$(strace -f -qq -e trace=clock_gettime,clock_gettime64 date 2>&1 >/dev/null | grep -c clock_gettime)
			want="<vdso>"
			[ "$n" -gt 0 ] && want="<vdso -> clock_gettime syscall>"
			got=$(sed -n '/trace -- .*\/date$/,/^+++/p' <<< "$out" | grep '^clock_gettime' | sed 's/.* \(<vdso.*>\)$/\1/' | sort -u)
			is "$got" "$want" "$r $a: tour 10: date's calls marked $want, as strace sees $n clock_gettime system calls of date"
		else
			skip "$r $a: tour 10: date against strace" "date or strace not installed"
		fi
	done
done

done_testing
