# vdso/gnu_hash.awk - the GNU hash of every symbol of the arch's call table,
# computed when the program is built, so that resolving the table at
# start-up hashes no name (as Go's runtime keeps its vDSO symbols' hashes
# in its table, vdso_linux_amd64.go).
#
# Reads arch/<arch>/vdso_calls.h, whose table lines say
#     CALL(ID, "name", "twin", "symbol", "version", time64) \
#     ALSO(ID,                 "symbol", "version", time64) \
# and writes, in the table's order (the order of vdso/calls.c's candidates),
#     0x0a1b2c3du, /* symbol */ \
# The hash is binutils' and glibc's: h = h * 33 + c from 5381, modulo 2^32
# (elf_gnu_hash in elf/hash.c; 30-vdso.t checks every function resolves).
BEGIN {
	for (i = 32; i < 127; i++)
		code[sprintf("%c", i)] = i
	print "/* made by vdso/gnu_hash.awk from the arch's vdso_calls.h: do not edit */"
	print "#define VDSO_CANDIDATE_GNU_HASHES \\"
}
/^[ \t]*(CALL|ALSO)\(/ {
	line = $0
	n = 0
	while (match(line, /"[^"]*"/)) {
		lit[++n] = substr(line, RSTART + 1, RLENGTH - 2)
		line = substr(line, RSTART + RLENGTH)
	}
	sym = ($0 ~ /^[ \t]*CALL\(/) ? lit[3] : lit[1]
	h = 5381
	for (i = 1; i <= length(sym); i++)
		h = (h * 33 + code[substr(sym, i, 1)]) % 4294967296
	printf "\t0x%08xu, /* %s */ \\\n", h, sym
}
END { print "" }
