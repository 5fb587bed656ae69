# trace.sh — `xeno trace`: FreeBSD samples show the expected calls with
# decoded arguments and FreeBSD results; the options (-o -f -t -tt -T -e
# trace= -s -c --json --host --stats) do what strace's do; a Windows
# program gives Call/Ret relay lines with strings; a Linux program is
# traced through libxeno-preload.so. Tracing never changes what the
# program prints or its exit status.
. tests/lib.sh
X=$(realpath $XENO)
S=$(realpath $S)
F=$S/freebsd
D=$TMP/d
mkdir -p $D
cd $D || exit 1

# trace NAME ARGS...: xeno trace ARGS with the trace in $TMP/tr, output in $TMP/out
trace() {
    name=$1
    shift
    rm -f $TMP/tr
    $X trace -o $TMP/tr "$@" > $TMP/out 2> $TMP/err
    rc=$?
}

# ---- FreeBSD: the calls and their arguments ----
trace files $F/files
t_eq "freebsd files: exit status" 0 $rc
$X run $F/files > $TMP/plain 2>/dev/null
t_eq "freebsd files: output unchanged by tracing" "$(cat $TMP/plain)" "$(cat $TMP/out)"
T=$(cat $TMP/tr)
t_match "open flags and mode" '^openat\(AT_FDCWD, "data.txt", O_WRONLY\|O_CREAT\|O_TRUNC, 0666\) = [0-9]+$' "$T"
t_match "no mode without O_CREAT" '^openat\(AT_FDCWD, "data.txt", O_RDWR\|O_APPEND\) = [0-9]+$' "$T"
t_match "a written buffer, quoted" '^write\([0-9]+, "hello, file\\n", 12\) = 12$' "$T"
t_match "a read buffer after the call" '^read\([0-9]+, "hello", 5\) = 5$' "$T"
t_match "stat structure" '^fstatat\(AT_FDCWD, "data.txt", \{st_mode=S_IFREG\|0644, st_size=12, \.\.\.\}, 0\) = 0$' "$T"
t_match "FreeBSD errno names" '^openat\(AT_FDCWD, "missing.txt", O_RDONLY\|O_CLOEXEC\) = -1 ENOENT \(No such file or directory\)$' "$T"
t_match "EEXIST" '^openat\(AT_FDCWD, "renamed.txt", O_WRONLY\|O_CREAT\|O_EXCL, 0644\) = -1 EEXIST \(File exists\)$' "$T"
t_match "access modes" '^faccessat\(AT_FDCWD, "data.txt", R_OK\|W_OK, 0\) = 0$' "$T"
t_match "whence" '^lseek\([0-9]+, -5, SEEK_END\) = 19$' "$T"
t_match "fcntl without its argument for F_GETFD" '^fcntl\(10, F_GETFD\) = 0$' "$T"
t_match "readlinkat's buffer" '^readlinkat\(AT_FDCWD, "soft.txt", "renamed.txt", [0-9]+\) = 11$' "$T"
t_match "an output pointer when the call failed" '^fstatat\(AT_FDCWD, "data.txt", 0x[0-9a-f]+, 0\) = -1 ENOENT' "$T"
t_eq "the end of the process" "+++ exited with 0 +++" "$(tail -1 $TMP/tr)"

trace signals $F/signals
T=$(cat $TMP/tr)
t_match "sigaction with a handler and mask" '^sigaction\(SIGUSR1, \{sa_handler=0x[0-9a-f]+, sa_mask=\[SIGUSR2\], sa_flags=0\}, NULL\) = 0$' "$T"
t_match "signal sets" '^sigprocmask\(SIG_BLOCK, \[SIGUSR1 SIGUSR2\], NULL\) = 0$' "$T"
t_match "kill with a signal name" '^kill\([0-9]+, SIGUSR1\) = 0$' "$T"
t_match "sigpending's output set" '^sigpending\(\[SIGUSR1 SIGUSR2\]\) = 0$' "$T"

trace tcp $F/tcp
T=$(cat $TMP/tr)
t_match "sockaddr" '^bind\([0-9]+, \{sa_family=AF_INET, sin_port=htons\(0\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) = 0$' "$T"
t_match "socket domain and type" '^socket\(AF_INET, SOCK_STREAM, 0\) = [0-9]+$' "$T"
t_match "socket options by level" '^setsockopt\([0-9]+, SOL_SOCKET, SO_REUSEADDR, "\\1\\0\\0\\0", 4\) = 0$' "$T"
t_match "an output sockaddr and its length" '^getsockname\([0-9]+, \{sa_family=AF_INET, sin_port=htons\([0-9]+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, \[16\]\) = 0$' "$T"

trace kqueue $F/kqueue
t_match "kevents" '^kevent\([0-9]+, \[\{ident=[0-9]+, filter=EVFILT_READ, flags=EV_ADD, fflags=0, data=0, udata=NULL\}\], 1, NULL, 0, NULL\) = 0$' "$(cat $TMP/tr)"
t_match "kevents returned" '^kevent\([0-9]+, NULL, 0, \[\{ident=[0-9]+, filter=EVFILT_READ, flags=0, fflags=0, data=5, udata=NULL\}\], 4, \{tv_sec=0, tv_nsec=0\}\) = 1$' "$(cat $TMP/tr)"

trace sysctl $F/sysctl
t_match "sysctl MIBs by name" '^__sysctl\(\[kern\.ostype\], 2, ' "$(cat $TMP/tr)"
t_match "sysctlbyname" '^__sysctlbyname\("no\.such\.node", 12, .*\) = -1 ENOENT' "$(cat $TMP/tr)"

trace thr -f $F/thr  # -f: the wake is made by the child thread
P='^([0-9]+ +|\[pid +[0-9]+\] )?' # with -f a line may name its thread
t_match "thr_new's parameters" "${P}"'thr_new\(\{start_func=0x[0-9a-f]+, arg=0x[0-9a-f]+, stack_base=0x[0-9a-f]+, stack_size=131072, ' "$(cat $TMP/tr)"
t_match "_umtx_op operations" '_umtx_op\(0x[0-9a-f]+, UMTX_OP_(WAIT_UINT_PRIVATE|WAKE_PRIVATE), ' "$(cat $TMP/tr)"
t_match "sysarch" "${P}"'sysarch\(AMD64_SET_FSBASE, 0x[0-9a-f]+\) = 0$' "$(cat $TMP/tr)"

trace hello-status $F/hello 7
t_eq "exit status passes through" 7 $rc
t_eq "exit line" "+++ exited with 7 +++" "$(tail -1 $TMP/tr)"

# ---- options ----
trace filter -e trace=%file $F/files
t_eq "-e trace=%file: no write/read/close/lseek" 0 "$(grep -c -E '^(write|read|close|lseek)\(' $TMP/tr)"
t_match "-e trace=%file: openat" '^openat\(' "$(cat $TMP/tr)"
trace names -e trace=openat,close $F/files
t_eq "-e trace=openat,close: nothing else" "" "$(grep -v -E '^(openat|close)\(|^\+\+\+' $TMP/tr)"
trace bad -e trace=nosuchcall $F/files
t_eq "-e trace= with an unknown name: usage error" 2 $rc
trace strsize -s 5 $F/files
t_match "-s 5" '^write\([0-9]+, "hello"\.\.\., 12\) = 12$' "$(cat $TMP/tr)"
trace times -tt -T $F/hello
t_match "-tt -T" '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} write\(1, .*\) = [0-9]+ <[0-9]+\.[0-9]{6}>$' "$(cat $TMP/tr)"
trace epoch -ttt $F/hello
t_match "-ttt" '^[0-9]{10}\.[0-9]{6} write\(1, ' "$(cat $TMP/tr)"
trace summary -c $F/files
t_match "-c: the table" '^% time +seconds +usecs/call +calls +errors syscall$' "$(cat $TMP/tr)"
# The openat row counts what a plain trace of the same run shows, line by line.
cp $TMP/tr $TMP/tr.summary
trace plainfiles $F/files
n_open=$(grep -c '^openat(' $TMP/tr)
n_fail=$(grep '^openat(' $TMP/tr | grep -c ' = -1 ')
t_match "-c: openat row with its errors ($n_open calls, $n_fail failed)" \
    "^ *[0-9.]+ +[0-9.]+ +[0-9]+ +$n_open +$n_fail openat\$" "$(cat $TMP/tr.summary)"
cp $TMP/tr.summary $TMP/tr
t_match "-c: total" '^100\.00 +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]+ total$' "$(cat $TMP/tr)"
t_eq "-c: no call lines" 0 "$(grep -c '^openat(' $TMP/tr)"
trace follow -f $F/procs
t_eq "-f: output unchanged" "$($X run $F/procs 2>/dev/null)" "$(cat $TMP/out)"
pid=$(sed -n 's/^\([0-9]*\) *fork() = \([0-9]*\)$/\2/p' $TMP/tr | head -1)
t_match "-f: a forked child's calls carry its id" "^$pid +exit\(7\) = \?$" "$(cat $TMP/tr)"
t_match "-f: and its end" "^$pid +\+\+\+ exited with 7 \+\+\+$" "$(cat $TMP/tr)"
t_match "-f: wait status decoded" 'wait4\([0-9]+, \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 7\}\], 0, NULL\) = [0-9]+$' "$(cat $TMP/tr)"
trace nofollow $F/procs
t_eq "without -f the children are not shown" 0 "$(grep -c -v -E '^[a-z_0-9]+\(|^\+\+\+' $TMP/tr)"
t_eq "without -f no child exit line" 1 "$(grep -c '^+++' $TMP/tr)"
trace threads -f $F/threads
t_match "-f: threads" '^[0-9]+ +thr_exit\(0x[0-9a-f]+\) = \?$' "$(cat $TMP/tr)"
trace json --json $F/files
t_rc "--json: every line is a JSON object" 0 python3 -c '
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
calls = [o for o in objs if "syscall" in o]
assert any(o["syscall"] == "openat" and o["args"] == ["AT_FDCWD", "missing.txt", "O_RDONLY|O_CLOEXEC"]
           and o["ret"] == -1 and o["errno"] == "ENOENT" for o in calls), "openat ENOENT"
assert any(o["syscall"] == "write" and o["args"][2] == 12 for o in calls), "numbers are numbers"
assert all(isinstance(o["pid"], int) and isinstance(o["tid"], int) for o in objs)
assert objs[-1] == {"pid": objs[-1]["pid"], "tid": objs[-1]["tid"], "event": "exited", "status": 0}
' $TMP/tr
head -1 $TMP/tr | python3 -m json.tool > /dev/null
t_eq "--json: python3 -m json.tool accepts a line" 0 $?
trace host --host $F/files
t_match "--host: the host call each one became" '^openat\(AT_FDCWD, "data.txt", O_WRONLY\|O_CREAT\|O_TRUNC, 0666\) = ([0-9]+) \[host: openat\(AT_FDCWD, "data.txt", O_WRONLY\|O_CREAT\|O_TRUNC, 0666\) = [0-9]+\]$' "$(cat $TMP/tr)"
t_match "--host: Linux names and flags" '^pread\([0-9]+, "second", 6, 12\) = 6 \[host: pread64\([0-9]+, "second", 6, 12\) = 6\]$' "$(cat $TMP/tr)"
t_match "--host: Linux errno names" '\[host: write\([0-9]+, "x", 1\) = -1 EBADF\]$' "$(cat $TMP/tr)"
trace stats --stats $F/hello
t_match "--stats" '^xeno: stats: [0-9]+ calls through rewritten sites \(gate\), [0-9]+ trapped by Syscall User Dispatch' "$(cat $TMP/tr)"
$X trace -o $TMP/tr $F/hello > /dev/null 2>&1
n1=$(wc -l < $TMP/tr)
$X trace -o $TMP/tr $F/hello > /dev/null 2>&1
t_eq "-o starts a new file" "$n1" "$(wc -l < $TMP/tr)"
$X trace $F/hello > $TMP/out 2> $TMP/err
t_match "without -o the trace goes to stderr" '^write\(1, "hello from' "$(cat $TMP/err)"
t_eq "and stdout is the program's" "$($X run $F/hello)" "$(cat $TMP/out)"

# ---- a Go program ----
if [ -x $S/go/hello-freebsd ]; then
    trace go -f $S/go/hello-freebsd x
    t_eq "Go: output unchanged" "$($S/go/hello-linux x)" "$(cat $TMP/out)"
    t_match "Go: its threads" '^[0-9]+ +thr_new\(' "$(cat $TMP/tr)"
fi

# ---- Windows: relay lines ----
W=$S/windows
trace win $W/hello.exe x
t_eq "windows: exit status" 0 $rc
t_match "windows: Call lines" '^[0-9a-f]{4}:Call (KERNEL32|MSVCRT)\.[A-Za-z_]+\(' "$(cat $TMP/tr)"
t_match "windows: Ret lines with the value" '^[0-9a-f]{4}:Ret  [A-Z0-9]+\.[A-Za-z_]+\(\) retval=[0-9a-f]{16}$' "$(cat $TMP/tr)"
t_match "windows: strings shown" ':Call MSVCRT\.strlen\([0-9a-f]+"x"\)$' "$(cat $TMP/tr)"
t_eq "windows: output unchanged" "$($X run $W/hello.exe x | tr -d '\r')" "$(tr -d '\r' < $TMP/out)"
sed -n 's/^[0-9a-f]*:Call \([A-Z0-9]*\.[A-Za-z_0-9]*\)(.*/\1/p' $TMP/tr | sort | uniq -c |
    awk '{ print $2, $1 }' | sort > $TMP/calls.lines
trace wincount -c $W/hello.exe x
t_eq "windows -c: output unchanged" "$($X run $W/hello.exe x | tr -d '\r')" "$(tr -d '\r' < $TMP/out)"
t_match "windows -c: strace's table, by function" '^% time +seconds +usecs/call +calls +errors function$' "$(head -1 $TMP/tr)"
awk 'NR > 2 && $1 != "------" && $NF != "total" { print $NF, $(NF-1) }' $TMP/tr | sort > $TMP/calls.table
t_eq "windows -c: each function's count is its number of Call lines" "$(cat $TMP/calls.lines)" "$(cat $TMP/calls.table)"
trace winfilter -e trace=strlen $W/hello.exe x
t_eq "windows: -e trace=NAME" "" "$(grep -v -E ':(Call |Ret  )MSVCRT\.strlen\(' $TMP/tr)"

# ---- Linux programs go through libxeno-preload.so ----
echo "linux file" > $D/l.txt
trace linux cat $D/l.txt
t_eq "linux: output" "linux file" "$(cat $TMP/out)"
t_match "linux: the execve" '^execve\("/usr/bin/cat", \["cat", ".*l\.txt"\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) = 0$' "$(head -1 $TMP/tr)"
t_match "linux: the file" "^openat\(AT_FDCWD, \"$D/l.txt\", O_RDONLY\) = 3$" "$(cat $TMP/tr)"
trace linux-c -c ls $D
t_match "linux: -c" '^100\.00 .* total$' "$(cat $TMP/tr)"
trace linux-f -f sh -c "cat $D/l.txt"
t_match "linux: -f follows the exec'd program" '^[0-9]+ +execve\("/usr/bin/cat", ' "$(cat $TMP/tr)"
