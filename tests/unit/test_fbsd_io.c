/* test_fbsd_io.c — the FreeBSD I/O handlers called directly on host
 * memory (a guest pointer is just an address here): kqueue/kevent state
 * (hash growth, level and EV_CLEAR knotes, EVFILT_USER, timers, a kqueue
 * number reused, fork), poll's event bits, termios ioctls on a
 * pseudo-terminal, and FreeBSD socket addresses and SCM_RIGHTS. Under
 * ASan this is where leaks and stale pointers in the kqueue table show. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "freebsd/fbsd.h"
#include "freebsd/fbsd_io.h"
#include "intercept.h"
#include "suites.h"

long fbsd_sys_kqueue(struct fcall *c);
long fbsd_sys_kevent(struct fcall *c);
long fbsd_sys_poll(struct fcall *c);
long fbsd_sys_ioctl(struct fcall *c);
long fbsd_sys_socketpair(struct fcall *c);
long fbsd_sys_getsockname(struct fcall *c);
long fbsd_sys_bind(struct fcall *c);
long fbsd_sys_sendmsg(struct fcall *c);
long fbsd_sys_recvmsg(struct fcall *c);

static void attach_thread(void)
{
    struct xthread *t = fbsd_thread_alloc();
    ck_assert_ptr_nonnull(t);
    xthread_attach(t, 0, 0, 0);
}

static long call(long (*fn)(struct fcall *), uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                 uint64_t a4, uint64_t a5)
{
    struct fcall c;
    memset(&c, 0, sizeof c);
    c.t = xthread_self();
    c.a[0] = a0, c.a[1] = a1, c.a[2] = a2, c.a[3] = a3, c.a[4] = a4, c.a[5] = a5;
    return fn(&c);
}

#define P(x) ((uint64_t)(uintptr_t)(x))
static const struct fbsd_timespec zero_ts = { 0, 0 };

static long change(int kq, uint64_t ident, int16_t filter, uint16_t flags, uint32_t fflags, int64_t data)
{
    struct fbsd_kevent ev = { ident, filter, flags, fflags, data, 0, { 0 } };
    return call(fbsd_sys_kevent, (uint64_t)kq, P(&ev), 1, 0, 0, 0);
}

static long events(int kq, struct fbsd_kevent *out, int n)
{
    return call(fbsd_sys_kevent, (uint64_t)kq, 0, 0, P(out), (uint64_t)n, P(&zero_ts));
}

START_TEST(kq_pipe_level_and_clear)
{
    struct fbsd_kevent ev[4];
    int p[2];
    attach_thread();
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_ge(kq, 0);
    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(change(kq, (uint64_t)p[0], FBSD_EVFILT_READ, FBSD_EV_ADD, 0, 0), 0);
    ck_assert_int_eq(events(kq, ev, 4), 0);
    ck_assert_int_eq(write(p[1], "abc", 3), 3);
    ck_assert_int_eq(events(kq, ev, 4), 1);
    ck_assert_int_eq(ev[0].data, 3);
    ck_assert_int_eq(events(kq, ev, 4), 1); /* level-triggered: still there */
    ck_assert_int_eq(change(kq, (uint64_t)p[0], FBSD_EVFILT_READ, FBSD_EV_DELETE, 0, 0), 0);
    ck_assert_int_eq(change(kq, (uint64_t)p[0], FBSD_EVFILT_READ, FBSD_EV_ADD | FBSD_EV_CLEAR, 0, 0), 0);
    ck_assert_int_eq(events(kq, ev, 4), 1);
    ck_assert_int_eq(events(kq, ev, 4), 0); /* EV_CLEAR: until something new */
    close(p[1]);
    ck_assert_int_eq(events(kq, ev, 4), 1);
    ck_assert(ev[0].flags & FBSD_EV_EOF);
    close(p[0]);
    close(kq);
    fbsd_kqueue_forget(kq);
}
END_TEST

START_TEST(kq_user_and_errors)
{
    struct fbsd_kevent in[2], out[2];
    attach_thread();
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(change(kq, 7, FBSD_EVFILT_USER, FBSD_EV_ADD | FBSD_EV_CLEAR, 0, 0), 0);
    ck_assert_int_eq(change(kq, 7, FBSD_EVFILT_USER, 0, FBSD_NOTE_TRIGGER | FBSD_NOTE_FFCOPY | 5, 9), 0);
    ck_assert_int_eq(events(kq, out, 2), 1);
    ck_assert_uint_eq(out[0].fflags, 5);
    ck_assert_int_eq(out[0].data, 9);
    ck_assert_int_eq(events(kq, out, 2), 0);
    memset(in, 0, sizeof in);
    in[0].ident = 100000, in[0].filter = FBSD_EVFILT_READ, in[0].flags = FBSD_EV_ADD;
    in[1].ident = 8, in[1].filter = FBSD_EVFILT_USER, in[1].flags = FBSD_EV_ADD | FBSD_EV_RECEIPT;
    ck_assert_int_eq(call(fbsd_sys_kevent, (uint64_t)kq, P(in), 2, P(out), 2, P(&zero_ts)), 2);
    ck_assert_int_eq(out[0].flags, FBSD_EV_ERROR);
    ck_assert_int_eq(out[0].data, FBSD_EBADF);
    ck_assert_int_eq(out[1].data, 0);
    ck_assert_int_eq(change(kq, 1, -99, FBSD_EV_ADD, 0, 0), -EINVAL);
    ck_assert_int_eq(change(kq, 9, FBSD_EVFILT_USER, FBSD_EV_DELETE, 0, 0), -ENOENT);
    ck_assert_int_eq(call(fbsd_sys_kevent, 0, 0, 0, 0, 0, 0), -EBADF); /* stdin is no kqueue */
    close(kq);
    fbsd_kqueue_forget(kq);
}
END_TEST

START_TEST(kq_timers)
{
    struct fbsd_kevent ev;
    struct fbsd_timespec two = { 2, 0 };
    attach_thread();
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(change(kq, 1, FBSD_EVFILT_TIMER, FBSD_EV_ADD | FBSD_EV_ONESHOT, 0x04 /* us */, 1000), 0);
    ck_assert_int_eq(call(fbsd_sys_kevent, (uint64_t)kq, 0, 0, P(&ev), 1, P(&two)), 1);
    ck_assert_int_eq(ev.ident, 1);
    ck_assert_int_eq(ev.data, 1);
    ck_assert_int_eq(change(kq, 1, FBSD_EVFILT_TIMER, FBSD_EV_DELETE, 0, 0), -ENOENT); /* one-shot: gone */
    ck_assert_int_eq(change(kq, 2, FBSD_EVFILT_TIMER, FBSD_EV_ADD, 0x03, 1), -EINVAL);
    ck_assert_int_eq(change(kq, 2, FBSD_EVFILT_TIMER, FBSD_EV_ADD, 0, -1), -EINVAL);
    ck_assert_int_eq(change(kq, 3, FBSD_EVFILT_TIMER, FBSD_EV_ADD, 0, 1000), 0); /* left armed */
    close(kq);
    fbsd_kqueue_forget(kq);
}
END_TEST

/* Hundreds of knotes: the hash grows, and everything is freed with the kqueue. */
START_TEST(kq_many_descriptors)
{
    enum { N = 150 };
    int sv[N][2];
    struct fbsd_kevent *ev = calloc(3 * N, sizeof *ev);
    attach_thread();
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    for (int i = 0; i < N; i++) {
        ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv[i]), 0);
        ck_assert_int_eq(change(kq, (uint64_t)sv[i][0], FBSD_EVFILT_READ, FBSD_EV_ADD | FBSD_EV_CLEAR, 0, 0), 0);
        ck_assert_int_eq(change(kq, (uint64_t)sv[i][0], FBSD_EVFILT_WRITE, FBSD_EV_ADD | FBSD_EV_CLEAR, 0, 0), 0);
    }
    ck_assert_int_eq(events(kq, ev, 3 * N), N); /* every socket is writable */
    for (int i = 0; i < N; i += 2)
        ck_assert_int_eq(write(sv[i][1], "x", 1), 1);
    /* Exactly the sockets written to are readable. (A read wakeup may
     * also report an edge-triggered EVFILT_WRITE again: spurious, allowed.) */
    long n = events(kq, ev, 3 * N), reads = 0;
    for (long i = 0; i < n; i++) {
        if (ev[i].filter != FBSD_EVFILT_READ)
            continue;
        reads++;
        int k = 0;
        while (k < N && sv[k][0] != (int)ev[i].ident)
            k++;
        ck_assert_int_eq(k % 2, 0);
        ck_assert_int_eq(ev[i].data, 1);
    }
    ck_assert_int_eq(reads, N / 2);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(events(kq, ev, 1) >= 0, 1);
    for (int i = 0; i < N; i += 3)
        ck_assert_int_eq(change(kq, (uint64_t)sv[i][0], FBSD_EVFILT_WRITE, FBSD_EV_DELETE, 0, 0), 0);
    close(kq);
    fbsd_kqueue_forget(kq);
    for (int i = 0; i < N; i++)
        close(sv[i][0]), close(sv[i][1]);
    free(ev);
}
END_TEST

/* A kqueue closed behind xeno's back: its number becomes a new kqueue. */
START_TEST(kq_number_reused)
{
    int p[2];
    attach_thread();
    ck_assert_int_eq(pipe(p), 0);
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(change(kq, (uint64_t)p[0], FBSD_EVFILT_READ, FBSD_EV_ADD, 0, 0), 0);
    ck_assert_int_eq(change(kq, 3, FBSD_EVFILT_TIMER, FBSD_EV_ADD, 0, 50), 0);
    syscall(SYS_close, kq);
    int kq2 = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(kq2, kq);
    struct fbsd_kevent ev;
    ck_assert_int_eq(events(kq2, &ev, 1), 0); /* nothing of the old one */
    ck_assert_int_eq(change(kq2, (uint64_t)p[0], FBSD_EVFILT_READ, FBSD_EV_DELETE, 0, 0), -ENOENT);
    close(kq2);
    fbsd_kqueue_forget(kq2);
    close(p[0]), close(p[1]);
}
END_TEST

START_TEST(kq_not_inherited)
{
    attach_thread();
    int kq = (int)call(fbsd_sys_kqueue, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(change(kq, 1, FBSD_EVFILT_USER, FBSD_EV_ADD, 0, 0), 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(fcntl(kq, F_GETFD) < 0 && change(kq, 1, FBSD_EVFILT_USER, 0, FBSD_NOTE_TRIGGER, 0) == -EBADF ? 0 : 1);
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_int_eq(WEXITSTATUS(st), 0);
    ck_assert_int_eq(change(kq, 1, FBSD_EVFILT_USER, FBSD_EV_DELETE, 0, 0), 0);
    close(kq);
    fbsd_kqueue_forget(kq);
}
END_TEST

/* FreeBSD POLLWRBAND (0x100) is Linux POLLWRNORM's number: a pipe must not
 * report it. */
START_TEST(poll_bits)
{
    int p[2];
    attach_thread();
    ck_assert_int_eq(pipe(p), 0);
    struct fbsd_pollfd pf = { p[1], 0x100, 0 };
    ck_assert_int_eq(call(fbsd_sys_poll, P(&pf), 1, 0, 0, 0, 0), 0);
    ck_assert_int_eq(pf.revents, 0);
    pf.events = 0x4;
    ck_assert_int_eq(call(fbsd_sys_poll, P(&pf), 1, 0, 0, 0, 0), 1);
    ck_assert_int_eq(pf.revents, 0x4);
    ck_assert_int_eq(call(fbsd_sys_poll, P(&pf), 1, (uint64_t)-2, 0, 0, 0), -EINVAL);
    close(p[0]), close(p[1]);
}
END_TEST

START_TEST(termios_on_a_pty)
{
    attach_thread();
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
        return; /* no pseudo-terminals here */
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(s, 0);
    struct fbsd_termios t;
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_TIOCGETA, P(&t), 0, 0, 0), 0);
    ck_assert(t.c_lflag & 0x100); /* ICANON */
    t.c_lflag &= ~0x8u;           /* ECHO */
    t.c_ospeed = t.c_ispeed = 19200;
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_TIOCSETA, P(&t), 0, 0, 0), 0);
    memset(&t, 0, sizeof t);
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_TIOCGETA, P(&t), 0, 0, 0), 0);
    ck_assert(!(t.c_lflag & 0x8));
    ck_assert_uint_eq(t.c_ospeed, 19200);
    struct fbsd_winsize w = { 40, 120, 0, 0 }, g;
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_TIOCSWINSZ, P(&w), 0, 0, 0), 0);
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_TIOCGWINSZ, P(&g), 0, 0, 0), 0);
    ck_assert_int_eq(g.ws_row, 40);
    ck_assert_int_eq(g.ws_col, 120);
    ck_assert_int_eq(call(fbsd_sys_ioctl, (uint64_t)s, FBSD_IO('z', 99), 0, 0, 0, 0), -ENOTTY);
    close(s), close(m);
}
END_TEST

START_TEST(socket_addresses_and_rights)
{
    int sv[2], p[2], got = -1;
    attach_thread();
    ck_assert_int_eq(call(fbsd_sys_socketpair, FBSD_AF_UNIX, FBSD_SOCK_STREAM | FBSD_SOCK_CLOEXEC, 0, P(sv), 0, 0), 0);
    ck_assert_int_eq(fcntl(sv[0], F_GETFD), FD_CLOEXEC);
    unsigned char addr[128];
    uint32_t len = sizeof addr;
    ck_assert_int_eq(call(fbsd_sys_getsockname, (uint64_t)sv[0], P(addr), P(&len), 0, 0, 0), 0);
    ck_assert_uint_eq(len, 16); /* FreeBSD's sun_noname */
    ck_assert_int_eq(addr[1], FBSD_AF_UNIX);
    ck_assert_int_eq(pipe(p), 0);
    unsigned char ctl[24] = { 0 }, rctl[64] = { 0 };
    struct fbsd_cmsghdr h = { 20, FBSD_SOL_SOCKET, FBSD_SCM_RIGHTS };
    memcpy(ctl, &h, sizeof h);
    memcpy(ctl + 16, &p[0], sizeof p[0]);
    char c = 'm';
    struct fbsd_iovec iov = { P(&c), 1 };
    struct fbsd_msghdr msg = { 0, 0, P(&iov), 1, P(ctl), sizeof ctl, 0 };
    ck_assert_int_eq(call(fbsd_sys_sendmsg, (uint64_t)sv[0], P(&msg), 0, 0, 0, 0), 1);
    struct fbsd_msghdr rmsg = { 0, 0, P(&iov), 1, P(rctl), sizeof rctl, 0 };
    ck_assert_int_eq(call(fbsd_sys_recvmsg, (uint64_t)sv[1], P(&rmsg), 0, 0, 0, 0), 1);
    ck_assert_uint_eq(rmsg.msg_controllen, 24);
    memcpy(&h, rctl, sizeof h);
    ck_assert_uint_eq(h.cmsg_len, 20);
    ck_assert_int_eq(h.cmsg_level, FBSD_SOL_SOCKET);
    memcpy(&got, rctl + 16, sizeof got);
    ck_assert_int_eq(write(p[1], "z", 1), 1);
    ck_assert_int_eq(read(got, &c, 1), 1);
    ck_assert_int_eq(c, 'z');
    struct fbsd_sockaddr_in sin = { 0, FBSD_AF_INET, 0, 0, { 0 } };
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    ck_assert_int_eq(call(fbsd_sys_bind, (uint64_t)s, P(&sin), 15, 0, 0, 0), FBSD_ERR(FBSD_EINVAL));
    close(s), close(got), close(p[0]), close(p[1]), close(sv[0]), close(sv[1]);
}
END_TEST

Suite *suite_fbsd_io(void)
{
    Suite *s = suite_create("fbsd_io");
    TCase *tc = tcase_create("io");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, kq_pipe_level_and_clear);
    tcase_add_test(tc, kq_user_and_errors);
    tcase_add_test(tc, kq_timers);
    tcase_add_test(tc, kq_many_descriptors);
    tcase_add_test(tc, kq_number_reused);
    tcase_add_test(tc, kq_not_inherited);
    tcase_add_test(tc, poll_bits);
    tcase_add_test(tc, termios_on_a_pty);
    tcase_add_test(tc, socket_addresses_and_rights);
    suite_add_tcase(s, tc);
    return s;
}
