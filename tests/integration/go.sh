# go.sh — Go programs built for FreeBSD and for Windows run under xeno and
# print exactly what the same source built for Linux prints natively, with
# the same exit status: goroutines, sync, timers, GC, files, environment,
# exec, signals, panics, networking and two benchmarks.
. tests/lib.sh
export XENO_TEST_VAR="hello world"
G=$S/go

go_same() { # TAG BINARY ARGS...  (BINARY relative to $G, without suffix)
    tag=$1 bin=$2
    shift 2
    for target in freebsd windows; do
        case $target in
            freebsd) foreign=$G/$bin-freebsd ;;
            windows) foreign=$G/$bin.exe ;;
        esac
        case " $GO_SKIP " in *" $bin.$target "*) continue ;; esac
        d=$TMP/go-$bin-$target
        mkdir -p $d/l $d/f
        (cd $d/l && "$OLDPWD/$G/$bin-linux" "$@") > $TMP/l.out 2> $TMP/l.err; rl=$?
        (cd $d/f && "$OLDPWD/$XENO" run "$OLDPWD/$foreign" "$@") > $TMP/f.out 2> $TMP/f.err; rf=$?
        if [ $rl != $rf ]; then
            fail "Go $tag ($target)" "exit $rf, native $rl; stderr: $(head -c 300 $TMP/f.err)"
        elif ! cmp -s $TMP/l.out $TMP/f.out; then
            fail "Go $tag ($target)" "output differs: $(diff $TMP/l.out $TMP/f.out | head -5 | tr '\n' '|')"
        else
            pass "Go $tag ($target): same as the Linux build"
        fi
    done
}

# Nothing is skipped now that Winsock is there; list "NAME.TARGET" here
# to leave one out.
GO_SKIP=""
for s in hello goroutines syncatomic timers gcstress files exec signals tcpecho; do
    go_same $s $s
done
go_same "envargs with arguments" envargs one "two words" ""

# Go's Windows programs read the clock from KUSER_SHARED_DATA, which xeno
# keeps ticking for programs it recognises as Go. A release may strip the
# build-info marker; recognition then rests on the runtime's pc-line table.
python3 -c 'import sys; d = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(d.replace(b"\xff Go buildinf:", b"\xff Xx buildinf:"))' \
    $G/timers.exe $TMP/timers-nomarker.exe
t_eq "timers.exe without its build-info marker: no marker left" 0 \
    "$(grep -c -a 'Go buildinf:' $TMP/timers-nomarker.exe)"
t_eq "timers.exe without its build-info marker: same as the Linux build" \
    "$($G/timers-linux)" "$(timeout 60 $XENO run $TMP/timers-nomarker.exe | tr -d '\r')"
go_same "sysbench" sysbench 2000
go_same "cpubench" cpubench 20
go_same "panic recovered" panics
go_same "unrecovered panic (exit 2)" panics panic
go_same "exit status 3" panics exit
t_match "an unrecovered panic reports on stderr" "^panic: " "$($XENO run $G/panics-freebsd panic 2>&1 >/dev/null)"
