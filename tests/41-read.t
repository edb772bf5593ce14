#!/bin/bash
# tests/41-read.t - `vdso read FILE`: the reader on a file's bytes.
#   - on the dumps of each runner with a vDSO: exactly the symbol lines
#     `vdso syms` printed (natively to the byte; under QEMU, whose image is
#     relocated in place and moves from run to run, as offsets from the
#     image's address);
#   - on either class, by either arch's program, the symbols and version
#     definitions readelf finds, in dumps and in shared objects built here
#     with each hash style, with and without a version script;
#   - on what is no image it can read (missing, a directory, empty, cut
#     short, a pipe over the 64 MiB limit, not ELF, damaged): one line on
#     stderr, exit 1, never a crash;
#   - how it gets the bytes: a regular file of any size is mapped (so a
#     file over 64 MiB is read, and a small one needs no more address
#     space than it has: `ulimit -v`); a FIFO nobody writes to is refused
#     at once, one a process writes to is read as a pipe; a mapped file
#     cut short while it is read gets one line (SIGBUS caught).

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/read
rm -rf "$T"
mkdir -p "$T"
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

# Symbol lines, whitespace folded, values as offsets from BASE where they
# are past it (perl: Debian's awk, mawk, has no strtonum).
fold_syms() {        # BASE < listing
	perl -ane 'BEGIN { $base = hex(shift) } next unless $F[0] =~ /^\d+:$/ && $F[1] =~ /^[0-9a-f]{8,16}$/;
		$v = hex($F[1]); $F[1] = sprintf("+%x", $v - $base) if $base && $v >= $base;
		print "@F\n"' "${1:-0}"
}
sym_lines() { grep -E '^ +[0-9]+: [0-9a-f]{8}|^ +Num: '; }  # the table, as printed
# readelf -V's version definitions, without the offset and the revision.
readelf_verdefs() { readelf -V "$1" | sed -n 's/^  [0-9a-fx]*: Rev: [0-9]*  //p'; }
ours_verdefs() { sed -n 's/^  [0-9a-fx]*: Rev: [0-9]*  //p'; }

# ---------------------------------------------------------------------------
# The dumps: `vdso read` shows the symbols `vdso syms` shows.

DUMPS=
for r in native qemu10; do
	for a in $(arches); do
		L="$r $a"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L read of the dump" "$why"; continue
		fi
		V=$BUILD/$a/vdso D=$T/dump-$r-$a.so
		run_on "$r" "$a" "$V" dump "$D" 2> "$T/err" || { fail "$L dump"; sed 's/^/# /' "$T/err"; continue; }
		base=$(sed -n 's/^dump: [^:]*: [0-9]* bytes from \(0x[0-9a-f]*\).*/\1/p' "$T/err")
		syms=$(run_on "$r" "$a" "$V" syms)
		sbase=$(echo "$syms" | sed -n 's/^image: \(0x[0-9a-f]*\) (AT_SYSINFO_EHDR).*/\1/p')
		run_on "$r" "$a" "$V" read "$D" > "$T/read-$r-$a" 2> "$T/err"
		is "$?:$(cat "$T/err")" "0:" "$L read of the dump: exit 0, nothing on stderr"
		if [ "$r" = native ]; then
			echo "$syms" | sym_lines > "$T/syms-$r-$a"
			sym_lines < "$T/read-$r-$a" > "$T/rsyms-$r-$a"
			[ -s "$T/syms-$r-$a" ]
			ok $? "$L syms: symbols listed"
			diff_ok "$T/rsyms-$r-$a" "$T/syms-$r-$a" "$L read of the dump: exactly the symbol lines vdso syms printed"
			DUMPS="$DUMPS $D"
		else
			echo "$syms" | fold_syms "$sbase" > "$T/syms-$r-$a"
			fold_syms "$base" < "$T/read-$r-$a" > "$T/rsyms-$r-$a"
			diff_ok "$T/rsyms-$r-$a" "$T/syms-$r-$a" "$L read of the dump: the symbol lines vdso syms printed, as offsets from the image"
		fi
		grep -q '^Section headers: .*: sane, within' "$T/read-$r-$a"
		ok $? "$L read of the dump: its section headers are sane"
		is "$(ours_verdefs < "$T/read-$r-$a")" "$(readelf_verdefs "$D")" "$L read of the dump: the version definitions readelf -V finds"
	done
done

# ---------------------------------------------------------------------------
# Fixtures of both classes: each hash style, with and without versions.

cat > "$T/fixture.c" << 'EOF'
int __vdso_clock_gettime(int clock, void *ts) { return clock + (ts != 0); }
int clock_gettime(int, void *) __attribute__((weak, alias("__vdso_clock_gettime")));
long __vdso_time(long *t) { return t ? *t : 0; }
const int vdso_data = 42;
__attribute__((visibility("protected"))) int vdso_protected(void) { return 5; }
static int local_helper(int x) { return x + vdso_data; }
__attribute__((visibility("hidden"))) int hidden_helper(int x) { return local_helper(x); }
extern int vdso_undefined(void);
int call_undefined(void) { return vdso_undefined() + hidden_helper(1); }
#ifdef VERSIONS
int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old, vdso_foo@V_1");
__asm__(".symver foo_new, vdso_foo@@V_2");
#endif
EOF
cat > "$T/fixture.map" << 'EOF'
V_1 { global: vdso_foo; local: *; };
V_2 { global: __vdso_clock_gettime; clock_gettime; __vdso_time; vdso_data;
      vdso_protected; call_undefined; vdso_foo; } V_1;
EOF

FIXTURES= status=0
for bits in 32 64; do
	for hash in sysv gnu both; do
		for ver in v n; do
			f=$T/f$bits-$hash-$ver.so
			flags="-m$bits -O2 -fPIC -nostdlib -shared -Wl,--hash-style=$hash -Wl,-soname,${f##*/}"
			[ $ver = v ] && flags="$flags -DVERSIONS -Wl,--version-script=$T/fixture.map"
			gcc $flags -o "$f" "$T/fixture.c" 2>> "$T/fixtures.log" || status=1
			FIXTURES="$FIXTURES $f"
		done
	done
	# linked away from 0: st_value and p_vaddr are not file offsets
	f=$T/f$bits-high.so
	gcc -m$bits -O2 -fPIC -nostdlib -shared -Wl,-Ttext-segment=0x400000 -DVERSIONS \
		-Wl,--version-script=$T/fixture.map -o "$f" "$T/fixture.c" 2>> "$T/fixtures.log" || status=1
	FIXTURES="$FIXTURES $f"
done
ok $status "build the fixtures: 2 classes x 3 hash styles x versions or not, and linked high"
[ $status = 0 ] || sed 's/^/# /' "$T/fixtures.log" | head -20

hash_line() {        # the hash tables readelf -d finds, as vdso read names them
	local d; d=$(readelf -dW "$1")
	echo "Hash tables:$(echo "$d" | grep -q '(GNU_HASH)' && echo -n ' DT_GNU_HASH')$(echo "$d" | grep -q '(HASH)' && echo -n ' DT_HASH')"
}

# Each arch's program reads every class: the dumps of both and the fixtures.
for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "native $a read of both classes" "$why"; continue
	fi
	V=$BUILD/$a/vdso
	for f in $DUMPS $FIXTURES; do
		n=${f##*/} L="native $a read $n"
		"$V" read "$f" > "$T/out" 2> "$T/err"
		is "$?:$(cat "$T/err")" "0:" "$L: exit 0, nothing on stderr"
		fold_syms 0 < "$T/out" > "$T/ours"
		readelf --dyn-syms -W "$f" | fold_syms 0 > "$T/readelf"
		diff_ok "$T/ours" "$T/readelf" "$L: the symbols of readelf --dyn-syms -W"
		is "$(ours_verdefs < "$T/out")" "$(readelf_verdefs "$f")" "$L: the version definitions of readelf -V"
		is "$(grep '^Hash tables:' "$T/out" | sed 's/;.*//')" "$(hash_line "$f")" "$L: the hash tables of readelf -d"
		grep -q "^ELF header: ELF$(readelf -h "$f" | sed -n 's/ *Class: *ELF//p') " "$T/out"
		ok $? "$L: the class of readelf -h"
	done
done

# And under QEMU 10, each arch reads the other's class too.
if why=$(runner_available qemu10 i386) && [ -n "$DUMPS" ]; then
	for f in $DUMPS; do
		for a in $(arches); do
			run_on qemu10 "$a" "$BUILD/$a/vdso" read "$f" 2> "$T/err" | fold_syms 0 > "$T/ours"
			readelf --dyn-syms -W "$f" | fold_syms 0 > "$T/readelf"
			diff_ok "$T/ours" "$T/readelf" "qemu10 $a read ${f##*/}: the symbols of readelf --dyn-syms -W"
		done
	done
else
	skip "qemu10 read of both classes" "${why:-no native dumps}"
fi

# A library that defines nothing: GNU ld gives its GNU hash table empty
# buckets and symoffset 1, so the table counts 1 symbol where .dynsym
# holds 3 (the two undefined ones are not hashed).  The listing takes the
# section's count, as readelf does, and says in one line that they differ.
cat > "$T/nodef.c" << 'EOF'
extern int undefined_one(void);
extern int undefined_two(void);
__attribute__((visibility("hidden"))) int g(void) { return undefined_one() + undefined_two(); }
EOF
for bits in 32 64; do
	f=$T/nodef$bits.so
	gcc -m$bits -O2 -fPIC -nostdlib -shared -Wl,--hash-style=gnu -o "$f" "$T/nodef.c" 2>> "$T/fixtures.log" ||
		{ fail "build nodef$bits.so"; continue; }
	for a in $(arches); do
		why=$(runner_available native "$a") || { skip "native $a read nodef$bits.so" "$why"; continue; }
		"$BUILD/$a/vdso" read "$f" > "$T/out" 2> "$T/err"
		is "$?:$(cat "$T/err")" "0:" "native $a read nodef$bits.so: exit 0"
		fold_syms 0 < "$T/out" > "$T/ours"
		readelf --dyn-syms -W "$f" | fold_syms 0 > "$T/readelf"
		diff_ok "$T/ours" "$T/readelf" "native $a read nodef$bits.so: all 3 symbols of .dynsym, as readelf"
		is "$(grep -c '^  the hash tables count 1, the .dynsym section 3' "$T/out")" 1 \
			"native $a read nodef$bits.so: one line says the hash table and the section disagree"
	done
done

# ---------------------------------------------------------------------------
# What it cannot read: one line on stderr, exit 1, no crash.

refused() {          # ARCH FILE LABEL [WANT-LINE]: exit 1, one line (that one)
	local a=$1 f=$2 L="native $1 read: $3" status
	"$BUILD/$a/vdso" read "$f" > /dev/null 2> "$T/err" < /dev/null; status=$?
	is "$status" 1 "$L: exit 1"
	if [ -n "${4:-}" ]; then
		is "$(cat "$T/err")" "$4" "$L: one line says why"
	else
		is "$(wc -l < "$T/err"):$(grep -c "^vdso: read: $f: ." "$T/err")" "1:1" "$L: one line says why ($(cat "$T/err"))"
	fi
}

E=$T/errors
mkdir -p "$E/adir"
: > "$E/empty"
echo "hello, not an ELF file" > "$E/text"
truncate -s 65M "$E/big"
truncate -s 64M "$E/limit"
for a in $(arches); do
	if ! why=$(runner_available native "$a"); then
		skip "native $a read errors" "$why"; continue
	fi
	refused $a "$E/missing" "a missing file" "vdso: read: $E/missing: ENOENT (No such file or directory)"
	refused $a "$E/adir" "a directory" "vdso: read: $E/adir: EISDIR (Is a directory)"
	refused $a "$E/empty" "an empty file" "vdso: read: $E/empty: the file is empty"
	head -c 65M /dev/zero | "$BUILD/$a/vdso" read - > /dev/null 2> "$T/err"
	is "$?:$(cat "$T/err")" "1:vdso: read: -: EFBIG (File too large: over the 64 MiB limit of a pipe)" \
		"native $a read - from a pipe of 65 MiB: over the limit of a pipe, one line"
	refused $a "$E/text" "a text file"
	refused $a "$BUILD/$a/hello" "an executable (ET_EXEC)"
	"$BUILD/$a/vdso" read a b 2> /dev/null
	is $? 2 "native $a read a b: a usage error"
	"$BUILD/$a/vdso" read 2> /dev/null
	is $? 2 "native $a read: a usage error"
done
if why=$(runner_available native x86_64); then
	# Files are mapped, whatever their size: read, and refused for what
	# they hold.
	refused x86_64 "$E/limit" "exactly 64 MiB of zeros"
	refused x86_64 "$E/big" "65 MiB of zeros (sparse)"
else
	skip "native x86_64 read of files of 64 and 65 MiB" "$why"
fi

# Dumps cut short, anywhere before the end of the section header table.
[ -n "$DUMPS" ] || skip "read of dumps cut short, and damaged" "no native dumps (above)"
for D in $DUMPS; do
	shend=$(readelf -hW "$D" | awk '/Start of section headers/ { o = $5 }
		/Size of section headers/ { s = $5 } /Number of section headers/ { n = $5 }
		END { print o + s * n }')
	for a in $(arches); do
		if ! why=$(runner_available native "$a"); then
			skip "native $a read ${D##*/} cut short" "$why"; continue
		fi
		bad=0 cuts=
		for n in 1 4 16 51 52 63 64 100 300 700 1000 2000 3000 $((shend - 100)) $((shend - 1)); do
			head -c "$n" "$D" > "$E/cut"
			"$BUILD/$a/vdso" read "$E/cut" > /dev/null 2> "$T/err"; status=$?
			lines=$(wc -l < "$T/err")
			if [ "$status" != 1 ] || [ "$lines" != 1 ] || ! grep -q "^vdso: read: $E/cut: ." "$T/err"; then
				bad=$((bad + 1)); diag "cut at $n: status $status, stderr: $(cat "$T/err")"
			fi
			cuts="$cuts $n"
		done
		ok $bad "native $a read ${D##*/} cut at$cuts bytes: one line each, exit 1"
	done
done

# Damaged dumps: bytes overwritten at random (a fixed seed).  Whatever the
# reader makes of them, the program ends by itself: 0, or 1 with one line.
for D in $DUMPS; do
	for a in $(arches); do
		if ! why=$(runner_available native "$a"); then
			skip "native $a read ${D##*/} damaged 40 ways" "$why"; continue
		fi
		bad=0
		for seed in $(seq 1 40); do
			perl -e 'srand(shift); local $/; my $b = <STDIN>;
				for my $i (0 .. int(rand(8))) { substr($b, int(rand(0x600)), 1) = chr(int(rand(256))) }
				print $b' "$seed" < "$D" > "$E/damaged"
			"$BUILD/$a/vdso" read "$E/damaged" > /dev/null 2> "$T/err"; status=$?
			lines=$(wc -l < "$T/err")
			case $status:$lines in
			0:0|1:1) ;;
			*) bad=$((bad + 1)); diag "seed $seed: status $status, $lines lines on stderr" ;;
			esac
		done
		ok $bad "native $a read ${D##*/} damaged 40 ways: never a crash, one line when refused"
	done
done

# ---------------------------------------------------------------------------
# How the bytes are had: a regular file mapped, a pipe read.

read -r F _ <<< "$FIXTURES"
# A fixture with 70 MiB of zeros after it (sparse): over the old 64 MiB
# buffer, and read as the fixture is.
cp "$F" "$E/huge.so"
truncate -s 70M "$E/huge.so"
for a in $(arches); do
	why=$(runner_available native "$a") || { skip "native $a read of big and small files" "$why"; continue; }
	V=$BUILD/$a/vdso
	"$V" read "$E/huge.so" > "$T/out" 2> "$T/err"
	is "$?:$(cat "$T/err")" "0:" "native $a read of a shared object of 70 MiB: mapped, read"
	readelf --dyn-syms -W "$E/huge.so" | fold_syms 0 > "$T/readelf"
	fold_syms 0 < "$T/out" > "$T/ours"
	diff_ok "$T/ours" "$T/readelf" "native $a read of a shared object of 70 MiB: the symbols of readelf"
	# No more address space than the file needs: under a limit of
	# 65000 KiB a small file reads (64 MiB + 1 reserved per file failed,
	# ENOMEM).
	(ulimit -v 65000; exec "$V" read "$F") > "$T/out" 2> "$T/err"
	is "$?:$(cat "$T/err")" "0:" "native $a read ${F##*/} under ulimit -v 65000: read"
	grep -q "^file: $F, [0-9]* bytes, mapped read-only" "$T/out"
	ok $? "native $a read ${F##*/}: says the file is mapped read-only"
	# From a pipe, it is read into memory that grows as it fills.
	"$V" read - < "$F" > /dev/null 2> "$T/err"
	is "$?:$(cat "$T/err")" "0:" "native $a read - < ${F##*/}: read"
	cat "$F" | (ulimit -v 65000; exec "$V" read -) > "$T/out" 2> "$T/err"
	is "$?:$(cat "$T/err")" "0:" "native $a read - from a pipe under ulimit -v 65000: read"
	grep -q "^file: -, [0-9]* bytes, read$" "$T/out"
	ok $? "native $a read - from a pipe: says it was read"

	# A FIFO: nobody writes to it, so the command does not wait for a
	# writer (it blocked, before); with a writer, it is read as a pipe.
	rm -f "$E/fifo"
	mkfifo "$E/fifo"
	timeout 10 "$V" read "$E/fifo" > /dev/null 2> "$T/err"
	is "$?:$(cat "$T/err")" "1:vdso: read: $E/fifo: ENODATA (nothing to read: no process writes to it)" \
		"native $a read of a FIFO no process writes to: one line at once, exit 1"
	# The writer: this shell, through fd 7 (O_RDWR does not wait for a
	# reader, fifo(7)); the bytes wait in the pipe until the command,
	# once it holds the FIFO open (seen in /proc), is given the end.
	exec 7<> "$E/fifo"
	cat "$F" >&7
	"$V" read "$E/fifo" > "$T/out" 2> "$T/err" 7>&- &
	pid=$!
	# (the program itself, after exec: the shell's child holds fd 7 until then)
	for i in $(seq 400); do
		[ "$(readlink /proc/$pid/exe)" = "$(readlink -f "$V")" ] &&
			ls -l /proc/$pid/fd 2> /dev/null | grep -q -- "-> $E/fifo" && break
		sleep 0.05
	done
	exec 7>&-
	wait $pid
	status=$?
	is "$status:$(cat "$T/err")" "0:" "native $a read of a FIFO a process writes to: read as a pipe"
	fold_syms 0 < "$T/out" > "$T/ours"
	readelf --dyn-syms -W "$F" | fold_syms 0 > "$T/readelf"
	diff_ok "$T/ours" "$T/readelf" "native $a read of a FIFO: the symbols of readelf"
done

# A mapped file that shrinks while it is read: the pages past its new end
# raise SIGBUS (mmap(2)); the command says so in one line.  The listing
# waits on a full pipe while the file is cut (the reader has it mapped
# once the first bytes come out).
B=$T/shrinks.so
for a in $(arches); do
	why=$(runner_available native "$a") || { skip "native $a read of a file that shrinks" "$why"; continue; }
	python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import make_hostile as m
open(sys.argv[2], "wb").write(m.synthetic(200000, 2, 8, 2, "short"))' "$TOP/tests/fuzz" "$B"
	{ "$BUILD/$a/vdso" read "$B" 2> "$T/err"; echo $? > "$T/rc"; } |
		{ head -c 1 > /dev/null; truncate -s 4096 "$B"; cat > /dev/null; }
	is "$(cat "$T/rc"):$(cat "$T/err")" "1:vdso: read: $B: SIGBUS (the file shrank while it was read)" \
		"native $a read of a mapped file cut short while read: one line, exit 1"
done

# Standard input: "-".
if ! why=$(runner_available native x86_64); then
	skip "native x86_64 read - < a dump" "$why"
elif [ -z "$DUMPS" ]; then
	skip "native x86_64 read - < a dump" "no native dumps (above)"
else
	read -r D _ <<< "$DUMPS"
	"$BUILD/x86_64/vdso" read - < "$D" | sed 1d > "$T/stdin"
	"$BUILD/x86_64/vdso" read "$D" | sed 1d > "$T/file"
	diff_ok "$T/stdin" "$T/file" "read - < ${D##*/}: the same as read ${D##*/}"
fi

done_testing
