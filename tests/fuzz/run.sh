#!/bin/sh
# run.sh — run the libFuzzer harnesses (see README.md).
# Usage: tests/fuzz/run.sh BUILD SECONDS NAME...   fuzz each for SECONDS
#        tests/fuzz/run.sh BUILD replay NAME...    run every saved input once
# Each harness NAME grows $BUILD/fuzz/corpus/NAME from its seeds; crashes,
# hangs and leaks are saved as $BUILD/fuzz/crashes/NAME-*. Per-run
# statistics are appended to $BUILD/fuzz/stats.log. Exits 1 if a harness
# failed (a finding) and 0 otherwise.
set -u
B=$1
T=$2
shift 2
F=$B/fuzz
mkdir -p "$F/crashes"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0

seeds_of() {
    case $1 in
        pe_info|pe_map) echo "$F/seeds/pe" ;;
        pe_relocs) echo "$F/seeds/pe_relocs" ;;
        elf_info) echo "$F/seeds/elf" ;;
    esac
}

for n in "$@"; do
    bin=$F/fuzz_$n
    corpus=$F/corpus/$n
    log=$F/$n.log
    mkdir -p "$corpus"
    t0=$(date +%s)
    if [ "$T" = replay ]; then
        set -- "$F"/crashes/"$n"-*
        [ -e "$1" ] || set --
        "$bin" -runs=0 "$corpus" "$(seeds_of "$n")" > "$log" 2>&1 &&
            { [ $# -eq 0 ] || "$bin" "$@" >> "$log" 2>&1; }
    else
        "$bin" -max_total_time="$T" -timeout=10 -print_final_stats=1 \
            -artifact_prefix="$F/crashes/$n-" "$corpus" "$(seeds_of "$n")" > "$log" 2>&1
    fi
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(($(date +%s) - t0))
    echo "$(date +%F.%T) $n ${secs}s ${runs:-?} runs rc=$rc" >> "$F/stats.log"
    if [ $rc -eq 0 ]; then
        echo "fuzz_$n: ok (${runs:-?} runs in ${secs}s)"
    else
        status=1
        echo "fuzz_$n: FAILED (exit $rc), see $log:"
        grep -a -E 'ERROR|SUMMARY|fuzz:|runtime error|Test unit written' "$log" | head -5
    fi
done
exit $status
