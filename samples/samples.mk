# samples.mk — foreign sample programs, built from source into
# $(BUILD)/samples, never committed. Included by the top Makefile.
#
#   samples/windows/NAME.c    -> windows/NAME.exe (msvcrt), windows/NAME-ucrt.exe
#   samples/windows/NAME.cpp  -> windows/NAME.exe, windows/NAME-ucrt.exe (g++)
#   samples/freebsd/NAME.c    -> freebsd/NAME (static, with samples/freebsd/crt)
#   samples/go/NAME/main.go   -> go/NAME-linux, go/NAME-freebsd, go/NAME.exe
# Portable sources (listed in PORTABLE_*) are also built for Linux with the
# host compiler: linux/NAME, the reference output for differential tests.

SAMPLES     := $(BUILD)/samples
SAMPLES_STAMP := $(BUILD)/.deps-samples
MINGW_CC    := x86_64-w64-mingw32-gcc
MINGW_CXX   := x86_64-w64-mingw32-g++
FBSD_CC     := clang --target=x86_64-unknown-freebsd13
WIN_CFLAGS  := -O2 -Wall -Wextra -Werror -Wno-format
UCRT_SPECS  := $(SAMPLES)/ucrt.specs
FBSD_CFLAGS := -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin -nostdlib -static \
               -fuse-ld=lld -fno-stack-protector -Isamples/freebsd/crt
GO          := go
GOENV       := CGO_ENABLED=0 GOARCH=amd64 GOCACHE=$(abspath $(BUILD))/gocache GOFLAGS=-buildvcs=false

WIN_C     := $(sort $(wildcard samples/windows/*.c))
WIN_CXX   := $(sort $(wildcard samples/windows/*.cpp))
WIN_NAMES := $(notdir $(basename $(WIN_C) $(WIN_CXX)))
WIN_EXES  := $(WIN_NAMES:%=$(SAMPLES)/windows/%.exe) $(WIN_NAMES:%=$(SAMPLES)/windows/%-ucrt.exe)
FBSD_C    := $(sort $(wildcard samples/freebsd/*.c))
FBSD_BINS := $(FBSD_C:samples/freebsd/%.c=$(SAMPLES)/freebsd/%)
FBSD_CRT  := $(sort $(wildcard samples/freebsd/crt/*.c samples/freebsd/crt/*.S))
FBSD_CRT_H := $(wildcard samples/freebsd/crt/*.h)
GO_NAMES  := $(notdir $(patsubst %/,%,$(dir $(wildcard samples/go/*/main.go))))
GO_BINS   := $(foreach n,$(GO_NAMES),$(SAMPLES)/go/$(n)-linux $(SAMPLES)/go/$(n)-freebsd $(SAMPLES)/go/$(n).exe)

# Per-directory settings: PORTABLE_WIN / PORTABLE_FBSD (sources also built
# natively for differential tests) and extra libraries (WIN_LIBS,
# FBSD_LIBS_NATIVE).
include samples/windows/build.mk
include samples/freebsd/build.mk
LINUX_BINS := $(PORTABLE_WIN:%=$(SAMPLES)/linux/win-%) $(PORTABLE_FBSD:%=$(SAMPLES)/linux/fbsd-%)

samples: $(WIN_EXES) $(FBSD_BINS) $(GO_BINS) $(LINUX_BINS)

$(SAMPLES_STAMP): tools/deps.sh
	@mkdir -p $(SAMPLES)
	@tools/deps.sh samples
	@touch $@

$(UCRT_SPECS): | $(SAMPLES_STAMP)
	$(MINGW_CC) -dumpspecs | sed 's/-lmsvcrt/-lucrt/g' > $@

$(SAMPLES)/windows/%.exe: samples/windows/%.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CC) $(WIN_CFLAGS) -o $@ $< $(WIN_LIBS)

$(SAMPLES)/windows/%-ucrt.exe: samples/windows/%.c $(UCRT_SPECS)
	@mkdir -p $(dir $@)
	$(MINGW_CC) -specs=$(UCRT_SPECS) -D_UCRT $(WIN_CFLAGS) -o $@ $< $(WIN_LIBS)

$(SAMPLES)/windows/%.exe: samples/windows/%.cpp | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CXX) $(WIN_CFLAGS) -static-libgcc -static-libstdc++ -o $@ $< $(WIN_LIBS)

$(SAMPLES)/windows/%-ucrt.exe: samples/windows/%.cpp $(UCRT_SPECS)
	@mkdir -p $(dir $@)
	$(MINGW_CXX) -specs=$(UCRT_SPECS) -D_UCRT $(WIN_CFLAGS) -static-libgcc -static-libstdc++ -o $@ $< $(WIN_LIBS)

$(SAMPLES)/freebsd/%: samples/freebsd/%.c $(FBSD_CRT) $(FBSD_CRT_H) | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(FBSD_CC) $(FBSD_CFLAGS) -o $@ $< $(FBSD_CRT)

$(SAMPLES)/linux/win-%: samples/windows/%.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Wno-format -o $@ $< -lpthread -lm

$(SAMPLES)/linux/fbsd-%: samples/freebsd/%.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -o $@ $< -lpthread -lm $(FBSD_LIBS_NATIVE)

$(SAMPLES)/go/%-linux: samples/go/%/main.go | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	cd samples/go && $(GOENV) GOOS=linux $(GO) build -o $(abspath $@) ./$*

$(SAMPLES)/go/%-freebsd: samples/go/%/main.go | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	cd samples/go && $(GOENV) GOOS=freebsd $(GO) build -o $(abspath $@) ./$*

$(SAMPLES)/go/%.exe: samples/go/%/main.go | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	cd samples/go && $(GOENV) GOOS=windows $(GO) build -o $(abspath $@) ./$*
