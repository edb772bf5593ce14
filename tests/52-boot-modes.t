#!/bin/bash
# tests/52-boot-modes.t - what the kernel's parameters change, under a real
# kernel: the legacy vsyscall page's mode, and the signal and map commands
# as process 1 with no /proc.
#
# For each of vsyscall=none, xonly and emulate (the kernel's
# arch/x86/entry/vsyscall/vsyscall_64.c; Documentation/admin-guide/
# kernel-parameters.txt), the x86_64 program boots as /init with that
# parameter and runs `vdso vsyscall`: with no /proc it can only probe, and
# the mode its probes find must be the one the kernel was given.  Then
# `vdso signal` and `vdso map` boot on both arches: a handler's return
# through the vDSO's trampoline (i386) or sa_restorer (x86_64), and the
# data address __vdso_time reads, below the image, found with no /proc;
# and i386 `vdso signal` with vdso32=0, each frame's return with no vDSO.
# The lessons vsyscall (each mode) and signal (vdso32=0) run in the same
# boots, after the command: judged by the host's clock and nm.
# One kernel (6.1, Debian 12's) is enough: 50-boot.t boots both.
# Logs: build/test/boot-modes/NAME/console.log.

. "$(dirname "$0")/tap.sh"

D=$BUILD/test/boot-modes
rm -rf "$D"; mkdir -p "$D"
K=6.1
LIMIT=60

if ! command -v qemu-system-x86_64 > /dev/null; then
	skip "boot with kernel parameters" "no qemu-system-x86_64 (Debian: qemu-system-x86)"
	done_testing; exit 0
fi
make -C "$TOP" --no-print-directory all > "$D/make.log" 2>&1
ok $? "make all" || { sed 's/^/# /' "$D/make.log" | tail -5; done_testing; exit 0; }
if ! "$TOP/tests/setup/kernel.sh" -k "$K" "$BUILD" 2> "$D/kernel.log"; then
	skip "boot with kernel parameters" "no $K kernel: $(tail -n 1 "$D/kernel.log")"
	done_testing; exit 0
fi

# boot NAME ARCH PARAMS CMD [LESSON]: sets LOG and SEC (the command's
# output); with LESSON, that lesson is packed beside /init and runs after
# the command ("-- boot CMD + /LESSON"): LSEC, LSTATUS (its step's status).
boot() {
	local out=$D/$1 cmd=("$4")
	mkdir -p "$out"
	[ -n "${5:-}" ] && cmd+=(+ "/$5")
	"$TOP/tests/boot/boot.sh" -k "$K" -a "$3" ${5:+-f "$BUILD/$2/$5"} -o "$out" -t "$LIMIT" "$2" "${cmd[@]}" > /dev/null 2> "$out/boot.err"
	STATUS=$?
	LOG=$out/console.log
	SEC=$(sed -n "/^=== vdso-boot: begin $4 ===\$/,/^=== vdso-boot: end $4 /p" "$LOG")
	LSEC=$(sed -n "/^=== vdso-boot: begin lesson ${5:-} ===\$/,/^=== vdso-boot: end lesson ${5:-} /p" "$LOG" | sed '1d;$d')
	LSTATUS=$(sed -n "s/^=== vdso-boot: end lesson ${5:-} status=\([0-9]*\).*/\1/p" "$LOG")
	grep -q "append: .*$3 -- boot ${cmd[*]}\$" "$out/boot.err"
	ok $? "$1: the kernel's command line had '$3', then '-- boot ${cmd[*]}'"
}

for mode in none xonly emulate; do
	boot "vsyscall-$mode" x86_64 "vsyscall=$mode" vsyscall vsyscall
	is "$STATUS" 0 "vsyscall=$mode: vdso vsyscall as /init, then the lesson vsyscall: exit 0"
	grep -q '^mode by /proc/self/maps: unknown, it cannot be read: ENOENT' <<< "$SEC"
	ok $? "vsyscall=$mode: it says /proc/self/maps cannot be read (no /proc in the initramfs)"
	got=$(sed -n 's/^mode by the probes: \([a-z]*\).*/\1/p' <<< "$SEC")
	is "$got" "$mode" "vsyscall=$mode: the probes find the mode the kernel was given"
	case $mode in
	none)	want='SIGSEGV' ;;
	*)	want='[0-9]' ;;
	esac
	# a read of the page works only in emulate mode (xonly: execute only)
	case $mode in emulate) r='it reads' ;; *) r='SIGSEGV' ;; esac
	grep -q "^probe: a read of the page: $r" <<< "$SEC"
	ok $? "vsyscall=$mode: a read of the page: $(sed -n 's/^probe: a read of the page: //p' <<< "$SEC" | cut -c1-40)"
	grep -q "^probe: a call of time at +0x400: $want" <<< "$SEC"
	ok $? "vsyscall=$mode: a call through the page: $(grep '^probe: a call' <<< "$SEC" | cut -c1-80)"
	# the lesson: no /proc to name the mode; the call through the page a
	# SIGSEGV (none), or the time, within the boot by the host's clock
	is "${LSTATUS:-none}" 0 "vsyscall=$mode: the lesson vsyscall ended with status=0"
	grep -q '^mode by /proc/self/maps: unknown (ENOENT)$' <<< "$LSEC"
	ok $? "vsyscall=$mode: the lesson says /proc/self/maps cannot be read"
	if [ "$mode" = none ]; then
		grep -q '^a call of time() at 0xffffffffff600400: signal 11 ' <<< "$LSEC"
		ok $? "vsyscall=none: the lesson's call through the page is a SIGSEGV, caught"
	else
		t=$(sed -nE 's/^a call of time\(\) at 0xffffffffff600400: ([0-9]+) .*/\1/p' <<< "$LSEC") end=$(stat -c %Y "$LOG")
		[ -n "$t" ] && [ "$t" -ge $((end - LIMIT - 30)) ] && [ "$t" -le $((end + 30)) ]
		ok $? "vsyscall=$mode: the lesson's time() through the page is ${t:-nothing}, within the boot by the host's clock"
		grep -Eq '^per call: [0-9]+ ns through the page, [0-9]+ ns by the system call, [0-9]+ ns by the vDSO$' <<< "$LSEC"
		ok $? "vsyscall=$mode: the lesson times each way: $(grep '^per call' <<< "$LSEC")"
	fi
done

# vdso32=0: an i386 process with no vDSO, each frame without SA_RESTORER
# (arch/x86/kernel/signal_32.c).  The rt frame (case 2) is pointed at the
# vDSO's __kernel_rt_sigreturn all the same: an offset from address 0,
# in page 0, which no process maps, and the child dies by SIGSEGV.  The old frame
# (case 3) returns to its retcode on the stack, whose bytes objdump
# decodes as sigreturn's (pop %eax; mov $__NR_sigreturn,%eax; int $0x80,
# the number from the UAPI header); it runs only if the stack is
# executable (readelf's GNU_STACK on /init).  The sentence the program
# prints for a process with no vDSO (ARCH_SIGNAL_WITHOUT_VDSO) must say
# what these numbers show: it did not, once.
check_no_vdso_signal() {
	local c2 c3 ret code nr dis stack want
	boot "signal-i386-vdso32=0" i386 vdso32=0 signal signal
	is "$STATUS" 0 "i386 vdso32=0: vdso signal as /init, then the lesson signal: exit 0"
	# the lesson, with no vDSO: SA_RESTORER, and back through arch_sigreturn (nm)
	is "${LSTATUS:-none}" 0 "i386 vdso32=0: the lesson signal ended with status=0"
	grep -q '^no vDSO here: no __kernel_rt_sigreturn to return to: SA_RESTORER' <<< "$LSEC"
	ok $? "i386 vdso32=0: the lesson says there is no vDSO, and asks for SA_RESTORER"
	ret=$(sed -nE 's/^the handler ran; it was to return to (0x[0-9a-f]+) .*/\1/p' <<< "$LSEC")
	want=$(nm "$BUILD/i386/signal" | awk '$3 == "arch_sigreturn" { print "0x" $1 }')
	is "$((${ret:-0}))" "$((${want:-1}))" "i386 vdso32=0: the lesson's handler returns to arch_sigreturn, at $want by nm"
	c2=$(sed -n '/^case 2:/,/^case 3:/p' <<< "$SEC")
	c3=$(sed -n '/^case 3:/,$p' <<< "$SEC")
	ret=$(sed -n 's/.*in the handler: return address \(0x[0-9a-f]*\): .*/\1/p' <<< "$c2")
	# page 0, which no process maps (mmap_min_addr)
	[ -n "$ret" ] && (( ret < 4096 )) && grep -q 'fate: killed by SIGSEGV' <<< "$c2"
	ok $? "i386 vdso32=0: the rt frame returns to ${ret:-?}, in page 0: killed by SIGSEGV"
	code=$(sed -n 's/^  code there: \(\([0-9a-f][0-9a-f] \)*[0-9a-f][0-9a-f]\): .*/\1/p' <<< "$c3")
	nr=$(awk '$2 == "__NR_sigreturn" { print $3 }' /usr/include/x86_64-linux-gnu/asm/unistd_32.h 2> /dev/null)
	printf "$(sed 's/\([0-9a-f][0-9a-f]\) */\\x\1/g' <<< "$code")" > "$D/retcode.bin"
	dis=$(objdump -D -b binary -m i386 --no-show-raw-insn "$D/retcode.bin" 2> /dev/null |
		awk -F'\t' 'NF >= 2 && $1 ~ /^ +[0-9a-f]+:$/ { sub(/ +$/, "", $2); gsub(/ +/, " ", $2); print $2 }' | head -3 | tr '\n' ';')
	is "$dis" "pop %eax;mov \$$(printf '0x%x' "${nr:-0}"),%eax;int \$0x80;" \
	   "i386 vdso32=0: the old frame returns to its retcode, sigreturn's code by objdump ($code)"
	stack=$(readelf -lW "$BUILD/i386/vdso" | awk '$1 == "GNU_STACK" { print $7 }')
	case $stack in *E*) want="fate: exited 0" ;; *) want="fate: killed by SIGSEGV" ;; esac
	is "$(grep -o 'fate: .*' <<< "$c3")" "$want" "i386 vdso32=0: the retcode runs only on an executable stack (GNU_STACK $stack): $want"
	# the sentence, against those numbers
	grep -q "^here: no vDSO .*the rt frame (SA_SIGINFO) at the vDSO's __kernel_rt_sigreturn, an offset from address 0: the return faults; only the old frame returns to code the kernel writes into it (retcode, on the stack), which runs only where the stack is executable" <<< "$SEC"
	ok $? "i386 vdso32=0: what it says of a process with no vDSO is what the two cases show"
}

for a in x86_64 i386; do
	boot "signal-$a" "$a" "" signal
	is "$STATUS" 0 "$a: vdso signal as /init: exit 0"
	if [ "$a" = i386 ]; then
		grep -q 'return address 0x[0-9a-f]*: __kernel_rt_sigreturn@[A-Z0-9_.]*+0x0 in the vDSO (+0x[0-9a-f]*)$' <<< "$SEC"
		ok $? "$a: without SA_RESTORER the handler returns through the vDSO's __kernel_rt_sigreturn"
	else
		grep -q 'return address 0x[0-9a-f]*: arch_sigreturn (linked at 0x[0-9a-f]*)' <<< "$SEC" &&
			grep -q 'fate: killed by SIGSEGV' <<< "$SEC"
		ok $? "$a: sa_restorer serves; without SA_RESTORER the child dies by SIGSEGV"
	fi
	# (the registers after the return are gdb's to check, natively:
	# tests/70-signal-vsyscall-map.t; a boot has no debugger to ask)

	if [ "$a" = i386 ]; then
		check_no_vdso_signal
	fi

	boot "map-$a" "$a" "" map
	is "$STATUS" 0 "$a: vdso map as /init: exit 0"
	grep -q '^it reads 0x[0-9a-f]* = AT_SYSINFO_EHDR -0x[0-9a-f]*' <<< "$SEC"
	ok $? "$a: __vdso_time reads below the image: $(grep '^it reads' <<< "$SEC" | cut -c1-90)"
done

done_testing
