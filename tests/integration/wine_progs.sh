# wine_progs.sh — Wine's own Windows console programs (built with mingw,
# shipped in Debian's libwine package), a corpus of programs we did not
# write, run under xeno. Each result is checked against an independent
# oracle: the host's own tools on the same files (cat, ls, grep, hostname,
# id, date), files the test created, the environment, exit codes, and a
# hand-made SZDD file whose expansion the format defines. Where wine
# itself runs, a few outputs are also compared with Wine's own run of the
# same program (optional: SKIP without wine). Without the programs (no
# libwine, and no way to fetch its .deb) every check is a SKIP.
# Wine 8.0's findstr, fc, where and tasklist are stubs: checked only to run.
. tests/lib.sh
skip() { echo "SKIP $1: $2"; }

WDIR=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
if [ ! -f "$WDIR/cmd.exe" ]; then
    mkdir -p "$BUILD/libwine-deb"
    CACHE=$(cd "$BUILD/libwine-deb" && pwd)
    WDIR=$CACHE/root/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
    if [ ! -f "$WDIR/cmd.exe" ]; then
        deb=$(ls "$CACHE"/libwine_*.deb 2>/dev/null | head -1)
        [ -n "$deb" ] || (cd "$CACHE" && apt-get download libwine > /dev/null 2>&1)
        deb=$(ls "$CACHE"/libwine_*.deb 2>/dev/null | head -1)
        [ -n "$deb" ] && dpkg-deb -x "$deb" "$CACHE/root" 2> /dev/null
    fi
    if [ ! -f "$WDIR/cmd.exe" ]; then
        skip "wine programs" "libwine is not installed and its .deb could not be fetched"
        exit 0
    fi
fi

XENO_ABS=$(cd "$(dirname "$XENO")" && pwd)/$(basename "$XENO")
WORK=$TMP/work
WWORK=Z:$(printf '%s' "$WORK" | tr / '\\')   # the work directory as the programs see it
WPROG=Z:$(printf '%s' "$WDIR" | tr / '\\')

# fresh: an empty work directory with a few known files.
fresh() {
    rm -rf "$WORK" && mkdir -p "$WORK/d" && cd "$WORK" || exit 1
    printf 'hello world\nfoo bar\nHello again\nsay hello\n' > a.txt
    printf 'one\ntwo\nthree\n' > b.txt
    printf 'log line\n' > d/e.log
    cd - > /dev/null || exit 1
}

# w PROG ARGS...: run $WDIR/PROG in the work directory with no input;
# stdout without CRs in $TMP/o, stderr in $TMP/e, the exit code in $rc.
w() {
    p=$1
    shift
    (cd "$WORK" && timeout 30 "$XENO_ABS" run "$WDIR/$p" "$@" < /dev/null > "$TMP/raw" 2> "$TMP/e")
    rc=$?
    tr -d '\r' < "$TMP/raw" > "$TMP/o"
}

# ---- the imports are all there ----
for p in hostname find attrib xcopy cmd reg whoami; do
    t_match "$p.exe: no import missing" " 0 not implemented by xeno" "$($XENO info "$WDIR/$p.exe" 2>&1)"
done
t_eq "expand.exe: only cabinet extraction is missing" "SetupIterateCabinetA" \
    "$($XENO info "$WDIR/expand.exe" | awk '/not implemented\]/ { print $1 }')"

# ---- hostname: the NetBIOS form (upper case, at most 15 characters) ----
fresh
w hostname.exe
want=$(hostname | cut -d. -f1 | cut -c1-15 | tr '[:lower:]' '[:upper:]')
t_eq "hostname prints the host's name" "$want" "$(cat "$TMP/o")"
t_eq "hostname exits 0" 0 "$rc"

# ---- whoami: COMPUTER\user ----
w whoami.exe
t_eq "whoami prints COMPUTER\\user" "$want\\$(id -un)" "$(cat "$TMP/o")"

# ---- find (Wine 8.0's takes no switches) against grep ----
fresh
w find.exe hello a.txt
{ echo; echo "---------- A.TXT"; grep hello "$WORK/a.txt"; } > "$TMP/want"
t_eq "find: the lines grep finds, under the upper-cased file name" "$(cat "$TMP/want")" "$(cat "$TMP/o")"
t_eq "find: exit 0 when found" 0 "$rc"
w find.exe o a.txt b.txt
{ for f in a b; do echo; echo "---------- $f.TXT" | tr a-z A-Z; grep o "$WORK/$f.txt"; done; } > "$TMP/want"
t_eq "find: two files" "$(cat "$TMP/want")" "$(cat "$TMP/o")"
w find.exe nowhere a.txt
t_eq "find: exit 1 when nothing matches" 1 "$rc"
(cd "$WORK" && printf 'x hello\nnope\nhello y\n' | timeout 30 "$XENO_ABS" run "$WDIR/find.exe" hello) > "$TMP/raw" 2>&1
t_eq "find: standard input" "$(printf 'x hello\nnope\nhello y\n' | grep hello)" "$(tr -d '\r' < "$TMP/raw")"
w find.exe hello missing.txt
t_match "find: a missing file is named" "File not found - MISSING.TXT" "$(cat "$TMP/o" "$TMP/e")"

# ---- cmd.exe builtins ----
fresh
w cmd.exe /c echo hello from cmd
t_eq "cmd /c echo" "hello from cmd" "$(cat "$TMP/o")"
(cd "$WORK" && XENO_T=abc123 timeout 30 "$XENO_ABS" run "$WDIR/cmd.exe" /c 'echo %XENO_T%' < /dev/null) > "$TMP/raw" 2>&1
t_eq "cmd /c echo %VAR% (from the environment)" "abc123" "$(tr -d '\r' < "$TMP/raw")"
w cmd.exe /c 'echo %CD%'
t_eq "cmd: %CD% is the current directory" "$WWORK" "$(cat "$TMP/o")"
w cmd.exe /c exit /b 7
t_eq "cmd /c exit /b 7" 7 "$rc"
w cmd.exe /c 'set /a 6*7'
t_eq "cmd: set /a" 42 "$(cat "$TMP/o")"
w cmd.exe /c 'for %i in (1 2 3) do @echo item %i'
t_eq "cmd: for" "$(printf 'item 1\nitem 2\nitem 3')" "$(cat "$TMP/o")"
w cmd.exe /c 'if exist a.txt (echo yes) else (echo no)'
t_eq "cmd: if exist (a file that is there)" yes "$(cat "$TMP/o")"
w cmd.exe /c 'if exist zz.txt (echo yes) else (echo no)'
t_eq "cmd: if exist (one that is not)" no "$(cat "$TMP/o")"
w cmd.exe /c type a.txt
t_eq "cmd: type prints the file" "$(cat "$WORK/a.txt")" "$(cat "$TMP/o")"
w cmd.exe /c dir /b
t_eq "cmd: dir /b lists what ls lists" "$(ls -1 "$WORK" | sort)" "$(sort "$TMP/o")"
w cmd.exe /c dir
n=$(find "$WORK" -maxdepth 1 -type f | wc -l | tr -d ' ')
bytes=$(cat "$WORK"/*.txt | wc -c | tr -d ' ')
t_match "cmd: dir counts the files and their bytes" "^ +$n files +$bytes bytes$" "$(cat "$TMP/o")"
t_match "cmd: dir shows a.txt with its size" " $(wc -c < "$WORK/a.txt" | tr -d ' ')  a\.txt$" "$(cat "$TMP/o")"
t_match "cmd: dir shows d as a directory" "<DIR> +d$" "$(cat "$TMP/o")"
w cmd.exe /c dir /q
t_match "cmd: dir /q names the owner" " $want\\\\$(id -un) +a\.txt$" "$(cat "$TMP/o")"
w cmd.exe /c 'date /t'
t_eq "cmd: date /t is today's short date" "Current Date is $(date +%-m/%-d/%Y)" "$(cat "$TMP/o")"
w cmd.exe /c 'copy a.txt c.txt'
t_eq "cmd: copy makes an identical file" "$(cat "$WORK/a.txt")" "$(cat "$WORK/c.txt" 2>&1)"
w cmd.exe /c 'mkdir x\y\z'
[ -d "$WORK/x/y/z" ] && pass "cmd: mkdir makes the whole path" || fail "cmd: mkdir makes the whole path" "no x/y/z"
w cmd.exe /c 'ren b.txt r.txt'
[ -f "$WORK/r.txt" ] && [ ! -e "$WORK/b.txt" ] && pass "cmd: ren" || fail "cmd: ren" "$(ls "$WORK")"
w cmd.exe /c 'del c.txt'
[ ! -e "$WORK/c.txt" ] && pass "cmd: del" || fail "cmd: del" "c.txt is still there"
w cmd.exe /c 'rmdir /s /q x'
[ ! -e "$WORK/x" ] && pass "cmd: rmdir /s removes a tree" || fail "cmd: rmdir /s removes a tree" "x is still there"
w cmd.exe /c 'move a.txt d'
[ -f "$WORK/d/a.txt" ] && [ ! -e "$WORK/a.txt" ] && pass "cmd: move" || fail "cmd: move" "$(ls -R "$WORK")"
fresh
w cmd.exe /c "$WPROG\\hostname.exe"
t_eq "cmd runs another program and waits for it" "$want" "$(cat "$TMP/o")"
w cmd.exe /c "$WPROG\\find.exe nowhere a.txt & if errorlevel 1 echo failed"
t_eq "cmd: errorlevel is the program's exit code" "$(printf '\n---------- A.TXT\nfailed')" "$(cat "$TMP/o")"
w cmd.exe /c a.txt
t_match "cmd: a document with no association is refused" "Can't recognize 'a.txt'" "$(cat "$TMP/o" "$TMP/e")"

# ---- attrib ----
fresh
w attrib.exe a.txt
t_eq "attrib: a.txt is an archive" "A            $WWORK\\a.txt" "$(cat "$TMP/o")"
w attrib.exe +r a.txt
case $(stat -c %A "$WORK/a.txt") in
*w*) fail "attrib +r clears the write bits" "$(stat -c %A "$WORK/a.txt")" ;;
*) pass "attrib +r clears the write bits" ;;
esac
w attrib.exe a.txt
t_match "attrib shows R" "^A    R +Z:.*a\.txt$" "$(cat "$TMP/o")"
w attrib.exe -r a.txt
t_eq "attrib -r gives the owner write back" w "$(stat -c %A "$WORK/a.txt" | cut -c3)"
w attrib.exe /s '*.log'
t_eq "attrib /s finds d\\e.log" "A            $WWORK\\d\\e.log" "$(head -1 "$TMP/o")"

# ---- xcopy ----
fresh
mkdir -p "$WORK/d/sub" && printf 'deep\n' > "$WORK/d/sub/f.txt"
w xcopy.exe /s /i d e
if diff -r "$WORK/d" "$WORK/e" > /dev/null 2>&1; then pass "xcopy /s /i copies a tree"; else
    fail "xcopy /s /i copies a tree" "$(diff -r "$WORK/d" "$WORK/e" 2>&1 | head -3)"; fi
t_match "xcopy counts the files" "^$(find "$WORK/d" -type f | wc -l | tr -d ' ') file\(s\) copied$" "$(cat "$TMP/o")"
w xcopy.exe a.txt 'd\'
cmp -s "$WORK/a.txt" "$WORK/d/a.txt" && pass "xcopy a file into a directory" ||
    fail "xcopy a file into a directory" "$(cat "$TMP/o" "$TMP/e")"

# ---- reg: the registry is empty by design ----
w reg.exe query 'HKCU\Software\XenoNoSuchKey'
t_eq "reg query of a missing key exits 1" 1 "$rc"
t_match "reg query says the key is not found" "Unable to find the specified registry key" "$(cat "$TMP/o" "$TMP/e")"
w reg.exe delete 'HKCU\Software\XenoNoSuchKey' /f
t_eq "reg delete of a missing key exits 1" 1 "$rc"

# ---- expand: an SZDD file (COMPRESS.EXE format) made by hand ----
fresh
# header, then flags 0x17: literals a b c, a 9-byte reference to the
# window's write start 0xff0 (overlapping its own output), literal \n.
printf 'SZDD\210\360\047\063At\015\000\000\000\027abc\360\366\n' > "$WORK/t.tx_"
w expand.exe t.tx_ t.txt
t_eq "expand: an SZDD file" "$(printf 'abcabcabcabc\nx')" "$(cat "$WORK/t.txt" 2>&1; echo x)"
t_eq "expand exits 0" 0 "$rc"
w expand.exe a.txt plain.txt
cmp -s "$WORK/a.txt" "$WORK/plain.txt" && pass "expand copies a file that is not compressed" ||
    fail "expand copies a file that is not compressed" "$(cat "$TMP/e")"
w expand.exe nothere.txt x.txt
t_eq "expand: a missing input exits 1" 1 "$rc"

# ---- Wine 8.0's stubs still start and end cleanly ----
for p in findstr fc where tasklist; do
    w $p.exe x
    if grep -q "stub" "$TMP/e"; then
        t_eq "$p.exe (a stub in this Wine) runs and exits 0" 0 "$rc"
    else
        skip "$p.exe" "not the Wine 8.0 stub: no checks written for it yet"
    fi
done

# ---- optional: the same programs under wine itself ----
WINE=$(command -v wine64 || command -v wine)
if [ -z "$WINE" ] || [ -n "$XENO_NO_WINE" ]; then
    skip "comparison with wine" "wine is not installed"
    exit 0
fi
export WINEPREFIX="$(cd "$BUILD" && pwd)/wine-prefix" WINEDEBUG=-all
if ! timeout 180 "$WINE" cmd /c echo ready < /dev/null 2> /dev/null | grep -q ready; then
    skip "comparison with wine" "wine does not start here"
    exit 0
fi
# same_as_wine NAME PROG ARGS...: xeno's stdout equals wine's on fresh files.
same_as_wine() {
    name=$1
    shift
    fresh
    w "$@"
    cp "$TMP/o" "$TMP/xeno.out"
    xrc=$rc
    fresh
    (cd "$WORK" && timeout 120 "$WINE" "$@" < /dev/null > "$TMP/wine.raw" 2> /dev/null)
    wrc=$?
    tr -d '\r' < "$TMP/wine.raw" > "$TMP/wine.out"
    if ! cmp -s "$TMP/wine.out" "$TMP/xeno.out"; then
        fail "$name" "differs from wine: $(diff "$TMP/wine.out" "$TMP/xeno.out" | head -4 | tr '\n' '|')"
    else
        t_eq "$name (exit code)" "$wrc" "$xrc"
    fi
}
same_as_wine "same as wine: find" find.exe o a.txt b.txt
same_as_wine "same as wine: cmd dir /b /s" cmd.exe /c 'dir /b /s'
same_as_wine "same as wine: cmd for /f" cmd.exe /c 'for /f "tokens=2" %a in (a.txt) do @echo [%a]'
same_as_wine "same as wine: attrib" attrib.exe /s '*.*'
same_as_wine "same as wine: xcopy" xcopy.exe /s /i d e
same_as_wine "same as wine: reg query" reg.exe query 'HKCU\Software\XenoNoSuchKey'
