#!/bin/bash
# tests/40-dump.t - `vdso dump`: the live image as a file, whole or not at
# all.  On each runner that has a vDSO, the dump must be what readelf and
# objdump accept without a warning and list the symbols `vdso syms` lists;
# natively it must equal, byte for byte, the image a libc program of our
# own reads through /proc/self/mem (every process's vDSO is the same
# bytes).  Under qemu-user 7.2 there is no vDSO: one line, exit 1, no file.
# Then the failures: a full device, a full or read-only file system, a
# missing directory, a directory: one line each, exit 1, nothing left.
# Then the breaks of issue 15: every way of writing (O_TMPFILE and linkat,
# by descriptor or through /proc; a named temporary where those are denied
# by a seccomp filter or /proc is gone), signals at the worst moments and
# at random, repeated pids, descriptors with no name, FIFOs, long names,
# escaped names, the old file's mode as an unprivileged user, and a dump
# in the /init boot, where there is no /proc.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/dump
rm -rf "$T"
mkdir -p "$T"
umask 022
make -C "$TOP" --no-print-directory all > "$T/make.log" 2>&1
ok $? "make" || sed 's/^/# /' "$T/make.log" | tail -20

# The usual method, with libc: find [vdso] in /proc/self/maps and read
# its bytes through /proc/self/mem.  It shares nothing with our code.
cat > "$T/procmem.c" << 'EOF'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	FILE *maps = fopen("/proc/self/maps", "r"), *out;
	unsigned long start = 0, end = 0;
	char line[4096], *buf;
	int fd;

	while (maps && fgets(line, sizeof line, maps))
		if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &start, &end) == 2)
			break;
	if (argc != 2 || end <= start || (fd = open("/proc/self/mem", O_RDONLY)) < 0)
		return 1;
	buf = malloc(end - start);
	if (!buf || pread(fd, buf, end - start, start) != (ssize_t)(end - start))
		return 1;
	out = fopen(argv[1], "wb");
	return !out || fwrite(buf, 1, end - start, out) != end - start || fclose(out);
}
EOF
for a in $(arches); do m=$(arch_bits "$a")
	$(arch_libc_cc "$a") -O2 -D_FILE_OFFSET_BITS=64 -o "$T/procmem-$a" "$T/procmem.c" 2> "$T/procmem-$a.log"
	ok $? "build the /proc/self/mem helper ($a)" || sed 's/^/# /' "$T/procmem-$a.log"
done

# Whitespace-folded symbol lines, values as offsets from BASE (QEMU's
# image is relocated in place, and lands elsewhere on each run).  In perl:
# Debian's awk (mawk) has no strtonum.
fold_syms() {        # BASE < listing
	perl -ane 'BEGIN { $base = hex(shift) } next unless $F[0] =~ /^\d+:$/;
		$v = hex($F[1]); $F[1] = sprintf("+%x", $v - $base) if $base && $v >= $base;
		print "@F\n"' "$1"
}

# No file left but the ones named, and no temporary (".vdso-XXXXXXXXXXXX").
# (by bash's globs, dot files too: the test makes thousands of these calls)
leftovers() {        # DIR NAME...: the other files in DIR
	local d=$1 f n others=
	local -A named=([err]=1 [out]=1)
	shift
	for n in "$@"; do named[$n]=1; done
	for f in "$d"/* "$d"/.*; do
		n=${f##*/}
		[ "$n" = . ] || [ "$n" = .. ] || { [ ! -e "$f" ] && [ ! -L "$f" ]; } && continue
		[ -n "${named[$n]:-}" ] || others+="$n "
	done
	printf '%s' "$others"
}

# One line on stderr, exactly; exit 1; and nothing else in the directory.
fails_with() {       # LABEL STATUS ERRFILE WANT-LINE
	is "$2" 1 "$1: exit 1"
	is "$(cat "$3")" "$4" "$1: one line says why"
}

check_no_vdso() {    # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2 V=$BUILD/$2/vdso status
	(cd "$W" && run_on "$r" "$a" "$V" dump) 2> "$W/err"; status=$?
	fails_with "$L dump" $status "$W/err" "vdso: dump: no vDSO (the auxiliary vector has no AT_SYSINFO_EHDR)"
	(cd "$W" && run_on "$r" "$a" "$V" dump --proc x.so) 2> "$W/err"; status=$?
	fails_with "$L dump --proc" $status "$W/err" "vdso: dump --proc: no vDSO (no [vdso] line in /proc/self/maps)"
	run_on "$r" "$a" "$V" dump --check > /dev/null 2> "$W/err"
	is $? 1 "$L dump --check: exit 1 without a vDSO"
	is "$(leftovers "$W")" "" "$L: no file and no temporary left"
}

check_dump() {       # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2 V=$BUILD/$2/vdso status name size base
	local soname m=$(arch_bits "$a") f

	(cd "$W" && run_on "$r" "$a" "$V" dump) > "$W/out" 2> "$W/err"; status=$?
	# The name it should have: readelf's DT_SONAME of what it wrote.
	for f in "$W"/*; do
		soname=$(readelf -d "$f" 2> /dev/null | sed -n 's/.*Library soname: \[\(.*\)\]$/\1/p')
		[ -n "$soname" ] && break
	done
	[ -n "$soname" ] || soname="(no file with a DT_SONAME written)"
	is $status 0 "$L dump: exit 0"
	name=$(sed -n 's/^dump: \([^:]*\): [0-9]* bytes from 0x[0-9a-f]* (AT_SYSINFO_EHDR.*/\1/p' "$W/err")
	size=$(sed -n 's/^dump: [^:]*: \([0-9]*\) bytes from.*/\1/p' "$W/err")
	base=$(sed -n 's/^dump: [^:]*: [0-9]* bytes from \(0x[0-9a-f]*\).*/\1/p' "$W/err")
	is "$name" "$soname" "$L dump: named by its DT_SONAME, says what it wrote on stderr"
	is "$(wc -l < "$W/err") $(wc -c < "$W/out")" "1 0" "$L dump: one line on stderr, nothing on stdout"
	local D=$W/$soname
	[ -f "$D" ] || { fail "$L dump: $soname written"; return; }
	is "$(stat -c '%s %a' "$D")" "$size 644" "$L dump: $size bytes, as it said, mode 0644"
	is "$((size % 4096))" 0 "$L dump: whole pages"
	is "$(leftovers "$W" "$soname")" "" "$L dump: no temporary left"
	diag "$L: dumped $size bytes from $base"

	# The tools accept it without a word (the arch's own binutils: the
	# machine's objdump knows x86 only).  One word is the image's, not the
	# dump's: QEMU 10's aarch64 vDSO puts its 20-byte build-id note after
	# an 8-aligned property note in a PT_NOTE aligned to 8, and readelf,
	# stepping by 8, warns of it.  That warning passes only where
	# tests/tools/note_steps.py finds such a note in the file's own bytes.
	$(arch_tool "$a" readelf) -a -W "$D" > "$W/readelf" 2> "$W/readelf.err"
	local st=$? notes
	if [ -s "$W/readelf.err" ] && notes=$(python3 "$TOP/tests/tools/note_steps.py" "$D") &&
		! grep -qv -e '^readelf: Warning: note with invalid namesz and/or descsz found at offset 0x[0-9a-f]*$' \
			-e '^readelf: Warning:  type: 0x[0-9a-f]*, namesize: 0x[0-9a-f]*, descsize: 0x[0-9a-f]*, alignment: 8$' "$W/readelf.err"; then
		diag "$L readelf warns of the image's own notes: $notes"
		: > "$W/readelf.err"
	fi
	is "$st:$(cat "$W/readelf.err")" "0:" "$L readelf -a -W: no warnings"
	$(arch_tool "$a" objdump) -d "$D" > "$W/objdump" 2> "$W/objdump.err"
	is "$?:$(cat "$W/objdump.err")" "0:" "$L objdump -d: no warnings"
	grep -q '^Disassembly of section .text:' "$W/objdump"
	ok $? "$L objdump -d: disassembles .text"

	# readelf's symbols are the ones `vdso syms` shows (another run).
	local syms sbase
	syms=$(run_on "$r" "$a" "$V" syms) || fail "$L syms runs"
	sbase=$(echo "$syms" | sed -n 's/^image: \(0x[0-9a-f]*\) (AT_SYSINFO_EHDR).*/\1/p')
	is "$(echo "$syms" | sed -n 's/.* (AT_SYSINFO_EHDR), \([0-9]*\) bytes.*/\1/p')" "$size" \
		"$L dump: the size vdso syms reports"
	echo "$syms" | fold_syms "$sbase" > "$W/syms.folded"
	readelf --dyn-syms -W "$D" | fold_syms "$base" > "$W/readelf.folded"
	[ -s "$W/syms.folded" ]
	ok $? "$L syms: symbols listed"
	diff_ok "$W/readelf.folded" "$W/syms.folded" "$L readelf --dyn-syms -W of the dump: the symbols vdso syms lists"

	# To standard output: the same bytes natively, the same size under
	# QEMU (whose image differs from run to run by its relocation).
	run_on "$r" "$a" "$V" dump - > "$W/stdout.so" 2> "$W/err"
	is "$?:$(sed -n 's/^dump: \(standard output\): .*/\1/p' "$W/err")" "0:standard output" "$L dump -: exit 0, says so on stderr"
	if [ "$r" = native ]; then
		cmp -s "$W/stdout.so" "$D"
		ok $? "$L dump -: the same bytes"
	else
		is "$(stat -c %s "$W/stdout.so")" "$size" "$L dump -: the same size"
	fi

	# The /proc way, ours, and the check of one way against the other.
	run_on "$r" "$a" "$V" dump --proc "$W/proc.so" 2> "$W/err"
	is "$?:$(stat -c %s "$W/proc.so" 2>&1)" "0:$size" "$L dump --proc: $size bytes too"
	run_on "$r" "$a" "$V" dump --check > "$W/check" 2> "$W/err"; status=$?
	# (its two readings, compared here: the address and size by the
	# image's headers and by /proc/self/maps, and the size of the dump)
	is "$status:$(sed -n 's/^headers: *\(0x[0-9a-f]*, [0-9]* bytes\).*/\1/p' "$W/check")" \
	   "0:$(sed -n 's/^\/proc: *\(0x[0-9a-f]*\), \([0-9]*\) bytes.*/\1, \2 bytes/p' "$W/check")" \
	   "$L dump --check: exit 0, the headers' address and size those of /proc/self/maps"
	is "$(sed -n 's/^\/proc: *0x[0-9a-f]*, \([0-9]*\) bytes.*/\1/p' "$W/check")" "$size" "$L dump --check: $size bytes, the dump's size"
	[ $status = 0 ] || sed 's/^/# /' "$W/check" "$W/err"
	if [ "$r" = native ]; then
		diag "$L --check: $(grep -E '^(size|bytes):' "$W/check" | tr -s ' ' | tr '\n' ' ')"
		cmp -s "$W/proc.so" "$D"
		ok $? "$L dump --proc: the same bytes as dump"
		"$T/procmem-$a" "$W/helper.so"
		cmp -s "$W/helper.so" "$D"
		ok $? "$L dump: the same bytes as a libc program reads through /proc/self/mem"
	fi
	rm -f "$W/stdout.so" "$W/proc.so" "$W/helper.so"
}

# The ways a dump can fail; each leaves no file and no temporary.
check_failures() {   # RUNNER ARCH
	local r=$1 a=$2 L="$1 $2" W=$T/$1-$2/fail V=$BUILD/$2/vdso status cmd
	mkdir -p "$W"
	cmd=$(runner_cmd "$r" "$a")

	run_on "$r" "$a" "$V" dump - > /dev/full 2> "$W/err"; status=$?
	fails_with "$L dump - > /dev/full" $status "$W/err" \
		"vdso: dump: standard output: ENOSPC (No space left on device)"

	run_on "$r" "$a" "$V" dump "$W/nodir/x.so" 2> "$W/err"; status=$?
	fails_with "$L dump to a missing directory" $status "$W/err" \
		"vdso: dump: $W/nodir/x.so: ENOENT (No such file or directory)"
	[ ! -e "$W/nodir" ]
	ok $? "$L dump to a missing directory: creates none"

	mkdir -p "$W/adir"
	for target in "$W/adir" "$W/adir/"; do
		run_on "$r" "$a" "$V" dump "$target" 2> "$W/err"; status=$?
		fails_with "$L dump to a directory ($target)" $status "$W/err" \
			"vdso: dump: $target: EISDIR (Is a directory)"
	done
	is "$(ls -A "$W/adir")" "" "$L dump to a directory: writes nothing into it"

	# An old file is replaced whole: a new inode, renamed over it.
	echo old > "$W/old.so"
	local inode; inode=$(stat -c %i "$W/old.so")
	run_on "$r" "$a" "$V" dump "$W/old.so" 2> "$W/err"
	is "$?:$(head -c 4 "$W/old.so" | od -An -c | tr -d ' ')" "0:177ELF" "$L dump over an old file: replaced"
	[ "$(stat -c %i "$W/old.so")" != "$inode" ]
	ok $? "$L dump over an old file: by a rename (a new inode)"

	# Through a symbolic link: the file it names is replaced, not the link.
	ln -sfn old.so "$W/link.so"
	run_on "$r" "$a" "$V" dump "$W/link.so" 2> "$W/err"
	is "$?:$(readlink "$W/link.so"):$(stat -c %s "$W/old.so")" "0:old.so:$(stat -c %s "$T/$r-$a/"linux-*.so.1)" \
		"$L dump through a link: writes the file it names, the link stays"
	rm -f "$W/link.so"

	run_on "$r" "$a" "$V" dump a b 2> /dev/null
	is $? 2 "$L dump a b: a usage error"
	run_on "$r" "$a" "$V" dump --nonsense 2> /dev/null
	is $? 2 "$L dump --nonsense: a usage error"
	run_on "$r" "$a" "$V" dump --check x.so 2> /dev/null
	is $? 2 "$L dump --check x.so: a usage error"

	# Full and read-only file systems: a tmpfs of our own, in a private
	# mount namespace, so that nothing stays mounted whatever happens.
	if [ "$(id -u)" != 0 ]; then
		skip "$L dump to a full file system" "not root: cannot mount a tmpfs"
		skip "$L dump to a read-only file system" "not root: cannot mount a tmpfs"
	elif ! unshare -m true 2> /dev/null; then
		skip "$L dump to a full file system" "unshare -m fails: no private mount namespace"
		skip "$L dump to a read-only file system" "unshare -m fails: no private mount namespace"
	else
		local M=$W/mnt out
		mkdir -p "$M"
		# 4 KiB, holding an old x.so and a filler that takes the rest.
		out=$(unshare -m --propagation private bash -c '
			M=$1 err=$2; shift 2
			mount -t tmpfs -o size=4k vdso-test "$M" || exit 125
			printf old > "$M/x.so"
			dd if=/dev/zero of="$M/fill" bs=1k count=8 2> /dev/null
			timeout 20 "$@" dump "$M/x.so" 2> "$err"
			echo "status=$? files=$(ls -A "$M" | tr "\n" " ")x.so=$(cat "$M/x.so")"
		' bash "$M" "$W/err" $cmd "$V")
		is "$out" "status=1 files=fill x.so x.so=old" "$L dump to a full file system: exit 1, the old file as it was, no temporary"
		is "$(cat "$W/err")" "vdso: dump: $M/x.so: ENOSPC (No space left on device)" \
			"$L dump to a full file system: one line says why"
		out=$(unshare -m --propagation private bash -c '
			M=$1 err=$2; shift 2
			mount -t tmpfs -o ro vdso-test "$M" || exit 125
			timeout 20 "$@" dump "$M/x.so" 2> "$err"
			echo "status=$? files=$(ls -A "$M" | tr "\n" " ")"
		' bash "$M" "$W/err" $cmd "$V")
		is "$out" "status=1 files=" "$L dump to a read-only file system: exit 1, nothing written"
		is "$(cat "$W/err")" "vdso: dump: $M/x.so: EROFS (Read-only file system)" \
			"$L dump to a read-only file system: one line says why"
		rmdir "$M"
		# No /proc (an empty tmpfs over it): --proc says so; the
		# header way needs none.  Natively only: QEMU itself reads /proc.
		if [ "$r" = native ]; then
			out=$(cd "$W" && unshare -m --propagation private bash -c '
				mount -t tmpfs vdso-test /proc || exit 125
				timeout 20 "$@" dump --proc x.so 2> err; echo "proc=$?"
				timeout 20 "$@" dump y.so 2> /dev/null; echo "headers=$?"
			' bash $cmd "$V" | tr '\n' ' ')
			is "$out" "proc=1 headers=0 " "$L without /proc: dump --proc fails, dump does not"
			is "$(cat "$W/err")" "vdso: dump --proc: no /proc: /proc/self/maps: ENOENT (No such file or directory)" \
				"$L without /proc: dump --proc says so"
			is "$(stat -c %s "$W/y.so" 2>&1)" "$(stat -c %s "$T/$r-$a/"linux-*.so.1)" "$L without /proc: dump writes the image"
			rm -f "$W/y.so"
		fi
	fi
	is "$(leftovers "$W" adir old.so)" "" "$L failures: no file and no temporary left behind"
}


# ---- issue 15 ------------------------------------------------------------------

# deny RULE... -- PROG [ARG...] (RULE: tmpfile, flink, none): PROG under a seccomp filter that fails a
# call as an older kernel or another file system would.  The filter holds
# across exec, for a native i386 program (AUDIT_ARCH_I386 numbers) and for
# QEMU's own calls (AUDIT_ARCH_X86_64) alike.
cat > "$T/deny.c" << 'EOF'
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

/* A call (x86_64 and i386 numbers) failing with err when bit is set in
 * its argument arg.  0x400000 is the kernel's __O_TMPFILE (glibc's name
 * for it includes O_DIRECTORY). */
static const struct rule {
	const char *name;
	unsigned nr64, nr32, arg, bit, err;
} rules[] = {
	{ "tmpfile", 257, 295, 2, 020000000, EOPNOTSUPP },  /* openat: a file system without it */
	{ "tmpfile", 2, 5, 1, 020000000, EOPNOTSUPP },      /* open */
	{ "flink", 265, 303, 4, AT_EMPTY_PATH, ENOENT },    /* linkat: before 6.10, no CAP_DAC_READ_SEARCH */
};
#define NRULES (sizeof rules / sizeof rules[0])
#define STMT(code, k) ((struct sock_filter)BPF_STMT(code, k))
#define JUMP(code, k, jt, jf) ((struct sock_filter)BPF_JUMP(code, k, jt, jf))
#define LOAD(field) STMT(BPF_LD | BPF_W | BPF_ABS, field)

int main(int argc, char **argv)
{
	static const unsigned arches[2] = { AUDIT_ARCH_X86_64, AUDIT_ARCH_I386 };
	struct sock_filter f[2 * (2 + 5 * NRULES) + 1];
	struct sock_fprog prog = { 0, f };
	int used[NRULES] = { 0 }, i, known;
	unsigned a, k, n = 0, nused = 0;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "none"))
			continue;
		for (known = 0, k = 0; k < NRULES; k++)
			if (!strcmp(argv[i], rules[k].name))
				used[k] = known = 1;
		if (!known)
			return fprintf(stderr, "deny: no rule %s\n", argv[i]), 125;
	}
	if (i + 1 >= argc)
		return fprintf(stderr, "usage: deny RULE... -- PROG [ARG...]\n"), 125;
	for (k = 0; k < NRULES; k++)
		nused += used[k];
	for (a = 0; a < 2; a++) {
		f[n++] = LOAD(offsetof(struct seccomp_data, arch));
		f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, arches[a], 0, 5 * nused);
		for (k = 0; k < NRULES; k++) {
			if (!used[k])
				continue;
			f[n++] = LOAD(offsetof(struct seccomp_data, nr));
			f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, a ? rules[k].nr32 : rules[k].nr64, 0, 3);
			f[n++] = LOAD(offsetof(struct seccomp_data, args) + 8 * rules[k].arg); /* low half */
			f[n++] = JUMP(BPF_JMP | BPF_JSET | BPF_K, rules[k].bit, 0, 1);
			f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | rules[k].err);
		}
	}
	f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)n;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		return perror("deny: seccomp"), 125;
	execvp(argv[i + 1], argv + i + 1);
	return perror("deny: exec"), 127;
}
EOF
gcc -O2 -Wall -o "$T/deny" "$T/deny.c" 2> "$T/deny.log"
ok $? "build the seccomp helper" || sed 's/^/# /' "$T/deny.log"

# The kill loop: RUNS runs of the command (within two minutes), each hit
# by a random signal after a random delay (up to 1.5 times a whole run),
# killed if it still runs 20 s later (hung), the directory looked at after
# each.  MODE new: no target before; old: the target holds "old".
# It prints "runs= finished= killed= hung= window= leftovers= bad=": window
# counts whole copies SIGKILL left under a temporary name (the one window,
# demo/vdso/replace.c), a leftover any other file, bad a target neither old
# nor whole (SIZE bytes, \x7fELF, and REF's bytes if REF is given).
cat > "$T/killloop.pl" << 'EOF'
use strict;
use warnings;
use POSIX ();
use Time::HiRes qw(usleep time);

my ($runs, $dir, $target, $mode, $size, $ref, @cmd) = @ARGV;
my @signals = qw(KILL USR1 USR2 ALRM PROF VTALRM HUP INT QUIT TERM);
my $want = $ref ne "" ? do { local $/; open my $f, '<', $ref or die; binmode $f; <$f> } : undef;
my %n = (finished => 0, killed => 0, hung => 0, window => 0, leftovers => 0, bad => 0);

sub run { my $pid = fork // die "fork: $!";
	if (!$pid) { chdir $dir or POSIX::_exit(126); open STDERR, '>', '/dev/null';
		exec @cmd or POSIX::_exit(127) }
	return $pid }
sub slurp { open my $f, '<', $_[0] or return undef; binmode $f; local $/; <$f> }
sub content { slurp("$dir/$target") }
sub whole { my $c = slurp($_[0]); defined $c && length $c == $size && substr($c, 0, 4) eq "\x7fELF" && (!defined $want || $c eq $want) }

# How long one whole run takes, to aim the signals inside it.
my $t0 = time; waitpid(run(), 0) for 1 .. 3; my $span = (time - $t0) / 3 * 1.5e6;
for my $i (1 .. $runs) {
	opendir my $d, $dir or die; unlink map { "$dir/$_" } grep { !/^\.\.?$/ } readdir $d;
	if ($mode eq 'old') { open my $f, '>', "$dir/$target" or die; print $f "old\n"; close $f }
	my $sig = $signals[rand @signals];
	my $pid = run(); usleep(int rand $span); kill $sig, $pid;
	my $waited = 0;         # bounded: a run that hangs is killed after 20 s
	while (waitpid($pid, POSIX::WNOHANG()) == 0) {
		kill 'KILL', $pid if ++$waited == 20000; usleep 1000 }
	$? == 0 ? $n{finished}++ : $n{killed}++;
	$n{hung}++ if $waited >= 20000;
	last if time - $t0 > 120;       # and the loop within two minutes
	opendir $d, $dir or die;
	for my $e (grep { !/^\.\.?$/ && $_ ne $target } readdir $d) {
		# The one window (replace.c): SIGKILL between the link to a
		# temporary name and the rename over an old file leaves a whole copy.
		if ($mode eq 'old' && $sig eq 'KILL' && $e =~ /^\.vdso-[0-9a-v]{12}$/ && whole("$dir/$e")) {
			$n{window}++; next }
		$n{leftovers}++; print "# SIG$sig left $e (" . (-s "$dir/$e") . " bytes)\n" }
	my $c = content();
	next if !defined $c && $mode eq 'new' or defined $c && $c eq "old\n" && $mode eq 'old';
	next if whole("$dir/$target");
	$n{bad}++; print "# SIG$sig: target " . (defined $c ? length($c) . " bytes" : "missing") . "\n";
}
printf "runs=%d finished=%d killed=%d hung=%d window=%d leftovers=%d bad=%d\n",
	$n{finished} + $n{killed}, @n{qw(finished killed hung window leftovers bad)};
EOF

# whole FILE SIZE [REF]: FILE is a whole image: SIZE bytes from \x7fELF
# (its first 4 bytes those of $T/elfmagic), and REF's very bytes if REF is
# given (natively).
printf '\177ELF' > "$T/elfmagic"
whole() {
	[ -f "$1" ] && [ "$(stat -c %s "$1")" = "$2" ] &&
		cmp -s -n 4 "$1" "$T/elfmagic" &&
		{ [ -z "${3:-}" ] || cmp -s "$1" "$3"; }
}
state() {            # FILE SIZE [REF]: "whole", "old", "none" or "SIZE bytes"
	if whole "$@"; then echo whole
	elif [ ! -e "$1" ]; then echo none
	elif [ "$(cat "$1")" = old ]; then echo old
	else echo "$(stat -c %s "$1") bytes"; fi
}
# Temporaries in DIR, by their form (replace.c): ".vdso-" and 12 of [0-9a-v].
temporaries() { ls -A "$1" | grep -cE '^\.vdso-[0-9a-v]{12}$'; }

# Rows 7 and 8: long names, and names with control bytes.
check_names() {      # RUNNER ARCH SIZE REF
	local r=$1 a=$2 size=$3 ref=$4 L="$1 $2" W=$T/$1-$2/names V=$BUILD/$2/vdso status n name cmd
	cmd=$(runner_cmd "$r" "$a")
	mkdir -p "$W"
	for n in 250 255; do
		name=$(printf 'n%.0s' $(seq "$n"))
		for old in new existing; do
			rm -f "$W/$name"; [ $old = existing ] && echo old > "$W/$name"
			(cd "$W" && run_on "$r" "$a" "$V" dump "$name") 2> "$W/err"; status=$?
			is "$status:$(state "$W/$name" "$size" "$ref")" 0:whole "$L dump to a $n-character name ($old): exit 0, whole"
			[ $status = 0 ] || sed 's/^/# /' "$W/err" | cut -c 1-150
		done
		rm -f "$W/$name"; echo old > "$W/$name"
		(cd "$W" && "$T/deny" tmpfile -- $cmd "$V" dump "$name") 2> "$W/err"; status=$?
		is "$status:$(state "$W/$name" "$size" "$ref")" 0:whole "$L dump to a $n-character name over a file, no O_TMPFILE: exit 0, whole"
		rm -f "$W/$name"
	done
	is "$(leftovers "$W")" "" "$L long names: no temporary left"

	run_on "$r" "$a" "$V" read $'no\nfile' > "$W/out" 2> "$W/err"; status=$?
	is "$status:$(wc -c < "$W/out"):$(cat "$W/err")" \
		'1:0:vdso: read: no\nfile: ENOENT (No such file or directory)' \
		"$L read \$'no\\nfile': one line, the name escaped, exit 1"
	run_on "$r" "$a" "$V" call $'a\nb' > "$W/out" 2> "$W/err"; status=$?
	is "$status:$(wc -c < "$W/out"):$(cat "$W/err")" \
		"2:0:vdso: call: a\\nb: unknown function (try 'vdso help call')" \
		"$L call \$'a\\nb': one line, the name escaped, exit 2"
	(cd "$W" && run_on "$r" "$a" "$V" dump $'a\nb/c\td') 2> "$W/err"; status=$?
	is "$status:$(cat "$W/err")" '1:vdso: dump: a\nb/c\td: ENOENT (No such file or directory)' \
		"$L dump to \$'a\\nb/c\\td': one line, the name escaped, exit 1"
	(cd "$W" && run_on "$r" "$a" "$V" dump $'new\nline') 2> "$W/err"; status=$?
	is "$status:$(wc -l < "$W/err"):$(sed -n 's/^dump: \(new\\nline\): [0-9]* bytes from .*/\1/p' "$W/err")" \
		'0:1:new\nline' "$L dump to \$'new\\nline': says so in one line, the name escaped"
	is "$(state "$W/"$'new\nline' "$size" "$ref")" whole "$L dump to \$'new\\nline': the file has the name given"
	rm -f "$W/"$'new\nline'
}

# Rows 6 and 13: what has no name to replace, and FIFOs.
check_through() {    # RUNNER ARCH SIZE REF
	local r=$1 a=$2 size=$3 ref=$4 L="$1 $2" W=$T/$1-$2/through V=$BUILD/$2/vdso status cmd out
	cmd=$(runner_cmd "$r" "$a")
	mkdir -p "$W"

	# A deleted file, still open as fd 3: written through, as `>` would.
	out=$(cd "$W" && bash -c '
		size=$1 ref=$2; shift 2
		exec 3<> gone; rm gone
		timeout 20 "$@" dump /proc/self/fd/3 2> err; echo "status=$?"
		if [ "$(stat -L -c %s /proc/self/fd/3)" = "$size" ] &&
			[ "$(head -c 4 /proc/self/fd/3 | od -An -tx1 | tr -d " \n")" = 7f454c46 ] &&
			{ [ -z "$ref" ] || cmp -s /proc/self/fd/3 "$ref"; }; then
			echo "fd 3: whole"
		else
			echo "fd 3: $(stat -L -c %s /proc/self/fd/3) bytes"
		fi' bash "$size" "$ref" $cmd "$V" | tr '\n' ' ')
	is "$out" "status=0 fd 3: whole " "$L dump /proc/self/fd/3 of a deleted file: written through the descriptor"
	is "$(leftovers "$W")" "" "$L dump /proc/self/fd/3 of a deleted file: no 'gone (deleted)' made"

	# A memfd: its link reads "/memfd:NAME (deleted)".
	if command -v python3 > /dev/null; then
		out=$(cd "$W" && python3 - "$size" "$ref" $cmd "$V" 2> "$W/err" << 'EOF'
import os, subprocess, sys
size, ref, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
fd = os.memfd_create("vdso-dump-test")
r = subprocess.run(cmd + ["dump", "/proc/self/fd/%d" % fd], pass_fds=[fd], timeout=20)
data = os.pread(fd, size + 1, 0)
whole = len(data) == size and data[:4] == b"\x7fELF" and (not ref or data == open(ref, "rb").read())
print("status=%d memfd: %s" % (r.returncode, "whole" if whole else "%d bytes" % len(data)))
EOF
)
		is "$out" "status=0 memfd: whole" "$L dump /proc/self/fd/N of a memfd: written through the descriptor"
		[ ! -e "/memfd:vdso-dump-test (deleted)" ]
		ok $? "$L dump /proc/self/fd/N of a memfd: no '/memfd:vdso-dump-test (deleted)' made"
		rm -f "/memfd:vdso-dump-test (deleted)"
	else
		skip "$L dump to a memfd" "no python3 (os.memfd_create)"
	fi

	# A FIFO with no reader: one line at once, no hang; with one: the bytes.
	rm -f "$W/ff"; mkfifo "$W/ff"
	(cd "$W" && RUN_TIMEOUT=5 run_on "$r" "$a" "$V" dump ff) 2> "$W/err"; status=$?
	is "$status:$(cat "$W/err")" "1:vdso: dump: ff: ENXIO (a FIFO with no reader: start the reader first)" \
		"$L dump to a FIFO with no reader: one line at once, exit 1"
	out=$(cd "$W" && bash -c '
		size=$1; shift
		exec 4<> ff             # a reader (and writer) that never waits
		timeout 20 "$@" dump ff 2> err; echo "status=$?"
		head -c "$size" <&4 > fromfifo' bash "$size" $cmd "$V")
	is "$out:$(state "$W/fromfifo" "$size" "$ref")" "status=0:whole" "$L dump to a FIFO with a reader: the image through it"
	[ -p "$W/ff" ]
	ok $? "$L dump to a FIFO: it stays a FIFO"
	rm -f "$W/ff" "$W/fromfifo"

	run_on "$r" "$a" "$V" dump /dev/null 2> "$W/err"
	is "$?:$(stat -c %F /dev/null)" "0:character special file" "$L dump to /dev/null: written through, still a device"
	is "$(leftovers "$W")" "" "$L written through: nothing left"
}

# Deliverable 2 and row 4: each way of writing, and repeated pids.
check_ways() {       # RUNNER ARCH SIZE REF
	local r=$1 a=$2 size=$3 ref=$4 L="$1 $2" W=$T/$1-$2/ways V=$BUILD/$2/vdso status cmd deny way what
	cmd=$(runner_cmd "$r" "$a")
	mkdir -p "$W"
	for deny in none tmpfile flink "tmpfile flink"; do
		for old in new existing; do
			rm -f "$W/x.so"
			[ $old = existing ] && echo old > "$W/x.so" && chmod 600 "$W/x.so"
			(cd "$W" && "$T/deny" $deny -- $cmd "$V" dump x.so) 2> "$W/err"; status=$?
			is "$status:$(state "$W/x.so" "$size" "$ref"):$(leftovers "$W" x.so)" "0:whole:" \
				"$L dump ($old target; denied: $deny): exit 0, whole, nothing else left"
			[ $old = existing ] && is "$(stat -c %a "$W/x.so")" 600 "$L dump over a 0600 file (denied: $deny): still 0600"
		done
	done
	if [ "$r" = native ]; then
		# Which way served, by strace: the file by its descriptor, through
		# /proc, or a named temporary.
		for deny in none flink tmpfile; do
			rm -f "$W/x.so"
			(cd "$W" && "$T/deny" $deny -- strace -f -qq -o "$W/trace" -e trace=openat,linkat,renameat "$V" dump x.so) 2> /dev/null
			case $deny in
			none) what="the unnamed file linked by its descriptor (AT_EMPTY_PATH)"
				way='linkat\([0-9]+, "", [0-9]+, "x\.so", AT_EMPTY_PATH\) = 0' ;;
			flink) what="the unnamed file linked through /proc/self/fd/N"
				way='linkat\(AT_FDCWD, "/proc/self/fd/[0-9]+", [0-9]+, "x\.so", AT_SYMLINK_FOLLOW\) = 0' ;;
			tmpfile) what="a named temporary, renamed"
				way='renameat\([0-9]+, "\.vdso-[0-9a-v]{12}", [0-9]+, "x\.so"\) = 0' ;;
			esac
			grep -qE "^[0-9]+ +$way\$" "$W/trace"
			ok $? "$L denied: $deny: strace shows $what" || grep -E 'TMPFILE|link|rename' "$W/trace" | sed 's/^/# /'
		done
	fi
	rm -f "$W/x.so" "$W/trace"

	# No /proc (an empty tmpfs over it) and no linkat by descriptor: the
	# unnamed file cannot be named, and a named temporary serves.
	if [ "$r" = native ] && [ "$(id -u)" = 0 ] && unshare -m true 2> /dev/null; then
		for old in new existing; do
			rm -f "$W/x.so"; [ $old = existing ] && echo old > "$W/x.so"
			out=$(cd "$W" && unshare -m --propagation private bash -c '
				mount -t tmpfs vdso-test /proc || exit 125
				"$@" 2> err; echo "status=$?"' bash "$T/deny" flink -- "$V" dump x.so)
			is "$out:$(state "$W/x.so" "$size" "$ref"):$(leftovers "$W" x.so)" "status=0:whole:" \
				"$L no /proc, no linkat by descriptor ($old target): a named temporary serves, nothing left"
		done
		rm -f "$W/x.so"
	elif [ "$r" = native ]; then
		skip "$L without /proc" "not root, or no private mount namespace (unshare -m)"
	fi

	# 50 dumps at once into one new target: one links it, the others
	# replace it; every one succeeds, and nothing else is left.
	for deny in none tmpfile; do
		rm -f "$W/x.so"
		out=$(cd "$W" && for i in $(seq 50); do
			("$T/deny" $deny -- timeout 60 $cmd "$V" dump x.so 2> /dev/null; echo "$?") &
		done | sort | uniq -c | tr -s ' ' | tr '\n' ' '; wait)
		is "$out:$(state "$W/x.so" "$size" "$ref"):$(leftovers "$W" x.so)" " 50 0 :whole:" \
			"$L 50 dumps at once into one target (denied: $deny): each exits 0, the target whole, nothing left"
	done
	rm -f "$W/x.so"

	# A real file system without O_TMPFILE: ext2 served by fuse2fs (its
	# FUSE file system has no tmpfile operation: EOPNOTSUPP), mounted in a
	# private mount namespace, so that nothing stays mounted.
	if ! command -v fuse2fs > /dev/null || ! command -v mkfs.ext2 > /dev/null; then
		skip "$L dump on a file system without O_TMPFILE" "fuse2fs or mkfs.ext2 not installed (Debian: fuse2fs, e2fsprogs)"
	elif [ "$(id -u)" != 0 ] || [ ! -c /dev/fuse ] || ! unshare -m true 2> /dev/null; then
		skip "$L dump on a file system without O_TMPFILE" "not root, no /dev/fuse, or no private mount namespace"
	else
		local F=$W/fuse
		rm -rf "$F"; mkdir -p "$F/mnt" "$F/out"
		truncate -s 4M "$F/ext2.img" && mkfs.ext2 -q -F "$F/ext2.img" > /dev/null 2>&1
		out=$(unshare -m --propagation private bash -c '
			F=$1 native=$2; shift 2; M=$F/mnt
			fuse2fs -o fakeroot "$F/ext2.img" "$M" > /dev/null 2>&1 || exit 125
			trace=; [ "$native" = native ] && trace="strace -f -qq -o $F/trace -e trace=openat"
			timeout 20 $trace "$@" dump "$M/x.so" 2> "$F/err"; echo "new=$?"
			echo old > "$M/y.so"; chmod 600 "$M/y.so"
			timeout 20 "$@" dump "$M/y.so" 2>> "$F/err"; echo "existing=$?"
			ls -A "$M" | grep -vx lost+found | tr "\n" " " > "$F/ls"
			cp -p "$M/x.so" "$M/y.so" "$F/out/"
			umount "$M"' bash "$F" "$r" $cmd "$V" | tr '\n' ' ')
		is "$out:$(cat "$F/ls" 2> /dev/null)" "new=0 existing=0 :x.so y.so " \
			"$L dump on ext2 by fuse2fs, new and over a file: exit 0, nothing else left"
		is "$(state "$F/out/x.so" "$size" "$ref"):$(state "$F/out/y.so" "$size" "$ref"):$(stat -c %a "$F/out/y.so" 2>&1)" \
			"whole:whole:600" "$L dump on ext2 by fuse2fs: whole files, the old mode kept"
		if [ "$r" = native ]; then
			grep -qE 'O_TMPFILE, 0644\) = -1 EOPNOTSUPP' "$F/trace" 2> /dev/null &&
				grep -qE 'openat\([0-9]+, "\.vdso-[0-9a-v]{12}", O_WRONLY\|O_CREAT\|O_EXCL' "$F/trace"
			ok $? "$L dump on ext2 by fuse2fs: O_TMPFILE refused there (EOPNOTSUPP), the named way served"
		fi
		rm -rf "$F"
	fi

	# Row 4: stale temporaries of the old form for the pids a new pid
	# namespace hands out; a dump there works, and leaves them be.
	if unshare -fp true 2> /dev/null; then
		for deny in none tmpfile; do
			rm -f "$W"/.x.so.*.tmp "$W/x.so"; touch "$W"/.x.so.{1,2,3}.tmp
			(cd "$W" && unshare -fp "$T/deny" $deny -- $cmd "$V" dump x.so) 2> "$W/err"; status=$?
			is "$status:$(state "$W/x.so" "$size" "$ref"):$(leftovers "$W" x.so .x.so.1.tmp .x.so.2.tmp .x.so.3.tmp)" "0:whole:" \
				"$L dump as pid 1 or 2 of a new pid namespace beside stale .x.so.PID.tmp files (denied: $deny)"
			[ $status = 0 ] || sed 's/^/# /' "$W/err"
		done
		rm -f "$W"/.x.so.*.tmp "$W/x.so"
	else
		skip "$L dump in a new pid namespace" "unshare -fp fails here"
	fi
}

# Row 5: signals.  Natively at the worst moments, by strace's injection;
# on every runner at random moments.
check_signals() {    # RUNNER ARCH SIZE REF
	local r=$1 a=$2 size=$3 ref=$4 L="$1 $2" W=$T/$1-$2/signals V=$BUILD/$2/vdso status cmd
	local deny old call sig want out
	cmd=$(runner_cmd "$r" "$a")
	mkdir -p "$W/d"
	if [ "$r" = native ] && command -v strace > /dev/null; then
		# deny, target, the call, the signal -> status, the target, other files.
		# fsync: the file is written, not yet named (the old way's temporary
		# existed here).  renameat: between the link to a temporary name and
		# the rename (the one window, SIGKILL only).  Held signals come after
		# the file is whole: the status says which killed it.
		while read -r deny old call sig want; do
			rm -rf "$W/d"; mkdir "$W/d"
			[ "$old" = existing ] && echo old > "$W/d/x.so"
			# (env --default-signal: a shell run in the background starts its
			# commands with SIGINT and SIGQUIT ignored, and so would vdso.)
			# The status comes out of a command substitution whose stderr
			# is gone: the shell there, not this one, says "Killed".
			status=$(exec 2> /dev/null
				(cd "$W/d" && env --default-signal "$T/deny" $deny -- strace -qq -o /dev/null -e trace=$call \
					-e inject=$call:signal=$sig:when=1 "$V" dump x.so) > /dev/null
				echo $?)
			out="$status:$(state "$W/d/x.so" "$size" "$ref"):$(temporaries "$W/d"):$(leftovers "$W/d" x.so | sed 's/\.vdso-[0-9a-v]\{12\} //')"
			if [ "$want" = window ]; then
				# The documented window: the old target, and at most a
				# whole copy under a temporary name.
				local t; t=$(ls -A "$W/d" | grep -E '^\.vdso-' | head -1)
				is "${out%%:*}:$(state "$W/d/x.so" "$size" "$ref"):$([ -z "$t" ] && echo none || state "$W/d/$t" "$size" "$ref")" \
					"137:old:whole" "$L SIG$sig between link and rename over an existing file: the old file, a whole copy beside it (the documented window)"
			else
				is "$out" "$want" "$L SIG$sig at $call (denied: $deny, $old target): $want"
			fi
		done <<- EOF
		none new fsync KILL 137:none:0:
		none new fsync USR1 138:none:0:
		none new fsync ALRM 142:none:0:
		none existing fsync KILL 137:old:0:
		none existing fsync PROF 155:old:0:
		none existing renameat USR2 140:whole:0:
		none existing renameat KILL window
		tmpfile new fsync USR1 138:whole:0:
		tmpfile existing fsync ALRM 142:whole:0:
		tmpfile existing renameat INT 130:whole:0:
		EOF
	elif [ "$r" = native ]; then
		skip "$L signals at the worst moments" "no strace"
	fi

	# At random: 100 runs to a new target, 100 over an old one.
	for old in new old; do
		out=$(perl "$T/killloop.pl" 100 "$W/d" x.so $old "$size" "$ref" $cmd "$V" dump x.so)
		sed -n 's/^# /# /p' <<< "$out" | head -5
		out=$(tail -n 1 <<< "$out")
		diag "$L random signals, $old target: $out"
		if [ $old = new ]; then
			is "$(sed 's/.*\(runs=[0-9]*\).*\(hung=.*\)/\1 \2/' <<< "$out")" "runs=100 hung=0 window=0 leftovers=0 bad=0" \
				"$L 100 random signals (KILL, USR1, USR2, ALRM, PROF, ...) to dumps to a new file: nothing left, never a part"
		else
			is "$(sed 's/.*\(runs=[0-9]*\).*\(hung=[0-9]*\).*\(leftovers=.*\)/\1 \2 \3/' <<< "$out")" "runs=100 hung=0 leftovers=0 bad=0" \
				"$L 100 random signals to dumps over a file: the old file or the whole image, never a part, nothing else left"
		fi
	done
	rm -rf "$W/d"
}

# Row 14: as an unprivileged user, over files of that user's and another's.
check_owner() {      # RUNNER ARCH SIZE REF
	local r=$1 a=$2 size=$3 ref=$4 L="$1 $2" W=$T/$1-$2/owner V=$BUILD/$2/vdso cmd f out deny
	local as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	cmd=$(runner_cmd "$r" "$a")
	if [ "$(id -u)" != 0 ]; then
		skip "$L dump as an unprivileged user" "not root: cannot become nobody"; return
	elif ! $as $cmd "$V" --version > /dev/null 2>&1; then
		skip "$L dump as an unprivileged user" "setpriv --reuid=nobody cannot run $V"; return
	fi
	for deny in none tmpfile; do
		rm -rf "$W"; mkdir -p "$W"; chown nobody:nogroup "$W"
		for f in 444 600 640; do echo old > "$W/m$f.so"; chmod $f "$W/m$f.so"; done
		chown nobody:nogroup "$W/m444.so" "$W/m600.so"
		chown root:nogroup "$W/m640.so"
		out=$(cd "$W" && umask 022 && for f in m444.so m600.so m640.so new.so; do
			$as "$T/deny" $deny -- $cmd "$V" dump "$f" 2> /dev/null
			echo "$f:$?:$(stat -c %a:%U:%G "$f")"; done | tr '\n' ' ')
		is "$out" "m444.so:0:444:nobody:nogroup m600.so:0:600:nobody:nogroup m640.so:0:640:nobody:nogroup new.so:0:644:nobody:nogroup " \
			"$L as nobody (denied: $deny): each file keeps its mode and group; the owner, where a user may"
		for f in m444.so m600.so m640.so new.so; do
			whole "$W/$f" "$size" "$ref" || fail "$L as nobody: $f whole"
		done
		is "$(leftovers "$W" m444.so m600.so m640.so new.so)" "" "$L as nobody (denied: $deny): nothing left"
	done
	rm -rf "$W"
}

for r in $(all_runners); do
	for a in $(arches); do
		L="$r $a"
		if ! why=$(runner_available "$r" "$a"); then
			skip "$L dump tests" "$why"; continue
		fi
		mkdir -p "$T/$r-$a"
		if [ "$r" = qemu7 ]; then
			check_no_vdso "$r" "$a"
		else
			check_dump "$r" "$a"
			check_failures "$r" "$a"
			so=$(ls "$T/$r-$a/"linux-*.so.1 2> /dev/null | head -1)
			if [ -f "$so" ]; then
				size=$(stat -c %s "$so") ref=
				[ "$r" = native ] && ref=$so   # QEMU relocates its image anew each run
				check_names "$r" "$a" "$size" "$ref"
				check_through "$r" "$a" "$size" "$ref"
				check_ways "$r" "$a" "$size" "$ref"
				check_signals "$r" "$a" "$size" "$ref"
				check_owner "$r" "$a" "$size" "$ref"
			else
				fail "$L: the dump check_dump made, for the tests of issue 15"
			fi
		fi
	done
done

# The /init boot (tests/boot/boot.sh): no /proc there, so O_TMPFILE and
# linkat by descriptor (process 1 is root), or a named temporary.
why=
if ! command -v qemu-system-x86_64 > /dev/null; then
	why="qemu-system-x86_64 not installed"
elif ! command -v python3 > /dev/null; then
	why="python3 not found (tests/boot/mkinitramfs.py)"
elif ! "$TOP/tests/setup/kernel.sh" "$BUILD" 2> "$T/kernel.log"; then
	why="no kernel: $(tail -n 1 "$T/kernel.log" | sed 's/^kernel: //')"
fi
for a in $(arches); do
	if [ -n "$why" ]; then
		skip "$a dump in the /init boot" "$why"; continue
	fi
	B=$T/boot-$a
	"$TOP/tests/boot/boot.sh" -o "$B" -t 60 "$a" dump /x.so > /dev/null 2> "$B.err"
	is "$?:$(sed -n 's/^=== vdso-boot: end dump \/x.so status=\([0-9]*\) ===$/\1/p' "$B/console.log")" "0:0" \
		"$a dump /x.so as /init, without /proc: exit 0"
	grep -qE '^dump: /x\.so: [0-9]+ bytes from 0x[0-9a-f]+ \(AT_SYSINFO_EHDR' "$B/console.log"
	ok $? "$a dump /x.so as /init: says what it wrote" || tail -n 5 "$B/console.log" | sed 's/^/# /'
done

done_testing
