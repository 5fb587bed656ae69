# win_kernel.sh — kernel32 (and advapi32, shell32, user32) as real
# console programs use it. Each Windows-only sample that exercises
# kernel32 runs under xeno, built against msvcrt and against UCRT, and
# must print the output its header documents (tests/expected/NAME.out,
# written from those comments; CRs stripped). Then targeted checks with
# win_kernel_probe.c, built here with mingw-w64: CreateProcess of a
# sibling and of a host program with full 32-bit exit codes, suspended
# children and TerminateProcess, handle inheritance, wait timeouts and
# waitable timers, SuspendThread/GetThreadContext, FormatMessage, console
# control handlers, files (locks, overlapped offsets, delete-on-close,
# links, volumes), and system information. Expected values are what
# Microsoft documents for each call.
. tests/lib.sh
W=$S/windows
E=tests/expected
MINGW=${MINGW:-x86_64-w64-mingw32-gcc}
mkdir -p $TMP/temp $TMP/run
export TMP_HOST=$TMP/temp XENO_DRIVE_C=$TMP/drive_c
mkdir -p $XENO_DRIVE_C

# sample NAME FLAVOUR ARGS…: run NAME$FLAVOUR.exe, compare with NAME.out
sample() {
    name=$1 exe=$1$2
    shift 2
    if [ ! -f $W/$exe.exe ]; then
        fail "sample $exe" "$W/$exe.exe was not built"
        return
    fi
    (cd $TMP/run && TMP=$TMP_HOST TEMP=$TMP_HOST XENO_TEST_VAR='hello world' \
        timeout 60 "$OLDPWD/$XENO" run "$OLDPWD/$W/$exe.exe" "$@") > $TMP/$exe.raw 2> $TMP/$exe.err
    rc=$?
    tr -d '\r' < $TMP/$exe.raw > $TMP/$exe.out
    if [ $rc != 0 ]; then
        fail "sample $exe" "exit $rc; $(diff $E/$name.out $TMP/$exe.out | head -4 | tr '\n' '|') stderr: $(head -c 200 $TMP/$exe.err)"
    elif ! cmp -s $E/$name.out $TMP/$exe.out; then
        fail "sample $exe" "output differs: $(diff $E/$name.out $TMP/$exe.out | head -6 | tr '\n' '|')"
    else
        pass "sample $exe prints its documented output"
    fi
}

for f in "" -ucrt; do
    sample cmdline "$f" one "two words" "" 'say "hi"' 'back\slash' 'end\\'
    for s in dynload heap lasterror process sync sysinfo threads tls unicode vmem w32env w32file; do
        sample $s "$f"
    done
    sample console "$f"
    t_eq "console$f: WriteFile to the standard error handle" "stderr: written with WriteFile" \
        "$(tr -d '\r' < $TMP/console$f.err)"
done

# ---- targeted checks with the probe ----
if ! command -v $MINGW > /dev/null; then
    fail "win_kernel probe" "$MINGW is not installed"
    exit 0
fi
P=$TMP/probe.exe
if ! $MINGW -O2 -Wall -Wno-format -o $P tests/integration/win_kernel_probe.c -lshell32 -ladvapi32 2> $TMP/cc.err; then
    fail "win_kernel probe" "does not build: $(head -c 300 $TMP/cc.err)"
    exit 0
fi
echo 'int side_value = 7;' > $TMP/side.c
$MINGW -shared -o $TMP/side.dll $TMP/side.c 2> $TMP/cc.err || fail "side.dll" "does not build"

# probe MODE EXPECTED: the probe's output (CRs stripped) must be EXPECTED
probe() {
    mode=$1 want=$2
    (cd $TMP/run && TMP=$TMP_HOST TZ=America/New_York timeout 60 "$OLDPWD/$XENO" run $P $mode) > $TMP/p.raw 2> $TMP/p.err
    rc=$?
    got=$(tr -d '\r' < $TMP/p.raw)
    if [ $rc != 0 ]; then
        fail "probe $mode" "exit $rc; stderr: $(head -c 300 $TMP/p.err)"
    elif [ "$got" != "$want" ]; then
        fail "probe $mode" "$(printf '%s\n' "$want" > $TMP/want; printf '%s\n' "$got" | diff $TMP/want - | head -8 | tr '\n' '|')"
    else
        pass "probe $mode"
    fi
}

probe processes "host program: exit 7 output [from-sh arg0 ]
xeno child ExitProcess(0xC0000135): 0xC0000135
xeno child ExitProcess(0x1FF): 0x1FF
child ended by Ctrl+C without a handler: 0xC000013A
suspended child: wait 258, resume returned 1, terminated: wait 0 code 0xDEAD
missing program: 0 error 3"

probe inherit "inheritable pipe got [hello]; child said [inherited 1, other 0 error 6] exit 3
non-inheritable pipe had 0 bytes
PeekNamedPipe once its writer is closed: 0 error 109"

probe waits "event wait 100 ms: 258, waited at least 90 ms: yes
waitable timer 50 ms: 0, fired after 40..2000 ms: yes
any of (unset event, fired manual timer): 1
all of them: 258
all after SetEvent: 0
abandoned mutex in a multiple wait: 0x81
sleep alertable with no APC: 0"

probe suspend "SuspendThread 0, GetThreadContext 1, rip in the image yes, stopped yes
second SuspendThread: 1, ResumeThread: 2 1
runs again: yes
TerminateThread: 1
terminated thread exit code: 9"

probe suspend-stress "suspended 2000 times while busy in kernel32: 2000 contexts, work went on yes"

probe fmt "system 2: 44 [The system cannot find the file specified.]
system 5 (allocated, wide): 19 [Access is denied.]
from string: 18, ends with CRLF yes [apples x12 00FF%]
unknown id: 0 error 317"

probe ctrl "handler: event 0 on another thread yes
still running after a handled Ctrl+C"

probe files "case-insensitive open: yes
ReadFile at offset 4: 1 [456], pointer now 7
ReadFile at the end: 0 error 38
LockFileEx exclusive 0..5: 1
read of the locked range through another handle: 0 error 33
second lock: 0 error 33
UnlockFileEx: 1, again: 0 error 158
final path starts with \\\\?\\ and ends with \\Data.TXT: yes
FindFirstFile *.txt finds [Data.TXT]
delete-on-close exists while open: yes, after close: gone
directory without BACKUP_SEMANTICS: error 5
directory with BACKUP_SEMANTICS: directory 1
CreateHardLinkW: 1, size through the link 10
GetDiskFreeSpaceExW: 1, total > 0 yes
GetDriveTypeW(Z:\\) 3, file system NTFS, Z: in GetLogicalDrives yes
GetDriveTypeW(Q:\\) 1"

probe misc "GetVersionExW without a manifest: 6.2 build 9200
time zone: id standard-or-daylight bias 300 daylight bias -60, DST from month 3 (week 2) to month 11 (week 1) at 2:00
2024-07-04 16:30 UTC is 12:30 local
RegOpenKeyExW(HKLM\\Software\\Xeno): 2
SHGetFolderPathW(CSIDL_APPDATA): 0x0 ends with \\AppData\\Roaming yes
CompareStringW(a, B): 1, ignore case (abc, ABC): 2
LCMapStringW upper: 00c9 0054 00c9
environment names ignore case: [v1]
page 4096 granularity 65536 architecture 9
GetSystemWow64DirectoryW: 0 error 120"

# A Windows program's exit code as the host sees it: the low 8 bits.
t_rc "host sees the low byte of ExitProcess(0x1FF)" 255 $XENO run $P exitcode 1FF

probe loadflags "side.dll, system32 only: NULL error 126
side.dll, default search: loaded
side.dll once loaded, system32 only: same handle yes
kernel32.dll, system32 only: loaded"

probe filemap "file view: hello, 64K-aligned yes
unmap: 1
file after the view wrote it: HELLO
a larger writable mapping grows the file to 8192
copy-on-write view JELLO, shared view HELLO
offset not on 64K: 0000000000000000 error 1132
view past the end: 0000000000000000 error 5
write view of a read-only mapping: 0000000000000000 error 5
read-only mapping larger than the file: 0000000000000000 error 8
empty file, no size: 0000000000000000 error 1006
paging-file section: second create error 183, view by name reads [through the name]
unmap a bad address: 0 error 487
open a missing name: 0000000000000000 error 2"

probe toolhelp "Process32FirstW with dwSize 0 fails: yes
this process listed: yes, as probe.exe, threads >= 2: yes, its parent listed: yes
after the last process: error 18
the ANSI list names it probe.exe
the new thread listed under this process: yes"

probe ntopen "create relative to a directory: 00000000 information 2, wrote 3
create it again: c0000035
open-if an existing file: 00000000 information 1
a file opened as a directory: c0000103
a directory opened as a file: c00000ba
a missing file: c0000034
in a missing directory: c000003a
NtOpenFile by NT path, delete on close: 00000000, file left: no"

probe tokens "OpenProcessToken: 1
TokenUser without a buffer: 0 error 122, needs more than 16 bytes: yes
TokenUser: 1, valid SID 1, its length from its count, copy 1, equal 1
CopySid into 4 bytes fails: yes
TokenElevationType: 1, 4 bytes
OpenThreadToken without impersonation: 0 error 1008
GetUserProfileDirectoryW, 1 char: 0 error 122, size asked is USERPROFILE's + 1
GetUserProfileDirectoryW: 1, is %USERPROFILE%: yes"

probe psapi "psapi.dll functions found: yes
EnumProcesses: 1, this process in it: yes
GetModuleFileNameExW is GetModuleFileNameW: yes, base name probe.exe
the child's image: 1, same program: yes
GetModuleFileNameExW of the child: same program: yes
GetProcessMemoryInfo: 1, working set > 0: yes"

probe badptr "WriteFile from a bad buffer: 0 error 998
ReadFile into a bad buffer: 0 error 998
WaitForMultipleObjects with a bad array: 0xffffffff error 998
DuplicateHandle into a bad pointer: 0 error 998"

# A real SIGINT from the host reaches the console control handler.
$XENO run $P ctrl-signal > $TMP/sig.out 2>&1 &
pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do grep -q ready $TMP/sig.out 2> /dev/null && break; sleep 0.2; done
kill -INT $pid
wait $pid
t_eq "host SIGINT runs the console control handler" "ready
host SIGINT became event 0, handled" "$(tr -d '\r' < $TMP/sig.out)"

# On a terminal (script(1) gives one): console calls succeed and colours
# become ANSI escape sequences.
if command -v script > /dev/null; then
    script -qec "$XENO run $P console" /dev/null < /dev/null > $TMP/tty.raw 2>&1
    tr -d '\r' < $TMP/tty.raw > $TMP/tty.out
    t_eq "console calls on a terminal" "console modes: 1 1, input line mode yes, buffer info 1 width > 0 yes" \
        "$(head -1 $TMP/tty.out)"
    t_match "SetConsoleTextAttribute writes ANSI colours on a terminal" "$(printf '\033')\[0;91;49mred" "$(cat $TMP/tty.out)"
fi
