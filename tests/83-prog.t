#!/bin/bash
# tests/83-prog.t - `make prog SRC=FILE.c`: a reader's own one-file program,
# kept outside the tree and named relative to the caller's folder, builds
# against the runtime for every arch and runs on every runner.  It reads
# CLOCK_MONOTONIC through the runtime; the oracle is the same clock read by
# the test (python's time.clock_gettime) just before and just after.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/mine"
cat > "$W/mine/clocknow.c" <<'C'
#include <lib/lib.h>
#include <vdso/vdso.h>
#include <linux/time.h>

int main(int argc, char **argv, char **envp)
{
	struct __kernel_timespec ts;

	(void)argc, (void)argv, (void)envp;
	vdso_init();
	if (vdso_clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return 1;
	out_printf(&out_stdout, "%lld %ld\n", (long long)ts.tv_sec, (long)ts.tv_nsec);
	return out_flush(&out_stdout) < 0;
}
C
(cd "$W/mine" && make -C "$TOP" --no-print-directory BUILD="$BUILD" prog SRC=clocknow.c) > "$W/make.log" 2>&1
ok $? "make prog SRC=clocknow.c from a folder outside the tree" || sed 's/^/# /' "$W/make.log" | tail

mono() { python3 -c 'import time; print(time.clock_gettime_ns(time.CLOCK_MONOTONIC))'; }
for a in $(arches); do
	p=$BUILD/$a/prog/clocknow
	test -x "$p"
	ok $? "$a: build/$a/prog/clocknow was made"
	for r in $(all_runners); do
		if ! why=$(runner_available "$r" "$a"); then
			skip "$a $r: the program's clock between two readings of the test's" "$why"
			continue
		fi
		before=$(mono)
		read -r s ns < <(run_on "$r" "$a" "$p")
		after=$(mono)
		[ -n "$s" ] && got=$((s * 1000000000 + ns)) && [ "$before" -le "$got" ] && [ "$got" -le "$after" ]
		ok $? "$a $r: CLOCK_MONOTONIC $s.$ns lies between the test's $before and $after (ns)"
	done
done
(cd "$W" && make -C "$TOP" --no-print-directory prog) > "$W/none.log" 2>&1
[ $? -eq 2 ] && grep -q 'SRC=FILE.c' "$W/none.log"
ok $? "make prog without SRC: a usage line and status 2"
done_testing
