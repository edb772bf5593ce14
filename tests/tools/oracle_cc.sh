# tests/tools/oracle_cc.sh - oracle_cc ARCH OUT SRC [FLAGS...]: build the
# oracle SRC (a libc program of tests/oracle/) for ARCH into OUT, with
# arch_libc_cc (tests/runners.sh) and FLAGS, as `CC FLAGS -o OUT SRC`.
# (sourced, not run)
#
# A static glibc program takes a second or more to link, and several test
# files build the same oracles: each build is kept in $BUILD/test/oracles/
# under a name made of the arch, the source's name and a checksum of the
# command, the compiler's file and date, and the source's bytes; a build
# found there is linked to OUT, not made again.  A lock per build keeps two
# tests that run at once from making the same one twice; a build is moved
# into place whole.  Returns the compiler's status; its messages go to
# stderr.

oracle_cc() {
	local arch=$1 out=$2 src=$3 cc key dir cached st
	shift 3
	cc=$(arch_libc_cc "$arch")
	dir=$BUILD/test/oracles
	mkdir -p "$dir" || return
	# (the compiler's file and date: a new toolchain makes a new build)
	key=$({ printf '%s\n' "$cc $*"; stat -L -c '%n %Y %s' "$(command -v "${cc%% *}")"; cat "$src"; } | cksum)
	cached=$dir/${src##*/}-$arch-${key%% *}
	if [ ! -x "$cached" ]; then
		(
			flock 9
			[ -x "$cached" ] && exit 0
			$cc "$@" -o "$cached.tmp" "$src" && mv -f "$cached.tmp" "$cached"
		) 9> "$cached.lock"
		st=$?
		[ "$st" = 0 ] || { rm -f "$cached.tmp"; return "$st"; }
	fi
	ln -f "$cached" "$out" 2> /dev/null || cp -f "$cached" "$out"
}
