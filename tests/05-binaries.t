#!/bin/bash
# tests/05-binaries.t - what every built program must be: static, libc-free,
# with R, RX and RW segments and never one both writable and executable,
# and a non-executable stack (PT_GNU_STACK without X); a static PIE (vdso,
# the unit tests) with no text relocations and a RELRO, the rest ET_EXEC.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all units > "$BUILD/binaries.log" 2>&1
ok $? "make all units" || sed 's/^/# /' "$BUILD/binaries.log" | tail -20

# Symbols that only a libc would bring in.
LIBC_SYMBOLS='__libc_start_main|__libc_csu_init|_IO_stdin_used|__errno_location|^errno$|^printf$|^malloc$|^free$|^exit$|^_init$|_dl_'

# Every program the build made: the tool, each demo/*.c, the unit tests.
ARCHES=$(arches)
lessons=()
for c in "$TOP"/demo/*.c; do
	c=${c##*/}
	lessons+=("${c%.c}")
done
programs=()
for a in $ARCHES; do
	for p in vdso "${lessons[@]}"; do
		test -x "$BUILD/$a/$p"
		ok $? "$a/$p was built" && programs+=("$BUILD/$a/$p")
	done
done
# Each view of every program comes from one readelf or nm over all of them,
# read by one awk (a process is not free, and these are some 250 files):
# for each file (readelf's "File: NAME", nm -A's "NAME:"), the lines a check
# reads, as "VIEW<US>FILE<US>VALUE", a value's lines joined by <STX>.
files=("${programs[@]}" "$BUILD"/*/unit/t_*)
pies=()
for f in "${files[@]}"; do
	case ${f#"$BUILD"/} in */unit/t_start_exec) ;; */vdso | */relocate | */unit/t_*) pies+=("$f") ;; esac
done
views() {
	{
		readelf -lW "${files[@]}" 2>&1 | sed 's/^/l /'
		readelf -hW "${files[@]}" 2>&1 | sed 's/^/h /'
		readelf -SW "${files[@]}" 2>&1 | sed 's/^/S /'
		[ ${#pies[@]} = 0 ] || readelf -dW "${pies[@]}" 2>&1 | sed 's/^/d /'
		[ ${#pies[@]} = 0 ] || readelf -rW "${pies[@]}" 2>&1 | sed 's/^/r /'
		nm -A -u "${files[@]}" 2>&1 | sed 's/^/u /'
		nm -A "${files[@]}" | sed 's/^/n /'
	} | awk -v libc="$LIBC_SYMBOLS" -v list="$(printf '%s\n' "${files[@]}")" '
	BEGIN { n = split(list, names, "\n"); for (i = 1; i <= n; i++) known[names[i]] = 1 }
	function add(view, value) { if ((view, f) in v) value = v[view, f] "\002" value; v[view, f] = value }
	function flag(view, yes) { if (yes) v[view, f] = 1; else if (!((view, f) in v)) v[view, f] = 0 }
	{ view = $1; sub(/^. /, "") }
	view ~ /^[lhSdr]$/ && /^File: / { f = substr($0, 7); next }
	view ~ /^[un]$/ {
		# "FILE:LINE" (nm -A), or nm'"'"'s "nm: FILE: what went wrong"
		if (/^nm: /) {
			for (g in known) if (index($0, "nm: " g ":") == 1) { f = g; add(view, $0) }
			next
		}
		for (c = index($0, ":"); c > 0 && !(substr($0, 1, c - 1) in known); ) {
			d = index(substr($0, c + 1), ":"); c = d ? c + d : 0
		}
		if (c == 0) next
		f = substr($0, 1, c - 1); $0 = substr($0, c + 1)
	}
	view == "l" {
		if ($1 == "LOAD") { v["loads", f] = v["loads", f] $(NF - 1) " " }
		flag("rwe", $1 == "LOAD" && /RWE/)
		if ($1 == "GNU_STACK") add("stack", $(NF - 1))
		flag("interp", /INTERP/)
		flag("dynamic", /^ *DYNAMIC /)
		if ($1 == "GNU_RELRO") { add("relro", $(NF - 1)); add("relro_end", $3 " " $6) }
	}
	view == "h" && $1 == "Type:" { add("type", $2) }
	view == "h" && /Entry point/ { add("entry", $NF) }
	view == "S" { flag("sections", /\.interp|\.dynamic/) }
	view == "d" { flag("textrel", /TEXTREL/); flag("pie", /FLAGS_1.*PIE/) }
	view == "r" && /^[0-9a-f]+ +[0-9a-f]+ +R_/ && $3 !~ /_RELATIVE$/ &&
		!($3 ~ /_NONE$/ && $1 ~ /^0+$/ && $2 ~ /^0+$/) { add("other", $0) }
	view == "u" { add("undef", $0) }
	view == "n" && $NF ~ libc { add("libc", $NF) }
	view == "n" && $3 == "_start" { add("start", "0x" $1) }
	END { for (k in v) { split(k, key, SUBSEP); printf "%s\037%s\037%s\n", key[1], key[2], v[k] } }'
}
declare -A V
while IFS=$'\037' read -r view f value; do
	V[$view,$f]=${value//$'\002'/$'\n'}
done < <(views)
# view VIEW FILE: the view's value for the file, empty if it has none.
view() { REPLY=${V[$1,$2]-}; }

for f in "${files[@]}"; do
	name=${f#"$BUILD"/}
	view loads "$f"
	# The flags column is one to three letters (R, E, W) before Align.
	is "$REPLY" "R E RW " "$name: three PT_LOAD segments, R, R E, RW"
	view rwe "$f"
	ok "${REPLY:-0}" "$name: no segment writable and executable"
	view stack "$f"
	is "$REPLY" "RW" "$name: PT_GNU_STACK present, not executable"
	view interp "$f"
	ok "${REPLY:-0}" "$name: no PT_INTERP (static, no dynamic loader)"
	view type "$f"
	type=$REPLY
	# vdso, the relocate lesson and the unit tests are static PIEs; the other lessons, hello and
	# t_start_exec are at a fixed address (the Makefile says why).
	pie=0
	case $name in */vdso | */relocate | */unit/t_*) pie=1 ;; esac
	case $name in */unit/t_start_exec) pie=0 ;; esac
	if [ "$pie" = 1 ]; then
		# A static PIE: ET_DYN with a dynamic table (its relocations) but
		# no interpreter; it relocates itself (start/relocate.c).
		is "$type" DYN "$name: a static PIE (ET_DYN)"
		view dynamic "$f"
		ok $((! ${REPLY:-0})) "$name: PT_DYNAMIC present (where its relocations are)"
		view textrel "$f"
		ok "${REPLY:-0}" "$name: no text relocations (no DT_TEXTREL)"
		view pie "$f"
		ok $((! ${REPLY:-0})) "$name: DT_FLAGS_1 says PIE"
		# Every relocation a RELATIVE one: no symbol to look up at start.
		# An empty slot (type NONE, offset and info 0) is no relocation:
		# on ppc64le, ld (2.40) sizes .rela.dyn before it turns a GOT load
		# of a symbol in reach of the TOC pointer into an addi from r2 (the
		# ELFv2 ABI lets the linker edit such code: _start's load of
		# __stack_chk_guard@got), and the RELATIVE reserved for the GOT
		# word it no longer uses is left as R_PPC64_NONE; start/relocate.c
		# skips it, as the ABI says R_*_NONE does nothing.
		view other "$f"
		is "$REPLY" "" "$name: only RELATIVE relocations"
		view relro "$f"
		is "$REPLY" "R" "$name: PT_GNU_RELRO present"
		# RELRO must end on a page boundary, or its last page stays writable.
		view relro_end "$f"
		end=$REPLY
		[ -n "$end" ] && [ $(( (${end% *} + ${end#* }) % 4096 )) = 0 ]
		ok $? "$name: PT_GNU_RELRO ends on a page boundary"
	else
		is "$type" EXEC "$name: at a fixed address (ET_EXEC)"
		view sections "$f"
		ok "${REPLY:-0}" "$name: no .interp or .dynamic section"
	fi
	view undef "$f"
	is "$REPLY" "" "$name: no undefined symbols"
	view libc "$f"
	is "$REPLY" "" "$name: no libc symbol"
	view entry "$f"
	entry=$REPLY
	view start "$f"
	start=$REPLY
	is "$((entry))" "$((start))" "$name: the entry point is _start"
done

# -fstack-protector-strong in effect: a function with a local array checks
# its canary (a load of the global guard, a call of __stack_chk_fail).
for a in $ARCHES; do
	f=$BUILD/$a/unit/t_smash
	objdump=$(arch_tool "$a" objdump)
	body=$($objdump -d --no-show-raw-insn "$f" | awk '/<overflow[^>]*>:$/ { on = 1; next } on && /^$/ { exit } on')
	# by name (x86_64, %rip-relative) or, on i386, where there is no
	# %eip-relative addressing, as an offset from the GOT (t_smash is a PIE)
	guard=$(nm "$f" | awk '$3 == "__stack_chk_guard" { print "0x" $1 }')
	got=$(nm "$f" | awk '$3 == "_GLOBAL_OFFSET_TABLE_" { print "0x" $1 }')
	off=$(printf '0x%x' $((guard - ${got:-0})))
	case $a in
	x86_64 | i386)
		echo "$body" | grep -Eq "__stack_chk_guard|$off\\(%" ;;
	aarch64 | arm)
		# ARM: the guard's address is a word of the GOT (readelf), read
		# by an ldr of the body (aarch64: adrp and ldr; arm: pc-relative)
		words=$(readelf -x .got "$f" | awk '$1 ~ /^0x/ { for (i = 2; i <= 5 && length($i) == 8; i++) print $i }')
		w=$(printf '%08x' $((guard & 0xffffffff)) | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')
		grep -qx "$w" <<< "$words" && echo "$body" | grep -Eq '[[:space:]]ldr[[:space:]]' ;;
	*)
		# The addresses the body reads, followed from objdump
		# (tests/tools/reads.py: riscv64's GOT word by auipc and ld,
		# ppc64le's TOC-relative or r13-relative read, s390x's read at
		# the thread pointer _start set): one of them is the guard (nm),
		# or a GOT word that holds its address (a RELATIVE relocation
		# whose addend is the guard, readelf -r).
		slots=$(readelf -rW "$f" | awk -v g="${guard#0x}" '$3 ~ /_RELATIVE$/ && $NF == g { print "0x" $1 }')
		reads=$(python3 "$TOP/tests/tools/reads.py" "$a" "$objdump" "$f" overflow)
		[ -n "$guard" ] && (for x in $reads; do for y in $guard $slots; do
			[ $((x)) = $((y)) ] && exit 0; done; done; exit 1) ;;
	esac
	ok $? "$a: overflow() in t_smash loads the canary (-fstack-protector-strong)"
	echo "$body" | grep -q '__stack_chk_fail'
	ok $? "$a: overflow() calls __stack_chk_fail when it changed"
	# every instruction outside __stack_chk_fail that names it: a call
	# (call, bl, jalr, brasl), or a branch where it is the last act
	n=$($objdump -d --no-show-raw-insn "$BUILD/$a/vdso" | awk '
		/^[0-9a-f]+ <.*>:$/ { in_fail = ($2 ~ /^<__stack_chk_fail/) }
		/^ +[0-9a-f]+:/ && /<__stack_chk_fail[^>]*>/ && !in_fail { n++ }
		END { print n + 0 }')
	[ "$n" -gt 0 ]; ok $? "$a: vdso has $n canary checks"
	nm "$BUILD/$a/hello" | grep -q stack_chk
	ok $((! $?)) "$a: hello, with no array, carries no stack protector code"
done
# No cycles: which object needs a symbol of which other (tests/tools/
# objcycles.py, from nm) is a tree of layers, from the tool's files down to
# arch/: demo/vdso/, vdso/, elf/, syscall/, start/, lib/.
for a in $ARCHES; do
	objs=$(find "$BUILD/$a/obj-pie" -name '*.o' ! -path "$BUILD/$a/obj-pie/tests/*" | sort)
	cycles=$(python3 "$TOP/tests/tools/objcycles.py" $objs 2>&1)
	mapfile -t lines <<< "$objs"
	is "${cycles//"$BUILD/$a/obj-pie/"/}" "" "$a: no object of vdso and its runtime needs, through others, itself (${#lines[@]} objects)"
done

# The live core alone.  The readelf layer (elf/readelf.h: sections, needed
# versions, readelf's symbol count, relocated images, the traced lookup)
# is for `vdso read` and the lessons that include it; vdso_init
# (vdso/calls.o) needs, through others, none of its objects, and a lesson
# that calls the vDSO without including it links none of its symbols.
LAYER_OBJS="elf/readelf.o elf/readings.o elf/verneed.o elf/sections.o elf/trace.o"
# the lessons that include the readelf layer (read by bash, not grep)
declare -A INCLUDES_LAYER
for c in "$TOP"/demo/*.c; do
	text=
	IFS= read -r -d '' text < "$c"
	[[ $text == *elf/readelf.h* ]] && INCLUDES_LAYER[$c]=1
done
for a in $ARCHES; do
	objs=$(find "$BUILD/$a/obj" -name '*.o' ! -path "$BUILD/$a/obj/tests/*" ! -path "$BUILD/$a/obj/demo/*" | sort)
	needs=$(python3 "$TOP/tests/tools/objclosure.py" "$BUILD/$a/obj/vdso/calls.o" $objs 2>&1)
	needs=${needs//"$BUILD/$a/obj/"/}
	mapfile -t lines <<< "$needs"
	[ -n "$needs" ]; ok $? "$a: vdso_init's objects found by nm (${#lines[@]})"
	layer=
	for o in $LAYER_OBJS; do
		for l in "${lines[@]}"; do [ "$l" = "$o" ] && layer+=${layer:+$'\n'}$l; done
	done
	is "$layer" "" "$a: vdso_init needs no object of the readelf layer"
	layer_syms=$(cd "$BUILD/$a/obj" && nm --defined-only $LAYER_OBJS 2>/dev/null |
		awk '$2 ~ /^[TDRB]$/ { print $3 }' | sort -u)
	mapfile -t lines <<< "$layer_syms"
	[ -n "$layer_syms" ]; ok $? "$a: the readelf layer's global symbols, by nm (${#lines[@]})"
	# the lessons that call the vDSO: those whose nm shows vdso_calls (one nm for all)
	lesson_files=()
	for p in "${lessons[@]}"; do lesson_files+=("$BUILD/$a/$p"); done
	declare -A CALLS=()
	while IFS= read -r f; do CALLS[$f]=1; done < <(nm -A "${lesson_files[@]}" 2>/dev/null |
		awk '/ vdso_calls$/ { sub(/:[^:]*$/, ""); print }')
	for c in "$TOP"/demo/*.c; do
		p=${c##*/}
		p=${p%.c}
		f=$BUILD/$a/$p
		[ -n "${CALLS[$f]-}" ] || continue
		[ -n "${INCLUDES_LAYER[$c]-}" ] && continue
		linked=$(nm "$f" | awk '{ print $NF }' | sort -u | comm -12 - <(echo "$layer_syms"))
		is "$linked" "" "$a/$p: calls the vDSO, links no symbol of the readelf layer"
		$(arch_tool "$a" strip) -o "$BUILD/binaries.stripped" "$f"
		size=$(stat -c %s "$BUILD/binaries.stripped")
		rm -f "$BUILD/binaries.stripped"
		# The target (issue 20): at most 8 KiB.  Not met yet: a TODO,
		# which TAP counts apart from failures, until it is.
		TAP_N=$((TAP_N + 1))
		if [ "$size" -le 8192 ]; then
			echo "ok $TAP_N - $a/$p: $size bytes stripped, at most 8 KiB"
		else
			echo "not ok $TAP_N - $a/$p: $size bytes stripped, at most 8 KiB # TODO the live core and vdso_find are about 8 KiB of code"
		fi
	done
done

done_testing
