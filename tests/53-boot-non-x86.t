#!/bin/bash
# tests/53-boot-non-x86.t - the program as /init under Debian's kernels for
# the arches other than x86: ARM, riscv64, ppc64le and s390x.
#
# tests/boot/boot.sh boots build/ARCH/vdso in QEMU's system emulators, in
# software: Debian's arm64 kernel (6.1, and 6.12 from bookworm-backports)
# for aarch64, the same kernels for 32-bit arm through their compat layer
# (the compat vDSO, vdso32), Debian's armmp kernel (6.1, ARMv7) for arm
# natively, all in the "virt" machine; trixie's riscv64 kernel (6.12,
# under OpenSBI, virt); Debian's ppc64le kernel (6.12, the pseries
# machine); Debian's s390x kernels (6.1 and 6.12, s390-ccw-virtio).  Each
# boot costs 5-45 s here, so each (kernel, arch) is booted once, with every
# command this test reads in that one boot:
#
#   syms + call [+ map] + check [+ signal] + image
#
# (map on s390x, signal on ppc64le and s390x) and this test reads what
# came back, judged on this machine by readelf and the arch's objdump:
#   - the boot: QEMU ended by itself, init was process 1, every step ended
#     with status=0, init powered the machine off;
#   - the image, sent back as hex on the console (these machines have one
#     serial port): size and POSIX cksum as init computed them, \x7fELF,
#     the arch's ELF class, machine and byte order, and readelf reads it
#     with no warning;
#   - syms: the lines readelf --dyn-syms prints for the image;
#   - call: for each function of the arch's table (arch/ARCH/vdso_calls.h,
#     its candidates in order), the vDSO path with the first candidate the
#     image exports (by readelf), else the system call; and the time of
#     clock_gettime(CLOCK_REALTIME) both ways within 50 ms of each other;
#   - check: no "not ok" line;
#   - map (s390x): the walk from __kernel_clock_gettime into the C function
#     it calls (brasl) to the first data load (larl, then a load based on
#     that register), against objdump's reading of the same instructions;
#   - signal (ppc64le, s390x): each handler the kernel gave a return
#     returns into the vDSO at the symbol readelf places there, whose
#     code objdump reads as the system call the arch's UAPI header numbers
#     rt_sigreturn (or sigreturn, s390x's old frame);
#   - ppc64le: the image's size by its section headers, the exports outside
#     the call table, and the error convention (CR0.SO set, EINVAL in r3).
# Then `vdso read` of every image sent back, by each native build, at
# readelf parity (symbols, versions, dynamic table), in both byte orders.
# Last, the table of what each kernel's vDSO offers (functions, versions,
# hash tables), from readelf, as diagnostics (tests/README.md's table has
# these kernels' rows, made by tests/boot/table.sh).
#
# Then riscv64's `vdso map` in one more boot, held to objdump, and `vdso
# trace` in more (below, before their loops).
#
# A kernel that cannot be fetched, or a missing qemu-system-*, is a skip
# that says why.  Logs: build/test/boot-non-x86/KERNEL-ARCH/.

. "$(dirname "$0")/tap.sh"
. "$TOP/tests/runners.sh"

BOOT_LIMIT=${BOOT_LIMIT:-120}
# kernel (boot.sh -k), arch: the machines of tests/boot/boot.sh other than x86's.
# (BOOTS and TRACE_BOOTS from the environment: fewer, e.g. while editing)
BOOTS=${BOOTS:-"6.1:aarch64 6.12:aarch64 6.1:arm 6.12:arm armmp:arm 6.12:riscv64 6.12:ppc64le 6.1:s390x 6.12:s390x"}
D=$BUILD/test/boot-non-x86
mkdir -p "$D"

section() {
	sed -n "/^=== vdso-boot: begin $2 ===\$/,/^=== vdso-boot: end $2 /p" "$1" | sed '1d;$d'
}

# The emulator of a boot (tests/boot/boot.sh's), and its Debian package.
qemu_of() {             # qemu_of KERNEL ARCH
	case $1:$2 in
	armmp:*) echo qemu-system-arm ;;
	*:riscv64) echo qemu-system-riscv64 ;;
	*:ppc64le) echo qemu-system-ppc64 ;;
	*:s390x) echo qemu-system-s390x ;;
	*) echo qemu-system-aarch64 ;;
	esac
}
qemu_package() {
	case $1 in
	qemu-system-riscv64 | qemu-system-s390x) echo qemu-system-misc ;;
	qemu-system-ppc64) echo qemu-system-ppc ;;
	*) echo qemu-system-arm ;;
	esac
}
# The steps each arch's boot runs besides syms, call and check (see above).
extra_steps() {
	case $1 in ppc64le) echo signal ;; s390x) echo map signal ;; esac
}
# The ELF header readelf must show for the arch's vDSO (the ELF psABI of
# each: class, e_machine, byte order).
elf_header() {
	case $1 in
	arm) echo "ELF32|ARM|little" ;;
	riscv64) echo "ELF64|RISC-V|little" ;;
	ppc64le) echo "ELF64|PowerPC64|little" ;;
	s390x) echo "ELF64|IBM S/390|big" ;;
	*) echo "ELF64|AArch64|little" ;;
	esac
}
# uapi ARCH: the folder of the arch's kernel UAPI headers (Debian's
# linux-libc-dev-<arch>-cross: /usr/TRIPLE/include).
uapi() {
	echo "/usr/$(arch_cflags "$1" | grep -o -- '--target=[^ ]*' | sed 's/--target=//')/include"
}
# uapi_nr ARCH NAME: the system call's number in that header.
uapi_nr() {
	awk -v n="__NR_$2" '$1 == "#define" && $2 == n { print $3 }' "$(uapi "$1")/asm/unistd_64.h" 2>/dev/null
}
# The first PT_LOAD's virtual address, as readelf reads it.
load_vaddr() {
	readelf -lW "$1" | awk '$1 == "LOAD" { print $3; exit }'
}

# The candidates of a call in the arch's table, in order: "name sym sym...".
candidates() {          # candidates ARCH
	awk '/^[ \t]*(CALL|ALSO)\(/ {
		line = $0; sub(/^[ \t]*/, "", line)
		kind = substr(line, 1, 4); sub(/^(CALL|ALSO)\(/, "", line)
		n = split(line, f, ",")
		for (i = 1; i <= n; i++) gsub(/^[ \t"]+|[ \t"]+$/, "", f[i])
		if (kind == "CALL") { id = f[1]; name[id] = f[2]; order[++k] = id; sym = f[4] }
		else sym = f[2]
		if (sym != "NO_VDSO_SYMBOL") cands[id] = cands[id] " " sym
	}
	END { for (i = 1; i <= k; i++) print name[order[i]] cands[order[i]] }' "$TOP/arch/$1/vdso_calls.h"
}

# ppc64le: what the other arches lack (from the boot's LOG, its image img).
ppc64le_checks() {
	local einval size shoff shnum shsize end page load f
	einval=$(awk '$2 == "EINVAL" { print $3 }' "$(uapi "$a")/asm-generic/errno-base.h")
	# The image's size by its own headers: the section headers' end, far
	# past PT_LOAD, in whole pages of the kernel's size (its config says
	# 4 KiB or 64 KiB).
	shoff=$(awk '/Start of section headers:/ { print $5 }' "$OUT/readelf.txt")
	shnum=$(awk '/Number of section headers:/ { print $5 }' "$OUT/readelf.txt")
	shsize=$(awk '/Size of section headers:/ { print $5 }' "$OUT/readelf.txt")
	load=$(awk '$1 == "LOAD" { print $5; exit }' "$OUT/readelf.txt")
	size=$(sed -n 's/^image: .*, \([0-9]*\) bytes by its own headers$/\1/p' "$LOG" | head -1)
	page=65536
	grep -q '^CONFIG_PPC_4K_PAGES=y' "$BUILD/cache/kernel-$k-powerpc64le/config" 2>/dev/null && page=4096
	end=$((shoff + shnum * shsize))
	is "$size" "$(((end + page - 1) / page * page))" \
		"$t: syms sized the image by its section headers' end, $end bytes, in pages of $page ($size; PT_LOAD's file size is $((load)))"
	for f in __kernel_get_tbfreq __kernel_sync_dicache __kernel_get_syscall_map; do
		grep -q " $f@@LINUX_2.6.15\$" "$OUT/syms.readelf"
		ok $? "$t: the image exports $f (readelf), outside the call table: no system call twin"
	done
	# The error convention: CR0.SO set and a positive errno in r3.
	grep -q "^error flag: clock_gettime(-1) through the vDSO came back with CR0.SO set and $einval in the result register,\$" <<< "$call" &&
		grep -q '^  which the runtime reads as EINVAL; the system call (sc) answers EINVAL: the same$' <<< "$call"
	ok $? "$t: the kernel's vDSO says a bad clock id with CR0.SO and EINVAL ($einval), read as EINVAL, as the system call"
	grep -qE "^ok [0-9]+ - clock id -1: CR0.SO set, result register $einval, read as EINVAL; the system call: EINVAL\$" <<< "$chk"
	ok $? "$t: check inside tests the error flag"
}

# s390x: `vdso map`'s walk against objdump's.  __kernel_clock_gettime is
# a wrapper that calls the C function (brasl); that function reaches the
# data pages by larl (its own address plus twice a 32-bit offset) and a
# load based on that register.  The image is linked at 0, so objdump's
# larl target plus the load's displacement is the offset from
# AT_SYSINFO_EHDR.  The walk is objdump's lines read in order from the
# function's address, following brasl.
s390x_map() {
	local map start want got larl_at walk_larl
	map=$(section "$LOG" map)
	start=$(readelf --dyn-syms -W "$img" | awk '$8 ~ /^__kernel_clock_gettime@/ { print $2; exit }')
	want=$("$OD" -d "$img" 2>/dev/null | python3 -c '
import re, sys
start = int(sys.argv[1], 16)
code = {}
for line in sys.stdin:
    m = re.match(r"\s*([0-9a-f]+):\t[0-9a-f ]+\t(\S+)\s*(.*)", line)
    if m:
        code[int(m.group(1), 16)] = (m.group(2), m.group(3))
addrs = sorted(code)
def signed(v): return (v + 2**63) % 2**64 - 2**63
pc, reg, target = start, None, None
for _ in range(200):
    if pc not in code: break
    op, args = code[pc]
    if op == "brasl":
        pc = int(args.split(",")[1].split()[0], 16); continue
    if op == "larl" and reg is None:
        r, t = args.split(",", 1)
        reg, target, at = r, signed(int(t.split()[0], 16)), pc
    elif reg is not None:
        m = re.search(r"(-?\d+)\((?:%r\d+,)?" + re.escape(reg) + r"\)", args)
        if m:
            v = target + int(m.group(1))
            print("%x %s" % (at, ("-0x%x" % -v) if v < 0 else ("+0x%x" % v))); break
    if op in ("svc", "br"): break
    nxt = [a for a in addrs if a > pc]
    if not nxt: break
    pc = nxt[0]
' "${start:-0}")
	larl_at=${want%% *} want=${want#* }
	got=$(sed -n 's/^it reads 0x[0-9a-f]* = AT_SYSINFO_EHDR \([-+]0x[0-9a-f]*\): .*/\1/p' <<< "$map")
	is "${got:-none}" "${want:-(objdump found no larl and load)}" \
		"$t: map: the first data load is at AT_SYSINFO_EHDR ${want:-?}, as objdump reads brasl, larl and the load"
	walk_larl=$(sed -n 's/^  +0x\([0-9a-f]*\): [0-9a-f ]*: larl[ :].*/\1/p' <<< "$map" | head -1)
	is "${walk_larl:-none}" "${larl_at:-?}" "$t: map: its larl at +0x${larl_at:-?}, where objdump reads it"
}

# ppc64le and s390x: where each handler returned, from `vdso signal`'s
# lines "return address ADDR: SYM@VER+0x0 in the vDSO (+OFFSET)", against
# readelf's value of SYM less the first PT_LOAD's address, and the code at
# that offset as objdump reads it: the system call sigreturn or
# rt_sigreturn (by its number in the UAPI header), li r0,N then sc on
# ppc64le (after the addi that pops the frame), svc N on s390x (the
# number in the instruction).
signal_returns() {
	local sig vaddr n=0 sym off value want nr code len
	sig=$(section "$LOG" signal)
	vaddr=$(load_vaddr "$img")
	while read -r sym off; do
		n=$((n + 1))
		value=$(readelf --dyn-syms -W "$img" | awk -v s="$sym" '$8 ~ "^" s "@" { print $2; exit }')
		want=$(printf '+0x%x' $((0x${value:-0} - vaddr)))
		is "$off" "$want" "$t: signal: a handler returned to $sym, at readelf's offset $want"
		nr=$(uapi_nr "$a" rt_sigreturn)
		[[ "$sym" == *_rt_* || "$sym" == *_rt64 ]] || nr=$(uapi_nr "$a" sigreturn)
		# (the code up to the system call: 2 bytes on s390x, 12 on ppc64le)
		len=2
		[ "$a" = ppc64le ] && len=12
		code=$("$OD" -d --start-address=$((off)) --stop-address=$((off + len)) "$img" 2>/dev/null |
			awk '/^ *[0-9a-f]+:\t/ { sub(/^ *[0-9a-f]+:\t[0-9a-f ]+\t/, ""); gsub(/[ \t]+/, " "); sub(/ *$/, ""); printf "%s; ", $0 }')
		[[ "; $code" =~ \;\ (svc\ $nr|li\ r0,$nr\;\ sc)\;\ $ ]] && [ -n "$nr" ]
		ok $? "$t: signal: objdump reads the code there as system call $nr ($code)"
	done < <(sed -n 's/.*return address 0x[0-9a-f]*: \([A-Za-z_0-9]*\)@[A-Z0-9_.]*+0x0 in the vDSO (\(+0x[0-9a-f]*\)).*/\1 \2/p' <<< "$sig")
	ok $((n >= 2 ? 0 : 1)) "$t: signal: $n handlers returned into the vDSO (at least 2: SA_SIGINFO without SA_RESTORER, and one more)"
}

TABLE=()
for b in $BOOTS; do
	k=${b%%:*} a=${b#*:}
	t="$k $a"
	q=$(qemu_of "$k" "$a")
	if ! command -v $q > /dev/null; then
		skip "$t: boot as /init" "$q not installed (Debian: $(qemu_package $q))"
		continue
	fi
	if [ ! -x "$BUILD/$a/vdso" ]; then
		skip "$t: boot as /init" "$BUILD/$a/vdso not built (make ARCH=$a; make test builds it)"
		continue
	fi
	OUT=$D/$k-$a
	rm -rf "$OUT"
	mkdir -p "$OUT"
	LOG=$OUT/console.log ERR=$OUT/boot.err
	OD=$(arch_tool "$a" objdump)
	steps="syms call $(extra_steps "$a") check"
	steps=$(echo $steps)    # one space apart
	# pseries boots slowest (SLOF, then the kernel): twice the time
	limit=$BOOT_LIMIT
	[ "$a" = ppc64le ] && limit=$((2 * BOOT_LIMIT))
	"$TOP/tests/boot/boot.sh" -k "$k" -o "$OUT" -t "$limit" "$a" ${steps// / + } + image > /dev/null 2> "$ERR"
	STATUS=$?
	if [ "$STATUS" = 125 ] && grep -q 'no .* kernel' "$ERR"; then
		skip "$t: boot as /init" "$(tail -n 1 "$ERR" | sed 's/^boot: //')"
		continue
	fi
	secs=$(cat "$OUT/time" 2>/dev/null || echo ?)
	diag "$t: $(grep -m1 '^boot: ' "$ERR" | sed 's/; append.*//'): $secs s"

	# The boot itself.
	qemu=$(sed -n 's/.*QEMU ended with status \([0-9]*\).*/\1/p' "$ERR" | tail -1)
	is "${qemu:-none}" 0 "$t: QEMU ended by itself, with status 0 ($secs s)"
	[ "${qemu:-none}" = 0 ] || sed 's/^/# /' "$ERR" | tail -5
	# (on pseries the kernel's last line may share init's first)
	grep -q "=== vdso-boot: init pid=1 arch=$a ===\$" "$LOG"
	ok $? "$t: the program ran as /init, process 1"
	got=$(sed -n 's/^=== vdso-boot: begin \(.*\) ===$/\1/p' "$LOG" | tr '\n' ' ')
	is "$got" "$steps dump " "$t: init ran the steps in order"
	for s in $steps dump; do
		st=$(sed -n "s/^=== vdso-boot: end $s status=\([0-9]*\).*/\1/p" "$LOG" | tail -1)
		is "${st:-none}" 0 "$t: step '$s' ended with status=0"
	done
	# (s390x's console, the SCLP's, is written asynchronously: the
	# machine stops before the kernel's "reboot: Power down" comes out,
	# in every s390x boot here; QEMU's own end, above, says it stopped)
	grep -q '^=== vdso-boot: power off status=0 ===$' "$LOG" && { [ "$a" = s390x ] || grep -q 'reboot: Power down' "$LOG"; }
	ok $? "$t: init powered the machine off, its last line not lost"

	# The image.
	img=$OUT/ttyS1.bin
	want=$(sed -n 's/^dump: cksum \([0-9]* [0-9]*\)$/\1/p' "$LOG" | tail -1)
	is "$(cksum < "$img" 2>/dev/null)" "${want:-(no cksum line)}" "$t: the image came back byte for byte (cksum and size as init computed them)"
	is "$(head -c 4 "$img" 2>/dev/null | od -An -tx1 | tr -d ' \n')" 7f454c46 "$t: the image starts with \\x7fELF"
	readelf -a -W "$img" > "$OUT/readelf.txt" 2> "$OUT/readelf.err"
	[ $? -eq 0 ] && [ ! -s "$OUT/readelf.err" ]
	ok $? "$t: readelf -a -W reads the image with no warning"
	IFS='|' read -r class machine order <<< "$(elf_header "$a")"
	grep -q "Class: *$class\$" "$OUT/readelf.txt" && grep -q "Machine: *$machine\$" "$OUT/readelf.txt" &&
		grep -q "Data: *2's complement, $order endian\$" "$OUT/readelf.txt"
	ok $? "$t: the image is $class, $machine, $order-endian, as this arch's vDSO must be"

	# syms against readelf.
	section "$LOG" syms | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.inside"
	readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ { $1 = $1; print }' > "$OUT/syms.readelf"
	[ -s "$OUT/syms.inside" ]
	ok $? "$t: syms listed $(wc -l < "$OUT/syms.inside") symbols inside"
	diff_ok "$OUT/syms.readelf" "$OUT/syms.inside" "$t: readelf --dyn-syms of the image lists what syms printed inside"

	# call: each function's path against what readelf says the image exports.
	call=$(section "$LOG" call)
	paths=$(sed -n 's/^paths: //p' <<< "$call")
	exports=" $(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $4 != "OBJECT" { sub(/@.*/, "", $8); print $8 }' | tr '\n' ' ')"
	while read -r name cands; do
		want=syscall
		for c in $cands; do
			[[ "$exports" == *" $c "* ]] && { want="vdso($c)"; break; }
		done
		item=$(grep -oE "(^| )$name=[a-z]+(\([^)]*\))?" <<< "$paths" | tr -d ' ')
		is "${item#*=}" "$want" "$t: $name: ${want/syscall/no candidate (${cands:-none}) exported: the system call}"
	done < <(candidates "$a")
	line=$(awk '$1 == "clock_gettime" && $2 == "REALTIME" { print $4, $5 }' <<< "$call")
	awk -v l="$line" 'BEGIN { split(l, v, " "); d = v[1] - v[2]; if (d < 0) d = -d; exit !(l != "" && d < 0.05) }'
	ok $? "$t: clock_gettime(CLOCK_REALTIME) by its path and by the system call within 50 ms ($line)"

	# riscv64's hwprobe: each key's pair through the vDSO (hwprobe.c, from
	# the data page) against the system call's, compared here.
	if [ "$a" = riscv64 ]; then
		rows=$(awk '$1 == "riscv_hwprobe" && $2 == "key" && $4 == "vdso"' <<< "$call")
		n=$(grep -c . <<< "$rows")
		ok $(( n >= 5 ? 0 : 1 )) "$t: riscv_hwprobe asked $n keys through the vDSO"
		is "$(awk '$5 != $6 { print }' <<< "$rows")" "" "$t: riscv_hwprobe: for every key the vDSO's value is the system call's"
	fi

	# check: the kernel's vDSO passes every check that runs.
	chk=$(section "$LOG" check)
	n=$(grep -c '^ok ' <<< "$chk")
	[ "$n" -gt 0 ] && ! grep -q '^not ok ' <<< "$chk"
	ok $? "$t: check inside: $n checks, none failed"
	grep '^not ok ' <<< "$chk" | head -3 | sed 's/^/#   /'

	case $a in
	ppc64le) ppc64le_checks ;;
	s390x) s390x_map ;;
	esac
	case $a in ppc64le | s390x) signal_returns ;; esac

	# The table's row: functions (FUNC or NOTYPE), version, hash tables.
	funcs=$(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $4 != "OBJECT" { print $8 }' | sort | tr '\n' ' ')
	hashes=$(readelf -d -W "$img" | grep -oE '\((GNU_HASH|HASH)\)' | tr -d '()' | sort | tr '\n' ' ')
	TABLE+=("$t: $funcs| hash: $hashes| $secs s")
done
for row in "${TABLE[@]}"; do diag "$row"; done

# `vdso read` at readelf parity on every image these boots sent back, in
# both byte orders (s390x's is big-endian): each native build of vdso
# reads each image, and its symbols, version sections and dynamic table
# must be readelf's (tests/oracle/read_parity.py, as tests/42 and 44 do
# with the machine's libraries and QEMU's images).
P=$D/parity
rm -rf "$P"
mkdir -p "$P"
declare -A IMAGES       # "ORDER BITS" -> the boots whose image that is
for b in $BOOTS; do
	k=${b%%:*} a=${b#*:}
	[ -s "$D/$k-$a/ttyS1.bin" ] || continue
	cp "$D/$k-$a/ttyS1.bin" "$P/$k-$a.so"
	# e_ident[EI_CLASS] (1: 32-bit, 2: 64-bit), e_ident[EI_DATA] (1: little, 2: big)
	read -r class data <<< "$(od -An -tu1 -j4 -N2 "$P/$k-$a.so")"
	key="$([ "$data" = 2 ] && echo big || echo little) $([ "$class" = 1 ] && echo 32 || echo 64)"
	IMAGES[$key]="${IMAGES[$key]:-}${IMAGES[$key]:+, }$k $a"
done
PROGS=
for a in $(arches); do
	runner_available native "$a" > /dev/null && PROGS="$PROGS $BUILD/$a/vdso"
done
if [ ${#IMAGES[@]} = 0 ]; then
	skip "vdso read of the booted images, at readelf parity" "no boot above sent an image back"
elif [ -z "$PROGS" ]; then
	skip "vdso read of the booted images, at readelf parity" "no arch of this tree runs natively here"
else
	for order in little big; do
		python3 "$TOP/tests/oracle/read_parity.py" $([ $order = big ] && echo --big-endian) \
			$PROGS -- "$P" > "$P/$order.out" 2> "$P/$order.err"
		for bits in 32 64; do
			[ -n "${IMAGES[$order $bits]:-}" ] || continue
			read -r _ _ found _ <<< "$(grep "^FOUND $bits " "$P/$order.out")"
			for p in $PROGS; do
				read -r _ _ _ compared differ <<< "$(grep "^RESULT $p $bits " "$P/$order.out")"
				[ "${found:-0}" -gt 0 ] && [ "${compared:-0}" = "$found" ] && [ "$differ" = 0 ]
				ok $? "native $(basename "$(dirname "$p")") vdso read of the booted $order-endian $bits-bit images (${compared:-0} of ${found:-0}: ${IMAGES[$order $bits]}): symbols, versions and dynamic tables as readelf's"
				grep "^DIFF $p $bits " "$P/$order.out" | cut -d' ' -f4- | sed 's/^/# /'
			done
		done
	done
fi

# riscv64's `vdso map` inside the booted kernel, /proc mounted: its walk
# from __vdso_clock_gettime to the first data load (auipc, addi, a load)
# against riscv64-linux-gnu-objdump's reading of the same instructions in
# the image that boot sent back (the image is linked at 0: objdump's
# target of the auipc pair is the offset from AT_SYSINFO_EHDR), and the
# mapping it names against the maps lines map printed.
OD=riscv64-linux-gnu-objdump
if ! command -v qemu-system-riscv64 > /dev/null; then
	skip "6.12 riscv64: vdso map" "qemu-system-riscv64 not installed (Debian: qemu-system-misc)"
elif ! command -v $OD > /dev/null; then
	skip "6.12 riscv64: vdso map" "no $OD (Debian: binutils-riscv64-linux-gnu)"
elif [ ! -x "$BUILD/riscv64/vdso" ]; then
	skip "6.12 riscv64: vdso map" "$BUILD/riscv64/vdso not built (make ARCH=riscv64)"
else
	t="6.12 riscv64: vdso map"
	OUT=$D/map-6.12-riscv64
	rm -rf "$OUT"
	mkdir -p "$OUT"
	"$TOP/tests/boot/boot.sh" -k 6.12 -a VDSO_PROC=1 -o "$OUT" -t "$BOOT_LIMIT" riscv64 map + image \
		> /dev/null 2> "$OUT/boot.err"
	is "$?" 0 "$t + image: the boot ends with status 0 ($(cat "$OUT/time" 2>/dev/null || echo ?) s)"
	map=$(section "$OUT/console.log" map)
	# objdump: the auipc pair's target ("# ffffffffffffe000 <...>"), then the first load's displacement
	pair=$($OD -d --disassemble=__vdso_clock_gettime "$OUT/ttyS1.bin" 2>/dev/null |
		awk '/\tauipc\t/ { a = 1 } a && !t && /# [0-9a-f]+ </ { sub(/.*# /, ""); t = $1 }
		     a && t && /\tl[bhwd]u?\t/ { d = $NF; sub(/\(.*/, "", d); sub(/.*,/, "", d); print t, d; exit }')
	want=
	if [ -n "$pair" ]; then
		want=$(python3 -c 'import sys; t, d = sys.argv[1:]; v = (int(t, 16) + int(d, 0) + 2**63) % 2**64 - 2**63
print(("-0x%x" % -v) if v < 0 else ("+0x%x" % v))' $pair)
	fi
	got=$(sed -n 's/^it reads 0x[0-9a-f]* = AT_SYSINFO_EHDR \([-+]0x[0-9a-f]*\): .*/\1/p' <<< "$map")
	is "${got:-none}" "${want:-(objdump found no auipc pair and load)}" \
		"$t: the first data load is at AT_SYSINFO_EHDR ${want:-?}, as objdump reads auipc, addi and the load"
	where=$(sed -n 's/^it reads [^:]*: in \(\[[a-z_]*\]\), page.*/\1/p' <<< "$map")
	lo=$(awk '$1 == where { split($2, r, "-"); print r[1] }' where="$where" <<< "$map")
	hi=$(awk '$1 == where { split($2, r, "-"); print r[2] }' where="$where" <<< "$map")
	addr=$(sed -n 's/^it reads \(0x[0-9a-f]*\) = .*/\1/p' <<< "$map")
	[ -n "$where" ] && [ -n "$lo" ] && [ -n "$addr" ] && [ $((addr >= 0x$lo && addr < 0x$hi)) = 1 ]
	ok $? \
		"$t: it names ${where:-no mapping}, and $addr lies within that maps line (${lo:-?}-${hi:-?})"
fi

# `vdso trace` inside the booted kernels: `vdso trace /init call
# clock_gettime` as /init, its tracee `vdso call` itself, which prints the
# value each path gave.  Each value it received through the vDSO must be
# in a traced line, and the trace must end with status 0.  arm64 and
# armmp trace natively; the 32-bit program under the arm64 kernel finds a
# Thumb vDSO (vdso32), which trace says in one line it does not trace:
# the count it gives is held to readelf's odd (Thumb) function addresses
# of the image that kernel's boot above sent back.  riscv64 traces with
# no single step, as armmp does; ppc64le and s390x step (PTRACE_SINGLESTEP).
# s390x is traced twice, in QEMU 10's qemu-system-s390x (fetched by
# tests/setup/qemu10-system.sh) and in the machine's QEMU 7.2.  Under
# QEMU 7.2 the tracee dies of SIGILL after its first traced call returns:
# with the same binary and the same kernel, QEMU 10 traces every call, so
# the fault is that emulator's, and that case is a skip saying so (only
# when the QEMU 10 boot passed; else a failure).  ":10" marks that boot.
TRACE_BOOTS=${TRACE_BOOTS-"6.1:aarch64 armmp:arm 6.1:arm 6.12:riscv64 6.12:ppc64le 6.12:s390x:10 6.12:s390x"}
# The traced lines' values, as `vdso call` prints them ("S.NNNNNNNNN").
traced() {
	perl -ne 'printf "%s %d.%09d\n", $2, $3, $4
		if /^(clock_gettime(?:64)?)\(CLOCK_(\w+), \{tv_sec=(\d+), tv_nsec=(\d+)\}\) = 0 <vdso/' "$1" | sort
}
# The values `vdso call` received through the vDSO, from its table.
received() {
	awk '$3 == "vdso" && $1 == "clock_gettime" { print $2, $4 }' "$1" | sort
}
TRACED_UNDER_10=
for b in $TRACE_BOOTS; do
	k=${b%%:*} a=${b#*:} v=
	case $a in *:10) a=${a%:10} v=10 ;; esac
	t="$k $a: vdso trace${v:+ (QEMU 10)}"
	q=$(qemu_of "$k" "$a")
	run_path=$PATH
	if [ -n "$v" ]; then
		if ! why=$(bash "$TOP/tests/setup/qemu10-system.sh" "$BUILD" 2>&1); then
			skip "$t" "no QEMU 10 $q: $(printf '%s\n' "$why" | tail -n 1)"
			continue
		fi
		run_path=$BUILD/cache/qemu10-system/bin:$PATH
		diag "$t: $(PATH=$run_path $q --version | head -n 1)"
	fi
	if ! PATH=$run_path command -v $q > /dev/null; then
		skip "$t" "$q not installed (Debian: $(qemu_package $q))"
		continue
	elif [ ! -x "$BUILD/$a/vdso" ]; then
		skip "$t" "$BUILD/$a/vdso not built (make ARCH=$a)"
		continue
	fi
	OUT=$D/trace-$k-$a${v:+-qemu10}
	rm -rf "$OUT"
	mkdir -p "$OUT"
	LOG=$OUT/console.log
	limit=$BOOT_LIMIT
	[ "$a" = ppc64le ] && limit=$((2 * BOOT_LIMIT))
	PATH=$run_path "$TOP/tests/boot/boot.sh" -k "$k" -o "$OUT" -t "$limit" "$a" \
		trace /init call clock_gettime > /dev/null 2> "$OUT/boot.err"
	STATUS=$?
	if [ "$STATUS" = 125 ] && grep -q 'no .* kernel' "$OUT/boot.err"; then
		skip "$t" "$(tail -n 1 "$OUT/boot.err" | sed 's/^boot: //')"
		continue
	fi
	if [ -z "$v" ] && [ "$a" = s390x ] && grep -q '^+++ killed by signal 4 +++$' "$LOG" &&
		[ "$TRACED_UNDER_10" = "$k:$a" ]; then
		skip "$t" "QEMU 7.2's fault: its tracee died of SIGILL after $(grep -c '<vdso>$' "$LOG") traced call(s), where the same binary and kernel traced every call under QEMU 10 (above)"
		continue
	fi
	# The tracee exits by itself and trace passes its status on.  `vdso
	# call` ends 1 where a path and its system call disagree beyond its
	# 50 ms: each traced call stops twice, and on a loaded host that
	# stretches the gap (seen here on riscv64, ppc64le and arm); that is
	# the only failure let through, and said.
	exited=$(sed -n 's/^+++ exited with \([0-9]*\) +++$/\1/p' "$LOG" | tail -1)
	is "${exited:-none}" "$STATUS" "$t /init call clock_gettime: the tracee exited by itself, its status trace's ($STATUS; $(cat "$OUT/time" 2>/dev/null || echo ?) s)"
	if [ "$STATUS" = 1 ] && grep -q '^vdso: call: a path and its system call disagree' "$LOG"; then
		diag "$t: vdso call's own verdict: $(grep -c 'DISAGREE' "$LOG") rows beyond 50 ms, traced on a loaded host"
	else
		is "$STATUS" 0 "$t /init call clock_gettime ends with status 0"
	fi
	received "$LOG" > "$OUT/want"
	traced "$LOG" > "$OUT/got"
	if [ "$k:$a" = 6.1:arm ]; then
		said=$(sed -n 's/^vdso: trace: vDSO: \([0-9]*\) functions not traced: Thumb code .*/\1/p' "$LOG")
		img=$D/$k-$a/ttyS1.bin
		if [ ! -s "$img" ]; then
			skip "$t: the Thumb functions it leaves out" "no image from the $k $a boot above"
			continue
		fi
		thumb=$(readelf --dyn-syms -W "$img" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" &&
			($4 == "FUNC" || $4 == "NOTYPE") && ($5 == "GLOBAL" || $5 == "WEAK") &&
			$8 !~ /sigreturn/ && $2 ~ /[13579bdf]$/ { print $2 }' | sort -u | wc -l)
		is "${said:-none}" "$thumb" "$t: says in one line that the vDSO's $thumb Thumb functions (readelf: odd addresses) are not traced"
		is "$(wc -l < "$OUT/got")" 0 "$t: no call traced in a Thumb vDSO"
		continue
	fi
	ok $(( $(wc -l < "$OUT/want") >= 2 ? 0 : 1 )) "$t: vdso call served $(wc -l < "$OUT/want") calls by the vDSO"
	missing=$(comm -23 "$OUT/want" "$OUT/got")
	is "$missing" "" "$t: each value vdso call received through the vDSO is in a traced line"
	[ -n "$v" ] && [ "$STATUS" = 0 ] && [ -z "$missing" ] && [ "$(wc -l < "$OUT/want")" -ge 2 ] &&
		TRACED_UNDER_10=$k:$a
	grep '^clock_gettime' "$LOG" | head -3 | sed 's/^/# /'
done
done_testing
