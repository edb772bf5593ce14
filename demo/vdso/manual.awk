# demo/vdso/manual.awk - the COMMANDS section of vdso.1 as C strings, so
# that `vdso help CMD` prints the very text the manual has for CMD.
#
#   awk -f demo/vdso/manual.awk vdso.1 > build/<arch>/gen/manual.h
#
# It knows the few macros vdso.1's COMMANDS section keeps to (the page's
# opening comment lists them) and fails on any other, so that the page
# cannot grow a construct this renders wrong.  For each .SS it writes
#   { "name", "first usage line without 'vdso '", "the first paragraph",
#     "the whole text: usage lines, paragraphs, options" },
# the text filled to WIDTH columns, an option's text beside its tag.

BEGIN { WIDTH = 79; TAGCOL = 12; n = 0; in_commands = 0 }

# The text of roff input: font changes dropped, special characters made plain.
function plain(s) {
	gsub(/\\f[BIRP]/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\\\(em/, "--", s)
	gsub(/\\\(aq/, "'", s)
	gsub(/\\&/, "", s)
	gsub(/\\ /, "\002", s)        # a space the filling must not break at
	gsub(/\\e/, "\001", s)
	if (s ~ /\\/) {
		printf "vdso.1:%d: an escape manual.awk does not know: %s\n", NR, s > "/dev/stderr"
		failed = 1
	}
	gsub(/\001/, "\\", s)
	return s
}

# The arguments of a macro line, quotes honoured, as words[1..n].
function split_args(line, words,    n, w, c, i, quoted) {
	n = 0; w = ""; quoted = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (c == "\\") { w = w substr(line, i, 2); i++; continue }
		if (c == "\"") { quoted = !quoted; continue }
		if (c == " " && !quoted) {
			if (w != "") words[++n] = w
			w = ""
			continue
		}
		w = w c
	}
	if (w != "") words[++n] = w
	return n
}

# .B and .I join their words with spaces; .BR, .IR, .RB... with none.
function macro_text(line,    m, rest, words, k, i, s) {
	m = line; sub(/ .*/, "", m)
	rest = line; if (!sub(/^[^ ]* /, "", rest)) rest = ""
	k = split_args(rest, words)
	s = ""
	for (i = 1; i <= k; i++)
		s = s ((m == ".B" || m == ".I") && i > 1 ? " " : "") words[i]
	return plain(s)
}

# The paragraph collected so far, filled to WIDTH: an option's text at
# TAGCOL, beside its tag when the tag is short, else below it.
function flush(    out, line, w, k, i, words, col) {
	if (para == "" && tag == "") return
	k = split(para, words, " ")
	out = ""
	if (tag != "") {
		line = "  " tag
		if (length(line) < TAGCOL - 1)
			line = sprintf("%-" TAGCOL "s", line)
		else {
			out = line "\n"
			line = sprintf("%" TAGCOL "s", "")
		}
		col = TAGCOL
	} else {
		line = ""
		col = 0
	}
	for (i = 1; i <= k; i++) {
		w = words[i]
		if (length(line) > col && length(line) + 1 + length(w) > WIDTH) {
			out = out line "\n"
			line = sprintf("%" col "s", "")
		}
		line = line (length(line) > col ? " " : "") w
	}
	out = out line "\n"
	gsub(/\002/, " ", out)
	gsub(/\002/, " ", para)
	if (tag == "" && summary == "") {
		summary = para
		sub(/\.$/, "", summary)
		summary = tolower(substr(summary, 1, 1)) substr(summary, 2)
	}
	# a blank line before a paragraph and before the first option
	text = text (text != "" && !(tag != "" && last_was_tag) ? "\n" : "") out
	last_was_tag = tag != ""
	para = ""; tag = ""
}

function c_string(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	gsub(/\n/, "\\n\"\n\t  \"", s)
	s = "\"" s "\""
	sub(/\n\t  ""$/, "", s)       # no empty string after the last line
	return s
}

function end_command() {
	if (name == "") return
	flush()
	printf "\t{ %s, %s, %s,\n\t  %s },\n", c_string(name), c_string(first_usage),
		c_string(summary), c_string(usage text)
	name = ""
}

/^\.\\"/ { next }
/^\.SH/ {
	if (in_commands) { end_command(); in_commands = 0 }
	if ($2 == "COMMANDS") {
		in_commands = 1
		print "/* Generated from vdso.1 by demo/vdso/manual.awk: edit the page, not this. */"
		print "static const struct manual_entry manual[] = {"
	}
	next
}
!in_commands { next }
/^\.SS/ {
	end_command()
	name = $2; first_usage = ""; usage = ""; summary = ""; text = ""
	para = ""; tag = ""; want_tag = 0; last_was_tag = 0
	next
}
/^\.nf/ { in_usage = 1; next }
/^\.fi/ { in_usage = 0; usage = usage "\n"; next }
in_usage {
	u = plain($0)
	if (first_usage == "") { first_usage = u; sub(/^vdso /, "", first_usage) }
	usage = usage (usage == "" ? "usage: " : "       ") u "\n"
	next
}
/^\.PP/ { flush(); next }
/^\.TP/ { flush(); want_tag = 1; next }
/^\.(B|I|BR|IR|RB|RI|BI|IB)( |$)/ {
	s = macro_text($0)
	if (want_tag) { tag = s; want_tag = 0 }
	else para = para (para != "" ? " " : "") s
	next
}
/^\./ {
	printf "vdso.1:%d: a macro manual.awk does not know in COMMANDS: %s\n", NR, $0 > "/dev/stderr"
	failed = 1
	next
}
{
	s = plain($0)
	if (want_tag) { tag = s; want_tag = 0 }
	else para = para (para != "" ? " " : "") s
}
END {
	if (in_commands) end_command()
	print "};"
	exit failed
}
