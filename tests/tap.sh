# tests/tap.sh - a few TAP helpers for the shell tests (sourced, not run).
#
# Each test prints "ok N - what" or "not ok N - what", a skip says why
# ("ok N # SKIP reason"), and done_testing prints the plan at the end,
# which TAP allows.  prove reads the stream.

set -u
TAP_N=0
TAP_FAILED=0
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}

ok() {          # ok CONDITION-EXIT-STATUS DESCRIPTION: its status is the case's
	TAP_N=$((TAP_N + 1))
	if [ -n "$SKIPPING" ]; then
		echo "ok $TAP_N - $2 # SKIP $SKIPPING"
	elif [ "$1" -eq 0 ]; then
		echo "ok $TAP_N - $2"
	else
		echo "not ok $TAP_N - $2"
		TAP_FAILED=$((TAP_FAILED + 1))
		return 1
	fi
}

pass() { ok 0 "$1"; }
fail() { ok 1 "$1"; }

skip() {        # skip DESCRIPTION REASON
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1 # SKIP $2"
}

# skipping REASON: from here until `skipping ""`, every case is printed as
# skipped for REASON, not judged: a group of cases that cannot run here
# still shows, case by case (runners.sh's native_cases sets it).
SKIPPING=
skipping() { SKIPPING=$1; }

diag() { [ -n "$SKIPPING" ] || printf '# %s\n' "$@"; }

# is GOT WANT DESCRIPTION: equal strings, with both shown when they differ.
is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3" || diag "got:  $1" "want: $2"
	fi
}

# diff_ok FILE-GOT FILE-WANT DESCRIPTION: files equal, the diff shown if not.
diff_ok() {
	if diff -u "$2" "$1" > "$1.diff" 2>&1; then
		pass "$3"
	else
		fail "$3" || sed 's/^/# /' "$1.diff" | head -40
	fi
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
