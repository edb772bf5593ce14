#!/bin/bash
# tests/40-dump.t - `vdso dump`: the live image as a file, whole or not at
# all.  On each runner that has a vDSO, the dump must be what readelf and
# objdump accept without a warning and list the symbols `vdso syms` lists;
# natively it must equal, byte for byte, the image a libc program of our
# own reads through /proc/self/mem (every process's vDSO is the same
# bytes).  Under qemu-user 7.2 there is no vDSO: one line, exit 1, no file.
# Then the failures: a full device, a full or read-only file system, a
# missing directory, a directory: one line each, exit 1, nothing left.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/dump
rm -rf "$T"
mkdir -p "$T"
umask 022
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

# The usual method, with libc: find [vdso] in /proc/self/maps and read
# its bytes through /proc/self/mem.  It shares nothing with our code.
cat > "$T/procmem.c" << 'EOF'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	FILE *maps = fopen("/proc/self/maps", "r"), *out;
	unsigned long start = 0, end = 0;
	char line[4096], *buf;
	int fd;

	while (maps && fgets(line, sizeof line, maps))
		if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &start, &end) == 2)
			break;
	if (argc != 2 || end <= start || (fd = open("/proc/self/mem", O_RDONLY)) < 0)
		return 1;
	buf = malloc(end - start);
	if (!buf || pread(fd, buf, end - start, start) != (ssize_t)(end - start))
		return 1;
	out = fopen(argv[1], "wb");
	return !out || fwrite(buf, 1, end - start, out) != end - start || fclose(out);
}
EOF
for m in 64 32; do
	gcc -m$m -O2 -D_FILE_OFFSET_BITS=64 -o "$T/procmem-$m" "$T/procmem.c" 2> "$T/procmem-$m.log"
	ok $? "build the /proc/self/mem helper (-m$m)" || sed 's/^/# /' "$T/procmem-$m.log"
done

# Whitespace-folded symbol lines, values as offsets from BASE (QEMU's
# image is relocated in place, and lands elsewhere on each run).  In perl:
# Debian's awk (mawk) has no strtonum.
fold_syms() {        # BASE < listing
	perl -ane 'BEGIN { $base = hex(shift) } next unless $F[0] =~ /^\d+:$/;
		$v = hex($F[1]); $F[1] = sprintf("+%x", $v - $base) if $base && $v >= $base;
		print "@F\n"' "$1"
}

# No file left but the ones named, and no temporary (".NAME.PID.tmp").
leftovers() {        # DIR NAME...: the other files in DIR
	local d=$1; shift
	ls -A "$d" | grep -vxF -f <(printf '%s\n' "$@" err out) | tr '\n' ' '
}

# One line on stderr, exactly; exit 1; and nothing else in the directory.
fails_with() {       # LABEL STATUS ERRFILE WANT-LINE
	is "$2" 1 "$1: exit 1"
	is "$(cat "$3")" "$4" "$1: one line says why"
}

check_no_vdso() {    # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2 V=$BUILD/$2/vdso status
	(cd "$W" && run_on "$r" "$a" "$V" dump) 2> "$W/err"; status=$?
	fails_with "$L dump" $status "$W/err" "vdso: dump: no vDSO (the auxiliary vector has no AT_SYSINFO_EHDR)"
	(cd "$W" && run_on "$r" "$a" "$V" dump --proc x.so) 2> "$W/err"; status=$?
	fails_with "$L dump --proc" $status "$W/err" "vdso: dump --proc: no vDSO (no [vdso] line in /proc/self/maps)"
	run_on "$r" "$a" "$V" dump --check > /dev/null 2> "$W/err"
	is $? 1 "$L dump --check: exit 1 without a vDSO"
	is "$(leftovers "$W")" "" "$L: no file and no temporary left"
}

check_dump() {       # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2 V=$BUILD/$2/vdso status name size base
	local soname=linux-vdso.so.1 m=64
	[ "$a" = i386 ] && soname=linux-gate.so.1 m=32

	(cd "$W" && run_on "$r" "$a" "$V" dump) > "$W/out" 2> "$W/err"; status=$?
	is $status 0 "$L dump: exit 0"
	name=$(sed -n 's/^dump: \([^:]*\): [0-9]* bytes from 0x[0-9a-f]* (AT_SYSINFO_EHDR.*/\1/p' "$W/err")
	size=$(sed -n 's/^dump: [^:]*: \([0-9]*\) bytes from.*/\1/p' "$W/err")
	base=$(sed -n 's/^dump: [^:]*: [0-9]* bytes from \(0x[0-9a-f]*\).*/\1/p' "$W/err")
	is "$name" "$soname" "$L dump: named by its DT_SONAME, says what it wrote on stderr"
	is "$(wc -l < "$W/err") $(wc -c < "$W/out")" "1 0" "$L dump: one line on stderr, nothing on stdout"
	local D=$W/$soname
	[ -f "$D" ] || { fail "$L dump: $soname written"; return; }
	is "$(stat -c '%s %a' "$D")" "$size 644" "$L dump: $size bytes, as it said, mode 0644"
	is "$((size % 4096))" 0 "$L dump: whole pages"
	is "$(leftovers "$W" "$soname")" "" "$L dump: no temporary left"
	diag "$L: dumped $size bytes from $base"

	# The tools accept it without a word.
	readelf -a -W "$D" > "$W/readelf" 2> "$W/readelf.err"
	is "$?:$(cat "$W/readelf.err")" "0:" "$L readelf -a -W: no warnings"
	objdump -d "$D" > "$W/objdump" 2> "$W/objdump.err"
	is "$?:$(cat "$W/objdump.err")" "0:" "$L objdump -d: no warnings"
	grep -q '^Disassembly of section .text:' "$W/objdump"
	ok $? "$L objdump -d: disassembles .text"

	# readelf's symbols are the ones `vdso syms` shows (another run).
	local syms sbase
	syms=$(run_on "$r" "$a" "$V" syms) || fail "$L syms runs"
	sbase=$(echo "$syms" | sed -n 's/^image: \(0x[0-9a-f]*\) (AT_SYSINFO_EHDR).*/\1/p')
	is "$(echo "$syms" | sed -n 's/.* (AT_SYSINFO_EHDR), \([0-9]*\) bytes.*/\1/p')" "$size" \
		"$L dump: the size vdso syms reports"
	echo "$syms" | fold_syms "$sbase" > "$W/syms.folded"
	readelf --dyn-syms -W "$D" | fold_syms "$base" > "$W/readelf.folded"
	[ -s "$W/syms.folded" ]
	ok $? "$L syms: symbols listed"
	diff_ok "$W/readelf.folded" "$W/syms.folded" "$L readelf --dyn-syms -W of the dump: the symbols vdso syms lists"

	# To standard output: the same bytes natively, the same size under
	# QEMU (whose image differs from run to run by its relocation).
	run_on "$r" "$a" "$V" dump - > "$W/stdout.so" 2> "$W/err"
	is "$?:$(sed -n 's/^dump: \(standard output\): .*/\1/p' "$W/err")" "0:standard output" "$L dump -: exit 0, says so on stderr"
	if [ "$r" = native ]; then
		cmp -s "$W/stdout.so" "$D"
		ok $? "$L dump -: the same bytes"
	else
		is "$(stat -c %s "$W/stdout.so")" "$size" "$L dump -: the same size"
	fi

	# The /proc way, ours, and the check of one way against the other.
	run_on "$r" "$a" "$V" dump --proc "$W/proc.so" 2> "$W/err"
	is "$?:$(stat -c %s "$W/proc.so" 2>&1)" "0:$size" "$L dump --proc: $size bytes too"
	run_on "$r" "$a" "$V" dump --check > "$W/check" 2> "$W/err"; status=$?
	is "$status:$(tail -n 1 "$W/check")" "0:check: ok" "$L dump --check: headers and /proc agree"
	[ $status = 0 ] || sed 's/^/# /' "$W/check" "$W/err"
	if [ "$r" = native ]; then
		diag "$L --check: $(grep -E '^(size|bytes):' "$W/check" | tr -s ' ' | tr '\n' ' ')"
		cmp -s "$W/proc.so" "$D"
		ok $? "$L dump --proc: the same bytes as dump"
		"$T/procmem-$m" "$W/helper.so"
		cmp -s "$W/helper.so" "$D"
		ok $? "$L dump: the same bytes as a libc program reads through /proc/self/mem"
	fi
	rm -f "$W/stdout.so" "$W/proc.so" "$W/helper.so"
}

# The ways a dump can fail; each leaves no file and no temporary.
check_failures() {   # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2/fail V=$BUILD/$2/vdso status cmd
	mkdir -p "$W"
	cmd=$(runner_cmd "$r" "$a")

	run_on "$r" "$a" "$V" dump - > /dev/full 2> "$W/err"; status=$?
	fails_with "$L dump - > /dev/full" $status "$W/err" \
		"vdso: dump: standard output: ENOSPC (No space left on device)"

	run_on "$r" "$a" "$V" dump "$W/nodir/x.so" 2> "$W/err"; status=$?
	fails_with "$L dump to a missing directory" $status "$W/err" \
		"vdso: dump: $W/nodir/x.so: ENOENT (No such file or directory)"
	[ ! -e "$W/nodir" ]
	ok $? "$L dump to a missing directory: creates none"

	mkdir -p "$W/adir"
	for target in "$W/adir" "$W/adir/"; do
		run_on "$r" "$a" "$V" dump "$target" 2> "$W/err"; status=$?
		fails_with "$L dump to a directory ($target)" $status "$W/err" \
			"vdso: dump: $target: EISDIR (Is a directory)"
	done
	is "$(ls -A "$W/adir")" "" "$L dump to a directory: writes nothing into it"

	# An old file is replaced whole: a new inode, renamed over it.
	echo old > "$W/old.so"
	local inode; inode=$(stat -c %i "$W/old.so")
	run_on "$r" "$a" "$V" dump "$W/old.so" 2> "$W/err"
	is "$?:$(head -c 4 "$W/old.so" | od -An -c | tr -d ' ')" "0:177ELF" "$L dump over an old file: replaced"
	[ "$(stat -c %i "$W/old.so")" != "$inode" ]
	ok $? "$L dump over an old file: by a rename (a new inode)"

	# Through a symbolic link: the file it names is replaced, not the link.
	ln -sfn old.so "$W/link.so"
	run_on "$r" "$a" "$V" dump "$W/link.so" 2> "$W/err"
	is "$?:$(readlink "$W/link.so"):$(stat -c %s "$W/old.so")" "0:old.so:$(stat -c %s "$T/$r-$a/"linux-*.so.1)" \
		"$L dump through a link: writes the file it names, the link stays"
	rm -f "$W/link.so"

	run_on "$r" "$a" "$V" dump a b 2> /dev/null
	is $? 2 "$L dump a b: a usage error"
	run_on "$r" "$a" "$V" dump --nonsense 2> /dev/null
	is $? 2 "$L dump --nonsense: a usage error"
	run_on "$r" "$a" "$V" dump --check x.so 2> /dev/null
	is $? 2 "$L dump --check x.so: a usage error"

	# Full and read-only file systems: a tmpfs of our own, in a private
	# mount namespace, so that nothing stays mounted whatever happens.
	if [ "$(id -u)" != 0 ]; then
		skip "$L dump to a full file system" "not root: cannot mount a tmpfs"
		skip "$L dump to a read-only file system" "not root: cannot mount a tmpfs"
	elif ! unshare -m true 2> /dev/null; then
		skip "$L dump to a full file system" "unshare -m fails: no private mount namespace"
		skip "$L dump to a read-only file system" "unshare -m fails: no private mount namespace"
	else
		local M=$W/mnt out
		mkdir -p "$M"
		# 4 KiB, holding an old x.so and a filler that takes the rest.
		out=$(unshare -m --propagation private bash -c '
			M=$1 err=$2; shift 2
			mount -t tmpfs -o size=4k vdso-test "$M" || exit 125
			printf old > "$M/x.so"
			dd if=/dev/zero of="$M/fill" bs=1k count=8 2> /dev/null
			timeout 20 "$@" dump "$M/x.so" 2> "$err"
			echo "status=$? files=$(ls -A "$M" | tr "\n" " ")x.so=$(cat "$M/x.so")"
		' bash "$M" "$W/err" $cmd "$V")
		is "$out" "status=1 files=fill x.so x.so=old" "$L dump to a full file system: exit 1, the old file as it was, no temporary"
		is "$(cat "$W/err")" "vdso: dump: $M/x.so: ENOSPC (No space left on device)" \
			"$L dump to a full file system: one line says why"
		out=$(unshare -m --propagation private bash -c '
			M=$1 err=$2; shift 2
			mount -t tmpfs -o ro vdso-test "$M" || exit 125
			timeout 20 "$@" dump "$M/x.so" 2> "$err"
			echo "status=$? files=$(ls -A "$M" | tr "\n" " ")"
		' bash "$M" "$W/err" $cmd "$V")
		is "$out" "status=1 files=" "$L dump to a read-only file system: exit 1, nothing written"
		is "$(cat "$W/err")" "vdso: dump: $M/x.so: EROFS (Read-only file system)" \
			"$L dump to a read-only file system: one line says why"
		rmdir "$M"
		# No /proc (an empty tmpfs over it): --proc says so; the
		# header way needs none.  Natively only: QEMU itself reads /proc.
		if [ "$r" = native ]; then
			out=$(cd "$W" && unshare -m --propagation private bash -c '
				mount -t tmpfs vdso-test /proc || exit 125
				timeout 20 "$@" dump --proc x.so 2> err; echo "proc=$?"
				timeout 20 "$@" dump y.so 2> /dev/null; echo "headers=$?"
			' bash $cmd "$V" | tr '\n' ' ')
			is "$out" "proc=1 headers=0 " "$L without /proc: dump --proc fails, dump does not"
			is "$(cat "$W/err")" "vdso: dump --proc: no /proc: /proc/self/maps: ENOENT (No such file or directory)" \
				"$L without /proc: dump --proc says so"
			is "$(stat -c %s "$W/y.so" 2>&1)" "$(stat -c %s "$T/$r-$a/"linux-*.so.1)" "$L without /proc: dump writes the image"
			rm -f "$W/y.so"
		fi
	fi
	is "$(leftovers "$W" adir old.so)" "" "$L failures: no file and no temporary left behind"
}

for r in $(all_runners); do
	for a in $(arches); do
		L="$r $a"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L dump tests" "$why"; continue
		fi
		mkdir -p "$T/$r-$a"
		if [ "$r" = qemu7 ]; then
			check_no_vdso "$r" "$a"
		else
			check_dump "$r" "$a"
			check_failures "$r" "$a"
		fi
	done
done

done_testing
