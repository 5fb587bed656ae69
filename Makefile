# xeno — run Windows and FreeBSD programs natively on Linux x86-64.
# `make` builds build/xeno and build/libxeno-preload.so; `make check` runs
# every test; `make demo` runs a bundled sample; `make bench` measures.

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= gcc
V       ?= 0
Q       := $(if $(filter 1,$(V)),,@)

PKGS     := libelf libffi capstone
WARN     := -Wall -Wextra -Werror -Wno-format-truncation
BASE_CFLAGS := -std=gnu11 $(WARN) -g -O2 -fno-strict-aliasing -fno-omit-frame-pointer -fno-stack-protector \
           -D_GNU_SOURCE -Iloader -Iabi -Isyscalls -Ilibs-shim
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)
CFLAGS  ?=
ALL_CFLAGS = $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS  := -lpthread -lm -ldl

# xeno itself: everything under loader/ abi/ syscalls/ libs-shim/win32/
CORE_DIRS := loader abi syscalls libs-shim/win32
CORE_C    := $(sort $(shell find $(CORE_DIRS) -name '*.c'))
CORE_S    := $(sort $(shell find $(CORE_DIRS) -name '*.S'))
MAIN_C    := loader/main.c
LIB_C     := $(filter-out $(MAIN_C),$(CORE_C))
# The interception engine shared with the preload library (with the Linux
# system call table and decoders of the host personality).
ENGINE_C  := $(sort $(shell find syscalls -maxdepth 1 -name '*.c') $(wildcard syscalls/linux/*.c) \
               $(wildcard abi/host/*.c))
ENGINE_S  := abi/gate.S
PRELOAD_C := $(sort $(wildcard libs-shim/preload/*.c))

OBJ   := $(BUILD)/obj
PIC   := $(BUILD)/pic
ASAN  := $(BUILD)/asan
LIB_O := $(LIB_C:%.c=$(OBJ)/%.o) $(CORE_S:%.S=$(OBJ)/%.o)

XENO    := $(BUILD)/xeno
PRELOAD := $(BUILD)/libxeno-preload.so
DEPS_STAMP := $(BUILD)/.deps-build

.PHONY: all deps samples check unit demo bench install uninstall clean
all: $(XENO) $(PRELOAD)

$(DEPS_STAMP): tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh build
	@touch $@

deps: $(DEPS_STAMP)

# Objects must be built after the dependency check (pkg-config needs it).
$(OBJ)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(OBJ)/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(PIC)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -DXENO_PRELOAD -MMD -MP -c $< -o $@

$(PIC)/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -DXENO_PRELOAD -MMD -MP -c $< -o $@

$(ASAN)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -O1 -fsanitize=address,undefined \
	    -fno-sanitize-recover=undefined -MMD -MP -c $< -o $@

$(ASAN)/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '  CC    $<'
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libxeno.a: $(LIB_O)
	@rm -f $@
	ar rcs $@ $^

# Linked from objects, not the archive: syscall handlers are found through
# weak references, which never pull archive members in.
# Start-up speed: capstone is linked in statically and xeno is not
# position-independent, so the dynamic linker has no relocations of
# capstone's large tables to apply (about 1 ms per run); libelf (with its
# zlib) and libffi are static too, three fewer libraries to load (~0.1 ms). The fixed address
# sits below 2 GiB (crt objects use 32-bit relocations) and clear of where
# guests put fixed images: FreeBSD executables at 0x200000/0x400000,
# Windows images at 0x400000, 0x10000000 and 0x140000000 and up.
XENO_LDFLAGS := -no-pie -Wl,-Ttext-segment=0x60000000
STATIC_LIBS := -lelf -lffi -lcapstone
XENO_LIBS = -Wl,-Bstatic $(STATIC_LIBS) -lz -Wl,-Bdynamic $(filter-out $(STATIC_LIBS),$(PKG_LIBS))
$(XENO): $(OBJ)/$(MAIN_C:.c=.o) $(LIB_O)
	@echo '  LD    $@'
	$(Q)$(CC) $(ALL_CFLAGS) $(XENO_LDFLAGS) -o $@ $^ $(XENO_LIBS) $(LDLIBS)

PRELOAD_O := $(PRELOAD_C:%.c=$(PIC)/%.o) $(ENGINE_C:%.c=$(PIC)/%.o) $(ENGINE_S:%.S=$(PIC)/%.o)
$(PRELOAD): $(PRELOAD_O)
	@echo '  LD    $@'
	$(Q)$(CC) $(ALL_CFLAGS) -shared -fPIC -Wl,-z,defs -Wl,-soname,libxeno-preload.so \
	    -o $@ $^ $(PKG_LIBS) $(LDLIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

include samples/samples.mk
include tests/tests.mk
include bench/bench.mk
include tests/fuzz/fuzz.mk

# The demo: a Windows program and a FreeBSD program, each run through xeno.
demo: all samples
	@tools/demo.sh $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/xeno \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(XENO) $(DESTDIR)$(PREFIX)/bin/xeno
	install -m 644 $(PRELOAD) $(DESTDIR)$(PREFIX)/lib/xeno/libxeno-preload.so
	install -m 644 docs/xeno.1 $(DESTDIR)$(PREFIX)/share/man/man1/xeno.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/xeno $(DESTDIR)$(PREFIX)/lib/xeno/libxeno-preload.so \
	    $(DESTDIR)$(PREFIX)/share/man/man1/xeno.1
	-rmdir $(DESTDIR)$(PREFIX)/lib/xeno 2>/dev/null

clean:
	rm -rf $(BUILD)
