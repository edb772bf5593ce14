#!/bin/bash
# tests/bench/run.sh - `make bench`: our programs against what a user would
# pick instead, measured in one run on this machine.  Benchmarks, not tests:
# nothing here passes or fails, it reports (the targets are met or missed).
#
# The peers, built here for each arch where they can be:
#   bare    tests/bench/bare.c: _start, write(2), exit_group; no runtime at
#           all, linked with our own flags and linker script: the floor
#   hello   build/<arch>/hello: ours
#   musl    tests/bench/hello_libc.c, musl-gcc -static (Debian's musl-tools)
#   glibc   tests/bench/hello_libc.c, gcc -static
#   reference  tests/bench/reference.c: the kernel's reference vDSO parser's
#           algorithm (tools/testing/selftests/vDSO/parse_vdso.c)
#   naive   tests/bench/naive.c: a vDSO parser that checks nothing
# and what is measured:
#   size          stripped file size (strip(1)), and that of our `vdso`
#   instructions  from execve to exit, user mode only, counted natively by
#                 single-stepping (tests/bench/count.c), with the vDSO
#                 mapped, and again with it hidden (AT_SYSINFO_EHDR ->
#                 AT_IGNORE at the exec stop, as valgrind hides it); every
#                 program runs with an empty environment (env -i)
#   resolve       vdso_init (find, open and validate the vDSO, resolve the
#                 arch's table) against the reference and the naive
#                 parser doing the same lookups, in instructions between
#                 markers (resolve.c), in both builds of the runtime: the
#                 lessons' libruntime.a and the tool's libruntime-pie.a;
#                 an arch this machine's kernel cannot run is counted in
#                 a kernel booted under QEMU (init.c; measure_in_boot)
#   per call      a call through the table against a call of the same vDSO
#                 pointer, picoseconds (tests/bench/percall.c)
#   wall          spawn + wait under env -i, microseconds, the median over
#                 rounds that spawn each program once, in turn (spawn.c)
#   clock         one clock_gettime(CLOCK_MONOTONIC) through our call table
#                 (`vdso bench`) against glibc's (tests/bench/clock_glibc.c)
#   trace         glibc's clock_gettime loop (clock_glibc) under `vdso trace
#                 -c` against the same loop untraced: the cost of tracing
#                 one call (two breakpoints, four ptrace stops)
# valgrind is not used: it hides the vDSO from the program it runs.
#
# Everything goes to build/bench/; the tables go to the terminal and to
# build/bench/results.md.  As root, missing tools are installed from
# Debian's packages first; otherwise a peer that cannot be built is left
# out, with the reason.

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$TOP" || exit 1
BUILD=${BUILD:-build}
OUT=$BUILD/bench
RESULTS=$OUT/results.md
# The arches measured: the x86 ones (an x86_64 machine runs one and the
# booted x86_64 kernel counts the other, measure_in_boot), and any other
# of arch/arches where this machine runs it natively; the rest are left
# out, each with one line (below).
BOOTED_ARCHES="x86_64 i386"
ALL_ARCHES=$(awk '!/^#/ && NF { print $1 }' arch/arches)
ARCHES=

# How much: spawn rounds (one spawn of each program a round); clock
# rounds x calls, repeated.
SPAWN_ROUNDS=1001
CLOCK_ROUNDS=21 CLOCK_CALLS=5000 CLOCK_REPEAT=5
# traced: fewer calls, each costs thousands of times more
TRACE_ROUNDS=11 TRACE_CALLS=1000 TRACE_REPEAT=3

notes=()
note() { notes+=("$*"); }
say() { echo "bench: $*" >&2; }

mkdir -p "$OUT"

# ---- set-up: the tools, from Debian's packages when we may -------------------
setup() {
	local need=()
	command -v musl-gcc > /dev/null || need+=(musl-tools)
	command -v strip > /dev/null || need+=(binutils)
	[ -e /usr/lib32/libc.a ] || need+=(gcc-multilib)    # static glibc, i386
	[ ${#need[@]} -eq 0 ] && return
	if [ "$(id -u)" != 0 ]; then
		note "not root, so not installed: ${need[*]}"
		return
	fi
	say "installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null 2>&1 || {
		apt-get update -q > /dev/null 2>&1
		apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null 2>&1 ||
			note "apt-get install ${need[*]} failed"
	}
}

# ---- building ----------------------------------------------------------------
# The project's own compiler and flags for ARCH, from its Makefile, so that
# the bare program and the resolve harness are built as the runtime is.
# The same for the static PIE `vdso` is (PIE_*): the tool's build of the
# runtime, libruntime-pie.a, whose ELF reader reads both classes, where
# libruntime.a's, the lessons', reads the arch's own class alone.
declare -A CCX CPPFLAGS CFLAGS LDFLAGS START LIBRT PIE_CFLAGS PIE_LDFLAGS PIE_START PIE_LIBRT
project_flags() {
	local a=$1 lines
	mapfile -t lines < <(make -s --no-print-directory ARCH="$a" BUILD="$BUILD" \
		--eval 'bench-flags: ; @printf "%s\n" "$(CC)" "$(CPPFLAGS)" "$(CFLAGS)" "$(LDFLAGS)" "$(START_OBJ)" "$(LIBRUNTIME)" "$(PIE_CFLAGS)" "$(PIE_LDFLAGS) $(VDSO_LDFLAGS)" "$(PIE_START_OBJ)" "$(LIBRUNTIME_PIE)"' \
		bench-flags)
	[ ${#lines[@]} -eq 10 ] || return 1
	CCX[$a]=${lines[0]} CPPFLAGS[$a]=${lines[1]} CFLAGS[$a]=${lines[2]}
	LDFLAGS[$a]=${lines[3]} START[$a]=${lines[4]} LIBRT[$a]=${lines[5]}
	PIE_CFLAGS[$a]=${lines[6]} PIE_LDFLAGS[$a]=${lines[7]}
	PIE_START[$a]=${lines[8]} PIE_LIBRT[$a]=${lines[9]}
}

# build ARCH NAME COMMAND...: run the command, keep its errors in a log;
# status 0 if it made $OUT/ARCH/NAME.
build() {
	local a=$1 name=$2
	shift 2
	"$@" > "$OUT/$a/$name.log" 2>&1 && [ -x "$OUT/$a/$name" ]
}

declare -A PROG         # [arch,peer] -> the program, if built
build_arch() {
	local a=$1 m d=$OUT/$1
	mkdir -p "$d"
	case $a in x86_64) m=-m64 ;; i386) m=-m32 ;; esac

	PROG[$a,hello]=$BUILD/$a/hello
	PROG[$a,vdso]=$BUILD/$a/vdso
	if ! project_flags "$a"; then
		note "$a: cannot read the project's flags from the Makefile: no bare program, no resolve count"
	else
		# shellcheck disable=SC2086 # flag lists split on purpose
		build "$a" bare ${CCX[$a]} ${CFLAGS[$a]} -fno-stack-protector \
			${LDFLAGS[$a]} -o "$d/bare" tests/bench/bare.c &&
			PROG[$a,bare]=$d/bare || note "$a: bare program not built (see $d/bare.log)"
		# shellcheck disable=SC2086
		build "$a" resolve sh -c "${CCX[$a]} ${CPPFLAGS[$a]} ${CFLAGS[$a]} -c tests/bench/resolve.c -o $d/resolve.o &&
			${CCX[$a]} ${CPPFLAGS[$a]} ${CFLAGS[$a]} -c tests/bench/naive.c -o $d/naive.o &&
			${CCX[$a]} ${CPPFLAGS[$a]} ${CFLAGS[$a]} -c tests/bench/reference.c -o $d/reference.o &&
			${CCX[$a]} ${LDFLAGS[$a]} -o $d/resolve ${START[$a]} $d/resolve.o $d/naive.o $d/reference.o ${LIBRT[$a]}" ||
			note "$a: resolve harness not built (see $d/resolve.log)"
		# the same harness against the tool's build, linked as vdso is
		# shellcheck disable=SC2086
		build "$a" resolve-pie sh -c "${CCX[$a]} ${CPPFLAGS[$a]} ${PIE_CFLAGS[$a]} -c tests/bench/resolve.c -o $d/resolve-pie.o &&
			${CCX[$a]} ${CPPFLAGS[$a]} ${PIE_CFLAGS[$a]} -c tests/bench/naive.c -o $d/naive-pie.o &&
			${CCX[$a]} ${CPPFLAGS[$a]} ${PIE_CFLAGS[$a]} -c tests/bench/reference.c -o $d/reference-pie.o &&
			${CCX[$a]} ${PIE_LDFLAGS[$a]} -o $d/resolve-pie ${PIE_START[$a]} $d/resolve-pie.o $d/naive-pie.o $d/reference-pie.o ${PIE_LIBRT[$a]}" ||
			note "$a: resolve harness of the tool's build not built (see $d/resolve-pie.log)"
		# shellcheck disable=SC2086
		build "$a" percall sh -c "${CCX[$a]} ${CPPFLAGS[$a]} ${CFLAGS[$a]} -c tests/bench/percall.c -o $d/percall.o &&
			${CCX[$a]} ${LDFLAGS[$a]} -o $d/percall ${START[$a]} $d/percall.o ${LIBRT[$a]}" ||
			note "$a: per-call harness not built (see $d/percall.log)"
	fi
	build "$a" glibc gcc $m -static -O2 -o "$d/glibc" tests/bench/hello_libc.c &&
		PROG[$a,glibc]=$d/glibc ||
		note "$a: no static glibc hello (gcc $m -static failed: Debian's gcc-multilib gives the i386 libc.a)"
	if ! command -v musl-gcc > /dev/null; then
		note "$a: no musl hello: musl-gcc missing (Debian's musl-tools)"
	elif build "$a" musl musl-gcc $m -static -O2 -o "$d/musl" tests/bench/hello_libc.c; then
		PROG[$a,musl]=$d/musl
	else
		note "$a: no musl hello: Debian's musl-tools is for the machine's own arch only (musl-gcc $m has no $a libc)"
	fi
	build "$a" clock_glibc gcc $m -O2 -o "$d/clock_glibc" tests/bench/clock_glibc.c ||
		note "$a: glibc clock_gettime helper not built (see $d/clock_glibc.log)"
}

# ---- measuring -----------------------------------------------------------------
size_of() {     # stripped size in bytes, or nothing
	strip -o "$OUT/stripped.tmp" "$1" 2> /dev/null && stat -c %s "$OUT/stripped.tmp"
	rm -f "$OUT/stripped.tmp"
}

# count_ir [--no-vdso] PROG [ARGS...]: user-mode instructions from execve
# to exit, counted by single-stepping, the program in an empty environment
# (count.c does env -i itself); nothing if the count failed.
count_ir() {
	"$OUT/count" "$@" 2> "$OUT/count.err" | awk '$1 == "total" { print $2 }'
}

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# calc EXPR: awk arithmetic, printed with FORMAT (default %.2f)
calc() { awk "BEGIN { printf \"${2:-%.2f}\", $1 }"; }

# The lessons that call the vDSO through the runtime and do not include the
# readelf layer (elf/readelf.h), as tests/05-binaries.t picks them: their
# stripped sizes against the 8 KiB target, and where the bytes go, from the
# link map the Makefile writes (tests/tools/lesson_bytes.py).
declare -A LESSON_SIZE LESSON_PARTS LESSON_MAX
measure_lessons() {
	local a=$1 c p f largest=
	for c in demo/*.c; do
		p=$(basename "$c" .c)
		f=$BUILD/$a/$p
		nm "$f" 2> /dev/null | grep -q ' vdso_calls$' || continue
		grep -q 'elf/readelf\.h' "$c" && continue
		LESSON_SIZE[$a,$p]=$(size_of "$f")
		LESSON_PARTS[$a,$p]=$(python3 tests/tools/lesson_bytes.py "$BUILD/$a/map/$p.map" \
			"${LESSON_SIZE[$a,$p]}" "$BUILD/$a/obj" 2>&1)
		if [ "${LESSON_SIZE[$a,$p]}" -gt "${LESSON_MAX[$a]:-0}" ]; then
			LESSON_MAX[$a]=${LESSON_SIZE[$a,$p]}
			largest=$p
		fi
	done
	[ "${LESSON_MAX[$a]:-0}" -gt 8192 ] &&
		note "$a: the 8 KiB target for lessons is limited by what every such lesson links; the largest, $largest, ${LESSON_MAX[$a]} bytes: ${LESSON_PARTS[$a,$largest]}"
}

declare -A SIZE IR IR_HIDDEN WALL CLOCK_OURS CLOCK_GLIBC TRACE_PLAIN TRACE_TRACED RESOLVE NAIVE OPEN NAIVE_OPEN REFERENCE REFERENCE_OPEN FUNCTIONS PC_DIRECT PC_TABLE BENCH_OUT
BOOT_KERNEL='' BOOT_QEMU='' BOOT_TIME=''
PEERS="bare hello musl glibc"
# the `vdso` runs counted: "key|arguments" (the summary is `vdso` alone)
VDSO_RUNS="version|--version help|help summary|"
PERCALL_CASES="clock_gettime_MONOTONIC clock_gettime_REALTIME_COARSE gettimeofday time getcpu"

measure_sizes_and_counts() {
	local a=$1 p run key args
	for p in $PEERS vdso; do
		[ -n "${PROG[$a,$p]:-}" ] && SIZE[$a,$p]=$(size_of "${PROG[$a,$p]}")
	done
	[ -x "$OUT/count" ] && [ -z "${NOT_NATIVE[$a]:-}" ] || return
	for p in $PEERS; do
		[ -n "${PROG[$a,$p]:-}" ] || continue
		IR[$a,$p]=$(count_ir "${PROG[$a,$p]}")
		IR_HIDDEN[$a,$p]=$(count_ir --no-vdso "${PROG[$a,$p]}")
	done
	for run in $VDSO_RUNS; do
		key=vdso-${run%%|*} args=${run#*|}
		# shellcheck disable=SC2086 # no arguments, or one
		IR[$a,$key]=$(count_ir "${PROG[$a,vdso]}" $args)
		# shellcheck disable=SC2086
		IR_HIDDEN[$a,$key]=$(count_ir --no-vdso "${PROG[$a,vdso]}" $args)
	done

	# vdso_init against the reference and the naive parser, between
	# markers (tests/bench/resolve.c says which is which), in each build
	local b r out
	for b in $BUILDS; do
		r=$OUT/$a/$(harness "$b")
		[ -x "$r" ] || continue
		if ! out=$("$OUT/count" "$r" 2> "$OUT/$a/$(harness "$b").err"); then
			note "$a: the resolve harness ($b) failed: $(tail -n 1 "$OUT/$a/$(harness "$b").err") $(echo "$out" | head -n 1)"
			continue
		fi
		resolve_marks "$a,$b,native" "$out"
	done
}

# The resolve harness of each build: lib, the lessons' (libruntime.a, the
# ELF reader for the arch's own class alone, ELF_ONE_CLASS), and pie, the
# tool's (libruntime-pie.a, a static PIE as vdso is, both classes).
BUILDS="lib pie"
declare -A NOT_NATIVE BUILD_NAME=([lib]="lessons' libruntime.a (one ELF class)" [pie]="tool's libruntime-pie.a (static PIE, both classes)")
harness() { case $1 in lib) echo resolve ;; pie) echo resolve-pie ;; esac; }

# marks OUTPUT K[,K...]: the sum of count's marks K..., or nothing
marks() {
	echo "$1" | awk -v m="$2" '$1 == "mark" && index("," m ",", "," $2 ",") { n += $3; f = 1 } END { if (f) print n }'
}

# resolve_marks KEY OUTPUT: the counts of one run of the resolve harness
# (count's "mark K N" lines) into RESOLVE[KEY] and the rest; KEY is
# "ARCH,BUILD,WHERE" (WHERE: native or boot).
resolve_marks() {
	local k=$1 out=$2
	RESOLVE[$k]=$(marks "$out" 3)
	OPEN[$k]=$(marks "$out" 2)
	NAIVE[$k]=$(marks "$out" 4,5)
	NAIVE_OPEN[$k]=$(marks "$out" 4)
	REFERENCE[$k]=$(marks "$out" 6,7)
	REFERENCE_OPEN[$k]=$(marks "$out" 6)
	FUNCTIONS[$k]=$(echo "$out" | grep -m 1 'functions:')
	note "${k//,/ }: resolve: ${FUNCTIONS[$k]}"
}

# Where an arch's counts cannot be taken natively, they are taken in a
# kernel booted for the purpose: Debian's x86_64 kernel, whose compat
# layer runs i386 programs, in qemu-system-x86_64's software CPU (TCG),
# by tests/boot/boot.sh -i.  /init (init.c) runs the same counter
# (count.c, built static with the C library) on every arch's harnesses,
# so that the arches are counted the same way, side by side, and prints
# the marks on the console, read back here.  Single-stepping counts the
# user-mode instructions retired, not time: the emulated CPU gives the
# counts a real one would, for that kernel's vDSO.
# BENCH_BOOT=1 boots even when every arch ran natively; BENCH_BOOT=0 never.
BOOT_LIMIT=240
measure_in_boot() {
	local d a b h line st boot=${BENCH_BOOT:-} out
	if [ -z "$boot" ]; then
		boot=0
		for a in $ARCHES; do [ -n "${NOT_NATIVE[$a]:-}" ] && boot=1; done
	fi
	[ "$boot" = 1 ] || return
	out=$(cd "$OUT" && pwd) d=$out/boot    # absolute, for the list
	mkdir -p "$d"
	gcc -O2 -static -o "$d/count" tests/bench/count.c > "$d/build.log" 2>&1 &&
		gcc -O2 -static -o "$d/init" tests/bench/init.c >> "$d/build.log" 2>&1 ||
		{ note "no counts in a booted kernel: the static counter or init not built (see $d/build.log)"; return; }
	# the initramfs (tests/boot/mkinitramfs.py's list) and init's commands
	{
		echo "dir  /dev 0755 0 0"
		echo "nod  /dev/console 0600 0 0 c 5 1"
		echo "dir  /bench 0755 0 0"
		echo "file /init $d/init 0755 0 0"
		echo "file /bench/count $d/count 0755 0 0"
		echo "file /bench/commands $d/commands 0644 0 0"
	} > "$d/initramfs.in"
	: > "$d/commands"
	for a in $ARCHES; do
		echo "dir  /bench/$a 0755 0 0" >> "$d/initramfs.in"
		for b in $BUILDS; do
			h=$(harness "$b")
			[ -x "$OUT/$a/$h" ] || continue
			echo "file /bench/$a/$h $out/$a/$h 0755 0 0" >> "$d/initramfs.in"
			echo "$a,$b /bench/count /bench/$a/$h" >> "$d/commands"
		done
	done
	BUILD=$BUILD bash tests/boot/boot.sh -i "$d/initramfs.in" -o "$d" -t $BOOT_LIMIT x86_64 > "$d/boot.log" 2>&1
	st=$?
	[ $st -eq 0 ] || note "the boot for the counts ended with status $st: $(tail -n 1 "$d/boot.log")"
	[ -s "$d/console.log" ] || return
	BOOT_KERNEL=$(sed -n 's/^=== bench: kernel \(.*\) ===$/\1/p' "$d/console.log")
	BOOT_QEMU=$(qemu-system-x86_64 --version | sed -n '1s/^QEMU emulator version \([^ ]*\).*/\1/p')
	BOOT_TIME=$(cat "$d/time" 2> /dev/null)
	while read -r line _; do
		st=$(sed -n "s/^=== bench: end $line status=\([0-9]*\) ===$/\1/p" "$d/console.log")
		[ "$st" = 0 ] || { note "${line//,/ }: the resolve harness in the booted kernel failed (status ${st:-none}; see $d/console.log)"; continue; }
		resolve_marks "$line,boot" "$(sed -n "/^=== bench: begin $line ===$/,/^=== bench: end $line /p" "$d/console.log")"
	done < "$d/commands"
}

# where ARCH BUILD: where ARCH's counts of BUILD come from: native if they
# were taken so, else boot (nothing if neither).
where() {
	if [ -n "${RESOLVE[$1,$2,native]:-}" ]; then echo native
	elif [ -n "${RESOLVE[$1,$2,boot]:-}" ]; then echo boot
	fi
}

# runs_natively ARCH: whether this machine's kernel runs ARCH's programs
# (126 is the shell's "cannot execute": here, Exec format error)
runs_natively() {
	# not through binfmt_misc's QEMU (tests/runners.sh: runner_available)
	! grep -qs '^enabled' "/proc/sys/fs/binfmt_misc/qemu-$1" || return 1
	"$BUILD/$1/hello" > /dev/null 2>&1
	[ $? -ne 126 ]
}

measure_percall() {
	local a=$1 out c
	[ -z "${NOT_NATIVE[$a]:-}" ] || return
	[ -x "$OUT/$a/percall" ] || return
	out=$(env -i "$OUT/$a/percall" 51 20000 2>&1) || { note "$a: percall failed: $out"; return; }
	for c in $PERCALL_CASES; do
		PC_DIRECT[$a,$c]=$(echo "$out" | awk -v c="$c" '$1 == c && $2 ~ /^[0-9]+$/ { print $2 }')
		PC_TABLE[$a,$c]=$(echo "$out" | awk -v c="$c" '$1 == c && $3 ~ /^[0-9]+$/ { print $3 }')
	done
}

measure_wall() {
	local progs=() a p line
	gcc -O2 -o "$OUT/spawn" tests/bench/spawn.c 2> "$OUT/spawn.log" ||
		{ note "spawn driver not built (see $OUT/spawn.log): no wall times"; return; }
	for a in $ARCHES; do
		[ -z "${NOT_NATIVE[$a]:-}" ] || continue
		for p in $PEERS; do
			[ -n "${PROG[$a,$p]:-}" ] && progs+=("${PROG[$a,$p]}")
		done
		progs+=("${PROG[$a,vdso]}" "${PROG[$a,vdso]} --version")
	done
	env -i "$OUT/spawn" $SPAWN_ROUNDS "${progs[@]}" > "$OUT/spawn.out" 2> "$OUT/spawn.err" ||
		{ note "spawn driver failed: $(tail -n 1 "$OUT/spawn.err")"; return; }
	for a in $ARCHES; do
		for p in $PEERS vdso; do
			[ -n "${PROG[$a,$p]:-}" ] || continue
			line=$(awk -v p="${PROG[$a,$p]}" '$4 == p && NF == 4 { print $1; exit }' "$OUT/spawn.out")
			[ -n "$line" ] && WALL[$a,$p]=$line
		done
		line=$(awk -v p="${PROG[$a,vdso]}" '$4 == p && $5 == "--version" { print $1; exit }' "$OUT/spawn.out")
		[ -n "$line" ] && WALL[$a,vdso-version]=$line
	done
}

# Ours and glibc's clock_gettime, alternately, CLOCK_REPEAT times each;
# each side's figure is the median of its runs' medians.
measure_clock() {
	local a=$1 i ours=() glibc=() v
	[ -z "${NOT_NATIVE[$a]:-}" ] || return
	[ -x "$OUT/$a/clock_glibc" ] || return
	for ((i = 0; i < CLOCK_REPEAT; i++)); do
		"${PROG[$a,vdso]}" bench --rounds $CLOCK_ROUNDS --calls $CLOCK_CALLS > "$OUT/$a/bench.out" 2>&1
		v=$(awk '$1 == "clock_gettime" && $2 == "MONOTONIC" { print $3; exit }' "$OUT/$a/bench.out")
		[ -n "$v" ] && [ "$v" != - ] && ours+=("$v")
		v=$("$OUT/$a/clock_glibc" $CLOCK_ROUNDS $CLOCK_CALLS | awk '{ print $1 }')
		[ -n "$v" ] && glibc+=("$v")
	done
	if [ ${#ours[@]} -eq 0 ]; then
		note "$a: \`vdso bench\` measured no vDSO clock_gettime here"
	else
		CLOCK_OURS[$a]=$(printf '%s\n' "${ours[@]}" | median)
	fi
	[ ${#glibc[@]} -gt 0 ] && CLOCK_GLIBC[$a]=$(printf '%s\n' "${glibc[@]}" | median)
	BENCH_OUT[$a]=$("${PROG[$a,vdso]}" bench 2>&1)
}

# The same glibc loop as it is and under `vdso trace -c`, alternately,
# TRACE_REPEAT times each; each side's figure is the median of its runs'
# medians, ns per call.  Traced / untraced is the overhead per traced call.
measure_trace() {
	local a=$1 i plain=() traced=() v calls
	[ -x "$OUT/$a/clock_glibc" ] && [ -z "${NOT_NATIVE[$a]:-}" ] || return
	for ((i = 0; i < TRACE_REPEAT; i++)); do
		v=$("$OUT/$a/clock_glibc" $TRACE_ROUNDS $TRACE_CALLS 2> /dev/null | awk '{ print $1 }')
		[ -n "$v" ] && plain+=("$v")
		v=$("${PROG[$a,vdso]}" trace -c -o "$OUT/$a/trace-c.out" "$OUT/$a/clock_glibc" \
			$TRACE_ROUNDS $TRACE_CALLS 2> "$OUT/$a/trace.err" | awk '{ print $1 }')
		[ -n "$v" ] && traced+=("$v")
	done
	if [ ${#plain[@]} -eq 0 ] || [ ${#traced[@]} -eq 0 ]; then
		note "$a: no tracing overhead measured: $(head -n 1 "$OUT/$a/trace.err")"
		return
	fi
	TRACE_PLAIN[$a]=$(printf '%s\n' "${plain[@]}" | median)
	TRACE_TRACED[$a]=$(printf '%s\n' "${traced[@]}" | median)
	calls=$(awk '$NF == "clock_gettime" { print $1; exit }' "$OUT/$a/trace-c.out")
	note "$a: under \`vdso trace -c\`, ${calls:-?} clock_gettime calls a run counted ($(( (TRACE_ROUNDS + 1) * (TRACE_CALLS + 2) )) made: the loops' and their timing's)"
}

# ---- reporting -------------------------------------------------------------------
# table: markdown rows on stdin ("| a | b |"), columns padded to line up
# in a terminal too; the second row is the separator.
table() {
	awk -F'|' '
	{ line[NR] = $0; n[NR] = NF
	  for (i = 2; i < NF; i++) {
	    c = $i; gsub(/^ +| +$/, "", c); cell[NR, i] = c
	    if (length(c) > w[i]) w[i] = length(c)
	    if (NR > 2 && c !~ /^[-+0-9]/) text[i] = 1 } }
	END { for (r = 1; r <= NR; r++) { s = "|"
	    for (i = 2; i < n[r]; i++) {
	      c = cell[r, i]
	      if (r == 2) { c = ""; while (length(c) < w[i]) c = c "-"; if (!text[i]) sub(/-$/, ":", c) }
	      s = s sprintf(" %" (text[i] ? "-" : "") w[i] "s |", c) }
	    print s } }'
}

v() { echo "${1:--}"; }          # a value or "-"
ratio() {                       # ratio A B: A/B as "1.23x", "45.6x", "789x", or "-"
	[ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$2" != 0 ] || { echo -; return; }
	awk -v a="$1" -v b="$2" 'BEGIN { r = a / b
		printf(r >= 100 ? "%.0fx" : r >= 10 ? "%.1fx" : "%.2fx", r) }'
}
# verdict COND X86_64_VALUE I386_VALUE: "met", "MISSED (arch)", or
# "not measured"; COND is an awk condition on x
verdict() {
	local cond=$1 missed=() measured=0 pair a val
	for pair in "x86_64:${2:-}" "i386:${3:-}"; do
		a=${pair%%:*} val=${pair#*:}
		[ -n "$val" ] || continue
		measured=1
		awk -v x="$val" "BEGIN { exit !($cond) }" || missed+=("$a")
	done
	if [ $measured = 0 ]; then echo "not measured"
	elif [ ${#missed[@]} -eq 0 ]; then echo "met"
	else echo "MISSED (${missed[*]})"
	fi
}
# q A B: A/B with 4 decimals, or nothing
q() { [ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$2" != 0 ] && calc "$1 / $2" %.4f; }
# cell OURS PEER: "ours / peer = ratio"
cell() { echo "$(v "${1:-}") / $(v "${2:-}") = $(ratio "${1:-}" "${2:-}")"; }
# row NAME COND OURS_X PEER_X OURS_Y PEER_Y: a target row, judged on OURS/PEER
row() {
	local name=$1 cond=$2
	echo "| $name | $(cell "${3:-}" "${4:-}") | $(cell "${5:-}" "${6:-}")" \
		"| $(verdict "$cond" "$(q "${3:-}" "${4:-}")" "$(q "${5:-}" "${6:-}")") |"
}

# where_name native|boot: the place, in words
where_name() {
	case $1 in
	native) echo "natively, Linux $(uname -r)" ;;
	boot) echo "booted Linux ${BOOT_KERNEL:-?}, QEMU ${BOOT_QEMU:-?} TCG" ;;
	esac
}
# where_line: one line, where each arch's vdso_init counts in the targets
# were taken
where_line() {
	local a parts=() w
	for a in $ARCHES; do
		w=$(where "$a" lib)
		[ -n "$w" ] || w=$(where "$a" pie)
		case $w in
		native) parts+=("$a natively (this machine's Linux $(uname -r))") ;;
		boot) parts+=("$a in Debian's kernel $BOOT_KERNEL booted in QEMU $BOOT_QEMU's software CPU (TCG; the boot took ${BOOT_TIME:-?} s)") ;;
		*) parts+=("$a not counted") ;;
		esac
	done
	local IFS=';'
	echo "Where the targets' vdso_init counts were taken:${parts[*]/#/ }.$([ -n "$BOOT_KERNEL" ] &&
		echo " Under TCG, single-stepping counts the same user-mode instructions a real CPU retires (a count, not a time); the vDSO parsed is the booted kernel's own.")"
}

report() {
	local a b p label c run key w k
	echo "# make bench"
	echo
	echo "$(uname -sr), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) CPUs;" \
		"$(gcc --version | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	echo "Every program runs with an empty environment (env -i).  Instructions are counted natively"
	echo "by single-stepping with ptrace (tests/bench/count.c), user mode only, from execve to exit"
	echo "(vdso_init's, where this machine cannot run the arch, in a booted kernel: see below),"
	echo "with the vDSO mapped; \"vDSO hidden\" is the same run with AT_SYSINFO_EHDR (and AT_SYSINFO)"
	echo "turned into AT_IGNORE at the exec stop, which is what valgrind shows its guest.  valgrind is"
	echo "not used.  Ratios are ours / peer."
	echo
	echo "## Start-up and size"
	echo
	echo "Stripped size in bytes; instructions; wall time to spawn and reap one process: the median"
	echo "of $SPAWN_ROUNDS, the programs taking turns."
	echo
	{
		echo "| arch | program | size | instructions | vDSO hidden | x bare | wall us | x bare |"
		echo "| - | - | - | - | - | - | - | - |"
		for a in $ARCHES; do
			for p in $PEERS vdso-summary vdso-version vdso-help; do
				case $p in
				bare) label="bare _start (write, exit)" ;;
				hello) label="hello (ours)" ;;
				musl) label="hello, musl static" ;;
				glibc) label="hello, glibc static" ;;
				vdso-summary) label="vdso (ours, the summary)" ;;
				vdso-version) label="vdso --version" ;;
				vdso-help) label="vdso help" ;;
				esac
				local prog=${PROG[$a,${p%%-*}]:-} w=${p%%-*}
				[ "$p" = vdso-summary ] && w=vdso
				[ -n "$prog" ] || { echo "| $a | $label | - | - | - | - | - | - |"; continue; }
				local sz=${SIZE[$a,${p%%-*}]:-} wall=${WALL[$a,$w]:-}
				[ "$p" = vdso-version ] && wall=${WALL[$a,vdso-version]:-}
				[ "$p" = vdso-help ] && wall=
				echo "| $a | $label | $(v "$sz") | $(v "${IR[$a,$p]:-}") | $(v "${IR_HIDDEN[$a,$p]:-}")" \
					"| $(ratio "${IR[$a,$p]:-}" "${IR[$a,bare]:-}") | $(v "$wall")" \
					"| $(ratio "$wall" "${WALL[$a,bare]:-}") |"
			done
		done
	} | table
	echo
	echo "## Calls"
	echo
	echo "Per call, picoseconds: a call of the vDSO pointer vdso_init found, loaded once before the"
	echo "loop, against the same call through the table (the inline wrappers of vdso/vdso.h); each"
	echo "the median of 51 rounds of 20,000 calls (tests/bench/percall.c).  clock_gettime(MONOTONIC)"
	echo "ns per call, ours through the table (\`vdso bench --rounds $CLOCK_ROUNDS --calls $CLOCK_CALLS\`) and"
	echo "glibc's, each the median of $CLOCK_REPEAT alternating runs.  Traced: glibc's loop of $TRACE_CALLS calls"
	echo "($TRACE_ROUNDS rounds) as it is and under \`vdso trace -c\`, each the median of $TRACE_REPEAT alternating runs."
	echo
	{
		echo "| what | x86_64 | i386 |"
		echo "| - | - | - |"
		for c in $PERCALL_CASES; do
			echo "| $c: pointer, table, ps | $(v "${PC_DIRECT[x86_64,$c]:-}"), $(v "${PC_TABLE[x86_64,$c]:-}")" \
				"| $(v "${PC_DIRECT[i386,$c]:-}"), $(v "${PC_TABLE[i386,$c]:-}") |"
		done
		local kx ky
		kx=x86_64,lib,$(where x86_64 lib) ky=i386,lib,$(where i386 lib)
		echo "| open (vdso_find, elf_open) / reference parser's init, instructions | $(cell "${OPEN[$kx]:-}" "${REFERENCE_OPEN[$kx]:-}") | $(cell "${OPEN[$ky]:-}" "${REFERENCE_OPEN[$ky]:-}") |"
		echo "| open (vdso_find, elf_open) / naive open, instructions | $(cell "${OPEN[$kx]:-}" "${NAIVE_OPEN[$kx]:-}") | $(cell "${OPEN[$ky]:-}" "${NAIVE_OPEN[$ky]:-}") |"
		local lx ly nlx nly rlx rly
		[ -n "${RESOLVE[$kx]:-}" ] && [ -n "${OPEN[$kx]:-}" ] && [ -n "${REFERENCE[$kx]:-}" ] && lx=$((RESOLVE[$kx] - OPEN[$kx])) rlx=$((REFERENCE[$kx] - REFERENCE_OPEN[$kx]))
		[ -n "${RESOLVE[$ky]:-}" ] && [ -n "${OPEN[$ky]:-}" ] && [ -n "${REFERENCE[$ky]:-}" ] && ly=$((RESOLVE[$ky] - OPEN[$ky])) rly=$((REFERENCE[$ky] - REFERENCE_OPEN[$ky]))
		echo "| the lookups (vdso_init less the open) / reference lookups, instructions | $(cell "${lx:-}" "${rlx:-}") | $(cell "${ly:-}" "${rly:-}") |"
		[ -n "${RESOLVE[$kx]:-}" ] && [ -n "${OPEN[$kx]:-}" ] && lx=$((RESOLVE[$kx] - OPEN[$kx])) nlx=$((NAIVE[$kx] - NAIVE_OPEN[$kx]))
		[ -n "${RESOLVE[$ky]:-}" ] && [ -n "${OPEN[$ky]:-}" ] && ly=$((RESOLVE[$ky] - OPEN[$ky])) nly=$((NAIVE[$ky] - NAIVE_OPEN[$ky]))
		echo "| the lookups (vdso_init less the open) / naive lookups, instructions | $(cell "${lx:-}" "${nlx:-}") | $(cell "${ly:-}" "${nly:-}") |"
		echo "| clock_gettime, ours, ns | $(v "${CLOCK_OURS[x86_64]:-}") | $(v "${CLOCK_OURS[i386]:-}") |"
		echo "| clock_gettime, glibc, ns | $(v "${CLOCK_GLIBC[x86_64]:-}") | $(v "${CLOCK_GLIBC[i386]:-}") |"
		echo "| clock_gettime traced by vdso trace / untraced, ns: the overhead per traced call | $(cell "${TRACE_TRACED[x86_64]:-}" "${TRACE_PLAIN[x86_64]:-}") | $(cell "${TRACE_TRACED[i386]:-}" "${TRACE_PLAIN[i386]:-}") |"
	} | table
	echo
	echo "## vdso_init against the parsers"
	echo
	echo "Instructions, single-stepped between markers (tests/bench/resolve.c): find, open and validate"
	echo "the vDSO and resolve the arch's table, in the runtime's two builds, against the kernel's"
	echo "reference parser's algorithm (reference.c) and a naive parser (naive.c) doing the same"
	echo "lookups, in the same process.  Counted natively, and in the booted kernel where there was one."
	echo
	{
		echo "| arch | build | counted | vdso_init | reference | naive | / reference | / naive |"
		echo "| - | - | - | - | - | - | - | - |"

		for a in $ARCHES; do
			for b in $BUILDS; do
				for w in native boot; do
					k=$a,$b,$w
					[ -n "${RESOLVE[$k]:-}" ] || continue
					echo "| $a | ${BUILD_NAME[$b]} | $(where_name $w) | ${RESOLVE[$k]} | $(v "${REFERENCE[$k]:-}")" \
						"| $(v "${NAIVE[$k]:-}") | $(ratio "${RESOLVE[$k]}" "${REFERENCE[$k]:-}") | $(ratio "${RESOLVE[$k]}" "${NAIVE[$k]:-}") |"
				done
			done
		done
	} | table
	echo
	echo "## Lessons that call the vDSO"
	echo
	echo "The lessons that call the vDSO through the runtime's table and do not read it with the"
	echo "readelf layer; stripped bytes, and where they go (from each lesson's link map)."
	echo
	{
		echo "| arch | lesson | stripped | where the bytes go |"
		echo "| - | - | - | - |"
		for a in $ARCHES; do
			for c in demo/*.c; do
				p=$(basename "$c" .c)
				[ -n "${LESSON_SIZE[$a,$p]:-}" ] || continue
				echo "| $a | $p | ${LESSON_SIZE[$a,$p]} | ${LESSON_PARTS[$a,$p]} |"
			done
		done
	} | table
	echo
	echo "## Targets"
	echo
	echo "Each cell: ours / peer = ratio; the verdict judges the ratio on each arch."
	where_line
	echo
	{
		echo "| target (ratio) | x86_64 | i386 | verdict |"
		echo "| - | - | - | - |"
		local kx ky
		for b in $BUILDS; do
			kx=x86_64,$b,$(where x86_64 $b) ky=i386,$b,$(where i386 $b)
			row "open, validate, resolve the table, instructions, ${BUILD_NAME[$b]}: vdso_init / the kernel's reference parser, parse_vdso.c's algorithm (<= 1.0)" "x <= 1.0" \
				"${RESOLVE[$kx]:-}" "${REFERENCE[$kx]:-}" "${RESOLVE[$ky]:-}" "${REFERENCE[$ky]:-}"
			row "the same, ${BUILD_NAME[$b]}: vdso_init / a naive parser, naive.c (<= 1.0)" "x <= 1.0" \
				"${RESOLVE[$kx]:-}" "${NAIVE[$kx]:-}" "${RESOLVE[$ky]:-}" "${NAIVE[$ky]:-}"
		done
		for run in version help; do
			row "vdso $run: no vDSO work, instructions: vDSO mapped / hidden (= 1.0)" "x == 1.0" \
				"${IR[x86_64,vdso-$run]:-}" "${IR_HIDDEN[x86_64,vdso-$run]:-}" \
				"${IR[i386,vdso-$run]:-}" "${IR_HIDDEN[i386,vdso-$run]:-}"
		done
		for c in $PERCALL_CASES; do
			row "$c, ps: table / pointer (<= 1.05)" "x <= 1.05" \
				"${PC_TABLE[x86_64,$c]:-}" "${PC_DIRECT[x86_64,$c]:-}" \
				"${PC_TABLE[i386,$c]:-}" "${PC_DIRECT[i386,$c]:-}"
		done
		row "start-up wall, us: hello / bare (<= 1.02)" "x <= 1.02" \
			"${WALL[x86_64,hello]:-}" "${WALL[x86_64,bare]:-}" "${WALL[i386,hello]:-}" "${WALL[i386,bare]:-}"
		row "start-up wall, us: vdso summary / hello (<= 1.10)" "x <= 1.10" \
			"${WALL[x86_64,vdso]:-}" "${WALL[x86_64,hello]:-}" "${WALL[i386,vdso]:-}" "${WALL[i386,hello]:-}"
		row "the largest lesson that calls the vDSO, stripped bytes: / 8 KiB (<= 1)" "x <= 1" \
			"${LESSON_MAX[x86_64]:-}" 8192 "${LESSON_MAX[i386]:-}" 8192
		row "hello stripped, bytes: / 1 KiB (< 1)" "x < 1" \
			"${SIZE[x86_64,hello]:-}" 1024 "${SIZE[i386,hello]:-}" 1024
		row "vdso stripped, bytes: / 16 KiB (< 1)" "x < 1" \
			"${SIZE[x86_64,vdso]:-}" 16384 "${SIZE[i386,vdso]:-}" 16384
		row "hello start-up wall, us: glibc static / hello (>= 2)" "x >= 2" \
			"${WALL[x86_64,glibc]:-}" "${WALL[x86_64,hello]:-}" "${WALL[i386,glibc]:-}" "${WALL[i386,hello]:-}"
		row "clock_gettime, ns: ours / glibc (<= 1.05)" "x <= 1.05" \
			"${CLOCK_OURS[x86_64]:-}" "${CLOCK_GLIBC[x86_64]:-}" "${CLOCK_OURS[i386]:-}" "${CLOCK_GLIBC[i386]:-}"
	} | table
	echo
	echo "Where the summary's start-up goes, wall us: \`vdso --version\` (the same file, no vDSO work,"
	echo "one write) / hello: x86_64 $(cell "${WALL[x86_64,vdso-version]:-}" "${WALL[x86_64,hello]:-}"), i386"
	echo "$(cell "${WALL[i386,vdso-version]:-}" "${WALL[i386,hello]:-}"); the summary / \`vdso --version\`:"
	echo "x86_64 $(cell "${WALL[x86_64,vdso]:-}" "${WALL[x86_64,vdso-version]:-}"), i386 $(cell "${WALL[i386,vdso]:-}" "${WALL[i386,vdso-version]:-}")."
	if [ ${#notes[@]} -gt 0 ]; then
		echo
		echo "## Notes"
		echo
		printf -- '- %s\n' "${notes[@]}"
	fi
}

# ---- the run -----------------------------------------------------------------------
start=$SECONDS
setup
for a in $ALL_ARCHES; do
	if [[ " $BOOTED_ARCHES " == *" $a "* ]]; then
		ARCHES="$ARCHES${ARCHES:+ }$a"
	elif [ -x "$BUILD/$a/hello" ] && runs_natively "$a"; then
		ARCHES="$ARCHES${ARCHES:+ }$a"
	else
		say "$a: not measured: this machine does not run $a programs natively, and make bench counts only where it does"
		note "$a: not measured (not native here)"
	fi
done
for a in $ARCHES; do
	if [ ! -x "$BUILD/$a/hello" ] || [ ! -x "$BUILD/$a/vdso" ]; then
		say "$BUILD/$a/hello or vdso missing: run make first"
		exit 1
	fi
done
for a in $ARCHES; do
	say "$a: building the peers"
	build_arch "$a"
	runs_natively "$a" || {
		NOT_NATIVE[$a]=1
		note "$a: this machine's kernel does not run $a programs (Exec format error): no start-up counts, wall, per-call, clock or traced times for $a; its vdso_init is counted in a booted kernel"
	}
done
gcc -O2 -o "$OUT/count" tests/bench/count.c 2> "$OUT/count.log" ||
	note "the single-step counter not built (see $OUT/count.log): no instruction counts"
for a in $ARCHES; do
	say "$a: sizes and instruction counts (single-stepped)"
	measure_sizes_and_counts "$a"
	measure_lessons "$a"
	say "$a: per call, through the table and by the pointer"
	measure_percall "$a"
done
say "vdso_init in a booted kernel, where an arch cannot run natively"
measure_in_boot
say "wall time: $SPAWN_ROUNDS rounds, one spawn of each program a round"
measure_wall
for a in $ARCHES; do
	say "$a: clock_gettime, ours against glibc's"
	measure_clock "$a"
	say "$a: clock_gettime, traced against untraced"
	measure_trace "$a"
done
note "took $((SECONDS - start)) s"

report > "$RESULTS"
cat "$RESULTS"
{
	for a in $ARCHES; do
		[ -n "${BENCH_OUT[$a]:-}" ] || continue
		printf '\n## `vdso bench` (%s)\n\n```\n%s\n```\n' "$a" "${BENCH_OUT[$a]}"
	done
} >> "$RESULTS"
echo
echo "(written to $RESULTS, with the full \`vdso bench\` output of each arch)"
