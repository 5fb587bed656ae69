# freebsd_io.sh — FreeBSD I/O readiness, terminals and sockets under xeno:
# the portable pipes/tcp/files samples print what their Linux builds print;
# the kqueue sample and probe programs (FreeBSD C built here with the
# samples' runtime) print what FreeBSD's documentation says they must
# (kqueue(2), poll(2), select(2), ioctl(2), tty(4), socket(2), accept(2),
# getsockopt(2), unix(4), sendfile(2)); terminal ioctls run on a
# pseudo-terminal; Go programs using the network poller, timers, os/exec,
# files and signals print what their Linux builds print.
. tests/lib.sh

# check_lines NAME EXPECTED ACTUAL: one check per expected line, named
# after the line's text up to its first colon.
check_lines() {
    name=$1 exp=$2 act=$3 i=1
    while IFS= read -r want; do
        got=$(sed -n "${i}p" "$act")
        t_eq "$name: ${want%%:*}" "$want" "$got"
        i=$((i + 1))
    done < "$exp"
    t_eq "$name: line count" "$(wc -l < "$exp")" "$(wc -l < "$act")"
}

# no_missing NAME ERRFILE: xeno reported no missing system call.
no_missing() {
    t_eq "$1: no missing system call" "" "$(grep 'not implemented' "$2")"
}

# same_in_dir NAME: the FreeBSD sample and its Linux build, each in an
# empty directory, print the same and exit the same.
same_in_dir() {
    name=$1
    d=$TMP/run-$name
    rm -rf "$d" && mkdir -p "$d/linux" "$d/fbsd"
    (cd "$d/linux" && "$OLDPWD/$S/linux/fbsd-$name") > "$TMP/a.out" 2> "$TMP/a.err"; ra=$?
    (cd "$d/fbsd" && "$OLDPWD/$XENO" run "$OLDPWD/$S/freebsd/$name") > "$TMP/b.out" 2> "$TMP/b.err"; rb=$?
    if [ "$ra" != "$rb" ]; then
        fail "freebsd $name" "exit $rb, native $ra; stderr: $(head -c 300 "$TMP/b.err")"
    elif ! cmp -s "$TMP/a.out" "$TMP/b.out"; then
        fail "freebsd $name" "output differs: $(diff "$TMP/a.out" "$TMP/b.out" | head -6 | tr '\n' '|')"
    else
        pass "freebsd $name: same output as the Linux build"
    fi
    no_missing "freebsd $name" "$TMP/b.err"
}

for s in pipes tcp files; do
    same_in_dir $s
done

# ---------------------------------------------------------------- kqueue sample
cat > "$TMP/kqueue.expected" <<'EOF'
kqueue: ok
add EVFILT_READ on a pipe: ok
nothing written yet: 0 event(s)
after writing 5 bytes: 1 event(s)
  ident <the pipe> EVFILT_READ data 5 eof no
add EVFILT_USER 42: ok
trigger it: ok
delete the pipe filter: ok
user event: 1 event(s)
  ident 42 EVFILT_USER data 0 eof no
user event again (EV_CLEAR): 0 event(s)
one-shot 20ms timer 7: ok
timer: 1 event(s)
  ident 7 EVFILT_TIMER data 1 eof no
writer closed: 1 event(s)
  ident <the pipe> EVFILT_READ data 0 eof yes
EV_RECEIPT for descriptor 999: 1 event, EV_ERROR yes, data EBADF
EOF
t_rc "kqueue sample" 0 $XENO run $S/freebsd/kqueue
cp "$TMP/out" "$TMP/kqueue.out"
cp "$TMP/err" "$TMP/kqueue.err"
check_lines "kqueue sample" "$TMP/kqueue.expected" "$TMP/kqueue.out"
no_missing "kqueue sample" "$TMP/kqueue.err"
t_rc "hello asks TIOCGETA without a report" 0 $XENO run $S/freebsd/hello
no_missing "hello" "$TMP/err"

# ---------------------------------------------------------------- probes
CC_FBSD="clang --target=x86_64-unknown-freebsd13"
if ! $CC_FBSD --version > /dev/null 2>&1; then
    echo "note: clang is missing: the FreeBSD probes are skipped"
    PROBES=""
else
    PROBES="kq io net tty"
    mkdir -p "$TMP/crt"
    CRT_OBJS=""
    for f in samples/freebsd/crt/*.c; do
        o=$TMP/crt/$(basename "$f" .c).o
        $CC_FBSD -O2 -ffreestanding -fno-builtin -fno-stack-protector -nostdinc \
            -isystem "$(clang -print-resource-dir)/include" -Isamples/freebsd/crt -c "$f" -o "$o"
        CRT_OBJS="$CRT_OBJS $o"
    done
fi

# probe NAME: builds $TMP/NAME from $TMP/NAME.c.
probe() {
    $CC_FBSD -O2 -Wall -Werror -ffreestanding -fno-builtin -nostdlib -static -fuse-ld=lld \
        -fno-stack-protector -nostdinc -isystem "$(clang -print-resource-dir)/include" \
        -Isamples/freebsd/crt -Isamples/freebsd -o "$TMP/$1" "$TMP/$1.c" $CRT_OBJS \
        > "$TMP/$1.cc" 2>&1 && pass "probe $1 builds" ||
        fail "probe $1 builds" "$(head -c 300 "$TMP/$1.cc")"
}

# run_probe NAME [RUNNER...]: runs the probe under xeno (through RUNNER when
# given) and checks its output against $TMP/NAME.expected.
run_probe() {
    name=$1
    shift
    [ -x "$TMP/$name" ] || return 0
    "$@" $XENO run "$TMP/$name" > "$TMP/$name.out" 2> "$TMP/$name.err"
    t_eq "probe $name exit status" 0 "$?"
    check_lines "$name" "$TMP/$name.expected" "$TMP/$name.out"
    no_missing "probe $name" "$TMP/$name.err"
}


# ---------------------------------------------------------------- probe: kq
cat > "$TMP/kq.c" <<'EOF'
/* kq.c — kqueue/kevent semantics FreeBSD documents (kqueue(2)). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/event.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

#define NOTE_FFAND 0x40000000u
#define NOTE_FFOR 0x80000000u
#define NOTE_ABSTIME 0x10
#define NOTE_EXIT 0x80000000u
#define KQUEUE_CLOEXEC 1

struct kevent11 { uintptr_t ident; short filter; unsigned short flags; unsigned fflags; long data; void *udata; };

static const struct timespec zero = { 0, 0 }, five = { 5, 0 };
static int kq, got_alarm;

static const char *res(int r) { return r < 0 ? errname(errno) : "ok"; }

static int ch(uintptr_t id, short filt, unsigned short fl, unsigned ff, long data)
{
    struct kevent ev;
    EV_SET(&ev, id, filt, fl, ff, data, NULL);
    return kevent(kq, &ev, 1, NULL, 0, NULL);
}

static int get(struct kevent *ev, const struct timespec *ts) { return kevent(kq, NULL, 0, ev, 1, ts); }

static long long now_ms(int clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static void user(void)
{
    struct kevent ev;
    ch(1, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0);
    ch(1, EVFILT_USER, 0, NOTE_FFCOPY | 0x11, 0);
    printf("user FFCOPY without trigger: %d\n", get(&ev, &zero));
    ch(1, EVFILT_USER, 0, NOTE_FFOR | NOTE_TRIGGER | 0x100, 7);
    int n = get(&ev, &zero);
    printf("user FFOR+trigger: %d fflags %#x data %ld\n", n, ev.fflags, (long)ev.data);
    printf("user after EV_CLEAR: %d\n", get(&ev, &zero));
    ch(1, EVFILT_USER, 0, NOTE_FFAND | NOTE_TRIGGER | 0x101, 0);
    n = get(&ev, &zero);
    printf("user FFAND+trigger: %d fflags %#x data %ld\n", n, ev.fflags, (long)ev.data);
    ch(2, EVFILT_USER, EV_ADD | EV_CLEAR | EV_DISPATCH, 0, 0);
    ch(2, EVFILT_USER, 0, NOTE_TRIGGER, 0);
    printf("dispatch first trigger: %d\n", get(&ev, &zero));
    ch(2, EVFILT_USER, 0, NOTE_TRIGGER, 0);
    printf("dispatch while disabled: %d\n", get(&ev, &zero));
    ch(2, EVFILT_USER, EV_ENABLE, 0, 0);
    printf("dispatch after EV_ENABLE: %d\n", get(&ev, &zero));
    ch(2, EVFILT_USER, EV_DELETE, 0, 0);
    struct kevent in;
    EV_SET(&in, 3, EVFILT_USER, EV_ADD | EV_RECEIPT, 0, 0, (void *)0x1234);
    n = kevent(kq, &in, 1, &ev, 1, &zero);
    printf("receipt: %d EV_ERROR %s data %ld udata %p\n", n, yesno(ev.flags & EV_ERROR), (long)ev.data, ev.udata);
}

static void errors(void)
{
    struct kevent in[2], out[2];
    printf("delete missing: %s\n", res(ch(77, EVFILT_USER, EV_DELETE, 0, 0)));
    printf("unknown filter: %s\n", res(ch(1, -100, EV_ADD, 0, 0)));
    printf("enable+disable: %s\n", res(ch(1, EVFILT_USER, EV_ENABLE | EV_DISABLE, 0, 0)));
    EV_SET(&in[0], 999, EVFILT_READ, EV_ADD, 0, 0, NULL);
    EV_SET(&in[1], 4, EVFILT_USER, EV_ADD, 0, 0, NULL);
    int n = kevent(kq, in, 2, out, 2, &zero);
    printf("errors in changelist: %d ident %lu EV_ERROR %s data %s\n", n, (unsigned long)out[0].ident,
           yesno(out[0].flags & EV_ERROR), errname((int)out[0].data));
    printf("second change applied: %s\n", res(ch(4, EVFILT_USER, EV_DELETE, 0, 0)));
    printf("error with no room: %s\n", res(kevent(kq, in, 1, NULL, 0, NULL)));
    struct timespec bad = { 0, 1000000000 };
    printf("kevent bad timeout: %s\n", res(kevent(kq, NULL, 0, out, 1, &bad)));
    printf("kevent bad changelist: %s\n", res(kevent(kq, (void *)8, 1, NULL, 0, NULL)));
    ch(6, EVFILT_USER, EV_ADD, 0, 0);
    ch(6, EVFILT_USER, 0, NOTE_TRIGGER, 0);
    printf("kevent bad eventlist: %s\n", res(kevent(kq, NULL, 0, (void *)8, 1, &zero)));
    ch(6, EVFILT_USER, EV_DELETE, 0, 0);
    printf("kqueue on itself: %s\n", res(ch((uintptr_t)kq, EVFILT_READ, EV_ADD, 0, 0)));
}

static void timers(void)
{
    struct kevent ev;
    long long t0 = now_ms(CLOCK_MONOTONIC);
    ch(9, EVFILT_TIMER, EV_ADD, 0, 10);
    struct timespec wait = { 0, 65000000 };
    nanosleep(&wait, NULL);
    int n = get(&ev, &zero);
    printf("timer 10ms after 65ms: %d, 5+ expirations: %s, EV_CLEAR: %s\n", n, yesno(ev.data >= 5),
           yesno(ev.flags & EV_CLEAR));
    printf("timer again at once: %d\n", get(&ev, &zero));
    ch(9, EVFILT_TIMER, EV_DELETE, 0, 0);
    ch(10, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_USECONDS, 2000);
    n = get(&ev, &five);
    printf("timer oneshot 2000us: %d data %ld\n", n, (long)ev.data);
    printf("timer oneshot gone: %s\n", res(ch(10, EVFILT_TIMER, EV_DELETE, 0, 0)));
    t0 = now_ms(CLOCK_MONOTONIC);
    ch(11, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_ABSTIME | NOTE_MSECONDS, (long)now_ms(CLOCK_REALTIME) + 30);
    n = get(&ev, &five);
    printf("timer abstime +30ms: %d data %ld, waited 25ms+: %s\n", n, (long)ev.data,
           yesno(now_ms(CLOCK_MONOTONIC) - t0 >= 25));
    printf("timer two units: %s\n", res(ch(12, EVFILT_TIMER, EV_ADD, NOTE_SECONDS | NOTE_MSECONDS, 1)));
    printf("timer negative: %s\n", res(ch(12, EVFILT_TIMER, EV_ADD, 0, -5)));
    struct timespec fifty = { 0, 50000000 };
    t0 = now_ms(CLOCK_MONOTONIC);
    n = get(&ev, &fifty);
    printf("wait 50ms for nothing: %d, waited 45ms+: %s\n", n, yesno(now_ms(CLOCK_MONOTONIC) - t0 >= 45));
}

static void pipes(void)
{
    struct kevent ev;
    int p[2], n, m;
    pipe(p);
    printf("kevent on a pipe: %s\n", res(kevent(p[0], NULL, 0, &ev, 1, &zero)));
    ch((uintptr_t)p[0], EVFILT_READ, EV_ADD, 0, 0);
    write(p[1], "ab", 2);
    n = get(&ev, &zero), m = get(&ev, &zero);
    printf("level pipe read: %d then %d\n", n, m);
    ch((uintptr_t)p[0], EVFILT_READ, EV_DELETE, 0, 0);
    ch((uintptr_t)p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0);
    n = get(&ev, &zero), m = get(&ev, &zero);
    write(p[1], "cd", 2);
    int k = get(&ev, &zero);
    printf("clear pipe read: %d then %d, more data: %d data %ld\n", n, m, k, (long)ev.data);
    ch((uintptr_t)p[0], EVFILT_READ, EV_DELETE, 0, 0);
    struct kevent in;
    EV_SET(&in, (uintptr_t)p[0], EVFILT_READ, EV_ADD | EV_ONESHOT, 0, 0, (void *)0xfeed);
    kevent(kq, &in, 1, NULL, 0, NULL);
    n = get(&ev, &zero);
    printf("oneshot pipe read: %d udata %p, then delete: %s\n", n, ev.udata,
           res(ch((uintptr_t)p[0], EVFILT_READ, EV_DELETE, 0, 0)));
    ch((uintptr_t)p[0], EVFILT_READ, EV_ADD | EV_DISABLE, 0, 0);
    n = get(&ev, &zero);
    ch((uintptr_t)p[0], EVFILT_READ, EV_ENABLE, 0, 0);
    printf("disabled at add: %d, enabled: %d\n", n, get(&ev, &zero));
    ch((uintptr_t)p[0], EVFILT_READ, EV_DELETE, 0, 0);
    ch((uintptr_t)p[1], EVFILT_WRITE, EV_ADD, 0, 0);
    n = get(&ev, &zero);
    printf("write filter on a pipe: %d data>0: %s eof %s\n", n, yesno(ev.data > 0), yesno(ev.flags & EV_EOF));
    close(p[0]);
    n = get(&ev, &zero);
    printf("write filter after the reader closed: %d eof %s\n", n, yesno(ev.flags & EV_EOF));
    close(p[1]);
    printf("delete on a closed descriptor: %s\n", res(ch((uintptr_t)p[1], EVFILT_WRITE, EV_DELETE, 0, 0)));
    int q[2];
    pipe(q); /* likely the same numbers again */
    printf("number reused, nothing registered: %s\n",
           res(ch((uintptr_t)p[1], EVFILT_WRITE, EV_DELETE, 0, 0)));
    close(q[0]), close(q[1]);
}

static void sockets(void)
{
    struct kevent ev;
    char buf[8];
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    ch((uintptr_t)sv[0], EVFILT_READ, EV_ADD, 0, 0);
    write(sv[1], "xyz", 3);
    int n = get(&ev, &zero);
    printf("socket read: %d data %ld eof %s\n", n, (long)ev.data, yesno(ev.flags & EV_EOF));
    read(sv[0], buf, sizeof buf);
    shutdown(sv[1], SHUT_WR);
    n = get(&ev, &zero);
    printf("socket read after the peer's shutdown: %d data %ld eof %s\n", n, (long)ev.data,
           yesno(ev.flags & EV_EOF));
    close(sv[0]), close(sv[1]);
}

static void processes(void)
{
    struct kevent ev;
    int st;
    pid_t pid = fork();
    if (pid == 0) {
        usleep(20000);
        _exit(3);
    }
    printf("proc add: %s\n", res(ch((uintptr_t)pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0)));
    int n = get(&ev, &five);
    printf("proc exit: %d fflags NOTE_EXIT %s status %d eof %s\n", n, yesno(ev.fflags & NOTE_EXIT),
           WIFEXITED((int)ev.data) ? WEXITSTATUS((int)ev.data) : -1, yesno(ev.flags & EV_EOF));
    printf("proc reaped afterwards: %d\n", waitpid(pid, &st, 0) == pid ? WEXITSTATUS(st) : -1);
    printf("proc missing: %s\n", res(ch(2147483000u, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0)));
}

static void old_layout(void)
{
    struct kevent11 in, out;
    int p[2];
    memset(&in, 0, sizeof in);
    in.ident = 5, in.filter = EVFILT_USER, in.flags = EV_ADD | EV_CLEAR;
    __sys6(363, kq, (long)&in, 1, 0, 0, 0);
    in.flags = 0, in.fflags = NOTE_TRIGGER;
    __sys6(363, kq, (long)&in, 1, 0, 0, 0);
    long n = __sys6(363, kq, 0, 0, (long)&out, 1, (long)&zero);
    printf("kevent11 user: %ld ident %lu user %s\n", n, (unsigned long)out.ident, yesno(out.filter == EVFILT_USER));
    pipe(p);
    write(p[1], "abc", 3);
    memset(&in, 0, sizeof in);
    in.ident = (uintptr_t)p[0], in.filter = EVFILT_READ, in.flags = EV_ADD, in.udata = (void *)0xabc;
    n = __sys6(363, kq, (long)&in, 1, (long)&out, 1, (long)&zero);
    printf("kevent11 pipe: %ld data %ld udata %p\n", n, out.data, out.udata);
    close(p[0]), close(p[1]);
}

static void on_alarm(int s) { (void)s; got_alarm = 1; }

static void interrupted(void)
{
    struct sigaction sa;
    struct itimerval it = { { 0, 0 }, { 0, 30000 } };
    struct kevent ev;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    setitimer(ITIMER_REAL, &it, NULL);
    int n = kevent(kq, NULL, 0, &ev, 1, NULL);
    printf("kevent interrupted (SA_RESTART): %s handler ran: %s\n", n < 0 ? errname(errno) : "returned",
           yesno(got_alarm));
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    got_alarm = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    long r = __sys6(363, kq, 0, 0, (long)&ev, 1, 0);
    printf("kevent11 interrupted: %s handler ran: %s\n", r == -EINTR ? "EINTR" : "returned", yesno(got_alarm));
    sa.sa_flags = SA_RESTART; /* kevent is never restarted, whatever its number */
    sigaction(SIGALRM, &sa, NULL);
    got_alarm = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    r = __sys6(363, kq, 0, 0, (long)&ev, 1, (long)&five);
    printf("kevent11 interrupted (SA_RESTART): %s handler ran: %s\n", r == -EINTR ? "EINTR" : "returned",
           yesno(got_alarm));
}

static void descriptors(void)
{
    printf("kqueue close-on-exec: %d\n", fcntl(kq, F_GETFD));
    int k = (int)__sc1(583, KQUEUE_CLOEXEC);
    printf("kqueuex(KQUEUE_CLOEXEC) close-on-exec: %d\n", fcntl(k, F_GETFD));
    close(k);
    printf("kqueuex(2): %s\n", res((int)__sc1(583, 2)));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct kevent ev;
        _exit(kevent(kq, NULL, 0, &ev, 1, &zero) < 0 && errno == EBADF ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("kqueue in a fork child: %s\n", WEXITSTATUS(st) == 0 ? "EBADF" : "usable");
    int old = kq;
    close(kq);
    kq = kqueue();
    printf("closed and created again: same number %s, empty %s\n", yesno(kq == old),
           yesno(kevent(kq, NULL, 0, NULL, 0, &zero) == 0));
}

int main(void)
{
    kq = kqueue();
    user();
    errors();
    timers();
    pipes();
    sockets();
    processes();
    old_layout();
    interrupted();
    descriptors();
    return 0;
}
EOF

# ---------------------------------------------------------------- probe: io
cat > "$TMP/io.c" <<'EOF'
/* io.c — poll, ppoll, select, pselect and file ioctls as FreeBSD defines
 * them (poll(2), select(2), ioctl(2), filio.h). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

#define SYS_ppoll 545
#define SYS_select 93
#define SYS_pselect 522
#define FIOCLEX 0x20006601UL
#define FIONCLEX 0x20006602UL
#define FIONREAD 0x4004667fUL
#define FIONBIO 0x8004667eUL
#define FIOASYNC 0x8004667dUL
#define FIOSETOWN 0x8004667cUL
#define FIOGETOWN 0x4004667bUL
#define FIODTYPE 0x4004667aUL
#define FIONSPACE 0x40046676UL
#define UNKNOWN_IOCTL 0x20007a63UL /* _IO('z', 99) */

typedef struct { unsigned long bits[16]; } fdset;
static int got;

static const char *res(long r) { return r < 0 ? errname((int)-r) : "ok"; }
static void on_sig(int s) { (void)s; got++; }

static void handler(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sig;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

static void polls(void)
{
    int p[2];
    pipe(p);
    struct pollfd pf = { p[0], POLLIN, 0 };
    printf("poll empty pipe: %d\n", poll(&pf, 1, 0));
    write(p[1], "x", 1);
    int n = poll(&pf, 1, 0);
    printf("poll after a write: %d revents %#x\n", n, pf.revents);
    struct pollfd w = { p[1], POLLWRBAND, 0 };
    n = poll(&w, 1, 0);
    printf("poll POLLWRBAND on a pipe: %d revents %#x\n", n, w.revents);
    w.events = POLLOUT | POLLWRNORM;
    n = poll(&w, 1, 0);
    printf("poll POLLOUT on a pipe: %d revents %#x\n", n, w.revents);
    printf("poll timeout -2: %s\n", res(__sys3(209, &pf, 1, -2)));
    printf("poll INFTIM, ready: %ld\n", __sys3(209, &pf, 1, -1));
    printf("poll bad pointer: %s\n", res(__sys3(209, 8, 1, 0)));
    struct pollfd bad = { 1000, POLLIN, 0 };
    n = poll(&bad, 1, 0);
    printf("poll closed descriptor: %d POLLNVAL %s\n", n, yesno(bad.revents & POLLNVAL));
    close(p[1]);
    read(p[0], &n, 1);
    n = poll(&pf, 1, 0);
    printf("poll after the writer closed: %d POLLHUP %s\n", n, yesno(pf.revents & POLLHUP));
    struct timespec ts = { 0, 1000000000 };
    printf("ppoll bad timeout: %s\n", res(__sys4(SYS_ppoll, &pf, 1, &ts, 0)));
    close(p[0]);
}

/* A signal blocked and pending; the call's mask unblocks it: EINTR at once,
 * the handler runs, and the old mask is back afterwards. */
static void masks(void)
{
    sigset_t block, empty, now;
    struct timespec five = { 5, 0 };
    handler(SIGUSR1, 0);
    sigemptyset(&block), sigemptyset(&empty);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    kill(getpid(), SIGUSR1);
    got = 0;
    long r = __sys4(SYS_ppoll, 0, 0, &five, &empty);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("ppoll with a mask unblocking a pending signal: %s handler ran: %s, blocked again: %s\n", res(r),
           yesno(got == 1), yesno(now.__bits[0] & (1u << (SIGUSR1 - 1))));
    kill(getpid(), SIGUSR1);
    got = 0;
    r = __sys6(SYS_pselect, 0, 0, 0, 0, (long)&five, (long)&empty);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("pselect with a mask unblocking a pending signal: %s handler ran: %s, blocked again: %s\n", res(r),
           yesno(got == 1), yesno(now.__bits[0] & (1u << (SIGUSR1 - 1))));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void selects(void)
{
    int p[2];
    fdset rd;
    pipe(p);
    write(p[1], "y", 1);
    memset(&rd, 0, sizeof rd);
    rd.bits[p[0] / 64] |= 1ul << (p[0] % 64);
    struct timeval tv = { 0, 20000 };
    long n = __sys5(SYS_select, p[0] + 1, &rd, 0, 0, &tv);
    printf("select readable pipe: %ld bit set: %s\n", n, yesno(rd.bits[p[0] / 64] & (1ul << (p[0] % 64))));
    tv.tv_sec = 0, tv.tv_usec = 20000;
    n = __sys5(SYS_select, 0, 0, 0, 0, &tv);
    printf("select timeout left as given: %ld tv %ld.%06ld\n", n, (long)tv.tv_sec, (long)tv.tv_usec);
    tv.tv_usec = 1000000;
    printf("select bad timeout: %s\n", res(__sys5(SYS_select, 0, 0, 0, 0, &tv)));
    printf("select negative nd: %s\n", res(__sys5(SYS_select, -1, 0, 0, 0, 0)));
    memset(&rd, 0, sizeof rd);
    rd.bits[0] = 1ul << 63;
    printf("select closed descriptor: %s\n", res(__sys5(SYS_select, 64, &rd, 0, 0, 0)));
    close(p[0]), close(p[1]);
}

static void interrupted(void)
{
    struct itimerval it = { { 0, 0 }, { 0, 30000 } };
    struct pollfd none = { -1, 0, 0 };
    handler(SIGALRM, SA_RESTART);
    setitimer(ITIMER_REAL, &it, NULL);
    printf("poll interrupted (SA_RESTART): %s\n", res(__sys3(209, &none, 1, 5000)));
    setitimer(ITIMER_REAL, &it, NULL);
    struct timeval tv = { 5, 0 };
    printf("select interrupted (SA_RESTART): %s\n", res(__sys5(SYS_select, 0, 0, 0, 0, &tv)));
}

static void ioctls(void)
{
    int p[2], v = 0, sv[2];
    char buf[8];
    pipe(p);
    write(p[1], "hello", 5);
    __sys3(54, p[0], FIONREAD, &v);
    printf("FIONREAD on a pipe: %d\n", v);
    printf("FIONREAD bad pointer: %s\n", res(__sys3(54, p[0], FIONREAD, 8)));
    read(p[0], buf, 5);
    v = 1;
    __sys3(54, p[0], FIONBIO, &v);
    printf("FIONBIO on: read %s, O_NONBLOCK %s\n", read(p[0], buf, 1) < 0 ? errname(errno) : "data",
           yesno(fcntl(p[0], F_GETFL) & O_NONBLOCK));
    v = 0;
    __sys3(54, p[0], FIONBIO, &v);
    printf("FIONBIO off: O_NONBLOCK %s\n", yesno(fcntl(p[0], F_GETFL) & O_NONBLOCK));
    __sys3(54, p[0], FIOCLEX, 0);
    printf("FIOCLEX: %d\n", fcntl(p[0], F_GETFD));
    __sys3(54, p[0], FIONCLEX, 0);
    printf("FIONCLEX: %d\n", fcntl(p[0], F_GETFD));
    struct { unsigned a[4]; unsigned char cc[20]; unsigned sp[2]; } t;
    printf("TIOCGETA on a pipe: %s, isatty %s\n", res(__sys3(54, p[0], 0x402c7413UL, &t)), yesno(isatty(p[0])));
    printf("unknown ioctl: %s\n", res(__sys3(54, p[0], UNKNOWN_IOCTL, 0)));
    printf("FIODTYPE on a pipe: %s\n", res(__sys3(54, p[0], FIODTYPE, &v)));
    __sys3(54, p[1], FIONSPACE, &v);
    printf("FIONSPACE on an empty pipe: PIPE_BUF or more: %s\n", yesno(v >= 512));
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(sv[1], "abc", 3);
    __sys3(54, sv[0], FIONREAD, &v);
    printf("FIONREAD on a socket: %d\n", v);
    v = 1;
    printf("FIOASYNC on: %s", res(__sys3(54, sv[0], FIOASYNC, &v)));
    v = 0;
    printf(", off: %s\n", res(__sys3(54, sv[0], FIOASYNC, &v)));
    v = getpid();
    __sys3(54, sv[0], FIOSETOWN, &v);
    v = 0;
    __sys3(54, sv[0], FIOGETOWN, &v);
    printf("FIOSETOWN/FIOGETOWN: own pid %s\n", yesno(v == getpid()));
    close(p[0]), close(p[1]), close(sv[0]), close(sv[1]);
}

int main(void)
{
    polls();
    masks();
    selects();
    interrupted();
    ioctls();
    return 0;
}
EOF

# ---------------------------------------------------------------- probe: net
cat > "$TMP/net.c" <<'EOF'
/* net.c — FreeBSD socket semantics (socket(2), accept(2), getsockopt(2),
 * unix(4), sendfile(2)): sockaddr lengths, type flags, accept inheriting
 * O_NONBLOCK, option values, SCM_RIGHTS, MSG_EOF, errors. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/event.h>
#include <sys/socket.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

#define SO_NOSIGPIPE 0x0800
#define SO_DOMAIN 0x1019
#define MSG_EOF 0x100
#define MSG_CTRUNC 0x20
#define SCM_RIGHTS 1

struct iovec { void *base; size_t len; };
struct msghdr { void *name; unsigned namelen; struct iovec *iov; int iovlen; void *control; unsigned controllen; int flags; };
struct cmsghdr { unsigned len; int level, type; };
struct sockaddr_un { unsigned char len, family; char path[104]; };
struct sockaddr_in6 { unsigned char len, family; unsigned short port; unsigned flow; unsigned char addr[16]; unsigned scope; };
struct sf_hdtr { struct iovec *headers; int hdr_cnt; struct iovec *trailers; int trl_cnt; };

static const char *res(long r) { return r < 0 ? errname((int)-r) : "ok"; }

static struct sockaddr_in lo(unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int listener(int type, struct sockaddr_in *a)
{
    int s = socket(AF_INET, type, 0);
    socklen_t len = sizeof *a;
    *a = lo(0);
    bind(s, (struct sockaddr *)a, sizeof *a);
    listen(s, 8);
    getsockname(s, (struct sockaddr *)a, &len);
    return s;
}

static void names(void)
{
    struct sockaddr_in a;
    unsigned char raw[128];
    socklen_t len = sizeof raw;
    int s = listener(SOCK_STREAM, &a);
    getsockname(s, (struct sockaddr *)raw, &len);
    printf("inet getsockname: len %u sa_len %d family %d\n", len, raw[0], raw[1]);
    len = 4;
    getsockname(s, (struct sockaddr *)raw, &len);
    printf("inet getsockname into 4 bytes: len %u\n", len);
    close(s);
    s = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 a6;
    memset(&a6, 0, sizeof a6);
    a6.family = AF_INET6, a6.addr[15] = 1;
    if (s < 0 || bind(s, (struct sockaddr *)&a6, sizeof a6) < 0) {
        printf("inet6: unavailable\n");
    } else {
        len = sizeof raw;
        getsockname(s, (struct sockaddr *)raw, &len);
        printf("inet6 getsockname: len %u sa_len %d family %d\n", len, raw[0], raw[1]);
    }
    close(s);
    struct sockaddr_un u;
    memset(&u, 0, sizeof u);
    u.family = AF_UNIX;
    snprintf(u.path, sizeof u.path, "/tmp/xeno-fbio-%d.sock", getpid());
    unlink(u.path);
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(s, (struct sockaddr *)&u, (socklen_t)(2 + strlen(u.path) + 1));
    len = sizeof raw;
    getsockname(s, (struct sockaddr *)raw, &len);
    printf("unix getsockname: len is path+3 %s family %d path %s\n", yesno(len == strlen(u.path) + 3), raw[1],
           yesno(!strcmp((char *)raw + 2, u.path)));
    unlink(u.path);
    close(s);
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    len = sizeof raw;
    getsockname(s, (struct sockaddr *)raw, &len);
    printf("unix unnamed getsockname: len %u family %d\n", len, raw[1]);
    close(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    a = lo(0);
    printf("bind with 15 bytes: %s\n", res(__sys3(104, s, &a, 15)));
    int p[2];
    pipe(p);
    len = sizeof raw;
    printf("getsockname on a pipe: %s\n", res(__sys3(32, p[0], raw, &len)));
    printf("setsockopt on a pipe: %s\n", res(__sys5(105, p[0], SOL_SOCKET, SO_REUSEADDR, &len, sizeof(int))));
    close(p[0]), close(p[1]), close(s);
}

static void flags(void)
{
    struct sockaddr_in a;
    int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    printf("SOCK_CLOEXEC|SOCK_NONBLOCK: cloexec %d nonblock %s\n", fcntl(s, F_GETFD),
           yesno(fcntl(s, F_GETFL) & O_NONBLOCK));
    close(s);
    int l = listener(SOCK_STREAM, &a);
    fcntl(l, F_SETFL, O_NONBLOCK);
    int c1 = socket(AF_INET, SOCK_STREAM, 0), c2 = socket(AF_INET, SOCK_STREAM, 0);
    connect(c1, (struct sockaddr *)&a, sizeof a);
    connect(c2, (struct sockaddr *)&a, sizeof a);
    int kq = kqueue();
    struct kevent ev;
    struct timespec five = { 5, 0 };
    EV_SET(&ev, (uintptr_t)l, EVFILT_READ, EV_ADD, 0, 0, NULL);
    kevent(kq, &ev, 1, NULL, 0, NULL);
    usleep(50000);
    int n = kevent(kq, NULL, 0, &ev, 1, &five);
    printf("listener readable: %d connections waiting %ld\n", n, (long)ev.data);
    int s1 = accept(l, NULL, NULL);
    printf("accept inherits O_NONBLOCK: %s cloexec %d\n", yesno(fcntl(s1, F_GETFL) & O_NONBLOCK), fcntl(s1, F_GETFD));
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    int s2 = accept4(l, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
    printf("accept4 SOCK_CLOEXEC: cloexec %d nonblock %s, address len %u sa_len %d family %d\n", fcntl(s2, F_GETFD),
           yesno(fcntl(s2, F_GETFL) & O_NONBLOCK), len, peer.sin_len, peer.sin_family);
    printf("accept4 bad flags: %s\n", res(__sys4(541, l, 0, 0, 0x40000000)));
    close(s1), close(s2), close(c1), close(c2), close(l), close(kq);
}

static void options(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1, v = 0;
    socklen_t len = sizeof v;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len);
    printf("SO_REUSEADDR reads back: %d\n", v);
    len = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
    printf("SO_TYPE: %d\n", v);
    len = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len);
    printf("SO_DOMAIN: %d\n", v);
    len = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len);
    printf("SO_ERROR: %d\n", v);
    printf("unknown SOL_SOCKET option: %s\n", res(__sys5(105, s, SOL_SOCKET, 0x7777, &one, sizeof one)));
    close(s);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    setsockopt(sv[0], SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
    len = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_NOSIGPIPE, &v, &len);
    printf("SO_NOSIGPIPE reads back: %d\n", v);
    close(sv[1]);
    long r = __sys6(133, sv[0], (long)"x", 1, 0, 0, 0);
    printf("send to a closed peer with SO_NOSIGPIPE: %s, still running\n", res(r));
    close(sv[0]);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    r = __sys6(133, sv[0], (long)"x", 1, MSG_NOSIGNAL, 0, 0);
    printf("MSG_NOSIGNAL to a closed peer: %s, still running\n", res(r));
    close(sv[0]);
    struct { unsigned version, uid; short ngroups; unsigned groups[16]; long pid; } xu;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    len = sizeof xu;
    r = __sys5(118, sv[0], 0, 1, &xu, &len); /* SOL_LOCAL, LOCAL_PEERCRED */
    printf("LOCAL_PEERCRED: %s len %u version %u uid ours %s pid ours %s\n", res(r), len, xu.version,
           yesno(xu.uid == getuid()), yesno(xu.pid == getpid()));
    close(sv[0]), close(sv[1]);
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    len = sizeof xu;
    printf("LOCAL_PEERCRED unconnected: %s\n", res(__sys5(118, s, 0, 1, &xu, &len)));
    close(s);
}

static void rights(void)
{
    int sv[2], p[2], got = -1;
    char c = 'r', data[4] = { 0 };
    union { struct cmsghdr h; char buf[64]; } ctl;
    struct iovec iov = { &c, 1 };
    struct msghdr m = { NULL, 0, &iov, 1, ctl.buf, 24, 0 };
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(p);
    memset(&ctl, 0, sizeof ctl);
    ctl.h.len = 20, ctl.h.level = SOL_SOCKET, ctl.h.type = SCM_RIGHTS; /* CMSG_LEN(4): data at 16 */
    memcpy(ctl.buf + 16, &p[0], sizeof(int));
    printf("sendmsg SCM_RIGHTS: %ld\n", __sys3(28, sv[0], &m, 0));
    memset(&ctl, 0, sizeof ctl);
    m.controllen = sizeof ctl.buf;
    long n = __sys3(27, sv[1], &m, 0);
    memcpy(&got, ctl.buf + 16, sizeof got);
    write(p[1], "fd!", 3);
    read(got, data, 3);
    printf("recvmsg: %ld, controllen %u, cmsg len %u level %#x type %d, received descriptor reads [%s]\n", n,
           m.controllen, ctl.h.len, ctl.h.level, ctl.h.type, data);
    close(got);
    memcpy(ctl.buf + 16, &p[0], sizeof(int));
    ctl.h.len = 20, ctl.h.level = SOL_SOCKET, ctl.h.type = SCM_RIGHTS;
    m.controllen = 24;
    __sys3(28, sv[0], &m, 0);
    m.control = NULL, m.controllen = 0, m.flags = 0;
    n = __sys3(27, sv[1], &m, 0);
    printf("recvmsg without room for the descriptor: %ld MSG_CTRUNC %s\n", n, yesno(m.flags & MSG_CTRUNC));
    close(sv[0]), close(sv[1]), close(p[0]), close(p[1]);
}

static void datagrams(void)
{
    struct sockaddr_in a = lo(0), from;
    unsigned char raw[32];
    socklen_t len = sizeof a, flen = sizeof raw;
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    bind(s, (struct sockaddr *)&a, sizeof a);
    getsockname(s, (struct sockaddr *)&a, &len);
    sendto(s, "dgram", 5, 0, (struct sockaddr *)&a, sizeof a);
    long n = recvfrom(s, raw + 16, 8, 0, (struct sockaddr *)raw, &flen);
    memcpy(&from, raw, sizeof from);
    printf("udp recvfrom: %ld, address len %u sa_len %d family %d same port %s\n", n, flen, raw[0], raw[1],
           yesno(from.sin_port == a.sin_port));
    close(s);
}

static void streams(void)
{
    struct sockaddr_in a;
    char buf[16];
    unsigned char raw[32];
    socklen_t flen = sizeof raw;
    int l = listener(SOCK_STREAM, &a), c = socket(AF_INET, SOCK_STREAM, 0);
    connect(c, (struct sockaddr *)&a, sizeof a);
    int s = accept(l, NULL, NULL);
    long r = __sys6(133, c, (long)"bye", 3, MSG_EOF, 0, 0);
    long n = recvfrom(s, buf, sizeof buf, MSG_WAITALL, (struct sockaddr *)raw, &flen);
    printf("MSG_EOF: sent %ld, peer read %ld then EOF %s, TCP source length %u\n", r, n,
           yesno(recv(s, buf, sizeof buf, 0) == 0), flen);
    close(s), close(c);
    printf("socket type 9: %s\n", res(__sys3(97, AF_INET, 9, 0)));
    printf("socket family 99: %s\n", res(__sys3(97, 99, SOCK_STREAM, 0)));
    printf("shutdown how 7: %s\n", res(__sys2(134, l, 7)));
    close(l);
    c = socket(AF_INET, SOCK_STREAM, 0);
    printf("connect to a closed port: %s\n", res(__sys3(98, c, &a, sizeof a)));
    close(c);
}

/* A refused non-blocking connect: the write filter reports EV_EOF and the
 * error is still there for getsockopt(SO_ERROR). */
static void refused(void)
{
    struct sockaddr_in a;
    int l = listener(SOCK_STREAM, &a);
    close(l);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), kq = kqueue(), err = 0;
    long r = __sys3(98, c, &a, sizeof a);
    struct kevent ev;
    struct timespec five = { 5, 0 };
    EV_SET(&ev, (uintptr_t)c, EVFILT_WRITE, EV_ADD | EV_CLEAR, 0, 0, NULL);
    kevent(kq, &ev, 1, NULL, 0, NULL);
    int n = kevent(kq, NULL, 0, &ev, 1, &five);
    socklen_t len = sizeof err;
    getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len);
    printf("non-blocking connect: %s, kevent %d EV_EOF %s, SO_ERROR %s\n", r == -EINPROGRESS ? "EINPROGRESS" : res(r), n,
           yesno(ev.flags & EV_EOF), errname(err));
    close(c), close(kq);
}

static void files(void)
{
    char path[64], buf[16384];
    int sv[2];
    snprintf(path, sizeof path, "/tmp/xeno-fbio-sf-%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    for (int i = 0; i < 10000; i++)
        buf[i] = (char)('a' + i % 26);
    write(fd, buf, 10000);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    struct iovec hd = { "HEAD:", 5 }, tr = { ":TAIL", 5 };
    struct sf_hdtr h = { &hd, 1, &tr, 1 };
    long long sbytes = -1;
    long r = __sys6(393, fd, sv[0], 0, 0, (long)&h, (long)&sbytes);
    close(sv[0]);
    size_t got = 0;
    ssize_t n;
    while ((n = read(sv[1], buf + got, sizeof buf - got)) > 0)
        got += (size_t)n;
    printf("sendfile: %s sbytes %lld, peer got %zu, starts HEAD:a %s ends p:TAIL %s\n", res(r), sbytes, got,
           yesno(!memcmp(buf, "HEAD:a", 6)), yesno(got > 6 && !memcmp(buf + got - 6, "p:TAIL", 6)));
    int p[2];
    pipe(p);
    printf("sendfile to a pipe: %s\n", res(__sys6(393, fd, p[1], 0, 0, 0, 0)));
    close(p[0]), close(p[1]), close(sv[1]), close(fd);
    unlink(path);
}

int main(void)
{
    names();
    flags();
    options();
    rights();
    datagrams();
    streams();
    refused();
    files();
    return 0;
}
EOF

# ---------------------------------------------------------------- probe: tty
cat > "$TMP/tty.c" <<'EOF'
/* tty.c — terminal ioctls on a pseudo-terminal, FreeBSD numbering
 * (sys/sys/ttycom.h, sys/sys/_termios.h). Runs as a session leader with
 * the terminal on descriptors 0-2. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

#define TIOCGETA 0x402c7413UL
#define TIOCSETA 0x802c7414UL
#define TIOCSETAW 0x802c7415UL
#define TIOCSETAF 0x802c7416UL
#define TIOCSCTTY 0x20007461UL
#define TIOCNOTTY 0x20007471UL
#define TIOCGSID 0x40047463UL
#define TIOCSWINSZ 0x80087467UL
#define TIOCGWINSZ 0x40087468UL
#define TIOCSPGRP 0x80047476UL
#define TIOCGPGRP 0x40047477UL
#define TIOCOUTQ 0x40047473UL
#define TIOCSTOP 0x2000746fUL
#define TIOCSTART 0x2000746eUL
#define TIOCDRAIN 0x2000745eUL
#define TIOCFLUSH 0x80047410UL
#define FIODTYPE 0x4004667aUL
#define FIONREAD 0x4004667fUL
#define ECHO 0x8
#define ISIG 0x80
#define ICANON 0x100
#define OPOST 0x1
#define VEOF 0
#define VERASE 3
#define VINTR 8
#define VMIN 16
#define VTIME 17

struct termios { unsigned c_iflag, c_oflag, c_cflag, c_lflag; unsigned char c_cc[20]; unsigned c_ispeed, c_ospeed; };
struct winsize { unsigned short row, col, xpixel, ypixel; };

static const char *res(long r) { return r < 0 ? errname((int)-r) : "ok"; }
static long io(unsigned long req, void *arg) { return __sys3(54, 0, req, arg); }

int main(void)
{
    struct termios t;
    printf("isatty: %s\n", yesno(isatty(0)));
    printf("TIOCGETA: %s\n", res(io(TIOCGETA, &t)));
    printf("ICANON %s ECHO %s ISIG %s OPOST %s\n", yesno(t.c_lflag & ICANON), yesno(t.c_lflag & ECHO),
           yesno(t.c_lflag & ISIG), yesno(t.c_oflag & OPOST));
    printf("VINTR %d VEOF %d VERASE %d\n", t.c_cc[VINTR], t.c_cc[VEOF], t.c_cc[VERASE]);
    t.c_lflag &= ~(unsigned)ECHO;
    t.c_ispeed = t.c_ospeed = 9600;
    printf("TIOCSETA without ECHO at 9600: %s", res(io(TIOCSETA, &t)));
    memset(&t, 0, sizeof t);
    io(TIOCGETA, &t);
    printf(", ECHO now %s, speed %u/%u\n", yesno(t.c_lflag & ECHO), t.c_ispeed, t.c_ospeed);
    t.c_lflag &= ~(unsigned)ICANON;
    t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
    printf("TIOCSETAW raw: %s", res(io(TIOCSETAW, &t)));
    memset(&t, 0, sizeof t);
    io(TIOCGETA, &t);
    printf(", ICANON %s VMIN %d VTIME %d\n", yesno(t.c_lflag & ICANON), t.c_cc[VMIN], t.c_cc[VTIME]);
    t.c_lflag |= ICANON | ECHO;
    printf("TIOCSETAF cooked: %s\n", res(io(TIOCSETAF, &t)));
    struct winsize w = { 33, 101, 0, 0 }, g = { 0, 0, 0, 0 };
    printf("TIOCSWINSZ: %s", res(io(TIOCSWINSZ, &w)));
    printf(", TIOCGWINSZ: %s %ux%u\n", res(io(TIOCGWINSZ, &g)), g.row, g.col);
    printf("TIOCSCTTY: %s\n", res(io(TIOCSCTTY, 0)));
    int v = 0;
    io(TIOCGSID, &v);
    printf("TIOCGSID is our pid: %s\n", yesno(v == getpid()));
    io(TIOCGPGRP, &v);
    printf("TIOCGPGRP is our group: %s\n", yesno(v == __sys0(81)));
    printf("TIOCSPGRP to our group: %s\n", res(io(TIOCSPGRP, &v)));
    printf("TIOCOUTQ: %s\n", res(io(TIOCOUTQ, &v)));
    long stop = io(TIOCSTOP, 0), start = io(TIOCSTART, 0);
    printf("TIOCSTOP: %s TIOCSTART: %s\n", res(stop), res(start));
    printf("TIOCDRAIN: %s\n", res(io(TIOCDRAIN, 0)));
    v = 1; /* FREAD: pending output must survive */
    printf("TIOCFLUSH input: %s\n", res(io(TIOCFLUSH, &v)));
    printf("FIODTYPE is D_TTY: %s\n", yesno(io(FIODTYPE, &v) == 0 && v == 4));
    printf("FIONREAD: %s %d\n", res(io(FIONREAD, &v)), v);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(io(TIOCNOTTY, 0) == 0 ? 0 : 1);
    int st;
    waitpid(pid, &st, 0);
    printf("TIOCNOTTY in a child: %s\n", WEXITSTATUS(st) == 0 ? "ok" : "failed");
    return 0;
}
EOF

# Expectations from FreeBSD's documentation and kernel (kern_event.c:
# filt_usertouch, filt_timervalidate, kqueue_register, kern_kevent).
cat > "$TMP/kq.expected" <<'EOF'
user FFCOPY without trigger: 0
user FFOR+trigger: 1 fflags 0x111 data 7
user after EV_CLEAR: 0
user FFAND+trigger: 1 fflags 0x101 data 0
dispatch first trigger: 1
dispatch while disabled: 0
dispatch after EV_ENABLE: 1
receipt: 1 EV_ERROR yes data 0 udata 0x1234
delete missing: ENOENT
unknown filter: EINVAL
enable+disable: EINVAL
errors in changelist: 1 ident 999 EV_ERROR yes data EBADF
second change applied: ok
error with no room: EBADF
kevent bad timeout: EINVAL
kevent bad changelist: EFAULT
kevent bad eventlist: EFAULT
kqueue on itself: EINVAL
timer 10ms after 65ms: 1, 5+ expirations: yes, EV_CLEAR: yes
timer again at once: 0
timer oneshot 2000us: 1 data 1
timer oneshot gone: ENOENT
timer abstime +30ms: 1 data 1, waited 25ms+: yes
timer two units: EINVAL
timer negative: EINVAL
wait 50ms for nothing: 0, waited 45ms+: yes
kevent on a pipe: EBADF
level pipe read: 1 then 1
clear pipe read: 1 then 0, more data: 1 data 4
oneshot pipe read: 1 udata 0xfeed, then delete: ENOENT
disabled at add: 0, enabled: 1
write filter on a pipe: 1 data>0: yes eof no
write filter after the reader closed: 1 eof yes
delete on a closed descriptor: EBADF
number reused, nothing registered: ENOENT
socket read: 1 data 3 eof no
socket read after the peer's shutdown: 1 data 0 eof yes
proc add: ok
proc exit: 1 fflags NOTE_EXIT yes status 3 eof yes
proc reaped afterwards: 3
proc missing: ESRCH
kevent11 user: 1 ident 5 user yes
kevent11 pipe: 1 data 3 udata 0xabc
kevent interrupted (SA_RESTART): EINTR handler ran: yes
kevent11 interrupted: EINTR handler ran: yes
kevent11 interrupted (SA_RESTART): EINTR handler ran: yes
kqueue close-on-exec: 0
kqueuex(KQUEUE_CLOEXEC) close-on-exec: 1
kqueuex(2): EINVAL
kqueue in a fork child: EBADF
closed and created again: same number yes, empty yes
EOF

# poll(2), select(2) (the timeout is not written back), filio.h requests.
cat > "$TMP/io.expected" <<'EOF'
poll empty pipe: 0
poll after a write: 1 revents 0x1
poll POLLWRBAND on a pipe: 0 revents 0
poll POLLOUT on a pipe: 1 revents 0x4
poll timeout -2: EINVAL
poll INFTIM, ready: 1
poll bad pointer: EFAULT
poll closed descriptor: 1 POLLNVAL yes
poll after the writer closed: 1 POLLHUP yes
ppoll bad timeout: EINVAL
ppoll with a mask unblocking a pending signal: EINTR handler ran: yes, blocked again: yes
pselect with a mask unblocking a pending signal: EINTR handler ran: yes, blocked again: yes
select readable pipe: 1 bit set: yes
select timeout left as given: 0 tv 0.020000
select bad timeout: EINVAL
select negative nd: EINVAL
select closed descriptor: EBADF
poll interrupted (SA_RESTART): EINTR
select interrupted (SA_RESTART): EINTR
FIONREAD on a pipe: 5
FIONREAD bad pointer: EFAULT
FIONBIO on: read EAGAIN, O_NONBLOCK yes
FIONBIO off: O_NONBLOCK no
FIOCLEX: 1
FIONCLEX: 0
TIOCGETA on a pipe: ENOTTY, isatty no
unknown ioctl: ENOTTY
FIODTYPE on a pipe: ENOTTY
FIONSPACE on an empty pipe: PIPE_BUF or more: yes
FIONREAD on a socket: 3
FIOASYNC on: ok, off: ok
FIOSETOWN/FIOGETOWN: own pid yes
EOF

# socket(2), accept(2) (O_NONBLOCK inherited), getsockopt(2) (option bits),
# unix(4) (sun_noname is 16 bytes), recvmsg MSG_CTRUNC, sendfile(2).
if python3 -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' 2> /dev/null; then
    INET6="inet6 getsockname: len 28 sa_len 28 family 28"
else
    INET6="inet6: unavailable"
fi
cat > "$TMP/net.expected" <<EOF
inet getsockname: len 16 sa_len 16 family 2
inet getsockname into 4 bytes: len 4
$INET6
unix getsockname: len is path+3 yes family 1 path yes
unix unnamed getsockname: len 16 family 1
bind with 15 bytes: EINVAL
getsockname on a pipe: ENOTSOCK
setsockopt on a pipe: ENOTSOCK
SOCK_CLOEXEC|SOCK_NONBLOCK: cloexec 1 nonblock yes
listener readable: 1 connections waiting 2
accept inherits O_NONBLOCK: yes cloexec 0
accept4 SOCK_CLOEXEC: cloexec 1 nonblock no, address len 16 sa_len 16 family 2
accept4 bad flags: EINVAL
SO_REUSEADDR reads back: 4
SO_TYPE: 1
SO_DOMAIN: 2
SO_ERROR: 0
unknown SOL_SOCKET option: ENOPROTOOPT
SO_NOSIGPIPE reads back: 2048
send to a closed peer with SO_NOSIGPIPE: EPIPE, still running
MSG_NOSIGNAL to a closed peer: EPIPE, still running
LOCAL_PEERCRED: ok len 88 version 0 uid ours yes pid ours yes
LOCAL_PEERCRED unconnected: ENOTCONN
sendmsg SCM_RIGHTS: 1
recvmsg: 1, controllen 24, cmsg len 20 level 0xffff type 1, received descriptor reads [fd!]
recvmsg without room for the descriptor: 1 MSG_CTRUNC yes
udp recvfrom: 5, address len 16 sa_len 16 family 2 same port yes
MSG_EOF: sent 3, peer read 3 then EOF yes, TCP source length 0
socket type 9: EPROTOTYPE
socket family 99: EAFNOSUPPORT
shutdown how 7: EINVAL
connect to a closed port: ECONNREFUSED
non-blocking connect: EINPROGRESS, kevent 1 EV_EOF yes, SO_ERROR ECONNREFUSED
sendfile: ok sbytes 10010, peer got 10010, starts HEAD:a yes ends p:TAIL yes
sendfile to a pipe: ENOTSOCK
EOF

# tty(4) and termios(4) on a pseudo-terminal the probe controls (FreeBSD's
# default control characters: ^C, ^D, DEL).
cat > "$TMP/tty.expected" <<'EOF'
isatty: yes
TIOCGETA: ok
ICANON yes ECHO yes ISIG yes OPOST yes
VINTR 3 VEOF 4 VERASE 127
TIOCSETA without ECHO at 9600: ok, ECHO now no, speed 9600/9600
TIOCSETAW raw: ok, ICANON no VMIN 1 VTIME 0
TIOCSETAF cooked: ok
TIOCSWINSZ: ok, TIOCGWINSZ: ok 33x101
TIOCSCTTY: ok
TIOCGSID is our pid: yes
TIOCGPGRP is our group: yes
TIOCSPGRP to our group: ok
TIOCOUTQ: ok
TIOCSTOP: ok TIOCSTART: ok
TIOCDRAIN: ok
TIOCFLUSH input: ok
FIODTYPE is D_TTY: yes
FIONREAD: ok 0
TIOCNOTTY in a child: ok
EOF

# Runs a command on a new pseudo-terminal, as a session leader.
cat > "$TMP/pty.py" <<'EOF'
import os, select, subprocess, sys
m, s = os.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=s, stdout=s, stderr=s, start_new_session=True)
os.close(s)
out = b""
while True:
    r, _, _ = select.select([m], [], [], 30)
    if not r:
        p.kill()
        break
    try:
        d = os.read(m, 4096)
    except OSError:
        break
    if not d:
        break
    out += d
rc = p.wait()
sys.stdout.write(out.decode(errors="replace").replace("\r\n", "\n"))
sys.exit(rc)
EOF

for p in $PROBES; do
    probe $p
done
for p in kq io net; do
    echo "$PROBES" | grep -q $p && run_probe $p
done
if echo "$PROBES" | grep -q tty && python3 -c 'import os; os.openpty()' 2> /dev/null; then
    run_probe tty python3 "$TMP/pty.py"
else
    echo "note: no pseudo-terminal (or no python3): terminal ioctls skipped"
fi

# The same under the ASan+UBSan build of xeno, when it is there.
if [ -x "$BUILD/xeno-asan" ] && $BUILD/xeno-asan run $S/freebsd/hello > /dev/null 2>&1; then
    XENO=$BUILD/xeno-asan
    t_rc "kqueue sample (ASan xeno)" 0 $XENO run $S/freebsd/kqueue
    check_lines "kqueue sample (ASan xeno)" "$TMP/kqueue.expected" "$TMP/out"
    for p in kq io net; do
        echo "$PROBES" | grep -q $p && cp "$TMP/$p.expected" "$TMP/$p-asan.expected" &&
            cp "$TMP/$p" "$TMP/$p-asan" && run_probe $p-asan
    done
    XENO=$BUILD/xeno
else
    echo "note: $BUILD/xeno-asan does not run FreeBSD programs: ASan runs skipped"
fi

# ---------------------------------------------------------------- Go
# Go's runtime polls descriptors with kqueue (EV_CLEAR on READ and WRITE,
# a pipe or EVFILT_USER to wake up), times with kevent timeouts, and
# starts processes through pipes; each runs in an empty directory.
for g in tcpecho timers exec files signals; do
    if [ -x "$S/go/$g-linux" ] && [ -x "$S/go/$g-freebsd" ]; then
        d=$TMP/go-$g
        mkdir -p "$d/linux" "$d/fbsd"
        t_same "Go $g (FreeBSD build vs Linux build)" sh -c "cd $d/linux && $PWD/$S/go/$g-linux" -- \
            sh -c "cd $d/fbsd && $PWD/$XENO run $PWD/$S/go/$g-freebsd"
        no_missing "Go $g" "$TMP/b.err"
    else
        echo "note: Go sample $g is not built: skipped"
    fi
done
