# win_seh.sh — Windows x64 exception handling under xeno: hardware faults
# and RaiseException through vectored handlers, frame-based handlers found
# through .pdata (__C_specific_handler scopes, custom language handlers,
# nested and collided exceptions, RtlUnwindEx), the unhandled-exception
# filter, the default action (one line on stderr, exit with the code —
# a Linux parent sees its low 8 bits: 0xC0000005 exits 5), and mingw g++
# C++ exceptions (also through the C runtime's own frames). Expected
# results follow Microsoft's documented behaviour; where Wine 8.0 differs
# (noted in the programs) Windows is followed. When Wine is installed, a
# few modes are also compared with it.
. tests/lib.sh
W=$S/windows
T=$BUILD/tests/win

# run_out NAME EXE ARGS... — stdout (CRs removed) in $TMP/out, stderr in
# $TMP/err, status in $rc.
run_out() {
    exe=$2
    shift 2
    if [ ! -f "$exe" ]; then
        rc=missing
        : > $TMP/out
        echo "$exe is not built (make BUILD=$BUILD samples testwin)" > $TMP/err
        return
    fi
    timeout 60 $XENO run "$exe" "$@" > $TMP/raw 2> $TMP/err
    rc=$?
    tr -d '\r' < $TMP/raw > $TMP/out
}

# expect NAME WANT_RC EXE ARGS... — stdout must equal $TMP/want.
expect() {
    name=$1 want=$2
    shift 2
    run_out "$name" "$@"
    if [ "$rc" != "$want" ]; then
        fail "$name" "exit $rc, wanted $want; stderr: $(head -c 300 $TMP/err)"
    elif ! cmp -s $TMP/want $TMP/out; then
        fail "$name" "output differs: $(diff $TMP/want $TMP/out | head -8 | tr '\n' '|')"
    else
        pass "$name"
    fi
}

# The expected output a sample documents in its top comment, after MARK.
from_comment() { # FILE MARK
    sed -n "/$2/,/\*\//p" "$1" | sed '1d;$d' | sed 's/^ \* \{0,1\}//' > $TMP/want
}

# ---- samples/windows/seh.c ----
for v in seh seh-ucrt; do
    from_comment samples/windows/seh.c 'Expected output with no argument:'
    expect "seh ($v): vectored, faults, RaiseException, frame handlers" 0 $W/$v.exe
    printf 'unhandled filter: code c0000005, write at 0x40\n' > $TMP/want
    expect "seh ($v): filter returns EXECUTE_HANDLER: exit code 0xC0000005 seen as 5" 5 $W/$v.exe filter
    t_eq "seh ($v): no default report when the filter handled it" "" "$(cat $TMP/err)"
    printf 'unhandled filter: code e0000042, continuable 1\nRaiseException returned to main\n' > $TMP/want
    expect "seh ($v): filter returns CONTINUE_EXECUTION" 0 $W/$v.exe filter-continue
    printf 'SIGSEGV handler called\n' > $TMP/want
    expect "seh ($v): CRT signal(SIGSEGV) through the CRT's filter" 6 $W/$v.exe signal
done

# ---- tests/win/sehx.c ----
for v in sehx sehx-ucrt; do
    cat > $TMP/want <<'EOF'
faulting frame's handler: code c0000005 nested 0
filter: code c0000005 nested 0
faulting frame's handler: code e0000002 nested 1
filter: code e0000002 nested 1
outer language handler: code e0000002 nested 0
second exception continued
landed with c0000005
done
EOF
    expect "$v: nested exception flags EXCEPTION_NESTED_CALL up to the handler's frame" 0 $T/$v.exe nested
    cat > $TMP/want <<'EOF'
inner __except filter: c0000005
__finally (abnormal 1), run 1
inner __except filter: e0000003
outer __except filter: e0000003
landed with e0000003 (inner target skipped), __finally ran 1 time(s)
done
EOF
    expect "$v: collided unwind runs a __finally once" 0 $T/$v.exe collided
    cat > $TMP/want <<'EOF'
filter: c0000025 flags 1, chained e0000004
landed with c0000025
done
EOF
    expect "$v: continuing a non-continuable exception" 0 $T/$v.exe noncont
    cat > $TMP/want <<'EOF'
e0000011: 15 parameters, last 15, ExceptionAddress = Rip 1
e0000012: 0 parameters, last 0, ExceptionAddress = Rip 1
e0000013: 2 parameters, last 2, ExceptionAddress = Rip 1
done
EOF
    expect "$v: RaiseException parameters" 0 $T/$v.exe params
    printf 'backtrace: bt_walk bt_c bt_b bt_a other\nRtlCaptureStackBackTrace: bt_walk bt_c bt_b bt_a\ndone\n' > $TMP/want
    expect "$v: RtlCaptureContext/RtlLookupFunctionEntry/RtlVirtualUnwind backtrace" 0 $T/$v.exe backtrace
    cat > $TMP/want <<'EOF'
RtlAddFunctionTable: 1
generated code's handler: c0000005 at +4, handler data intact
RtlDeleteFunctionTable: 1
RtlInstallFunctionTableCallback: 1
generated code's handler: c0000005 at +4, handler data intact
handler calls 2, RtlDeleteFunctionTable: 1
done
EOF
    expect "$v: generated code with dynamic function tables" 0 $T/$v.exe jit
    cat > $TMP/want <<'EOF'
NtContinue resumed the captured context (pass 2)
RtlRaiseStatus: c0000017 flags 1
landed with c0000017
__finally run by _local_unwind (abnormal 1)
continued after the __try
done
EOF
    expect "$v: RtlRaiseStatus, NtContinue, _local_unwind" 0 $T/$v.exe native
    cat > $TMP/want <<'EOF'
filter: c00000fd, 2 parameters
landed with c00000fd, recursing a little works: 100
_resetstkoflw: 1
filter: c00000fd, 2 parameters
landed with c00000fd, recursing a little works: 100
done
EOF
    expect "$v: stack overflow caught by __except, again after _resetstkoflw (Wine 8.0 cannot)" 0 $T/$v.exe overflow-caught
    cat > $TMP/want <<'EOF'
unwind handler: code c0000027 flags 2, target frame 0
unwind handler: code c0000027 flags 22, target frame 1
RtlUnwindEx returned 77 to the target
done
EOF
    expect "$v: RtlUnwindEx to a frame and IP, return value in RAX" 0 $T/$v.exe unwind
    cat > $TMP/want <<'EOF'
hlt: c0000096
int 2c: c0000420
single step: 80000004
SSE divide by zero: c000008e
done
EOF
    expect "$v: privileged instruction, int 2c, single step, SSE divide by zero" 0 $T/$v.exe traps
    printf 'INT_MIN / -1: c0000095\n1 / 0: c0000094\nquotients 0 0\ndone\n' > $TMP/want
    expect "$v: divide error: overflow or divide by zero, from the divisor" 0 $T/$v.exe divide
    cat > $TMP/want <<'EOF'
read: null 1, data 0, across into no-access 1, size 0 0
write: rodata 1, data 0
code: main 0, no-access 1
string: ends before the page 0, runs into it 1, wide 0
done
EOF
    expect "$v: IsBadReadPtr/WritePtr/CodePtr/StringPtr" 0 $T/$v.exe isbad
    printf 'unhandled filter: c0000005, EXCEPTION_EXECUTE_HANDLER\n__finally ran before the process ended (abnormal 1)\n' > $TMP/want
    expect "$v: filter's EXECUTE_HANDLER runs termination handlers, exit 5" 5 $T/$v.exe filter-finally
done

# The default action: one line on stderr, the code as exit status.
unhandled() { # NAME EXE MODE STATUS CODE TEXT
    : > $TMP/want
    expect "$1: exit status" "$4" "$2" "$3"
    t_match "$1: report" "^xeno: $(basename $2): $6 $5 \([a-z /-]+\) at 0x[0-9a-f]+$" "$(cat $TMP/err)"
}
unhandled "unhandled access violation" $T/sehx.exe av 5 0xC0000005 "unhandled exception"
t_match "unhandled access violation: named" "access violation" "$(cat $TMP/err)"
unhandled "unhandled RaiseException(0xE0000BAD)" $T/sehx-ucrt.exe raise 173 0xE0000BAD "unhandled exception"
unhandled "stack overflow" $T/sehx.exe overflow 253 0xC00000FD "unhandled exception"
unhandled "__fastfail ends the process without handlers" $T/sehx.exe fastfail 9 0xC0000409 "fail fast"

# ---- C++ (mingw g++, SEH-based unwinding) ----
for v in cxxexc cxxexc-ucrt; do
    from_comment samples/windows/cxxexc.cpp 'Expected output:'
    expect "$v: throw/catch, rethrow, what(), through qsort, exception_ptr" 0 $W/$v.exe
done
if [ -f $W/dyn/cxxexc.exe ]; then
    from_comment samples/windows/cxxexc.cpp 'Expected output:'
    expect "cxxexc with libstdc++-6.dll and libgcc_s_seh-1.dll: unwinding through DLL frames" 0 $W/dyn/cxxexc.exe
fi
for v in cxxstatic cxxstatic-ucrt; do
    from_comment samples/windows/cxxstatic.cpp 'Expected output:'
    expect "$v: static constructors and destructors in order" 0 $W/$v.exe
done
for v in cxxseh cxxseh-ucrt; do
    cat > $TMP/want <<'EOF'
caught: thrown from an _initterm callback
C __except filter saw 20474343, declines
C __finally ran (abnormal 1)
caught int 42 after the C frames
destructor caught its own inner exception while unwinding (uncaught 1)
caught: outer
thread caught: on a thread
thread exit code 7
done
EOF
    expect "$v: C++ through the CRT's frames, C scopes, destructors, threads" 0 $T/$v.exe
done
printf 'throwing with no handler\n' > $TMP/want
expect "uncaught C++ exception: std::terminate, abort status 3" 3 $T/cxxseh.exe uncaught
t_match "uncaught C++ exception: libstdc++ message" "terminate called after throwing an instance of 'std::runtime_error'" "$(cat $TMP/err)"

# ---- second opinion: Wine, when installed ----
if command -v wine > /dev/null 2>&1 && [ -f $T/sehx.exe ]; then
    for m in unwind traps backtrace params isbad jit filter-finally; do
        WINEDEBUG=-all timeout 120 wine $T/sehx.exe $m 2> /dev/null | tr -d '\r' > $TMP/wine.out
        run_out "wine $m" $T/sehx.exe $m
        if [ -s $TMP/wine.out ] && cmp -s $TMP/wine.out $TMP/out; then
            pass "sehx $m: same output as Wine"
        elif [ ! -s $TMP/wine.out ]; then
            echo "wine did not run sehx.exe $m: not compared"
        else
            fail "sehx $m: same output as Wine" "$(diff $TMP/wine.out $TMP/out | head -6 | tr '\n' '|')"
        fi
    done
fi

# ---- with relay tracing: libffi's assembly frames (no call frame
# information) sit between the program and the builtin DLLs ----
from_comment samples/windows/seh.c 'Expected output with no argument:'
if [ -f $W/seh.exe ]; then
    timeout 60 $XENO trace -o $TMP/trace.txt $W/seh.exe 2> $TMP/err | tr -d '\r' > $TMP/out
    if cmp -s $TMP/want $TMP/out; then pass "seh under xeno trace"; else
        fail "seh under xeno trace" "$(diff $TMP/want $TMP/out | head -6 | tr '\n' '|') $(head -c 200 $TMP/err)"; fi
fi
from_comment samples/windows/cxxexc.cpp 'Expected output:'
if [ -f $W/cxxexc.exe ]; then
    timeout 60 $XENO trace -o $TMP/trace.txt $W/cxxexc.exe 2> $TMP/err | tr -d '\r' > $TMP/out
    if cmp -s $TMP/want $TMP/out; then pass "cxxexc under xeno trace"; else
        fail "cxxexc under xeno trace" "$(diff $TMP/want $TMP/out | head -6 | tr '\n' '|') $(head -c 200 $TMP/err)"; fi
    t_match "the trace shows the C++ throws" "Call KERNEL32.RaiseException\(20474343," "$(head -c 100000 $TMP/trace.txt)"
fi
