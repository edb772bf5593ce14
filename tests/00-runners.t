#!/bin/bash
# tests/00-runners.t - every runner of the matrix runs a static program of
# each arch, passes its output and exit status through, traces its system
# calls, and gives it the auxiliary vector the design says it does:
#
#   runner   AT_SYSINFO_EHDR (vDSO)   AT_SYSINFO (i386 only)
#   native   yes                      yes (the kernel's compat vDSO)
#   qemu7    no                       no
#   qemu10   yes (QEMU's own vDSO)    yes
#
# The program is built here with glibc (gcc -static; a cross arch's gcc
# and Debian's libc6-dev-<arch>-cross), which is fine for
# a test of the runners; the project's own code is not involved.

. "$(dirname "$0")/tap.sh"
. "$TOP/tests/runners.sh"

D=$BUILD/test/runners
mkdir -p "$D"
cat > "$D/hello.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "hang") == 0)
		pause();
	printf("hello from %s:", ARCH);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\nAT_SYSINFO_EHDR=%s\n", getauxval(AT_SYSINFO_EHDR) ? "yes" : "no");
	printf("AT_SYSINFO=%s\n", getauxval(AT_SYSINFO) ? "yes" : "no");
	fputs("to stderr\n", stderr);
	return 7;
}
EOF
for a in $(arches); do
	m=$(arch_libc_cc "$a")
	$m -static -O2 -DARCH='"'"$a"'"' -o "$D/hello-$a" "$D/hello.c" 2> "$D/build-$a.log"
	ok $? "build a static $a test program ($m -static)"
done

# want_auxv RUNNER ARCH: the two auxv lines the design promises.
want_auxv() {
	local ehdr=yes sysinfo=no
	[ "$1" = qemu7 ] && ehdr=no
	[ "$2" = i386 ] && [ "$1" != qemu7 ] && sysinfo=yes
	printf 'AT_SYSINFO_EHDR=%s\nAT_SYSINFO=%s' $ehdr $sysinfo
}

for r in $(all_runners); do
	for a in $(arches); do
		t="$r $a"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$t: runs a static program" "$why"
			continue
		fi
		p=$D/hello-$a
		out=$(run_on "$r" "$a" "$p" one two 2> "$D/err-$r-$a")
		is "$?" 7 "$t: exit status passed through"
		is "$(sed -n 1p <<< "$out")" "hello from $a: one two" "$t: runs, with its arguments"
		is "$(cat "$D/err-$r-$a")" "to stderr" "$t: stderr passed through"
		is "$(sed -n 2,3p <<< "$out")" "$(want_auxv "$r" "$a")" "$t: auxv as the design says"

		tr=$D/trace-$r-$a
		rm -f "$tr"
		out=$(run_on_traced "$r" "$a" "$tr" "$p" traced 2> "$D/err-$r-$a")
		is "$?.$(sed -n 1p <<< "$out").$(cat "$D/err-$r-$a")" \
			"7.hello from $a: traced.to stderr" "$t: traced run keeps its output apart"
		grep -Eq 'write\(1, ?("hello|0x)' "$tr"
		st=$?
		ok $st "$t: the trace shows its write(1, ...)"
		[ $st -eq 0 ] || sed 's/^/# /' "$tr" | tail -5
	done
done

# The timeout: a program that never ends is stopped (status 124).
RUN_TIMEOUT=1 run_on native x86_64 "$D/hello-x86_64" hang > /dev/null 2>&1
is "$?" 124 "native x86_64: a hung program is stopped by the timeout"

done_testing
