# win_net.sh — Winsock (ws2_32.dll, mswsock.dll). The sockets sample,
# built against msvcrt and UCRT, prints the output its header documents
# (verified under Wine 8.0): blocking TCP, select, WSAPoll, non-blocking
# connect, error codes, options, UDP, ReadFile/WriteFile on a socket,
# overlapped WSARecv with an event and a completion port, CancelIoEx,
# AcceptEx, ConnectEx. Then win_net_probe.c (built here with mingw-w64)
# for what goes beyond it, with the lines Wine gets wrong checked against
# Microsoft's documentation; the relay trace of Winsock calls; and Go's
# net package (tcpecho, several at once; go.sh runs it once as well).
. tests/lib.sh
W=$S/windows
MINGW=${MINGW:-x86_64-w64-mingw32-gcc}

# The lines of a source file's header after the line with MARKER, up to
# an empty comment line or the comment's end.
documented() { # FILE MARKER
    awk -v m="$2" 'on && (/^ \*\// || /^ \*$/) { exit } on { sub(/^ \* ?/, ""); print } index($0, m) { on = 1 }' "$1"
}

# same_as_documented NAME EXE FILE MARKER ARGS...
same_as_documented() {
    name=$1 exe=$2 src=$3 marker=$4
    shift 4
    if [ ! -f "$exe" ]; then
        fail "$name" "$exe was not built"
        return
    fi
    documented "$src" "$marker" > $TMP/want.out
    timeout 60 $XENO run "$exe" "$@" > $TMP/raw.out 2> $TMP/got.err
    rc=$?
    tr -d '\r' < $TMP/raw.out > $TMP/got.out
    if [ $rc != 0 ]; then
        fail "$name" "exit $rc; $(diff $TMP/want.out $TMP/got.out | head -4 | tr '\n' '|') stderr: $(head -c 200 $TMP/got.err)"
    elif ! cmp -s $TMP/want.out $TMP/got.out; then
        fail "$name" "output differs: $(diff $TMP/want.out $TMP/got.out | head -6 | tr '\n' '|')"
    else
        pass "$name"
    fi
}

for f in "" -ucrt; do
    same_as_documented "sample sockets$f prints its documented output" $W/sockets$f.exe \
        samples/windows/sockets.c "Expected output:"
done
t_match "sockets.exe imports AcceptEx from mswsock.dll" "MSWSOCK.dll" "$($XENO info $W/sockets.exe)"
t_match "no Winsock import of the sample is missing" " 0 not implemented by xeno" "$($XENO info $W/sockets.exe)"
t_match "an unsupported socket option is named on stderr" \
    "ws2_32: socket option level 0xffff option 0x7777 is not supported" "$($XENO run $W/sockets.exe 2>&1 >/dev/null)"

# Relay tracing decodes Winsock calls like any other.
$XENO trace -e trace=connect,WSARecv $W/sockets.exe > /dev/null 2> $TMP/trace
t_match "trace shows connect" "Call WS2_32.connect\(" "$(cat $TMP/trace)"
t_match "trace shows a pending WSARecv" "Ret  WS2_32.WSARecv\(\) retval=ffffffff" "$(cat $TMP/trace)"

# ---- the probe ----
if ! command -v $MINGW > /dev/null; then
    fail "win_net probe" "$MINGW is not installed"
else
    P=$TMP/probe.exe
    if ! $MINGW -O2 -Wall -Wno-format -o $P tests/integration/win_net_probe.c -lws2_32 -lmswsock 2> $TMP/cc.err; then
        fail "win_net probe" "does not build: $(head -c 300 $TMP/cc.err)"
    else
        same_as_documented "probe: skip-on-success, cancellation, zero-byte reads, completion routines, IPv6, errors" \
            $P tests/integration/win_net_probe.c "Verified with Wine 8.0.  Expected output:"
        same_as_documented "probe: what Microsoft documents for closed sockets and UDP port unreachable" \
            $P tests/integration/win_net_probe.c "Documented output:" msdoc
    fi
fi

# ---- Go's net package ----
G=$S/go
if [ -f $G/tcpecho.exe ] && [ -f $G/tcpecho-linux ]; then
    (cd $TMP && "$OLDPWD/$G/tcpecho-linux") > $TMP/tcpecho.linux 2>&1
    for i in 1 2 3 4; do
        (cd $TMP && timeout 60 "$OLDPWD/$XENO" run "$OLDPWD/$G/tcpecho.exe" > $TMP/tcpecho.$i 2>&1; echo $? > $TMP/tcpecho.$i.rc) &
    done
    wait
    bad=""
    for i in 1 2 3 4; do
        cmp -s $TMP/tcpecho.linux $TMP/tcpecho.$i && [ "$(cat $TMP/tcpecho.$i.rc)" = 0 ] || bad="$bad $i"
    done
    t_eq "Go tcpecho.exe, four at once, each prints what the Linux build prints" "" "$bad"
else
    fail "Go tcpecho" "$G/tcpecho.exe was not built"
fi
