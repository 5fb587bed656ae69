# freebsd_hostile.sh — hostile FreeBSD guests: samples/freebsd/hostile_*.c
# hand bad pointers (NULL, unmapped, kernel half, non-canonical, a buffer
# running into an unmapped page, misaligned) and absurd sizes to every
# kind of call that reads or writes guest memory. Each call must give
# the answer FreeBSD documents (below, one line per call: "NAME RESULT"),
# and xeno must survive; the same runs again under xeno-asan, which must
# report nothing and print the same.
. tests/lib.sh

# Where FreeBSD and Linux disagree and xeno gives Linux's answer, RESULT
# lists FreeBSD's answer first and xeno's second ("EFAULT|ok"). These are
# the calls the rewritten-site trampolines make straight to Linux (read,
# write, pread, pwrite): a copy that runs into an unmapped page returns
# the bytes moved before it instead of EFAULT, and a count above
# SSIZE_MAX is refused with EFAULT instead of EINVAL.
EXPECT_FS='read-null EFAULT
read-unmapped EFAULT
read-kernel EFAULT
read-noncanon EFAULT
read-edge EFAULT|ok
read-edge-hugelen EFAULT|ok
read-misaligned ok
read-len-max EINVAL|EFAULT
pread-null EFAULT
pread-edge EFAULT|ok
pread-negative-offset EINVAL
write-null EFAULT
write-unmapped EFAULT
write-kernel EFAULT
write-edge EFAULT
write-misaligned ok
write-len-max EINVAL|EFAULT
write-file-edge EFAULT|ok
readv-null-array EFAULT
readv-kernel-array EFAULT
readv-count-1025 EINVAL
readv-count-negative EINVAL
readv-null-base EFAULT
writev-kernel-base EFAULT
writev-len-overflow EINVAL
readv-array-edge EFAULT
open-null EFAULT
open-unmapped EFAULT
open-kernel EFAULT
open-edge EFAULT
open-no-nul ENAMETOOLONG
openat-null EFAULT
mkdir-null EFAULT
unlink-kernel EFAULT
rename-to-null EFAULT
access-null EFAULT
chdir-unmapped EFAULT
symlink-null-target EFAULT
utimensat-kernel-times EFAULT
fstat-null EFAULT
fstat-unmapped EFAULT
fstat-kernel EFAULT
fstat-edge EFAULT
fstat-misaligned ok
fstatat-null-buf EFAULT
fstatat-null-path EFAULT
fstatat-edge EFAULT
statfs-null EFAULT
fstatfs-kernel EFAULT
fstatfs-edge EFAULT
stat11-null EFAULT
fstat11-edge EFAULT
getdirentries-null EFAULT
getdirentries-after-efault entries
getdirentries-kernel-basep-at-end EFAULT
getdirentries-edge-hugelen EFAULT
getdirentries11-null EFAULT
getdirentries11-after-efault entries
readlink-null-buf EFAULT
readlink-null-path EFAULT
getcwd-null EFAULT
getcwd-kernel EFAULT
getcwd-edge EFAULT
ioctl-fionbio-kernel EFAULT
ioctl-fionread-kernel EFAULT
ioctl-tiocgeta-not-a-tty ENOTTY
fcntl-getlk-kernel EFAULT
fcntl-setlk-edge EFAULT
pipe2-null EFAULT
pipe2-kernel EFAULT
pipe2-edge EFAULT
pipe2-bad-flags EINVAL
pipe2-no-fd-leak ok'

# sigtimedwait takes a pending signal before it looks at the timeout;
# sigwait and clock_nanosleep return their error as the value; wait4 and
# wait6 reap the child before they fail to write its status.
EXPECT_SIG='sigaction-both-null ok
sigaction-new-kernel EFAULT
sigaction-new-unmapped EFAULT
sigaction-new-edge EFAULT
sigaction-old-kernel EFAULT
sigaction-old-edge EFAULT
sigaction-sig-0 EINVAL
sigaction-sig-129 EINVAL
sigaction-sigkill EINVAL
sigaction-misaligned ok
sigprocmask-set-kernel EFAULT
sigprocmask-old-kernel EFAULT
sigprocmask-set-edge EFAULT
sigprocmask-bad-how EINVAL
sigprocmask-bad-how-no-set ok
sigpending-kernel EFAULT
sigpending-edge EFAULT
sigsuspend-kernel EFAULT
sigreturn-null EFAULT
sigreturn-kernel EFAULT
sigaltstack-new-kernel EFAULT
sigaltstack-old-kernel EFAULT
sigaltstack-new-edge EFAULT
sigaltstack-too-small ENOMEM
sigaltstack-bad-flags EINVAL
sigwait-set-kernel EFAULT
sigtimedwait-set-kernel EFAULT
sigtimedwait-timeout-kernel EFAULT
sigtimedwait-nothing-pending EAGAIN
sigtimedwait-bad-nsec EINVAL
sigtimedwait-negative-sec EAGAIN
sigwaitinfo-set-kernel EFAULT
sigtimedwait-info-kernel EFAULT
sigwait-sig-kernel EFAULT
sigtimedwait-pending-bad-nsec ok
kill-sig-129 EINVAL
kill-sig-negative EINVAL
kill-no-such-pid ESRCH
thr_self-kernel EFAULT
thr_self-null EFAULT
thr_kill-sig-129 EINVAL
thr_kill-no-such-thread ESRCH
sigqueue-pid-0 EINVAL
sigqueue-sig-200 EINVAL
clock_gettime-null EFAULT
clock_gettime-kernel EFAULT
clock_gettime-edge EFAULT
clock_gettime-misaligned ok
clock_gettime-bad-clock EINVAL
clock_getres-kernel EFAULT
clock_getres-null ok
gettimeofday-kernel EFAULT
gettimeofday-tz-kernel EFAULT
nanosleep-null EFAULT
nanosleep-kernel EFAULT
nanosleep-bad-nsec EINVAL
nanosleep-rem-kernel ok
clock_nanosleep-kernel EFAULT
clock_nanosleep-bad-nsec EINVAL
setitimer-kernel EFAULT
setitimer-bad-which EINVAL
getitimer-kernel EFAULT
wait4-status-kernel EFAULT
wait4-after-efault ECHILD
wait4-rusage-kernel EFAULT
wait4-no-children ECHILD
wait6-info-kernel EFAULT
wait6-after-efault ECHILD
execve-path-null EFAULT
execve-path-kernel EFAULT
execve-path-no-nul ENAMETOOLONG
execve-argv-kernel EFAULT
execve-argv-string-kernel EFAULT
execve-envp-kernel EFAULT
execve-envp-string-kernel EFAULT
execve-argv-edge EFAULT
execve-missing-file ENOENT
execve-directory EACCES
getrusage-kernel EFAULT
getrusage-bad-who EINVAL
getrlimit-kernel EFAULT
getrlimit-bad-resource EINVAL
setrlimit-kernel EFAULT
getresuid-kernel EFAULT
cpuset_getaffinity-huge-size ERANGE
cpuset_getaffinity-kernel EFAULT
cpuset_getaffinity-edge EFAULT
cpuset_getaffinity-ok ok
getrandom-null EFAULT
getrandom-kernel EFAULT
getrandom-edge EFAULT
getrandom-bad-flags EINVAL
getrandom-ok ok'

# A change with filter 0 is skipped, as FreeBSD's kevent does; an
# unknown filter fails the call when there is no event list to report in.
EXPECT_KERN='sysctl-name-kernel EFAULT
sysctl-namelen-0 EINVAL
sysctl-namelen-25 EINVAL
sysctl-old-kernel EFAULT
sysctl-oldlenp-kernel EFAULT
sysctl-old-edge EFAULT
sysctl-size-query ok
sysctl-new-readonly EPERM
sysctlbyname-name-kernel EFAULT
sysctlbyname-namelen-0 EINVAL
sysctlbyname-namelen-5000 EINVAL
sysctlbyname-namelen-1024 ENAMETOOLONG
sysctlbyname-namelen-600 ENOENT
sysctlbyname-old-edge EFAULT
thr_new-null EFAULT
thr_new-kernel EFAULT
thr_new-edge EFAULT
thr_new-size-200 EINVAL
thr_new-size-negative EINVAL
thr_new-child-tid-kernel EFAULT
thr_new-parent-tid-unmapped EFAULT
thr_new-rtp-kernel EFAULT
thr_set_name-kernel EFAULT
thr_set_name-too-long ok
thr_new-no-thread-started ok
umtx-wait-uint-null EFAULT
umtx-wait-uint-kernel EFAULT
umtx-wait-long-kernel EFAULT
umtx-wait-value-differs ok
umtx-wait-timeout-kernel EFAULT
umtx-wait-bad-nsec EINVAL
umtx-wait-times-out ETIMEDOUT
umtx-bad-op EINVAL
umtx-nwake-list-kernel EFAULT
umtx-wake-null ok
sysarch-set-fsbase-kernel EFAULT
sysarch-get-fsbase-null EFAULT
sysarch-bad-op EINVAL
kevent-changes-kernel EFAULT
kevent-changes-edge EFAULT
kevent-timeout-kernel EFAULT
kevent-timeout-bad-nsec EINVAL
kevent-nchanges-negative ok
kevent-not-a-kqueue EBADF
kevent-nchanges-huge EINVAL
kevent-add ok
kevent-events-kernel EFAULT
kevent-events-edge EFAULT
poll-null EFAULT
poll-kernel EFAULT
poll-edge EFAULT
poll-nfds-huge EINVAL
poll-none ok
poll-bad-timeout EINVAL
ppoll-mask-kernel EFAULT
ppoll-timeout-kernel EFAULT
select-readfds-kernel EFAULT
select-readfds-edge EFAULT
select-nfds-negative EINVAL
select-timeout-kernel EFAULT
select-bad-usec EINVAL
select-nfds-huge ok
pselect-mask-kernel EFAULT'

# FreeBSD's getsockaddr: a length above SOCK_MAXADDRLEN (255) is
# ENAMETOOLONG; an accept whose address cannot be written drops the
# connection and leaves no descriptor.
EXPECT_NET='socketpair-kernel EFAULT
socketpair-edge EFAULT
socketpair-no-fd-leak ok
bind-null EFAULT
bind-kernel EFAULT
bind-edge EFAULT
bind-len-1000 ENAMETOOLONG
bind-len-1 EINVAL
connect-kernel EFAULT
getsockname-kernel EFAULT
getsockname-len-kernel EFAULT
setsockopt-kernel EFAULT
setsockopt-len-1 EINVAL
getsockopt-kernel EFAULT
getsockopt-len-kernel EFAULT
shutdown-bad-how EINVAL
sendto-buf-kernel EFAULT
sendto-addr-kernel EFAULT
sendto-addrlen-1000 ENAMETOOLONG
recvfrom-buf-kernel EFAULT
recvfrom-fromlen-kernel EFAULT
recvfrom-from-kernel EFAULT
sendmsg-null EFAULT
sendmsg-kernel EFAULT
sendmsg-edge EFAULT
sendmsg-iov-kernel EFAULT
sendmsg-iovlen-1025 EMSGSIZE
sendmsg-name-kernel EFAULT
sendmsg-control-kernel EFAULT
recvmsg-kernel EFAULT
recvmsg-iov-base-kernel EFAULT
accept-addr-kernel EFAULT
accept-len-kernel EFAULT
accept-no-fd-leak ok'

# check_lines LABEL EXPECTED OUTPUT_FILE: one PASS/FAIL per expected line.
check_lines() {
    printf '%s\n' "$2" | while read -r name want; do
        got=$(grep -m1 "^$name " "$3" | cut -d' ' -f2)
        case "|$want|" in
        *"|$got|"*) [ -n "$got" ] && pass "$1 $name: $got" || fail "$1 $name" "no result" ;;
        *) fail "$1 $name" "expected $want, got [${got:-nothing}]" ;;
        esac
    done
}

expected() {
    case $1 in
    fs) echo "$EXPECT_FS" ;;
    sig) echo "$EXPECT_SIG" ;;
    kern) echo "$EXPECT_KERN" ;;
    net) echo "$EXPECT_NET" ;;
    esac
}

# run_hostile LABEL XENO SAMPLE EXPECTED
run_hostile() {
    d=$TMP/$1-$3
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" && timeout -s KILL 120 "$OLDPWD/$2" run "$OLDPWD/$S/freebsd/hostile_$3") > "$d.out" 2> "$d.err"
    rc=$?
    t_eq "$1 hostile_$3 exits normally" 0 "$rc"
    t_eq "$1 hostile_$3 survives every call" survived "$(tail -1 "$d.out")"
    if grep -q -E 'internal error|AddressSanitizer|runtime error' "$d.err"; then
        fail "$1 hostile_$3 stderr is clean" "$(grep -m2 -E 'internal error|AddressSanitizer|runtime error' "$d.err")"
    else
        pass "$1 hostile_$3 stderr is clean"
    fi
    check_lines "$1 $3" "$4" "$d.out"
}

# Traced, every argument is decoded too (bad pointers included): the
# answers must not change and the tracer must survive.
for t in fs sig kern net; do
    d=$TMP/trace-$t
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" && timeout -s KILL 120 "$OLDPWD/$XENO" trace -f -o "$d.trace" "$OLDPWD/$S/freebsd/hostile_$t") \
        > "$d.out" 2> "$d.err"
    t_eq "traced hostile_$t exits normally" 0 $?
    check_lines "traced $t" "$(expected $t)" "$d.out"
    t_match "traced hostile_$t: the trace shows EFAULT results" "= -1 EFAULT" "$(cat "$d.trace")"
done

for x in xeno xeno-asan; do
    [ -x "$BUILD/$x" ] || { fail "$x exists" "$BUILD/$x is missing"; continue; }
    for t in fs sig kern net; do
        run_hostile $x "$BUILD/$x" $t "$(expected $t)"
    done
done
