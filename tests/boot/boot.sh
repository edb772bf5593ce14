#!/bin/bash
# tests/boot/boot.sh - boot the vdso program as /init under a real kernel.
#
#   make boot [ARCH=x86_64|i386|aarch64|arm|riscv64|ppc64le|s390x] [KERNEL=5.10|6.1|6.12|7.2|armmp] [CPU=EPYC] [CMD="auxv"] [APPEND="vdso=0"]
#   tests/boot/boot.sh [-k KERNEL] [-c CPU] [-a PARAMS] [-f FILE]... [-o DIR] [-t SECONDS] [-i LIST] ARCH [COMMAND [ARG...]]
#
# The ARM machines: ARCH=aarch64 boots Debian's arm64 kernel (KERNEL=6.1 or
# 6.12) in qemu-system-aarch64 -M virt -cpu max; ARCH=arm the same kernel,
# through its compat layer (the 32-bit vDSO, vdso32), or with KERNEL=armmp
# Debian's 6.1 ARMv7 kernel in qemu-system-arm -M virt -cpu cortex-a15.
# The virt machine has one serial port (a PL011, ttyAMA0): the image comes
# back as hex on the console (demo/vdso/boot.c), decoded here.
# ARCH=riscv64 boots trixie's riscv64 kernel (KERNEL=6.12, the only one:
# Debian 13 is the first release with riscv64) in qemu-system-riscv64
# -M virt (bookworm's qemu-system-misc), with OpenSBI from Debian's opensbi
# package as its firmware; one serial port there too, a 16550 (ttyS0).
# ARCH=s390x boots Debian's s390x kernel (KERNEL=6.1 or 6.12) in
# qemu-system-s390x -M s390-ccw-virtio (bookworm's qemu-system-misc), its
# console the SCLP's (ttysclp0), the image as hex there too.
#
# What it does:
#   1. tests/setup/kernel.sh fetches a Debian cloud kernel, 6.1 (the
#      default), 5.10, 6.12 or 7.2 (-k), into build/cache/kernel-VERSION/
#      (once; nothing is installed);
#   2. tests/boot/mkinitramfs.py packs build/ARCH/vdso as /init, with the
#      device nodes it needs, into DIR/initramfs.cpio (newc format);
#   3. qemu-system-x86_64 boots them in software (no KVM), the first serial
#      port on this terminal, the second into DIR/ttyS1.bin;
#   4. /init (demo/vdso/boot.c, asked for by "-- boot") runs the summary, auxv, syms, call, gate,
#      map, vsyscall and check, each
#      between "=== vdso-boot: begin NAME ===" and "=== vdso-boot: end NAME
#      status=N ===" lines, writes the live vDSO image raw to /dev/ttyS1,
#      and powers the machine off, which ends QEMU.  With a COMMAND (CMD=
#      for make) it runs only that command: the words go after "--" on the
#      kernel command line, and the kernel hands them to init as arguments.
#
# -a PARAMS (APPEND= for make) adds kernel parameters to the command line,
# before the "--": vdso=0 (no 64-bit vDSO), vdso32=0 (no compat vDSO),
# vsyscall=none|xonly|emulate (Documentation/admin-guide/
# kernel-parameters.txt).  A parameter the kernel does not know is handed
# to init as an environment variable (NAME=VALUE) or argument, not refused.
#
# -i LIST boots another initramfs: the one LIST describes (the format of
# the kernel's usr/gen_init_cpio.c, which mkinitramfs.py reads), in place
# of build/ARCH/vdso's; the COMMAND words go after "--" to its /init as
# they are.  That /init frames its work and ends as demo/vdso/boot.c does,
# with the line "=== vdso-boot: power off status=N ===" and a power-off
# (make bench counts instructions so: tests/bench/init.c).
#
# -c CPU (CPU= for make) is QEMU's CPU model (qemu-system-x86_64 -cpu help),
# default qemu64, an AMD-like one.  The 64-bit kernel patches the i386 gate
# by the vendor (arch/x86/entry/vdso/vdso32/system_call.S): sysenter on
# Intel (e.g. Skylake-Client), syscall on AMD (e.g. EPYC).
#
# The i386 program boots on the same 64-bit kernel, through its 32-bit
# compat layer (CONFIG_IA32_EMULATION=y), and gets the kernel's 32-bit vDSO.
#
# -f FILE (repeatable) puts FILE in the initramfs too, as /NAME (its base
# name), for the COMMAND to use: e.g. `-f build/i386/trace/free x86_64
# trace /free 3`, the 64-bit `vdso trace` tracing a 32-bit program.
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
KVERSION=6.1
KVERSION_GIVEN=0
CPU=
PARAMS=
LIST=
FILES=()
USAGE="usage: boot.sh [-k 5.10|6.1|6.12|7.2|armmp] [-c CPU] [-a PARAMS] [-f FILE]... [-o DIR] [-t SECONDS] [-i LIST] x86_64|i386|aarch64|arm|riscv64|ppc64le|s390x [COMMAND [ARG...]]"

die() { echo "boot: $*" >&2; exit 125; }

while getopts k:c:a:f:o:t:i: opt; do
	case $opt in
	k) KVERSION=$OPTARG KVERSION_GIVEN=1 ;;
	c) CPU=$OPTARG ;;
	a) PARAMS=$OPTARG ;;
	f) FILES+=("$OPTARG") ;;
	o) DIR=$OPTARG ;;
	t) LIMIT=$OPTARG ;;
	i) LIST=$OPTARG ;;
	*) die "$USAGE" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || die "$USAGE"
ARCH=$1
shift
# riscv64 and ppc64le have one kernel here, 6.12: the default there.
case $ARCH in riscv64 | ppc64le) [ "$KVERSION_GIVEN" = 0 ] && KVERSION=6.12 ;; esac
SERIES=$KVERSION
case $ARCH:$KVERSION in
x86_64:5.10 | x86_64:6.1 | x86_64:6.12 | x86_64:7.2 | i386:5.10 | i386:6.1 | i386:6.12 | i386:7.2) ;;
aarch64:6.1 | aarch64:6.12 | arm:6.1 | arm:6.12) ;;
arm:armmp) SERIES=6.1 ;;
riscv64:6.12) ;;
ppc64le:6.12) ;;
s390x:6.1 | s390x:6.12) ;;
x86_64:* | i386:*) die "KERNEL must be 5.10, 6.1, 6.12 or 7.2, not '$KVERSION'" ;;
aarch64:* | arm:*) die "KERNEL must be 6.1 or 6.12 (arm: or armmp) for $ARCH, not '$KVERSION'" ;;
riscv64:*) die "KERNEL must be 6.12 for riscv64 (trixie's), not '$KVERSION'" ;;
ppc64le:*) die "KERNEL must be 6.12 for ppc64le, not '$KVERSION'" ;;
s390x:*) die "KERNEL must be 6.1 or 6.12 for s390x, not '$KVERSION'" ;;
*) die "ARCH must be x86_64, i386, aarch64, arm, riscv64, ppc64le or s390x, not '$ARCH'" ;;
esac
ONE_PORT=1      # the image as hex on the console; x86's pc has a second port
# The machine: emulator, its options, the kernel's flavour, the console.
case $ARCH:$KVERSION in
arm:armmp)
	QEMU=qemu-system-arm
	MACHINE=(-machine virt,highmem=off -cpu "${CPU:-cortex-a15}")
	FLAVOUR=armmp CONSOLE=ttyAMA0 ;;
aarch64:* | arm:*)
	# pauth-impdef=on: QEMU's own cheap pointer-authentication hash, not
	# the architected QARMA, whose emulation costs most of a software
	# boot (QEMU's docs/system/arm/cpu-features.rst).
	QEMU=qemu-system-aarch64
	MACHINE=(-machine virt -cpu "${CPU:-max,pauth-impdef=on}")
	FLAVOUR=arm64 CONSOLE=ttyAMA0 ;;
riscv64:*)
	# OpenSBI, the machine-mode firmware that starts the kernel in
	# supervisor mode and serves its SBI calls (the timer, the console,
	# the power-off), from Debian's opensbi package.
	SBI=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
	[ -f "$SBI" ] || die "no $SBI (Debian: apt-get install opensbi)"
	QEMU=qemu-system-riscv64
	MACHINE=(-machine virt -cpu "${CPU:-rv64}" -bios "$SBI")
	FLAVOUR=riscv64 CONSOLE=ttyS0 ;;
ppc64le:*)
	# IBM's pseries machine in software (TCG), its SLOF firmware, and
	# the hypervisor's virtual terminal as the console (hvc0); the
	# speculation workarounds TCG cannot emulate are asked off, not warned of.
	QEMU=qemu-system-ppc64
	MACHINE=(-machine pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off -cpu "${CPU:-power9}")
	FLAVOUR=powerpc64le CONSOLE=hvc0 ;;
s390x:*)
	# The s390-ccw-virtio machine's console is the SCLP (the service
	# call logical processor), QEMU's first -serial; the kernel names it
	# ttysclp0 (drivers/s390/char/sclp_tty.c: char 4, 64).
	QEMU=qemu-system-s390x
	MACHINE=(-machine s390-ccw-virtio ${CPU:+-cpu "$CPU"})
	FLAVOUR=s390x CONSOLE=ttysclp0 ;;
*)
	MACHINE=(-machine pc ${CPU:+-cpu "$CPU"} -fw_cfg name=etc/sercon-port,string=0)
	FLAVOUR=cloud-amd64 CONSOLE=ttyS0 ONE_PORT= ;;
esac
KDIR=kernel-$SERIES
[ "$FLAVOUR" = cloud-amd64 ] || KDIR=kernel-$SERIES-$FLAVOUR
# An absolute BUILD: the kernel's fetch changes directory.
mkdir -p "$BUILD" && BUILD=$(cd "$BUILD" && pwd) || die "cannot enter $BUILD"
DIR=${DIR:-$BUILD/$ARCH/boot}
PROG=$BUILD/$ARCH/vdso

[ -n "$LIST" ] || [ -x "$PROG" ] || die "$PROG not built (make ARCH=$ARCH)"
for f in ${FILES[@]+"${FILES[@]}"}; do
	[ -f "$f" ] || die "-f $f: no such file"
	case ${f##*/} in init | dev | proc | sys | *[!A-Za-z0-9._-]*)
		die "-f $f: /${f##*/} cannot be a file of the initramfs" ;; esac
	case $f in *[[:space:]#]*) die "-f $f: a path with a space or '#' does not fit the list" ;; esac
done
case $QEMU in
qemu-system-x86_64) QEMU_PKG=qemu-system-x86 ;;
qemu-system-riscv64 | qemu-system-s390x) QEMU_PKG=qemu-system-misc ;;
qemu-system-ppc64) QEMU_PKG=qemu-system-ppc ;;
*) QEMU_PKG=qemu-system-arm ;;
esac
command -v "$QEMU" > /dev/null || die "$QEMU not found (Debian: apt-get install $QEMU_PKG)"
KC=$BUILD/cache/$KDIR
"$TOP/tests/setup/kernel.sh" -k "$SERIES" -f "$FLAVOUR" "$BUILD" ||
	die "no $KVERSION kernel: $(tail -n 1 "$KC/failed" 2>/dev/null)"
KERNEL=$KC/vmlinuz

mkdir -p "$DIR" || die "cannot create $DIR"
rm -f "$DIR/console.log" "$DIR/console.raw" "$DIR/ttyS1.bin" "$DIR/time"

# The initramfs, in the list format of the kernel's usr/gen_init_cpio.c.
# The kernel opens /dev/console for init (init/main.c), and the dump goes
# to /dev/ttyS1 (Documentation/admin-guide/devices.txt: ttyS<n> is char
# 4, 64+n; the console is char 5, 1).  Nothing else: no /proc, no /sys.
# On ARM the console is ttyAMA0 (char 204, 64), and there is no ttyS1.
# With -i, LIST's own entries instead.
if [ -n "$LIST" ]; then
	cp "$LIST" "$DIR/initramfs.list" || die "cannot read $LIST"
else {
	echo "dir  /dev 0755 0 0"
	echo "dir  /proc 0555 0 0"
	echo "dir  /sys 0555 0 0"
	echo "nod  /dev/console 0600 0 0 c 5 1"
	if [ "$CONSOLE" = ttyS0 ]; then
		echo "nod  /dev/ttyS0 0600 0 0 c 4 64"
		[ -n "$ONE_PORT" ] || echo "nod  /dev/ttyS1 0600 0 0 c 4 65"
	elif [ "$CONSOLE" = hvc0 ]; then
		echo "nod  /dev/hvc0 0600 0 0 c 229 0"
	elif [ "$CONSOLE" = ttysclp0 ]; then
		echo "nod  /dev/ttysclp0 0600 0 0 c 4 64"
	else
		echo "nod  /dev/ttyAMA0 0600 0 0 c 204 64"
	fi
	echo "nod  /dev/null 0666 0 0 c 1 3"
	echo "file /init $PROG 0755 0 0"
} > "$DIR/initramfs.list"
fi
for f in ${FILES[@]+"${FILES[@]}"}; do
	echo "file /${f##*/} $f 0755 0 0"
done >> "$DIR/initramfs.list"
python3 "$TOP/tests/boot/mkinitramfs.py" "$DIR/initramfs.list" "$DIR/initramfs.cpio" ||
	die "mkinitramfs.py failed"

# console=ttyS0: the kernel's console, and so init's fds 0-2, on the first
# port; quiet loglevel=1: only the kernel's alerts (a panic raises the level
# itself); panic=-1: on a panic reboot at once, and -no-reboot turns that
# reboot into QEMU's exit, so a panic cannot hang the run.
# (Documentation/admin-guide/kernel-parameters.txt)
APPEND="console=$CONSOLE quiet loglevel=1 panic=-1${PARAMS:+ $PARAMS}"
if [ -n "$LIST" ]; then
	APPEND="$APPEND -- $*"    # the words for LIST's own /init
else
	APPEND="$APPEND -- boot $*"   # asks for the boot mode (demo/vdso/boot.c)
fi

# -nodefaults: no VGA, network or disks, just what is named here.  Two
# serial ports: stdio (the console) and a file (ttyS1, the raw image).
# etc/sercon-port=0 keeps the BIOS (SeaBIOS) off the serial console; QEMU
# warns that the name lacks "opt/", which SeaBIOS's name does, so that one
# warning is filtered out.  Its stdin is /dev/null: init reads nothing, and
# a terminal stays as it is.
echo "boot: $ARCH: $(cat "$KC/stamp")${CPU:+; cpu: $CPU}; ${QEMU##*/} ${MACHINE[*]}; append: $APPEND" >&2
# One boot; sets status.
boot_once() {
	local start end
	start=$(date +%s.%N)
	timeout --foreground "$LIMIT" "$QEMU" \
		-nodefaults -no-user-config -nographic -monitor none \
		"${MACHINE[@]}" -m 256M -smp 1 -no-reboot \
		-kernel "$KERNEL" -initrd "$DIR/initramfs.cpio" -append "$APPEND" \
		-serial stdio -serial "file:$DIR/ttyS1.bin" \
		< /dev/null 2> >(grep -v 'fw_cfg item names should be prefixed' >&2) |
		tee "$DIR/console.raw"
	status=${PIPESTATUS[0]}
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }' > "$DIR/time"
	tr -d '\r' < "$DIR/console.raw" > "$DIR/console.log"
	rm -f "$DIR/console.raw"
	# The image as hex on the console (no second port): back into bytes.
	if grep -q '^=== vdso-boot: hex [0-9]* ===$' "$DIR/console.log"; then
		sed -n '/^=== vdso-boot: hex [0-9]* ===$/,/^=== vdso-boot: hex end ===$/p' "$DIR/console.log" |
			sed '1d;$d' | python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read()))' \
			> "$DIR/ttyS1.bin" || echo "boot: $ARCH: the hex image on the console does not decode" >&2
	fi
	echo "boot: $ARCH: QEMU ended with status $status after $(cat "$DIR/time") s; log: $DIR/console.log" >&2
}
# The kernel itself can die before it runs /init: Debian's 6.12 under
# QEMU 7.2's software CPU double-faults now and then in the slab
# allocator's cmpxchg16b, or takes a general protection fault and hangs,
# while the host is loaded (PID 1 still "swapper", no line of ours yet);
# a loaded host can also fail the kernel's early IO-APIC timer check.
# That is the emulated machine's fault, not the program's: such a boot is
# tried again, twice at most, and said.
for try in 1 2 3; do
	rm -f "$DIR/ttyS1.bin"
	boot_once
	grep -q '^=== vdso-boot: ' "$DIR/console.log" && break
	grep -qE 'Kernel panic|Oops' "$DIR/console.log" || break
	[ "$try" = 3 ] && break
	echo "boot: $ARCH: the kernel failed before it ran /init ($(grep -m1 -E 'Oops|BUG|panic' "$DIR/console.log" | sed 's/^\[ *[0-9.]*\] //')): booting again" >&2
	cp "$DIR/console.log" "$DIR/console.before-init-panic.$try.log"
done

# The verdict.
[ "$status" -eq 124 ] && { echo "boot: $ARCH: no power-off within $LIMIT s" >&2; exit 124; }
grep -q 'Kernel panic' "$DIR/console.log" &&
	die "$ARCH: kernel panic: $(grep -m1 'Kernel panic' "$DIR/console.log")"
[ "$status" -eq 0 ] || die "$ARCH: QEMU failed (status $status)"
guest=$(sed -n 's/^=== vdso-boot: power off status=\([0-9]*\) ===$/\1/p' "$DIR/console.log" | tail -1)
[ -n "$guest" ] || die "$ARCH: no power-off line from init in the log"
exit "$guest"
