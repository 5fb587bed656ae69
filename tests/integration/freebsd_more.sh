# freebsd_more.sh — the rest of issue 4's list and process-level
# robustness: sigwait/sigwaitinfo/sigtimedwait/sigqueue and kill() to
# process groups (sigwaits, compared with its Linux build), the FreeBSD
# 11 compatibility calls (compat11), getlogin/setlogin (login), and a
# guest that exits from a second thread, kills itself with each common
# signal, forks many children, execs a missing file, a FreeBSD program and
# a Linux program, overflows its stack into a handler on the alternate
# stack, and faults with every signal blocked (procx).
. tests/lib.sh
ulimit -c 0 # children die of SIGQUIT, SIGSEGV…: no core files

# in_dir NAME CMD...: run CMD in an empty directory; output in $TMP/NAME.out
in_dir() {
    name=$1
    shift
    rm -rf "$TMP/d-$name" && mkdir -p "$TMP/d-$name"
    (cd "$TMP/d-$name" && timeout -s KILL 60 "$@") > "$TMP/$name.out" 2> "$TMP/$name.err"
}

X=$(pwd)/$XENO
L=$(pwd)/$S/linux
F=$(pwd)/$S/freebsd

# --- signals: the same answers as the Linux build ---
t_same "sigwaits: same output as the Linux build" timeout -s KILL 60 $L/fbsd-sigwaits -- \
    timeout -s KILL 60 $XENO run $F/sigwaits
t_match "sigwait takes a pending signal" "^sigwait: SIGUSR1 \(0\)$" "$(cat $TMP/b.out)"
t_match "sigqueue's value reaches sigwaitinfo" "^sigwaitinfo: SIGUSR2 code=SI_QUEUE value=42 from-self=yes$" "$(cat $TMP/b.out)"
t_match "sigtimedwait times out with EAGAIN" "^sigtimedwait: -1 EAGAIN after >= 40 ms: yes$" "$(cat $TMP/b.out)"
t_match "a handler's signal interrupts sigwaitinfo" "^interrupted: -1 EINTR handler-ran=yes$" "$(cat $TMP/b.out)"
t_match "a default action still kills a waiting process" "^SIGTERM while waiting for SIGUSR1: SIGTERM$" "$(cat $TMP/b.out)"
t_match "kill(0) and kill(-pgrp) reach the whole group" "^kill\(0, SIGUSR1\): 2 members killed; kill\(-pgrp, SIGUSR2\): 2$" "$(cat $TMP/b.out)"
t_eq "sigwaits: nothing reported missing" "" "$(grep 'not implemented' $TMP/b.err)"

# --- FreeBSD 11 compatibility calls ---
in_dir compat11 "$X" run "$F/compat11"
t_eq "compat11 runs" 0 $?
t_eq "compat11: every answer agrees with the current calls" "stat11 f11: 0 regular size 123, agrees with fstatat: yes
lstat11 l11: symlink, agrees: yes
stat11 l11: regular size 123
fstat11: regular, agrees with fstat: yes
fstatat11 nofollow: symlink
fstatat11 in a directory: regular size 0
fstatat11 bad flag: EINVAL
stat11 missing: ENOENT
statfs11: version 0x20030518, agrees with statfs: yes
fstatfs11: version 0x20030518, same file system type: yes
getdirentries11: . .. a bb ccc; records well formed, fileno = low 32 bits of st_ino, d_type right: yes
getdirentries11 in 24-byte calls: . .. a bb ccc; records well formed, fileno = low 32 bits of st_ino, d_type right: yes
getdents11: . .. a bb ccc; records well formed, fileno = low 32 bits of st_ino, d_type right: yes
getdirentries11 base of the first call: 0
getdirentries11 with room for nothing: EINVAL
mknod11 fifo: 0 fifo" "$(cat $TMP/compat11.out)"
for g in $S/go/*-freebsd; do
    n=$($XENO info $g 2>/dev/null | grep -c 'freebsd11_.*not implemented')
    t_eq "xeno info $(basename $g): no FreeBSD 11 call left unimplemented" 0 "$n"
done

# --- getlogin/setlogin ---
luid=$(cat /proc/self/loginuid 2>/dev/null)
if [ -n "$luid" ] && [ "$luid" != 4294967295 ]; then
    who=$(getent passwd "$luid" | cut -d: -f1)
else
    who=$(id -un)
fi
in_dir login "$X" run "$F/login"
t_match "getlogin names the host's login user" "^getlogin: ok \[$who\]$" "$(cat $TMP/login.out)"
t_match "getlogin: a short buffer is ERANGE" "^getlogin, buffer one byte short: ERANGE$" "$(cat $TMP/login.out)"
t_match "getlogin: a bad buffer is EFAULT" "^getlogin into the kernel half: EFAULT$" "$(cat $TMP/login.out)"
if [ "$(id -u)" = 0 ]; then
    t_match "setlogin as root" "^getlogin after setlogin: \[xenotest\]$" "$(cat $TMP/login.out)"
    t_match "setlogin: 33 characters are EINVAL" "^setlogin of 33 characters: EINVAL$" "$(cat $TMP/login.out)"
    t_match "setlogin: a bad name is EFAULT" "^setlogin from the kernel half: EFAULT$" "$(cat $TMP/login.out)"
    t_match "a child inherits the login name" "^a child's getlogin: \[xenotest\]$" "$(cat $TMP/login.out)"
else
    t_match "setlogin needs root" "^setlogin xenotest: EPERM$" "$(cat $TMP/login.out)"
fi

# --- process-level robustness, compared with the Linux build ---
in_dir procx-linux "$L/fbsd-procx" "$L/fbsd-hello"
ra=$?
in_dir procx "$X" run "$F/procx" "$F/hello"
rb=$?
t_eq "procx exits as its Linux build does" "$ra" "$rb"
if cmp -s "$TMP/procx-linux.out" "$TMP/procx.out"; then
    pass "procx: same output as the Linux build"
else
    fail "procx: same output as the Linux build" "$(diff "$TMP/procx-linux.out" "$TMP/procx.out" | head -6 | tr '\n' '|')"
fi
o=$(cat $TMP/procx.out)
t_match "exit() from a second thread ends the process" "^exit\(7\) from a second thread: exit 7$" "$o"
t_match "kill(self, SIGSEGV) kills (it is not a fault)" "^kill\(self, SIGSEGV\): killed by SIGSEGV$" "$o"
t_match "kill(self, SIGSYS) kills (it is not a trapped call)" "^kill\(self, SIGSYS\): killed by SIGSYS$" "$o"
t_match "200 children forked and reaped" "^forked 200 children: reaped 200, exit codes sum to 10684$" "$o"
t_match "exec of a missing file is ENOENT" "^exec of a missing file: -1 ENOENT$" "$o"
t_match "exec of a FreeBSD program" "^exec of hello: exit 17$" "$o"
t_match "exec of a Linux program" "^exec of /bin/echo: exit 0$" "$o"
t_match "stack overflow reaches the handler on the alternate stack" "^SIGSEGV handled on the alternate stack$" "$o"
t_match "a fault with every signal blocked kills" "^SIGSEGV with every signal blocked: killed by SIGSEGV$" "$o"
t_eq "procx: xeno reports no internal error" "" "$(grep 'internal error' $TMP/procx.err)"

# A guest that kills itself: xeno ends with the host's number for it.
for sig in SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV \
           SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGSYS; do
    $L/fbsd-procx die $sig > /dev/null 2>&1
    ra=$?
    timeout -s KILL 20 $XENO run $F/procx die $sig > /dev/null 2>&1
    rb=$?
    t_eq "guest kills itself with $sig: exit status $ra as natively" "$ra" "$rb"
done

# A fault or trap with no handler ends the process (it used to spin in
# xeno: the default action's host calls were trapped as guest calls).
for how in fault trap; do
    $L/fbsd-procx $how > /dev/null 2>&1
    ra=$?
    timeout -s KILL 20 $XENO run $F/procx $how > /dev/null 2>&1
    rb=$?
    t_eq "an unhandled $how ends the guest: exit status $ra as natively" "$ra" "$rb"
done

# No room for the signal frame (a stack overflow, a handler, no alternate
# stack): FreeBSD's sendsig kills with SIGILL (Linux itself: SIGSEGV).
timeout -s KILL 20 $XENO run $F/procx overflow > /dev/null 2>&1
t_eq "stack overflow without an alternate stack: killed by SIGILL as on FreeBSD" 132 $?

XENO_ASAN=$BUILD/xeno-asan
if [ -x "$XENO_ASAN" ]; then
    in_dir sigwaits-asan "$(pwd)/$XENO_ASAN" run "$F/sigwaits"
    t_eq "sigwaits under xeno-asan: same output" "$(cat $TMP/b.out)" "$(cat $TMP/sigwaits-asan.out)"
    t_eq "sigwaits under xeno-asan: nothing reported" "" \
        "$(grep -E 'AddressSanitizer|runtime error' $TMP/sigwaits-asan.err)"
    in_dir compat11-asan "$(pwd)/$XENO_ASAN" run "$F/compat11"
    t_eq "compat11 under xeno-asan: same output" "$(cat $TMP/compat11.out)" "$(cat $TMP/compat11-asan.out)"
fi

# --- getfsstat: the host's mount table, in FreeBSD records ---
in_dir mounts "$X" run "$F/mounts"
t_eq "mounts runs" 0 $?
t_eq "getfsstat: counts, both record layouts, a short buffer, bad mode and pointer" \
"getfsstat count: more than none
records: ok, as many as counted: yes
FreeBSD 11 records name the same mount points: yes
a buffer for two records: 2
mode 7: EINVAL
a buffer in the kernel half: EFAULT" "$(sed -n '1,6p' $TMP/mounts.out)"
# the mount points the host lists (its \ooo escapes undone), each once in order
t_eq "getfsstat: the mount points are the host's" \
    "$(awk '{ print $2 }' /proc/self/mounts | while read -r m; do printf '%b\n' "$m"; done)" \
    "$(sed -n '/^mounted on:$/,$p' $TMP/mounts.out | tail -n +2)"
t_eq "mounts: nothing reported missing" "" "$(grep 'not implemented' $TMP/mounts.err)"
