#!/bin/bash
# tests/35-check.t - `vdso check` on every runner and arch, judged by what
# the runner gives, found out here without the runtime:
#
#   - its output is TAP that Perl's TAP::Parser (prove's own) accepts, with
#     a plan, and its exit status 1 if there is a "not ok" line, else 0;
#   - no vDSO (getauxval finds no AT_SYSINFO_EHDR): every check skipped,
#     saying so;
#   - a vDSO: the checks that fail are exactly the ones the oracles expect
#     to: getcpu on each CPU and the invalid clock ids, asked of the vDSO
#     through glibc's dlvsym (tests/oracle/check.c); every other one passes
#     or is skipped with a reason;
#   - getrandom is checked where readelf finds __vdso_getrandom (or
#     aarch64's, ppc64le's, s390x's __kernel_getrandom) in the
#     image, skipped elsewhere; the time namespace checks run natively as
#     root (skipped elsewhere only for a refusal of the environment's,
#     named: EPERM, ENOSYS, no CONFIG_TIME_NS, no /proc);
#   - ppc64le: the error flag tested, a bad clock id's CR0.SO and r3 (the
#     errno of the arch's <asm/errno.h>), a good one's;
#   - the marks of an emulation it names (a PT_LOAD with RWE flags, no
#     "Linux" note, addresses already relocated) are those readelf finds.
# The /init boot runs `vdso check` in tests/50-boot.t.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

O=$BUILD/test/check
mkdir -p "$O"
make -C "$TOP" --no-print-directory all > "$O/make.log" 2>&1 || { fail "make"; sed 's/^/# /' "$O/make.log"; }
for a in $(arches); do m=$(arch_bits "$a")
	$(arch_libc_cc "$a") -O2 -o "$O/check-$a" "$TOP/tests/oracle/check.c" -ldl 2> "$O/check-$a.log" &&
	$(arch_libc_cc "$a") -O2 -o "$O/vdso-$a" "$TOP/tests/oracle/vdso.c" -ldl 2>> "$O/check-$a.log" &&
	$(arch_libc_cc "$a") -O2 -static -o "$O/auxv-$a" "$TOP/tests/oracle/auxv.c" 2>> "$O/check-$a.log"
	ok $? "build the glibc oracles ($a)" || sed 's/^/# /' "$O/check-$a.log"
done

# tap_summary FILE: "PLAN-OK FAILED" by TAP::Parser.
tap_summary() {
	perl -MTAP::Parser -e '
		local $/;
		open(my $f, "<", $ARGV[0]) or die;
		my $p = TAP::Parser->new({ tap => scalar <$f> });
		while (my $r = $p->next) { }
		printf "%d %d\n", ($p->is_good_plan ? 1 : 0), scalar($p->failed);' "$1"
}

CPUS=$(seq 0 $(($(nproc) - 1)) | head -64 | tr '\n' ' ')
BAD_IDS="-1 -2147483648 2147483647 16 23 24"
id_name() { case $1 in -2147483648) echo INT_MIN ;; 2147483647) echo INT_MAX ;; *) echo "$1" ;; esac; }

check_runner() {     # RUNNER ARCH BITS LABEL
	local r=$1 a=$2 m=$3 L=$4 out=$O/out-$r-$a status plan failed want
	run_on "$r" "$a" "$BUILD/$a/vdso" check > "$out" 2> "$O/err-$r-$a"; status=$?
	read -r plan failed <<< "$(tap_summary "$out")"
	is "$plan" 1 "$L check: TAP::Parser reads a good plan"
	is "$status" "$([ "$failed" -gt 0 ] && echo 1 || echo 0)" \
		"$L check: exit status $status: 1 for $failed failures (never 2, the usage error's)"
	is "$(grep -Ec '^(not )?ok [0-9]+ - ' "$out")" "$(sed -n 's/^1\.\.//p' "$out")" \
		"$L check: one line a check, as many as the plan says"
	grep -q "^# $(grep -c '^ok\|^not ok' "$out") checks: .*, $failed failed, $(grep -c '# SKIP' "$out") skipped$" "$out"
	ok $? "$L check: the summary counts them right"
	is "$(wc -c < "$O/err-$r-$a")" 0 "$L check: nothing on stderr"

	if ! run_on "$r" "$a" "$O/auxv-$a" | grep -q '^33 '; then
		is "$(grep -c '^ok.*# SKIP' "$out")" "$(grep -c '^ok\|^not ok' "$out")" \
			"$L check: no vDSO (getauxval), every check skipped"
		grep -q '^# vdso check .*no AT_SYSINFO_EHDR' "$out"
		ok $? "$L check: says why: no AT_SYSINFO_EHDR"
		return
	fi

	# The checks expected to fail: from the oracle, not from us.
	want=
	local cpu verdict id
	while read -r cpu verdict; do
		case $verdict in
		same) ;;
		differ) want="$want on CPU $cpu:" ;;
		*) diag "$L oracle getcpu on CPU $cpu: $verdict" ;;
		esac
	done < <(run_on "$r" "$a" "$O/check-$a" getcpu $CPUS)
	while read -r id verdict; do
		[ "$verdict" = differ ] && want="$want clock id $(id_name "$id"):"
	done < <(run_on "$r" "$a" "$O/check-$a" clockid $BAD_IDS)
	local got
	got=$(sed -n 's/^not ok [0-9]* - \([^:]*:\).*/ \1/p' "$out" | tr -d '\n')
	is "$got" "$want" "$L check: the failures are those the oracles expect:${want:- none}"

	# getrandom: where the image has it.
	local img=$O/image-$r-$a.so
	run_on "$r" "$a" "$O/vdso-$a" image "$img" > /dev/null
	if readelf --dyn-syms -W "$img" | grep -Eq ' (__vdso_|__kernel_)getrandom@'; then
		is "$(grep -c '^ok [0-9]* - getrandom [0-9]* bytes: the bytes by the vdso' "$out")" 7 \
			"$L check: getrandom by the vDSO, 7 lengths"
		grep -q '^ok [0-9]* - the parameters: a state of [1-9][0-9]* bytes' "$out"
		ok $? "$L check: getrandom's state: $(sed -n 's/.*the parameters: a state of \([0-9]*\) bytes.*/\1/p' "$out") bytes"
		grep -q '^ok [0-9]* - after fork: ' "$out"
		ok $? "$L check: getrandom after fork: the child's bytes are its own"
	else
		grep -q '^ok [0-9]* - getrandom # SKIP no getrandom in this vDSO' "$out"
		ok $? "$L check: no vDSO getrandom (readelf): skipped, saying so"
	fi

	# ppc64le's error flag (tests/30-vdso.t shows it through `vdso call`,
	# with the trace): a bad clock id through the vDSO must come back with
	# CR0.SO set and EINVAL, as the arch's <asm/errno.h> numbers it, in r3;
	# a good one with CR0.SO clear and 0.
	if [ "$a" = ppc64le ]; then
		local einval
		einval=$(printf '#include <asm/errno.h>\nEINVAL\n' | $(arch_libc_cc "$a") -E -P -nostdinc -I"$BUILD/$a/uapi" -x c - 2> /dev/null | tail -n 1)
		grep -Eqx "ok [0-9]+ - clock id -1: CR0.SO set, result register $einval, read as EINVAL; the system call: EINVAL" "$out"
		ok $? "$L check: tests the error flag: clock id -1 through the vDSO, CR0.SO set, r3 holds EINVAL (${einval:-?} by <asm/errno.h>)"
		grep -Eqx 'ok [0-9]+ - clock MONOTONIC: CR0.SO clear, result register 0' "$out"
		ok $? "$L check: ... and a good clock id: CR0.SO clear, r3 0"
	fi

	# Time namespaces: natively as root, made and seen; elsewhere made, or
	# skipped only for a refusal of the environment's, named: unshare's
	# EPERM, ENOSYS, EINVAL (no CONFIG_TIME_NS), ENOSPC; the offsets'
	# EPERM, ENOSYS, ENOENT (no /proc).  Any other answer is a failure.
	local made skipped
	made=$(grep -Ec '^ok [0-9]+ - (MONOTONIC|BOOTTIME) with an offset of [0-9]+ s: ' "$out")
	skipped=$(grep -Ec '^ok [0-9]+ - (MONOTONIC|BOOTTIME) offset seen through the vDSO # SKIP (unshare\(CLONE_NEWTIME\): (EPERM|ENOSYS|EINVAL|ENOSPC)|/proc/self/timens_offsets: (EPERM|ENOSYS|ENOENT)) \(' "$out")
	if [ "$r" = native ] && [ "$(id -u)" = 0 ]; then
		is "$made" 2 "$L check: natively as root, both offsets seen through the vDSO"
	else
		is "$((made + skipped))" 2 "$L check: the time namespace offsets seen, or skipped for a refusal of this environment ($made seen)"
	fi

	# Emulation: each mark it names, against readelf's view of the image.
	local marks want=
	marks=$(sed -n 's/^# emulation marks: //p' "$out")
	readelf -lW "$img" | awk '$1 == "LOAD" && $(NF-1) ~ /RWE/' | grep -q . &&
		want="$want a writable and executable PT_LOAD;"
	readelf -nW "$img" | grep -q '^ *Linux ' || want="$want no Linux version note;"
	want="marks:$want"
	got=${marks:+marks:}
	case $marks in *"a writable and executable PT_LOAD"*) got="$got a writable and executable PT_LOAD;" ;; esac
	case $marks in *"no Linux version note"*) got="$got no Linux version note;" ;; esac
	is "$got" "$want" "$L check: the marks of an emulation it names, as readelf sees the image:${want#marks:}"
	# The bias: 0 where the image's first PT_LOAD is linked where it lies.
	local vaddr
	vaddr=$(readelf -lW "$img" | awk '$1 == "LOAD" { print $3; exit }')
	case $marks in *"addresses already relocated"*) got=relocated ;; *) got="linked at 0" ;; esac
	[ "$((vaddr))" = 0 ] && want="linked at 0" || want=relocated
	is "$got" "$want" "$L check: its image $want, as readelf's first PT_LOAD says ($vaddr)"
}

"$BUILD/x86_64/vdso" check extra > "$O/usage.out" 2> "$O/usage.err"
is "$?:$(wc -l < "$O/usage.err"):$(wc -c < "$O/usage.out")" 2:1:0 \
	"check with an argument: a usage error, exit 2, one line on stderr, nothing on stdout"

for a in $(arches); do
	m=$(arch_bits "$a")
	for r in $(all_runners); do
		L="[$a $r]"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L vdso check" "$why"; continue
		fi
		check_runner "$r" "$a" "$m" "$L"
		diag "$L $(tail -n 1 "$O/out-$r-$a" | sed 's/^# //')"
		sed -n 's/^ok [0-9]* - \(.*\) # SKIP \(.*\)/\1: \2/p' "$O/out-$r-$a" | sort | uniq -c | sed "s/^/$L skipped: /" | head -8 |
			while read -r line; do diag "$line"; done
	done
done
done_testing
