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

# A DLL shipped with the program: imported function and data, DllMain
# around main, LoadLibrary/GetProcAddress by name and ordinal, thread
# attach. Expected lines are those documented at the top of usedll.c.
sed -n '/Expected output:/,/\*\//p' samples/windows/dll/usedll.c | sed -n 's/^ \*   //p' > $TMP/usedll.want
t_rc "program with its own DLL" 0 $XENO run $S/windows/usedll.exe
t_eq "its output, DllMain included" "$(cat $TMP/usedll.want)" "$(tr -d '\r' < $TMP/out)"

# The C++ sample linked against libstdc++-6.dll and libgcc_s_seh-1.dll
# (copied next to it) behaves exactly like its statically linked build.
$XENO run $S/windows/cxxexc.exe > $TMP/static.out 2>&1
t_rc "C++ with the toolchain's DLLs" 0 $XENO run $S/windows/dyn/cxxexc.exe
t_eq "same output as the static build" "$(cat $TMP/static.out)" "$(cat $TMP/out)"

# An import xeno lacks: named before the program runs, and when called.
t_match "info marks the missing import" "SymInitialize +\[not implemented\]" "$($XENO info $S/windows/unimpl.exe)"
t_rc "calling it stops the program" 127 $XENO run $S/windows/unimpl.exe
t_eq "what ran before the call" "before the call" "$(tr -d '\r' < $TMP/out)"
t_eq "the message" "xeno: unimplemented function DBGHELP.SymInitialize called" "$(cat $TMP/err)"
