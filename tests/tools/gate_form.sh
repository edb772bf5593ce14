# tests/tools/gate_form.sh - the i386 gate's form, by objdump and by the
# program, for the tests to compare (30-vdso, 50-boot, 80-lessons).
#
# gate_form_by_objdump IMAGE: the form of __kernel_vsyscall in a dumped
# vDSO image, by the first instruction objdump decodes there that enters
# the kernel (the kernel's arch/x86/entry/vdso/vdso32/system_call.S: the
# alternative patched in at boot, else int $0x80): "sysenter", "syscall",
# "int $0x80", or nothing if objdump finds no such instruction.
gate_form_by_objdump() {
	local v load off
	# the symbol's file offset: st_value less the first PT_LOAD's p_vaddr
	# plus its p_offset; then objdump on the raw bytes from there
	v=$(readelf --dyn-syms -W "$1" 2> /dev/null | awk '$8 ~ /^__kernel_vsyscall(@|$)/ { print "0x" $2; exit }')
	load=$(readelf -lW "$1" 2> /dev/null | awk '$1 == "LOAD" { print $2, $3; exit }')
	[ -n "$v" ] && [ -n "$load" ] || return 0
	set -- "$1" $load
	off=$(( v - $3 + $2 ))
	objdump -D -b binary -m i386 --no-show-raw-insn --start-address=$off --stop-address=$((off + 32)) "$1" 2> /dev/null |
		awk -F'\t' '$2 ~ /^(sysenter|syscall)/ { sub(/ .*/, "", $2); print $2; exit }
			    $2 ~ /^int +\$0x80/ { print "int $0x80"; exit }
			    $2 ~ /^ret/ { exit }'
}

# gate_form_said TEXT: the form the program's output names, by the words
# that open its sentence (arch/x86/decode.c, arch_gate_form): "sysenter",
# "syscall", "int $0x80", or nothing.
gate_form_said() {
	printf '%s\n' "$1" | sed -n 's/^the \(sysenter\|syscall\) form: .*/\1/p; s/^\(int \$0x80\) alone: .*/\1/p' | head -1
}
