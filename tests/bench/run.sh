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
# and what is measured:
#   size          stripped file size (strip(1)), and that of our `vdso`
#   instructions  from execve to exit, user mode only (valgrind's callgrind,
#                 total Ir); the kernel's share is not counted
#   wall          spawn + wait, microseconds, the median over rounds that
#                 spawn each program once, in turn (tests/bench/spawn.c)
#   clock         one clock_gettime(CLOCK_MONOTONIC) through our call table
#                 (`vdso bench`) against glibc's (tests/bench/clock_glibc.c)
#   resolve       calls_init: open the vDSO, resolve every symbol, in
#                 instructions (tests/bench/resolve.c, under callgrind)
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
ARCHES="x86_64 i386"

# How much: spawn rounds (one spawn of each program a round); clock
# rounds x calls, repeated.
SPAWN_ROUNDS=1001
CLOCK_ROUNDS=21 CLOCK_CALLS=5000 CLOCK_REPEAT=5

notes=()
note() { notes+=("$*"); }
say() { echo "bench: $*" >&2; }

mkdir -p "$OUT"

# ---- set-up: the tools, from Debian's packages when we may -------------------
setup() {
	local need=()
	command -v valgrind > /dev/null || need+=(valgrind)
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
declare -A CCX CPPFLAGS CFLAGS LDFLAGS START LIBRT
project_flags() {
	local a=$1 lines
	mapfile -t lines < <(make -s --no-print-directory ARCH="$a" BUILD="$BUILD" \
		--eval 'bench-flags: ; @printf "%s\n" "$(CC)" "$(CPPFLAGS)" "$(CFLAGS)" "$(LDFLAGS)" "$(START_OBJ)" "$(LIBRUNTIME)"' \
		bench-flags)
	[ ${#lines[@]} -eq 6 ] || return 1
	CCX[$a]=${lines[0]} CPPFLAGS[$a]=${lines[1]} CFLAGS[$a]=${lines[2]}
	LDFLAGS[$a]=${lines[3]} START[$a]=${lines[4]} LIBRT[$a]=${lines[5]}
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
			${CCX[$a]} ${LDFLAGS[$a]} -o $d/resolve ${START[$a]} $d/resolve.o ${LIBRT[$a]}" ||
			note "$a: resolve harness not built (see $d/resolve.log)"
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

# callgrind_ir ARCH NAME PROG [ARGS...]: total instructions, user mode, or
# nothing.  The profile stays in $OUT/ARCH/NAME.callgrind.
callgrind_ir() {
	local a=$1 name=$2 f
	shift 2
	f=$OUT/$a/$name.callgrind
	timeout 60 valgrind --tool=callgrind --callgrind-out-file="$f" "$@" \
		> /dev/null 2> "$OUT/$a/$name.valgrind" || return 1
	awk '/^(summary|totals):/ { print $2; exit }' "$f"
}

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# calc EXPR: awk arithmetic, printed with FORMAT (default %.2f)
calc() { awk "BEGIN { printf \"${2:-%.2f}\", $1 }"; }

declare -A SIZE IR WALL CLOCK_OURS CLOCK_GLIBC RESOLVE VDSO_CALL_IR BENCH_OUT
PEERS="bare hello musl glibc"

measure_sizes_and_ir() {
	local a=$1 p valgrind_ok=1
	for p in $PEERS vdso; do
		[ -n "${PROG[$a,$p]:-}" ] && SIZE[$a,$p]=$(size_of "${PROG[$a,$p]}")
	done
	if ! command -v valgrind > /dev/null; then
		note "no valgrind: no instruction counts"
		return
	fi
	if [ "$a" = i386 ] && ! ls /usr/lib*/valgrind/callgrind-x86-linux /usr/libexec/valgrind/callgrind-x86-linux > /dev/null 2>&1; then
		note "i386: valgrind here has no x86 (32-bit) tool: no instruction counts"
		return
	fi
	for p in $PEERS; do
		[ -n "${PROG[$a,$p]:-}" ] || continue
		IR[$a,$p]=$(callgrind_ir "$a" "$p" "${PROG[$a,$p]}") || { valgrind_ok=0; unset "IR[$a,$p]"; }
	done
	[ $valgrind_ok = 1 ] || note "$a: valgrind could not run every program (see $OUT/$a/*.valgrind)"
	VDSO_CALL_IR[$a]=$(callgrind_ir "$a" vdso-call "${PROG[$a,vdso]}" call clock_gettime) ||
		unset "VDSO_CALL_IR[$a]"

	# calls_init on a copy of this kernel's vDSO: valgrind gives its guest
	# none, so the harness saves the live one first, natively.
	local r=$OUT/$a/resolve img=$OUT/$a/vdso.img said
	[ -x "$r" ] || return
	if ! "$r" save "$img" 2> "$OUT/$a/resolve.err"; then
		note "$a: no live vDSO to copy for the resolve count: $(tail -n 1 "$OUT/$a/resolve.err")"
		return
	fi
	if ! said=$("$r" "$img" 2>&1); then
		note "$a: the resolve harness failed on this kernel's vDSO: $said"
		return
	fi
	note "$a: calls_init on a copy of this kernel's vDSO $said"
	callgrind_ir "$a" resolve "$r" "$img" > /dev/null || return
	RESOLVE[$a]=$(callgrind_annotate --inclusive=yes "$OUT/$a/resolve.callgrind" 2> /dev/null |
		awk '/:calls_init / { gsub(",", "", $1); print $1; exit }')
	[ -n "${RESOLVE[$a]}" ] || unset "RESOLVE[$a]"
}

measure_wall() {
	local progs=() a p line
	gcc -O2 -o "$OUT/spawn" tests/bench/spawn.c 2> "$OUT/spawn.log" ||
		{ note "spawn driver not built (see $OUT/spawn.log): no wall times"; return; }
	for a in $ARCHES; do
		for p in $PEERS; do
			[ -n "${PROG[$a,$p]:-}" ] && progs+=("${PROG[$a,$p]}")
		done
	done
	"$OUT/spawn" $SPAWN_ROUNDS "${progs[@]}" > "$OUT/spawn.out" 2> "$OUT/spawn.err" ||
		{ note "spawn driver failed: $(tail -n 1 "$OUT/spawn.err")"; return; }
	for a in $ARCHES; do
		for p in $PEERS; do
			[ -n "${PROG[$a,$p]:-}" ] || continue
			line=$(awk -v p="${PROG[$a,$p]}" '$4 == p { print $1; exit }' "$OUT/spawn.out")
			[ -n "$line" ] && WALL[$a,$p]=$line
		done
	done
}

# Ours and glibc's clock_gettime, alternately, CLOCK_REPEAT times each;
# each side's figure is the median of its runs' medians.
measure_clock() {
	local a=$1 i ours=() glibc=() v
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
percent() {                     # percent A B: (A/B - 1) in %, signed
	[ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$2" != 0 ] && calc "($1 / $2 - 1) * 100" '%+.1f%%' || echo -
}

# target_row NAME COND CELL_X86_64 CELL_I386 [VALUE_X86_64 [VALUE_I386]]:
# a row of the targets table; COND is an awk condition on x, tried on each
# arch's value; an arch without a value is not judged.
target_row() {
	local name=$1 cond=$2 tx=$3 ty=$4 xv=${5:-} yv=${6:-} verdict missed=()
	local measured=0
	for pair in "x86_64:$xv" "i386:$yv"; do
		local a=${pair%%:*} val=${pair#*:}
		[ -n "$val" ] || continue
		measured=1
		awk -v x="$val" "BEGIN { exit !($cond) }" || missed+=("$a")
	done
	if [ $measured = 0 ]; then verdict="not measured"
	elif [ ${#missed[@]} -eq 0 ]; then verdict="met"
	else verdict="MISSED (${missed[*]})"
	fi
	echo "| $name | $tx | $ty | $verdict |"
}

report() {
	local a p label
	echo "# make bench"
	echo
	echo "$(uname -sr), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) CPUs;" \
		"$(gcc --version | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "## Start-up and size"
	echo
	echo "Stripped size in bytes; instructions from execve to exit in user mode (callgrind);"
	echo "wall time to spawn and reap one process: the median of $SPAWN_ROUNDS, the programs taking turns."
	echo
	{
		echo "| arch | program | size | instructions | x bare | wall us | x bare |"
		echo "| - | - | - | - | - | - | - |"
		for a in $ARCHES; do
			for p in $PEERS vdso; do
				case $p in
				bare) label="bare _start (write, exit)" ;;
				hello) label="hello (ours)" ;;
				musl) label="hello, musl static" ;;
				glibc) label="hello, glibc static" ;;
				vdso) label="vdso (ours)" ;;
				esac
				[ -n "${PROG[$a,$p]:-}" ] || { echo "| $a | $label | - | - | - | - | - |"; continue; }
				echo "| $a | $label | $(v "${SIZE[$a,$p]:-}") | $(v "${IR[$a,$p]:-}")" \
					"| $(ratio "${IR[$a,$p]:-}" "${IR[$a,bare]:-}") | $(v "${WALL[$a,$p]:-}")" \
					"| $(ratio "${WALL[$a,$p]:-}" "${WALL[$a,bare]:-}") |"
			done
		done
	} | table
	echo
	echo "## Calls"
	echo
	echo "clock_gettime(CLOCK_MONOTONIC), ns per call: ours through the call table (\`vdso bench"
	echo "--rounds $CLOCK_ROUNDS --calls $CLOCK_CALLS\`), glibc's in a glibc-linked program timed the same way;"
	echo "each the median of $CLOCK_REPEAT alternating runs.  Instructions by callgrind, which hides the vDSO:"
	echo "there \`vdso call clock_gettime\` makes system calls, and calls_init is counted by"
	echo "tests/bench/resolve on a copy of this kernel's vDSO image."
	echo
	{
		echo "| what | x86_64 | i386 |"
		echo "| - | - | - |"
		echo "| clock_gettime, ours, ns | $(v "${CLOCK_OURS[x86_64]:-}") | $(v "${CLOCK_OURS[i386]:-}") |"
		echo "| clock_gettime, glibc, ns | $(v "${CLOCK_GLIBC[x86_64]:-}") | $(v "${CLOCK_GLIBC[i386]:-}") |"
		echo "| ours against glibc | $(percent "${CLOCK_OURS[x86_64]:-}" "${CLOCK_GLIBC[x86_64]:-}")" \
			"| $(percent "${CLOCK_OURS[i386]:-}" "${CLOCK_GLIBC[i386]:-}") |"
		echo "| \`vdso call clock_gettime\`, instructions | $(v "${VDSO_CALL_IR[x86_64]:-}") | $(v "${VDSO_CALL_IR[i386]:-}") |"
		echo "| calls_init: open the vDSO, resolve every symbol, instructions | $(v "${RESOLVE[x86_64]:-}") | $(v "${RESOLVE[i386]:-}") |"
	} | table
	echo
	echo "## Targets"
	echo
	{
		echo "| target | x86_64 | i386 | verdict |"
		echo "| - | - | - | - |"
		target_row "hello stripped < 1 KiB" "x < 1024" \
			"$(v "${SIZE[x86_64,hello]:-}") B" "$(v "${SIZE[i386,hello]:-}") B" \
			"${SIZE[x86_64,hello]:-}" "${SIZE[i386,hello]:-}"
		target_row "vdso stripped < 16 KiB" "x < 16384" \
			"$(v "${SIZE[x86_64,vdso]:-}") B" "$(v "${SIZE[i386,vdso]:-}") B" \
			"${SIZE[x86_64,vdso]:-}" "${SIZE[i386,vdso]:-}"
		target_row "resolving every vDSO symbol < 2,000 instructions" "x < 2000" \
			"$(v "${RESOLVE[x86_64]:-}")" "$(v "${RESOLVE[i386]:-}")" \
			"${RESOLVE[x86_64]:-}" "${RESOLVE[i386]:-}"
		local hx hy gx gy cx cy
		[ -n "${WALL[x86_64,hello]:-}" ] && [ -n "${WALL[x86_64,bare]:-}" ] && hx=$(calc "${WALL[x86_64,hello]} / ${WALL[x86_64,bare]}" %.4f)
		[ -n "${WALL[i386,hello]:-}" ] && [ -n "${WALL[i386,bare]:-}" ] && hy=$(calc "${WALL[i386,hello]} / ${WALL[i386,bare]}" %.4f)
		target_row "hello start-up wall within 5% of bare" "x <= 1.05" \
			"$(percent "${WALL[x86_64,hello]:-}" "${WALL[x86_64,bare]:-}")" \
			"$(percent "${WALL[i386,hello]:-}" "${WALL[i386,bare]:-}")" "${hx:-}" "${hy:-}"
		[ -n "${WALL[x86_64,hello]:-}" ] && [ -n "${WALL[x86_64,glibc]:-}" ] && gx=$(calc "${WALL[x86_64,glibc]} / ${WALL[x86_64,hello]}" %.4f)
		[ -n "${WALL[i386,hello]:-}" ] && [ -n "${WALL[i386,glibc]:-}" ] && gy=$(calc "${WALL[i386,glibc]} / ${WALL[i386,hello]}" %.4f)
		target_row "hello start-up >= 2x faster than glibc static" "x >= 2" \
			"$(ratio "${WALL[x86_64,glibc]:-}" "${WALL[x86_64,hello]:-}")" \
			"$(ratio "${WALL[i386,glibc]:-}" "${WALL[i386,hello]:-}")" "${gx:-}" "${gy:-}"
		[ -n "${CLOCK_OURS[x86_64]:-}" ] && [ -n "${CLOCK_GLIBC[x86_64]:-}" ] && cx=$(calc "${CLOCK_OURS[x86_64]} / ${CLOCK_GLIBC[x86_64]}" %.4f)
		[ -n "${CLOCK_OURS[i386]:-}" ] && [ -n "${CLOCK_GLIBC[i386]:-}" ] && cy=$(calc "${CLOCK_OURS[i386]} / ${CLOCK_GLIBC[i386]}" %.4f)
		target_row "clock_gettime through our table within 5% of glibc's" "x <= 1.05" \
			"$(percent "${CLOCK_OURS[x86_64]:-}" "${CLOCK_GLIBC[x86_64]:-}")" \
			"$(percent "${CLOCK_OURS[i386]:-}" "${CLOCK_GLIBC[i386]:-}")" "${cx:-}" "${cy:-}"
	} | table
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
for a in $ARCHES; do
	if [ ! -x "$BUILD/$a/hello" ] || [ ! -x "$BUILD/$a/vdso" ]; then
		say "$BUILD/$a/hello or vdso missing: run make first"
		exit 1
	fi
done
for a in $ARCHES; do
	say "$a: building the peers"
	build_arch "$a"
done
for a in $ARCHES; do
	say "$a: sizes and instruction counts"
	measure_sizes_and_ir "$a"
done
say "wall time: $SPAWN_ROUNDS rounds, one spawn of each program a round"
measure_wall
for a in $ARCHES; do
	say "$a: clock_gettime, ours against glibc's"
	measure_clock "$a"
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
