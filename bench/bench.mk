# bench.mk — `make bench`: measurements against native, strace and Wine,
# written to bench/results.md and bench/results.png. Not a test.
BENCH_STAMP := $(BUILD)/.deps-bench

$(BENCH_STAMP): tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh bench
	@touch $@

bench: all samples | $(BENCH_STAMP)
	@bench/run.sh $(BUILD)
