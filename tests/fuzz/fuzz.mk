# fuzz.mk — libFuzzer harnesses for the PE and ELF parsers (README.md here).
# `make fuzz` builds them with clang (-fsanitize=fuzzer,address,undefined),
# generates seeds from the built samples and the malformed corpus, and runs
# each harness for FUZZ_SECONDS (default 60); crashes go to
# $(BUILD)/fuzz/crashes. `make fuzz-replay` reruns every saved input once.
# Not part of `make check`. Included by the top Makefile.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_OBJ     := $(FUZZ_DIR)/obj
FUZZ_STAMP   := $(BUILD)/.deps-fuzz
FUZZ_NAMES   := pe_info pe_map pe_relocs elf_info
FUZZ_BINS    := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)
FUZZ_HELPERS := fuzz_common pe_check pe_synth

# Instrumented (coverage + ASan + UBSan): the parsers and everything that
# reads file bytes for `xeno info`. The rest of xeno links in unchanged
# from the normal build's objects.
FUZZ_SRC  := $(filter-out $(MAIN_C),$(wildcard loader/*.c)) syscalls/rewrite.c \
             syscalls/freebsd/predict.c libs-shim/win32/registry.c libs-shim/win32/imports.c
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS = $(filter-out -Werror -O2,$(ALL_CFLAGS)) -Wno-unknown-warning-option -O1 \
              -fsanitize=fuzzer-no-link $(FUZZ_SAN) -Itests/fuzz
FUZZ_LIB_O := $(FUZZ_SRC:%.c=$(FUZZ_OBJ)/%.o) $(filter-out $(FUZZ_SRC:%.c=$(OBJ)/%.o),$(LIB_O))
FUZZ_HELP_O := $(FUZZ_HELPERS:%=$(FUZZ_OBJ)/tests/fuzz/%.o)

$(FUZZ_STAMP): tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh fuzz
	@touch $@

$(FUZZ_OBJ)/%.o: %.c | $(DEPS_STAMP) $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	@echo '  FUZZCC $<'
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

# Every decode capstone is asked for is checked (fuzz_common.c).
$(FUZZ_BINS): $(FUZZ_DIR)/fuzz_%: $(FUZZ_OBJ)/tests/fuzz/fuzz_%.o $(FUZZ_HELP_O) $(FUZZ_LIB_O)
	@echo '  LD    $@'
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -Wl,--wrap=cs_disasm_iter -o $@ $^ \
	    $(PKG_LIBS) $(LDLIBS)

# Seed generators: relocation data cut out of real programs, and a tiny
# FreeBSD program calling functions named like Go's syscall wrappers.
FUZZ_RELOC_SEED := $(FUZZ_DIR)/reloc_seed
$(FUZZ_RELOC_SEED): tests/fuzz/reloc_seed.c tests/fuzz/pe_synth.c $(OBJ)/loader/pe.o \
                    $(OBJ)/loader/pe_dirs.o $(OBJ)/loader/diag.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $^

FUZZ_GOWRAP := $(FUZZ_DIR)/gowrap
$(FUZZ_GOWRAP): tests/fuzz/gowrap.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(FBSD_CC) -ffreestanding -nostdlib -static -fuse-ld=lld -o $@ $<

FUZZ_SEEDS := $(FUZZ_DIR)/seeds/.done
$(FUZZ_SEEDS): tests/fuzz/seeds.sh $(FUZZ_RELOC_SEED) $(FUZZ_GOWRAP) $(CORPUS)/MANIFEST | samples
	tests/fuzz/seeds.sh $(BUILD)
	@touch $@

.PHONY: fuzz fuzz-build fuzz-replay
fuzz-build: $(FUZZ_BINS) $(FUZZ_SEEDS)

fuzz: fuzz-build
	@tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-replay: fuzz-build
	@tests/fuzz/run.sh $(BUILD) replay $(FUZZ_NAMES)
