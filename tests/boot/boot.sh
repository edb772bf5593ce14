#!/bin/bash
# tests/boot/boot.sh - boot the vdso program as /init under a real kernel.
#
#   make boot [ARCH=x86_64|i386] [CMD="auxv"]
#   tests/boot/boot.sh [-o DIR] [-t SECONDS] ARCH [COMMAND [ARG...]]
#
# What it does:
#   1. tests/setup/kernel.sh fetches a Debian cloud kernel into
#      build/cache/kernel/ (once; nothing is installed);
#   2. tests/boot/mkinitramfs.py packs build/ARCH/vdso as /init, with the
#      device nodes it needs, into DIR/initramfs.cpio (newc format);
#   3. qemu-system-x86_64 boots them in software (no KVM), the first serial
#      port on this terminal, the second into DIR/ttyS1.bin;
#   4. /init (demo/vdso/boot.c) runs the summary, auxv, syms, call and gate, each
#      between "=== vdso-boot: begin NAME ===" and "=== vdso-boot: end NAME
#      status=N ===" lines, writes the live vDSO image raw to /dev/ttyS1,
#      and powers the machine off, which ends QEMU.  With a COMMAND (CMD=
#      for make) it runs only that command: the words go after "--" on the
#      kernel command line, and the kernel hands them to init as arguments.
#
# The i386 program boots on the same 64-bit kernel, through its 32-bit
# compat layer (CONFIG_IA32_EMULATION=y), and gets the kernel's 32-bit vDSO.
#
# DIR (default build/ARCH/boot) receives initramfs.cpio, console.log (the
# console, without the serial line's "\r"), ttyS1.bin (the image; empty with
# a COMMAND) and time (host seconds from QEMU's start to its end).
#
# Exit status: the guest's own, from its last line "=== vdso-boot: power off
# status=N ===" (0 if every step returned 0, else the first failing step's
# status); 124 if the boot did not end within SECONDS (default 60); 125 if
# the boot itself failed: no kernel, no power-off line, or a kernel panic.

set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
QEMU=${QEMU:-qemu-system-x86_64}
DIR=
LIMIT=60

die() { echo "boot: $*" >&2; exit 125; }

while getopts o:t: opt; do
	case $opt in
	o) DIR=$OPTARG ;;
	t) LIMIT=$OPTARG ;;
	*) die "usage: boot.sh [-o DIR] [-t SECONDS] x86_64|i386 [COMMAND [ARG...]]" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || die "usage: boot.sh [-o DIR] [-t SECONDS] x86_64|i386 [COMMAND [ARG...]]"
ARCH=$1
shift
case $ARCH in x86_64 | i386) ;; *) die "ARCH must be x86_64 or i386, not '$ARCH'" ;; esac
DIR=${DIR:-$BUILD/$ARCH/boot}
PROG=$BUILD/$ARCH/vdso

[ -x "$PROG" ] || die "$PROG not built (make ARCH=$ARCH)"
command -v "$QEMU" > /dev/null || die "$QEMU not found (Debian: apt-get install qemu-system-x86)"
"$TOP/tests/setup/kernel.sh" "$BUILD" || die "no kernel: $(tail -n 1 "$BUILD/cache/kernel/failed" 2>/dev/null)"
KERNEL=$BUILD/cache/kernel/vmlinuz

mkdir -p "$DIR" || die "cannot create $DIR"
rm -f "$DIR/console.log" "$DIR/console.raw" "$DIR/ttyS1.bin" "$DIR/time"

# The initramfs, in the list format of the kernel's usr/gen_init_cpio.c.
# The kernel opens /dev/console for init (init/main.c), and the dump goes
# to /dev/ttyS1 (Documentation/admin-guide/devices.txt: ttyS<n> is char
# 4, 64+n; the console is char 5, 1).  Nothing else: no /proc, no /sys.
cat > "$DIR/initramfs.list" <<EOF
dir  /dev 0755 0 0
nod  /dev/console 0600 0 0 c 5 1
nod  /dev/ttyS0 0600 0 0 c 4 64
nod  /dev/ttyS1 0600 0 0 c 4 65
nod  /dev/null 0666 0 0 c 1 3
file /init $PROG 0755 0 0
EOF
python3 "$TOP/tests/boot/mkinitramfs.py" "$DIR/initramfs.list" "$DIR/initramfs.cpio" ||
	die "mkinitramfs.py failed"

# console=ttyS0: the kernel's console, and so init's fds 0-2, on the first
# port; quiet loglevel=1: only the kernel's alerts (a panic raises the level
# itself); panic=-1: on a panic reboot at once, and -no-reboot turns that
# reboot into QEMU's exit, so a panic cannot hang the run.
# (Documentation/admin-guide/kernel-parameters.txt)
APPEND="console=ttyS0 quiet loglevel=1 panic=-1"
APPEND="$APPEND -- boot $*"   # asks for the boot mode (demo/vdso/boot.c)

# -nodefaults: no VGA, network or disks, just what is named here.  Two
# serial ports: stdio (the console) and a file (ttyS1, the raw image).
# etc/sercon-port=0 keeps the BIOS (SeaBIOS) off the serial console; QEMU
# warns that the name lacks "opt/", which SeaBIOS's name does, so that one
# warning is filtered out.  Its stdin is /dev/null: init reads nothing, and
# a terminal stays as it is.
echo "boot: $ARCH: $(cat "$BUILD/cache/kernel/stamp"); append: $APPEND" >&2
start=$(date +%s.%N)
timeout --foreground "$LIMIT" "$QEMU" \
	-nodefaults -no-user-config -nographic -monitor none \
	-machine pc -m 256M -smp 1 -no-reboot \
	-kernel "$KERNEL" -initrd "$DIR/initramfs.cpio" -append "$APPEND" \
	-fw_cfg name=etc/sercon-port,string=0 \
	-serial stdio -serial "file:$DIR/ttyS1.bin" \
	< /dev/null 2> >(grep -v 'fw_cfg item names should be prefixed' >&2) |
	tee "$DIR/console.raw"
status=${PIPESTATUS[0]}
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }' > "$DIR/time"
tr -d '\r' < "$DIR/console.raw" > "$DIR/console.log"
rm -f "$DIR/console.raw"
echo "boot: $ARCH: QEMU ended with status $status after $(cat "$DIR/time") s; log: $DIR/console.log" >&2

# The verdict.
[ "$status" -eq 124 ] && { echo "boot: $ARCH: no power-off within $LIMIT s" >&2; exit 124; }
grep -q 'Kernel panic' "$DIR/console.log" &&
	die "$ARCH: kernel panic: $(grep -m1 'Kernel panic' "$DIR/console.log")"
[ "$status" -eq 0 ] || die "$ARCH: QEMU failed (status $status)"
guest=$(sed -n 's/^=== vdso-boot: power off status=\([0-9]*\) ===$/\1/p' "$DIR/console.log" | tail -1)
[ -n "$guest" ] || die "$ARCH: no power-off line from init in the log"
exit "$guest"
