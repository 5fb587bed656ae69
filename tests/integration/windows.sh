# windows.sh — Windows programs under xeno: portable samples built with
# mingw-w64 against msvcrt and against UCRT print what their native Linux
# build prints (text mode writes \r\n, as on Windows; it is stripped before
# comparing), exit codes pass through, and imports xeno lacks are named.
. tests/lib.sh
export XENO_SAMPLE_A=alpha XENO_SAMPLE_B="two words"
WIN_DIFF_SAMPLES=${WIN_DIFF_SAMPLES:-hello}

win_same() { # NAME EXE ARGS...
    name=$1 exe=$2
    shift 2
    d=$TMP/run-$name
    rm -rf $d && mkdir -p $d/linux $d/win
    (cd $d/linux && "$OLDPWD/$S/linux/win-${exe%%-ucrt}" "$@") > $TMP/a.out 2> $TMP/a.err; ra=$?
    (cd $d/win && "$OLDPWD/$XENO" run "$OLDPWD/$S/windows/$exe.exe" "$@") > $TMP/b.raw 2> $TMP/b.err; rb=$?
    tr -d '\r' < $TMP/b.raw > $TMP/b.out
    if [ "$ra" != "$rb" ]; then
        fail "windows $name" "exit $rb, native $ra; stderr: $(head -c 300 $TMP/b.err)"
    elif ! cmp -s $TMP/a.out $TMP/b.out; then
        fail "windows $name" "output differs: $(diff $TMP/a.out $TMP/b.out | head -6 | tr '\n' '|')"
    else
        pass "windows $name: same output as the Linux build"
    fi
}

for s in $WIN_DIFF_SAMPLES; do
    win_same "$s (msvcrt)" $s one "two words" 'quote"d' 'back\slash' 3
    win_same "$s (UCRT)" $s-ucrt one "two words" 'quote"d' 'back\slash' 3
done

$XENO run $S/windows/hello.exe x > $TMP/crlf
t_eq "text-mode stdout writes CRLF" "$(printf 'hello from a Windows-built program\r\narg 1: [x]\r\n')" "$(cat $TMP/crlf)"
t_rc "exit status from main" 5 $XENO run $S/windows/hello.exe 5
t_rc "exit status (UCRT)" 6 $XENO run $S/windows/hello-ucrt.exe 6
