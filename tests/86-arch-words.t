#!/bin/bash
# tests/86-arch-words.t - the text the tool and the lessons print is each
# arch's own: no x86 file, register, instruction or clocksource named on
# another arch, and what each arch's words say held to an oracle:
#
#   tour    steps 6, 8 and 9 (gate, signal, vsyscall): their see: lines
#           name the arch's kernel folder (arch/<dir>/, the kernel's
#           SRCARCH: arm64, arm, riscv, powerpc, s390, x86) and, off x86,
#           never arch/x86/; step 8's gdb try: reads the register the
#           kernel put the return address in (its signal.c), not x86's
#           stack; step 5 names no x86 clocksource off x86
#   signal  no SA_RESTORER case where the arch's UAPI <asm/signal.h> has no
#           SA_RESTORER (riscv); a "here:" line that says a handler
#           "returns there" only where readelf finds a sigreturn symbol
#   check   getcpu's "entered the kernel" is never put on the clocksource
#           (getcpu reads none); where the arch's objdump finds its system
#           call instruction in the function, it is called a stub
#   auxv    AT_HWCAP's bits named as the UAPI <asm/hwcap.h> names them
#           (aarch64, arm) or glibc's <bits/hwcap.h> (s390x)
#   map     under the arch's booted kernel (riscv64, aarch64: make boot
#           ... map + image), every step that gives a register an address
#           names the instruction objdump finds at that offset, in the
#           arch's own syntax
#   words   the tool's and the lessons' output under QEMU 10 (and natively)
#           holds none of x86's words off x86: arch/x86/, sysenter, %rip,
#           int $0x80, rdtsc, a thunk, `add $`, hpet, acpi_pm
#
# Runners: natively and QEMU 10 (the vDSO is QEMU's there: stubs), every
# arch of tests/runners.sh; the boots where qemu-system is installed.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/arch-words
rm -rf "$T"
mkdir -p "$T"

# The kernel's folder for each arch (the kernel's Makefile: SRCARCH).
kernel_dir() {
	case $1 in
	x86_64|i386) echo x86 ;; aarch64) echo arm64 ;; arm) echo arm ;;
	riscv64) echo riscv ;; ppc64le) echo powerpc ;; s390x) echo s390 ;;
	esac
}
# The register a signal handler's return address is in at its first
# instruction (each kernel's signal.c): x86 has it on the stack.
return_register() {
	case $1 in
	x86_64|i386) echo '*(void **)$sp' ;; aarch64|arm|ppc64le) echo '$lr' ;;
	riscv64) echo '$ra' ;; s390x) echo '$r14' ;;
	esac
}
X86_WORDS='arch/x86/|sysenter|%rip|int \$0x80|rdtsc|thunk|add \$|hpet|acpi_pm'

check_tour() {          # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" k out s see
	k=$(kernel_dir "$a")
	out=$T/words-$r-$a-tour        # the whole tour once, cut into its steps
	run_on "$r" "$a" "$BUILD/$a/vdso" tour > "$out" 2> /dev/null
	for s in 5 6 8 9; do
		awk -v s="$s" '/^== step / { on = $3 == s } on' "$out" > "$out.$s"
	done
	for s in 6 8 9; do
		see=$(grep '^see: ' "$out.$s")
		if [ -z "$see" ]; then
			fail "$L: tour $s prints a see: line"
		elif [ "$k" = x86 ]; then
			[[ $see == *"arch/x86/"* ]]
			ok $? "$L: tour $s: see: names the kernel's arch/x86/"
		else
			[[ $see == *"arch/$k/"* && $see != *"arch/x86/"* ]]
			ok $? "$L: tour $s: see: names the kernel's arch/$k/, and no arch/x86/ (${see:5:90}...)"
		fi
	done
	grep -q "^try: .*x/2i $(sed 's/[]$*.[]/\\&/g' <<< "$(return_register "$a")")' " "$out.8"
	ok $? "$L: tour 8's gdb try: reads $(return_register "$a"), where the kernel put the return address"
	if [ "$k" != x86 ]; then
		! grep -Eq 'hpet|acpi_pm' "$out.5"
		ok $? "$L: tour 5 names no x86 clocksource"
	fi
}

check_signal() {        # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2: vdso signal" out so nsig
	out=$T/words-$r-$a-signal
	run_on "$r" "$a" "$BUILD/$a/vdso" signal > "$out" 2> /dev/null
	if grep -qw 'SA_RESTORER' "$BUILD/$a/uapi/asm/signal.h" 2> /dev/null; then
		grep -q '^case 1: SIGUSR1, SA_SIGINFO and SA_RESTORER (sa_restorer = arch_sigreturn)' "$out"
		ok $? "$L: <asm/signal.h> has SA_RESTORER: case 1 asks for it"
	else
		! grep -q 'sa_restorer = arch_sigreturn' "$out" && grep -q '^case 1: .*none on '"$a" "$out"
		ok $? "$L: <asm/signal.h> has no SA_RESTORER: no case asks for it, case 1 says so"
	fi
	so=$T/vdso-$r-$a.so
	run_on "$r" "$a" "$BUILD/$a/vdso" dump "$so" > /dev/null 2>&1
	if [ -s "$so" ]; then
		nsig=$(readelf --dyn-syms -W "$so" | grep -Ec 'sigreturn|sigtramp')
		if [ "$nsig" = 0 ]; then
			! grep -q '^here: .*returns there' "$out"
			ok $? "$L: readelf finds no sigreturn symbol: the here: line says no handler returns there"
		else
			grep -q '^here: the vDSO exports .*returns there' "$out"
			ok $? "$L: readelf finds $nsig sigreturn symbol(s): the here: line names where handlers return"
		fi
	else
		skip "$L: the here: line against readelf" "no vDSO here to dump"
	fi
}

check_getcpu() {        # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2: vdso check" out line so fn od v sz
	out=$T/words-$r-$a-check
	run_on "$r" "$a" "$BUILD/$a/vdso" check > "$out" 2> /dev/null
	line=$(grep -E '^ok [0-9]+ - getcpu through the vDSO: entered the kernel' "$out")
	if [ -z "$line" ]; then
		skip "$L: getcpu entered the kernel, said why" "getcpu did not enter the kernel through the vDSO here"
		return
	fi
	[[ $line != *"clocksource with no vDSO mode"* ]]
	ok $? "$L: getcpu entered the kernel: not put on the clocksource, which it does not read"
	so=$T/vdso-$r-$a.so
	fn=$(sed -n 's/.*# TODO on [^:]*: \(__[a-z_]*getcpu\) is a stub.*/\1/p' <<< "$line")
	fn=${fn:-$(readelf --dyn-syms -W "$so" 2> /dev/null | awk '$8 ~ /getcpu/ { sub(/@.*/, "", $8); print $8; exit }')}
	read -r v sz < <(readelf --dyn-syms -W "$so" 2> /dev/null | awk -v f="$fn" 'index($8, f "@") == 1 || $8 == f { print $2, $3; exit }')
	v=$((0x${v:-0} & ~1))           # arm: Thumb's bit 0
	od=$($(arch_tool "$a" objdump) -d -w --start-address=$v --stop-address=$((v + ${sz:-0})) "$so" 2> /dev/null |
		grep -Ec $'\t(ecall|svc|sc|syscall|int)([ \t]|$)')
	if [ "${od:-0}" -gt 0 ]; then
		[[ $line == *"$fn is a stub"* ]]
		ok $? "$L: $(arch_tool "$a" objdump) finds a system call in $fn: called a stub"
	else
		[[ $line != *"is a stub"* ]]
		ok $? "$L: $(arch_tool "$a" objdump) finds no system call in ${fn:-getcpu}: not called a stub"
	fi
}

# AT_HWCAP's names, by the header's: python reads NAME (1 << n) or NAME
# VALUE lines with PREFIX, and names each set bit by them, "?" if none.
hwcap_want() {          # VALUE HEADER PREFIX
	python3 - "$@" << 'EOF'
import re, sys
v, path, prefix = int(sys.argv[1], 16), sys.argv[2], sys.argv[3]
names = {}
for m in re.finditer(r"#define\s+" + prefix + r"(\w+)\s+\(?(1U?L?\s*<<\s*(\d+)|\d+)\)?", open(path).read()):
    bit = int(m.group(3)) if m.group(3) else int(m.group(2)).bit_length() - 1
    if m.group(3) or int(m.group(2)) == 1 << bit:
        names.setdefault(bit, set()).add(m.group(1).lower())
for m in re.finditer(r"#define\s+" + prefix + r"(\w+)\s+" + prefix + r"(\w+)\s*$", open(path).read(), re.M):
    for bit, n in list(names.items()):
        if m.group(2).lower() in n:
            n.add(m.group(1).lower())
print(" ".join("|".join(sorted(names.get(i, {"?"}))) for i in range(64) if v >> i & 1))
EOF
}

check_auxv() {          # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2: lesson auxv" out h v header prefix want got bad
	case $a in
	aarch64|arm) header=$BUILD/$a/uapi/asm/hwcap.h ;;
	s390x) header=$(ls /usr/s390x-linux-gnu/include/bits/hwcap.h 2> /dev/null) ;;
	*) return ;;
	esac
	out=$(run_on "$r" "$a" "$BUILD/$a/auxv" 2> /dev/null)
	for h in AT_HWCAP AT_HWCAP2; do
		v=$(awk -v h="$h" '$2 == h { print $3 }' <<< "$out")
		[ -n "$v" ] || continue
		prefix=HWCAP_
		[ $h = AT_HWCAP2 ] && prefix=HWCAP2_
		[ $a = s390x ] && prefix=HWCAP_S390_
		if [ ! -f "$header" ]; then
			skip "$L: $h named as the arch's hwcap.h" "no header for $a's HWCAP bits here"
			continue
		fi
		want=$(hwcap_want "$v" "$header" "$prefix")
		got=$(sed -n "s/^$h bits: //p" <<< "$out")
		bad=$(paste -d' ' <(tr ' ' '\n' <<< "$want") <(tr ' ' '\n' <<< "$got") |
			awk '{ n = split($1, a, "|"); ok = 0; for (i = 1; i <= n; i++) if (a[i] == $2) ok = 1; if (!ok) print }')
		[ -n "$got" ] && [ "$(wc -w <<< "$got")" = "$(wc -w <<< "$want")" ] && [ -z "$bad" ]
		ok $? "$L: $h $v named as ${header#"${header%/*/*}/"} names its bits${bad:+ (not: $bad)}"
	done
}

check_words() {         # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" f found=
	[ "$(kernel_dir "$a")" = x86 ] && return
	for f in "" map gate vsyscall call; do     # tour, signal, check: run above
		run_on "$r" "$a" "$BUILD/$a/vdso" $f > "$T/words-$r-$a-${f:-summary}" 2>&1
	done
	for f in stack auxv find lookup clock data gate getrandom signal vsyscall relocate; do
		run_on "$r" "$a" "$BUILD/$a/$f" > "$T/words-$r-$a-lesson-$f" 2>&1
	done
	found=$(grep -EHo "$X86_WORDS" "$T/words-$r-$a-"* | sed "s|$T/words-$r-$a-||" | sort -u | tr '\n' ' ')
	[ -z "$found" ]
	ok $? "$L: the tool's and the lessons' output names no x86 word ($X86_WORDS)${found:+: $found}"
}

for a in $(arches); do
	for r in native qemu10; do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$r $a: the arch's own words" "$why"
			continue
		fi
		check_tour "$r" "$a"
		check_signal "$r" "$a"
		check_getcpu "$r" "$a"
		check_auxv "$r" "$a"
		check_words "$r" "$a"
	done
done

# map under the arch's own kernel: each OWN_ADDRESS or ADD step's words
# against the arch's objdump at that offset in the image sent back.
for a in riscv64 aarch64; do
	t="6.12 $a: vdso map"
	q=qemu-system-$a
	od=$(arch_tool "$a" objdump)
	if ! command -v "$q" > /dev/null; then
		skip "$t: the steps' instructions, by objdump" "$q not installed"
		continue
	elif ! command -v "$od" > /dev/null; then
		skip "$t: the steps' instructions, by objdump" "no $od"
		continue
	fi
	OUT=$T/boot-$a
	"$TOP/tests/boot/boot.sh" -k 6.12 -o "$OUT" -t 300 "$a" map + image > /dev/null 2> "$OUT.err"
	st=$?
	map=$(sed -n '/=== vdso-boot: begin map/,/=== vdso-boot: end map/p' "$OUT/console.log" 2> /dev/null)
	if [ $st -ne 0 ] || [ ! -s "$OUT/ttyS1.bin" ]; then
		fail "$t: the boot ends with status 0 and sends the image (status $st: $(tail -n 1 "$OUT.err"))"
		continue
	fi
	! grep -Eq 'thunk|add \$' <<< "$map"
	ok $? "$t: no x86 words (a thunk, add \$) in the walk"
	n=0 bad=
	while read -r off text; do
		n=$((n + 1))
		want=$($od $([ $a = riscv64 ] && echo -M no-aliases) -d -w --no-show-raw-insn --start-address=$off --stop-address=$((off + 4)) "$OUT/ttyS1.bin" |
			sed -n 's/^ *[0-9a-f]*:[[:space:]]*//p' | head -n 1 | sed 's/[[:space:]]*[#<].*//; s/[[:space:]]\+/ /g; s/ $//')
		case $text in
		adrp*|adr*|auipc*) [ "${text%%:*}" = "$want" ] || [[ "$want" == "${text%%,*}"* ]] ;;
		*) [ "$text" = "$want" ] ;;
		esac || bad="$bad [$off: '$text' / objdump '$want']"
	done < <(sed -n 's/^  +\(0x[0-9a-f]*\): [0-9a-f ]*: \([a-z].*\)\(: [a-z0-9]* holds\|, [-+]0x[0-9a-f]*$\).*/\1 \2/p' <<< "$map" |
		 sed 's/: [a-z0-9]* takes .*//; s/, a p[a-z-]* address: .*//')
	[ $n -gt 0 ] && [ -z "$bad" ]
	ok $? "$t: its $n address steps name the instructions $od finds there${bad:+:$bad}"
done

done_testing
