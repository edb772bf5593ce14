# vdso/hashes.awk - the GNU hash of every symbol of the arch's call table,
# and the ELF hash of each version, computed when the program is built, so
# that resolving the table at start-up hashes no name (as Go's runtime
# keeps its vDSO symbols' hashes in its table, vdso_linux_amd64.go).
#
# Reads arch/<arch>/vdso_calls.h, whose table lines say
#     CALL(ID, "name", "twin", "symbol", "version", time64) \
#     ALSO(ID,                 "symbol", "version", time64) \
# and writes, in the table's order (the order of vdso/calls.c's candidates),
#     { 0x0a1b2c3du, 20, 0x0e2b3c4du }, /* symbol, version */ \
# the symbol's GNU hash and length, then the version's ELF (SysV) hash;
# then, one a CALL line, the number of its system call twin:
#     __NR_clock_gettime, \
# The hash is binutils' and glibc's: h = h * 33 + c from 5381, modulo 2^32
# (elf_gnu_hash in elf/hash.c); the ELF hash is the gABI's (elf_sysv_hash),
# written with arithmetic, as awk has no bit operators.  30-vdso.t checks
# that every function resolves.
BEGIN {
	for (i = 32; i < 127; i++)
		code[sprintf("%c", i)] = i
	print "/* made by vdso/hashes.awk from the arch's vdso_calls.h: do not edit */"
	print "#define VDSO_CANDIDATE_HASHES \\"
	twins = ""
}

# a ^ b, for 0 <= a, b < 16
function xor4(a, b,    r, bit) {
	r = 0
	for (bit = 1; bit < 16; bit *= 2)
		if ((int(a / bit) % 2) != (int(b / bit) % 2))
			r += bit
	return r
}

# gABI "Hash Table": h = (h << 4) + c; the top nibble g, if any, is
# folded into bits 4-7 (h ^= g >> 24) and cleared (h &= ~g).
function elf_hash(s,    h, i, g, x) {
	h = 0
	for (i = 1; i <= length(s); i++) {
		h = (h * 16 + code[substr(s, i, 1)]) % 4294967296
		g = int(h / 268435456)                  # h >> 28
		if (g) {
			x = int(h / 16) % 16                # bits 4-7
			h = h - x * 16 + xor4(x, g) * 16
		}
		h = h % 268435456                       # h &= ~0xf0000000
	}
	return h
}
/^[ \t]*(CALL|ALSO)\(/ {
	line = $0
	n = 0
	split("", lit)
	while (match(line, /"[^"]*"/)) {
		lit[++n] = substr(line, RSTART + 1, RLENGTH - 2)
		line = substr(line, RSTART + RLENGTH)
	}
	call = $0 ~ /^[ \t]*CALL\(/
	if (call)               # the twin's number, from <asm/unistd.h>
		twins = twins sprintf("\t__NR_%s, \\\n", lit[2])
	sym = call ? lit[3] : lit[1]
	ver = call ? lit[4] : lit[2]
	if (sym == "") {        # NO_VDSO_SYMBOL: no function to look up
		printf "\t{ 0, 0, 0 }, /* no vDSO function */ \\\n"
		next
	}
	h = 5381
	for (i = 1; i <= length(sym); i++)
		h = (h * 33 + code[substr(sym, i, 1)]) % 4294967296
	printf "\t{ 0x%08xu, %d, 0x%08xu }, /* %s, %s */ \\\n", h, length(sym), elf_hash(ver), sym, ver
}
END {
	print ""
	print "/* The system call twin of each CALL line, in order. */"
	print "#define VDSO_TWIN_NUMBERS \\"
	printf "%s\n", twins
}
