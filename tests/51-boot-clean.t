#!/bin/bash
# tests/51-boot-clean.t - `make boot` as a newcomer runs it: in a fresh copy
# of the tree, with an empty cache and the Makefile's own relative BUILD
# ("build"), so that the program is built and the kernel fetched from
# nothing.  (Given the relative "build", the kernel's fetch once changed
# directory and could no longer write its logs: make boot failed until
# `make test` had filled the cache.)
#
# The copy holds the files git tracks, as they are now: what a clone of
# this tree holds.  Two boots, each one command:
#   make boot ARCH=x86_64 CMD=auxv                           (6.1, the default)
#   make boot ARCH=i386 KERNEL=6.12 APPEND=vdso32=0 CMD=auxv
# each must end with status 0, having run the command as /init, and its
# kernel must be in the copy's own build/cache/kernel-VERSION/.  The second
# also shows APPEND reaching the kernel: with vdso32=0 the i386 program gets
# neither AT_SYSINFO_EHDR nor AT_SYSINFO.
#
# A kernel that the main tree cannot fetch either (no network, no apt) is a
# skip that says why, not a failure of the copy.

. "$(dirname "$0")/tap.sh"

W=$BUILD/test/clean
rm -rf "$W"
mkdir -p "$W"

why=
if ! command -v qemu-system-x86_64 > /dev/null; then
	why="qemu-system-x86_64 not installed (Debian: qemu-system-x86)"
elif ! command -v git > /dev/null || ! git -C "$TOP" rev-parse --git-dir > /dev/null 2>&1; then
	why="not a git checkout: no list of the tree's files to copy"
fi
if [ -n "$why" ]; then
	skip "make boot from a clean tree" "$why"
	done_testing
	exit
fi

# The tracked files, as they are in the working tree.
git -C "$TOP" ls-files -z | (cd "$TOP" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
	tar -C "$TOP" --null -T - -cf - | tar -C "$W" -xf -
[ -f "$W/Makefile" ] && [ ! -e "$W/build" ]
ok $? "a copy of the tracked files, with no build/ and so an empty cache"

# clean_boot KERNEL TITLE MAKE-ARGS...: make boot in the copy, as typed,
# with nothing of this run's environment (BUILD, make's own flags).
clean_boot() {
	local k=$1 t=$2 reason
	shift 2
	if ! "$TOP/tests/setup/kernel.sh" -k "$k" "$BUILD" 2> "$W/kernel-$k.log"; then
		reason=$(tail -n 1 "$W/kernel-$k.log" | sed 's/^kernel: //')
		skip "$t" "this tree cannot fetch the $k kernel either: $reason"
		return 1
	fi
	(cd "$W" && env -u BUILD -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		timeout 600 make boot "$@") > "$W/$k.raw" 2> "$W/$k.err"
	STATUS=$?
	tr -d '\r' < "$W/$k.raw" > "$W/$k.out"       # the serial line's "\r\n"
	is "$STATUS" 0 "$t: exit status 0"
	[ "$STATUS" = 0 ] || tail -5 "$W/$k.err" | sed 's/^/# /'
	[ -f "$W/build/cache/kernel-$k/stamp" ] && [ -s "$W/build/cache/kernel-$k/download.log" ]
	ok $? "$t: the $k kernel fetched into the copy's build/cache/kernel-$k/ ($(cut -d' ' -f1 "$W/build/cache/kernel-$k/stamp" 2>/dev/null))"
	grep -q '^=== vdso-boot: end auxv status=0 ===$' "$W/$k.out" &&
		grep -q '^=== vdso-boot: power off status=0 ===$' "$W/$k.out"
	ok $? "$t: /init ran auxv and powered off"
	diag "$t: $(grep -h 'QEMU ended' "$W/$k.err" | sed 's/; log:.*//')"
}

if clean_boot 6.1 "make boot ARCH=x86_64 CMD=auxv" ARCH=x86_64 CMD=auxv; then
	grep -q '^AT_SYSINFO_EHDR: ' "$W/6.1.out"
	ok $? "make boot ARCH=x86_64 CMD=auxv: the kernel's vDSO is there (AT_SYSINFO_EHDR)"
fi

t="make boot ARCH=i386 KERNEL=6.12 APPEND=vdso32=0 CMD=auxv"
if clean_boot 6.12 "$t" ARCH=i386 KERNEL=6.12 APPEND=vdso32=0 CMD=auxv; then
	grep -q 'append: .* vdso32=0 -- boot auxv$' "$W/6.12.err"
	ok $? "$t: vdso32=0 on the kernel's command line"
	! grep -q '^AT_SYSINFO\(_EHDR\)\?: ' "$W/6.12.out" && grep -q '^AT_PAGESZ: ' "$W/6.12.out"
	ok $? "$t: auxv has neither AT_SYSINFO_EHDR nor AT_SYSINFO"
fi

done_testing
