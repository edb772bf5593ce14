#!/bin/bash
# tests/92-install.t - `make install` into a scratch DESTDIR, the programs
# run from there, the manual page checked by the formatters, the commands
# of the program and of the page matched both ways, then `make uninstall`.
#
#   files     install puts exactly: bin/vdso (this machine's arch), bin/vdso32
#             (on x86_64), libexec/vdso/<arch>/<lesson> for each demo/*.c,
#             share/man/man1/vdso.1; each a copy of what the build made
#   runs      the installed tool and a lesson run, each arch on the first
#             runner that has it; --version names the arch
#   page      man -l, groff -man -ww -z and (if installed) mandoc -T lint
#             render it without a warning; it has the sections a page needs
#   commands  every command `vdso help` lists has a part in the page's
#             COMMANDS, and every part there is a command the program runs
#             (`vdso CMD --help`, status 0); `vdso help CMD` is that part:
#             its words are the page's, as groff renders them
#   try       the tour's try: lines name the tool `vdso` only when PATH
#             finds this very program, and else by the path it was run as;
#             the lessons they name are the installed ones
#   uninstall no file left in DESTDIR, and no libexec/vdso/
#
# The command list comes from the program (`vdso help`), so that a command
# added to the program and not to the page fails here.

source "$(dirname "$0")/tap.sh"
source "$TOP/tests/runners.sh"

T=$BUILD/test/install
D=$T/root
PREFIX=/usr/local
P=$D$PREFIX
rm -rf "$T"; mkdir -p "$T"
export LC_ALL=C.UTF-8

make -C "$TOP" --no-print-directory install DESTDIR="$D" PREFIX="$PREFIX" > "$T/install.log" 2>&1
ok $? "make install DESTDIR=... PREFIX=$PREFIX" || sed 's/^/# /' "$T/install.log" | tail -20

# ---- files: what install put there, against the list made here ----
case $(uname -m) in
x86_64) tool_arch=x86_64; inst_arches="x86_64 i386" ;;
i?86)   tool_arch=i386;   inst_arches=i386 ;;
*)      tool_arch=$(uname -m); inst_arches= ;;
esac
{
	echo "bin/vdso"
	[ "$tool_arch" = x86_64 ] && echo "bin/vdso32"
	for a in $inst_arches; do
		for c in "$TOP"/demo/*.c; do
			n=${c##*/}; echo "libexec/vdso/$a/${n%.c}"
		done
	done
	echo "share/man/man1/vdso.1"
} | sort > "$T/want-files"
(cd "$P" && find . -type f -o -type l) | sed 's|^\./||' | sort > "$T/got-files"
diff_ok "$T/got-files" "$T/want-files" "install: the files, and no other ($(wc -l < "$T/want-files"))"

same=0
while read -r f; do
	case $f in
	bin/vdso)   src=$BUILD/$tool_arch/vdso ;;
	bin/vdso32) src=$BUILD/i386/vdso ;;
	libexec/vdso/*) a=${f#libexec/vdso/}; src=$BUILD/${a%%/*}/${f##*/} ;;
	share/man/man1/vdso.1) src=$TOP/vdso.1 ;;
	esac
	if cmp -s "$src" "$P/$f"; then same=$((same + 1)); else diag "$f differs from $src"; fi
done < "$T/want-files"
is "$same" "$(wc -l < "$T/want-files")" "install: each file a copy of the build's"
is "$(stat -c %a "$P/bin/vdso"):$(stat -c %a "$P/share/man/man1/vdso.1")" "755:644" \
	"install: the tool executable, the page not"

# ---- runs: the installed programs, each arch on the first runner that has it ----
for a in $inst_arches; do
	tool=$P/bin/vdso; [ "$a" != "$tool_arch" ] && tool=$P/bin/vdso32
	runner=
	for r in native qemu7; do
		runner_available "$r" "$a" > /dev/null && { runner=$r; break; }
	done
	if [ -z "$runner" ]; then
		skip "installed ${tool##*/} ($a) runs" "no runner for $a here"
		skip "installed $a hello runs" "no runner for $a here"
		continue
	fi
	out=$(run_on "$runner" "$a" "$tool" --version 2>&1)
	is "$?:$out" "0:vdso $(sed -n 's/^#define VERSION "\(.*\)"$/\1/p' "$TOP/demo/vdso/commands.c") ($a)" \
		"installed ${tool##*/} --version ($a, $runner)"
	run_on "$runner" "$a" "$tool" auxv > "$T/auxv-$a" 2>&1
	grep -q '^AT_PAGESZ' "$T/auxv-$a"; ok $? "installed ${tool##*/} auxv ($a, $runner) runs"
	out=$(run_on "$runner" "$a" "$P/libexec/vdso/$a/hello" 2>&1)
	ok $? "installed $a hello ($runner) runs: $out"
done

# ---- page: the formatters say nothing ----
PAGE=$P/share/man/man1/vdso.1
MANPAGER=cat MANWIDTH=80 man -l "$PAGE" > "$T/man.txt" 2> "$T/man.err"
is "$?:$(cat "$T/man.err")" "0:" "man -l renders the installed page, no warning"
groff -man -ww -z "$PAGE" > "$T/groff.err" 2>&1
is "$?:$(cat "$T/groff.err")" "0:" "groff -man -ww -z: no warning"
if command -v mandoc > /dev/null; then
	mandoc -T lint "$PAGE" > "$T/mandoc.err" 2>&1
	is "$?:$(cat "$T/mandoc.err")" "0:" "mandoc -T lint: no message"
else
	skip "mandoc -T lint" "mandoc not installed (Debian: mandoc)"
fi
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES \
	 DIAGNOSTICS EXAMPLES "SEE ALSO"; do
	grep -qx "$s" "$T/man.txt"; ok $? "page: section $s"
done
see=$(sed -n '/^SEE ALSO$/,/^[A-Z]/p' "$T/man.txt" | tr -s ' \n' ' ')
for ref in 'vdso(7)' 'getauxval(3)' 'readelf(1)' 'strace(1)'; do
	case $see in *"$ref"*) pass "page: SEE ALSO $ref" ;; *) fail "page: SEE ALSO $ref" ;; esac
done
grep -q 'VDSO=off' <(sed -n '/^ENVIRONMENT$/,/^[A-Z]/p' "$T/man.txt")
ok $? "page: ENVIRONMENT has VDSO=off"
grep -q 'vdso: WHAT: SUBJECT: REASON (DETAIL)' "$T/man.txt"
ok $? "page: the error form"
for st in 0 1 2; do
	grep -q "^       $st  " <(sed -n '/^EXIT STATUS$/,/^[A-Z]/p' "$T/man.txt")
	ok $? "page: exit status $st"
done

# ---- commands: the program's and the page's, both ways ----
V=$BUILD/$tool_arch/vdso
"$V" help > "$T/help.txt"
ok $? "vdso help"
# Its list: "  NAME ..." lines; (none) and the options left out.
sed -n 's/^  \([a-z][a-z0-9_-]*\).*/\1/p' "$T/help.txt" > "$T/program-commands"
# The page's: each .SS of its COMMANDS section.
sed -n '/^\.SH COMMANDS/,/^\.SH/s/^\.SS *"\{0,1\}\([^" ]*\).*/\1/p' "$TOP/vdso.1" > "$T/page-commands"
diag "commands: $(tr '\n' ' ' < "$T/program-commands")"
[ "$(wc -l < "$T/program-commands")" -ge 10 ]
ok $? "vdso help lists the commands ($(wc -l < "$T/program-commands"))"
# The page rendered without hyphenation or adjustment, one long line a
# paragraph, letters and digits only: the words to look for help's in.
groff -man -Tutf8 -P-cbou -rHY=0 -rLL=1000n "$TOP/vdso.1" 2> /dev/null > "$T/wide.txt"
while read -r c; do
	grep -qx "$c" "$T/page-commands"
	ok $? "$c: the page's COMMANDS has it"
	grep -qx "   $c" "$T/man.txt"
	ok $? "$c: man shows its heading"
	"$V" "$c" --help > "$T/help-$c" 2> "$T/help-$c.err"
	is "$?:$(head -1 "$T/help-$c" | cut -c1-$((12 + ${#c})))" "0:usage: vdso $c" "vdso $c --help: its usage"
	"$V" help "$c" > "$T/helpcmd-$c" 2>&1
	cmp -s "$T/help-$c" "$T/helpcmd-$c"; ok $? "vdso help $c: the same text"
	# help's words, past "usage: " and without call's list of this arch's
	# names, in order within the page's part for c
	words=$(sed -e 's/^usage: //' -e '/^NAME, here:/,$d' "$T/help-$c" | tr -cd '[:alnum:]')
	part=$(awk -v c="$c" '$0 == "   " c { on = 1; next } on && /^   [^ ]/ { exit } /^[^ ]/ { if (on) exit } on' \
		"$T/wide.txt" | tr -cd '[:alnum:]')
	case $part in
	*"$words"*) pass "vdso help $c: the page's words for it, all, in order" ;;
	*) fail "vdso help $c: the page's words for it, all, in order"
	   diag "help: ${words:0:200}" "page: ${part:0:200}" ;;
	esac
done < "$T/program-commands"
while read -r c; do
	grep -qx "$c" "$T/program-commands"
	ok $? "page's $c: vdso help lists it"
	"$V" "$c" --help > /dev/null 2>&1
	ok $? "page's $c: vdso $c --help answers 0"
done < "$T/page-commands"
"$V" no-such-command --help > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" "2:vdso: no-such-command: unknown command (try 'vdso help')" \
	"an unknown command's --help is a usage error"

# ---- try: the tool's name, and the lessons' folder ----
# tries TOOL [PATH]: the try: lines of the whole tour, run natively.
tries() { PATH=${2:-/usr/bin:/bin} "$1" tour 2> /dev/null | sed -n 's/^try: //p'; }
if why=$(runner_available native "$tool_arch"); then
	tries "$P/bin/vdso" "$P/bin:$PATH" > "$T/try-path"
	grep -q '^vdso dump v.so && ' "$T/try-path"
	ok $? "try: installed and found by PATH: 'vdso dump v.so'"
	n=$(grep -o "$P/[^ ;]*" "$T/try-path" | sort -u | tee "$T/try-files" | wc -l)
	bad=$(while read -r f; do [ -x "$f" ] || echo "$f"; done < "$T/try-files")
	is "$n:$bad" "$(ls "$P/libexec/vdso/$tool_arch" | grep -cxFf - <(sed 's|.*/||' "$T/try-files")):" \
		"try: the lessons named are the installed ones, each there"
	! grep -q "build/$tool_arch/" "$T/try-path"
	ok $? "try: no build tree named"
	tries "$P/bin/vdso" > "$T/try-nopath"
	grep -q "^$P/bin/vdso dump v.so && " "$T/try-nopath"
	ok $? "try: installed, not on PATH: the path it was run as"
	mkdir -p "$T/other"; printf '#!/bin/sh\n' > "$T/other/vdso"; chmod +x "$T/other/vdso"
	tries "$P/bin/vdso" "$T/other:$P/bin:$PATH" > "$T/try-other"
	grep -q "^$P/bin/vdso dump v.so && " "$T/try-other"
	ok $? "try: another vdso first on PATH: the path it was run as"
	tries "$BUILD/$tool_arch/vdso" > "$T/try-build"
	grep -q "^$BUILD/$tool_arch/vdso dump v.so && " "$T/try-build" &&
		grep -q "^$BUILD/$tool_arch/stack; " "$T/try-build"
	ok $? "try: in the build tree: its paths, the lessons beside it"
	(cd "$BUILD/$tool_arch" && tries ./vdso) > "$T/try-dot"
	grep -q '^\./vdso dump v.so && ' "$T/try-dot" && grep -q '^\./stack; ' "$T/try-dot"
	ok $? "try: run as ./vdso: ./vdso and ./stack"
else
	for c in "found by PATH" "the lessons" "no build tree" "not on PATH" "another vdso" \
		 "the build tree" "./vdso"; do
		skip "try: $c" "$why"
	done
fi

# ---- uninstall ----
make -C "$TOP" --no-print-directory uninstall DESTDIR="$D" PREFIX="$PREFIX" > "$T/uninstall.log" 2>&1
ok $? "make uninstall" || sed 's/^/# /' "$T/uninstall.log" | tail -20
left=$(cd "$D" && find . ! -type d)
is "$left" "" "uninstall: no file left in DESTDIR"
[ ! -e "$P/libexec/vdso" ]; ok $? "uninstall: no libexec/vdso/ left"
done_testing
