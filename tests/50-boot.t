#!/bin/bash
# tests/50-boot.t - the program as /init under a real kernel (make boot).
#
# For each arch, tests/boot/boot.sh boots build/ARCH/vdso as /init on a
# Debian cloud kernel in qemu-system-x86_64 (the i386 program through the
# 64-bit kernel's compat layer), and this test reads what came back:
#
#   - the console log: init ran as process 1; each step's end line says
#     status=0; init powered the machine off (QEMU ended by itself, with
#     status 0, and the kernel said "reboot: Power down"); no kernel panic;
#   - the time: each boot ends within BOOT_LIMIT seconds (60: a boot takes
#     about 4 s here, and the limit leaves room for a loaded machine);
#   - the second serial port's file: the live vDSO image, byte for byte:
#     the size and POSIX cksum init printed match `cksum` here, it starts
#     with \x7fELF, its size is a multiple of 4096, it has this arch's ELF
#     class, and `readelf -a -W` reads it with no warning.
#
# Then one boot with a command line (CMD="auxv" for make): only that step;
# and `vdso check` as process 1 on each arch: a real kernel's vDSO, so no
# check fails, and without /proc the time namespace checks say so.
# The kernel is fetched by tests/setup/kernel.sh into build/cache/kernel/.
# Logs: build/test/boot/ARCH/console.log (and boot.err, ttyS1.bin, time).

. "$(dirname "$0")/tap.sh"

BOOT_LIMIT=${BOOT_LIMIT:-60}
ARCHES="x86_64 i386"
# The steps init runs, in order; each must end with status=0.
STEPS="summary auxv syms call gate dump"
D=$BUILD/test/boot
mkdir -p "$D"

# The set-up: QEMU and the kernel, or a skip that says why not.
why=
if ! command -v qemu-system-x86_64 > /dev/null; then
	why="qemu-system-x86_64 not installed (Debian: qemu-system-x86)"
elif ! command -v python3 > /dev/null; then
	why="python3 not found (tests/boot/mkinitramfs.py)"
elif ! "$TOP/tests/setup/kernel.sh" "$BUILD" 2> "$D/kernel.log"; then
	why="no kernel: $(tail -n 1 "$D/kernel.log" | sed 's/^kernel: //')"
fi
if [ -n "$why" ]; then
	skip "boot the program as /init" "$why"
	done_testing
	exit
fi
diag "kernel: $(cat "$BUILD/cache/kernel/stamp")"

# section LOG NAME: the lines between a step's begin and end markers.
section() {
	sed -n "/^=== vdso-boot: begin $2 ===\$/,/^=== vdso-boot: end $2 /p" "$1" | sed '1d;$d'
}

# step_status LOG NAME: the status its end line gives, or "none".
step_status() {
	local s
	s=$(sed -n "s/^=== vdso-boot: end $2 status=\([0-9]*\).*/\1/p" "$1" | tail -1)
	echo "${s:-none}"
}

# boot ARCH [COMMAND...]: boot into $D/ARCH[-cmd]; sets LOG, ERR, OUT, STATUS.
boot() {
	local a=$1
	shift
	OUT=$D/$a${1:+-$1}
	mkdir -p "$OUT"
	LOG=$OUT/console.log ERR=$OUT/boot.err
	"$TOP/tests/boot/boot.sh" -o "$OUT" -t "$BOOT_LIMIT" "$a" "$@" > /dev/null 2> "$ERR"
	STATUS=$?
}

# The checks every boot must pass: it ended, by itself, in time, powered off.
check_boot() {          # check_boot ARCH TITLE
	local a=$1 t=$2 qemu secs
	qemu=$(sed -n 's/.*QEMU ended with status \([0-9]*\).*/\1/p' "$ERR" | tail -1)
	is "${qemu:-none}" 0 "$t: QEMU ended by itself, with status 0"
	[ "${qemu:-none}" = 0 ] || sed 's/^/# /' "$ERR" | tail -5
	secs=$(cat "$OUT/time" 2>/dev/null)
	diag "$t: boot to power-off: ${secs:-?} s (host wall time)"
	awk -v s="${secs:-999999}" -v l="$BOOT_LIMIT" 'BEGIN { exit !(s < l) }'
	ok $? "$t: booted and powered off within $BOOT_LIMIT s (${secs:-?} s)"
	! grep -q 'Kernel panic' "$LOG"
	ok $? "$t: no kernel panic"
	grep -q '^=== vdso-boot: power off status=[0-9]* ===$' "$LOG" &&
		grep -q 'reboot: Power down' "$LOG"
	ok $? "$t: init powered the machine off (reboot(2), LINUX_REBOOT_CMD_POWER_OFF)"
	grep -q "^=== vdso-boot: init pid=1 arch=$a ===\$" "$LOG"
	ok $? "$t: the program ran as /init, process 1"
}

for a in $ARCHES; do
	if [ ! -x "$BUILD/$a/vdso" ]; then
		fail "$a: $BUILD/$a/vdso is built (make ARCH=$a)"
		continue
	fi
	boot "$a"
	check_boot "$a" "$a"

	# Each step, in order, and its status.
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
	is "$got" "$STEPS " "$a: init ran the steps in order"
	for s in $STEPS; do
		st=$(step_status "$LOG" "$s")
		is "$st" 0 "$a: step '$s' ended with status=0"
		[ "$st" = 0 ] || section "$LOG" "$s" | tail -3 | sed 's/^/#   /'
	done

	# The auxiliary vector: i386 gets the gate (AT_SYSINFO), x86_64 not.
	auxv=$(section "$LOG" auxv)
	grep -q '^AT_SYSINFO_EHDR: ' <<< "$auxv"
	ok $? "$a: auxv shows AT_SYSINFO_EHDR (the kernel's vDSO)"
	if [ "$a" = i386 ]; then
		grep -q '^AT_SYSINFO: ' <<< "$auxv"
		ok $? "$a: auxv shows AT_SYSINFO (__kernel_vsyscall, through the compat layer)"
	else
		! grep -q '^AT_SYSINFO: ' <<< "$auxv"
		ok $? "$a: auxv has no AT_SYSINFO (no gate on x86_64)"
	fi

	# The image that came back on the second serial port.
	img=$OUT/ttyS1.bin
	want=$(sed -n 's/^dump: cksum \([0-9]* [0-9]*\)$/\1/p' "$LOG" | tail -1)
	have=$(cksum < "$img" 2>/dev/null)
	is "$have" "${want:-(no cksum line in the log)}" "$a: the image came back byte for byte (cksum and size as init computed them)"
	size=$(stat -c %s "$img" 2>/dev/null || echo 0)
	[ "$size" -gt 0 ] && [ $((size % 4096)) -eq 0 ]
	ok $? "$a: the image's size is a non-zero multiple of 4096 ($size)"
	is "$(head -c 4 "$img" 2>/dev/null | od -An -tx1 | tr -d ' \n')" 7f454c46 "$a: the image starts with \\x7fELF"
	readelf -a -W "$img" > "$OUT/readelf.txt" 2> "$OUT/readelf.err"
	st=$?
	[ $st -eq 0 ] && [ ! -s "$OUT/readelf.err" ]
	ok $? "$a: readelf -a -W reads the image with no warning"
	[ -s "$OUT/readelf.err" ] && sed 's/^/# /' "$OUT/readelf.err" | head -5
	class=ELF64
	[ "$a" = i386 ] && class=ELF32
	grep -q "Class: *$class\$" "$OUT/readelf.txt"
	ok $? "$a: the image is $class, as this arch's vDSO must be"

	# The symbols init printed are the image's: readelf and our own reader
	# on the host must list the same lines.
	section "$LOG" syms | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.inside"
	readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.readelf"
	"$BUILD/$a/vdso" read "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.read"
	[ -s "$OUT/syms.inside" ]; ok $? "$a: syms listed $(wc -l < "$OUT/syms.inside") symbols inside"
	diff_ok "$OUT/syms.readelf" "$OUT/syms.inside" "$a: readelf --dyn-syms of the image lists what syms printed inside"
	diff_ok "$OUT/syms.read" "$OUT/syms.inside" "$a: vdso read of the image on the host prints the same symbol lines"

	# Every vDSO function agrees with its system call inside.
	call=$(section "$LOG" call)
	n=$(grep -c ' agree (' <<< "$call")
	[ "$n" -gt 0 ] && ! grep -q DISAGREE <<< "$call"
	ok $? "$a: call inside: all $n rows agree with the system call"
	paths=$(sed -n 's/^paths: //p' <<< "$call")
	if [ "$a" = i386 ]; then
		# i386: the gate is AT_SYSINFO, found again by lookup, and the
		# 64-bit time_t clock_gettime serves.
		grep -q 'clock_gettime=vdso(__vdso_clock_gettime64)' <<< "$paths"
		ok $? "$a: __vdso_clock_gettime64 resolves and serves clock_gettime"
		gate=$(section "$LOG" gate)
		grep -q 'the same: AT_SYSINFO is the gate' <<< "$gate"
		ok $? "$a: gate: AT_SYSINFO equals __kernel_vsyscall by lookup"
		grep -q '^calls now enter by: the gate$' <<< "$gate"
		ok $? "$a: gate: system calls enter through __kernel_vsyscall"
		for c in getpid 'write(1, 37 bytes)' 'mmap, 6 args' 'system call 0x7ffff'; do
			grep -F "$c" <<< "$gate" | grep -q ' same$'
			ok $? "$a: gate: $c through the gate and int \$0x80 agree"
		done
	else
		grep -q 'clock_gettime=vdso(__vdso_clock_gettime)' <<< "$paths"
		ok $? "$a: __vdso_clock_gettime resolves and serves clock_gettime"
	fi
	diag "$a inside: $paths"
done

# A command line from the kernel's (after "--"): only that step, its status
# passed through to boot.sh's exit status, and nothing on the second port.
a=x86_64
if [ -x "$BUILD/$a/vdso" ]; then
	boot "$a" auxv
	check_boot "$a" "$a auxv"
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
	is "$got" "auxv " "$a auxv: init ran only the command given"
	is "$(step_status "$LOG" auxv)" 0 "$a auxv: it ended with status=0"
	is "$STATUS" 0 "$a auxv: boot.sh's exit status is the command's"
	[ ! -s "$OUT/ttyS1.bin" ]
	ok $? "$a auxv: no dump on the second port"
fi

# `vdso check` as process 1, without /proc: the kernel's own vDSO, every
# check passes or says why it is skipped.
for a in $ARCHES; do
	[ -x "$BUILD/$a/vdso" ] || continue
	boot "$a" check
	check_boot "$a" "$a check"
	sec=$(section "$LOG" check)
	is "$(step_status "$LOG" check)" 0 "$a check: no check failed (the exit status)"
	is "$(grep -Ec '^(not )?ok [0-9]+ - ' <<< "$sec")" "$(sed -n 's/^1\.\.//p' <<< "$sec")" \
		"$a check: as many checks as its plan says"
	is "$(grep -c '^not ok' <<< "$sec")" 0 "$a check: no 'not ok' line"
	grep -q "^ok [0-9]* - the kernel's own vDSO: none of the marks" <<< "$sec"
	ok $? "$a check: the kernel's own vDSO, not an emulation"
	is "$(grep -c 'offset seen through the vDSO # SKIP /proc/self/timens_offsets: ENOENT' <<< "$sec")" 2 \
		"$a check: no /proc here: the time namespace offsets skipped, saying why"
	diag "$a check: $(tail -n 1 <<< "$sec" | sed 's/^# //')"
done

done_testing
