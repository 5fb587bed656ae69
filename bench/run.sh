#!/bin/sh
# run.sh — `make bench`. Each comparison runs its variants side by side,
# interleaved, several times; figures are medians with their range.
# Writes bench/results.md (tables) and bench/results.png (chart).
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
X=$BUILD/xeno
B=$BUILD/bench
S=$BUILD/samples
P=$BUILD/libxeno-preload.so
REPS=${BENCH_REPS:-5}
OUT=bench/results.md
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; wineserver -k >/dev/null 2>&1' EXIT

# median / min / max of the numbers on stdin
stats() {
    sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "n/a n/a n/a"; exit }
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'
}

# ns/call printed by a loop program: "123.4 ns/call (ok)"
nscall() {
    "$@" 2>/dev/null | awk '/ns\/call/ { print $1 }'
}

echo "# xeno benchmarks" > $OUT
{
    echo
    echo "Measured by \`make bench\` on $(date -u +%Y-%m-%d), $(nproc) CPUs,"
    echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r)."
    echo "Every figure is the median of $REPS interleaved runs, with the range [min–max]."
    echo "Benchmarks are measurements, not tests: nothing here is asserted."
} >> $OUT

# ---- 1. per-call overhead ----
N=1000000
NS=200000
run_loop() { # LABEL CMD...
    label=$1
    shift
    nscall "$@" >> "$TMP/loop-$label"
}
for r in $(seq $REPS); do
    run_loop native $B/loop-linux $N
    run_loop fbsd-rewrite $X run $B/loop-freebsd $N
    XENO_REWRITE=0 run_loop fbsd-sud $X run $B/loop-freebsd $NS
    LD_PRELOAD=$(realpath $P) run_loop preload-rewrite $B/loop-linux $N
    LD_PRELOAD=$(realpath $P) XENO_REWRITE=0 run_loop preload-sud $B/loop-linux $NS
    run_loop raw-off $B/sud_floor off $N
    run_loop sud-inrange $B/sud_floor inrange $N
    run_loop sud-selector $B/sud_floor selector $N
    run_loop sigsys-raw $B/sigsys_raw $NS
    run_loop seccomp $B/seccomp_trap $NS
    command -v strace >/dev/null && run_loop ptrace strace -f -o /dev/null $B/loop-linux 50000
done
native=$(stats < "$TMP/loop-native" | cut -d' ' -f1)
{
    echo
    echo "## 1. Per-call overhead: getppid() in a loop"
    echo
    echo "| mechanism | ns per call | range | ratio to native |"
    echo "| --- | ---: | --- | ---: |"
} >> $OUT
row_loop() { # LABEL DESCRIPTION
    set -- "$1" "$2" $(stats < "$TMP/loop-$1")
    [ "$3" = n/a ] && { echo "| $2 | n/a | | |" >> $OUT; return; }
    ratio=$(awk -v a="$3" -v b="$native" 'BEGIN { printf "%.2fx", a / b }')
    echo "| $2 | $3 | $4–$5 | $ratio |" >> $OUT
}
row_loop native "native Linux"
row_loop fbsd-rewrite "xeno, FreeBSD guest, rewritten site"
row_loop fbsd-sud "xeno, FreeBSD guest, Syscall User Dispatch (XENO_REWRITE=0)"
row_loop preload-rewrite "libxeno-preload.so, rewritten site"
row_loop preload-sud "libxeno-preload.so, Syscall User Dispatch (XENO_REWRITE=0)"
row_loop raw-off "native loop, inline syscall instruction, nothing armed (baseline of the next two)"
row_loop sud-inrange "native loop, SUD armed, site in the allowed range (floor for rewritten calls)"
row_loop sud-selector "native loop, SUD armed, selector allows (kernel reads the selector)"
row_loop sigsys-raw "raw SIGSYS round trip (SUD, empty handler)"
row_loop seccomp "seccomp SECCOMP_RET_TRAP, empty handler"
row_loop ptrace "ptrace (strace -f -o /dev/null)"

# ---- 2. start to exit ----
hf() { # NAME CMD: hyperfine median in ms
    hyperfine -N --warmup 3 --runs 20 --export-json "$TMP/$1.json" "$2" >/dev/null 2>&1 &&
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f %.2f" % (r["median"]*1e3, r["min"]*1e3, r["max"]*1e3))' "$TMP/$1.json"
}
have_wine=$(command -v wine >/dev/null && echo yes)
if [ -n "$have_wine" ]; then
    export WINEDEBUG=-all WINEPREFIX=$TMP/wineprefix
    wine $S/windows/hello.exe >/dev/null 2>&1   # create the prefix
    wineserver -p 60 >/dev/null 2>&1            # keep it warm
fi
{
    echo
    echo "## 2. Start to exit: hello"
    echo
    echo "| program | median ms | range | ratio to native C hello |"
    echo "| --- | ---: | --- | ---: |"
} >> $OUT
for row in "native|native Linux build|$S/linux/win-hello" \
           "exe|xeno hello.exe (mingw, msvcrt)|$X run $S/windows/hello.exe" \
           "exe-ucrt|xeno hello-ucrt.exe (mingw, UCRT)|$X run $S/windows/hello-ucrt.exe" \
           "gonative|Go hello, native Linux build|$S/go/hello-linux" \
           "gohello|xeno Go hello.exe|$X run $S/go/hello.exe" \
           "fbsd|xeno FreeBSD hello|$X run $S/freebsd/hello" \
           "gofbsd|xeno Go FreeBSD hello|$X run $S/go/hello-freebsd" \
           "wine|Wine 8.0 hello.exe (warm wineserver)|wine $S/windows/hello.exe"; do
    name=${row%%|*}; rest=${row#*|}; label=${rest%%|*}; cmd=${rest#*|}
    if [ $name = wine ] && [ -z "$have_wine" ]; then echo "$label|not installed" >> "$TMP/start"; continue; fi
    echo "$label|$(hf $name "$cmd")" >> "$TMP/start"
done
hnative=$(awk -F'|' 'NR == 1 { split($2, f, " "); print f[1] }' "$TMP/start")
awk -F'|' -v n="$hnative" '{ split($2, f, " ");
    if (f[1] == "not") { printf "| %s | not installed | | |\n", $1; next }
    printf "| %s | %s | %s–%s | %.1fx |\n", $1, f[1], f[2], f[3], f[1] / n }' "$TMP/start" >> $OUT

# ---- 3. real programs ----
{
    echo
    echo "## 3. Go programs: foreign builds vs the Linux build natively"
    echo
    echo "cpubench is CPU-bound (no system calls in its loop); sysbench is"
    echo "syscall-bound (small reads and writes, stats, getpid). The FreeBSD"
    echo "build's calls take the rewritten path; the Windows build's calls go"
    echo "through xeno's builtin DLLs."
    echo
    echo "| program | Linux native ms | xeno FreeBSD build ms (ratio) | xeno Windows build ms (ratio) | Wine Windows build ms (ratio) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
} >> $OUT
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
for g in cpubench sysbench; do
    [ -x $S/go/$g-linux ] || continue
    set -- $(hf go-$g-l "$S/go/$g-linux") ; l=$1
    set -- $(hf go-$g-f "$X run $S/go/$g-freebsd") ; f=$1
    set -- $(hf go-$g-w "$X run $S/go/$g.exe") ; w=$1
    wn="not installed"
    if [ -n "$have_wine" ]; then
        set -- $(hf go-$g-wine "wine $S/go/$g.exe") ; wn="$1 ($(ratio_of $1 $l))"
    fi
    echo "| $g | $l | $f ($(ratio_of $f $l)) | $w ($(ratio_of $w $l)) | $wn |" >> $OUT
done

# ---- 4. tracing throughput ----
TN=200000
for r in $(seq $REPS); do
    run_loop t-none $B/loop-linux $TN
    LD_PRELOAD=$(realpath $P) XENO_TRACE=1 XENO_TRACE_FILE=$TMP/trace.out run_loop t-xeno $B/loop-linux $TN
    command -v strace >/dev/null && run_loop t-strace strace -f -o $TMP/strace.out $B/loop-linux $TN
done
{
    echo
    echo "## 4. Tracing $TN getppid() calls to a file"
    echo
    echo "| tracer | ns per call | range | ratio to untraced |"
    echo "| --- | ---: | --- | ---: |"
} >> $OUT
native=$(stats < "$TMP/loop-t-none" | cut -d' ' -f1)
row_loop t-none "untraced"
row_loop t-xeno "libxeno-preload.so, XENO_TRACE=1"
row_loop t-strace "strace -f -o FILE"

# ---- chart ----
if command -v gnuplot >/dev/null; then
    awk -F'|' 'NF == 6 && /^\| / && $5 ~ /x *$/ { gsub(/ /, "", $5); sub(/x$/, "", $5); gsub(/^ +| +$/, "", $2); print "\"" $2 "\" " $5 }' $OUT > $TMP/ratios.dat
    gnuplot <<GP 2>/dev/null
set terminal png size 1200,700 noenhanced
set output "bench/results.png"
set style data histograms
set style fill solid 0.6
set logscale y
set ylabel "ratio to native (log scale)"
set xtics rotate by -35 font ",8"
set title "xeno benchmarks (lower is better)"
plot "$TMP/ratios.dat" using 2:xtic(1) notitle
GP
    echo "\nChart: bench/results.png (written by \`make bench\`, not kept in git)." >> $OUT
fi
cat $OUT
