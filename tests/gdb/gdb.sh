#!/bin/bash
# tests/gdb/gdb.sh - run a program under gdb with tests/gdb/walk.gdb.
#
#   make gdb [ARCH=x86_64|i386] [PROG=stack] [ASLR=on]
#   tests/gdb/gdb.sh [-b] ARCH PROG [ARG...]
#
# Natively where the arch runs here, else under `qemu-ARCH -g PORT` (the
# system's qemu-user), with gdb attached to QEMU's stub.  -b: batch mode,
# for the tests: the walk, then the program runs to its end.  Without it,
# gdb stays at its prompt at main.  ASLR=on in the environment keeps
# address randomisation on (gdb turns it off for what it starts; under
# QEMU the emulator decides).  GDB_RUNNER=qemu takes QEMU even where the
# arch runs natively (the tests try both ways).

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
source "$TOP/tests/runners.sh"

batch=
[ "${1:-}" = -b ] && { batch=1; shift; }
[ $# -ge 2 ] || { echo "usage: gdb.sh [-b] x86_64|i386 PROG [ARG...]" >&2; exit 2; }
arch=$1 prog=$2
shift 2
case $prog in */*) ;; *) prog=$BUILD/$arch/$prog ;; esac
[ -x "$prog" ] || { echo "gdb: $prog not built (make ARCH=$arch)" >&2; exit 1; }
command -v gdb > /dev/null || { echo "gdb: gdb not installed (Debian: gdb)" >&2; exit 1; }

flags=(-q -nx)
[ -n "$batch" ] && flags+=(-batch)
[ "${ASLR:-}" = on ] && flags+=(-ex 'set disable-randomization off')
end=()
[ -n "$batch" ] && end=(-ex continue)

if [ "${GDB_RUNNER:-}" != qemu ] && runner_available native "$arch" > /dev/null; then
	exec gdb "${flags[@]}" -ex 'set $remote = 0' -x "$TOP/tests/gdb/walk.gdb" "${end[@]}" \
		--args "$prog" "$@"
fi
qemu=$(runner_cmd qemu7 "$arch") || { echo "gdb: $arch does not run here, and $qemu" >&2; exit 1; }
port=$((20000 + RANDOM % 20000))
echo "gdb: $arch does not run natively here: $qemu -g $port" >&2
# (unquoted: the command may carry QEMU's -L for a cross arch's libraries)
$qemu -g "$port" "$prog" "$@" &
qpid=$!
trap 'kill "$qpid" 2> /dev/null' EXIT
# Debian's gdb knows the machine's own arches; gdb-multiarch all of them.
gdb=gdb
case $arch in x86_64 | i386) ;; *) command -v gdb-multiarch > /dev/null && gdb=gdb-multiarch ;; esac
$gdb "${flags[@]}" -ex 'set $remote = 1' -ex "file $prog" -ex "target remote :$port" \
	-x "$TOP/tests/gdb/walk.gdb" "${end[@]}"
status=$?
wait "$qpid" 2> /dev/null
exit $status
