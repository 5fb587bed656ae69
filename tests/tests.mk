# tests.mk — unit tests (Check), the same under ASan+UBSan, the malformed
# corpus, and integration tests. `make check` runs them all through
# tests/run.sh, which ends with "N passed, N failed".

UNIT_C     := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN   := $(BUILD)/tests/unit
UNIT_ASAN  := $(BUILD)/tests/unit-asan
XENO_ASAN  := $(BUILD)/xeno-asan
ASAN_LIB_O := $(LIB_C:%.c=$(ASAN)/%.o) $(CORE_S:%.S=$(ASAN)/%.o)
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
TEST_STAMP := $(BUILD)/.deps-test
CORPUS_GEN := $(BUILD)/tests/mkcorpus
CORPUS     := $(BUILD)/corpus

SUITES_INC := $(BUILD)/tests/suites.inc
$(OBJ)/tests/%.o: ALL_CFLAGS += $(CHECK_CFLAGS) -I$(BUILD)/tests
$(ASAN)/tests/%.o: ALL_CFLAGS += -I$(BUILD)/tests
$(UNIT_C:%.c=$(OBJ)/%.o) $(UNIT_C:%.c=$(ASAN)/%.o): $(SUITES_INC)

# One X(name) per tests/unit/test_NAME.c; rewritten only when the set changes.
$(SUITES_INC): FORCE
	@mkdir -p $(dir $@)
	@{ printf '#define XENO_SUITES(X)'; for f in $(notdir $(wildcard tests/unit/test_*.c)); do \
	    n=$${f#test_}; printf ' X(%s)' "$${n%.c}"; done; echo; } > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

.PHONY: FORCE
FORCE:

$(TEST_STAMP): tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh test
	@touch $@

$(UNIT_BIN): $(UNIT_C:%.c=$(OBJ)/%.o) $(LIB_O)
	@mkdir -p $(dir $@)
	@echo '  LD    $@'
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CHECK_LIBS) $(PKG_LIBS) $(LDLIBS)

$(UNIT_ASAN): $(UNIT_C:%.c=$(ASAN)/%.o) $(ASAN_LIB_O)
	@mkdir -p $(dir $@)
	@echo '  LD    $@'
	$(Q)$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $^ $(CHECK_LIBS) $(PKG_LIBS) $(LDLIBS)

$(XENO_ASAN): $(ASAN)/$(MAIN_C:.c=.o) $(ASAN_LIB_O)
	@echo '  LD    $@'
	$(Q)$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

$(CORPUS_GEN): tests/malformed/mkcorpus.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# The corpus is made from valid samples, never committed.
$(CORPUS)/MANIFEST: $(CORPUS_GEN) $(SAMPLES)/windows/hello.exe $(SAMPLES)/freebsd/hello
	@rm -rf $(CORPUS) && mkdir -p $(CORPUS)
	$(CORPUS_GEN) $(CORPUS) $(SAMPLES)/windows/hello.exe $(SAMPLES)/freebsd/hello

PEIMPORTS := $(BUILD)/tests/peimports
$(PEIMPORTS): tests/tools/peimports/main.go | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	cd tests/tools && $(GOENV) GOOS=linux $(GO) build -o $(abspath $@) ./peimports

unit: $(UNIT_BIN) $(UNIT_ASAN)

# Focused Windows test programs (tests/win/NAME.c|.cpp), built like the
# samples, against msvcrt and UCRT: $(BUILD)/tests/win/NAME.exe, NAME-ucrt.exe.
TESTWIN_NAMES := $(notdir $(basename $(wildcard tests/win/*.c tests/win/*.cpp)))
TESTWIN_EXES  := $(TESTWIN_NAMES:%=$(BUILD)/tests/win/%.exe) $(TESTWIN_NAMES:%=$(BUILD)/tests/win/%-ucrt.exe)
TESTWIN_FLAGS := $(WIN_CFLAGS) -Wno-infinite-recursion
$(BUILD)/tests/win/%.exe: tests/win/%.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CC) $(TESTWIN_FLAGS) -o $@ $<
$(BUILD)/tests/win/%-ucrt.exe: tests/win/%.c $(UCRT_SPECS)
	@mkdir -p $(dir $@)
	$(MINGW_CC) -specs=$(UCRT_SPECS) -D_UCRT $(TESTWIN_FLAGS) -o $@ $<
$(BUILD)/tests/win/%.exe: tests/win/%.cpp | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CXX) $(TESTWIN_FLAGS) -static-libgcc -static-libstdc++ -o $@ $<
$(BUILD)/tests/win/%-ucrt.exe: tests/win/%.cpp $(UCRT_SPECS)
	@mkdir -p $(dir $@)
	$(MINGW_CXX) -specs=$(UCRT_SPECS) -D_UCRT $(TESTWIN_FLAGS) -static-libgcc -static-libstdc++ -o $@ $<
.PHONY: testwin
testwin: $(TESTWIN_EXES)
check: $(TESTWIN_EXES)

check: all samples unit $(XENO_ASAN) $(CORPUS)/MANIFEST $(PEIMPORTS) | $(TEST_STAMP)
	@tests/run.sh $(BUILD)
