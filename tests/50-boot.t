#!/bin/bash
# tests/50-boot.t - the program as /init under real kernels (make boot).
#
# Debian's cloud kernels 5.10 (bullseye), 6.1 (Debian 12), 6.12
# (bookworm-backports) and 7.2 (sid), each arch, and the variants
# tests/boot/matrix.sh names: one boot per kernel, arch, CPU model and
# kernel command line, each running every command it is for, BOOT_JOBS
# (default: the CPUs) at a time.  Then this test reads what came back.
#
# The main boot of each kernel and arch (CPU EPYC; and i386 again on
# Skylake-Client, whose gate differs), /proc mounted, every step:
#   - the console log: init ran as process 1; each step's end line says
#     status=0; init powered the machine off (QEMU ended by itself, with
#     status 0, and the kernel said "reboot: Power down"); no kernel panic;
#   - the time: each boot ends within BOOT_LIMIT seconds;
#   - the second serial port's file: the live vDSO image, byte for byte:
#     the size and POSIX cksum init printed match `cksum` here, it starts
#     with \x7fELF, its size is a multiple of 4096, it has this arch's ELF
#     class, and `readelf -a -W` reads it with no warning;
#   - the symbols: `syms` inside lists what readelf --dyn-syms lists for
#     that image; every function of the call table (the "paths:" line of
#     `call`) that the image exports as __vdso_NAME (or NAME64, NAME_time64) is resolved
#     to one of those symbols and each of its rows took the vdso path, and
#     one it does not export is served by the system call;
#   - served (vdso/served.c): proved by seccomp; with the TSC
#     clocksource CLOCK_MONOTONIC stays in user space, a CPU-time clock
#     enters the kernel;
#   - `vdso check`: no check fails; a difference that is the kernel's own
#     is a TODO that names the kernel's file and version;
#   - i386: the gate's entry instruction in the image (objdump) is
#     sysenter on the Intel model, syscall on the AMD one, and the form
#     `vdso gate` names from the bytes is that one.
#
# Then, in the same boot, `call` again on clocksource hpet and on acpi_pm
# (no vDSO mode), switched to through /sys, each followed by the lesson
# data (and data once on tsc, after the steps): the clocksource it names,
# clock_gettime in user space on tsc and in the kernel on the others, the
# sequence count, and on x86_64 its decoding against objdump on the image;
# and on 6.1 one boot with
# clocksource=hpet on the kernel's command line: proved by seccomp,
# CLOCK_MONOTONIC through the vDSO enters the kernel while the coarse
# clocks and time() (the data page alone) stay in user space.
#
# vdso=0 (x86_64) or vdso32=0 (i386), running `call`: only that step, its
# status passed through, no dump, every function of the call table served
# by the system call, since the kernel gave no vDSO.
#
# Last, tests/boot/table.sh remakes the table of what each kernel's vDSO
# offers from these boots, and each row must equal the one in
# tests/README.md (the host's rows only when made on the kernel that runs).
#
# The kernels are fetched by tests/setup/kernel.sh into
# build/cache/kernel-VERSION/; one that cannot be fetched is a skip that
# says why.  Logs: build/test/boot/KERNEL/VARIANT/console.log (and
# boot.err, ttyS1.bin, time).

. "$(dirname "$0")/tap.sh"

. "$TOP/tests/runners.sh"
. "$TOP/tests/tools/gate_form.sh"
. "$TOP/tests/boot/matrix.sh"

# 120 s: a boot takes 3 s on an idle machine, 15-30 s while the tests
# load both CPUs; the limit is there to catch a hang, not to time.
BOOT_LIMIT=${BOOT_LIMIT:-120}
BOOT_JOBS=${BOOT_JOBS:-$(nproc 2>/dev/null || echo 2)}
ARCHES="x86_64 i386"
# The steps init runs, in order; each must end with status=0.  The main
# boots run `call` again on each of CLOCKSOURCES before the dump.
STEPS="summary auxv syms call gate map vsyscall check tour"
CLOCKSOURCES="hpet acpi_pm"
D=$BUILD/test/boot
mkdir -p "$D"

# The set-up: QEMU, or a skip that says why not.
why=
if ! command -v qemu-system-x86_64 > /dev/null; then
	why="qemu-system-x86_64 not installed (Debian: qemu-system-x86)"
elif ! command -v python3 > /dev/null; then
	why="python3 not found (tests/boot/mkinitramfs.py)"
fi
if [ -n "$why" ]; then
	skip "boot the program as /init" "$why"
	done_testing
	exit
fi

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

# The checks every boot must pass: it ended, by itself, in time, powered off.
check_boot() {          # check_boot ARCH TITLE
	local a=$1 t=$2 qemu secs
	qemu=$(sed -n 's/.*QEMU ended with status \([0-9]*\).*/\1/p' "$ERR" | tail -1)
	is "${qemu:-none}" 0 "$t: QEMU ended by itself, with status 0"
	[ "${qemu:-none}" = 0 ] || sed 's/^/# /' "$ERR" | tail -5
	secs=$(cat "$OUT/time" 2>/dev/null)
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

# check_call_table TITLE CALL-SECTION EXPORTS: for each function of the call
# table ("paths:" line), the vDSO path if the kernel exports __vdso_NAME or
# __vdso_NAME64 or __vdso_NAME_time64 (EXPORTS: readelf's FUNC names, one a line), every row of
# `call` for it on that path; else the system call (or the gate).
check_call_table() {
	local t=$1 call=$2 exports=$3 item name path sym cands rows
	grep -q '^paths: ' <<< "$call" || { fail "$t: call printed its paths: line"; return; }
	# (items are NAME=PATH(SYMBOL)[NOTE]; a note may hold spaces)
	for item in $(sed -n 's/^paths: //p' <<< "$call" | grep -oE '[a-z_0-9]+=[a-z]+(\([^)]*\))?'); do
		name=${item%%=*}
		path=${item#*=}
		sym=
		case $path in *"("*")"*) sym=${path#*(}; sym=${sym%%)*}; path=${path%%(*} ;; esac
		path=${path%%\[*}
		cands=$(grep -E "^__vdso_${name}(64|_time64)?\$" <<< "$exports" | tr '\n' ' ' | sed 's/ $//')
		# the path is the third column, characters 32 to 39 (an argument
		# such as "32 flags 0x80" may hold spaces); getrandom's row of
		# invalid flags is passed on to the system call by design, as
		# the vDSO passes on flags it does not know (vdso/getrandom.c)
		rows=$(awk -v n="$name" '$1 == n && $2 != "state:" && !/ flags 0x/ {
				p = substr($0, 32, 8); gsub(/ /, "", p); print p }' <<< "$call" |
			sort -u | tr '\n' ' ' | sed 's/ $//')
		if [ -n "$cands" ]; then
			[ "$path" = vdso ] && [[ " $cands " == *" $sym "* ]] && [ "$rows" = vdso ]
			ok $? "$t: $name: exported ($cands), resolved to ${sym:-nothing}, its rows took the path: ${rows:-none}"
		else
			[ "$path" != vdso ] && [[ "$rows" != *vdso* ]]
			ok $? "$t: $name: not exported, served by $path (rows: ${rows:-none})"
		fi
	done
}

# The kernels, fetched one after the other (each fetch takes its lock).
KERNELS=
for k in $BOOT_KERNELS; do
	rm -rf "${D:?}/$k"      # no boot of an earlier run may stand in for this one's
	if ! "$TOP/tests/setup/kernel.sh" -k "$k" "$BUILD" 2> "$D/kernel-$k.log"; then
		skip "$k: boot the program as /init under Debian's $k kernel" \
			"no $k kernel: $(tail -n 1 "$D/kernel-$k.log" | sed 's/^kernel: //')"
		continue
	fi
	diag "kernel $k: $(cat "$BUILD/cache/kernel-$k/stamp")"
	KERNELS="$KERNELS $k"
done
for a in $ARCHES; do
	[ -x "$BUILD/$a/vdso" ] || fail "$BUILD/$a/vdso is built (make ARCH=$a)"
done

# Every boot, BOOT_JOBS at a time, the longest (every step) first.
export TOP BUILD
start=$(date +%s.%N)
for k in $KERNELS; do
	for a in $ARCHES; do
		[ -x "$BUILD/$a/vdso" ] || continue
		boot_variants "$a" "$k" | awk -F'|' -v k="$k" '{ print ($4 == "" ? 0 : 1), k, $1 }'
	done
	# the other arches' rows of the table (tests/boot/table.sh), booted
	# here alongside rather than one by one when the table is made
	for b in $NON_X86_BOOTS; do
		bk=${b%%:*} ba=${b#*:} ba=${ba%%:*}
		[ "${bk/armmp/6.1}" = "$k" ] && [ -x "$BUILD/$ba/vdso" ] && echo "0 $bk $ba"
	done
done | sort -s -k1,1 | cut -d' ' -f2- > "$D/boots"
xargs -P "$BOOT_JOBS" -L 1 bash -c '. "$TOP/tests/boot/matrix.sh"; boot_variant "$1" "$2" "$3" "$4"' _ \
	< <(sed "s|\$| $D $BOOT_LIMIT|" "$D/boots")
WALL=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')

# use KERNEL VARIANT: sets OUT, LOG, ERR, STATUS for the checks below.
use() {
	OUT=$D/$1/$2 LOG=$D/$1/$2/console.log ERR=$D/$1/$2/boot.err
	STATUS=$(cat "$OUT/status" 2>/dev/null || echo none)
	TIMES+=("$1 $2: $(cat "$OUT/time" 2>/dev/null || echo ?) s")
}
TIMES=()

# served LOG STEP NAME ARG: where STEP's `call` proved the call was served.
served() {
	section "$1" "$2" | awk -v n="$3" -v a="$4" '$1 == "served:" && $2 == n && $3 == a {
		$1 = $2 = $3 = ""; sub(/^ */, ""); print }'
}

# check_main K VARIANT ARCH CPU: every step, the image, the calls.
check_main() {
	local k=$1 v=$2 a=$3 cpu=$4 t="$1 $2 ($4)" st got auxv img want have size class call paths gate n sec host
	use "$k" "$v"
	check_boot "$a" "$t"
	# Each step, in order, and its status.
	local steps=() cs
	read -r -a steps <<< "$STEPS"
	# the lessons of VDSO_LESSONS, once each, after the steps
	local lessons l
	lessons=$(boot_variants "$a" "$k" | awk -F'|' -v v="$v" '$1 == v { print " " $3 " " }' |
		sed -nE 's/.* VDSO_LESSONS=([^ ]*) .*/\1/p' | tr -d / | tr , ' ')
	for l in $lessons; do steps+=("lesson $l"); done
	if [ "$v" = "$a" ]; then
		steps+=(data)
		for cs in $CLOCKSOURCES; do steps+=("call clocksource=$cs" "data clocksource=$cs"); done
	fi
	steps+=(dump)
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ';')
	is "$got" "$(printf '%s;' "${steps[@]}")" "$t: init ran the steps in order"
	for s in "${steps[@]}"; do
		st=$(step_status "$LOG" "$s")
		is "$st" 0 "$t: step '$s' ended with status=0"
		[ "$st" = 0 ] || section "$LOG" "$s" | grep -v '^ok' | tail -3 | sed 's/^/#   /'
	done
	grep -q '^=== vdso-boot: mount /proc: done ===$' "$LOG"
	ok $? "$t: init mounted /proc (VDSO_PROC=1 on the kernel's command line)"
	if [ "$v" = "$a" ]; then
		# tsc-early until the kernel has calibrated the TSC (later under
		# a loaded software CPU); both have a vDSO mode
		grep -Eq '^=== vdso-boot: mount /sys: done; clocksource: tsc(-early)? ===$' "$LOG"
		ok $? "$t: init mounted /sys; the clocksource was tsc or tsc-early (tsc=reliable)"
		for cs in $CLOCKSOURCES; do
			grep -qx "clocksource: $cs" <<< "$(section "$LOG" "call clocksource=$cs")"
			ok $? "$t: switched to clocksource $cs through /sys"
			check_clocksource "$k" "$v" "$a" "$cs"
		done
	fi

	# The auxiliary vector: i386 gets the gate (AT_SYSINFO), x86_64 not.
	auxv=$(section "$LOG" auxv)
	grep -q '^AT_SYSINFO_EHDR: ' <<< "$auxv"
	ok $? "$t: auxv shows AT_SYSINFO_EHDR (the kernel's vDSO)"
	if [ "$a" = i386 ]; then
		grep -q '^AT_SYSINFO: ' <<< "$auxv"
		ok $? "$t: auxv shows AT_SYSINFO (__kernel_vsyscall, through the compat layer)"
	else
		! grep -q '^AT_SYSINFO: ' <<< "$auxv"
		ok $? "$t: auxv has no AT_SYSINFO (no gate on x86_64)"
	fi

	# The image that came back on the second serial port.
	img=$OUT/ttyS1.bin
	want=$(sed -n 's/^dump: cksum \([0-9]* [0-9]*\)$/\1/p' "$LOG" | tail -1)
	have=$(cksum < "$img" 2>/dev/null)
	is "$have" "${want:-(no cksum line in the log)}" "$t: the image came back byte for byte (cksum and size as init computed them)"
	size=$(stat -c %s "$img" 2>/dev/null || echo 0)
	[ "$size" -gt 0 ] && [ $((size % 4096)) -eq 0 ]
	ok $? "$t: the image's size is a non-zero multiple of 4096 ($size)"
	is "$(head -c 4 "$img" 2>/dev/null | od -An -tx1 | tr -d ' \n')" 7f454c46 "$t: the image starts with \\x7fELF"
	readelf -a -W "$img" > "$OUT/readelf.txt" 2> "$OUT/readelf.err"
	st=$?
	[ $st -eq 0 ] && [ ! -s "$OUT/readelf.err" ]
	ok $? "$t: readelf -a -W reads the image with no warning"
	[ -s "$OUT/readelf.err" ] && sed 's/^/# /' "$OUT/readelf.err" | head -5
	class=ELF64
	[ "$a" = i386 ] && class=ELF32
	grep -q "Class: *$class\$" "$OUT/readelf.txt"
	ok $? "$t: the image is $class, as this arch's vDSO must be"

	# The symbols init printed are the image's: readelf and our own reader
	# on the host must list the same lines.
	section "$LOG" syms | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.inside"
	readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.readelf"
	# (symbol lines only: the versym lines of `read` start with a number too)
	[ -s "$OUT/syms.inside" ]; ok $? "$t: syms listed $(wc -l < "$OUT/syms.inside") symbols inside"
	diff_ok "$OUT/syms.readelf" "$OUT/syms.inside" "$t: readelf --dyn-syms of the image lists what syms printed inside"
	# (on the first runner that runs this arch here: natively where it can)
	if host=$(first_runner "$a"); then
		run_on "$host" "$a" "$BUILD/$a/vdso" read "$img" | awk '$1 ~ /^[0-9]+:$/ && $2 ~ /^[0-9a-f]+$/ && length($2) >= 8 { $1 = $1; print }' > "$OUT/syms.read"
		diff_ok "$OUT/syms.read" "$OUT/syms.inside" "$t: vdso read of the image on the host ($host) prints the same symbol lines"
	else
		skip "$t: vdso read of the image on the host" "$host"
	fi

	# Every vDSO function gives what its system call gives inside: the
	# rows judged here by their two values (tests/tools/call_rows.awk).
	call=$(section "$LOG" call)
	n=$(grep -cE '^(clock_gettime|clock_getres|gettimeofday|time|getcpu|getrandom) ' <<< "$call")
	differ=$(awk -f "$TOP/tests/tools/call_rows.awk" <<< "$call" | sort -u | tr '\n' ' ')
	[ "$n" -gt 0 ] && [ -z "$differ" ]
	ok $? "$t: call inside: in all $n rows the path gives what the system call gives${differ:+ (not: $differ)}"
	paths=$(sed -n 's/^paths: //p' <<< "$call")
	if [ "$a" = i386 ]; then
		# i386: the gate is AT_SYSINFO, found again by lookup, and the
		# 64-bit time_t clock_gettime serves.
		grep -q 'clock_gettime=vdso(__vdso_clock_gettime64)' <<< "$paths"
		ok $? "$t: __vdso_clock_gettime64 resolves and serves clock_gettime"
		gate=$(section "$LOG" gate)
		is "$(sed -n 's/^__kernel_vsyscall@[A-Z0-9_.]*: \(0x[0-9a-f]*\).*/\1/p' <<< "$gate")" \
		   "$(sed -n 's/^AT_SYSINFO: *\(0x[0-9a-f]*\).*/\1/p' <<< "$gate" | grep . || echo "(no AT_SYSINFO line)")" \
		   "$t: gate: __kernel_vsyscall by lookup is at AT_SYSINFO"
		grep -q '^calls now enter by: the gate$' <<< "$gate"
		ok $? "$t: gate: system calls enter through __kernel_vsyscall"
		# each door's values, judged here (tests/tools/gate_rows.awk);
		# the word (a long) at 4096 of /init, which is this file, by od
		word=$(od -An -td$(($(arch_bits "$a") / 8)) -j4096 -N$(($(arch_bits "$a") / 8)) "$BUILD/$a/vdso" | tr -d ' ')
		is "$(awk -f "$TOP/tests/tools/gate_rows.awk" <<< "$gate" | tr '\n' '|')" \
		   "getpid equal|write 37 37|mmap $word $word|0x7ffff -ENOSYS -ENOSYS|" \
		   "$t: gate and int \$0x80: one getpid, 37 bytes written, the word od reads at 4096, -ENOSYS"
		# The entry the kernel patched into the gate, by the CPU's vendor
		# (arch/x86/entry/vdso/vdso32/system_call.S: SYSENTER32 on Intel,
		# SYSCALL32 on AMD), read by objdump from the live image.
		want=syscall
		[ "$cpu" = Skylake-Client ] && want=sysenter
		got=$(objdump -d --no-show-raw-insn --disassemble=__kernel_vsyscall "$img" 2>/dev/null |
			awk '$2 == "sysenter" || $2 == "syscall" || ($2 == "int" && $3 == "$0x80") { print $2; exit }')
		is "${got:-none}" "$want" "$t: the gate enters by $want on $cpu (objdump of the live image)"
		# ... and the form `vdso gate` names, from the bytes (arch_gate_form)
		want=$(gate_form_by_objdump "$img")
		is "$(gate_form_said "$gate")" "${want:-(objdump finds no way in)}" \
		   "$t: gate: the form it names is the one objdump decodes (${want:-none})"
	else
		grep -q 'clock_gettime=vdso(__vdso_clock_gettime)' <<< "$paths"
		ok $? "$t: __vdso_clock_gettime resolves and serves clock_gettime"
	fi
	diag "$t inside: $paths"
	readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $4 == "FUNC" && $7 != "UND" { sub(/@.*/, "", $8); print $8 }' > "$OUT/funcs"
	check_call_table "$t" "$call" "$(cat "$OUT/funcs")"

	# Which calls stayed in user space, proved (vdso/served.c).
	grep -q '^served: proved by seccomp' <<< "$call"
	ok $? "$t: served: proved by seccomp"
	is "$(served "$LOG" call clock_gettime MONOTONIC)" "user space" "$t: served: CLOCK_MONOTONIC through the vDSO stayed in user space (tsc)"
	is "$(served "$LOG" call clock_gettime PROCESS_CPUTIME)" "the kernel" "$t: served: a CPU-time clock through the vDSO entered the kernel"

	# `vdso check` as process 1: the kernel's own vDSO, no check fails.
	sec=$(section "$LOG" check)
	is "$(grep -Ec '^(not )?ok [0-9]+ - ' <<< "$sec")" "$(sed -n 's/^1\.\.//p' <<< "$sec")" \
		"$t: check: as many checks as its plan says"
	is "$(grep '^not ok' <<< "$sec" | grep -vc ' # TODO ')" 0 "$t: check: no 'not ok' line but a TODO"
	! grep '^not ok.* # TODO ' <<< "$sec" | grep -vq "# TODO the kernel's own, Linux [0-9.]*+ ([^)]*): [a-z]*/"
	ok $? "$t: check: each TODO names the kernel's version and file"
	grep '^not ok.* # TODO ' <<< "$sec" | sed 's/^/# /'
	# the marks of an emulation it names: none, as readelf finds the
	# image dumped above (a PT_LOAD RWE, no Linux note, linked away from 0)
	want="none (the kernel's own vDSO)"
	{ readelf -lW "$img" | awk '$1 == "LOAD" && ($(NF-1) ~ /RWE/ || $3 !~ /^0x0+$/)' | grep -q . ||
	  ! readelf -nW "$img" | grep -q '^ *Linux '; } && want="(readelf sees marks of an emulation)"
	is "$(sed -n 's/^# emulation marks: //p' <<< "$sec")" "$want" "$t: check: no marks of an emulation, as readelf finds the image"
	diag "$t: $(tail -n 1 <<< "$sec" | sed 's/^# //')"
	[ "$v" = "$a" ] && check_data_boot "$t" "$a" "$img"
	[ -n "$lessons" ] && check_lessons_boot "$t" "$a" "$img" "$lessons"
	check_tour_boot "$t" "$img"
}

# check_data_boot TITLE ARCH IMAGE: the lesson data (VDSO_LESSON=/data) on
# tsc, the step "data", and on each of CLOCKSOURCES, "data clocksource=CS":
# the clocksource it names is the one init found or switched to; by the
# kernel's rule, clock_gettime stays in user space on tsc (a vDSO mode)
# and enters the kernel on the others (none), proved by seccomp; the
# sequence count even and grown by two an update; on x86_64 the decoded
# first data access is objdump's first %rip-relative operand in the image
# that came back on the second port (linked at 0: addresses are offsets).
check_data_boot() {
	local t=$1 a=$2 img=$3 cs step sec want c1 c2 u
	for cs in tsc $CLOCKSOURCES; do
		step="data clocksource=$cs" want="entered the kernel"
		[ "$cs" = tsc ] && step=data want="stayed in user space"
		sec=$(section "$LOG" "$step")
		[[ "$(sed -n 's/^clocksource: //p' <<< "$sec")" =~ ^$cs(-early)?$ ]]
		ok $? "$t: data on $cs: it names the clocksource $cs"
		is "$(sed -nE 's/^clock_gettime\(CLOCK_MONOTONIC\) through the vDSO (.*) \(witness: (.*)\)$/\1 (\2)/p' <<< "$sec")" \
		   "$want (seccomp)" "$t: data on $cs: clock_gettime $want"
		read -r c1 c2 u <<< "$(sed -nE 's/^the sequence count there: ([0-9]+), ([0-9]+) after 50 ms: ([0-9]+) updates .*/\1 \2 \3/p' <<< "$sec")"
		[ -n "$c1" ] && [ $((c1 % 2)) = 0 ] && [ $((c2 % 2)) = 0 ] && [ "$c2" -gt "$c1" ] && [ "$u" = $(((c2 - c1) / 2)) ]
		ok $? "$t: data on $cs: the count ${c1:-?}, then ${c2:-?}: even, grown by 2 per update (${u:-?})"
	done
	[ "$a" = x86_64 ] || return 0
	sec=$(section "$LOG" data)
	local sym sv ssz line last
	sym=$(sed -nE 's/^([_a-z0-9]+) at AT_SYSINFO_EHDR .*/\1/p' <<< "$sec")
	read -r sv ssz <<< "$(readelf --dyn-syms -W "$img" | awk -v s="$sym" '{ n = $8; sub(/@.*/, "", n) } n == s { print $2, $3; exit }')"
	line=$(objdump -d --start-address=0x${sv:-0} --stop-address=$((0x${sv:-0} + ${ssz:-0})) "$img" | grep -m1 '(%rip)')
	last=$(grep -E '^  \+0x[0-9a-f]+:' <<< "$sec" | tail -1)
	[ -n "$line" ] && [ -n "$last" ]
	ok $? "$t: data: a decoded access, and objdump's first %rip-relative operand in $sym"
	is "$(sed -nE 's/^  \+0x([0-9a-f]+): ([0-9a-f ]+):.*/\1: \2/p' <<< "$last")" \
	   "$(awk -F'\t' '{ sub(/^ */, "", $1); sub(/ +$/, "", $2); print $1 " " $2 }' <<< "$line")" \
	   "$t: data: the first data access of $sym, as objdump finds its first %rip-relative operand"
	is "$(sed -nE 's/^it lands at AT_SYSINFO_EHDR (.0x[0-9a-f]+):.*/\1/p' <<< "$sec")" \
	   "$(x=$((16#$(sed -nE 's/.*# ([0-9a-f]+) .*/\1/p' <<< "$line"))); [ $x -lt 0 ] && printf -- '-0x%x' $((-x)) || printf '+0x%x' $x)" \
	   "$t: data: where it lands, objdump's target"
}

# check_lessons_boot TITLE ARCH IMAGE LESSONS: the lessons of VDSO_LESSONS
# (the steps "lesson NAME") and the tour, in the booted kernel, judged here
# by what shares no code with them: readelf, objdump and nm on the image
# that came back and on the lessons' files, getconf, lookup.py, the
# kernel's own config, the host's clock around the boot.
check_lessons_boot() {
	local t=$1 a=$2 img=$3 l sec st want got n at base secs end
	for l in $4; do
		st=$(step_status "$LOG" "lesson $l")
		is "$st" 0 "$t: lesson $l ended with status=0"
		[ "$st" = 0 ] || section "$LOG" "lesson $l" | tail -3 | sed 's/^/#   /'
	done
	for l in $4; do
		sec=$(section "$LOG" "lesson $l")
		case $l in
		hello)
			strings -a "$BUILD/$a/hello" | grep -qxF -- "$sec"
			ok $? "$t: hello: its line is the one strings finds in the file (${sec:-nothing})" ;;
		stack)
			grep -qx 'sp\[1\] *argv\[0\] *0x[0-9a-f]* -> /stack' <<< "$sec" &&
				grep -Eq '^ +\| AT_EXECFN \(file name\) +7 bytes +\|$' <<< "$sec" &&
				grep -q '^sp at _start  0x[0-9a-f]*0 (16-byte aligned)$' <<< "$sec"
			ok $? "$t: stack: argv[0] is /stack, AT_EXECFN its 7 bytes, sp 16-byte aligned (its address ends in 0)" ;;
		auxv)
			want="$(getconf PAGESIZE) $(getconf CLK_TCK) 0 $(readelf -hW "$BUILD/$a/auxv" | awk '/Number of program headers/ { print $NF }') $(readelf -hW "$BUILD/$a/auxv" | awk '/Entry point/ { print $NF }') /auxv"
			got=$(awk '$2 == "AT_PAGESZ" { p = $3 } $2 == "AT_CLKTCK" { c = $3 } $2 == "AT_UID" { u = $3 }
				$2 == "AT_PHNUM" { n = $3 } $2 == "AT_ENTRY" { e = $3 } $2 == "AT_EXECFN" { f = $3 }
				END { print p, c, u, n, e, f }' <<< "$sec")
			is "$got" "$want" "$t: auxv: AT_PAGESZ, AT_CLKTCK (getconf), AT_UID 0, AT_PHNUM, AT_ENTRY (readelf -h of the file), AT_EXECFN" ;;
		find)
			at=$(sed -nE 's/^auxv:  AT_SYSINFO_EHDR (0x[0-9a-f]+), ([0-9]+) bytes by its own headers$/\1 \2/p' <<< "$sec")
			got=$(sed -nE 's/^maps:  ([0-9a-f]+)-([0-9a-f]+) r-xp \[vdso\]$/\1 \2/p' <<< "$sec")
			[ -n "$at" ] && [ -n "$got" ] &&
				[ $((${at% *})) = $((16#${got% *})) ] && [ "${at#* }" = "$(stat -c %s "$img")" ] &&
				[ $((16#${got#* } - 16#${got% *})) = "$(stat -c %s "$img")" ]
			ok $? "$t: find: AT_SYSINFO_EHDR is the [vdso] line's start; its size, and the line's length, the image's ($(stat -c %s "$img") bytes)" ;;
		lookup)
			at=$(sed -nE 's/^lookup of .* at (0x[0-9a-f]+)$/\1/p' <<< "$sec")
			printf '%s\n' "$sec" > "$OUT/lookup.inside"
			python3 "$TOP/tests/lessons/lookup.py" "$img" "${at:-0}" "${at:-0}" \
				"$(sed -nE 's/^lookup of ([^@]+)@.*/\1/p' <<< "$sec")" LINUX_2.6 > "$OUT/lookup.want" 2>&1
			diff_ok "$OUT/lookup.want" "$OUT/lookup.inside" "$t: lookup: every number, recomputed from the image by lookup.py" ;;
		clock)
			secs=$(cat "$OUT/time" 2> /dev/null || echo 0) end=$(stat -c %Y "$LOG")
			got=${sec%%.*}
			[ -n "$got" ] && [ "$got" -ge $((end - ${secs%.*} - 30)) ] && [ "$got" -le $((end + 30)) ]
			ok $? "$t: clock: $sec lies within the boot, by the host's clock (ended $end)" ;;
		gate)
			if [ "$a" = x86_64 ]; then
				is "$sec" 'x86_64: no gate, AT_SYSINFO absent: every x86_64 CPU has `syscall`, so there is nothing to choose' "$t: gate: no gate on x86_64"
				continue
			fi
			at=$(sed -nE 's/^AT_SYSINFO (0x[0-9a-f]+): .*/\1/p' <<< "$sec")
			base=$(sed -nE 's/^AT_SYSINFO .* in the vDSO at (0x[0-9a-f]+)$/\1/p' <<< "$sec")
			want=$(objdump -D -b binary -m i386 --start-address=$((at - base)) --stop-address=$((at - base + 32)) "$img" |
				awk -F'\t' 'NF >= 3 { sub(/ +$/, "", $3); gsub(/ +/, " ", $3); print $3; if ($3 ~ /^ret/) exit }')
			got=$(sed -n 's/^  0x[0-9a-f]*:  \([0-9a-f][0-9a-f] \)* *//p' <<< "$sec" | sed 's/ \+/ /g')
			is "$got" "${want:-(objdump decodes nothing there)}" "$t: gate: the instructions objdump decodes at AT_SYSINFO in the image" ;;
		getrandom)
			want="system call"
			readelf --dyn-syms -W "$img" | grep -q ' __vdso_getrandom@' && want=vDSO
			grep -qx "two calls of 12 bytes, served by the $want:" <<< "$sec"
			ok $? "$t: getrandom: served by the $want, as readelf finds __vdso_getrandom in the image or not"
			if [ "$want" = vDSO ]; then
				grep -Eq '^after fork\(2\), a child sees 0 non-zero bytes of the [0-9]+ \(the parent [1-9][0-9]*\)$' <<< "$sec"
				ok $? "$t: getrandom: a child sees a state of zeroes (VM_WIPEONFORK), the parent not"
			fi ;;
		signal)
			got=$(sed -nE 's/^the handler ran; it was to return to (0x[0-9a-f]+) .*/\1/p' <<< "$sec")
			if [ "$a" = x86_64 ]; then
				want=$(nm "$BUILD/$a/signal" | awk '$3 == "arch_sigreturn" { print "0x" $1 }')
				is "$((got))" "$((${want:-1}))" "$t: signal: it returns to arch_sigreturn, at $want by nm"
			else
				want=$(readelf --dyn-syms -W "$img" | awk '$8 ~ /^__kernel_rt_sigreturn@/ { print "0x" $2; exit }')
				base=$(sed -nE 's/.* in the vDSO at (0x[0-9a-f]+)$/\1/p' <<< "$sec")
				is "$((got))" "$((${base:-1} + ${want:-0}))" "$t: signal: it returns to the vDSO's __kernel_rt_sigreturn (readelf: $want)"
			fi ;;
		vsyscall)
			if [ "$a" = i386 ]; then
				grep -q '^i386: no vsyscall page' <<< "$sec"
				ok $? "$t: vsyscall: no such page on i386, said in one line"
				continue
			fi
			want=$(sed -nE 's/^CONFIG_LEGACY_VSYSCALL_(NONE|XONLY|EMULATE)=y$/\1/p' "$BUILD/cache/kernel-${t%% *}/config" 2> /dev/null | tr A-Z a-z)
			is "$(sed -nE 's/^mode by .proc.self.maps: ([a-z]+).*/\1/p' <<< "$sec")" "${want:-(no config)}" \
			   "$t: vsyscall: the mode the kernel's config sets (CONFIG_LEGACY_VSYSCALL_*), no vsyscall= given"
			if [ "$want" = none ]; then
				grep -q '^a call of time() at 0xffffffffff600400: signal 11 ' <<< "$sec"
				ok $? "$t: vsyscall: no page, the call is a SIGSEGV, caught"
			else
				got=$(sed -nE 's/^a call of time\(\) at 0xffffffffff600400: ([0-9]+) .*/\1/p' <<< "$sec") end=$(stat -c %Y "$LOG")
				[ -n "$got" ] && [ "$got" -ge $((end - BOOT_LIMIT - 30)) ] && [ "$got" -le $((end + 30)) ]
				ok $? "$t: vsyscall: time() through the page is $got, within the boot by the host's clock"
			fi ;;
		relocate)
			want=$(readelf -rW "$BUILD/$a/relocate" | awk '/^ +[0-9]+ offsets$/ { n = 1; next } n && /^[0-9a-f]+$/' |
				while read -r x; do printf '0x%x ' $((16#$x)); done)
			got=$(sed -nE 's/^RELR word [^:]*: (even, the place linked at (0x[0-9a-f]+) .*|odd, a bitmap; the places linked at (.*))$/\2 \3/p' <<< "$sec" |
				tr -s ' \n' '\n\n' | grep . | tr '\n' ' ')
			is "$got" "${want:-(readelf lists none)}" "$t: relocate: every place the RELR words name, as readelf -r lists them"
			grep -q '^RELRO .*: a write to words\[0\] faulted (read-only since relocation)$' <<< "$sec"
			ok $? "$t: relocate: RELRO read-only: the write faulted" ;;
		esac
	done
}

# check_tour_boot TITLE IMAGE: the tour, every step; step 4's hash and
# address as lookup.py computes them from the image.
check_tour_boot() {
	local t=$1 img=$2 sec name at want
	sec=$(section "$LOG" tour)
	is "$(grep -c '^== step [0-9]* of 10: ' <<< "$sec")" 11 "$t: tour: eleven steps"
	is "$(grep -c '^try: ' <<< "$sec")" 11 "$t: tour: a try: line each"
	sec=$(awk '/^== step 4 of /, /^== step 5 of /' <<< "$sec")
	read -r name at <<< "$(sed -nE 's/^([_a-z0-9]+) in the vDSO at (0x[0-9a-f]+)$/\1 \2/p' <<< "$sec" | head -1)"
	want=$(python3 "$TOP/tests/lessons/lookup.py" "$img" "${at:-0}" "${at:-0}" "${name:-?}" LINUX_2.6 2>&1)
	is "$(sed -nE 's/^(address: .*)$/\1/p' <<< "$sec" | head -1)" "$(sed -nE 's/^(address: .*)$/\1/p' <<< "$want")" \
	   "$t: tour 4: st_value + load bias = the address, as lookup.py computes it from the image"
}

# check_clocksource K VARIANT ARCH CS [STEP]: on CS, the vDSO falls back
# for the clocks that read the counter (STEP: the main boot's "call
# clocksource=CS", or `call` in a boot of its own).
check_clocksource() {
	local k=$1 v=$2 a=$3 cs=$4 step=${5:-call clocksource=$4} t="$1 $3 clocksource=$4" c sec
	sec=$(section "$LOG" "$step")
	is "$(step_status "$LOG" "$step")" 0 "$t: '$step' ended with status=0"
	grep -q '^served: proved by seccomp' <<< "$sec"
	ok $? "$t: served: proved by seccomp"
	for c in MONOTONIC REALTIME BOOTTIME; do
		is "$(served "$LOG" "$step" clock_gettime $c)" "the kernel" "$t: CLOCK_$c through the vDSO entered the kernel (no vDSO mode)"
	done
	for c in MONOTONIC_COARSE REALTIME_COARSE; do
		is "$(served "$LOG" "$step" clock_gettime $c)" "user space" "$t: CLOCK_$c through the vDSO stayed in user space (the data page alone)"
	done
	is "$(served "$LOG" "$step" time -)" "user space" "$t: time() through the vDSO stayed in user space"
}

# check_novdso K ARCH: vdso=0 or vdso32=0, `call` only.
check_novdso() {
	local k=$1 a=$2 param=vdso=0 t call paths entry
	[ "$a" = i386 ] && param=vdso32=0
	t="$k $a $param"
	use "$k" "$a-param"
	check_boot "$a" "$t"
	grep -q "^boot: .*append: .* $param -- boot call\$" "$ERR"
	ok $? "$t: the kernel command line had $param before the command"
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
	is "$got" "call " "$t: init ran only the command given"
	is "$(step_status "$LOG" call)" 0 "$t: it ended with status=0"
	is "$STATUS" 0 "$t: boot.sh's exit status is the command's"
	[ ! -s "$OUT/ttyS1.bin" ]
	ok $? "$t: no dump on the second port"
	call=$(section "$LOG" call)
	paths=$(sed -n 's/^paths: //p' <<< "$call")
	[ -n "$paths" ] && ! grep -q '=vdso' <<< "$paths" &&
		awk '$3 == "vdso" { exit 1 }' <<< "$call"
	ok $? "$t: no vDSO: every function and row took the system call ($paths)"
	entry=syscall
	[ "$a" = i386 ] && entry='int $0x80'
	grep -qF "syscall twin enters by: $entry;" <<< "$call"
	ok $? "$t: no gate either: system calls enter by $entry"
	grep -q '^served: no vDSO functions' <<< "$call"
	ok $? "$t: served: no vDSO functions, said in one line"
}

for k in $KERNELS; do
	for a in $ARCHES; do
		[ -x "$BUILD/$a/vdso" ] || continue
		check_main "$k" "$a" "$a" EPYC
		[ "$a" = i386 ] && check_main "$k" i386-intel i386 Skylake-Client
		check_novdso "$k" "$a"
		if boot_variants "$a" "$k" | grep -q "^$a-hpet|"; then
			# clocksource=hpet from the kernel's command line, as
			# `make boot APPEND=clocksource=hpet CMD=call` does
			use "$k" "$a-hpet"
			check_boot "$a" "$k $a clocksource=hpet (command line)"
			grep -q "^boot: .*append: .* clocksource=hpet -- boot call\$" "$ERR"
			ok $? "$k $a: the kernel command line had clocksource=hpet"
			check_clocksource "$k" "$a-hpet" "$a" hpet call
		fi
	done
done
diag "boot to power-off, host wall time ($BOOT_JOBS at a time, $WALL s in all):" "${TIMES[@]}"

# The table in tests/README.md, remade from these boots and the host.
"$TOP/tests/boot/table.sh" "$D" > "$D/table" 2> "$D/table.err"
ok $? "tests/boot/table.sh remakes the table from the boots" || sed 's/^/# /' "$D/table.err"
sed -n '/^<!-- vdso-table begin/,/^<!-- vdso-table end/p' "$TOP/tests/README.md" | grep '^| [0-9]' > "$D/table.committed"
host=$(grep -m1 '(host' "$D/table" | cut -d'|' -f2)
while IFS= read -r line; do
	key=$(cut -d'|' -f2-4 <<< "$line")
	what="tests/README.md table row:$(tr -s ' |' ' ' <<< "$key" | sed 's/ $//')"
	committed=$(grep -F -- "|$key|" "$D/table.committed")
	if [[ "$line" == *"| not "* ]]; then
		skip "$what is current" "not remade here: $(cut -d'|' -f5 <<< "$line" | sed 's/^ *//; s/ *$//')"
	elif [[ "$key" == *"(host"* ]] && ! grep -qF -- "|$host|" "$D/table.committed"; then
		skip "$what is current" "the table's host rows were made on another kernel"
	else
		is "$committed" "$line" "$what is current (else: tests/boot/table.sh -w)"
	fi
done < <(grep '^| [0-9]' "$D/table")
keys() { grep -v '(host' "$1" | grep '^| [0-9]' | cut -d'|' -f2-4 | tr '\n' ';'; }
if [ "$BOOT_KERNELS" = "$BOOT_KERNELS_ALL" ]; then
	is "$(keys "$D/table.committed")" "$(keys "$D/table")" "tests/README.md table: one row per booted kernel, arch and CPU, in order"
else
	skip "tests/README.md table: one row per booted kernel, arch and CPU" \
		"only $BOOT_KERNELS booted here (BOOT_KERNELS; make test-quick), not $BOOT_KERNELS_ALL"
fi

done_testing
