# shellcheck shell=bash
# tests/setup/cache.sh - the start every fetch script shares (sourced, not
# run): one cache folder, a stamp when the fetch is complete, a lock so that
# parallel tests fetch once, and a failure remembered for ten minutes so
# that a test run does not retry it for every arch.
#
#   ready() { ...; }                    # the caller's: is the cache complete?
#   . "$TOP/tests/setup/cache.sh"
#   cache_start NAME DIR RETRY          # RETRY=1 forgets a recent failure
#   ... fetch into $C, calling die "why" on failure ...
#   echo "what" > "$STAMP"
#
# cache_start sets C (DIR made absolute: a caller may give a relative path
# and the fetch may change directory), STAMP and FAILED, and returns only
# when the fetch is to be made, with the lock held; else it exits: 0 when
# the cache is ready, 1 with the remembered reason.  say and die write the
# one-line messages ("NAME: ..."), die also remembers the reason.

say() { echo "$CACHE_NAME: $*" >&2; }
die() { say "$*"; echo "$*" > "$FAILED"; exit 1; }

cache_start() {
	CACHE_NAME=$1
	mkdir -p "$2" || { say "cannot create $2"; exit 1; }
	C=$(cd "$2" && pwd) || { say "cannot enter $2"; exit 1; }
	STAMP=$C/stamp
	FAILED=$C/failed

	# Fast paths: already fetched, or failed a moment ago.
	[ -f "$STAMP" ] && ready && exit 0
	if [ "$3" != 1 ] && [ -n "$(find "$FAILED" -mmin -10 2>/dev/null)" ]; then
		say "$(cat "$FAILED")"
		exit 1
	fi

	# One fetch at a time (prove -j); whoever waited finds the stamp.
	exec 9> "$C/lock"
	flock 9
	[ -f "$STAMP" ] && ready && exit 0
	rm -f "$FAILED"
}
