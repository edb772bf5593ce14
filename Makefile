# Makefile - builds the runtime and the demos for each arch of arch/arches.
#
#   make                 every arch, into build/x86_64/, build/i386/, ...
#   make ARCH=i386       one arch
#   make CC=clang OPT=-O0 V=1
#   make run             builds this machine's arch only, runs build/<arch>/vdso natively
#   make prog SRC=~/mine.c  your own one-file program, for every arch
#   make boot [KERNEL=5.10|6.1|6.12|7.2|armmp] [CPU=..] [ARCH=..] [CMD=..] [APPEND=..]  it as /init in QEMU
#   make table           what each kernel's vDSO offers, from the boots
#   make gdb [ARCH=i386] [PROG=stack] [ASLR=on]  a program under gdb (tests/gdb/)
#   make test            everything the tests need, then all the tests
#   make test-quick      the same with one kernel booted, not four
#   make bench           the benchmarks (not tests)
#   make fuzz [FUZZ_SECONDS=N]  the reader under libFuzzer (not a test)
#   make install [PREFIX=/usr/local] [DESTDIR=..]  the tool, lessons, manual
#   make uninstall [PREFIX=..] [DESTDIR=..]        the same files removed
#   make clean
#
# The runtime is compiled freestanding: -nostdinc removes every system
# header folder, and only two come back: the compiler's own (stddef.h,
# stdint.h, stdarg.h) and a folder of links to the kernel's UAPI headers
# (linux/, asm/, asm-generic/), so that no libc header can be included.

# The arches: arch/arches, one a line (name, ELF class, UAPI triplets, flags).
arch_field = $(shell awk -v a='$(1)' '!/^\#/ && $$1 == a { sub(/\#.*/, ""); $(2) }' arch/arches)
ARCHES  := $(shell awk '!/^\#/ && NF && !/\# not in the test matrix yet/ { print $$1 }' arch/arches)
# An arch not yet in the test matrix is built when asked for (ARCH=...), not by default.
ALL_ARCHES := $(shell awk '!/^\#/ && NF { print $$1 }' arch/arches)
ARCH    ?= $(ARCHES)
CC      := $(if $(filter default,$(origin CC)),gcc,$(CC))
OPT     ?= -O2
BUILD   ?= build
V       ?= 0
Q       := $(if $(filter 1,$(V)),,@)
comma   := ,


.PHONY: all run test bench clean units prog install uninstall

# make prog SRC=FILE.c: make -C leaves PWD as the caller's folder, so a
# relative SRC is taken from there, once, and passed down made absolute.
SRC_FILE := $(if $(SRC),$(if $(filter /%,$(SRC)),$(SRC),$(abspath $(PWD)/$(SRC))))
.SECONDARY:
.DEFAULT_GOAL := all

ifneq ($(words $(ARCH)),1)
# More than one arch: build each with this same Makefile, one arch after
# the other, every goal asked (say `all units`) in the one make of that
# arch: with -j, a make per goal would build the same arch twice at once,
# and the two would race for its generated headers (build/ARCH/gen/).
ARCH_GOALS := $(or $(filter all units prog,$(MAKECMDGOALS)),all)
all units prog: each-arch
	@:
.PHONY: each-arch
each-arch:
	$(Q)for a in $(ARCH); do $(MAKE) --no-print-directory ARCH=$$a $(if $(SRC),SRC='$(SRC_FILE)') $(ARCH_GOALS) || exit; done
else
# ---- one arch --------------------------------------------------------------
OUT := $(BUILD)/$(ARCH)

ifeq ($(filter $(ARCH),$(ALL_ARCHES)),)
$(error ARCH must be one of arch/arches ($(ARCHES)), not '$(ARCH)')
endif
ARCH_FLAGS := $(strip $(call arch_field,$(ARCH),$$1 = $$2 = $$3 = ""; print))
ARCH_BITS  := $(strip $(call arch_field,$(ARCH),print $$2))

# An arch whose flags name a --target=TRIPLE is built by a cross compiler:
# CC=gcc then means Debian's TRIPLE-gcc where it is installed, else the
# one tests/setup/crossgcc.sh unpacked into the cache (Debian 12's
# gcc-multilib, which the i386 oracles need, conflicts with the ARM cross
# gcc packages), else clang; the flag itself is clang's, and is kept for
# clang only.  Such an arch links with TRIPLE-ld (binutils-TRIPLE) when
# there is one, else with lld (lld 14 lacks -Ttext-segment and -z
# pack-relative-relocs), and archives with TRIPLE-ar or llvm-ar.
# (the cache is the project's build/cache, whatever BUILD a test gives)
CROSS_GCC ?= $(CURDIR)/build/cache/crossgcc/bin
TRIPLE := $(patsubst --target=%,%,$(filter --target=%,$(ARCH_FLAGS)))
ifneq ($(TRIPLE),)
ifeq ($(CC),gcc)
override CC := $(or $(shell command -v $(TRIPLE)-gcc),$(wildcard $(CROSS_GCC)/$(TRIPLE)-gcc),clang)
endif
endif
IS_CLANG := $(shell $(CC) --version 2>/dev/null | grep -q clang && echo 1)
ARCH_FLAGS := $(if $(IS_CLANG),$(ARCH_FLAGS),$(filter-out --target=%,$(ARCH_FLAGS)))
AR := $(if $(TRIPLE),$(if $(shell command -v $(TRIPLE)-ar),$(TRIPLE)-ar,llvm-ar),ar)
FUSE_LD := $(if $(and $(IS_CLANG),$(TRIPLE)),$(if $(shell command -v $(TRIPLE)-ld),,-fuse-ld=lld))

# The kernel's UAPI headers for the target arch, not the build machine's:
# Debian puts asm/ in a multiarch folder (a cross package under /usr/<t>/);
# arch/arches names the triplets that serve, best first.
UAPI_TRIPLETS := $(subst $(comma), ,$(call arch_field,$(ARCH),print $$3))
UAPI_ASM_DIRS := $(foreach t,$(UAPI_TRIPLETS),/usr/include/$(t)/asm /usr/$(t)/include/asm) /usr/include/asm
UAPI_ASM := $(patsubst %/unistd.h,%,$(firstword $(wildcard $(addsuffix /unistd.h,$(UAPI_ASM_DIRS)))))
UAPI := $(OUT)/uapi
# linux/ and asm-generic/ beside the asm/ found (a cross package has its own).
UAPI_ROOT := $(patsubst %/asm,%,$(UAPI_ASM))
UAPI_ROOT := $(if $(wildcard $(UAPI_ROOT)/linux/auxvec.h),$(UAPI_ROOT),/usr/include)

CC_INCLUDE := $(shell $(CC) -print-file-name=include)

# The canary in a plain global (start/stack_protector.c), where the
# compiler can put it there for the target; where it cannot (clang 14 for
# ppc64le), it reads the canary at a fixed offset from the thread
# pointer, and the arch's start.S points that slot at the same global.
STACK_GUARD := $(shell $(CC) $(ARCH_FLAGS) -mstack-protector-guard=global -Werror -c -x c /dev/null -o /dev/null 2>/dev/null && echo -mstack-protector-guard=global)

CPPFLAGS := -nostdinc -isystem $(CC_INCLUDE) -isystem $(UAPI) \
	-I. -Iarch/$(ARCH) -I$(OUT)/gen
CFLAGS := $(ARCH_FLAGS) $(OPT) -std=c11 -g -Wall -Wextra -Werror \
	-ffreestanding -fno-pie \
	-fstack-protector-strong $(STACK_GUARD) \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections
# gcc may default to PIE and must be told -no-pie; clang makes no PIE of a
# -static link and warns that the flag is unused.
NO_PIE  := $(if $(IS_CLANG),,-no-pie)
# The largest page the arch's kernels may use (ARCH_MAX_PAGE_SIZE in its
# arch.h, else 4 KiB): each segment starts on such a page in memory, so
# that a kernel with 64 KiB pages (ppc64le's) can map it.
MAX_PAGE := $(or $(shell sed -n 's/^\#define ARCH_MAX_PAGE_SIZE  *\([0-9][0-9]*\).*/\1/p' arch/$(ARCH)/arch.h),4096)
# -z norelro: a program at a fixed address is never relocated, so it has
# no RELRO to protect; without it, the GOT that aarch64 code reaches weak
# symbols through would open a RELRO ending on a page boundary, and a page
# of padding would follow in the file (the PIEs ask for -z relro below).
LDFLAGS := $(ARCH_FLAGS) $(FUSE_LD) -static -nostdlib $(NO_PIE) -Wl,-T,linker.ld \
	-Wl,--gc-sections -Wl,-z,max-page-size=$(MAX_PAGE) -Wl,-z,noexecstack \
	-Wl,-z,separate-code -Wl,--build-id=none -Wl,-z,norelro

# vdso and the unit tests are static PIEs (position-independent executables):
# ET_DYN files with no PT_INTERP, which the kernel loads at a random address
# and which relocate themselves in start/relocate.c.  Their code is compiled
# -fPIE into a tree of its own (obj-pie/), and _start is built with START_PIE
# (libc's rcrt1.o to its crt1.o).  Linked at 0 (-Ttext-segment), with no
# text relocations allowed (-z text) and RELRO (-z relro).
#
# hello and the lessons stay ET_EXEC at a fixed address: the lesson is the
# process meeting the kernel, and a fixed address keeps what they print and
# what gdb or objdump show the same from run to run; and hello must stay
# under 1 KiB, where the relocation code, a dynamic table and two more
# program headers would not fit.
PIE_CFLAGS   = $(filter-out -fno-pie,$(CFLAGS)) -fPIE
# A gcc driver knows -static-pie where its link spec gives the linker
# --no-dynamic-linker for it; Debian 12's arm gcc does not, and would take
# it for a -static link: there the linker is told the same by hand.
GCC_STATIC_PIE := $(if $(IS_CLANG),1,$(shell $(CC) -dumpspecs 2>/dev/null | grep -A1 '^\*link:' | grep -q no-dynamic-linker && echo 1))
STATIC_PIE  := $(if $(GCC_STATIC_PIE),-static-pie,-pie -Wl,-Bstatic -Wl,--no-dynamic-linker)
PIE_LDFLAGS := $(filter-out -no-pie $(if $(GCC_STATIC_PIE),,-static),$(LDFLAGS)) $(STATIC_PIE) \
	-Wl,-Ttext-segment=0 -Wl,-z,text -Wl,-z,relro
# vdso's 500 relocations, 24 bytes each in DT_RELA, pack into about 100
# bytes of DT_RELR; the unit tests keep DT_RELA/DT_REL, so that both ways
# through start/relocate.c are run.
# (binutils 2.40 packs x86's only: the cross arches keep DT_RELA/DT_REL.)
VDSO_LDFLAGS := $(if $(TRIPLE),,-Wl,-z,pack-relative-relocs)
# gcc may turn memset's own loop into a call to memset: not in lib/mem.c.
MEM_CFLAGS := $(if $(IS_CLANG),,-fno-tree-loop-distribute-patterns)

# The runtime: one archive, so that a program links only what it uses.
RUNTIME_SRC := $(wildcard lib/*.c start/*.c syscall/*.c elf/*.c vdso/*.c arch/$(ARCH)/*.c)
RUNTIME_ASM := $(filter-out arch/$(ARCH)/start.S,$(wildcard arch/$(ARCH)/*.S))
RUNTIME_OBJ := $(RUNTIME_SRC:%.c=$(OUT)/obj/%.o) $(RUNTIME_ASM:%.S=$(OUT)/obj/%.o)
START_OBJ   := $(OUT)/obj/arch/$(ARCH)/start.o
LIBRUNTIME  := $(OUT)/libruntime.a
# The same, position-independent, for the static PIEs.
PIE_START_OBJ  := $(OUT)/obj-pie/arch/$(ARCH)/start.o
LIBRUNTIME_PIE := $(OUT)/libruntime-pie.a

# Each demo/*.c is a program of one file; demo/vdso/ is the tool, all its files.
LESSONS  := $(patsubst demo/%.c,$(OUT)/%,$(wildcard demo/*.c))
# The lesson on relocation is itself a static PIE, built as vdso is.
PIE_LESSONS := $(OUT)/relocate
LESSONS  := $(filter-out $(PIE_LESSONS),$(LESSONS))
VDSO_OBJ := $(patsubst %.c,$(OUT)/obj-pie/%.o,$(wildcard demo/vdso/*.c))
PROGRAMS := $(LESSONS) $(PIE_LESSONS) $(OUT)/vdso
# The unit tests, PIE like vdso; t_start also at a fixed address, as hello.
UNITS    := $(patsubst tests/unit/%.c,$(OUT)/unit/%,$(wildcard tests/unit/*.c)) \
	$(OUT)/unit/t_start_exec

all: $(PROGRAMS)
units: $(UNITS)

$(UAPI)/.stamp:
	$(Q)test -n "$(UAPI_ASM)" || { echo "make: the kernel's UAPI headers for $(ARCH) are missing (Debian: linux-libc-dev)" >&2; exit 1; }
	$(Q)mkdir -p $(UAPI)
	$(Q)ln -sfn $(UAPI_ROOT)/linux $(UAPI)/linux
	$(Q)ln -sfn $(UAPI_ROOT)/asm-generic $(UAPI)/asm-generic
	$(Q)ln -sfn $(UAPI_ASM) $(UAPI)/asm
	$(Q)touch $@

$(OUT)/gen/errno_table.h: syscall/errno.awk $(UAPI)/.stamp
	$(Q)mkdir -p $(@D)
	$(Q)awk -f syscall/errno.awk $(UAPI)/asm-generic/errno-base.h $(UAPI)/asm-generic/errno.h > $@.tmp && mv $@.tmp $@

# The hashes of each symbol and version of the arch's call table, for vdso/calls.c.
$(OUT)/gen/vdso_hashes.h: vdso/hashes.awk arch/$(ARCH)/vdso_calls.h
	$(Q)mkdir -p $(@D)
	$(Q)awk -f vdso/hashes.awk arch/$(ARCH)/vdso_calls.h > $@.tmp && mv $@.tmp $@

# Each command's help, from the COMMANDS section of the manual page, for
# demo/vdso/help.c: the page is the one source of both (vdso.1 says why).
$(OUT)/gen/manual.h: demo/vdso/manual.awk vdso.1
	$(Q)mkdir -p $(@D)
	$(Q)awk -f demo/vdso/manual.awk vdso.1 > $@.tmp && mv $@.tmp $@
$(OUT)/obj-pie/demo/vdso/help.o: $(OUT)/gen/manual.h

$(OUT)/obj/%.o: %.c $(UAPI)/.stamp $(OUT)/gen/errno_table.h $(OUT)/gen/vdso_hashes.h Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(if $(filter lib/mem.c,$<),$(MEM_CFLAGS)) $(if $(filter elf/%,$<),$(NATIVE_ONLY)) -MMD -MP -c $< -o $@

$(OUT)/obj/%.o: %.S $(UAPI)/.stamp Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  AS      $@")
	$(Q)$(CC) $(CPPFLAGS) $(ARCH_FLAGS) -c $< -o $@

# The lessons read only their own vDSO: their reader (obj/elf/) is built
# for the arch's ELF class and byte order alone, which halves it
# (elf/bounded.h); the tool's (obj-pie/elf/) reads both of each.
NATIVE_ONLY := -DELF_NATIVE_CLASS=$(ARCH_BITS)

$(LIBRUNTIME): $(RUNTIME_OBJ)
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(OUT)/obj-pie/%.o: %.c $(UAPI)/.stamp $(OUT)/gen/errno_table.h $(OUT)/gen/vdso_hashes.h Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(PIE_CFLAGS) $(if $(filter lib/mem.c,$<),$(MEM_CFLAGS)) -MMD -MP -c $< -o $@

$(OUT)/obj-pie/%.o: %.S $(UAPI)/.stamp Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  AS      $@")
	$(Q)$(CC) $(CPPFLAGS) $(ARCH_FLAGS) -DSTART_PIE -c $< -o $@

$(LIBRUNTIME_PIE): $(patsubst $(OUT)/obj/%,$(OUT)/obj-pie/%,$(RUNTIME_OBJ))
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# Each lesson's link map, in map/, tells where its bytes go (make bench).
$(LESSONS): $(OUT)/%: $(OUT)/obj/demo/%.o $(START_OBJ) $(LIBRUNTIME) linker.ld
	$(if $(Q),@echo "  LD      $@")
	@mkdir -p $(OUT)/map
	$(Q)$(CC) $(LDFLAGS) -Wl,-Map,$(OUT)/map/$*.map -o $@ $(START_OBJ) $< $(LIBRUNTIME)

$(PIE_LESSONS): $(OUT)/%: $(OUT)/obj-pie/demo/%.o $(PIE_START_OBJ) $(LIBRUNTIME_PIE) linker.ld
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(PIE_LDFLAGS) $(VDSO_LDFLAGS) -o $@ $(PIE_START_OBJ) $< $(LIBRUNTIME_PIE)

$(OUT)/vdso: $(VDSO_OBJ) $(PIE_START_OBJ) $(LIBRUNTIME_PIE) linker.ld
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(PIE_LDFLAGS) $(VDSO_LDFLAGS) -o $@ $(PIE_START_OBJ) $(VDSO_OBJ) $(LIBRUNTIME_PIE)

# make prog SRC=FILE.c: a reader's own one-file program, kept anywhere,
# built as a lesson is (freestanding, the runtime archive, ET_EXEC) into
# build/<arch>/prog/<name>.  Its own folder is on the include path.
ifneq ($(SRC),)
PROG_NAME := $(basename $(notdir $(SRC_FILE)))
PROG_OUT  := $(OUT)/prog/$(PROG_NAME)
prog: $(PROG_OUT)
	$(Q)echo "built $(PROG_OUT)"
$(OUT)/prog/$(PROG_NAME).o: $(SRC_FILE) $(UAPI)/.stamp $(OUT)/gen/errno_table.h $(OUT)/gen/vdso_hashes.h Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) -I$(dir $(SRC_FILE)) $(CFLAGS) -c $< -o $@
$(PROG_OUT): $(OUT)/prog/$(PROG_NAME).o $(START_OBJ) $(LIBRUNTIME) linker.ld
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $< $(LIBRUNTIME)
else
prog:
	$(Q)echo "make prog SRC=FILE.c: FILE.c is your one-file program" >&2; exit 2
endif

# Unit tests run on the runtime itself; the SSE test needs SSE2 on i386
# (and gets it wherever the compiler takes -msse2 for the target).
$(OUT)/unit/t_start_exec: $(OUT)/obj/tests/unit/t_start.o $(START_OBJ) $(LIBRUNTIME) linker.ld
	@mkdir -p $(@D)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $< $(LIBRUNTIME)
$(OUT)/unit/%: $(OUT)/obj-pie/tests/unit/%.o $(PIE_START_OBJ) $(LIBRUNTIME_PIE) linker.ld
	@mkdir -p $(@D)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(PIE_LDFLAGS) -o $@ $(PIE_START_OBJ) $< $(LIBRUNTIME_PIE)
UNIT_CFLAGS := $(shell $(CC) $(ARCH_FLAGS) -msse2 -Werror -c -x c /dev/null -o /dev/null 2>/dev/null && echo -msse2)
$(OUT)/obj/tests/unit/%.o $(OUT)/obj-pie/tests/unit/%.o: CFLAGS += $(UNIT_CFLAGS)
# The program on the runtime that tests/90-trace.t traces (its glibc twins
# are built by the test).
units: $(OUT)/trace/free
$(OUT)/trace/free: $(OUT)/obj/tests/trace/free.o $(START_OBJ) $(LIBRUNTIME) linker.ld
	@mkdir -p $(@D)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $< $(LIBRUNTIME)

-include $(shell find $(OUT)/obj $(OUT)/obj-pie -name '*.d' 2>/dev/null)
endif

# ---- whole-project targets ---------------------------------------------------
# The machine's own arch if it is one of ours, else the first of arch/arches.
RUN_ARCH ?= $(firstword $(filter $(shell uname -m),$(ARCHES)) $(ARCHES))
run:
	$(Q)$(MAKE) --no-print-directory ARCH=$(RUN_ARCH) all
	$(BUILD)/$(RUN_ARCH)/vdso

# The test files are independent (each keeps to its own build/test/NAME/;
# the shared downloads in build/cache/ take a lock): one job per CPU, the
# longest files first, so that the jobs end together.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
TESTS_LONG := tests/10-unit.t tests/50-boot.t tests/60-robust.t tests/20-reader.t
TESTS := $(TESTS_LONG) $(filter-out $(TESTS_LONG),$(sort $(wildcard tests/*.t)))
# The arches not in the test matrix are built too (not their unit tests):
# tests/53-boot-non-x86.t boots them.
test:
	$(Q)bash tests/setup/deps.sh
	$(Q)bash tests/setup/crossgcc.sh $(BUILD) || echo "make: the ARM arches are built with clang instead" >&2
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) ARCH="$(ARCHES)" all units
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) ARCH="$(filter-out $(ARCHES),$(ALL_ARCHES))" all
	$(Q)$(if $(BOOT_KERNELS),BOOT_KERNELS='$(BOOT_KERNELS)') prove --timer -j$(JOBS) $(if $(filter 1,$(V)),-v) $(TESTS)

# make test-quick: the same tests, every runner once, but tests/50-boot.t
# boots one kernel (6.1) instead of the four: for the edit-compile loop.
# The full matrix stays in `make test`.
.PHONY: test-quick
test-quick:
	$(Q)$(MAKE) --no-print-directory test BOOT_KERNELS=6.1

bench:
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all
	$(Q)bash tests/bench/run.sh

# make boot [ARCH=x86_64|i386|aarch64|arm|riscv64|ppc64le|s390x]
# [KERNEL=5.10|6.1|6.12|7.2|armmp] [CPU=Skylake-Client|EPYC]
# [CMD="auxv"] [APPEND="vdso=0"]: the program as /init under a Debian kernel
# (default 6.1; 6.12 for riscv64 and ppc64le, their only one) in the arch's
# qemu-system emulator (CPU: its -cpu model), APPEND added to the kernel's
# command line; tests/boot/boot.sh tells the rest.
KERNEL ?=
.PHONY: boot
boot:
	$(Q)st=0; for a in $(ARCH); do \
		$(MAKE) --no-print-directory ARCH=$$a all || exit; \
		BUILD='$(BUILD)' bash tests/boot/boot.sh $(if $(KERNEL),-k '$(KERNEL)') -c '$(CPU)' -a '$(APPEND)' $$a $(CMD) || st=$$?; \
	done; exit $$st

# make table: the table of what each kernel's vDSO offers (tests/README.md),
# printed from the boots tests/50-boot.t left in build/test/boot/, booting
# any that are missing (tests/boot/table.sh tells the rest).
.PHONY: table
table:
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all
	$(Q)BUILD='$(BUILD)' bash tests/boot/table.sh

# make gdb [ARCH=x86_64|i386] [PROG=stack] [ASLR=on]: a program under gdb,
# stopped at _start, walked to main by tests/gdb/walk.gdb; natively where
# the arch runs, else under qemu-<arch> -g (tests/gdb/gdb.sh tells the rest).
.PHONY: gdb
gdb:
	$(Q)$(MAKE) --no-print-directory ARCH=$(firstword $(ARCH)) all
	$(Q)BUILD=$(BUILD) ASLR=$(ASLR) bash tests/gdb/gdb.sh $(firstword $(ARCH)) $(or $(PROG),stack)

# make fuzz [FUZZ_SECONDS=N]: the reader under libFuzzer, each class for N
# seconds (default 60); tests/fuzz/run.sh tells the rest.  Not part of
# `make test`, which replays only the regression corpus (tests/60-robust.t).
.PHONY: fuzz
fuzz:
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all
	$(Q)BUILD=$(BUILD) bash tests/fuzz/run.sh $(FUZZ_SECONDS)

# make install [PREFIX=/usr/local] [DESTDIR=/some/root]: the tool for
# this machine's arch as PREFIX/bin/vdso (on x86_64 the i386 one as well,
# as bin/vdso32), each installed arch's lessons as
# PREFIX/libexec/vdso/<arch>/<name>, and the manual as
# PREFIX/share/man/man1/vdso.1.  The programs keep their symbols (gdb is
# part of the lessons).  DESTDIR is put before every path, for a package's
# staging folder; nothing is built in: the tool finds its lessons and
# itself at run time, relative to where it is.
#
# make uninstall removes exactly those files (the names come from demo/*.c,
# as install's do), then the folders under libexec/vdso/ if empty; the
# shared folders (bin/, share/man/man1/) stay.
PREFIX  ?= /usr/local
BINDIR      = $(DESTDIR)$(PREFIX)/bin
LESSONDIR   = $(DESTDIR)$(PREFIX)/libexec/vdso
MAN1DIR     = $(DESTDIR)$(PREFIX)/share/man/man1
MACHINE := $(patsubst i%86,i386,$(shell uname -m))
INSTALL_ARCHES := $(if $(filter x86_64,$(MACHINE)),x86_64 i386,$(filter $(ARCHES),$(MACHINE)))
LESSON_NAMES := $(patsubst demo/%.c,%,$(wildcard demo/*.c))
install:
	$(Q)test -n "$(INSTALL_ARCHES)" || { echo "make install: this machine ($(MACHINE)) runs none of: $(ARCHES)" >&2; exit 1; }
	$(Q)$(MAKE) --no-print-directory ARCH="$(INSTALL_ARCHES)" all
	install -d "$(BINDIR)" "$(MAN1DIR)"
	install -m 755 $(BUILD)/$(MACHINE)/vdso "$(BINDIR)/vdso"
	$(if $(filter x86_64,$(MACHINE)),install -m 755 $(BUILD)/i386/vdso "$(BINDIR)/vdso32")
	for a in $(INSTALL_ARCHES); do \
		install -d "$(LESSONDIR)/$$a" && \
		install -m 755 $(addprefix $(BUILD)/$$a/,$(LESSON_NAMES)) "$(LESSONDIR)/$$a/" || exit; \
	done
	install -m 644 vdso.1 "$(MAN1DIR)/vdso.1"
uninstall:
	rm -f "$(BINDIR)/vdso" "$(BINDIR)/vdso32" "$(MAN1DIR)/vdso.1"
	for a in $(ARCHES); do \
		rm -f $(addprefix "$(LESSONDIR)/$$a/",$(LESSON_NAMES)) || exit; \
		if [ -d "$(LESSONDIR)/$$a" ]; then rmdir --ignore-fail-on-non-empty "$(LESSONDIR)/$$a"; fi; \
	done
	if [ -d "$(LESSONDIR)" ]; then rmdir --ignore-fail-on-non-empty "$(LESSONDIR)"; fi

clean:
	rm -rf $(addprefix $(BUILD)/,$(ARCHES)) $(BUILD)/uapi $(BUILD)/test
