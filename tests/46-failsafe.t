#!/bin/bash
# tests/46-failsafe.t - a failed call is never a fact about the kernel, and
# never a signal to someone else.  Each case breaks one thing from outside
# (a seccomp filter, tests/robust/deny.c; strace's -e inject=; a launcher
# with an auxiliary vector of our choosing, tests/robust/launch.c;
# chattr +a; setarch -R) and judges by oracles: a bystander process that
# must survive, strace's record of the calls made, the exit status, ls.
#
#   1. a failed call used as a value: getpid refused must not become
#      kill(-1) (run in a PID namespace: unshare -fp --mount-proc);
#      rt_sigaction refused must not kill the probe or `check`; exit_group
#      refused must not spin;
#   2. a set-up failure is not a finding: `vdso signal` with kill or
#      rt_sigaction refused names the call, claims no registers; `check`
#      with fork refused skips the NULL-timespec case, saying why;
#   3. `vdso dump` follows no link by hand that appeared after its lookup;
#      an append-only directory keeps no temporary;
#   4. `strace -o /dev/null vdso check` finishes;
#   5. auxv values a kernel never gives (AT_PAGESZ 3, pointers of 1);
#   6. exit statuses and names: check's never 2, "", -x, C1 controls,
#      argc 0, tour 2 under setarch -R.
#
# x86_64 natively; i386 natively where the kernel runs it (probed), else
# under QEMU 10 (a vDSO to dump and check), else QEMU 7.2.  Under QEMU a seccomp filter or strace judges QEMU's
# own (x86_64) system calls, which QEMU makes for the program's: a refused
# getpid reaches the program as a failure all the same.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all units > "$BUILD/failsafe.log" 2>&1
ok $? "make all units" || sed 's/^/# /' "$BUILD/failsafe.log" | tail -20

D=$BUILD/test/failsafe
rm -rf "$D"; mkdir -p "$D"
DENY=$D/deny
gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o "$DENY" "$TOP/tests/robust/deny.c" > "$D/deny.log" 2>&1
ok $? "the seccomp launcher builds" || sed 's/^/# /' "$D/deny.log"
T=30

# The host's (x86_64) numbers: natively the program's, under QEMU QEMU's.
UNISTD=$(readlink -f "$BUILD/x86_64/uapi/asm")
nr() { awk -v n="__NR_$1" '$2 == n { print $3 }' "$UNISTD/unistd_64.h"; }

# For each arch, how it runs here: "native" or the QEMU 7.2 command.
runner_for() {
	if runner_available native "$1" > /dev/null; then echo native
	elif runner_available qemu10 "$1" > /dev/null; then echo qemu10
	elif runner_available qemu7 "$1" > /dev/null; then echo qemu7
	else return 1; fi
}

# run ARCH PROG ARGS...: under the arch's runner; output in $D/out, $D/err, status $rc.
run() {
	local a=$1; shift
	timeout $T $(runner_cmd "$R" "$a") "$@" > "$D/out" 2> "$D/err"; rc=$?
}
# denied ARCH RULES... -- PROG ARGS...: the same, some calls refused.
denied() {
	local a=$1 rules=(); shift
	while [ "$1" != -- ]; do rules+=("$1"); shift; done; shift
	timeout $T "$DENY" x86_64 "${rules[@]}" -- $(runner_cmd "$R" "$a") "$@" > "$D/out" 2> "$D/err"; rc=$?
}
one_line() {    # one_line DESC PATTERN: stderr is one line, matching PATTERN
	[ "$(wc -l < "$D/err")" = 1 ] && grep -q -- "$2" "$D/err"
	ok $? "$1: one line on stderr naming it: $(head -1 "$D/err")"
}

for a in $(arches); do
	if ! R=$(runner_for "$a"); then skip "$a: fail-safe cases" "no runner for $a here"; continue; fi
	native_why=$(runner_available native "$a") || diag "$a natively: $native_why; under $R"
	V=$BUILD/$a/vdso
	L="$a ($R)"

	# ---- 1. getpid refused: no signal to anyone else ------------------------
	for e in EPERM ENOSYS; do
		if [ "$(id -u)" != 0 ] || ! unshare -fp --mount-proc true 2> /dev/null; then
			skip "$L getpid $e: vdso signal" "unshare -fp --mount-proc fails here (not root?)"; continue
		fi
		# A bystander in the same PID namespace; strace records every
		# kill and tgkill made.
		timeout $T unshare -fp --mount-proc sh -c '
			sleep 60 & b=$!
			strace -f -qq -e trace=kill,tgkill,tkill -o "$1/trace" "$2" x86_64 "$3=$4" -- $5 "$6" signal > "$1/out" 2> "$1/err"
			echo $? > "$1/rc"
			kill -0 $b 2> /dev/null && echo alive > "$1/bystander"; kill $b' \
			sh "$D" "$DENY" "$(nr getpid)" "$e" "$(runner_cmd "$R" "$a")" "$V" 2> /dev/null
		is "$(cat "$D/bystander" 2> /dev/null)" alive "$L getpid $e: vdso signal: the bystander lives"
		! grep -qE '^[0-9]+ +(kill|tgkill|tkill)\((-[0-9]+|0),' "$D/trace"
		ok $? "$L getpid $e: strace: no kill to pid 0 or below: $(grep -oE '(kill|tgkill)\([^)]*\)' "$D/trace" | head -1)"
		[ "$(cat "$D/rc")" = 1 ] && grep -q 'signal: getpid: ' "$D/err"
		ok $? "$L getpid $e: vdso signal: exit 1, naming getpid: $(head -1 "$D/err")"
	done

	# ---- 1. rt_sigaction refused: no death by our own signals -------------
	denied "$a" "$(nr rt_sigaction)=EPERM" -- "$V" signal
	[ "$rc" = 1 ] && ! grep -q 'fate: killed' "$D/out"
	ok $? "$L rt_sigaction refused: vdso signal: exit 1 ($rc), no fate made of it"
	one_line "$L rt_sigaction refused: vdso signal" 'signal: rt_sigaction: EPERM'
	if [ "$a" = x86_64 ]; then
		for c in vsyscall "tour 9"; do
			denied "$a" "$(nr rt_sigaction)=EPERM" -- "$V" $c
			is "$rc" 1 "$L rt_sigaction refused: vdso $c: exit 1, not SIGSEGV (139)"
			one_line "$L rt_sigaction refused: vdso $c" 'rt_sigaction: EPERM'
		done
	else
		skip "$L rt_sigaction refused: vdso vsyscall, tour 9" "no vsyscall page on i386"
	fi
	denied "$a" "$(nr rt_sigaction)=EPERM" -- "$V" check
	[ "$rc" -lt 2 ] && ! grep -q '^not ok.*re-entered\|^not ok.*NULL' "$D/out"
	ok $? "$L rt_sigaction refused: vdso check: ends by itself ($rc), no case failed for it"

	# ---- 1. exit_group refused: exit serves; both refused: no spin ---------
	if [ "$R" = native ]; then
		denied "$a" "$(nr exit_group)=EPERM" -- "$V" --version
		is "$rc:$(grep -c "($a)" "$D/out")" 0:1 "$L exit_group refused: vdso --version: exit 0 by exit(2)"
		start=$SECONDS  # (bash reports the SIGILL on stderr: a subshell's, dropped)
		{ denied "$a" "$(nr exit_group)=EPERM" "$(nr exit)=EPERM" -- "$V" --version; } 2> /dev/null
		is "$rc" 132 "$L exit_group and exit refused: stops at once (SIGILL), no spin ($((SECONDS - start)) s)"
	else
		skip "$L exit_group refused" "QEMU's own exit (glibc's _exit) serves the program's exit_group"
		skip "$L exit_group and exit refused" "QEMU's own exit (glibc's _exit) loops, not ours"
	fi

	# ---- 2. set-up failures are not findings -------------------------------
	denied "$a" "$(nr kill)=EPERM" "$(nr tgkill)=EPERM" -- "$V" signal
	[ "$rc" = 1 ] && ! grep -q 'registers it set intact' "$D/out"
	ok $? "$L kill refused: vdso signal: exit 1, no registers said intact"
	one_line "$L kill refused: vdso signal" 'signal: kill: EPERM'
	denied "$a" "$(nr fork)=EPERM" "$(nr clone)=EPERM" -- "$V" check
	line=$(grep 'clock_gettime(MONOTONIC, NULL)' "$D/out")
	case $line in
	*"# SKIP fork: EPERM"*|*"# SKIP not in"*|*"# SKIP no vDSO"*|*"# SKIP"*"vDSO"*) pass "$L fork refused: vdso check: $line" ;;
	*) fail "$L fork refused: vdso check: $line" ;;
	esac

	# Limits: no descriptor for a pipe, no room for buffers.  QEMU itself
	# needs more than either limit leaves: natively only.
	if [ "$R" = native ]; then
		timeout $T prlimit --nofile=3 "$V" call getrandom > "$D/out" 2> "$D/err"; rc=$?
		[ "$rc" = 1 ] && ! grep -q DISAGREE "$D/out"
		ok $? "$L prlimit --nofile=3: vdso call getrandom: exit 1, no disagreement made of it"
		one_line "$L prlimit --nofile=3: vdso call" 'call: pipe2: EMFILE'
		timeout $T prlimit --as=4194304 "$V" call getrandom > "$D/out" 2> "$D/err"; rc=$?
		[ "$rc" = 1 ] && ! grep -q DISAGREE "$D/out"
		ok $? "$L prlimit --as=4194304: vdso call getrandom: exit 1, no disagreement made of it"
		one_line "$L prlimit --as=4194304: vdso call" 'call: mmap: ENOMEM'
	else
		skip "$L prlimit --nofile=3, --as=4194304: vdso call" "QEMU itself needs more than the limits leave"
		skip "$L prlimit: one line" "QEMU itself needs more than the limits leave"
		skip "$L prlimit --as" "QEMU itself needs more than the limits leave"
		skip "$L prlimit --as: one line" "QEMU itself needs more than the limits leave"
	fi
	# A timer that is refused: no cost made up (0.0 ns, garbage), one line.
	if [ "$R" = native ]; then
		gettime=clock_gettime; [ "$a" = i386 ] && gettime=clock_gettime64
		for c in vsyscall "tour 6" "tour 9"; do
			[ "$a" = i386 ] && [ "$c" != "tour 6" ] && continue     # no vsyscall page
			VDSO=off denied "$a" "$(nr $gettime)=EPERM" -- "$V" $c
			[ "$rc" = 1 ] && ! grep -qE '[0-9] ns' "$D/out"
			ok $? "$L VDSO=off, $gettime refused: vdso $c: exit 1, no figure in ns"
			one_line "$L VDSO=off, $gettime refused: vdso $c" 'the timer: EPERM'
		done
	else
		skip "$L a refused timer" "under QEMU the program's clock is QEMU's own host vDSO call, which no filter sees"
	fi
	# A time namespace inside one: the child's offsets are the host's.
	if [ "$(id -u)" = 0 ] && unshare -T true 2> /dev/null; then
		timeout $T unshare -T --monotonic 500 --boottime 500 $(runner_cmd "$R" "$a") "$V" check > "$D/out" 2>&1
		n=$(grep -c '^ok.*offset of [0-9]* s: the system call sees' "$D/out")
		is "$n:$(grep -c '^not ok.*offset' "$D/out")" "2:0" "$L vdso check in unshare -T --monotonic 500: both offset checks pass"
	else
		skip "$L vdso check in a time namespace" "unshare -T fails here (not root?)"
	fi

	# ---- 3. dump: a link planted after the lookup; append-only -------------
	W=$D/sticky-$a; rm -rf "$W"; mkdir -p "$W"; chmod 1777 "$W"
	echo secret > "$W/victim"; chmod 600 "$W/victim"
	ln -s "$W/victim" "$W/out.so"; chown -h nobody "$W/out.so" 2> /dev/null
	# The first statx of the name says ENOENT, as if the link came a moment later.
	timeout $T strace -f -qq -o /dev/null -P "$W/out.so" -e trace=statx \
		-e inject=statx:error=ENOENT:when=1 $(runner_cmd "$R" "$a") "$V" dump "$W/out.so" > /dev/null 2> "$D/err"
	prot=$(cat /proc/sys/fs/protected_symlinks 2> /dev/null)
	mode=$(stat -c %a "$W/victim")
	if [ "$prot" = 1 ]; then
		is "$mode:$(cat "$W/victim")" "600:secret" "$L dump, a link planted after the lookup: the kernel refuses it, the file untouched"
	else
		# protected_symlinks off: the kernel follows it, and so may we, but
		# the file keeps its mode (replaced as the file it is, not as new).
		is "$mode" 600 "$L dump, a link planted after the lookup: the file it names keeps mode 600 (not a new 0644 file)"
	fi
	W=$D/append-$a; rm -rf "$W"; mkdir -p "$W"; echo old > "$W/t.so"
	if chattr +a "$W" 2> /dev/null; then
		run "$a" "$V" dump "$W/t.so"
		is "$rc:$(ls -A "$W" | tr '\n' ' ')" "1:t.so " "$L dump into an append-only directory: exit 1, nothing left behind"
		one_line "$L dump into an append-only directory" 'EPERM'
		chattr -a "$W"
	else
		skip "$L dump into an append-only directory" "chattr +a fails on this file system"
		skip "$L dump into an append-only directory: one line" "chattr +a fails here"
	fi

	# ---- 4. a tracer slows every handler: check still ends -----------------
	start=$SECONDS
	timeout 120 strace -f -o /dev/null $(runner_cmd "$R" "$a") "$V" check > "$D/out" 2>&1; rc=$?
	[ "$rc" != 124 ] && [ "$rc" -lt 2 ]
	ok $? "$L strace -o /dev/null vdso check: ends ($rc, $((SECONDS - start)) s): $(grep -o 're-entered.*signals[^)]*)' "$D/out")"

	# ---- 5. auxv values a kernel never gives -------------------------------
	m=$(arch_libc_cc "$a")
	LA=$D/launch-$a
	if $m -std=gnu11 -O2 -fPIE -pie -o "$LA" "$TOP/tests/robust/launch.c" > "$D/launch.log" 2>&1; then
		run "$a" "$LA" -s AT_EXECFN=1 -s AT_PLATFORM=1 -s AT_RANDOM=1 "$V" auxv
		[ "$rc" = 0 ] && grep -q '^AT_EXECFN: *0x1 (not' "$D/out" && grep -q '^AT_RANDOM: *0x1 (not' "$D/out"
		ok $? "$L AT_EXECFN, AT_PLATFORM, AT_RANDOM 1: vdso auxv: exit $rc, the pointers not read"
		run "$a" "$LA" -s AT_EXECFN=1 -s AT_PLATFORM=1 -s AT_RANDOM=1 "$V" tour 0
		is "$rc" 0 "$L pointers of 1: vdso tour 0: exit 0"
		# The lessons are linked at a fixed address, which QEMU 10 keeps
		# for itself: there they run under QEMU 7.2.
		RL=$R; [ "$R" = qemu10 ] && RL=qemu7
		lesson() { local r0=$R; R=$RL; run "$@"; R=$r0; }
		lesson "$a" "$LA" -s AT_EXECFN=1 -s AT_RANDOM=1 "$BUILD/$a/stack"
		is "$rc" 0 "$a ($RL) pointers of 1: the stack lesson: exit 0"
		lesson "$a" "$BUILD/$a/getrandom"; want=$(grep '^two calls' "$D/out")
		for p in 1 3 16 0xffffffff; do
			lesson "$a" "$LA" -s AT_PAGESZ=$p "$BUILD/$a/getrandom"
			is "$rc:$(grep '^two calls' "$D/out")" "0:$want" "$a ($RL) AT_PAGESZ=$p: the getrandom lesson as without it"
		done
	else
		skip "$L auxv values" "the launcher does not build $m: $(tail -1 "$D/launch.log")"
	fi

	# ---- 6. exit statuses and names ----------------------------------------
	run "$a" "$V" check
	failed=$(grep '^not ok' "$D/out" | grep -vc '# TODO')
	is "$rc" "$([ "$failed" -gt 0 ] && echo 1 || echo 0)" "$L vdso check: $failed failed, exit $rc (never 2)"
	run "$a" "$V" check extra
	is "$rc" 2 "$L vdso check extra: 2, the usage error's alone"
	run "$a" "$V" dump ""
	is "$rc:$(cat "$D/err")" '1:vdso: dump: "": ENOENT (No such file or directory)' "$L vdso dump \"\": ENOENT"
	run "$a" "$V" read -x
	is "$rc:$(cat "$D/err")" "2:vdso: read: -x: unknown option (try 'vdso help read')" "$L vdso read -x: an unknown option, as dump's"
	run "$a" "$V" ""
	is "$rc:$(cat "$D/err")" "2:vdso: \"\": unknown command (try 'vdso help')" "$L vdso \"\": names the empty command"
	run "$a" "$V" read $'a\xc2\x9bb'
	! grep -q $'\xc2\x9b' "$D/err" && grep -qF 'a\xc2\x9bb' "$D/err"
	ok $? "$L a C1 control (\\xc2\\x9b) in a name: escaped: $(cat -v "$D/err")"
	# argc 0: the kernel (5.18+) and QEMU make argv[0] "", which the try:
	# line must not print as the program.
	if [ "$R" = native ]; then
		printf '%s\n' '#include <unistd.h>' 'int main(int c, char **v, char **e) { (void)c;' \
			'char *none[] = { 0 }; execve(v[1], none, e); return 127; }' > "$D/argc0.c"
		gcc -o "$D/argc0" "$D/argc0.c"
		timeout $T "$D/argc0" "$BUILD/$a/getrandom" > "$D/out" 2>&1
	else
		timeout $T $(runner_cmd "$R" "$a") -0 "" "$BUILD/$a/getrandom" > "$D/out" 2>&1
	fi
	try=$(sed -n 's/^try: strace -e getrandom \(.*\)   # no call.*/\1/p' "$D/out")
	if grep -q '^try:' "$D/out"; then
		[ -n "$try" ] && [ "$try" != "(null)" ] && [ -e "$try" ]
		ok $? "$L getrandom with argc 0: the try: line names the program ($try)"
	else
		skip "$L getrandom with argc 0" "no vDSO getrandom here: no try: line"
	fi
	# setarch -R: the vDSO stays put (two runs, one address), and tour 2 says so.
	timeout $T setarch -R $(runner_cmd "$R" "$a") "$V" tour 2 > "$D/out1" 2>&1; out1=$(cat "$D/out1")
	timeout $T setarch -R $(runner_cmd "$R" "$a") "$V" tour 2 > "$D/out" 2>&1
	at1=$(echo "$out1" | sed -n 's/^AT_SYSINFO_EHDR \(0x[0-9a-f]*\).*/\1/p')
	at2=$(sed -n 's/^AT_SYSINFO_EHDR \(0x[0-9a-f]*\).*/\1/p' "$D/out")
	if [ -z "$at1" ]; then
		skip "$L tour 2 under setarch -R" "no vDSO here"
	elif [ "$at1" = "$at2" ]; then
		! grep -q '^it moves every run' "$D/out" && grep -q 'without address randomisation' "$D/out"
		ok $? "$L tour 2 under setarch -R: $at1 both runs; it does not say the vDSO moves"
	else
		skip "$L tour 2 under setarch -R" "the address moved all the same ($at1, $at2)"
	fi
done
done_testing
