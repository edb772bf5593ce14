# shellcheck shell=bash
# tests/boot/matrix.sh - the boots behind tests/50-boot.t and the table
# (tests/boot/table.sh): one boot per kernel, arch, CPU model and kernel
# command line, each running every command it is for (sourced, not run).
#
#   BOOT_KERNELS           the kernels: Debian's 5.10, 6.1, 6.12 and 7.2
#                          (BOOT_KERNELS_ALL), or fewer from the environment
#   boot_variants ARCH     the variants of one arch, one a line:
#                          NAME|CPU|PARAMS|COMMAND (COMMAND empty: all steps)
#   boot_variant K NAME DIR LIMIT   boot it into DIR/K/NAME (boot.sh's -o)
#
# The variants, for each arch:
#   ARCH          CPU EPYC (AMD), /proc mounted (VDSO_PROC=1, demo/vdso/
#                 boot.c), tsc=reliable: the TSC clocksource kept, whatever
#                 the load on the emulating host (its watchdog would
#                 otherwise mark it unstable and switch to hpet); every
#                 step, then `call` again on hpet and on acpi_pm, switched
#                 to through /sys (VDSO_CLOCKSOURCES): clocksources with no
#                 vDSO mode, where the vDSO falls back to the system call;
#                 the lesson data after the steps and after each `call`
#                 on another clocksource (VDSO_LESSON=/data), and every
#                 other lesson once, after the steps (VDSO_LESSONS)
#   i386-intel    every step on Skylake-Client (Intel): the kernel patches
#                 the i386 gate by the CPU's vendor (sysenter, not syscall);
#                 and the lesson gate, which decodes it
#   ARCH-param    vdso=0 (x86_64) or vdso32=0 (i386): no vDSO at all; `call`
#   x86_64-hpet   on 6.1 only: clocksource=hpet on the kernel's command line
#                 (make boot APPEND=clocksource=hpet), `call`

BOOT_KERNELS_ALL="5.10 6.1 6.12 7.2"
# The lessons the main boots run once (VDSO_LESSONS), besides data.
BOOT_LESSONS="hello stack auxv find lookup clock gate getrandom signal vsyscall relocate"
BOOT_LESSONS_ARG=VDSO_LESSONS=$(printf '/%s,' $BOOT_LESSONS | sed 's/,$//')
BOOT_KERNELS=${BOOT_KERNELS:-$BOOT_KERNELS_ALL}
declare -A BOOT_KERNEL_NAME=([5.10]="5.10 (Debian 11)" [6.1]="6.1 (Debian 12)"
	[6.12]="6.12 (bookworm-backports)" [7.2]="7.2 (sid)" [armmp]="6.1 armmp (Debian 12)")
# boot_kernel_name KERNEL ARCH: the kernel's name in the table (riscv64's
# 6.12 is trixie's: bookworm has no riscv64).
boot_kernel_name() {
	case $2:$1 in riscv64:6.12) echo "6.12 (trixie)" ;; *) echo "${BOOT_KERNEL_NAME[$1]}" ;; esac
}

# The rows of the table for the arches other than x86, KERNEL:ARCH:CPU
# (tests/boot/boot.sh's -k, its arch and QEMU's -cpu): Debian's arm64
# kernels for aarch64 and, through their compat layer (vdso32), for arm;
# the armmp kernel (ARMv7) for arm; trixie's riscv64 kernel; the ppc64le
# kernel on pseries (POWER9); the s390x kernels on s390-ccw-virtio (-cpu
# qemu, QEMU's model in software, its default there).  One boot each,
# every step, /proc mounted (the variant named ARCH);
# tests/53-boot-non-x86.t boots the same kernels.
# The AMD model without cmpxchg16b: under Debian 12's QEMU 7.2 in software
# (TCG), the 6.12 kernel's use of it (the slab allocator's per-CPU
# cmpxchg16b through %gs) now and then left a wrong value in a register
# and EFLAGS: a kernel oops in kmem_cache_alloc, or init killed by a
# general protection fault on its way back from int $0x80.  Measured side
# by side, 32 boots each of the i386 main variant on 6.12: -cpu EPYC failed
# 3 times (and 2 of 20 before), EPYC,-cx16 never.  The CPU is still
# AMD's, so the i386 gate is still the syscall form; only that one
# instruction is gone, and the kernel does without it.
AMD_CPU="EPYC,-cx16"

NON_X86_BOOTS="6.1:aarch64:max 6.12:aarch64:max 6.1:arm:max 6.12:arm:max armmp:arm:cortex-a15
	6.12:riscv64:rv64 6.12:ppc64le:power9 6.1:s390x:qemu 6.12:s390x:qemu"

boot_variants() {        # boot_variants ARCH [KERNEL]
	local a=$1 none=vdso=0 b
	for b in $NON_X86_BOOTS; do
		[[ $b == "${2:-}:$a:"* ]] && { echo "$a|${b##*:}|VDSO_PROC=1|"; return; }
	done
	[ "$a" = i386 ] && none=vdso32=0
	echo "$a|$AMD_CPU|VDSO_PROC=1 VDSO_CLOCKSOURCES=hpet,acpi_pm VDSO_LESSON=/data $BOOT_LESSONS_ARG tsc=reliable|"
	[ "$a" = i386 ] && echo "$a-intel|Skylake-Client|VDSO_PROC=1 VDSO_LESSONS=/gate tsc=reliable|"
	echo "$a-param|$AMD_CPU|$none|call"
	[ "$a" = x86_64 ] && [ "${2:-}" = 6.1 ] && echo "$a-hpet|$AMD_CPU|clocksource=hpet|call"
}

# boot_variant KERNEL NAME DIR LIMIT: DIR/KERNEL/NAME gets boot.sh's files,
# boot.err its stderr, and status its exit status.
boot_variant() {
	local k=$1 name=$2 out=$3/$1/$2 limit=$4 a=${2%%-*} line cpu params cmd st
	line=$(boot_variants "$a" "$k" | grep "^$name|") || { echo "matrix: no variant $name" >&2; return 2; }
	IFS='|' read -r _ cpu params cmd <<< "$line"
	# pseries boots slowest (SLOF, then the kernel): twice the time
	[ "$a" = ppc64le ] && limit=$((2 * limit))
	rm -rf "$out"
	mkdir -p "$out"
	# VDSO_LESSON=/data, VDSO_LESSONS=/stack,...: the lessons go into the
	# initramfs, each as /NAME
	local files=() l
	[[ " $params " == *" VDSO_LESSON=/data "* ]] && files=(-f "$BUILD/$a/data")
	for l in $(sed -nE 's/.* VDSO_LESSONS=([^ ]*) .*/\1/p' <<< " $params " | tr ',' ' '); do
		files+=(-f "$BUILD/$a/${l#/}")
	done
	# shellcheck disable=SC2086
	"$TOP/tests/boot/boot.sh" -k "$k" -c "$cpu" -a "$params" ${files[@]+"${files[@]}"} -o "$out" -t "$limit" "$a" $cmd \
		> /dev/null 2> "$out/boot.err"
	st=$?
	echo "$st" > "$out/status"
	return "$st"
}
