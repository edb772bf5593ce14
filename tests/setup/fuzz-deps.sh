#!/bin/bash
# tests/setup/fuzz-deps.sh - what `make fuzz` needs beyond tests/setup/deps.sh:
# clang's libFuzzer runtime, and the 32-bit C++ library it links with for
# the i386 build.  Installed only if missing; as non-root it only reports.

set -u
need=()
want() {        # want FILE PACKAGE
	[ -e "$1" ] || need+=("$2")
}

want /usr/bin/clang clang
want "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2> /dev/null || echo /nonexistent)" libclang-rt-14-dev
want /usr/lib/gcc/x86_64-linux-gnu/12/32/libstdc++.so lib32stdc++-12-dev     # clang -m32 -fsanitize=fuzzer
want /usr/lib32/libc.so gcc-multilib

[ ${#need[@]} -eq 0 ] && exit 0
echo "fuzz-deps: installing ${need[*]}" >&2
if [ "$(id -u)" != 0 ]; then
	echo "fuzz-deps: not root: install these by hand: ${need[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q > /dev/null || echo "fuzz-deps: apt-get update failed" >&2
apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null ||
	{ echo "fuzz-deps: apt-get install ${need[*]} failed" >&2; exit 1; }
