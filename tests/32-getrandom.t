#!/bin/bash
# tests/32-getrandom.t - getrandom through the vDSO (vdso/getrandom.c), on
# every runner: `vdso call getrandom` and the getrandom rows of `vdso bench`.
#
# Which path should serve is read from the image, not assumed: readelf
# finds __vdso_getrandom in it (x86_64 kernels from 6.11; __kernel_getrandom
# on aarch64, ppc64le and s390x), or not (i386, QEMU, older kernels), when
# the system call serves, through the gate if getauxval finds AT_SYSINFO.
#
# Natively, strace shows what entered the kernel, with the raw arguments
# (the buffer's address):
#   - by the vDSO, no getrandom system call for any request of the path:
#     each row makes two requests by the path and two by the system call,
#     so there are half as many calls as with VDSO=off, which makes all
#     four; the only others are the vDSO's own reseeds, 32 bytes (a key)
#     written into the state whose address `vdso call` prints;
#   - after fork the child makes such a reseed: its state was wiped
#     (MAP_DROPPABLE), so it cannot repeat its parent's bytes.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

O=$BUILD/test/getrandom
mkdir -p "$O"
make -C "$TOP" --no-print-directory all > "$O/make.log" 2>&1 || { fail "make"; sed 's/^/# /' "$O/make.log"; }
for a in $(arches); do m=$(arch_bits "$a")
	$(arch_libc_cc "$a") -O2 -o "$O/vdso-$a" "$TOP/tests/oracle/vdso.c" -ldl 2> "$O/oracle-$a.log" &&
	$(arch_libc_cc "$a") -O2 -static -o "$O/auxv-$a" "$TOP/tests/oracle/auxv.c" 2>> "$O/oracle-$a.log"
	ok $? "build the glibc oracles ($a)" || sed 's/^/# /' "$O/oracle-$a.log"
done

ROWS="0 1 16 32 256 4096 1048576"

check_call() {       # RUNNER ARCH BITS LABEL
	local r=$1 a=$2 m=$3 L=$4 out=$O/call-$r-$a status want=syscall img=$O/image-$r-$a.so oracle
	oracle=$(run_on "$r" "$a" "$O/auxv-$a")
	echo "$oracle" | grep -q '^32 ' && want=gate
	if echo "$oracle" | grep -q '^33 ' && run_on "$r" "$a" "$O/vdso-$a" image "$img" > /dev/null &&
	   readelf --dyn-syms -W "$img" | grep -Eq ' (__vdso_|__kernel_)getrandom@'; then
		want=vdso
	fi
	run_on "$r" "$a" "$BUILD/$a/vdso" call getrandom > "$out" 2>&1; status=$?
	is "$status" 0 "$L call getrandom: exit 0"
	# (judged by the two values of each row: tests/tools/call_rows.awk)
	is "$(grep -c '^getrandom  *[0-9]' "$out"):$(awk -f "$TOP/tests/tools/call_rows.awk" "$out" | wc -l)" 12:0 \
		"$L call getrandom: 12 rows (7 lengths, 4 flags, fork), the path's lengths and errors the system call's"
	local n
	for n in $ROWS; do
		is "$(awk -v n=$n '$1 == "getrandom" && $2 == n && $3 ~ /^(vdso|gate|syscall)$/ { print $3 }' "$out")" "$want" \
			"$L call getrandom: $n bytes served by $want"
	done
	is "$(awk '$2 == 32 && $3 == "flags" { print $5, $6, $7 }' "$out")" \
		"$([ $want = vdso ] && echo syscall || echo $want) EINVAL EINVAL" \
		"$L call getrandom: an unknown flag: EINVAL both ways, by the system call"
	if [ $want = vdso ]; then
		grep -Eq '^getrandom state: [1-9][0-9]* bytes at 0x[0-9a-f]*, mmap prot 0x3 flags 0x[0-9a-f]*; [1-9][0-9]* a page' "$out"
		ok $? "$L call getrandom: the state: $(sed -n 's/^getrandom state: \([0-9]*\) bytes.*/\1 bytes/p' "$out")"
	else
		grep -q '^getrandom state: none (ENOSYS: no vDSO getrandom here)$' "$out"
		ok $? "$L call getrandom: no state, and it says why"
	fi
	grep -q "^paths: .*getrandom=$want" "$out"
	ok $? "$L call getrandom: the table says $want served"
	WANT=$want
}

# strace -e raw=getrandom: "PID getrandom(0xBUF, 0xLEN, 0xFLAGS) = ...",
# as "pid buf len flags" in decimal (mawk reads no hex).  When parent and
# child are in the call at once, strace splits the line: "PID getrandom(
# 0xBUF, 0xLEN, 0xFLAGS <unfinished ...>", and later "<... resumed>".
calls() {            # FILE
	local pid buf len flags
	sed -n 's/^\([0-9]*\) *getrandom(\(0x[0-9a-f]*\), \(0x[0-9a-f]*\|0\), \(0x[0-9a-f]*\|0\)\()\| <unfinished\).*/\1 \2 \3 \4/p' "$1" |
		while read -r pid buf len flags; do echo "$pid $((buf)) $((len)) $((flags))"; done
}

check_strace() {     # ARCH LABEL
	local a=$1 L=$2 on=$O/strace-on-$a off=$O/strace-off-$a out=$O/strace-out-$a
	strace -f -qq -e trace=getrandom -e raw=getrandom -o "$on" "$BUILD/$a/vdso" call getrandom > "$out"
	VDSO=off strace -f -qq -e trace=getrandom -e raw=getrandom -o "$off" "$BUILD/$a/vdso" call getrandom > /dev/null
	local state size parent
	read -r state size <<< "$(sed -n 's/^getrandom state: \([0-9]*\) bytes at \(0x[0-9a-f]*\),.*/\2 \1/p' "$out")"
	parent=$(calls "$on" | head -1 | cut -d' ' -f1)
	# the calls that are not reseeds: buffer outside the state
	local len f n_on n_off reseeds_parent reseeds_child
	for len in 1 16 32 256 4096 1048576; do
		for f in 0 0x1 0x4 0x2; do
			[ "$f" != 0 ] && [ "$len" != 32 ] && continue
			n_on=$(calls "$on" | awk -v s=$((state)) -v z=$size -v l=$len -v f=$((f)) \
				'$3 == l && $4 == f && !($2 >= s && $2 < s + z)' | wc -l)
			n_off=$(calls "$off" | awk -v l=$len -v f=$((f)) '$3 == l && $4 == f' | wc -l)
			[ "$n_off" -gt 0 ] && [ "$n_on" -eq $((n_off / 2)) ]
			ok $? "$L strace: $len bytes, flags $f: $n_on system calls by the vDSO path (the syscall's own), $n_off with VDSO=off"
		done
	done
	# the fork row: 64 bytes, all by the vDSO, parent and child
	is "$(calls "$on" | awk '$3 == 64' | wc -l):$(calls "$off" | awk '$3 == 64' | wc -l)" 0:3 \
		"$L strace: after fork, parent and child make no system call of their own (3 with VDSO=off)"
	reseeds_parent=$(calls "$on" | awk -v p=$parent -v s=$((state)) -v z=$size \
		'$1 == p && $2 >= s && $2 < s + z && $3 == 32' | wc -l)
	# each child's reseeds: the fork row's, and those of the children that
	# `vdso call` forks to prove which calls entered the kernel
	reseeds_child=$(calls "$on" | awk -v p=$parent -v s=$((state)) -v z=$size \
		'$1 != p && $2 >= s && $2 < s + z && $3 == 32 { n[$1]++ }
		 END { for (c in n) print n[c] }' | sort -u | tr '\n' ' ')
	[ "$reseeds_parent" -ge 1 ] && [ "$reseeds_parent" -le 3 ]
	ok $? "$L strace: the vDSO seeds the state's key itself, $reseeds_parent time(s): 32 bytes into the state"
	is "$reseeds_child" "1 " "$L strace: after fork each child reseeds its wiped state, once"
	is "$(calls "$on" | awk -v s=$((state)) -v z=$size '$2 >= s && $2 < s + z && $3 != 32' | wc -l)" 0 \
		"$L strace: nothing else of the vDSO's enters the kernel"
}

check_bench() {      # RUNNER ARCH LABEL WANT
	local r=$1 a=$2 L=$3 want=$4 out=$O/bench-$r-$a rows
	run_on "$r" "$a" "$BUILD/$a/vdso" bench --rounds 3 --calls 20 > "$out" 2>&1
	is "$?" 0 "$L bench: exit 0"
	# the table's rows, not the chart's (whose fourth word is vDSO) nor the
	# list of rows a note may wrap onto a line of its own (three words)
	rows=$(awk '$1 == "getrandom" && $3 == "bytes" && $4 != "vDSO" && NF > 3 { print $2 ":" ($4 == "-" ? "absent" : "measured") }' "$out" | tr '\n' ' ')
	if [ "$want" = vdso ]; then
		is "$rows" "16:measured 32:measured 256:measured 4096:measured " "$L bench: getrandom 16, 32, 256, 4096 bytes by the vDSO"
	else
		is "$rows" "16:absent 32:absent 256:absent 4096:absent " "$L bench: getrandom rows, no vDSO side"
	fi
}

for a in $(arches); do
	m=$(arch_bits "$a")
	for r in $(all_runners); do
		L="[$a $r]"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L getrandom" "$why"; continue
		fi
		check_call "$r" "$a" "$m" "$L"
		check_bench "$r" "$a" "$L" "$WANT"
		if [ "$r" != native ]; then
			continue
		elif ! command -v strace > /dev/null; then
			skip "$L strace" "strace not installed"
		elif [ "$WANT" != vdso ]; then
			skip "$L strace: no system call by the vDSO" "no vDSO getrandom here (readelf)"
		else
			check_strace "$a" "$L"
		fi
	done
done
done_testing
