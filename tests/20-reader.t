#!/bin/bash
# tests/20-reader.t - the ELF reader (elf/) against readelf.
#
# The reader must build freestanding for both arches with gcc and clang,
# calling nothing outside elf/.  Then a hosted harness (tests/reader/
# harness.c, with AddressSanitizer and UBSan where they work) reads:
#
#   fixtures     shared objects built here from tests/reader/fixture.c, in
#                both classes, with SysV, GNU and both hash tables, with and
#                without symbol versions, in the default layout and shaped
#                like a vDSO (tests/reader/vdso.lds);
#   relocated    copies relocated in place as glibc relocates a library's
#                dynamic table, and as QEMU relocates its vDSO; and an image
#                loaded by glibc's dlopen, read where it was mapped;
#   corrupted    copies broken one way each: the reader must refuse them
#                with the right error, without a crash or a sanitizer report;
#   live         this process's own vDSO, and a dump of it.
#
# The 64-bit harness runs natively, the 32-bit one natively too where the
# machine runs i386 programs, else under qemu-i386; each reads both
# classes.  Symbol
# listings, lookups and version definitions are compared with what
# tests/reader/oracle.pl derives from readelf's output.

. "$(dirname "$0")/tap.sh"
. "$TOP/tests/runners.sh"

D=$BUILD/test/reader
SRC=$TOP/tests/reader
ORACLE="perl $SRC/oracle.pl"
rm -rf "$D"
mkdir -p "$D"

for tool in gcc readelf perl; do
	if ! command -v $tool > /dev/null; then
		skip "the reader's tests" "$tool is not installed"
		done_testing
		exit
	fi
done

# ---------------------------------------------------------------------------
# The reader builds freestanding and needs nothing from outside elf/.

FREE="-std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -nostdlib -nostdinc -fno-pie"
for cc in gcc clang; do
	if ! command -v $cc > /dev/null; then
		skip "elf/ builds freestanding with $cc" "$cc is not installed"
		continue
	fi
	include=$($cc -print-file-name=include)   # (asked once: clang takes 0.5 s)
	for m in -m32 -m64; do
		o=$D/free$m-$cc
		mkdir -p "$o"
		status=0
		for c in "$TOP"/elf/*.c; do
			b=${c##*/}
			$cc $m $FREE -isystem "$include" \
				-c "$c" -o "$o/${b%.c}.o" 2>> "$o/log" || status=1
		done
		ok $status "elf/*.c build freestanding: $cc $m -Wall -Wextra -Werror"
		[ $status = 0 ] || sed 's/^/# /' "$o/log" | head -20
		emu=elf_x86_64
		[ $m = -m32 ] && emu=elf_i386
		undefined=$(ld -m $emu -r "$o"/*.o -o "$o/all.o" 2>&1 && nm -u "$o/all.o")
		is "$undefined" "" "elf/ calls nothing outside itself ($cc $m: no memcpy, no libgcc)"
	done
done

# ---------------------------------------------------------------------------
# The harness, in both classes.

export ASAN_OPTIONS=detect_leaks=0:exitcode=86
export UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1
HFLAGS="-std=c11 -Wall -Wextra -Werror -g -O1 -I$TOP"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"

build_harness() {       # build_harness OUT FLAGS...
	local out=$1
	shift
	gcc $HFLAGS "$@" -o "$out" "$SRC/harness.c" "$TOP"/elf/*.c -ldl 2> "$out.log"
}

# The sanitizers are promised: a build without them is a failure, and the
# cases below run on that build all the same.
if build_harness "$D/harness64" $SAN; then
	pass "harness builds (x86_64, with $SAN)"
else
	fail "harness builds (x86_64, with $SAN)"
	sed 's/^/# /' "$D/harness64.log" | head -10
	if build_harness "$D/harness64"; then
		pass "harness builds (x86_64, without sanitizers), for the cases below"
	else
		fail "harness builds (x86_64)"
		sed 's/^/# /' "$D/harness64.log" | head -20
		done_testing
		exit
	fi
fi

# The i386 harness runs natively where this machine runs i386 programs,
# else under qemu-i386, where AddressSanitizer's shadow memory does not
# work; UBSan alone does either way.
# (ASan and UBSan natively, UBSan alone under QEMU: the promise; a build
# without them is a failure, and the cases below run on it all the same)
H32=
RUN32=qemu-i386 WHERE32="under qemu-i386" SAN32="-fsanitize=undefined -fno-sanitize-recover=all"
runner_available native i386 > /dev/null && RUN32= WHERE32=natively SAN32=$SAN
if [ -n "$RUN32" ] && ! command -v qemu-i386 > /dev/null; then
	skip "harness builds (i386)" "no native i386 and qemu-i386 is not installed"
elif build_harness "$D/harness32" -m32 $SAN32 &&
     $RUN32 "$D/harness32" extent /dev/null > /dev/null 2>&1; then
	H32=yes
	pass "harness builds (i386, with $SAN32) and runs $WHERE32"
else
	fail "harness builds (i386, with $SAN32) and runs $WHERE32"
	sed 's/^/# /' "$D/harness32.log" | head -10
	if build_harness "$D/harness32" -m32 &&
	   $RUN32 "$D/harness32" extent /dev/null > /dev/null 2>&1; then
		H32=yes
		pass "harness builds (i386, without sanitizers) and runs $WHERE32, for the cases below"
	else
		fail "harness builds (i386) and runs $WHERE32"
		sed 's/^/# /' "$D/harness32.log" | head -20
	fi
fi

HARNESSES="64"
[ -n "$H32" ] && HARNESSES="64 32"

# h BITS ARGS...: run the harness of that class.
h() {
	local bits=$1
	shift
	if [ "$bits" = 64 ]; then
		"$D/harness64" "$@"
	else
		$RUN32 "$D/harness32" "$@"
	fi
}

# ---------------------------------------------------------------------------
# Fixtures.

FIXTURES=
build_fixture() {       # build_fixture BITS HASH VERSIONS(v|n) SHAPE(so|vdso|rw)
	local bits=$1 hash=$2 ver=$3 shape=$4
	local name=f$bits-$hash-$ver-$shape
	local flags="-m$bits -O2 -fPIC -nostdlib -shared -fno-asynchronous-unwind-tables
		-Wl,--hash-style=$hash -Wl,-soname,$name.so"
	[ "$ver" = v ] && flags="$flags -DWITH_VERSIONS -Wl,--version-script=$SRC/fixture.map"
	case $shape in
	so)	flags="$flags -DWITH_UNDEF" ;;
	vdso)	flags="$flags -Wl,-T,$SRC/vdso.lds" ;;
	rw)	# the vDSO shape, but writable: glibc relocates its dynamic table
		sed 's/FLAGS(5)/FLAGS(7)/; s/FLAGS(4)/FLAGS(6)/' "$SRC/vdso.lds" > "$D/rw.lds"
		flags="$flags -Wl,-T,$D/rw.lds" ;;
	esac
	gcc $flags -o "$D/$name.so" "$SRC/fixture.c" >> "$D/fixtures.log" 2>&1 || return 1
	[ "$shape" = rw ] || FIXTURES="$FIXTURES $name"
}

status=0
for bits in 32 64; do
	for hash in sysv gnu both; do
		for ver in v n; do
			for shape in so vdso; do
				build_fixture $bits $hash $ver $shape || status=1
			done
		done
	done
	build_fixture $bits gnu v rw || status=1
done
ok $status "build the fixtures: 2 classes x 3 hash styles x versions or not x 2 shapes"
[ $status = 0 ] || sed 's/^/# /' "$D/fixtures.log" | head -20

bits_of() { case $1 in f32-*) BITS=32 ;; *) BITS=64 ;; esac; }    # sets BITS

# want FIXTURE-FILE: readelf's view, as listing, queries and answers.
want() {
	local f=$1
	readelf --dyn-syms -W "$f" | $ORACLE syms > "$f.want"
	$ORACLE queries "$f.want" > "$f.queries"
	$ORACLE expect "$f.want" < "$f.queries" > "$f.expect"
}

# check_image FILE LABEL: every harness's listing, lookups and version
# definitions of FILE against readelf's.
check_image() {
	local f=$1 label=$2 hb
	want "$f"
	readelf -V "$f" | $ORACLE verdefs > "$f.vwant"
	mapfile -t queries < "$f.queries"
	for hb in $HARNESSES; do
		h $hb syms "$f" 2> "$f.err$hb" | $ORACLE ours > "$f.syms$hb"
		diff_ok "$f.syms$hb" "$f.want" "$label: symbols as readelf --dyn-syms lists them ($hb-bit harness)"
		h $hb lookups "$f" < "$f.queries" > "$f.lookups$hb" 2>> "$f.err$hb"
		diff_ok "$f.lookups$hb" "$f.expect" "$label: ${#queries[@]} lookups ($hb-bit harness)"
		h $hb verdefs "$f" > "$f.verdefs$hb" 2>> "$f.err$hb"
		diff_ok "$f.verdefs$hb" "$f.vwant" "$label: version definitions as readelf -V shows them, vd_hash checked ($hb-bit harness)"
	done
}

for name in $FIXTURES; do
	check_image "$D/$name.so" "$name"
done

# What the fixture was made to hold (tests/reader/fixture.c): these must
# be found, with these versions, and those must not.
for name in $FIXTURES; do
	f=$D/$name.so
	for hb in $HARNESSES; do
		h $hb lookups "$f" > "$f.design$hb" 2>&1 <<-EOF
			__vdso_clock_gettime LINUX_2.6
			clock_gettime
			vdso_notype
			vdso_protected
			__vdso_clock_gettime LINUX_2.5
			vdso_foo
			vdso_foo LINUX_2.5
			made_local
			local_helper
			hidden_helper
			vdso_data_object
			vdso_undefined
			no_such_symbol
		EOF
		got=$(awk '{ sub(/^[^>]*> /, ""); sub(/^[0-9a-f]+ /, ""); printf "%s;", $0 }' "$f.design$hb")
		case $name in
		*-v-*)	want="__vdso_clock_gettime@@LINUX_2.6;clock_gettime@@LINUX_2.6;vdso_notype@@LINUX_2.6;"
			want="${want}vdso_protected@@LINUX_2.6;not found;vdso_foo@@LINUX_2.6;vdso_foo@LINUX_2.5;"
			want="${want}not found;" ;;    # made_local: local: * in the version script
		*)	want="__vdso_clock_gettime;clock_gettime;vdso_notype;vdso_protected;__vdso_clock_gettime;"
			want="${want}vdso_foo;vdso_foo;made_local;" ;;
		esac
		want="${want}not found;not found;not found;not found;not found;"
		is "$got" "$want" "$name: what the fixture was made to hold is found, and what is local, hidden, data or undefined is not ($hb-bit harness)"
	done
done

# -n: without ELF_ACCEPT_ANY only the harness's own class is accepted.
for hb in $HARNESSES; do
	status=0
	for name in $FIXTURES; do
		h $hb -n syms "$D/$name.so" > /dev/null 2> "$D/native.err"
		rc=$?
		bits_of $name
		if [ "$BITS" = $hb ]; then
			[ $rc = 0 ] || { status=1; diag "$name: exit $rc"; }
		else
			[ $rc = 1 ] && grep -q '\[ECLASS\]' "$D/native.err" ||
				{ status=1; diag "$name: exit $rc, $(cat "$D/native.err")"; }
		fi
	done
	ok $status "without ELF_ACCEPT_ANY the $hb-bit harness opens its own class and refuses the other (ECLASS)"
done

# elf_extent: ld puts the section headers last, so a file's extent is its
# size rounded up to a page; and headers outside the first bytes are refused.
status=0
for name in $FIXTURES; do
	f=$D/$name.so
	size=$(stat -c %s "$f")
	want=$(( (size + 4095) / 4096 * 4096 ))
	got=$(h 64 extent "$f")
	[ "$got" = "$want" ] || { status=1; diag "$name: extent $got, want $want"; }
done
ok $status "elf_extent: each fixture's size rounded up to a page"
head -c 40 "$D/f64-gnu-v-vdso.so" > "$D/short.so"
is "$(h 64 extent "$D/short.so")" 0 "elf_extent: 0 when the program headers lie beyond the bytes known to be mapped"

# ---------------------------------------------------------------------------
# Images relocated in place.

# As glibc does to a library: DT_HASH, DT_STRTAB, DT_SYMTAB, DT_VERSYM and
# DT_GNU_HASH hold run-time addresses, DT_VERDEF a link-time one.  The
# harness relocates a copy in memory and reads it there.
for name in $FIXTURES; do
	bits_of $name
	hb=$BITS
	case " $HARNESSES " in *" $hb "*) ;; *) continue ;; esac
	f=$D/$name.so
	h $hb glibc-reloc "$f" 2> "$f.glibc.err" | $ORACLE ours > "$f.glibc"
	diff_ok "$f.glibc" "$f.want" "$name: relocated in place as glibc does: the same symbols ($hb-bit harness)"
	read -r _ n _ of < <(grep '^relocated' "$f.glibc.err")
	[ -n "${n:-}" ] && [ "$n" -gt 0 ] && [ "$n" = "$of" ]
	ok $? "$name: each of the $of relocated d_ptr entries was read as a run-time address"
done

# The hard case: the copy placed near its link address (0x10000), so that
# the bias is smaller than the image and both readings of a relocated d_ptr
# land inside it; only one of them on the right table.
for name in $FIXTURES; do
	case $name in *-vdso) ;; *) continue ;; esac
	bits_of $name
	hb=$BITS
	case " $HARNESSES " in *" $hb "*) ;; *) continue ;; esac
	f=$D/$name.so
	for delta in 0x40 0x101 -0x80; do
		h $hb glibc-near "$f" $delta 2> "$f.near.err" | $ORACLE ours > "$f.near"
		if grep -q 'cannot map' "$f.near.err"; then
			skip "$name relocated by glibc, mapped at its link address $delta" "$(cat "$f.near.err")"
			continue
		fi
		read -r _ n _ of < <(grep '^relocated' "$f.near.err")
		if [ -n "${n:-}" ] && [ "$n" -gt 0 ] && [ "$n" = "$of" ]; then
			diff_ok "$f.near" "$f.want" "$name relocated by glibc, mapped at its link address $delta: all $n d_ptrs read right, the same symbols"
		else
			fail "$name relocated by glibc, mapped at its link address $delta"
			sed 's/^/# /' "$f.near.err" | head -5
		fi
	done
done

# As QEMU does to its vDSO: p_vaddr, d_ptr and st_value all moved to the
# load address.  The image then reads as one linked there, with no special
# case, and every symbol is at the same place relative to the image.
DELTA=0x40000000
for name in $FIXTURES; do
	case $name in *-vdso) ;; *) continue ;; esac
	f=$D/$name.so
	q=$D/$name.qemu.so
	h 64 qemu-reloc "$f" "$q" $DELTA
	check_image "$q" "$name relocated like QEMU's vDSO"
	h 64 info "$q" > "$q.info"
	want=$(printf '%x' $((0x10000 + DELTA)))
	grep -q "^load_vaddr $want\$" "$q.info" && grep -q '^relocated 0$' "$q.info"
	ok $? "$name relocated like QEMU's vDSO: first PT_LOAD at $want, no d_ptr needed a second reading"
	h 64 addrs "$f" > "$f.addrs"
	h 64 addrs "$q" > "$q.addrs"
	diff_ok "$q.addrs" "$f.addrs" "$name relocated like QEMU's vDSO: each symbol at the same offset from the image"
done

# A real load: glibc's dlopen of the writable vDSO-shaped image, which
# relocates its dynamic table in place.  elf_lookup on the mapped image
# must agree with dlvsym on every function.
for hb in $HARNESSES; do
	f=$D/f$hb-gnu-v-rw.so
	h $hb dlopen "$f" > "$f.dlopen$hb" 2>&1
	rc=$?
	ok $rc "dlopen'd image read in memory: elf_lookup agrees with dlvsym ($hb-bit, $(grep -c same "$f.dlopen$hb") functions)"
	[ $rc = 0 ] || sed 's/^/# /' "$f.dlopen$hb" | head -20
	n=$(awk '/^relocated/ { print $2 }' "$f.dlopen$hb")
	if [ "${n:-0}" -gt 0 ]; then
		pass "dlopen'd image: glibc relocated $n d_ptr entries in place and the reader read them ($hb-bit)"
	else
		skip "dlopen'd image: d_ptr entries relocated in place ($hb-bit)" "this libc left the dynamic table alone"
	fi
done

# ---------------------------------------------------------------------------
# Corrupted copies: each must be refused with the expected error, exit 1,
# and no sanitizer report.  KIND COMMAND ERROR (the harness's "[NAME]").
# big-endian: an image of one order said to be of the other; the reader
# reads both orders, so its fields read wrong, e_type first: ETYPE.

CORRUPTIONS="
truncate-40 syms EHEADER
truncate-load syms EPHDR
magic syms ENOTELF
class syms ECLASS
big-endian syms ETYPE
data syms ECLASS
type syms ETYPE
phoff syms EPHDR
phnum syms EPHDR
phentsize syms EPHDR
load-past-end syms EPHDR
dynamic-past-end syms ENODYNAMIC
dynamic-zero syms EDYNAMIC
dynamic-no-null syms EDYNAMIC
strtab-outside syms ESTRTAB
strsz-huge syms ESTRTAB
strtab-unterminated syms any
syment syms ESYMTAB
stname-outside syms ESTRTAB
versym-outside syms EVERSYM
hash-nbucket-huge syms EHASH
hash-nbucket-zero syms EHASH
hash-chain-loop lookup EHASH
gnu-nbuckets-huge syms EGNUHASH
gnu-bloom-shift syms EGNUHASH
gnu-bloom-size syms EGNUHASH
gnu-bucket-past syms EGNUHASH
verdef-loop verdefs EVERDEF
verdef-short verdefs EVERDEF
verdefnum-huge verdefs EVERDEF
verdef-version verdefs EVERDEF
verdef-aux-outside verdefs EVERDEF
no-hash-no-shdr syms ESHDR
"
CFIX="f32-sysv-v-vdso f64-sysv-v-vdso f32-gnu-v-so f64-gnu-v-so f32-both-v-so f64-both-v-so"

# corrupt KIND FIXTURE: makes the broken copy and sets REPLY to its path,
# or to nothing if KIND does not apply (a hash table the fixture does not
# have).
corrupt() {
	local out=$D/$2.$1.so
	local f=$D/$2.so
	REPLY=
	if [ "$1" = truncate-load ]; then
		# end inside the first PT_LOAD
		local end
		end=$(readelf -lW "$f" | perl -ne 'if (/^\s*LOAD\s+(\S+)\s+\S+\s+\S+\s+(\S+)/) { print hex($1) + hex($2); exit }')
		head -c $((end - 1)) "$f" > "$out"
	else
		h 64 corrupt "$1" "$f" "$out" 2> /dev/null || return 0
	fi
	# the SysV chains are walked only when there is no GNU table
	[ "$1" = hash-chain-loop ] && [ -n "${HAS_GNU_HASH[$2]-}" ] && return 0
	REPLY=$out
}

# Which fixtures have a GNU hash table, from readelf -d, asked once each.
declare -A HAS_GNU_HASH
for name in $CFIX; do
	[ -n "$(readelf -d "$D/$name.so" | grep GNU_HASH)" ] && HAS_GNU_HASH[$name]=1
done

while read -r kind cmd error; do
	[ -n "$kind" ] || continue
	# each broken copy made once, then read by every harness
	broken=()
	for name in $CFIX; do
		corrupt $kind $name
		[ -n "$REPLY" ] && broken+=("$name:$REPLY")
	done
	for hb in $HARNESSES; do
		status=0
		n=0
		for nc in "${broken[@]}"; do
			name=${nc%%:*} c=${nc#*:}
			n=$((n + 1))
			case $cmd in
			lookup)	h $hb lookup "$c" no_such_symbol > /dev/null 2> "$c.err$hb" ;;
			*)	h $hb $cmd "$c" > /dev/null 2> "$c.err$hb" ;;
			esac
			rc=$?
			# (its stderr read by bash: three greps a run cost more
			# than the run)
			mapfile -t lines < "$c.err$hb"
			printf -v err '\n%s' "${lines[@]}"
			if [ $rc != 1 ] || [[ $err == *Sanitizer* || $err == *"runtime error"* ]] ||
			   [[ $err != *$'\n''harness: '* ]] ||
			   { [ "$error" != any ] && [[ $err != *"[$error]"* ]]; }; then
				status=1
				diag "$name: exit $rc: $(head -3 "$c.err$hb")"
			fi
		done
		if [ $n = 0 ]; then
			skip "corrupted ($kind): refused" "no fixture has what it breaks"
		else
			ok $status "corrupted ($kind): $cmd refuses it with $error, no crash ($n fixtures, $hb-bit harness)"
		fi
	done
done <<< "$CORRUPTIONS"

# Not corruptions: without hash tables the reader counts the symbols from
# the section headers and looks up by a bounded scan; without the GNU table
# it uses the SysV one.  The answers must not change.
for name in $CFIX; do
	for kind in no-hash no-gnu-hash; do
		[ $kind = no-gnu-hash ] && case $name in *-both-*) ;; *) continue ;; esac
		f=$D/$name.so
		c=$D/$name.$kind.so
		h 64 corrupt $kind "$f" "$c"
		for hb in $HARNESSES; do
			h $hb syms "$c" | $ORACLE ours > "$c.syms$hb"
			diff_ok "$c.syms$hb" "$f.want" "$name without $([ $kind = no-hash ] && echo 'any hash table' || echo 'DT_GNU_HASH'): the same symbols ($hb-bit harness)"
			h $hb lookups "$c" < "$f.queries" > "$c.lookups$hb" 2>&1
			diff_ok "$c.lookups$hb" "$f.expect" "$name without $([ $kind = no-hash ] && echo 'any hash table: linear scan' || echo 'DT_GNU_HASH: SysV chains'): the same lookups ($hb-bit harness)"
		done
	done
done

# ---------------------------------------------------------------------------
# The live vDSO of this process (x86_64, native), and a dump of it.

h 64 live > "$D/live.txt" 2> "$D/live.err"
rc=$?
if [ $rc = 3 ]; then
	skip "the live vDSO" "$(cat "$D/live.err")"
else
	ok $rc "the live vDSO opens with its extent from elf_extent ($(wc -l < "$D/live.txt") symbols)"
	h 64 live-dump "$D/live.so"
	ok $? "the live vDSO dumps to a file"
	is "$(readelf -a -W "$D/live.so" 2>&1 > /dev/null)" "" "readelf reads the dump without a warning: the extent took in the whole image"
	h 64 syms "$D/live.so" > "$D/live.dump.txt"
	diff_ok "$D/live.txt" "$D/live.dump.txt" "the live vDSO and its dump list the same symbols"
	check_image "$D/live.so" "dump of the live vDSO"
	h 64 live-dlvsym > "$D/live.dlvsym" 2>&1
	rc=$?
	if [ $rc = 3 ]; then
		skip "elf_lookup against dlvsym on the live vDSO" "$(cat "$D/live.dlvsym")"
	else
		ok $rc "elf_lookup on the live vDSO agrees with glibc's dlvsym ($(grep -c same "$D/live.dlvsym") functions)"
		[ $rc = 0 ] || sed 's/^/# /' "$D/live.dlvsym"
	fi
fi
if [ -n "$H32" ]; then
	h 32 live > "$D/live32.txt" 2> "$D/live32.err"
	rc=$?
	if [ $rc = 3 ]; then
		skip "the live vDSO of an i386 process" "${RUN32:-native}: $(cat "$D/live32.err")"
	else
		ok $rc "the live vDSO of an i386 process opens ($(wc -l < "$D/live32.txt") symbols)"
	fi
fi

done_testing
