#!/bin/bash
# tests/42-read-parity.t - `vdso read` at readelf parity on the shared
# objects of this machine.
#
# tests/oracle/read_parity.py, run once, finds every shared object (ELF,
# ET_DYN, ".so" in its name; each file once, by inode) under /usr/lib and
# /lib, and under /usr/lib32 and /usr/libx32, where multilib Debian keeps
# the 32-bit libraries that /usr/lib links to; both builds of `vdso read`
# (x86_64 and i386, natively) read each one, and their symbols, version
# sections and dynamic tables are compared with readelf's (--dyn-syms,
# -V, -d).  Only the display quirks the listing keeps on purpose are
# normalised: sizes in decimal, UNIQUE, names cut at 1 KiB (see the
# script).  Each file that differs is named, with its first difference.
#
# With more than READ_PARITY_MAX files of a class (default 2000, to stay
# within a minute on a loaded 2-core machine), a fixed sample: every k-th
# in path order.  READ_PARITY_MAX=100000 checks them all.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/parity
rm -rf "$T"
mkdir -p "$T"
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

for tool in readelf python3; do
	if ! command -v $tool > /dev/null; then
		skip "vdso read against readelf" "$tool is not installed"
		done_testing
		exit
	fi
done

PROGS=
for a in $(arches); do
	if why=$(runner_available native "$a"); then
		PROGS="$PROGS $BUILD/$a/vdso"
	else
		skip "native $a read of the machine's shared objects" "$why"
	fi
done
ROOTS=
for d in /usr/lib /lib /usr/lib32 /usr/libx32; do
	[ -d "$d" ] && ROOTS="$ROOTS $d"
done

start=$(date +%s)
python3 "$TOP/tests/oracle/read_parity.py" --max "${READ_PARITY_MAX:-2000}" --log "$T/log" \
	$PROGS -- $ROOTS > "$T/out" 2> "$T/err"
ok $? "read_parity.py ran: $(cat "$T/log" 2>/dev/null) ($(($(date +%s) - start)) s in all)" ||
	sed 's/^/# /' "$T/err" | tail -10

for bits in 32 64; do
	read -r _ _ found checked <<< "$(grep "^FOUND $bits " "$T/out")"
	diag "$bits-bit shared objects under$ROOTS: ${found:-0} found, ${checked:-0} checked"
	for p in $PROGS; do
		a=$(basename "$(dirname "$p")")
		read -r _ _ _ compared differ <<< "$(grep "^RESULT $p $bits " "$T/out")"
		if [ -z "${compared:-}" ]; then
			skip "native $a read of the $bits-bit shared objects" "none found here"
			continue
		fi
		is "$differ" 0 "native $a read of $compared $bits-bit shared objects (of ${found:-?}): symbols, versions and dynamic tables as readelf's"
		# each file that differs, with its first difference (the first 40)
		grep "^DIFF $p $bits " "$T/out" | cut -d' ' -f4- | head -40 | sed 's/^/# /'
	done
done

# Big-endian images: the reader reads either byte order (elf/bounded.h).
# The fixture of tests/20-reader.t (versions, hidden and NOTYPE symbols),
# built by clang for big-endian targets of both classes with each hash
# style: PowerPC and PowerPC64 and AArch64 (big-endian) linked by lld,
# s390x by its binutils (its SysV hash entries are 8 bytes).  Each must
# read as readelf reads it.
B=$T/big-endian
mkdir -p "$B"
built=0 tried=0
for target in powerpc-linux-gnu powerpc64-linux-gnu aarch64_be-linux-gnu s390x-linux-gnu; do
	ld=-fuse-ld=lld
	if [ $target = s390x-linux-gnu ]; then
		ld=
		command -v s390x-linux-gnu-ld > /dev/null ||
			{ skip "$target fixtures" "s390x-linux-gnu-ld is not installed (binutils-s390x-linux-gnu)"; continue; }
	elif ! command -v ld.lld > /dev/null; then
		skip "$target fixtures" "ld.lld is not installed (lld)"
		continue
	fi
	for hash in sysv gnu both; do
		tried=$((tried + 1))
		clang --target=$target -O2 -fPIC -shared -nostdlib $ld -Wl,--hash-style=$hash \
			-DWITH_VERSIONS -DWITH_UNDEF -Wl,--version-script="$TOP/tests/reader/fixture.map" \
			-Wl,-soname,$target-$hash.so -o "$B/$target-$hash.so" "$TOP/tests/reader/fixture.c" \
			>> "$B/build.log" 2>&1 && built=$((built + 1))
	done
done
[ $built = $tried ] && [ $built -gt 0 ]
ok $? "big-endian fixtures built: $built of $tried" || sed 's/^/# /' "$B/build.log" | tail -5
python3 "$TOP/tests/oracle/read_parity.py" --big-endian $PROGS -- "$B" > "$B/out" 2> "$B/err"
for bits in 32 64; do
	read -r _ _ found _ <<< "$(grep "^FOUND $bits " "$B/out")"
	for p in $PROGS; do
		a=$(basename "$(dirname "$p")")
		read -r _ _ _ compared differ <<< "$(grep "^RESULT $p $bits " "$B/out")"
		[ "${compared:-0}" -gt 0 ] && [ "${compared:-0}" = "${found:-x}" ] && [ "$differ" = 0 ]
		ok $? "native $a read of ${compared:-0} big-endian $bits-bit fixtures (of ${found:-0}): symbols, versions and dynamic tables as readelf's"
		grep "^DIFF $p $bits " "$B/out" | cut -d' ' -f4- | head -20 | sed 's/^/# /'
	done
done

done_testing
