# tests/tools/call_rows.awk - the rows of `vdso call`, judged from the two
# values each prints, not from its verdict: prints the function of each
# row whose path and system call differ beyond what the clocks allow (the
# tolerance the program states, at most 1 s; time: 1 s more), whose
# getrandom lengths (or errors) differ, or whose other values are not equal
# (riscv64's riscv_hwprobe: each key's value, or the same error).
function num(s) { sub(/^[ ]+/, "", s); sub(/[ ]+$/, "", s); return s }
{ sub(/\r$/, "") }
/^function +argument +path +via the path/ { p = index($0, "via the path"); q = index($0, "via the syscall"); v = index($0, "verdict"); next }
/time tolerance [0-9]+ ms/ { match($0, /time tolerance [0-9]+ ms/); tol = substr($0, RSTART + 15, RLENGTH - 18) / 1000 }
p && $1 ~ /^(clock_gettime|clock_getres|gettimeofday|time|getcpu|getrandom|riscv_hwprobe)$/ && $2 != "state:" {
	fn[++n] = $1; x[n] = num(substr($0, p, q - p)); y[n] = num(substr($0, q, v - q))
}
END {
	if (tol == "" || tol > 1) tol = 1
	for (i = 1; i <= n; i++) {
		f = fn[i]; a = x[i]; b = y[i]; bad = 0
		if (f == "clock_gettime" || f == "gettimeofday" || f == "time") {
			if (a !~ /^[0-9]+(\.[0-9]+)?$/ || b !~ /^[0-9]+(\.[0-9]+)?$/) bad = a != b
			else bad = (a - b > tol + (f == "time")) || (b - a > tol + (f == "time"))
		} else if (f == "getrandom") {
			sub(/:.*/, "", a); sub(/:.*/, "", b); bad = a != b      # lengths, or the same error
		} else {
			bad = a != b            # clock_getres, getcpu, riscv_hwprobe: the same values
		}
		if (bad) print f
	}
}
