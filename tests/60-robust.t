#!/bin/bash
# tests/60-robust.t - every bad input answered: one clear line on stderr
# and a non-zero exit, never a crash (a death by signal), a hang (the
# timeout) or output left half-written.
#
#   1. The reader on hostile images, through tests/fuzz/fuzz_reader.c built
#      with AddressSanitizer and UBSan (-DFUZZ_REPLAY: each file once), in
#      both classes: the regression corpus tests/fuzz/corpus/ (inputs that
#      once crashed, hung or read out of bounds, kept after the fix), the
#      hand-made images of tests/fuzz/make_hostile.py (each named for what
#      it breaks), and its big synthetic ones, which hang a reader whose
#      walks multiply.  Then the same files through `vdso read`, both arches.
#   2. The command line: unknown commands and options, missing and extra
#      arguments, files missing, unreadable, directories, empty, huge or not
#      ELF; standard output closed, a pipe nobody reads, /dev/full; a file
#      size limit, so that a dump fails half-way.
#   3. Runs that lack pieces: no vDSO (qemu-user 7.2), an auxiliary vector
#      without AT_RANDOM, AT_EXECFN, AT_SYSINFO_EHDR (tests/robust/launch.c
#      starts our static programs with one), no /proc.
#
# The fuzz campaign itself (make fuzz) is not part of this test.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

R=$BUILD/test/robust
rm -rf "$R"
mkdir -p "$R"
make -C "$TOP" --no-print-directory all units > "$R/make.log" 2>&1
ok $? "make: both arches, and the unit tests" || sed 's/^/# /' "$R/make.log" | tail -20
ARCHES=$(arches)
T=20            # seconds: a run that takes longer has hung

# answered STATUS-WANT LABEL: judge the run whose status is $rc and whose
# stderr is $R/err.  STATUS-WANT: a number, or "fail" for 1 or 2.  A failure
# must say so in exactly one line, "vdso: ..."; neither may die by a signal
# (a status over 128, as the shell and timeout report it) or hang (124).
answered() {
	local want=$1 label=$2 lines why= err
	# stderr read by bash, not wc and grep: the suite judges some thousand
	# runs.  Its lines, counted as wc -l does: a last one without its
	# newline is not one.
	mapfile err < "$R/err"
	lines=${#err[@]}
	[ "$lines" = 0 ] || [[ ${err[-1]} == *$'\n' ]] || lines=$((lines - 1))
	printf -v ERR_TEXT '%s' "${err[@]}"    # for the caller's further looks
	case $rc in
	124)	why="hung (killed after $T s)" ;;
	12[5-9]|1[3-9][0-9]|2[0-9][0-9])
		why="died by signal $((rc - 128))" ;;
	esac
	if [ -z "$why" ]; then
		case $want in
		fail)	[ "$rc" = 1 ] || [ "$rc" = 2 ] || why="exit $rc, not 1 or 2" ;;
		*)	[ "$rc" = "$want" ] || why="exit $rc, not $want" ;;
		esac
	fi
	if [ -z "$why" ] && [ "$rc" != 0 ]; then
		[ "$lines" = 1 ] && [[ ${err[0]} == "vdso: "* || ${err[1]-} == "vdso: "* ]] ||
			why="stderr is not one line 'vdso: ...' ($lines lines)"
	fi
	if [ -z "$why" ]; then
		pass "$label"
	else
		fail "$label"
		diag "$why" "$(head -c 400 "$R/err")"
	fi
}

# unless_skipped CMD...: CMD, or nothing (status 0) while the cases are
# printed skipped (native_cases): their verdict is not read then, and the
# runs cost, one process each, on every arch this machine does not run.
unless_skipped() {
	[ -n "$SKIPPING" ] && return 0
	"$@"
}

# ---------------------------------------------------------------------------
# 1. Hostile images.

SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
export ASAN_OPTIONS=detect_leaks=0:exitcode=86
export UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1
# The 32-bit harness runs natively where this machine runs i386 programs
# (the probe of tests/runners.sh), else under qemu-user, where ASan's
# shadow memory does not work: UBSan alone there.
REPLAYS=
for bits in 64 32; do
	a=x86_64; [ $bits = 32 ] && a=i386
	san=$SAN where=natively
	declare "REPLAY_RUN$bits="
	if ! why=$(runner_available native $a); then
		if r=$(runner_cmd qemu7 $a) && runner_available qemu7 $a > /dev/null; then
			declare "REPLAY_RUN$bits=$r"
			san="-fsanitize=undefined -fno-sanitize-recover=all"
			where="under ${r##*/} ($why), UBSan only"
		else
			skip "the replay harness (-m$bits)" "$why; and $r"
			continue
		fi
	fi
	run=REPLAY_RUN$bits
	if gcc -m$bits -std=c11 -Wall -Wextra -Werror -g -O1 -I"$TOP" -DFUZZ_REPLAY $san \
		-o "$R/replay$bits" "$TOP/tests/fuzz/fuzz_reader.c" "$TOP"/elf/*.c \
		> "$R/replay$bits.log" 2>&1 && ${!run} "$R/replay$bits" > /dev/null 2>&1; then
		pass "the replay harness builds and runs with sanitizers (-m$bits, $where)"
		REPLAYS="$REPLAYS $bits"
	else
		fail "the replay harness builds and runs with sanitizers (-m$bits, $where)"
		sed 's/^/# /' "$R/replay$bits.log" | head -10
	fi
done

# Sources for the hand-made images: fixtures of both classes (built as
# tests/20-reader.t builds them) and this machine's vDSO, both arches.
H=$R/hostile
mkdir -p "$H" "$R/src"
F=$TOP/tests/reader
SOURCES=
for spec in 32:sysv:v:vdso 64:both:v:so 32:gnu:v:so 64:gnu:n:vdso; do
	IFS=: read -r bits hash ver shape <<< "$spec"
	out=$R/src/f$bits-$hash-$ver-$shape.so
	flags="-m$bits -O2 -fPIC -nostdlib -shared -fno-asynchronous-unwind-tables -Wl,--hash-style=$hash"
	[ $ver = v ] && flags="$flags -DWITH_VERSIONS -Wl,--version-script=$F/fixture.map"
	[ $shape = vdso ] && flags="$flags -Wl,-T,$F/vdso.lds"
	gcc $flags -o "$out" "$F/fixture.c" 2>> "$R/src/log" && SOURCES="$SOURCES $out"
done
# and shared objects that need versions of libc (DT_VERNEED)
for bits in 64 32; do
	gcc -m$bits -O2 -fPIC -shared -o "$R/src/needs$bits.so" "$F/needs.c" 2>> "$R/src/log" &&
		SOURCES="$SOURCES $R/src/needs$bits.so"
done
# and a live vDSO as glibc finds it: natively, else QEMU 10's (the probe)
for bits in 64 32; do
	a=x86_64; [ $bits = 32 ] && a=i386
	r=native; runner_available native $a > /dev/null || r=qemu10
	gcc -m$bits -O1 -o "$R/src/oracle$bits" "$TOP/tests/oracle/vdso.c" -ldl 2>> "$R/src/log" &&
		runner_available $r $a >> "$R/src/log" &&
		run_on $r $a "$R/src/oracle$bits" image "$R/src/live$bits.so" > /dev/null 2>> "$R/src/log" &&
		SOURCES="$SOURCES $R/src/live$bits.so" ||
		diag "no live$bits.so source ($r): $(tail -n 1 "$R/src/log")"
done
# (--at: copies relocated for the replay's fixed address, FUZZ_AT in
# tests/fuzz/fuzz_reader.c, 64- and 32-bit: elf/address.c's run-time reading)
python3 "$TOP/tests/fuzz/make_hostile.py" "$H" --at 0x500000001001 --at 0x58001001 $SOURCES \
	> "$R/hostile.log" 2>&1 &&
	python3 "$TOP/tests/fuzz/make_hostile.py" "$H" --synthetic >> "$R/hostile.log" 2>&1
ok $? "make_hostile.py: $(ls "$H" | wc -l) hostile images from $(echo $SOURCES | wc -w) sources" ||
	sed 's/^/# /' "$R/hostile.log" | tail -5

CORPUS=$(find "$TOP/tests/fuzz/corpus" -type f 2> /dev/null | sort)
HOSTILE=$(find "$H" -name '*.so' ! -name 'synthetic--*' | sort)
SYNTHETIC=$(find "$H" -name 'synthetic--*' | sort)

# replay_group BITS LABEL FILES: each file through the sanitized reader,
# all in one run (the harness gives each 10 s: alarm), and one at a time
# only to tell which failed.
replay_group() {
	local bits=$1 label=$2 f bad=0 n=0 run=REPLAY_RUN$1
	shift 2
	timeout 600 ${!run} "$R/replay$bits" "$@" > /dev/null 2> "$R/err"
	rc=$?
	if [ $rc = 0 ] && [ ! -s "$R/err" ]; then
		pass "$label: $# images, no sanitizer report, no broken promise, no hang (-m$bits)"
		return
	fi
	for f in "$@"; do
		n=$((n + 1))
		timeout $T ${!run} "$R/replay$bits" "$f" > /dev/null 2> "$R/err"
		rc=$?
		if [ $rc != 0 ] || [ -s "$R/err" ]; then
			bad=$((bad + 1))
			[ $bad -le 5 ] && diag "$(basename "$f"): exit $rc: $(grep -m 3 -E 'ERROR|runtime error|SUMMARY|promise|Alarm|^fuzz' "$R/err")"
		fi
	done
	ok $bad "$label: $n images, no sanitizer report, no broken promise, no hang (-m$bits)"
}

for bits in $REPLAYS; do
	if [ -z "$CORPUS" ]; then
		skip "the regression corpus through the sanitized reader (-m$bits)" "tests/fuzz/corpus/ is empty"
	else
		replay_group $bits "the regression corpus tests/fuzz/corpus/" $CORPUS
	fi
	replay_group $bits "the hand-made hostile images" $HOSTILE
	run=REPLAY_RUN$bits
	if [ -n "${!run}" ]; then
		skip "the big synthetic images (-m$bits)" "under ${!run##*/} the harness's 10 s alarm would time the emulator on a loaded machine, not the reader (-m64 and vdso read below run them)"
	else
		replay_group $bits "the big synthetic images" $SYNTHETIC
	fi
done

# read_group ARCH LABEL FILES: each file through `vdso read` (native_cases
# ARCH): exit 0 or 1,
# never a signal or a hang, one line on stderr when 1 (and none when 0).
# One driver process runs them all (tests/robust/readall.c).
gcc -O2 -Wall -o "$R/readall" "$TOP/tests/robust/readall.c" 2> "$R/readall.log"
ok $? "the read driver builds (tests/robust/readall.c)" || sed 's/^/# /' "$R/readall.log" | head -5
read_group() {
	local a=$1 label=$2
	shift 2
	unless_skipped "$R/readall" $T "$NATIVE" "$@" > "$R/readall.out" 2>&1
	[ -x "$R/readall" ] && tail -n 1 "$R/readall.out" | grep -q "^$# files, 0 not answered\$"
	ok $? "vdso read ($a), $label: $# images, each read (exit 0) or refused in one line (exit 1)" ||
		head -n 5 "$R/readall.out" | sed 's/^/# /'
}

for a in $ARCHES; do
	native_cases $a "$BUILD/$a/vdso"
	[ -n "$CORPUS" ] && read_group $a "the regression corpus" $CORPUS
	read_group $a "the hand-made hostile images" $HOSTILE
	read_group $a "the big synthetic images, within $T s each" $SYNTHETIC
done
skipping ""

# What some of them must get: the reader's own words for each.
refusal() {     # IMAGE WORDS (IMAGE: SOURCE--WHAT, or --WHAT for the first)
	local f
	f=$(echo "$HOSTILE" | grep -m 1 -- "$1.so\$")
	[ -n "$f" ] || { skip "vdso read refuses $1" "no such image made"; return; }
	"$BUILD/x86_64/vdso" read "$f" > /dev/null 2> "$R/err"
	rc=$?
	grep -q "$2" "$R/err" && [ $rc = 1 ]
	ok $? "vdso read refuses $1: $2" || diag "exit $rc: $(cat "$R/err")"
}
refusal --hash-nbucket-zero "SysV hash table malformed"
refusal --hash-nchain-wrap "SysV hash table malformed"
refusal f64-both-v-so--gnu-chain-no-end "GNU hash table malformed"
refusal --gnu-bucket-wrap "GNU hash table malformed"
refusal --verdef-next-back "version definitions"
refusal --verneed-next-back "needed versions"
refusal --vernaux-next-back "needed versions"
refusal --verneed-aux-wrap "needed versions"
refusal --vernaux-name-past "needed versions"
refusal --verneednum-huge "needed versions"
refusal live64--versym-past-end "symbol versions"
refusal --dynamic-no-null "dynamic table malformed"
refusal --strtab-unterminated "string table"
refusal --load-filesz-wrap "program headers"
refusal --phoff-wrap "program headers"
refusal --trunc-load "cut short"
f=$H/synthetic--verdefnum-100000.so
"$BUILD/x86_64/vdso" read "$f" > /dev/null 2> "$R/err"
[ $? = 1 ] && grep -q 'version definitions' "$R/err"
ok $? "vdso read refuses 100000 version definitions (over VERDEF_MAX, elf/read.h)"
timeout $T "$BUILD/x86_64/vdso" read "$H/synthetic--long-names.so" > "$R/out" 2> "$R/err"
rc=$?
# (each symbol's name and version twice: its line and its versym entry)
[ $rc = 0 ] && [ "$(grep -c '\[\.\.\.\]' "$R/out")" -gt 99000 ] && [ "$(wc -c < "$R/out")" -lt 400000000 ]
ok $? "vdso read lists 100000 symbols named by one string of 4 MiB, each name cut at 1024 bytes with [...] ($(wc -c < "$R/out") bytes)" ||
	diag "exit $rc: $(head -c 200 "$R/err")"
is "$(grep -c 'names over 1024 bytes cut' "$R/out")" 1 "vdso read of names cut: the listing's header says so, once"
for what in "sonames:100000 DT_SONAME entries" "section-names:60000 sections"; do
	timeout $T "$BUILD/x86_64/vdso" read "$H/synthetic--long-${what%%:*}.so" > "$R/out" 2> "$R/err"
	rc=$?
	[ $rc = 0 ] && grep -q '\[\.\.\.\]' "$R/out" && [ "$(wc -c < "$R/out")" -lt 200000000 ]
	ok $? "vdso read shows ${what#*:} named by one string of 1 MiB, each name cut ($(wc -c < "$R/out") bytes, not 100 GB)" ||
		diag "exit $rc: $(head -c 200 "$R/err")"
done

# ---------------------------------------------------------------------------
# 2. The command line, on both arches.

D=$R/files
mkdir -p "$D/dir" "$D/ro"
: > "$D/empty"
truncate -s 65M "$D/huge"                       # sparse: no disk space taken
echo "not an ELF file" > "$D/text"
printf '\177ELF' > "$D/magic-only"
cp "$R/src/f64-both-v-so.so" "$D/good.so" 2> /dev/null || cp "$BUILD/x86_64/vdso" "$D/good.so"
cp "$D/good.so" "$D/secret.so"
chmod 000 "$D/secret.so"
chmod 555 "$D/ro"

# As an unprivileged user, for permissions: root reads any file.
AS_USER=
if [ "$(id -u)" != 0 ]; then
	AS_USER=" "
elif command -v setpriv > /dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/x86_64/vdso" --version > /dev/null 2>&1; then
	AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi

# run ARCH [ARGS...]: the program (native_cases ARCH), output to $R/out,
# stderr to $R/err.
run() {
	local a=$1
	shift
	unless_skipped timeout $T "$NATIVE" "$@" > "$R/out" 2> "$R/err"
	rc=$?
}

# to_closed_pipe CMD...: CMD with its standard output a pipe whose read end
# is closed before it starts (the reader gone: `vdso syms | head -0`),
# without a race; its exit status, 128 + N for a death by signal N.
to_closed_pipe() {
	python3 -c 'import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w)
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)' "$@"
}

for a in $ARCHES; do
	native_cases $a "$BUILD/$a/vdso"
	L="$a:"
	run $a frobnicate;          answered 2 "$L unknown command: exit 2, one line"
	run $a --frobnicate;        answered 2 "$L unknown option: exit 2, one line"
	run $a '';                  answered 2 "$L empty command: exit 2, one line"
	# missing and extra arguments, every command
	run $a read;                answered 2 "$L read without a file"
	run $a read "$D/good.so" x; answered 2 "$L read with two files"
	run $a dump a b;            answered 2 "$L dump with two files"
	run $a dump --check x;      answered 2 "$L dump --check with a file"
	run $a dump --proc a b;     answered 2 "$L dump --proc with two files"
	run $a dump --frob;         answered 2 "$L dump with an unknown option"
	run $a auxv x;              answered 2 "$L auxv with an argument"
	run $a syms x;              answered 2 "$L syms with an argument"
	run $a gate x;              answered 2 "$L gate with an argument"
	run $a call no_such_fn;     answered 2 "$L call of an unknown function"
	run $a bench x;             answered 2 "$L bench with an unknown argument"
	run $a bench --rounds;      answered 2 "$L bench --rounds without its number"
	run $a bench --calls 0;     answered 2 "$L bench --calls 0"
	run $a bench --rounds 99999999999999999999999; answered 2 "$L bench --rounds past 64 bits"
	run $a help x;              answered 2 "$L help of no such command"
	run $a signal x;            answered 2 "$L signal with an argument"
	run $a vsyscall x;          answered 2 "$L vsyscall with an argument"
	run $a map x;               answered 2 "$L map with an argument"
	run $a --version x;         answered 2 "$L --version with an argument"
	# files
	run $a read "$D/missing";   answered 1 "$L read a missing file"
	grep -q ENOENT "$R/err";    ok $? "$L ... says ENOENT"
	run $a read "$D/dir";       answered 1 "$L read a directory"
	grep -q EISDIR "$R/err";    ok $? "$L ... says EISDIR"
	run $a read "$D/empty";     answered 1 "$L read an empty file"
	run $a read "$D/huge";      answered 1 "$L read a sparse file of 65 MiB (mapped, whatever its size)"
	grep -q "not an ELF" "$R/err"; ok $? "$L ... says it is not ELF"
	run $a read - < "$D/huge";  answered 1 "$L read the same from standard input"
	grep -q EFBIG "$R/err";     ok $? "$L ... says EFBIG: over the limit of a pipe"
	run $a read "$D/text";      answered 1 "$L read a text file"
	run $a read "$D/magic-only"; answered 1 "$L read four bytes of ELF magic"
	run $a read - < "$D/text";  answered 1 "$L read standard input: not ELF"
	run $a read /dev/zero;      answered 1 "$L read /dev/zero: endless"
	run $a dump "$D/dir";       answered 1 "$L dump onto a directory"
	run $a dump "$D/missing-dir/x.so"; answered 1 "$L dump into a missing directory"
	if [ -z "$AS_USER" ]; then
		skip "$L read a file without permission" "root, and setpriv cannot drop to uid 65534"
		skip "$L dump into a directory without permission" "root, and setpriv cannot drop to uid 65534"
	else
		unless_skipped timeout $T $AS_USER "$NATIVE" read "$D/secret.so" > "$R/out" 2> "$R/err"; rc=$?
		answered 1 "$L read a file without permission (mode 000, uid $( $AS_USER id -u))"
		grep -q EACCES "$R/err"; ok $? "$L ... says EACCES"
		unless_skipped timeout $T $AS_USER "$NATIVE" dump "$D/ro/x.so" > "$R/out" 2> "$R/err"; rc=$?
		answered 1 "$L dump into a directory without permission"
		[ ! -e "$D/ro/x.so" ] && [ -z "$(ls -A "$D/ro")" ]
		ok $? "$L ... and leaves nothing there"
	fi
	# A file size limit: the dump fails half-way (EFBIG, SIGXFSZ ignored)
	# and leaves no file, neither the name nor a temporary.
	mkdir -p "$D/limit-$a"
	if [ -z "$SKIPPING" ]; then (ulimit -f 4; exec timeout $T "$NATIVE" dump "$D/limit-$a/x.so"); fi > "$R/out" 2> "$R/err"
	rc=$?
	answered 1 "$L dump beyond a 4 KiB file size limit (ulimit -f)"
	[ -z "$(ls -A "$D/limit-$a")" ]
	ok $? "$L ... leaves no file half-written" || diag "$(ls -l "$D/limit-$a")"
done
skipping ""

# Output that cannot be written: closed, a pipe nobody reads, /dev/full.
# Every command that writes to standard output must say so in one line,
# exit 1, not die of SIGPIPE.
COMMANDS="summary|auxv|syms|call|gate|help|--version|read $D/good.so|dump -|dump --check|bench --rounds 1 --calls 10|signal|vsyscall|map"
for a in $ARCHES; do
	native_cases $a "$BUILD/$a/vdso"
	IFS='|' read -ra cmds <<< "$COMMANDS"
	for c in "${cmds[@]}"; do
		args=$c
		[ "$c" = summary ] && args=
		L="$a: vdso $c"
		unless_skipped timeout $T "$NATIVE" $args >&- 2> "$R/err"; rc=$?
		answered 1 "$L, standard output closed"
		case $c in dump\ --check|bench*) ;; *) [[ $ERR_TEXT == *EBADF* ]] || diag "no EBADF: $(cat "$R/err")" ;; esac
		unless_skipped to_closed_pipe timeout $T "$NATIVE" $args 2> "$R/err"; rc=$?
		answered 1 "$L, to a pipe nobody reads"
		[[ $ERR_TEXT == *EPIPE* ]] || diag "no EPIPE: $(cat "$R/err")"
		unless_skipped timeout $T "$NATIVE" $args > /dev/full 2> "$R/err"; rc=$?
		answered 1 "$L, to /dev/full"
	done
done
skipping ""
# The reader really gone, in a shell pipeline (the pipe fills, then breaks).
for a in $ARCHES; do
	native_cases $a "$BUILD/$a/vdso"
	{ unless_skipped timeout $T "$NATIVE" read "$H/synthetic--verdef-walk.so" 2> "$R/err"; echo $? > "$R/rc"; } | head -c 100 > /dev/null
	read -r rc < "$R/rc"
	answered 1 "$a: vdso read of 12 MB of listing | head -c 100: EPIPE in one line, not SIGPIPE"
done
skipping ""

# ---------------------------------------------------------------------------
# 3. Runs that lack pieces.

# No vDSO: qemu-user 7.2 gives no AT_SYSINFO_EHDR (and no AT_SYSINFO).
for a in $ARCHES; do
	if ! why=$(runner_available qemu7 $a); then
		skip "qemu7 $a: runs without a vDSO" "$why"
		continue
	fi
	run_on qemu7 $a "$BUILD/$a/vdso" > "$R/out" 2> "$R/err"; rc=$?
	answered 0 "qemu7 $a: vdso without a vDSO: exit 0"
	grep -q 'no vDSO: the auxiliary vector has no AT_SYSINFO_EHDR' "$R/out"
	ok $? "qemu7 $a: ... and it says why: $(head -1 "$R/out")"
	for c in auxv call gate; do
		run_on qemu7 $a "$BUILD/$a/vdso" $c > "$R/out" 2> "$R/err"; rc=$?
		answered 0 "qemu7 $a: vdso $c without a vDSO: exit 0"
	done
	for c in syms dump; do
		run_on qemu7 $a "$BUILD/$a/vdso" $c "$R/none.so" > "$R/out" 2> "$R/err"; rc=$?
		[ $c = syms ] && { run_on qemu7 $a "$BUILD/$a/vdso" syms > "$R/out" 2> "$R/err"; rc=$?; }
		answered 1 "qemu7 $a: vdso $c without a vDSO: one line"
		grep -q 'no vDSO' "$R/err"; ok $? "qemu7 $a: ... that says there is no vDSO"
	done
done

# An auxiliary vector without AT_RANDOM, AT_EXECFN, AT_SYSINFO_EHDR (and
# AT_SYSINFO), by tests/robust/launch.c, on both arches natively.
LAUNCHERS=
for a in $ARCHES; do
	m=$(arch_libc_cc "$a")
	native_cases $a "$BUILD/$a/vdso"
	if [ -n "$SKIPPING" ]; then
		skip "the launcher ($a, PIE) starts a static program" "$SKIPPING"
		LAUNCHERS="$LAUNCHERS $a"       # (its cases, each skipped)
	elif $m -std=gnu11 -Wall -Wextra -Werror -O2 -fPIE -pie -o "$R/launch-$a" \
		"$TOP/tests/robust/launch.c" > "$R/launch-$a.log" 2>&1 &&
	   "$R/launch-$a" "$BUILD/$a/vdso" --version > "$R/out" 2>&1 &&
	   grep -q "($a)" "$R/out"; then
		pass "the launcher ($a, PIE) starts a static program with an auxiliary vector of its own"
		LAUNCHERS="$LAUNCHERS $a"
	else
		fail "the launcher ($a, PIE) starts a static program"
		sed 's/^/# /' "$R/launch-$a.log" "$R/out" | head -10
	fi
done
skipping ""

BARE="-d AT_RANDOM -d AT_EXECFN -d AT_SYSINFO_EHDR -d AT_SYSINFO"
for a in $LAUNCHERS; do
	native_cases $a "$BUILD/$a/vdso"
	# (in a subshell whose stderr is dropped: bash would report a death
	# by SIGABRT, t_smash's, on its own stderr)
	# (skipped cases run nothing: : > out and err, status 0)
	launch() {
		[ -n "$SKIPPING" ] && { : > "$R/out"; : > "$R/err"; rc=0; return; }
		(timeout $T "$R/launch-$a" "$@" > "$R/out" 2> "$R/err"; exit $?) 2> /dev/null; rc=$?
	}
	L="$a without AT_RANDOM, AT_EXECFN, AT_SYSINFO_EHDR, AT_SYSINFO:"
	launch $BARE "$BUILD/$a/vdso"
	answered 0 "$L vdso: exit 0"
	grep -q 'no vDSO: the auxiliary vector has no AT_SYSINFO_EHDR; every call is a system call' "$R/out"
	ok $? "$L vdso says so: $(head -1 "$R/out")"
	launch $BARE "$BUILD/$a/vdso" auxv
	answered 0 "$L vdso auxv: exit 0"
	! grep -qE '^AT_(RANDOM|EXECFN|SYSINFO|SYSINFO_EHDR):' "$R/out" && grep -q '^AT_PAGESZ:' "$R/out"
	ok $? "$L vdso auxv lists what there is, and not what is not"
	launch $BARE "$BUILD/$a/vdso" call
	answered 0 "$L vdso call: exit 0"
	grep -q '^paths: clock_gettime=syscall gettimeofday=syscall time=syscall clock_getres=syscall getcpu=syscall' "$R/out"
	ok $? "$L vdso call: every call served by the system call"
	launch $BARE "$BUILD/$a/vdso" gate
	answered 0 "$L vdso gate: exit 0"
	grep -q 'cannot open our own file (AT_EXECFN), not tried' "$R/out" && grep -q 'no AT_SYSINFO' "$R/out"
	ok $? "$L vdso gate says what it could not try, and why"
	launch $BARE "$BUILD/$a/vdso" syms
	answered 1 "$L vdso syms: one line"
	launch $BARE "$BUILD/$a/vdso" dump "$R/none-$a.so"
	answered 1 "$L vdso dump: one line"
	[ ! -e "$R/none-$a.so" ]; ok $? "$L vdso dump: and no file"
	# The stack protector without AT_RANDOM: a fixed canary, still set.
	launch $BARE "$BUILD/$a/unit/t_smash" guard
	is "$rc:$(head -1 "$R/out")" "0:guard set" "$L t_smash: a canary is set all the same"
	launch $BARE "$BUILD/$a/unit/t_smash" 16
	is "$rc:$(cat "$R/out")" "0:returned" "$L t_smash: 16 bytes into 16 return normally"
	launch $BARE "$BUILD/$a/unit/t_smash" 64
	is "$rc:$(cat "$R/err")" "134:vdso: stack smashing detected: killed" "$L t_smash: 64 bytes into 16: stopped by SIGABRT"
	# AT_SYSINFO_EHDR pointing at an ELF image that is no vDSO: our own
	# ELF header (a static PIE: wherever the launcher put it).
	L="$a with AT_SYSINFO_EHDR at its own ELF header:"
	launch -s AT_SYSINFO_EHDR=ehdr "$BUILD/$a/vdso"
	answered 0 "$L vdso: exit 0"
	grep -q 'no vDSO: ' "$R/out"; ok $? "$L vdso: no vDSO, and why: $(head -1 "$R/out")"
	launch -s AT_SYSINFO_EHDR=ehdr "$BUILD/$a/vdso" syms
	answered 1 "$L vdso syms: one line"
	# A loader's bogus numbers: checked as mapped before they are touched.
	for bad in 0x1000 0x400001 0xfffff000; do
		L="$a with AT_SYSINFO_EHDR=$bad:"
		for c in "" syms call dump; do
			launch -s AT_SYSINFO_EHDR=$bad "$BUILD/$a/vdso" $c $([ "$c" = dump ] && echo -)
			case $c in
			""|call) want=0 ;;
			*) want=1 ;;
			esac
			answered $want "$L vdso $c: exit $want, no crash"
		done
		grep -q '^vdso: dump: no vDSO (AT_SYSINFO_EHDR ' "$R/err"
		ok $? "$L vdso dump says why: $(cat "$R/err")"
	done
	# A gate outside the image is not taken: int $0x80 serves instead.
	launch -s AT_SYSINFO=0x1000 "$BUILD/$a/vdso" gate
	answered 1 "$a with AT_SYSINFO=0x1000: vdso gate: one line, no crash"
	launch -s AT_SYSINFO=0x1000 "$BUILD/$a/vdso" call
	answered 0 "$a with AT_SYSINFO=0x1000: vdso call: every call still served"
	# Strings that are NULL.
	launch -s AT_EXECFN=0 -s AT_PLATFORM=0 -s AT_RANDOM=0 "$BUILD/$a/vdso" auxv
	answered 0 "$a with AT_EXECFN, AT_PLATFORM and AT_RANDOM 0: vdso auxv: exit 0"
	launch -s AT_EXECFN=0 "$BUILD/$a/vdso" gate
	answered 0 "$a with AT_EXECFN 0: vdso gate: exit 0"
done
skipping ""

# Process 1 is not asking for the boot mode: a container's first process
# runs its command.  `vdso boot` elsewhere is a usage error.
for a in $ARCHES; do
	native_cases $a "$BUILD/$a/vdso"
	(unless_skipped timeout $T "$NATIVE" boot > "$R/out" 2> "$R/err"); rc=$?
	answered 2 "$a: vdso boot, not as process 1: a usage error"
	if [ "$(id -u)" != 0 ] || ! unshare -fp true 2> /dev/null; then
		skip "$a: vdso as process 1 of a PID namespace" "unshare -fp fails here (not root?)"
		continue
	fi
	(unless_skipped timeout $T unshare -fp "$NATIVE" --version > "$R/out" 2> "$R/err"); rc=$?
	answered 0 "$a: vdso --version as process 1 of a PID namespace: exit 0"
	is "$(cat "$R/out")" "$("$NATIVE" --version)" "$a: ... and prints its version, no boot markers"
	(unless_skipped timeout $T unshare -fp "$NATIVE" read "$R/nonexistent" > "$R/out" 2> "$R/err"); rc=$?
	answered 1 "$a: vdso read of a missing file as process 1: its own exit status"
done
skipping ""

# No /proc: a private mount namespace with an empty tmpfs over it.
if [ "$(id -u)" != 0 ]; then
	skip "vdso dump --proc without /proc" "not root: cannot mount a tmpfs over /proc"
elif ! unshare -m true 2> /dev/null; then
	skip "vdso dump --proc without /proc" "unshare -m fails here"
else
	for a in $ARCHES; do
		native_cases $a "$BUILD/$a/vdso"
		for c in "--proc $R/proc-$a.so" "--check"; do
			unless_skipped unshare -m sh -c 'mount -t tmpfs none /proc && exec "$@"' sh \
				timeout $T "$NATIVE" dump $c > "$R/out" 2> "$R/err"
			rc=$?
			answered 1 "$a: vdso dump $c without /proc: one line"
			grep -q 'no /proc' "$R/err"; ok $? "$a: ... that says /proc is missing: $(cat "$R/err")"
		done
		[ ! -e "$R/proc-$a.so" ]; ok $? "$a: vdso dump --proc without /proc: no file"
	done
	skipping ""
fi

done_testing
