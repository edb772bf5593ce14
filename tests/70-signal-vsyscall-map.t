#!/bin/bash
# tests/70-signal-vsyscall-map.t - `vdso signal`, `vdso vsyscall`, `vdso map`
# on every runner, each judged by what shares no code with us: nm on our
# binary, readelf and objdump on the runner's own vDSO (dumped), the
# runner's /proc/self/maps as a libc program reads it, strace.  Then the
# three as process 1 without /proc, `vdso dump` reading only the image,
# and `vdso call` in a time namespace.
#
# What each runner should do (found on these machines, see the README):
#   signal, x86_64, every runner: SA_RESTORER returns to arch_sigreturn;
#     without it the child is killed by SIGSEGV (signal_64.c; QEMU the same).
#   signal, i386, native and QEMU 10: the vDSO's __kernel_rt_sigreturn and
#     __kernel_sigreturn.  QEMU 7.2 (no vDSO): both return into a page QEMU
#     maps (r-xp, anonymous); the old frame's code there is sigreturn, the
#     rt frame's address holds zeros and the child dies by SIGSEGV (QEMU
#     7.2's setup_sigtramp, linux-user/i386/signal.c, writes the rt
#     trampoline 16 bytes in, but points 8 bytes in).
#   vsyscall: the mode /proc/self/maps gives on that runner, the probes
#     agree; i386 says it has no page.
#   map: the [vvar*]/[vdso] lines that runner's maps have; __vdso_time's
#     first data address as objdump gives it; QEMU 10's makes a system call,
#     and the walk stops at the offset of the instruction objdump finds.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/sigmap
rm -rf "$T"
mkdir -p "$T"
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

# The maps oracle: a libc program that prints its own /proc/self/maps.
printf '%s\n' '#include <stdio.h>' \
	'int main(void) { FILE *f = fopen("/proc/self/maps", "r"); char b[4096];' \
	'  while (f && fgets(b, sizeof b, f)) fputs(b, stdout); return !f; }' > "$T/maps.c"
for a in $(arches); do
	m=$(arch_libc_cc "$a")
	$m -static -O2 "$T/maps.c" -o "$T/maps-$a" 2> "$T/maps-$a.log" || rm -f "$T/maps-$a"
done

# hex arithmetic in the shell
hex() { printf '0x%x' "$(($1))"; }

# code_makes ARCH BYTES NAME THUMB: the bytes `vdso signal` printed after
# "code there:", disassembled as raw code by the arch's own objdump, move
# NAME's system call number (by the arch's UAPI <asm/unistd.h>, read by
# the arch's compiler: arm's EABI numbers need __ARM_EABI__) into the
# number register (x8, r7) and then make an svc.  THUMB 1: Thumb code.
code_makes() {
	local a=$1 bytes=$2 nr f=$T/code-$1.bin m dis
	nr=$(printf '#include <asm/unistd.h>\n__NR_%s\n' "$3" |
		$(arch_libc_cc "$a") -E -P -nostdinc -I"$BUILD/$a/uapi" -x c - 2> /dev/null | tail -n 1)
	nr=$((nr)) || return 1
	xxd -r -p <<< "${bytes// /}" > "$f"
	case $a in
	riscv64) m="-m riscv:rv64" ;;
	ppc64le) m="-m powerpc:common64 -EL" ;;
	s390x) m="-m s390:64-bit" ;;
	*) m="-m $a"; [ "$a" = arm ] && [ "$4" = 1 ] && m="-m arm -M force-thumb" ;;
	esac
	dis=$($(arch_tool "$a" objdump) -D -b binary $m "$f" 2> /dev/null)
	local n="($nr|0x$(printf %x "$nr"))([^0-9a-fx]|\$)"
	case $a in
	# the number in a7, then ecall (riscv); in r0, then sc (powerpc)
	riscv64) grep -Eq "li[[:space:]]+a7,$n" <<< "$dis" && grep -Eq '[[:space:]]ecall' <<< "$dis" ;;
	ppc64le) grep -Eq "li[[:space:]]+r0,$n" <<< "$dis" && grep -Eq '[[:space:]]sc$' <<< "$dis" ;;
	# s390's svc carries the number as its operand: the first svc's
	s390x) grep -Em1 '[[:space:]]svc[[:space:]]' <<< "$dis" | grep -Eq "svc[[:space:]]+$n" ;;
	*) grep -Eq "movs?[[:space:]]+(x8|w8|r7), #$n" <<< "$dis" &&
		grep -Eq '[[:space:]]svc[[:space:]]' <<< "$dis" ;;
	esac
}

# The offset of a dynamic symbol in a dumped image: st_value minus the
# first PT_LOAD's p_vaddr plus its p_offset (readelf's view).
sym_offset() {          # FILE SYMBOL
	local v load
	v=$(readelf --dyn-syms -W "$1" | awk -v s="$2" '$8 == s || $8 ~ "^"s"@" {print $2; exit}')
	load=$(readelf -lW "$1" | awk '$1 == "LOAD" {print $2, $3; exit}')
	[ -n "$v" ] && [ -n "$load" ] || return 1
	set -- $load
	hex "0x$v - $2 + $1"
}

# ---------------------------------------------------------------- signal
# The registers arch_raise_keep sets before its kill, by objdump: "REG
# 0xVALUE" for each immediate moved into one, up to the system call
# instruction, the last (the system call's number) left out.
set_registers() {       # PROG
	objdump -d --no-show-raw-insn "$1" | sed -n '/<arch_raise_keep>:$/,/^$/p' |
		sed -n -e '/\t\(syscall\|int  *\$0x80\)/q' \
		       -e 's/.*\tmov[a-z]*  *\$0x\([0-9a-f]*\),%\([a-z0-9]*\)$/\2 0x\1/p' | sed '$d'
}

# The registers after each handler returned, by gdb: it holds every child
# (detach-on-fork off), breaks where the kill returns to (the instruction
# after it: OFFSET into arch_raise_keep) and shows the registers there;
# a break in each handler shows the order.  Lines "handler INFERIOR" and
# "kept INFERIOR REG VALUE".
registers_after() {     # PROG OFFSET REG...
	local p=$1 off=$2 script=$T/kept.gdb
	shift 2
	{
		printf '%s\n' 'set pagination off' 'set detach-on-fork off' 'set follow-fork-mode parent' \
			'set schedule-multiple on' 'handle SIGUSR1 nostop noprint pass' \
			'handle SIGSEGV nostop noprint pass' \
			'break info_handler' 'commands' 'silent' 'printf "handler %d\n", $_inferior' 'continue' 'end' \
			'break plain_handler' 'commands' 'silent' 'printf "handler %d\n", $_inferior' 'continue' 'end' \
			"break *(arch_raise_keep+$off)" 'commands' 'silent'
		for reg in "$@"; do echo "printf \"kept %d $reg 0x%lx\\n\", \$_inferior, \$$reg"; done
		printf '%s\n' 'continue' 'end' 'run' 'python' 'for _ in range(8):' \
			'    try:' '        gdb.execute("inferior 1")' '        gdb.execute("continue")' \
			'    except gdb.error:' '        break' 'end'
	} > "$script"
	timeout 120 gdb -q -batch -x "$script" --args "$p" signal 2>&1 | grep -E '^(handler|kept) [0-9]+'
}

# check_kept RUNNER ARCH OUT CASES: the registers the interrupted code set
# hold their values after the handler returned, in each of the first
# CASES children (case 1, 2, ...: inferior 2, 3, ...), by gdb, natively.
check_kept() {
	local r=$1 a=$2 out=$3 cases=$4 L="$1 $2: vdso signal" set linked start off stops c inf bad want got reg val
	if [ $r != native ]; then
		skip "$L: the registers after the return, by gdb" "gdb follows the children natively only"
		return
	elif ! command -v gdb > /dev/null; then
		skip "$L: the registers after the return, by gdb" "gdb is not installed"
		return
	fi
	set=$(set_registers "$BUILD/$a/vdso")
	linked=$(sed -n '/^case 1:/,/^case 2:/p' "$out" | sed -n 's/.*interrupted at 0x[0-9a-f]*: arch_raise_keep+0x[0-9a-f]* (linked at 0x\([0-9a-f]*\)).*/\1/p')
	start=$(nm "$BUILD/$a/vdso" | awk '$3 == "arch_raise_keep" {print $1}')
	[ -n "$set" ] && [ -n "$linked" ] && [ -n "$start" ] ||
		{ fail "$L: the registers arch_raise_keep sets (objdump) and where it was interrupted"; return; }
	off=$(hex "0x$linked - 0x$start")
	stops=$(registers_after "$BUILD/$a/vdso" "$off" $(awk '{print $1}' <<< "$set"))
	for ((c = 1; c <= cases; c++)); do
		inf=$((c + 1))
		want=$(awk '{print "kept", i, $1, $2}' i=$inf <<< "$set")
		got=$(awk -v i=$inf '$2 == i' <<< "$stops")
		# the handler ran first, then the kill returned with these values
		is "$got" "handler $inf"$'\n'"$want" \
		   "$L: case $c: after its handler, the $(wc -l <<< "$set") registers set before the kill hold their values (objdump: $(awk '{printf "%s%s", s, $1; s=" "}' <<< "$set"); gdb at arch_raise_keep+$off)"
	done
}

check_signal() {        # RUNNER ARCH
	local r=$1 a=$2 out=$T/signal-$1-$2 so=$T/vdso-$1-$2.so
	local L="$r $a: vdso signal"
	run_on $r $a "$BUILD/$a/vdso" signal > "$out" 2> "$out.err"
	ok $? "$L: exit 0"
	# case 1, every runner: the runtime's restorer, by nm on the binary.
	# An arch whose UAPI <asm/signal.h> has no SA_RESTORER (riscv:
	# asm-generic's struct sigaction without the field) has no case 1:
	# it says so, and case 2 is the first that runs.
	local want got first=1 c1
	if ! printf '#include <asm/signal.h>\n#ifdef SA_RESTORER\nyes\n#endif\n' |
		$(arch_libc_cc "$a") -E -P -nostdinc -I"$BUILD/$a/uapi" -x c - 2> /dev/null | grep -q '^yes$'; then
		grep -q "^case 1: SIGUSR1, SA_SIGINFO and SA_RESTORER: none on $a" "$out"
		ok $? "$L: no SA_RESTORER in $a's <asm/signal.h>: no case 1, it says so"
		first=2
	fi
	c1=$(sed -n "/^case $first:/,/^case $((first + 1)):/p" "$out")
	want=$(nm "$BUILD/$a/vdso" | awk '$3 == "arch_sigreturn" {print $1}')
	# (vdso is a PIE: it prints each address as it is and as linked, which nm shows)
	got=$(sed -n 's/.*return address 0x[0-9a-f]*: arch_sigreturn (linked at 0x\([0-9a-f]*\)).*/\1/p' <<< "$c1")
	if [ $a = ppc64le ]; then
		# powerpc never returns to sa_restorer: it sets the link register
		# to the vDSO's trampoline or one it writes on the stack
		# (arch/powerpc/kernel/signal_64.c).  The handler returns where
		# it does without SA_RESTORER (case 2).
		local r1 r2
		r1=$(sed -n 's/^  in the handler: return address \(0x[0-9a-f]*\).*/\1/p' <<< "$c1")
		r2=$(sed -n '/^case 2:/,/^case 3:/p' "$out" | sed -n 's/^  in the handler: return address \(0x[0-9a-f]*\).*/\1/p')
		[ -z "$got" ] && [ -n "$r1" ] && [ "$r1" = "$r2" ] && grep -q '^case 1: .*counts for nothing' "$out"
		ok $? "$L: SA_RESTORER ignored by $a's kernel: the handler returns where case 2's does (${r1:-?}), not to arch_sigreturn (nm: $want), and it says so"
	elif [ $first = 1 ]; then
		is "$(hex 0x$got)" "$(hex 0x$want)" "$L: SA_RESTORER: the handler returns to arch_sigreturn (nm: $want)"
	fi
	local start size ip
	read -r start size < <(nm -S "$BUILD/$a/vdso" | awk '$4 == "arch_raise_keep" {print $1, $2}')
	ip=$(sed -n 's/.*interrupted at 0x[0-9a-f]*: arch_raise_keep+0x[0-9a-f]* (linked at 0x\([0-9a-f]*\)).*/\1/p' <<< "$c1")
	[ -n "$ip" ] && (( 0x$ip >= 0x$start && 0x$ip < 0x$start + 0x$size ))
	ok $? "$L: case $first: the interrupted code is arch_raise_keep (nm: $start, $((0x$size)) bytes)"
	grep -q 'code there: .*system call .* (rt_sigreturn)' <<< "$c1"
	ok $? "$L: case $first: the code at the return address makes rt_sigreturn"

	# the runner line, against readelf on this runner's own vDSO
	local nsig=-1
	# (powerpc names its trampolines __kernel_sigtramp_rt64 and the like)
	[ -s "$so" ] && nsig=$(readelf --dyn-syms -W "$so" | grep -Ec 'sigreturn|sigtramp')
	local here; here=$(grep '^here:' "$out")
	if [ "$nsig" = -1 ]; then
		[[ $here == "here: no vDSO"* ]]; ok $? "$L: no vDSO here, it says so: $here"
	elif [ "$nsig" = 0 ] && [ $a = arm ]; then
		# arm's kernel returns through its sigpage, not the vDSO
		[[ $here == *"through its sigpage"* ]]; ok $? "$L: readelf finds no sigreturn symbol, it names the sigpage"
	elif [ "$nsig" = 0 ]; then
		[[ $here == *"exports no sigreturn symbol"* ]]; ok $? "$L: readelf finds no sigreturn symbol, it says so"
	elif [ "$nsig" = 1 ]; then
		local one
		one=$(readelf --dyn-syms -W "$so" | awk '$8 ~ /sigreturn|sigtramp/ { sub(/@.*/, "", $8); print $8 }')
		[[ $here == *"exports $one ("* ]]
		ok $? "$L: readelf finds $nsig sigreturn symbol, it names it ($one)"
	else
		[[ $here == *"__kernel_sigreturn and __kernel_rt_sigreturn"* ]]
		ok $? "$L: readelf finds $nsig sigreturn symbols, it names them"
	fi

	local c2 c3
	c2=$(sed -n '/^case 2:/,/^case 3:/p' "$out")
	c3=$(sed -n '/^case 3:/,$p' "$out")
	if [ $a = x86_64 ]; then
		[[ $c2 == *"fate: killed by SIGSEGV"* && $c2 != *"in the handler"* ]]
		ok $? "$L: without SA_RESTORER the handler never runs, the child is killed by SIGSEGV"
		is "$(grep -c '^case' "$out")" 2 "$L: no old frame on x86_64: two cases"
		check_kept $r $a "$out" 1
		if [ $r = native ]; then
			run_on_traced native $a "$out.strace" "$BUILD/$a/vdso" signal > /dev/null 2>&1
			grep -q '+++ killed by SIGSEGV' "$out.strace"
			ok $? "$L: strace sees the child killed by SIGSEGV"
			grep -q 'rt_sigaction(SIGUSR1, {sa_handler=0x[0-9a-f]*, sa_mask=\[\], sa_flags=SA_SIGINFO}' "$out.strace"
			ok $? "$L: strace sees the handler installed without SA_RESTORER"
		fi
	elif [ $a = aarch64 ] || [ $a = arm ]; then
		# ARM: without SA_RESTORER the kernel (or the emulator) returns
		# through code of its own: the vDSO's __kernel_rt_sigreturn on
		# aarch64, the sigpage on arm; judged by the arch's objdump on the
		# bytes there, and by readelf where the vDSO names it.
		local ret bytes c rt
		for c in 2 3; do
			[ $c = 3 ] && [ $a = aarch64 ] && break
			local cs=$c2 call=rt_sigreturn
			[ $c = 3 ] && cs=$c3 call=sigreturn
			ret=$(sed -n 's/^  in the handler: return address \(0x[0-9a-f]*\):.*/\1/p' <<< "$cs" | head -n 1)
			bytes=$(sed -n 's/^  code there: \([0-9a-f ]*\):.*/\1/p' <<< "$cs")
			[ -n "$ret" ] && code_makes $a "$bytes" $call $((ret & 1)) && [[ $cs == *"fate: exited 0"* ]]
			ok $? "$L: case $c, no SA_RESTORER: the handler returns to code that makes $call ($(arch_tool $a objdump) on its bytes: $bytes), and the child exits 0"
		done
		is "$(grep -c '^case' "$out")" "$([ $a = arm ] && echo 3 || echo 2)" "$L: $([ $a = arm ] && echo 'the old frame too on arm: three cases' || echo 'no old frame on aarch64: two cases')"
		if [ "$nsig" -gt 0 ]; then
			rt=$(sym_offset "$so" __kernel_rt_sigreturn)
			[[ $c2 == *"__kernel_rt_sigreturn@LINUX_2.6.39+0x0 in the vDSO (+$rt)"* ]]
			ok $? "$L: that code is __kernel_rt_sigreturn (readelf: +$rt, $(readelf --dyn-syms -W "$so" | awk '$8 ~ /^__kernel_rt_sigreturn/ { print $4; exit }'))"
		fi
	elif [ $a = riscv64 ] || [ $a = ppc64le ] || [ $a = s390x ]; then
		# Without SA_RESTORER the kernel (or the emulator) returns
		# through code of its own: the vDSO's trampoline, or a page or
		# frame it wrote.  Judged by the arch's objdump on the bytes
		# `vdso signal` printed there; where that is in the vDSO, by
		# readelf (the symbol at that offset) and by the dumped image's
		# own bytes (xxd).  Only s390 has an old, non-rt frame for a
		# 64-bit task (arch/s390/kernel/signal.c setup_frame; riscv and
		# powerpc64 give every handler an rt frame).
		local cases=2 c cs call ret bytes line sym off
		[ $a = s390x ] && cases=3
		is "$(grep -c '^case' "$out")" $cases "$L: $cases cases$([ $cases = 3 ] && echo ', the old frame too on s390x')"
		for ((c = 2; c <= cases; c++)); do
			cs=$c2 call=rt_sigreturn
			[ $c = 3 ] && cs=$c3 call=sigreturn
			ret=$(sed -n 's/^  in the handler: return address \(0x[0-9a-f]*\):.*/\1/p' <<< "$cs" | head -n 1)
			bytes=$(sed -n 's/^  code there: \([0-9a-f ]*\):.*/\1/p' <<< "$cs")
			[ -n "$ret" ] && code_makes $a "$bytes" $call 0 && [[ $cs == *"fate: exited 0"* ]]
			ok $? "$L: case $c, no SA_RESTORER: the handler returns to code that makes $call ($(arch_tool $a objdump) on its bytes: $bytes), and the child exits 0"
			line=$(grep -m1 '^  in the handler: return address ' <<< "$cs")
			if [[ $line == *" in the vDSO (+0x"* ]]; then
				sym=$(sed -n 's/.*: \([A-Za-z0-9_]*\)@[A-Z0-9_.]*+0x0 in the vDSO (+\(0x[0-9a-f]*\))$/\1/p' <<< "$line")
				off=$(sed -n 's/.* in the vDSO (+\(0x[0-9a-f]*\))$/\1/p' <<< "$line")
				[ -n "$sym" ] && [ "$(sym_offset "$so" "$sym")" = "$off" ] &&
					[ "$(xxd -s $((off)) -l 4 -p "$so")" = "$(tr -d ' ' <<< "$bytes" | cut -c1-8)" ]
				ok $? "$L: case $c: that code is ${sym:-?} (readelf: +${off:-?}), the dumped vDSO's bytes there"
			fi
		done
	elif [ "$nsig" -gt 0 ]; then
		local rt old
		rt=$(sym_offset "$so" __kernel_rt_sigreturn) && old=$(sym_offset "$so" __kernel_sigreturn)
		[[ $c2 == *"__kernel_rt_sigreturn@LINUX_2.5+0x0 in the vDSO (+$rt)"* && $c2 == *"fate: exited 0"* ]]
		ok $? "$L: SA_SIGINFO without SA_RESTORER returns through __kernel_rt_sigreturn (readelf: +$rt)"
		[[ $c3 == *"__kernel_sigreturn@LINUX_2.5+0x0 in the vDSO (+$old)"* && $c3 == *"fate: exited 0"* ]]
		ok $? "$L: the old frame returns through __kernel_sigreturn (readelf: +$old)"
		[[ $c2 == *"(rt_sigreturn) by int \$0x80"* && $c3 == *"(sigreturn) by int \$0x80"* ]]
		ok $? "$L: the vDSO's code makes rt_sigreturn and sigreturn"
		# A vDSO address is shown with its offset in the vDSO and nothing
		# else: the program's load bias taken off it would be a number
		# of nothing (it was, as "linked at").  The line whole, its
		# offset readelf's: no other figure in it.
		local line
		line=$(grep -m1 'in the handler: return address ' <<< "$c2")
		[[ $line =~ ^\ \ in\ the\ handler:\ return\ address\ 0x[0-9a-f]+:\ __kernel_rt_sigreturn@LINUX_2\.5\+0x0\ in\ the\ vDSO\ \(\+$rt\)$ ]]
		ok $? "$L: the vDSO's return address carries its vDSO offset (+$rt by readelf) and no load bias: $line"
		check_kept $r $a "$out" 3
	else            # i386 with no vDSO: QEMU 7.2's page of trampolines
		[[ $c3 == *"outside the vDSO and the program, in the mapping "*" r-xp (anonymous)"* &&
		   $c3 == *"(sigreturn) by int \$0x80"* && $c3 == *"fate: exited 0"* ]]
		ok $? "$L: no vDSO: the old frame returns into an anonymous r-xp page, its code sigreturn"
		[[ $c2 == *"r-xp (anonymous)"* && $c2 == *"not a sigreturn sequence"* && $c2 == *"fate: killed by SIGSEGV"* ]]
		ok $? "$L: no vDSO: the rt frame's return address holds no trampoline: SIGSEGV"
	fi
}

# -------------------------------------------------------------- vsyscall
check_vsyscall() {      # RUNNER ARCH
	local r=$1 a=$2 out=$T/vsyscall-$1-$2 L="$1 $2: vdso vsyscall"
	run_on $r $a "$BUILD/$a/vdso" vsyscall > "$out" 2> "$out.err"
	ok $? "$L: exit 0"
	if [ $a = i386 ]; then
		is "$(wc -l < "$out")" 1 "$L: one line"
		grep -q 'no legacy vsyscall page on i386.*the gate' "$out"; ok $? "$L: there is no page, the gate is the counterpart"
		return
	fi
	if [ $a != x86_64 ]; then
		# The counterpart on arm: the kuser helpers page at 0xffff0000
		# (Documentation/arm/kernel_user_helpers.rst), as the runner's
		# maps show it to a libc program; the other arches have none.
		local kuser
		kuser=$(run_on $r $a "$T/maps-$a" | grep '^ffff0000-ffff1000 r-xp ')
		if [ $a != arm ]; then
			is "$(wc -l < "$out")" 1 "$L: one line"
			[ -z "$kuser" ] && grep -q "no legacy vsyscall page on $a.*nor any page of code at a fixed address" "$out"
			ok $? "$L: no page, none at a fixed address (the maps have none at 0xffff0000)"
		elif [ -n "$kuser" ]; then
			grep -q '^kuser helpers page at 0xffff0000 (r-xp ' "$out"
			ok $? "$L: the kuser helpers page at 0xffff0000, r-xp as the maps have it"
			local set got
			read -r set got < <(sed -n 's/^set_tls(\(0x[0-9a-f]*\)) by the system call, then __kuser_get_tls at 0xffff0fe0, a call to a fixed address: \(0x[0-9a-f]*\) .*/\1 \2/p' "$out")
			[ -n "$set" ] && [ "$set" = "$got" ]
			ok $? "$L: __kuser_get_tls returns what set_tls set (${set:-?}, ${got:-?})"
		else
			grep -q '^no .*page at 0xffff0000: .*CONFIG_KUSER_HELPERS=n' "$out"
			ok $? "$L: no kuser helpers page in the maps: it says CONFIG_KUSER_HELPERS=n"
		fi
		return
	fi
	local line want
	line=$(run_on $r $a "$T/maps-$a" | grep '^ffffffffff600000-')
	case $line in
	"") want=none ;;
	*" r-xp "*) want=emulate ;;
	*) want=xonly ;;
	esac
	grep -q "^mode by /proc/self/maps: $want" "$out"; ok $? "$L: the maps mode is $want, as a libc program sees its maps there"
	is "$(sed -n 's/^mode by the probes: \([a-z]*\).*/\1/p' "$out")" "$want" "$L: the probes find $want too"
	if [ $want != none ]; then
		local t s now
		read -r t s < <(sed -n 's/^probe: a call of time at +0x400: \([0-9]*\) (the system call says \([0-9]*\))/\1 \2/p' "$out")
		now=$(date +%s)
		[ -n "$t" ] && (( s - t >= 0 && s - t <= 1 && now - t >= 0 && now - t <= 10 ))
		ok $? "$L: time through the page ($t) is the system call's ($s) and date's ($now)"
		# the ratios it prints, from the times it prints (to a tenth,
		# cut or rounded, of times themselves rounded)
		local sys page ratio
		sys=$(awk '/^  system call/ {print $3}' "$out")
		page=$(awk '/^  vsyscall page/ {print $3}' "$out")
		ratio=$(sed -n 's/^  vsyscall page .*, *\([0-9.]*\)x the system call$/\1/p' "$out")
		[ -n "$sys" ] && [ -n "$page" ] && [ -n "$ratio" ] &&
			awk -v p="$page" -v s="$sys" -v q="$ratio" 'BEGIN { exit !(s > 0 && q - p / s <= 0.1 + q / 100 && p / s - q <= 0.1 + q / 100) }'
		ok $? "$L: the page's cost against the system call's: ${ratio:-?}x, $page / $sys ns"
		if [ $r = native ]; then
			awk -v p="$page" -v s="$sys" 'BEGIN { exit !(p > s) }'
			ok $? "$L: natively a call through the page ($page ns) costs more than the system call ($sys ns): each faults"
		fi
	fi
	case $want in
	xonly) grep -q '^probe: a read of the page: SIGSEGV' "$out"; ok $? "$L: xonly: the read faults, and the tool lives" ;;
	emulate) grep -q '^probe: a read of the page: it reads' "$out"; ok $? "$L: emulate: the page reads" ;;
	none) grep -q '^probe: a call of time at +0x400: SIGSEGV' "$out"; ok $? "$L: none: the call faults, and the tool lives" ;;
	esac
}

# ------------------------------------------------------------------- map
check_map() {           # RUNNER ARCH
	local r=$1 a=$2 out=$T/map-$1-$2 so=$T/vdso-$1-$2.so L="$1 $2: vdso map"
	run_on $r $a "$BUILD/$a/vdso" map > "$out" 2> "$out.err"
	ok $? "$L: exit 0"
	if [ ! -s "$so" ]; then
		is "$(wc -l < "$out")" 1 "$L: no vDSO: one line"
		grep -q '^vdso map: no vDSO here' "$out"; ok $? "$L: ... that says so"
		return
	fi
	# The mappings: names, sizes and distances from [vdso], as that
	# runner's maps show them to a libc program (another process: the
	# same layout, other addresses).
	run_on $r $a "$T/maps-$a" | awk '$NF ~ /^\[(vvar.*|vdso)\]$/ {print $NF, $1}' > "$T/maps-$r-$a.lines"
	local base want got name range
	base=$(awk '$1 == "[vdso]" {split($2, x, "-"); print x[1]}' "$T/maps-$r-$a.lines")
	want=$(while read -r name range; do
		echo "$name $((0x${range#*-} - 0x${range%-*})) $((0x${range%-*} - 0x$base))"
	done < "$T/maps-$r-$a.lines")
	got=$(awk '/^  \[(vvar.*|vdso)\] / {print $1, $4, $NF}' "$out" | while read -r name size d; do
		echo "$name $size $((${d:0:1}${d:1}))"
	done)
	[ -n "$base" ] && [ -n "$got" ] && [ "$got" = "$want" ]
	ok $? "$L: the mappings, their sizes and distances, as the runner's maps give them"
	[ "$got" = "$want" ] || diag "got:" "$got" "want:" "$want"
	# The picture of the same mappings: each box and gap as long as its
	# edges say, the [vdso] box where the listing puts [vdso].
	local n v verdict
	read -r n v verdict <<< "$(python3 "$TOP/tests/tools/around_check.py" < "$out")"
	range=$(awk '$1 == "[vdso]" { print $2 }' "$out")
	is "$v $verdict" "${range:-none} ok" "$L: the picture's ${n:-0} edges: each box and gap as long as its edges say, [vdso] where the listing has it"
	# The image size: the dump's, which readelf reads whole.
	grep -q "^vdso map: the image at 0x[0-9a-f]* (AT_SYSINFO_EHDR), $(stat -c %s "$so") bytes" "$out"
	ok $? "$L: the image's size is the dump's"

	# The time function's first data address (__vdso_time on x86, the
	# clock_gettime `vdso map` names on ARM), from the arch's objdump on
	# the dump.
	local fn dis v sz tf
	tf=$(sed -n 's/^\([A-Za-z_0-9]*\)@[A-Z_0-9.]* at +0x[0-9a-f]*, decoded up to its first data address:$/\1/p' "$out" | head -n 1)
	fn=$(sym_offset "$so" "$tf")
	read -r v sz < <(readelf --dyn-syms -W "$so" | awk -v f="$tf" '$8 == f || index($8, f "@") == 1 {print $2, $3; exit}')
	[ $a = arm ] && v=$(printf '%x' $((0x${v:-0} & ~1)))   # arm: Thumb's bit 0
	dis=$($(arch_tool "$a" objdump) -d -w --no-show-raw-insn --start-address=0x$v --stop-address=$((0x$v + ${sz:-0})) "$so" | grep '^ *[0-9a-f]*:')
	[ -n "$dis" ]; ok $? "$L: objdump disassembles ${tf:-the time function} in the dump"
	if [[ $dis != *"(%rip)"* ]] && ! grep -Eqw 'call|ldr|bl' <<< "$dis" && grep -Eq 'syscall|int +\$0x80|svc|ecall|[[:space:]]sc$' <<< "$dis"; then
		# The walk stops at the first system call instruction objdump
		# finds in the function: its offset in the image (objdump's
		# address less the first PT_LOAD's vaddr, plus its offset), its
		# bytes the dump's there, as many as up to objdump's next one.
		local at next vaddr foff off bytes
		at=$(grep -Em1 $'\t(syscall|int +\\$0x80|svc|ecall|sc)(\t|$)' <<< "$dis" | sed 's/^ *\([0-9a-f]*\):.*/\1/')
		next=$(grep -A1 -Em1 $'\t(syscall|int +\\$0x80|svc|ecall|sc)(\t|$)' <<< "$dis" | sed -n '2s/^ *\([0-9a-f]*\):.*/\1/p')
		next=${next:-$(printf '%x' $((0x$v + ${sz:-0})))}
		read -r vaddr foff <<< "$(readelf -lW "$so" | awk '$1 == "LOAD" { print $3, $2; exit }')"
		off=$(hex "0x${at:-0} - $vaddr + $foff")
		bytes=$(xxd -s $((off)) -l $((0x$next - 0x${at:-0})) -p "$so" | sed 's/../& /g; s/ $//')
		is "$(sed -n 's/^  +\(0x[0-9a-f]*\): \([0-9a-f ]*\): a system call: this function has no data load.*/\1: \2/p' "$out")" "$off: $bytes" \
		   "$L: $tf makes a system call (objdump agrees: no data load): the walk stops at it, +$off ($bytes), where objdump finds it"
		return
	fi
	if [ $a != x86_64 ] && [ $a != i386 ]; then
		skip "$L: $tf's first data address, by objdump" "this test decodes objdump's text for x86 only (a $a kernel's vDSO is met only natively on $a, and in \`make boot ARCH=$a CMD=map\`)"
		return
	fi
	want=$(python3 - "$a" "$fn" "$so" << 'EOF'
# From objdump's text alone: x86_64, the first "(%rip)" operand and the
# address objdump computes in its comment; i386, the call to the thunk,
# the add after it and the first operand based on that register.
import re, subprocess, sys
arch, fn, so = sys.argv[1], int(sys.argv[2], 16), sys.argv[3]
base = None
for l in subprocess.run(["readelf", "-lW", so], capture_output=True, text=True).stdout.splitlines():
    f = l.split()
    if f and f[0] == "LOAD":
        base = int(f[2], 16) - int(f[1], 16)
        break
lines = subprocess.run(["objdump", "-d", "-w", so], capture_output=True, text=True).stdout.splitlines()
insns = []
for l in lines:
    m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)$", l)
    if m:
        insns.append((int(m.group(1), 16) - base, m.group(2)))
insns = [i for i in insns if i[0] >= fn][:16]
size = lambda k: insns[k + 1][0] - insns[k][0]
reg = None
val = None
for k, (at, text) in enumerate(insns):
    if arch == "x86_64":
        m = re.search(r"#\s*([0-9a-f]+)", text)
        if "(%rip)" in text and m:
            v = (int(m.group(1), 16) - base) & ((1 << 64) - 1)
            print(hex(v - (1 << 64) if v >= 1 << 63 else v))
            break
    else:
        m = re.match(r"call\s+([0-9a-f]+)", text)
        if m and reg is None:
            t = int(m.group(1), 16) - base
            dis = subprocess.run(["objdump", "-d", "-w", "--start-address=" + hex(t + base),
                                  "--stop-address=" + hex(t + base + 4), so],
                                 capture_output=True, text=True).stdout
            r = re.search(r"mov\s+\(%esp\),%(e[a-z]{2})", dis)
            reg, val = r.group(1), at + size(k)
            continue
        m = re.match(r"add\s+\$0x([0-9a-f]+),%(e[a-z]{2})", text)
        if reg and m and m.group(2) == reg:
            val = (val + int(m.group(1), 16)) & 0xffffffff
            continue
        m = re.search(r"(-?)0x([0-9a-f]+)\(%" + (reg or "none") + r"\)", text)
        if reg and m:
            d = int(m.group(2), 16) * (-1 if m.group(1) else 1)
            v = (val + d) & 0xffffffff
            print(hex(v - (1 << 32) if v >= 1 << 31 else v))
            break
EOF
)
	got=$(sed -n 's/^it reads 0x[0-9a-f]* = AT_SYSINFO_EHDR \([-+]0x[0-9a-f]*\).*/\1/p' "$out")
	[ -n "$want" ] && { [ "${got#+}" = "$want" ] || [ "$got" = "$want" ]; }
	ok $? "$L: __vdso_time's first data address is AT_SYSINFO_EHDR $got (objdump on the dump: $want)"
	# ... and the mapping it falls in, by the runner's maps.
	name=$(while read -r n range; do
		(( 0x${range%-*} - 0x$base <= want && want < 0x${range#*-} - 0x$base )) && echo "$n"
	done < "$T/maps-$r-$a.lines")
	[ -n "$want" ] && [ -n "$name" ] && grep -q "^it reads .*: in $(sed 's/[][]/\\&/g' <<< "$name"), page" "$out"
	ok $? "$L: ... in ${name:-no mapping}, as the maps say"
}

for a in $(arches); do
	for r in $(all_runners); do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$r $a: vdso signal, vsyscall, map" "$why"
			continue
		fi
		# the runner's own vDSO, for readelf and objdump (none: no file)
		run_on $r $a "$BUILD/$a/vdso" dump "$T/vdso-$r-$a.so" > /dev/null 2>&1 || rm -f "$T/vdso-$r-$a.so"
		check_signal $r $a
		check_vsyscall $r $a
		if [ -x "$T/maps-$a" ]; then
			check_map $r $a
		else
			skip "$r $a: vdso map" "no static $a libc program for the maps oracle (gcc ${a/i386/-m32} -static)"
		fi
	done
done

# ---------------------------------------------- as process 1, no /proc
# A private mount namespace with an empty tmpfs over /proc, and a PID
# namespace whose process 1 the command is (sh execs it).
if [ "$(id -u)" != 0 ]; then
	skip "the three as process 1 without /proc" "not root: cannot mount a tmpfs over /proc"
elif ! unshare -m -fp true 2> /dev/null; then
	skip "the three as process 1 without /proc" "unshare -m -fp fails here"
else
	host_mode=xonly
	line=$(grep '^ffffffffff600000-' /proc/self/maps)
	case $line in "") host_mode=none ;; *" r-xp "*) host_mode=emulate ;; esac
	for a in $(arches); do
		if ! why=$(runner_available native $a); then
			skip "$a: the three as process 1 without /proc" "$why"
			continue
		fi
		L="native $a, process 1, no /proc"
		for c in signal vsyscall map; do
			unshare -m -fp sh -c 'mount -t tmpfs none /proc && exec "$@"' sh \
				timeout "$RUN_TIMEOUT" "$BUILD/$a/vdso" $c > "$T/nop-$c-$a" 2> "$T/nop-$c-$a.err"
			ok $? "$L: vdso $c: exit 0"
			[ ! -s "$T/nop-$c-$a.err" ]; ok $? "$L: vdso $c: nothing on stderr"
		done
		# (the addresses as linked, and how each child ended: by wait4)
		is "$(sed -n 's/.*(linked at \(0x[0-9a-f]*\)).*/\1/p; s/.* in the vDSO (\(+0x[0-9a-f]*\)).*/\1/p; s/^  fate: //p' "$T/nop-signal-$a" | tr '\n' ' ')" \
		   "$(sed -n 's/.*(linked at \(0x[0-9a-f]*\)).*/\1/p; s/.* in the vDSO (\(+0x[0-9a-f]*\)).*/\1/p; s/^  fate: //p' "$T/signal-native-$a" | tr '\n' ' ')" \
		   "$L: vdso signal: each handler returns to and from where it did with /proc, each child ends alike"
		if [ $a = x86_64 ]; then
			is "$(grep '^mode by /proc/self/maps' "$T/nop-vsyscall-$a")" \
			   "mode by /proc/self/maps: unknown, it cannot be read: ENOENT (No such file or directory)" \
			   "$L: vdso vsyscall: one line says the maps are missing"
			is "$(grep '^mode by the probes' "$T/nop-vsyscall-$a")" "mode by the probes: $host_mode" \
			   "$L: vdso vsyscall: the probes alone find $host_mode (the host's maps)"
		fi
		grep -q '^  none to show: /proc/self/maps cannot be read: ENOENT' "$T/nop-map-$a" &&
		! grep -q '^  \[' "$T/nop-map-$a"
		ok $? "$L: vdso map: one line says the maps are missing, no mapping made up"
		grep -q 'below the image, in the data pages the kernel maps before it (no /proc/self/maps' "$T/nop-map-$a"
		ok $? "$L: vdso map: the data address still decoded, placed by the image alone"
	done
fi

# ------------------------------------------- dump reads only the image
# gdb stops the dump at its exit and lists the mappings of that very
# process: the bytes it wrote are [vdso], from its start to its end, and
# the data pages lie below.  strace: no /proc, and the writes add up.
for a in $(arches); do
	L="native $a: vdso dump"
	if ! why=$(runner_available native $a); then
		skip "$L reads only the image" "$why"
		continue
	fi
	if ! command -v gdb > /dev/null; then
		skip "$L reads only the image" "no gdb"
		continue
	fi
	timeout 120 gdb -q -batch -ex 'catch syscall exit_group' -ex run -ex 'info proc mappings' \
		--args "$BUILD/$a/vdso" dump "$T/gdb-$a.so" > "$T/gdb-$a" 2>&1
	read -r n from < <(sed -n 's/^dump: .*: \([0-9]*\) bytes from 0x\([0-9a-f]*\) .*/\1 \2/p' "$T/gdb-$a")
	read -r vs ve < <(awk '$NF == "[vdso]" {print $1, $2}' "$T/gdb-$a")
	vvar_end=$(awk '$NF ~ /^\[vvar/ {e = $2} END {print e}' "$T/gdb-$a")
	[ -n "$n" ] && [ -n "$vs" ] && (( 0x$from == vs && 0x$from + n == ve ))
	ok $? "$L: its $n bytes from 0x$from are the [vdso] mapping exactly ($vs-$ve, gdb in the same process)"
	[ -n "$vvar_end" ] && (( vvar_end <= 0x$from ))
	ok $? "$L: the data pages end at $vvar_end, at or below the first byte it read"
	strace -f -qq -o "$T/strace-dump-$a" -e trace=openat,open,process_vm_readv,write \
		"$BUILD/$a/vdso" dump - > "$T/stdout-$a.so" 2> /dev/null
	! grep -q '/proc' "$T/strace-dump-$a" && ! grep -q process_vm_readv "$T/strace-dump-$a"
	ok $? "$L: strace: no /proc opened, no process_vm_readv"
	is "$(stat -c %s "$T/stdout-$a.so")" "$(awk -F'= ' '/^[0-9]+ +write\(1,/ {s += $NF} END {print s}' "$T/strace-dump-$a")" \
	   "$L: strace: what it wrote is what the file holds"
	is "$(stat -c %s "$T/stdout-$a.so")" "$n" "$L: the image size, in every process the same"
done

# --------------------------------------------------- a time namespace
# `unshare --time` (Linux 5.6, CONFIG_TIME_NS) gives the child offsets on
# CLOCK_MONOTONIC and CLOCK_BOOTTIME; the vDSO reads them from the
# namespace page (lib/vdso/gettimeofday.c, do_hres_timens), the system
# call from the namespace: both must show them, exactly alike.
MONO_OFF=1000000 BOOT_OFF=2000000
if [ "$(id -u)" != 0 ]; then
	skip "vdso call in a time namespace" "not root: unshare --time needs CAP_SYS_ADMIN"
elif ! why=$(LC_ALL=C unshare --time --monotonic 1 true 2>&1); then
	# Only a refusal of the environment's is a skip (unshare(2)): EPERM
	# (no capability, or a filter), ENOSYS, EINVAL (a kernel without
	# CONFIG_TIME_NS, or older than 5.6), ENOSPC (the namespace limit).
	case $why in
	*"Operation not permitted"*|*"Function not implemented"*|*"Invalid argument"*|*"No space left on device"*)
		skip "vdso call in a time namespace" "unshare --time is refused here: $why" ;;
	*)	fail "vdso call in a time namespace: unshare --time fails, not for the environment: $why" ;;
	esac
else
	for a in $(arches); do
		L="native $a, time namespace"
		if ! why=$(runner_available native $a); then
			skip "$L" "$why"
			continue
		fi
		out=$T/timens-$a
		before=$(python3 -c 'import time; print(int(time.clock_gettime(time.CLOCK_MONOTONIC)), int(time.clock_gettime(time.CLOCK_BOOTTIME)))')
		unshare --time --monotonic $MONO_OFF --boottime $BOOT_OFF \
			sh -c 'cat /proc/self/timens_offsets; exec "$@"' sh \
			"$BUILD/$a/vdso" call clock_gettime > "$out" 2> "$out.err"
		ok $? "$L: vdso call clock_gettime: exit 0"
		is "$(awk '$1 == "monotonic" || $1 == "boottime" {print $1, $2}' "$out" | tr '\n' ' ')" \
		   "monotonic $MONO_OFF boottime $BOOT_OFF " "$L: the kernel's offsets (/proc/self/timens_offsets)"
		set -- $before
		for clock in MONOTONIC:$1:$MONO_OFF BOOTTIME:$2:$BOOT_OFF; do
			IFS=: read -r name outside off <<< "$clock"
			read -r path vdso sys verdict < <(awk -v c=$name '$1 == "clock_gettime" && $2 == c {print $3, $4, $5, $6}' "$out")
			is "$path $verdict" "vdso agree" "$L: $name through the vDSO and the system call agree"
			(( ${vdso%.*} - outside - off >= 0 && ${vdso%.*} - outside - off < 30 ))
			ok $? "$L: $name through the vDSO carries the offset: ${vdso%.*} s, outside $outside s, offset $off"
			(( ${sys%.*} - outside - off >= 0 && ${sys%.*} - outside - off < 30 ))
			ok $? "$L: $name through the system call carries it too: ${sys%.*} s"
		done
		unshare --time --monotonic $MONO_OFF "$BUILD/$a/vdso" map > "$out.map" 2>&1
		ok $? "$L: vdso map runs inside (the namespace page is not read)"
		unshare --time --monotonic $MONO_OFF "$BUILD/$a/vdso" dump - > "$out.so" 2> /dev/null &&
			cmp -s "$out.so" "$T/stdout-$a.so"
		ok $? "$L: vdso dump inside gives the same image as outside"
	done
fi

done_testing
