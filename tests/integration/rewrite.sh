# rewrite.sh — the syscall fast path (issue 6): FreeBSD programs with
# system calls in awkward places give the same answers rewritten and
# trapped, the counters show which path the calls took, and `xeno info`
# predicts the system calls a program makes (every call seen at run time
# by `xeno trace` was predicted).
. tests/lib.sh

XENO_STATS=1 t_rc "awkward sites, rewritten" 0 $XENO run $S/freebsd/rewrite
t_eq "awkward sites: all answers right" 0 "$(grep -c -v ' ok$' $TMP/out)"
t_eq "awkward sites: 18 checks" 18 "$(grep -c ' ok$' $TMP/out)"
stats=$(grep '^xeno: stats:' $TMP/err)
t_match "sites were rewritten by displacement" "[1-9][0-9]* rewritten by displacement" "$stats"
t_match "a site was rewritten through padding" "[1-9][0-9]* through padding" "$stats"
t_match "unprovable sites were left to SUD" "[1-9][0-9]* left to SUD" "$stats"
cp $TMP/out $TMP/rewritten.out

XENO_STATS=1 XENO_REWRITE=0 t_rc "awkward sites, XENO_REWRITE=0" 0 $XENO run $S/freebsd/rewrite
t_eq "same answers with rewriting off" "$(cat $TMP/rewritten.out)" "$(cat $TMP/out)"
t_match "with rewriting off nothing is rewritten" "0 calls through rewritten sites.*0 found" "$(grep '^xeno: stats:' $TMP/err)"

XENO_STATS=1 t_rc "Go hello rewritten" 0 $XENO run $S/go/hello-freebsd
t_match "Go's calls use rewritten sites, none trapped" ", 0 trapped by Syscall User Dispatch" "$(grep '^xeno: stats:' $TMP/err)"

# Go releases are stripped (-s -w) and have no unwind tables: function
# boundaries then come from Go's own pc-line table (.gopclntab), and the
# sites are rewritten all the same.
if strip -o $TMP/hello-stripped $S/go/hello-freebsd 2> /dev/null; then
    t_eq "stripped Go program: no symbols left" 0 "$(readelf -s $TMP/hello-stripped 2> /dev/null | grep -c FUNC)"
    XENO_STATS=1 t_rc "stripped Go program runs" 0 $XENO run $TMP/hello-stripped
    t_match "stripped Go program: sites found and rewritten, none trapped" \
        ", 0 trapped by Syscall User Dispatch; syscall sites: [1-9][0-9] found, [1-9][0-9] rewritten" \
        "$(grep '^xeno: stats:' $TMP/err)"
    t_eq "stripped Go program: xeno info predicts what it does unstripped" \
        "$($XENO info $S/go/hello-freebsd | sed -n '/^syscalls:/,$p')" \
        "$($XENO info $TMP/hello-stripped | sed -n '/^syscalls:/,$p')"
else
    fail "stripped Go program" "strip could not copy $S/go/hello-freebsd"
fi

# Reads, writes and the other calls Linux shares with FreeBSD are made by
# the trampoline itself: doubling the I/O of Go's sysbench (about 4.4
# reads and writes per iteration) must add almost nothing to the gate count.
gate_calls() {
    XENO_STATS=1 $XENO run $S/go/sysbench-freebsd $1 2>&1 > /dev/null |
        sed -n 's/^xeno: stats: \([0-9]*\) calls through rewritten sites.*/\1/p'
}
g1=$(gate_calls 2000)
g2=$(gate_calls 4000)
t_eq "2000 more sysbench iterations: under 500 more calls through the gate" yes \
    "$([ -n "$g1" ] && [ -n "$g2" ] && [ $((g2 - g1)) -lt 500 ] && echo yes || echo "no ($g1 -> $g2)")"

# xeno info's prediction covers what the program really calls.
for p in freebsd/hello freebsd/files freebsd/threads freebsd/signals freebsd/procs go/hello-freebsd; do
    $XENO info $S/$p | sed -n '/^syscalls:/,$p' | awk 'NR > 1 { print $1 }' | sort -u > $TMP/predicted
    (cd $TMP && $OLDPWD/$XENO trace -f -o $TMP/trace.txt $OLDPWD/$S/$p > /dev/null 2>&1)
    sed -n 's/^[0-9]* *\([a-z_0-9]*\)(.*/\1/p' $TMP/trace.txt | sort -u > $TMP/seen
    missing=$(comm -13 $TMP/predicted $TMP/seen | tr '\n' ' ')
    t_eq "info predicted every call $p made" "" "$missing"
    t_match "$p made some calls" "." "$(cat $TMP/seen)"
done

# A host program under libxeno-preload.so: a library it dlopen()s later is
# rewritten as ld.so maps it (before any thread can run it), so its calls
# take rewritten sites instead of trapping. Tracing makes every call enter
# the gate, which is where the path is counted.
LIB=$(realpath $BUILD/libxeno-preload.so)
cat > $TMP/dl_lib.c <<'C'
#include <sys/syscall.h>
__attribute__((noinline)) static long one_call(long nr)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(nr) : "rcx", "r11", "memory");
    return r;
}
long lib_calls(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += one_call(SYS_getppid);
    return s;
}
C
cat > $TMP/dl_main.c <<'C'
#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    void *h = dlopen(argv[1], RTLD_NOW);
    long (*f)(long) = h ? (long (*)(long))dlsym(h, "lib_calls") : NULL;
    long n = 1000;
    (void)argc;
    if (!f)
        return 1;
    printf("%s\n", f(n) == n * getppid() ? "right answers" : "wrong answers");
    return 0;
}
C
if gcc -O2 -shared -fPIC -o $TMP/dl_lib.so $TMP/dl_lib.c && gcc -O2 -o $TMP/dl_main $TMP/dl_main.c -ldl; then
    for rw in 1 0; do
        rm -f $TMP/dl_trace
        env LD_PRELOAD=$LIB XENO_REWRITE=$rw XENO_TRACE=stats XENO_TRACE_FILTER=getppid \
            XENO_TRACE_FILE=$TMP/dl_trace $TMP/dl_main $TMP/dl_lib.so > $TMP/out 2>&1
        t_eq "dlopen'd library (XENO_REWRITE=$rw): its 1000 calls answered right" "right answers" "$(cat $TMP/out)"
        trapped=$(sed -n 's/.*, \([0-9]*\) trapped by Syscall User Dispatch.*/\1/p' $TMP/dl_trace)
        if [ $rw = 1 ]; then
            t_eq "dlopen'd library rewritten: fewer than 100 calls trapped" yes \
                "$([ -n "$trapped" ] && [ "$trapped" -lt 100 ] && echo yes || echo "no ($trapped)")"
        else
            t_eq "XENO_REWRITE=0: its calls are all trapped" yes \
                "$([ -n "$trapped" ] && [ "$trapped" -ge 1000 ] && echo yes || echo "no ($trapped)")"
        fi
    done
else
    fail "dlopen'd library" "gcc could not build the test program"
fi
