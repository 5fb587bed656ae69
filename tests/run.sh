#!/bin/sh
# run.sh — run every test and print one closing line "N passed, N failed".
# Unit tests (Check, plain and under ASan+UBSan) report each case; each
# integration script prints PASS/FAIL lines through tests/lib.sh.
BUILD=${1:-build}
export BUILD
cd "$(dirname "$0")/.." || exit 2
pass=0
fail=0
log=$BUILD/test.log
: > "$log"

count() { # $1: output of one test program
    p=$(grep -c -E '^PASS |:P:' "$1")
    f=$(grep -c -E '^FAIL |:[FE]:' "$1")
    pass=$((pass + p))
    fail=$((fail + f))
    grep -E '^FAIL |:[FE]:' "$1"
    cat "$1" >> "$log"
}

run_unit() { # $1: binary, $2: label
    out=$(mktemp)
    echo "== $2"
    CK_VERBOSITY=verbose CK_FORK=yes "$1" > "$out" 2>&1
    rc=$?
    if [ $rc -ne 0 ] && ! grep -q -E ':[FE]:' "$out"; then
        echo "FAIL $2: exited $rc" >> "$out" # a crash outside any test case
        tail -5 "$out"
    fi
    count "$out"
    rm -f "$out"
}

run_unit "$BUILD/tests/unit" "unit tests"
ASAN_OPTIONS=detect_leaks=1 run_unit "$BUILD/tests/unit-asan" "unit tests (ASan+UBSan)"

for t in tests/integration/*.sh; do
    out=$(mktemp)
    echo "== $t"
    sh "$t" > "$out" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $t: script exited $rc" >> "$out"
    fi
    count "$out"
    rm -f "$out"
done

echo "details in $log"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
