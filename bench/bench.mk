# bench.mk — `make bench`: measurements against native runs, strace, the
# raw trap costs and Wine, written to bench/results.md and
# bench/results.png. Not a test: nothing here asserts a figure.
BENCH_STAMP := $(BUILD)/.deps-bench
BENCH_DIR   := $(BUILD)/bench
BENCH_BINS  := $(BENCH_DIR)/loop-linux $(BENCH_DIR)/loop-freebsd $(BENCH_DIR)/sigsys_raw \
               $(BENCH_DIR)/sud_floor \
               $(BENCH_DIR)/seccomp_trap

$(BENCH_STAMP): tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh bench
	@touch $@

$(BENCH_DIR)/loop-linux: bench/src/loop.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

$(BENCH_DIR)/loop-freebsd: bench/src/loop.c $(FBSD_CRT) $(FBSD_CRT_H) | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(FBSD_CC) $(FBSD_CFLAGS) -o $@ $< $(FBSD_CRT)

$(BENCH_DIR)/%: bench/src/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

bench: all samples $(BENCH_BINS) | $(BENCH_STAMP)
	@bench/run.sh $(BUILD)
