#!/bin/bash
# tests/06-arch.t - everything that differs between arches lives in arch/:
# outside it, the runtime's and the programs' code (comments aside: prose
# may tell of any machine) names no x86 register, mnemonic or opcode, and
# asks no compiler which arch it is; and every arch of the one list,
# arch/arches, has the files arch/hooks.h asks for.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

cd "$TOP" || exit 1
mapfile -t files < <(git ls-files 'lib/*' 'start/*' 'syscall/*' 'elf/*' 'vdso/*' 'demo/*' |
	grep -E '\.(c|h|S)$')
[ ${#files[@]} -gt 50 ]
ok $? "the runtime's and the programs' sources: ${#files[@]} files"

code=$(python3 tests/tools/c_code.py "${files[@]}")
ok $? "their code, comments taken out (tests/tools/c_code.py)"

# what-it-is PATTERN (extended regular expression)
none_of() {
	local hits
	hits=$(printf '%s\n' "$code" | grep -E "$2")
	is "$hits" "" "outside arch/, no $1"
}
none_of "x86 register name (%eax, rax, eip...)" \
	'%?%[re]?(ax|bx|cx|dx|si|di|sp|bp|ip)\b|[^A-Za-z0-9_][re](ax|bx|cx|dx|si|di|sp|bp|ip)\b'
none_of "x86 mnemonic (int \$0x80, sysenter, rdtsc, mov, lea, push, pop)" \
	'int \$0x80|\b(sysenter|rdtsc|mov|lea|push|pop)\b'
none_of "x86 opcode byte (0x0f, 0xcd, 0xc3, 0xb8, 0xe8, 0x58)" '\b0x(0f|cd|c3|b8|e8|58)\b'
none_of "arch test of the compiler's (__i386__, __x86_64__)" '__i386__|__x86_64__|__amd64__'
none_of "choice by ELF class (ARCH_ELF_CLASS == 64)" 'ARCH_ELF_CLASS *[=!]= *(32|64)'

# The patterns find what they look for: the same grep over arch/x86/.
hits=$(python3 tests/tools/c_code.py arch/x86/decode.c | grep -cE '%e(ax|bx|cx)|\b0x(0f|cd|c3)\b')
[ "$hits" -gt 3 ]
ok $? "the same patterns find x86 in arch/x86/decode.c ($hits lines)"

# Every arch of the list has its folder and the files arch/hooks.h lists.
for a in $(arches); do
	for f in start.S arch.h sigframe.h vdso_calls.h decode.c; do
		[ -f "arch/$a/$f" ]
		ok $? "arch/arches: $a has arch/$a/$f"
	done
	case $(arch_bits "$a") in 32 | 64) pass "arch/arches: $a is of ELF class 32 or 64" ;;
	*) fail "arch/arches: $a is of ELF class 32 or 64" ;; esac
	grep -q "^#define ARCH_NAME *\"$a\"" "arch/$a/arch.h"
	ok $? "arch/$a/arch.h names itself $a"
done
# ...and no folder of arch/ is an arch the list lacks (arch/x86/ is shared code).
for d in arch/*/; do
	d=${d%/}; d=${d#arch/}
	[ -f "arch/$d/start.S" ] || continue
	awk -v a="$d" '!/^#/ && $1 == a { found = 1 } END { exit !found }' "$ARCH_LIST"
	ok $? "arch/$d/ is in arch/arches"
done

done_testing
