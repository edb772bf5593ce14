# tests/runners.sh - run a static binary on each runner of the test matrix
# (README.md and tests/README.md: the test matrix).  Sourced after tap.sh, which sets TOP, BUILD.
#
#   all_runners                        -> "native qemu7 qemu10"
#   arches                             -> "x86_64 i386": arch/arches, the
#                                         one list of arches
#   arch_bits ARCH                     -> 64 or 32, its ELF class
#   arch_cflags ARCH                   -> its compiler flags ("-m32 -march=i686")
#   runner_available RUNNER ARCH       -> status 0, or 1 with a one-line
#                                         reason on stdout (for a TAP skip)
#   run_on RUNNER ARCH PROG [ARGS...]  -> runs PROG there; its stdout,
#                                         stderr and exit status pass through
#   run_on_traced RUNNER ARCH OUTFILE PROG [ARGS...]
#                                      -> the same, and the system calls it
#                                         made are written to OUTFILE
#   runner_cmd RUNNER ARCH             -> the command prefix (empty: native)
#
# Runners:
#   native  the machine's own kernel (and its vDSO)
#   qemu7   the system's qemu-user 7.2 (Debian 12): no vDSO, no AT_SYSINFO
#   qemu10  QEMU 10 from bookworm-backports, fetched into the build tree
#           by tests/setup/qemu10.sh: QEMU's own vDSO
#
# Every run is under `timeout $RUN_TIMEOUT` (20 s; status 124 if it fires).
# The emulator command is left unquoted on purpose: natively it is empty
# (so a build path must not contain spaces).

RUN_TIMEOUT=${RUN_TIMEOUT:-20}

all_runners() { echo "native qemu7 qemu10"; }
ARCH_LIST=$TOP/arch/arches
# (a line that ends "# not in the test matrix yet" is built, but not tested here)
arches() { awk '!/^#/ && NF && !/# not in the test matrix yet/ { printf "%s%s", sep, $1; sep = " " } END { print "" }' "$ARCH_LIST"; }
arch_bits() { awk -v a="$1" '!/^#/ && $1 == a { print $2 }' "$ARCH_LIST"; }
arch_cflags() { awk -v a="$1" '!/^#/ && $1 == a { sub(/#.*/, ""); $1 = $2 = $3 = ""; sub(/^ */, ""); print }' "$ARCH_LIST"; }

# runner_set RUNNER ARCH: sets RUNNER_CMD to what to put before the program
# (empty for native), or returns 1 with the reason in RUNNER_WHY if there
# is no such emulator.  No subshell and, once QEMU 10 is fetched, no other
# process: run_on calls it for every program run, thousands of times in a
# test run, and a fork here costs more than starting QEMU does.
runner_set() {
	local q
	RUNNER_CMD= RUNNER_WHY=
	case $1 in
	native) return 0 ;;
	qemu7)
		q=/usr/bin/qemu-$2
		[ -x "$q" ] || { RUNNER_WHY="qemu-user 7.2 not installed (no $q)"; return 1; } ;;
	qemu10)
		q=$BUILD/cache/qemu10/bin/qemu-$2
		# Fetched already (tests/setup/qemu10.sh's stamp and emulator)?
		# Else the fetch, whose last stderr line says why not.
		if [ ! -f "$BUILD/cache/qemu10/stamp" ] || [ ! -x "$q" ]; then
			local log=$BUILD/cache/qemu10.log
			mkdir -p "$BUILD/cache"
			if ! "$TOP/tests/setup/qemu10.sh" "$BUILD" 2> "$log"; then
				RUNNER_WHY=$(tail -n 1 "$log" | sed 's/^qemu10: //')
				return 1
			fi
		fi ;;
	*)
		RUNNER_WHY="unknown runner '$1'"; return 1 ;;
	esac
	arch_sysroot_set "$2"
	RUNNER_CMD=$q${ARCH_SYSROOT:+ -L $ARCH_SYSROOT}
}

# runner_cmd RUNNER ARCH: RUNNER_CMD on stdout; status 1 and the reason on
# stdout if there is no such emulator.
runner_cmd() {
	if runner_set "$1" "$2"; then echo "$RUNNER_CMD"; else echo "$RUNNER_WHY"; return 1; fi
}

# A probe for ARCH: a static program that only calls exit(0), built once
# from the arch's own system call (arch/<arch>/arch.h, with the runtime
# archive and the UAPI headers that `make` left in build/<arch>/).
# arch_cc ARCH: the compiler for ARCH, as the Makefile picks it: where its
# flags name a --target=TRIPLE, CC=gcc means TRIPLE-gcc if installed, else
# the one tests/setup/crossgcc.sh unpacked, else clang; the flag stays for
# clang only.  Prints "CC FLAGS".
arch_cc() {
	local flags cc=${CC:-gcc} triple
	flags=$(arch_cflags "$1")
	triple=$(grep -o -- '--target=[^ ]*' <<< "$flags" | sed 's/--target=//')
	if [ -n "$triple" ] && [ "$cc" = gcc ]; then
		cc=$(command -v "$triple-gcc" || ls "$TOP/build/cache/crossgcc/bin/$triple-gcc" 2> /dev/null || echo clang)
	fi
	"$cc" --version 2> /dev/null | grep -q clang || flags=$(sed 's/--target=[^ ]*//' <<< "$flags")
	echo "$cc $flags"
}

# arch_tool ARCH TOOL: binutils' TOOL (objdump, strip) for ARCH: the
# machine's own, or binutils-TRIPLE's for an arch built with --target=TRIPLE.
arch_tool() {
	local triple
	triple=$(arch_cflags "$1" | grep -o -- '--target=[^ ]*' | sed 's/--target=//')
	if [ -n "$triple" ] && command -v "$triple-$2" > /dev/null; then echo "$triple-$2"; else echo "$2"; fi
}

# arch_libc_cc ARCH: "CC FLAGS" for a program of ARCH linked with glibc
# (the tests' oracles): gcc for x86, the arch's TRIPLE-gcc for a cross arch
# (with Debian's libc6-dev-<arch>-cross, tests/setup/deps.sh).
arch_libc_cc() { CC=gcc arch_cc "$1"; }

# arch_sysroot ARCH: where a cross arch's glibc lives (/usr/TRIPLE, from
# Debian's libc6-<arch>-cross), for QEMU's -L: a dynamically linked
# oracle's loader and libraries are found there.  Empty for the machine's
# own libraries (x86).  arch_sysroot_set sets ARCH_SYSROOT instead, with
# bash's own read and compgen: no process.
arch_sysroot_set() {
	local name bits triples rest t
	ARCH_SYSROOT=
	while read -r name bits triples rest; do
		[ "$name" = "$1" ] || continue
		for t in ${triples//,/ }; do
			# the loader: ld-linux-*.so.N on most arches, ld64.so.N on
			# ppc64le (ld64.so.2) and s390x (ld64.so.1)
			if compgen -G "/usr/$t/lib/ld-linux*" > /dev/null ||
				compgen -G "/usr/$t/lib/ld64.so.*" > /dev/null; then
				ARCH_SYSROOT=/usr/$t
				return
			fi
		done
		return
	done < "$ARCH_LIST"
}
arch_sysroot() { arch_sysroot_set "$1"; [ -z "$ARCH_SYSROOT" ] || echo "$ARCH_SYSROOT"; }

runner_probe() {
	local p=$BUILD/test/runners/probe-$1 flags cc
	[ -f "$BUILD/$1/libruntime.a" ] || return 1
	if [ ! -x "$p" ] || [ "$p" -ot "$BUILD/$1/libruntime.a" ]; then
		flags=$(arch_cflags "$1")
		[ -n "$flags" ] || return 1
		cc=$(arch_cc "$1")
		mkdir -p "${p%/*}"
		printf '%s\n' '#include "arch.h"' \
			'void _start(void) { arch_syscall(__NR_exit, 0, 0, 0, 0, 0, 0); }' |
			$cc -static -nostdlib -nostdinc -ffreestanding -fno-pie -no-pie \
				-isystem "$(${cc%% *} -print-file-name=include)" -isystem "$BUILD/$1/uapi" \
				-I"$TOP/arch/$1" -x c - -x none "$BUILD/$1/libruntime.a" -o "$p.$$" 2> /dev/null &&
			mv "$p.$$" "$p" || { rm -f "$p.$$"; return 1; }
	fi
	echo "$p"
}

# runner_available RUNNER ARCH: try the probe there, say why not if it fails.
runner_available() {
	local cmd probe err
	cmd=$(runner_cmd "$1" "$2") || { echo "$cmd"; return 1; }
	probe=$(runner_probe "$2") || { echo "cannot build a $2 probe (${CC:-gcc} $(arch_cflags "$2"), after make)"; return 1; }
	if [ "$1" = native ] && grep -qs '^enabled' "/proc/sys/fs/binfmt_misc/qemu-$2"; then
		echo "$2 would run through binfmt_misc's QEMU, not natively"
		return 1
	fi
	# Natively, let bash exec it: on ENOEXEC `timeout` (execvp) would hand
	# the file to /bin/sh, while bash says "Exec format error".
	if [ -z "$cmd" ]; then
		err=$("$probe" 2>&1) && return 0
	else
		err=$(timeout "$RUN_TIMEOUT" $cmd "$probe" 2>&1) && return 0
	fi
	local status=$?
	case $1 in
	native) echo "$2 does not run natively on this machine (${err##*: })" ;;
	*) echo "$1 cannot run a $2 program: ${err:-exit status $status}" ;;
	esac
	return 1
}

# run_on RUNNER ARCH PROG [ARGS...]
run_on() {
	runner_set "$1" "$2" || { echo "run_on: $RUNNER_WHY" >&2; return 125; }
	shift 2
	timeout "$RUN_TIMEOUT" $RUNNER_CMD "$@"
}

# run_on_traced RUNNER ARCH OUTFILE PROG [ARGS...]: natively by strace,
# under QEMU by its own syscall log (-d strace -D FILE, in 7.2 and 10),
# so that the program's stderr stays its own.  Lines start with the pid.
run_on_traced() {
	local cmd out=$3
	runner_set "$1" "$2" || { echo "run_on_traced: $RUNNER_WHY" >&2; return 125; }
	cmd=$RUNNER_CMD
	shift 3
	if [ -z "$cmd" ]; then
		timeout "$RUN_TIMEOUT" strace -f -qq -o "$out" "$@"
	else
		timeout "$RUN_TIMEOUT" $cmd -d strace -D "$out" "$@"
	fi
}

# native_cases ARCH PROG: the cases that follow run PROG natively.  Sets
# NATIVE to PROG where ARCH runs natively; where it does not, to `false`
# (so that nothing is run in its place), and every case up to the next
# native_cases (or `skipping ""`) is printed as skipped, with the probe's
# reason.
native_cases() {
	local why
	if why=$(runner_available native "$1"); then
		NATIVE=$2
		skipping ""
	else
		NATIVE=$(type -P false)
		skipping "$why"
	fi
}

# first_runner ARCH: the first runner of all_runners that runs ARCH here
# (status 1 and the reasons if none does).
first_runner() {
	local r why all=
	for r in $(all_runners); do
		why=$(runner_available "$r" "$1") && { echo "$r"; return 0; }
		all="$all${all:+; }$why"
	done
	echo "$all"
	return 1
}
