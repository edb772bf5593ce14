#!/bin/bash
# tests/fuzz/run.sh - the fuzz campaign against the ELF reader (elf/).
#
#   tests/fuzz/run.sh [SECONDS]   fuzz each class's build for SECONDS
#                                 (default $FUZZ_SECONDS, else 60)
#   tests/fuzz/run.sh keep FILE...
#                                 copy findings (crash-*, timeout-*, ...), once
#                                 fixed, into the regression corpus
#                                 tests/fuzz/corpus/, whole, as they are
#   tests/fuzz/run.sh merge       add to tests/fuzz/corpus/ the fewest inputs
#                                 of the campaign's corpora that reach code
#                                 it does not reach yet (libFuzzer's -merge=1,
#                                 by edges only: -use_counters=0, so that the
#                                 set stays small, about a hundred files)
#
# `make fuzz [FUZZ_SECONDS=N]` runs the first form.  Two libFuzzer builds of
# tests/fuzz/fuzz_reader.c, with AddressSanitizer and UBSan: x86_64, and
# i386 (-m32), where size_t is 32 bits and every offset conversion is put
# to the test.  Each runs for SECONDS with $FUZZ_JOBS jobs on as many
# workers (default 2), one class after the other.
#
# Seeds: the fixtures tests/20-reader.t builds (both classes, each hash
# style, with and without versions, shaped like a shared object and like
# a vDSO), big-endian ones as tests/42-read-parity.t builds them, this
# machine's vDSO for both arches (tests/oracle/vdso.c image), QEMU 10's
# for every target it carries if tests/setup/qemu10.sh has fetched it,
# the real kernels' images the boot tests sent back (every arch, both
# byte orders) if they have run, the hostile images of
# tests/fuzz/make_hostile.py, and tests/fuzz/corpus/.  What the campaign
# learns stays in build/fuzz/corpus-<bits>/ for the next run; what it finds
# (crash-*, timeout-*, oom-*) lands in build/fuzz/artifacts/.  A finding,
# once fixed, goes into tests/fuzz/corpus/ (run.sh keep FILE), with a
# small set that covers what the campaign reached (run.sh merge), and
# tests/60-robust.t replays them all in `make test`.

set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(realpath -m "${BUILD:-$TOP/build}")
F=$BUILD/fuzz
SRC=$TOP/tests/fuzz
JOBS=${FUZZ_JOBS:-2}
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"

say() { echo "fuzz: $*" >&2; }
die() { say "$*"; exit 1; }

bash "$TOP/tests/setup/fuzz-deps.sh" || die "the fuzzer's packages are missing"
command -v clang > /dev/null || die "clang is not installed"
mkdir -p "$F/artifacts" "$F/work"

# build BITS: the libFuzzer build of that class, or status 1 with the reason.
build() {
	local bits=$1 out=$F/fuzz$1
	clang -m$bits -g -O1 -I"$TOP" $SAN "$SRC/fuzz_reader.c" "$TOP"/elf/*.c \
		-o "$out" > "$out.log" 2>&1 || { tail -n 3 "$out.log" >&2; return 1; }
}

case ${1:-} in
keep)
	shift
	[ $# -gt 0 ] || die "keep: which files?"
	mkdir -p "$SRC/corpus"
	for f in "$@"; do
		# crash-<sha1> stays crash-<sha1>: the name says what it did
		cp "$f" "$SRC/corpus/$(basename "$f")" || exit
		say "kept $(basename "$f")"
	done
	exit ;;
merge)
	mkdir -p "$SRC/corpus"
	learnt=()
	for d in "$F/corpus-64" "$F/corpus-32"; do
		[ -d "$d" ] && learnt+=("$d")
	done
	[ ${#learnt[@]} -gt 0 ] || die "merge: no campaign has run (no $F/corpus-*)"
	for bits in 64 32; do
		build $bits || { say "the $bits-bit fuzzer does not build"; continue; }
		"$F/fuzz$bits" -merge=1 -use_counters=0 "$SRC/corpus" "${learnt[@]}" 2>&1 |
			grep -E 'MERGE-OUTER: [0-9]+ new files' | sed "s/^/fuzz: $bits-bit: /" >&2
	done
	say "tests/fuzz/corpus: $(ls "$SRC/corpus" | wc -l) files, $(du -sh "$SRC/corpus" | cut -f1)"
	exit ;;
esac

SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
case $SECONDS_EACH in ''|*[!0-9]*) die "usage: run.sh [SECONDS] | run.sh keep FILE... | run.sh merge" ;; esac

# ---- seeds ------------------------------------------------------------------
S=$F/seeds
rm -rf "$S"
mkdir -p "$S/fixtures" "$S/live" "$S/hostile"

# The fixtures, built as tests/20-reader.t builds them.
R=$TOP/tests/reader
for bits in 32 64; do
	for hash in sysv gnu both; do
		for ver in v n; do
			for shape in so vdso; do
				flags="-m$bits -O2 -fPIC -nostdlib -shared -fno-asynchronous-unwind-tables
					-Wl,--hash-style=$hash -Wl,-soname,f$bits-$hash-$ver-$shape.so"
				[ $ver = v ] && flags="$flags -DWITH_VERSIONS -Wl,--version-script=$R/fixture.map"
				[ $shape = so ] && flags="$flags -DWITH_UNDEF"
				[ $shape = vdso ] && flags="$flags -Wl,-T,$R/vdso.lds"
				gcc $flags -o "$S/fixtures/f$bits-$hash-$ver-$shape.so" "$R/fixture.c" \
					2>> "$S/fixtures.log" || say "fixture f$bits-$hash-$ver-$shape not built"
			done
		done
	done
done

# Big-endian ones, built as tests/42-read-parity.t builds them.
for target in powerpc-linux-gnu powerpc64-linux-gnu aarch64_be-linux-gnu; do
	for hash in sysv both; do
		clang --target=$target -O2 -fPIC -shared -nostdlib -fuse-ld=lld -Wl,--hash-style=$hash \
			-DWITH_VERSIONS -Wl,--version-script=$R/fixture.map -o "$S/fixtures/be-$target-$hash.so" \
			"$R/fixture.c" 2>> "$S/fixtures.log" || say "fixture be-$target-$hash not built"
	done
done
clang --target=s390x-linux-gnu -O2 -fPIC -shared -nostdlib -Wl,--hash-style=sysv -DWITH_VERSIONS \
	-Wl,--version-script=$R/fixture.map -o "$S/fixtures/be-s390x-sysv.so" "$R/fixture.c" \
	2>> "$S/fixtures.log" || say "fixture be-s390x-sysv not built (binutils-s390x-linux-gnu)"

# Shared objects that need versions of libc (DT_VERNEED).
for bits in 32 64; do
	gcc -m$bits -O2 -fPIC -shared -o "$S/fixtures/needs$bits.so" "$R/needs.c" \
		2>> "$S/fixtures.log" || say "fixture needs$bits not built"
done

# The live vDSO of this machine, both arches, and QEMU 10's if fetched.
for bits in 64 32; do
	gcc -m$bits -O1 -o "$S/oracle$bits" "$TOP/tests/oracle/vdso.c" -ldl 2>> "$S/live.log" &&
		"$S/oracle$bits" image "$S/live/native-$bits.so" > /dev/null 2>> "$S/live.log" ||
		say "no live $bits-bit image (see $S/live.log)"
	rm -f "$S/oracle$bits"
done
for arch in x86_64 i386; do
	q=$BUILD/cache/qemu10/bin/qemu-$arch
	if [ -x "$q" ] && [ -x "$BUILD/$arch/vdso" ]; then
		timeout 20 "$q" "$BUILD/$arch/vdso" dump "$S/live/qemu10-$arch.so" 2>> "$S/live.log" ||
			rm -f "$S/live/qemu10-$arch.so"
	fi
done

# The vDSO image of every target QEMU 10 carries (tests/44-qemu-images.t).
for q in "$BUILD"/cache/qemu10/bin/qemu-*; do
	[ -x "$q" ] && python3 "$TOP/tests/oracle/embedded_vdso.py" "$q" "$S/live" > /dev/null 2>> "$S/live.log"
done

# The real kernels' images that the booted tests sent back, if they have
# run (tests/50-boot.t: x86; tests/53-boot-non-x86.t: ARM, riscv64,
# ppc64le, s390x big-endian), each named for its folder.
for img in "$BUILD"/test/boot/*/*/ttyS1.bin "$BUILD"/test/boot-non-x86/*/ttyS1.bin; do
	[ -s "$img" ] || continue
	name=${img%/ttyS1.bin}
	name=${name#"$BUILD"/test/}
	cp "$img" "$S/live/booted-${name//\//-}.so"
done

python3 "$SRC/make_hostile.py" "$S/hostile" --at 0x500000001001 --at 0x58001001 "$S"/live/*.so \
	"$S/fixtures/f32-sysv-v-vdso.so" "$S/fixtures/f64-both-v-so.so" \
	"$S/fixtures/f32-gnu-v-so.so" "$S/fixtures/f64-gnu-n-vdso.so" \
	"$S/fixtures/needs32.so" "$S/fixtures/needs64.so" > /dev/null ||
	say "no hostile images"
say "seeds: $(find "$S" -name '*.so' | wc -l) images"

# ---- the campaign -------------------------------------------------------------
status=0
for bits in 64 32; do
	if ! build $bits; then
		say "the $bits-bit fuzzer does not build: not run"
		continue
	fi
	C=$F/corpus-$bits
	mkdir -p "$C"
	W=$F/work/$bits
	rm -rf "$W"
	mkdir -p "$W"
	say "$bits-bit: for ${SECONDS_EACH}s; logs in $W"
	# -timeout: one input may take 60 s before it counts as a hang: on a
	# loaded machine a unit has stalled 11 s in the sanitizer's allocator
	# (madvise), where every unit took under a second;
	# -rss_limit_mb: the reader allocates nothing, the harness one copy.
	# A machine whose kernel cannot run i386 programs runs the 32-bit
	# build under qemu-i386 (QEMU 10's if fetched), as one process:
	# libFuzzer would start -jobs workers without the emulator.
	run=("$F/fuzz$bits")
	workers=(-jobs="$JOBS" -workers="$JOBS")
	inputs=("$C" "$S/fixtures" "$S/live" "$S/hostile" "$SRC/corpus")
	log=$W/run.log
	if ! "$F/fuzz$bits" -help=1 > /dev/null 2>&1; then
		q=$BUILD/cache/qemu10/bin/qemu-i386
		[ -x "$q" ] || q=$(command -v qemu-i386) ||
			{ say "$bits-bit: this machine runs it neither natively nor under qemu-i386: not run"; continue; }
		run=("$q" "$F/fuzz$bits")
		workers=()
		log=$W/fuzz-0.log
		# A 32-bit program under qemu-user lists no file of a folder
		# here (the host's 64-bit directory offsets do not fit its
		# readdir): the seeds go by name instead, comma-separated.
		find "$S/fixtures" "$S/live" "$S/hostile" "$SRC/corpus" "$C" -type f |
			paste -sd, > "$W/seeds.csv"
		inputs=(-seed_inputs=@"$W/seeds.csv" "$C")
		say "$bits-bit: under $(basename "$q"), one process"
	fi
	(cd "$W" && "${run[@]}" "${workers[@]}" \
		-max_total_time="$SECONDS_EACH" -timeout=60 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$F/artifacts/" "${inputs[@]}" \
		> "$log" 2>&1)
	for log in "$W"/fuzz-*.log; do
		[ -e "$log" ] || continue
		last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		say "$bits-bit $(basename "$log"): ${execs:-?} runs; last: $last"
	done
	say "$bits-bit corpus: $(ls "$C" | wc -l) inputs"
done

found=$(ls "$F/artifacts" 2>/dev/null)
if [ -n "$found" ]; then
	say "findings in $F/artifacts:"
	ls -l "$F/artifacts" >&2
	status=1
else
	say "no findings"
fi
exit $status
