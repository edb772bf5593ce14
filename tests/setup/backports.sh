# shellcheck shell=bash
# tests/setup/backports.sh - a private apt for Debian's backports suite
# (sourced, not run; after tests/setup/cache.sh, whose die it uses).
#
#   backports_apt DIR [SUITE]   # default bookworm-backports; runs apt-get update
#   apt_private download PKG    # then any apt-get command, on that suite only
#   apt_private_cache ...       # the same for apt-cache
#
# How: the machine's own apt configuration names the main Debian archive
# (its URIs and Signed-By keyring); we write a private sources file for the
# backports suite of that archive, point apt's lists, cache, status and
# sources at folders under DIR, and run apt there.  The system's apt state
# is left as it is, and no host name is written anywhere: it is read from
# /etc/apt at run time.  Used by qemu10.sh (QEMU 10) and kernel.sh (6.12).

# The main archive's entries: those whose suites include the release's own
# codename (not -security or -updates only).  Output: "URI KEYRING".
main_archive() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: blank-line separated stanzas of "Field: value".
		awk -v want="$CODENAME" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && enabled != "no")
					for (i = split(uris, u, " "); i > 0; i--) print u[i], (key == "" ? "-" : key)
				types = suites = uris = key = enabled = ""
			}
			/^#/ { next }
			/^[ \t]*$/ { flush(); next }
			{ field = tolower($1); sub(/^[^:]*:[ \t]*/, ""); }
			field == "types:"     { types = $0 }
			field == "suites:"    { suites = $0 }
			field == "uris:"      { uris = $0 }
			field == "signed-by:" { key = $0 }
			field == "enabled:"   { enabled = tolower($0) }
			END { flush() }' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# one-line: deb [opt=val ...] URI SUITE COMPONENTS...
		awk -v want="$CODENAME" '
			$1 != "deb" { next }
			{ key = "-"; i = 2 }
			$2 ~ /^\[/ {
				while (i <= NF) {
					if ($i ~ /signed-by=/) { key = $i; sub(/.*signed-by=/, "", key); sub(/\]$/, "", key) }
					if ($i ~ /\]$/) { i++; break }
					i++
				}
			}
			$(i + 1) == want { print $i, key }' "$f"
	done
}

# The options that make apt-get and apt-cache use only the folders in $A.
apt_private_options() {
	APT_OPTIONS=(-o Dir::Etc::sourcelist="$A/sources.list"
		-o Dir::Etc::sourceparts="$A/sources.d"
		-o Dir::Etc::preferences="$A/prefs"
		-o Dir::Etc::preferencesparts="$A/prefs.d"
		-o Dir::State::Lists="$A/lists"
		-o Dir::State::status="$A/status"
		-o Dir::Cache="$A/cache"
		-o APT::Sandbox::User=root)
	# APT_ARCH=arm64 (or armhf): that arch's packages instead of the
	# machine's, for a kernel of another arch (kernel.sh).
	[ -n "${APT_ARCH:-}" ] && APT_OPTIONS+=(-o APT::Architecture="$APT_ARCH"
		-o APT::Architectures="$APT_ARCH")
}
apt_private() { apt-get -q "${APT_OPTIONS[@]}" "$@"; }
apt_private_cache() { apt-cache "${APT_OPTIONS[@]}" "$@"; }

backports_apt() {
	A=$1
	SUITE=${2:-bookworm-backports}
	command -v apt-get > /dev/null || die "apt-get not found: not a Debian system"
	command -v dpkg-deb > /dev/null || die "dpkg-deb not found: not a Debian system"
	CODENAME=$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-bookworm}")

	local archive uri key
	archive=$(main_archive | head -1)
	[ -n "$archive" ] || die "no $CODENAME entry for the main archive in /etc/apt: cannot derive a $SUITE source"
	uri=${archive% *}
	key=${archive#* }
	say "main archive from /etc/apt: $uri (keyring: $key)"

	mkdir -p "$A/sources.d" "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$A/prefs.d"
	: > "$A/status"
	{
		echo "Types: deb"
		echo "URIs: $uri"
		echo "Suites: $SUITE"
		echo "Components: main"
		[ "$key" != "-" ] && echo "Signed-By: $key"
	} > "$A/sources.d/backports.sources"
	apt_private_options

	say "apt-get update for $SUITE (private lists in $A/lists)"
	apt_private update > "$A/update.log" 2>&1 ||
		die "apt-get update of $SUITE failed: $(grep -E '^(E|W):' "$A/update.log" | head -1)"
}
