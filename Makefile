# Makefile - builds the runtime and the demos for i386 and x86_64.
#
#   make                 both arches, into build/x86_64/ and build/i386/
#   make ARCH=i386       one arch
#   make CC=clang OPT=-O0 V=1
#   make run             build/x86_64/vdso, natively
#   make test            everything the tests need, then all the tests
#   make bench           the benchmarks (not tests)
#   make fuzz [FUZZ_SECONDS=N]  the reader under libFuzzer (not a test)
#   make clean
#
# The runtime is compiled freestanding: -nostdinc removes every system
# header folder, and only two come back: the compiler's own (stddef.h,
# stdint.h, stdarg.h) and a folder of links to the kernel's UAPI headers
# (linux/, asm/, asm-generic/), so that no libc header can be included.

ARCHES  := x86_64 i386
ARCH    ?= $(ARCHES)
CC      := $(if $(filter default,$(origin CC)),gcc,$(CC))
OPT     ?= -O2
BUILD   ?= build
V       ?= 0
Q       := $(if $(filter 1,$(V)),,@)

# Where the kernel's UAPI headers are: Debian puts asm/ in a multiarch folder.
UAPI_SRC := $(firstword $(wildcard /usr/include/$(shell uname -m)-linux-gnu/asm/unistd.h /usr/include/asm/unistd.h))
UAPI_ASM := $(patsubst %/unistd.h,%,$(UAPI_SRC))

.PHONY: all run test bench clean units
.SECONDARY:
.DEFAULT_GOAL := all

ifneq ($(words $(ARCH)),1)
# More than one arch: build each with this same Makefile.
all units:
	$(Q)for a in $(ARCH); do $(MAKE) --no-print-directory ARCH=$$a $@ || exit; done
else
# ---- one arch --------------------------------------------------------------
OUT := $(BUILD)/$(ARCH)

ARCH_FLAGS_x86_64 := -m64
ARCH_FLAGS_i386   := -m32 -march=i686
ARCH_FLAGS := $(ARCH_FLAGS_$(ARCH))
ifeq ($(ARCH_FLAGS),)
$(error ARCH must be x86_64 or i386, not '$(ARCH)')
endif

IS_CLANG := $(shell $(CC) --version 2>/dev/null | grep -q clang && echo 1)
CC_INCLUDE := $(shell $(CC) -print-file-name=include)

CPPFLAGS := -nostdinc -isystem $(CC_INCLUDE) -isystem $(BUILD)/uapi \
	-I. -Iarch/$(ARCH) -I$(OUT)/gen
CFLAGS := $(ARCH_FLAGS) $(OPT) -std=c11 -g -Wall -Wextra -Werror \
	-ffreestanding -fno-pie \
	-fstack-protector-strong -mstack-protector-guard=global \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections
LDFLAGS := $(ARCH_FLAGS) -static -nostdlib -no-pie -Wl,-T,linker.ld \
	-Wl,--gc-sections -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack \
	-Wl,--build-id=none
# gcc may turn memset's own loop into a call to memset: not in lib/mem.c.
MEM_CFLAGS := $(if $(IS_CLANG),,-fno-tree-loop-distribute-patterns)

# The runtime: one archive, so that a program links only what it uses.
RUNTIME_SRC := $(wildcard lib/*.c start/*.c syscall/*.c elf/*.c vdso/*.c)
RUNTIME_ASM := $(filter-out arch/$(ARCH)/start.S,$(wildcard arch/$(ARCH)/*.S))
RUNTIME_OBJ := $(RUNTIME_SRC:%.c=$(OUT)/obj/%.o) $(RUNTIME_ASM:%.S=$(OUT)/obj/%.o)
START_OBJ   := $(OUT)/obj/arch/$(ARCH)/start.o
LIBRUNTIME  := $(OUT)/libruntime.a

# Each demo/*.c is a program of one file; demo/vdso/ is the tool, all its files.
LESSONS  := $(patsubst demo/%.c,$(OUT)/%,$(wildcard demo/*.c))
VDSO_OBJ := $(patsubst %.c,$(OUT)/obj/%.o,$(wildcard demo/vdso/*.c))
PROGRAMS := $(LESSONS) $(OUT)/vdso
UNITS    := $(patsubst tests/unit/%.c,$(OUT)/unit/%,$(wildcard tests/unit/*.c))

all: $(PROGRAMS)
units: $(UNITS)

$(BUILD)/uapi/.stamp:
	$(Q)test -n "$(UAPI_ASM)" || { echo "make: the kernel's UAPI headers are missing (Debian: linux-libc-dev)" >&2; exit 1; }
	$(Q)mkdir -p $(BUILD)/uapi
	$(Q)ln -sfn /usr/include/linux $(BUILD)/uapi/linux
	$(Q)ln -sfn /usr/include/asm-generic $(BUILD)/uapi/asm-generic
	$(Q)ln -sfn $(UAPI_ASM) $(BUILD)/uapi/asm
	$(Q)touch $@

$(OUT)/gen/errno_table.h: syscall/errno.awk $(BUILD)/uapi/.stamp
	$(Q)mkdir -p $(@D)
	$(Q)awk -f syscall/errno.awk $(BUILD)/uapi/asm-generic/errno-base.h $(BUILD)/uapi/asm-generic/errno.h > $@.tmp && mv $@.tmp $@

# The hashes of each symbol and version of the arch's call table, for vdso/calls.c.
$(OUT)/gen/vdso_hashes.h: vdso/hashes.awk arch/$(ARCH)/vdso_calls.h
	$(Q)mkdir -p $(@D)
	$(Q)awk -f vdso/hashes.awk arch/$(ARCH)/vdso_calls.h > $@.tmp && mv $@.tmp $@

$(OUT)/obj/%.o: %.c $(BUILD)/uapi/.stamp $(OUT)/gen/errno_table.h $(OUT)/gen/vdso_hashes.h Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(if $(filter lib/mem.c,$<),$(MEM_CFLAGS)) -MMD -MP -c $< -o $@

$(OUT)/obj/%.o: %.S $(BUILD)/uapi/.stamp Makefile
	@mkdir -p $(@D)
	$(if $(Q),@echo "  AS      $@")
	$(Q)$(CC) $(CPPFLAGS) $(ARCH_FLAGS) -c $< -o $@

$(LIBRUNTIME): $(RUNTIME_OBJ)
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(LESSONS): $(OUT)/%: $(OUT)/obj/demo/%.o $(START_OBJ) $(LIBRUNTIME) linker.ld
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $< $(LIBRUNTIME)

$(OUT)/vdso: $(VDSO_OBJ) $(START_OBJ) $(LIBRUNTIME) linker.ld
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $(VDSO_OBJ) $(LIBRUNTIME)

# Unit tests run on the runtime itself; the SSE test needs SSE2 on i386.
$(OUT)/unit/%: $(OUT)/obj/tests/unit/%.o $(START_OBJ) $(LIBRUNTIME) linker.ld
	@mkdir -p $(@D)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(START_OBJ) $< $(LIBRUNTIME)
$(OUT)/obj/tests/unit/%.o: CFLAGS += -msse2

-include $(shell find $(OUT)/obj -name '*.d' 2>/dev/null)
endif

# ---- whole-project targets ---------------------------------------------------
run:
	$(Q)$(MAKE) --no-print-directory ARCH=x86_64 all
	$(BUILD)/x86_64/vdso

# The test files are independent (each keeps to its own build/test/NAME/;
# the shared downloads in build/cache/ take a lock): one job per CPU, the
# longest files first, so that the jobs end together.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
TESTS_LONG := tests/20-reader.t tests/60-robust.t tests/50-boot.t
TESTS := $(TESTS_LONG) $(filter-out $(TESTS_LONG),$(sort $(wildcard tests/*.t)))
test:
	$(Q)bash tests/setup/deps.sh
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all units
	$(Q)prove -j$(JOBS) $(if $(filter 1,$(V)),-v) $(TESTS)

bench:
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all
	$(Q)bash tests/bench/run.sh

# make boot [ARCH=x86_64|i386] [CMD="auxv"]: the program as /init under a
# Debian kernel in qemu-system-x86_64; tests/boot/boot.sh tells the rest.
.PHONY: boot
boot:
	$(Q)st=0; for a in $(ARCH); do \
		$(MAKE) --no-print-directory ARCH=$$a all || exit; \
		BUILD=$(BUILD) bash tests/boot/boot.sh $$a $(CMD) || st=$$?; \
	done; exit $$st

# make fuzz [FUZZ_SECONDS=N]: the reader under libFuzzer, each class for N
# seconds (default 60); tests/fuzz/run.sh tells the rest.  Not part of
# `make test`, which replays only the regression corpus (tests/60-robust.t).
.PHONY: fuzz
fuzz:
	$(Q)$(MAKE) --no-print-directory ARCH="$(ARCHES)" all
	$(Q)BUILD=$(BUILD) bash tests/fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD)/x86_64 $(BUILD)/i386 $(BUILD)/uapi $(BUILD)/test
