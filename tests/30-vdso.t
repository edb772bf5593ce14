#!/bin/bash
# tests/30-vdso.t - the live vDSO on every runner: `vdso auxv`, `syms`,
# `call`, `gate` and the summary, each against an oracle that does not
# share our code: glibc's getauxval and dlvsym, readelf on the image as
# glibc sees it, strace (or QEMU's own syscall log) for which path served
# a call.  What a runner should offer is read from the oracle there, not
# written here: a vDSO where getauxval finds AT_SYSINFO_EHDR, a gate where
# it finds AT_SYSINFO.  Two arches show more in `vdso call`: riscv64 each
# key of riscv_hwprobe both ways, ppc64le its error flag (CR0.SO, and the
# errno in r3 against its <asm/errno.h> and the trace).

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"
source "$TOP/tests/tools/gate_form.sh"

O=$BUILD/test/oracle
mkdir -p "$O"
make -C "$TOP" --no-print-directory all > "$O/make.log" 2>&1 || { fail "make"; sed 's/^/# /' "$O/make.log"; }
for a in $(arches); do m=$(arch_bits "$a")
	$(arch_libc_cc "$a") -O2 -static -o "$O/auxv-$a" "$TOP/tests/oracle/auxv.c" 2> "$O/auxv-$a.log" &&
	$(arch_libc_cc "$a") -O2 -o "$O/vdso-$a" "$TOP/tests/oracle/vdso.c" -ldl 2> "$O/vdso-$a.log"
	ok $? "build the glibc oracles ($a)" || sed 's/^/# /' "$O/auxv-$a.log" "$O/vdso-$a.log"
done

# Numbers for AT_* names, for ARCH: glibc's elf.h, then the kernel's UAPI
# headers of that arch (<linux/auxvec.h>, <asm/auxvec.h>, as `make` found
# them for it in build/<arch>/uapi), which win: some numbers are one
# arch's own (powerpc's AT_DCACHEBSIZE..AT_IGNOREPPC, 19-22).
declare -A AT_NUM
at_numbers() {       # ARCH
	local name num
	AT_NUM=()
	while read -r name num; do AT_NUM[$name]=$num; done < <(
		cat /usr/include/elf.h "$BUILD/$1/uapi/linux/auxvec.h" "$BUILD/$1/uapi/asm/auxvec.h" 2>/dev/null |
		awk '$1 == "#define" && $2 ~ /^AT_[A-Z0-9_]+$/ && $3 ~ /^[0-9]+$/ { print $2, $3 }')
	# Types newer than this machine's headers (include/uapi/linux/auxvec.h, 6.3+).
	: "${AT_NUM[AT_RSEQ_FEATURE_SIZE]:=27}" "${AT_NUM[AT_RSEQ_ALIGN]:=28}" \
	  "${AT_NUM[AT_HWCAP3]:=29}" "${AT_NUM[AT_HWCAP4]:=30}"
}

# Whitespace-folded symbol lines (the table only), with values taken as
# offsets from the image's address BASE where they are past it: QEMU
# relocates its vDSO in place, so its values are run-time addresses, which
# differ from one run to the next.
fold_syms() {        # BASE < listing
	local base=$(($1)) num value rest v
	while read -r num value rest; do
		case $num in [0-9]*:) ;; *) continue ;; esac
		v=$((16#$value))
		[ "$base" != 0 ] && [ "$v" -ge "$base" ] && value=+$(printf '%x' $((v - base)))
		echo "$num $value" $rest
	done
}

check_auxv() {       # RUNNER ARCH BITS LABEL
	local r=$1 a=$2 m=$3 L=$4 ours oracle name value t want bad=0 seen=0
	at_numbers "$a"
	ours=$(run_on "$r" "$a" "$BUILD/$a/vdso" auxv) || { fail "$L auxv runs"; return; }
	oracle=$(run_on "$r" "$a" "$O/auxv-$a") || { fail "$L auxv oracle runs"; return; }
	declare -A want_v=()
	while read -r t v; do want_v[$t]=$v; done <<< "$oracle"
	# glibc's getauxval cannot tell an AT_HWCAP2 of 0 from none, so the
	# oracle leaves a 0 out (tests/oracle/auxv.c); a kernel that gives
	# AT_HWCAP2 = 0 (x86 always passes it) is then what getauxval answers.
	if [ -z "${want_v[${AT_NUM[AT_HWCAP2]}]+set}" ] && echo "$ours" | grep -Eq '^AT_HWCAP2: +0x0$'; then
		want_v[${AT_NUM[AT_HWCAP2]}]=0x0
		oracle+=$'\n'"${AT_NUM[AT_HWCAP2]} 0x0"
	fi
	# Every type the oracle sees, we print (by name or as AT_<n>), once;
	# but powerpc's kernel puts AT_IGNOREPPC twice (ARCH_DLINFO in
	# arch/powerpc/include/asm/elf.h), where getauxval finds one type.
	local types
	types=$(echo "$ours" | while IFS=: read -r name value; do
		t=${AT_NUM[$name]:-${name#AT_}}; echo "$t"; done |
		awk -v twice="${AT_NUM[AT_IGNOREPPC]:-}" '$1 != twice || !seen[$1]++' | sort -n | tr '\n' ' ')
	is "$types" "$(echo "$oracle" | awk '{ print $1 }' | sort -n | tr '\n' ' ')" \
		"$L auxv: the same types as getauxval finds"
	# Values that are the same in every process of this runner.
	while read -r name value _; do
		name=${name%:}
		case $name in
		# (not AT_HWCAP: glibc's getauxval answers it from its own x86
		# cpu-features word, not the kernel's)
		AT_PAGESZ|AT_CLKTCK|AT_UID|AT_EUID|AT_GID|AT_EGID|AT_SECURE|AT_HWCAP2|AT_FLAGS|AT_MINSIGSTKSZ|AT_RSEQ_FEATURE_SIZE|AT_RSEQ_ALIGN|AT_PHENT|AT_BASE) ;;
		*) continue ;;
		esac
		t=${AT_NUM[$name]:-}
		[ -n "$t" ] || { bad=$((bad + 1)); diag "no number for $name"; continue; }
		seen=$((seen + 1))
		[ -n "${want_v[$t]:-}" ] || { bad=$((bad + 1)); diag "$name: ours $value, getauxval has none"; continue; }
		[ "$((value))" = "$((${want_v[$t]}))" ] || { bad=$((bad + 1)); diag "$name: ours $value, getauxval ${want_v[$t]}"; }
	done <<< "$ours"
	ok $bad "$L auxv: $seen process-independent values equal getauxval's"
	# Values of this program: against readelf of the program itself.
	local entry phnum phdr
	entry=$(readelf -hW "$BUILD/$a/vdso" | awk '/Entry point/ { print $NF }')
	phnum=$(readelf -hW "$BUILD/$a/vdso" | awk '/Number of program headers/ { print $NF }')
	phdr=$(readelf -lW "$BUILD/$a/vdso" | awk '$1 == "LOAD" { print $3; exit }')
	# vdso is a static PIE: the kernel (or QEMU) chose a load bias, the
	# same for every address; page-aligned, and never 0 (it is linked at 0).
	local at_entry bias
	at_entry=$(echo "$ours" | awk '$1 == "AT_ENTRY:" { print $2 }')
	bias=$((at_entry - entry))
	[ "$bias" -ne 0 ] && [ $((bias % 4096)) = 0 ]
	ok $? "$L auxv: AT_ENTRY is our entry point $entry, moved by a page-aligned bias $(printf '0x%x' $bias)"
	is "$(echo "$ours" | awk '$1 == "AT_PHNUM:" { print $2 }')" "$phnum" "$L auxv: AT_PHNUM is our program header count"
	local ehsize; ehsize=$(readelf -hW "$BUILD/$a/vdso" | awk '/Start of program headers/ { print $5 }')
	is "$(echo "$ours" | awk '$1 == "AT_PHDR:" { print $2 }')" "$(printf '0x%x' $((bias + phdr + ehsize)))" "$L auxv: AT_PHDR is where our headers are mapped, by the same bias"
	echo "$ours" | grep -Eq '^AT_RANDOM: +0x[0-9a-f]+ \[[0-9a-f]{32}\]$'
	ok $? "$L auxv: AT_RANDOM shows its address and 16 bytes"
	is "$(echo "$ours" | sed -n 's/^AT_EXECFN: *//p')" "$BUILD/$a/vdso" "$L auxv: AT_EXECFN as a string"
}

check_syms() {       # RUNNER ARCH BITS LABEL HAS_VDSO
	local r=$1 a=$2 m=$3 L=$4 has=$5 ours err status img=$O/image-$r-$a.so
	ours=$(run_on "$r" "$a" "$BUILD/$a/vdso" syms 2> "$O/err"); status=$?
	err=$(cat "$O/err")
	if [ "$has" = 0 ]; then
		is "$status" 1 "$L syms: exit 1 without a vDSO"
		is "$(echo "$err" | wc -l)" 1 "$L syms: one line on stderr"
		echo "$err" | grep -q '^vdso: syms: no vDSO ('
		ok $? "$L syms: says there is no vDSO ($err)"
		return
	fi
	is "$status" 0 "$L syms: exit 0"
	local obase base bias
	obase=$(run_on "$r" "$a" "$O/vdso-$a" image "$img") || { fail "$L oracle image"; return; }
	base=$(echo "$ours" | sed -n 's/^image: \(0x[0-9a-f]*\) (AT_SYSINFO_EHDR).*/\1/p')
	echo "$ours" | fold_syms "$base" > "$O/syms-$r-$a.ours"
	readelf --dyn-syms -W "$img" | fold_syms "$obase" > "$O/syms-$r-$a.readelf"
	diff_ok "$O/syms-$r-$a.ours" "$O/syms-$r-$a.readelf" \
		"$L syms: the same lines as readelf --dyn-syms -W of the image glibc sees"
	# dlvsym finds each versioned function at the address we compute.
	local line n=0 bad=0 want got name value
	bias=$(echo "$ours" | sed -n 's/^load bias: \(0x[0-9a-f]*\).*/\1/p')
	local names
	# (the functions: FUNC, or NOTYPE in a section, as QEMU's ppc64le
	# vDSO has them; not the version's ABS symbol)
	names=$(echo "$ours" | awk '($4 == "FUNC" || $4 == "NOTYPE" && $7 ~ /^[0-9]+$/) && $8 ~ /@@/ { sub(/@@/, "@", $8); print $2, $8 }')
	while read -r value name; do
		[ -n "$name" ] || continue
		# base and bias come from one run and the oracle from another:
		# compare offsets from the image's start.
		want=$(printf '0x%x' $((bias - base + 0x$value)))
		got=$(run_on "$r" "$a" "$O/vdso-$a" dlvsym "$name" | awk '{ print $2 }')
		n=$((n + 1))
		[ "$got" = "$want" ] || { bad=$((bad + 1)); diag "$name: ours $want, dlvsym $got"; }
	done <<< "$names"
	ok $bad "$L syms: dlvsym agrees on the offset of all $n versioned functions"
	local soname
	soname=$(readelf -dW "$img" | sed -n 's/.*(SONAME).*soname: \[\(.*\)\]$/\1/p')
	is "$(echo "$ours" | sed -n 's/^soname: //p')" "${soname:-(readelf finds no DT_SONAME)}" "$L syms: soname shown, as readelf -d finds it"
}

# Under QEMU most vDSO functions are stubs that make the system call
# themselves (some, like x86_64 getcpu, are real code that makes none).
# Either way a correct one makes no system call that the plain syscall
# path does not: any extra call in QEMU's log, against a VDSO=off run of
# the same command, is a fault of that vDSO, which `vdso call` must report.
# (the 32-bit and 64-bit time_t twins count as one: clock_gettime64 is
# clock_gettime)
# Only the program's own calls: `vdso call` proves in forked children which
# calls entered the kernel (vdso/served.c), and their calls are theirs.
own_calls() { awk 'NR == 1 { pid = $1 } $1 == pid' "$1"; }
# And only the time calls: the proof's own plumbing (pipe2, fork, wait4,
# mmap) is no call of a vDSO function.
TIME_CALLS='clock_gettime|gettimeofday|time|clock_getres|getcpu|getrandom'
syscall_names() { own_calls "$1" | sed -n 's/^[0-9]* *\([a-z_0-9]*\)(.*/\1/p' | sed 's/_time64$//; s/64$//' | grep -Ex "$TIME_CALLS" | sort -u; }
stub_faults() {      # RUNNER ARCH -> the functions whose stub is wrong
	local r=$1 a=$2 f t=$O/stub-$r-$a
	for f in $(table_calls "$r" "$a"); do
		run_on_traced "$r" "$a" "$t.on" "$BUILD/$a/vdso" call "$f" > /dev/null 2>&1
		VDSO=off run_on_traced "$r" "$a" "$t.off" "$BUILD/$a/vdso" call "$f" > /dev/null 2>&1
		[ -z "$(comm -23 <(syscall_names "$t.on") <(syscall_names "$t.off"))" ] || echo "$f"
	done
}

# The functions of the arch's table, as the program lists them (`vdso call
# --list`), but getrandom, which tests/32-getrandom.t checks.
table_calls() {      # RUNNER ARCH
	run_on "$1" "$2" "$BUILD/$2/vdso" call --list | grep -vx getrandom
}

# Run on one CPU: getcpu's answer is then known without asking the program.
pinned() {           # CPU RUNNER ARCH PROG [ARGS...]
	local cpu=$1 cmd
	cmd=$(runner_cmd "$2" "$3") || return 125
	shift 3
	timeout "$RUN_TIMEOUT" taskset -c "$cpu" $cmd "$@"
}

# getcpu pinned to each CPU: the syscall must name that CPU, and the
# verdict must follow whether the vDSO's answer does too.  (QEMU 10's
# x86_64 __vdso_getcpu is real code that answers CPU 0 wherever it runs:
# the program must say DISAGREE there, and this finds it, not assumes it.)
check_getcpu() {     # RUNNER ARCH LABEL
	local r=$1 a=$2 L=$3 cpu out status via sys verdict
	for cpu in $(seq 0 $(($(nproc) - 1)) | head -4); do
		out=$(pinned "$cpu" "$r" "$a" "$BUILD/$a/vdso" call getcpu 2> /dev/null); status=$?
		read -r via sys verdict <<< "$(echo "$out" | awk '$1 == "getcpu" { print $4, $5, $6 }')"
		is "${sys%.*}" "$cpu" "$L getcpu on CPU $cpu: the syscall says $cpu"
		if [ "${via%.*}" = "$cpu" ]; then
			is "$verdict:$status" "agree:0" "$L getcpu on CPU $cpu: the path says $cpu too: agree"
		else
			diag "$L the path's getcpu says ${via%.*} on CPU $cpu"
			is "$verdict:$status" "DISAGREE:1" "$L getcpu on CPU $cpu: the path says ${via%.*}: DISAGREE, exit 1"
		fi
	done
}

check_call() {       # RUNNER ARCH LABEL HAS_VDSO SYMS
	local r=$1 a=$2 L=$3 has=$4 syms=$5 out status f want got faults=
	[ "$has" = 1 ] && [ "$r" != native ] && faults=$(stub_faults "$r" "$a" | tr '\n' ' ')
	# on CPU 0, where every getcpu seen so far answers right (check_getcpu
	# tries the others)
	# (standard output alone: a line on stderr may cut into a row)
	out=$(pinned 0 "$r" "$a" "$BUILD/$a/vdso" call 2> "$O/call.err"); status=$?
	# The rows judged here, by the two values each prints
	# (tests/tools/call_rows.awk), against the faults QEMU's log shows.
	local differ
	differ=$(echo "$out" | awk -f "$TOP/tests/tools/call_rows.awk" | sort -u | tr '\n' ' ')
	is "$differ" "$(for f in $faults; do echo "$f"; done | sort -u | tr '\n' ' ')" \
		"$L call: the rows whose path and system call differ, by their values: ${faults:-none}"
	[ -z "$differ" ] || diag "$out"
	if [ -z "$faults" ]; then
		is "$status" 0 "$L call: exit 0, no fault to report"
	else
		# Found by the syscall log, not assumed: say it, and check that
		# the program says so too rather than hiding it.
		diag "$L this vDSO's stubs for: ${faults}make the wrong system call (seen in QEMU's log)"
		is "$status" 1 "$L call: a faulty vDSO function makes vdso call exit 1"
		is "$(echo "$out" | awk '/DISAGREE/ { print $1 }' | sort -u | tr '\n' ' ')" \
			"$(echo $faults | tr ' ' '\n' | sort -u | tr '\n' ' ')" \
			"$L call: DISAGREE shown for exactly the faulty functions"
	fi
	for f in $(table_calls "$r" "$a"); do
		# the path column, where the header puts it: an argument may
		# be more than one word ("key 0" of riscv_hwprobe)
		got=$(echo "$out" | awk -v f=$f '/^function +argument +path / { p = index($0, " path ") + 1 }
			p && $1 == f { split(substr($0, p), w, " "); print w[1]; exit }')
		want=syscall
		if [ "$has" = 1 ] && echo "$syms" | grep -Eq "(__vdso_|__kernel_)${f}(64|_time64)?@@"; then
			want=vdso
		elif [ "$a" = i386 ] && [ "$HAS_GATE" = 1 ]; then
			want=gate
		fi
		is "$got" "$want" "$L call: $f served by $want"
	done
	[ "$a" = riscv64 ] && check_pairs "$r" "$a" "$L" "$has" "$syms" "$out"
	out=$(VDSO=off run_on "$r" "$a" "$BUILD/$a/vdso" call 2>&1)
	is "$(echo "$out" | sed -n 's/^paths: //p' | grep -o '=[a-z]*' | sort -u | tr -d '\n')" "=syscall" \
		"$L call: VDSO=off: every function by the raw syscall"
	run_on "$r" "$a" "$BUILD/$a/vdso" call clock_gettime nosuch > /dev/null 2> "$O/err"
	is "$?" 2 "$L call: an unknown name is a usage error (exit 2)"
	is "$(wc -l < "$O/err")" 1 "$L call: ... with one line on stderr"
}

# riscv64's riscv_hwprobe asks key-value pairs (the keys of its table,
# ARCH_VDSO_PAIRS_KEYS in arch/riscv64/vdso_calls.h): a row for each key,
# its two values judged with the other rows (tests/tools/call_rows.awk),
# and where the image has no __vdso_riscv_hwprobe (QEMU's has none; `vdso
# syms`, held to readelf above), a line that says both columns are the
# system call's.
check_pairs() {      # RUNNER ARCH LABEL HAS_VDSO SYMS CALL-OUTPUT
	local r=$1 a=$2 L=$3 has=$4 syms=$5 out=$6 keys rows
	keys=$(grep -o '{ [0-9]*, "[A-Z_0-9]*" }' "$TOP/arch/$a/vdso_calls.h" | tr -d '{},"' | awk '{ print $1, $2 }')
	rows=$(echo "$out" | awk '$1 == "riscv_hwprobe" && $2 == "key" { n = $NF; gsub(/[()]/, "", n); print $3, n }')
	is "$rows" "$keys" "$L call: riscv_hwprobe asks each of the $(echo "$keys" | wc -l) keys of arch/$a/vdso_calls.h, by its number and name"
	if [ "$has" = 1 ] && echo "$syms" | grep -q '__vdso_riscv_hwprobe@@'; then
		! echo "$out" | grep -q '^riscv_hwprobe: this vDSO has no such function'
		ok $? "$L call: the image has __vdso_riscv_hwprobe: not said to be missing"
	else
		echo "$out" | grep -qx 'riscv_hwprobe: this vDSO has no such function: both columns are the system call'
		ok $? "$L call: $([ "$has" = 1 ] && echo 'no __vdso_riscv_hwprobe in the image' || echo 'no vDSO'): one line says both columns are the system call's"
	fi
}

# ppc64le: a vDSO function says an error as `sc` does, CR0.SO set and a
# positive errno in r3 (the kernel's arch/powerpc/kernel/vdso/
# gettimeofday.S, cvdso_call: `crset so; neg r3, r3`), which the runtime
# turns into -errno (arch/ppc64le/arch.h).  `vdso call` shows it with a bad
# clock id: r3 must hold EINVAL as the arch's <asm/errno.h> (asm-generic/
# errno-base.h) numbers it, and every clock_gettime(-1) the trace (strace,
# QEMU's log) shows must have failed with that errno: the system call's
# answer, and under QEMU its vDSO stub's.  A good clock: CR0.SO clear, 0.
check_error_flag() { # RUNNER ARCH LABEL HAS_VDSO
	local r=$1 a=$2 L=$3 has=$4 out einval t=$O/flag-$1-$2 calls bad
	out=$(run_on_traced "$r" "$a" "$t" "$BUILD/$a/vdso" call 2> /dev/null)
	if [ "$has" = 0 ]; then
		echo "$out" | grep -qx 'error flag (CR0.SO): not shown: no vDSO clock_gettime here'
		ok $? "$L call: no vDSO: the error flag is not shown, and one line says why"
		return
	fi
	einval=$(printf '#include <asm/errno.h>\nEINVAL\n' | $(arch_libc_cc "$a") -E -P -nostdinc -I"$BUILD/$a/uapi" -x c - 2> /dev/null | tail -n 1)
	is "$(echo "$out" | grep '^error flag: ')" \
	   "error flag: clock_gettime(-1) through the vDSO came back with CR0.SO set and $einval in the result register," \
	   "$L call: a bad clock id through the vDSO: CR0.SO set, r3 holds EINVAL (${einval:-?} by <asm/errno.h>)"
	echo "$out" | grep -Eqx '  which the runtime reads as EINVAL; the system call \(sc\) answers EINVAL: the same'
	ok $? "$L call: the runtime reads it as EINVAL, and says the system call answers EINVAL"
	calls=$(own_calls "$t" | grep -Ec '^[0-9]+ +clock_gettime\((-1|0xffffffff(ffffffff)?)[ ,]')
	bad=$(own_calls "$t" | grep -E '^[0-9]+ +clock_gettime\((-1|0xffffffff(ffffffff)?)[ ,]' | grep -Ecv "= -1 (errno=$einval |EINVAL )")
	[ "$calls" -ge 1 ] && [ "$bad" = 0 ]
	ok $? "$L call: the trace: each of its $calls clock_gettime(-1) calls failed with errno $einval (EINVAL)"
	echo "$out" | grep -qx '  clock_gettime(MONOTONIC) through the vDSO: CR0.SO clear, 0 in the result register'
	ok $? "$L call: a good clock id through the vDSO: CR0.SO clear, 0 in r3"
}

# Which path served clock_gettime, seen from outside: count the
# clock_gettime system calls the kernel (or QEMU) saw, per row printed.
check_trace() {      # RUNNER ARCH LABEL HAS_VDSO
	local r=$1 a=$2 L=$3 has=$4 rows calls t=$O/trace-$r-$a
	rows=$(run_on_traced "$r" "$a" "$t" "$BUILD/$a/vdso" call clock_gettime | grep -c '^clock_gettime ')
	calls=$(own_calls "$t" | grep -Ec '^[0-9]+ +clock_gettime(64)?\(')
	if [ "$has" = 1 ] && [ "$r" = native ]; then
		is "$calls" "$rows" "$L trace: $rows clock_gettime rows, only the twins enter the kernel"
	elif [ "$has" = 1 ]; then
		# QEMU's vDSO functions are stubs that make the system call.
		is "$calls" "$((2 * rows))" "$L trace: QEMU's vDSO stubs make the call too ($calls for $rows rows)"
	else
		is "$calls" "$((2 * rows))" "$L trace: no vDSO, both calls enter the kernel"
	fi
	rows=$(VDSO=off run_on_traced "$r" "$a" "$t" "$BUILD/$a/vdso" call clock_gettime | grep -c '^clock_gettime ')
	calls=$(own_calls "$t" | grep -Ec '^[0-9]+ +clock_gettime(64)?\(')
	is "$calls" "$((2 * rows))" "$L trace: VDSO=off, both calls of each of $rows rows enter the kernel"
}

check_gate() {       # RUNNER ARCH LABEL HAS_GATE HAS_VDSO
	local r=$1 a=$2 L=$3 gate=$4 has=$5 out status
	out=$(run_on "$r" "$a" "$BUILD/$a/vdso" gate 2>&1); status=$?
	is "$status" 0 "$L gate: exit 0"
	if [ "$gate" = 1 ]; then
		echo "$out" | grep -q '^calls now enter by: the gate$'
		ok $? "$L gate: system calls go through AT_SYSINFO"
		if [ "$has" = 1 ]; then
			is "$(echo "$out" | sed -n 's/^__kernel_vsyscall@[A-Z0-9_.]*: \(0x[0-9a-f]*\).*/\1/p')" \
			   "$(echo "$out" | sed -n 's/^AT_SYSINFO: *\(0x[0-9a-f]*\).*/\1/p' | grep . || echo "(no AT_SYSINFO line)")" \
			   "$L gate: __kernel_vsyscall by lookup is at AT_SYSINFO"
		fi
	else
		echo "$out" | grep -q "no AT_SYSINFO"
		ok $? "$L gate: says there is no AT_SYSINFO"
	fi
	# The gate's form as the program says it (arch_gate_form, from the
	# bytes), against objdump's decoding of the same runner's vDSO.
	if [ "$gate" = 1 ] && [ "$has" = 1 ]; then
		local img=$O/gate-$r-$a.so want
		run_on "$r" "$a" "$BUILD/$a/vdso" dump "$img" > /dev/null 2>&1
		want=$(gate_form_by_objdump "$img")
		is "$(gate_form_said "$out")" "${want:-(objdump finds no way in)}" \
		   "$L gate: the form it names is the one objdump decodes at __kernel_vsyscall (${want:-none})"
	elif [ "$gate" = 1 ]; then
		skip "$L gate: its form against objdump" "no vDSO to dump"
	fi
	# Each door's values, judged here: the word (a long) at 4096 by od on
	# the file.
	local word
	local endian=little
	readelf -hW "$BUILD/$a/vdso" | grep -q 'Data:.*big endian' && endian=big    # s390x
	word=$(od --endian=$endian -An -td$(($(arch_bits "$a") / 8)) -j4096 -N$(($(arch_bits "$a") / 8)) "$BUILD/$a/vdso" | tr -d ' ')
	is "$(echo "$out" | awk -f "$TOP/tests/tools/gate_rows.awk" | tr '\n' '|')" \
	   "getpid equal|write 37 37|mmap $word $word|0x7ffff -ENOSYS -ENOSYS|" \
	   "$L gate: both doors: one getpid, 37 bytes written, the word od reads at 4096, -ENOSYS for an unknown number"
}

for a in $(arches); do
	m=$(arch_bits "$a")
	for r in $(all_runners); do
		L="[$a $r]"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L vdso tests" "$why"; continue
		fi
		oracle=$(run_on "$r" "$a" "$O/auxv-$a")
		HAS_VDSO=0; echo "$oracle" | grep -q '^33 ' && HAS_VDSO=1
		HAS_GATE=0; echo "$oracle" | grep -q '^32 ' && HAS_GATE=1
		diag "$L getauxval: AT_SYSINFO_EHDR $([ $HAS_VDSO = 1 ] && echo present || echo absent), AT_SYSINFO $([ $HAS_GATE = 1 ] && echo present || echo absent)"
		out=$(run_on "$r" "$a" "$BUILD/$a/vdso"); status=$?
		is "$status" 0 "$L summary: exit 0"
		if [ $HAS_VDSO = 1 ]; then
			# (the sonames: linux-gate.so.1 on i386, linux-vdso64.so.1
			# on ppc64 and s390x, by their kernel Makefiles; checked
			# against readelf in `syms` below)
			echo "$out" | grep -Eq "^vdso $a: linux-(vdso|vdso32|vdso64|gate)\.so\.1 at 0x"
			ok $? "$L summary: names the vDSO and where it is"
		else
			echo "$out" | grep -q "^vdso $a: no vDSO: .*every call is a system call"
			ok $? "$L summary: says there is no vDSO and falls back"
		fi
		check_auxv "$r" "$a" "$m" "$L"
		check_syms "$r" "$a" "$m" "$L" "$HAS_VDSO"
		syms=$(run_on "$r" "$a" "$BUILD/$a/vdso" syms 2> /dev/null)
		check_call "$r" "$a" "$L" "$HAS_VDSO" "$syms"
		[ "$a" = ppc64le ] && check_error_flag "$r" "$a" "$L" "$HAS_VDSO"
		check_getcpu "$r" "$a" "$L"
		check_trace "$r" "$a" "$L" "$HAS_VDSO"
		check_gate "$r" "$a" "$L" "$HAS_GATE" "$HAS_VDSO"
	done
done
done_testing
