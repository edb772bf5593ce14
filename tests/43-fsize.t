#!/bin/bash
# tests/43-fsize.t - past the file size limit (`ulimit -f`), write(2) raises
# SIGXFSZ, whose default action kills the process (signal(7)).  vdso ignores
# it at start, so the write fails with EFBIG instead (setrlimit(2),
# RLIMIT_FSIZE) and the command says so in one line and exits 1, rather
# than dying silently with its output cut short.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

make -C "$TOP" --no-print-directory all > "$BUILD/fsize.log" 2>&1
ok $? "make all" || sed 's/^/# /' "$BUILD/fsize.log" | tail -20

D=$BUILD/test/fsize
rm -rf "$D"; mkdir -p "$D"

for a in $(arches); do
	# An image to read: the live one, dumped natively, or else hello.
	img=$D/image-$a.so
	runner_available native "$a" > /dev/null && "$BUILD/$a/vdso" dump "$img" > /dev/null 2>&1 || img=$BUILD/$a/vdso
	for r in $(all_runners); do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$a $r: SIGXFSZ past ulimit -f" "$why"; continue
		fi
		cmd=$(runner_cmd "$r" "$a")
		# `ulimit -f 1`: 1024 bytes; each command here writes more, or is
		# skipped for writing less.
		for c in "dump -" syms "read $img" help call; do
			t="$a $r: ulimit -f 1; vdso ${c%% *}"
			# Without a limit first: what it says on stderr anyway.
			timeout "$RUN_TIMEOUT" $cmd "$BUILD/$a/vdso" $c > "$D/full" 2> "$D/base"
			base=$?
			if [ "$base" -gt 1 ]; then
				fail "$t: runs without a limit (status $base)"; continue
			fi
			if [ "$base" = 1 ] && ! grep -q disagree "$D/base"; then
				skip "$t" "it fails here anyway: $(head -1 "$D/base")"; continue
			fi
			# (a small vDSO's symbols, QEMU's for ARM, fit in the limit)
			if [ "$(stat -c %s "$D/full")" -le 1024 ]; then
				skip "$t" "it writes $(stat -c %s "$D/full") bytes here, within the limit"; continue
			fi
			bash -c 'ulimit -f 1; exec "$@" > "'"$D/out"'" 2> "'"$D/err"'"' - \
				timeout "$RUN_TIMEOUT" $cmd "$BUILD/$a/vdso" $c 2> /dev/null
			status=$?
			is "$status" 1 "$t: exit status 1, not killed by SIGXFSZ (153)"
			# One EFBIG line, the last.  (Under QEMU 10, `call` may
			# also report a disagreement, as it does without a limit.)
			err=$(tail -n 1 "$D/err")
			is "$(grep -c EFBIG "$D/err")" 1 "$t: one EFBIG line on stderr"
			grep -q '^vdso: .*: EFBIG (File too large)$' <<< "$err"
			ok $? "$t: the last line: $err"
			grep -v -e EFBIG -e disagree "$D/err" | grep -q .
			ok $((! $?)) "$t: nothing else on stderr"
			is "$(stat -c %s "$D/out")" 1024 "$t: the output stops at the limit"
		done
	done
done
done_testing
