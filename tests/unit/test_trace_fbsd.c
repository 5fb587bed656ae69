/* test_trace_fbsd.c — FreeBSD calls in a trace: the decoders of
 * syscalls/freebsd/trace_abi*.c on FreeBSD structures built here, with
 * the kinds of the real table (syscalls.tbl), and whole lines with
 * FreeBSD errno names. */
#include <check.h>
#include <string.h>

#include "freebsd/fbsd.h"
#include "freebsd/fbsd_trace.h"
#include "suites.h"
#include "test_trace.h"

#define FA (&fbsd_trace_abi)

/* Arguments of FreeBSD call NR (by number, from the table). */
static const char *fcall(int nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                         uint64_t a4, uint64_t a5, long ret, int done)
{
    static uint64_t a[6];
    uint64_t v[6] = { a0, a1, a2, a3, a4, a5 };
    memcpy(a, v, sizeof a);
    const struct fbsd_sysent *e = fbsd_sysent(nr);
    ck_assert_ptr_nonnull(e);
    return tt_args(FA, e->kinds, a, ret, done);
}

enum { F_OPEN = 5, F_WAIT4 = 7, F_SIGACTION = 416, F_SIGPROCMASK = 340, F_CONNECT = 98,
       F_BIND = 104, F_KEVENT = 560, F_SYSCTL = 202, F_UMTX = 454, F_SYSARCH = 165,
       F_THR_NEW = 455, F_FSTATAT = 552, F_PIPE2 = 542, F_SETRLIMIT = 195, F_UTIMENSAT = 547,
       F_SIGALTSTACK = 53, F_POLL = 209, F_MMAP = 477, F_RTPRIO = 166, F_SENDMSG = 28,
       F_STATFS = 555, F_SIGTIMEDWAIT = 345 };

START_TEST(table_numbers)
{
    ck_assert_str_eq(fbsd_sysent(F_OPEN)->name, "open");
    ck_assert_str_eq(fbsd_sysent(F_SIGACTION)->name, "sigaction");
    ck_assert_str_eq(fbsd_sysent(F_KEVENT)->name, "kevent");
    ck_assert_str_eq(fbsd_sysent(F_FSTATAT)->name, "fstatat");
    ck_assert_str_eq(fbsd_sysent(F_MMAP)->name, "mmap");
    ck_assert_str_eq(fbsd_sysent(F_STATFS)->name, "statfs");
    ck_assert_int_eq(fbsd_trace_name_to_nr("_umtx_op"), F_UMTX);
}
END_TEST

START_TEST(files_and_memory)
{
    static const char p[] = "data.txt";
    ck_assert_str_eq(fcall(F_OPEN, U(p), 0x0002 | 0x0200 | 0x0400 | 0x00100000, 0644, 0, 0, 0, 3, 1),
                     "\"data.txt\", O_RDWR|O_CREAT|O_TRUNC|O_CLOEXEC, 0644");
    ck_assert_str_eq(fcall(F_OPEN, U(p), 0, 0, 0, 0, 0, 3, 1), "\"data.txt\", O_RDONLY");
    int fds[2] = { 5, 6 };
    ck_assert_str_eq(fcall(F_PIPE2, U(fds), 0, 0, 0, 0, 0, 0, 1), "[5, 6], 0");
    ck_assert_str_eq(fcall(F_PIPE2, U(fds), 0x00100000, 0, 0, 0, 0, 0, 1), "[5, 6], O_CLOEXEC");
    ck_assert_str_eq(fcall(F_MMAP, 0, 4096, 3, 0x1002 /* MAP_PRIVATE|MAP_ANON */, (uint64_t)-1, 0,
                           0x800000, 1),
                     "NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANON, -1, 0");
    struct fbsd_stat st;
    memset(&st, 0, sizeof st);
    st.st_mode = 0100644, st.st_size = 12;
    ck_assert_str_eq(fcall(F_FSTATAT, (uint64_t)-100, U(p), U(&st), 0x200 /* AT_SYMLINK_NOFOLLOW */,
                           0, 0, 0, 1),
                     "AT_FDCWD, \"data.txt\", {st_mode=S_IFREG|0644, st_size=12, ...}, AT_SYMLINK_NOFOLLOW");
    ck_assert_str_eq(fcall(F_FSTATAT, (uint64_t)-100, U(p), 0x1000, 0, 0, 0, 0, 0),
                     "AT_FDCWD, \"data.txt\", 0x1000, 0");
    struct fbsd_timespec ts[2] = { { 0, -1 }, { 7, -2 } };
    ck_assert_str_eq(fcall(F_UTIMENSAT, 3, U(p), U(ts), 0, 0, 0, 0, 1),
                     "3, \"data.txt\", [UTIME_NOW, UTIME_OMIT], 0");
    struct fbsd_rlimit rl = { 4096, (int64_t)FBSD_RLIM_INFINITY };
    ck_assert_str_eq(fcall(F_SETRLIMIT, 8 /* RLIMIT_NOFILE */, U(&rl), 0, 0, 0, 0, 0, 1),
                     "RLIMIT_NOFILE, {rlim_cur=4*1024, rlim_max=RLIM_INFINITY}");
    struct fbsd_statfs sf;
    memset(&sf, 0, sizeof sf);
    strcpy(sf.f_fstypename, "tmpfs");
    strcpy(sf.f_mntonname, "/tmp");
    sf.f_bsize = 4096, sf.f_flags = FBSD_MNT_LOCAL;
    ck_assert_str_eq(fcall(F_STATFS, U(p), U(&sf), 0, 0, 0, 0, 0, 1),
                     "\"data.txt\", {f_fstypename=\"tmpfs\", f_bsize=4096, f_blocks=0, f_bfree=0, "
                     "f_bavail=0, f_files=0, f_ffree=0, f_flags=MNT_LOCAL, f_mntonname=\"/tmp\", ...}");
}
END_TEST

START_TEST(signals)
{
    fbsd_sigset_t set = { { (1u << (FBSD_SIGINT - 1)) | (1u << (FBSD_SIGTERM - 1)), 0, 0, 0 } };
    ck_assert_str_eq(fcall(F_SIGPROCMASK, FBSD_SIG_BLOCK, U(&set), 0, 0, 0, 0, 0, 1),
                     "SIG_BLOCK, [SIGINT SIGTERM], NULL");
    fbsd_sigset_t all = { { ~0u, ~0u, ~0u, ~0u } };
    ck_assert_str_eq(fcall(F_SIGPROCMASK, FBSD_SIG_SETMASK, U(&all), U(&set), 0, 0, 0, 0, 1),
                     "SIG_SETMASK, ~[], [SIGINT SIGTERM]");
    struct fbsd_sigaction sa = { 0x201000, FBSD_SA_RESTART | FBSD_SA_SIGINFO, set };
    ck_assert_str_eq(fcall(F_SIGACTION, FBSD_SIGUSR1, U(&sa), 0, 0, 0, 0, 0, 1),
                     "SIGUSR1, {sa_handler=0x201000, sa_mask=[SIGINT SIGTERM], "
                     "sa_flags=SA_RESTART|SA_SIGINFO}, NULL");
    int status = FBSD_SIGUSR1; /* killed by SIGUSR1 (30 on FreeBSD) */
    ck_assert_str_eq(fcall(F_WAIT4, 42, U(&status), 1 /* WNOHANG */, 0, 0, 0, 42, 1),
                     "42, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGUSR1}], WNOHANG, NULL");
    struct fbsd_stack ss = { 0x7000, 65536, FBSD_SS_ONSTACK };
    ck_assert_str_eq(fcall(F_SIGALTSTACK, U(&ss), 0, 0, 0, 0, 0, 0, 1),
                     "{ss_sp=0x7000, ss_size=65536, ss_flags=SS_ONSTACK}, NULL");
    fbsd_siginfo_t si;
    memset(&si, 0, sizeof si);
    si.fsi_signo = FBSD_SIGCHLD, si.fsi_code = FBSD_CLD_EXITED, si.fsi_pid = 99, si.fsi_status = 3;
    ck_assert_str_eq(fcall(F_SIGTIMEDWAIT, U(&set), U(&si), 0, 0, 0, 0, FBSD_SIGCHLD, 1),
                     "[SIGINT SIGTERM], {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=99, si_uid=0, "
                     "si_status=3}, NULL");
}
END_TEST

START_TEST(sockets_and_events)
{
    struct fbsd_sockaddr_in in = { 16, FBSD_AF_INET, __builtin_bswap16(80),
                                   __builtin_bswap32(0x7f000001), { 0 } };
    ck_assert_str_eq(fcall(F_CONNECT, 3, U(&in), 16, 0, 0, 0, 0, 1),
                     "3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16");
    struct fbsd_sockaddr_in6 in6 = { 28, FBSD_AF_INET6, __builtin_bswap16(8080), 0, { 0 }, 0 };
    in6.sin6_addr[10] = 0xff, in6.sin6_addr[11] = 0xff, in6.sin6_addr[15] = 1;
    ck_assert_str_eq(fcall(F_BIND, 3, U(&in6), 28, 0, 0, 0, 0, 1),
                     "3, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), "
                     "inet_pton(AF_INET6, \"::ffff:0:1\", &sin6_addr), sin6_scope_id=0}, 28");
    struct fbsd_sockaddr_un un = { 0, FBSD_AF_UNIX, "/tmp/s" };
    ck_assert_str_eq(fcall(F_CONNECT, 3, U(&un), 8, 0, 0, 0, 0, 1),
                     "3, {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 8");
    struct fbsd_kevent kin = { 5, FBSD_EVFILT_READ, FBSD_EV_ADD | FBSD_EV_ENABLE, 0, 0, 0, { 0 } };
    struct fbsd_kevent kout[2] = { { 5, FBSD_EVFILT_READ, FBSD_EV_EOF, 0, 12, 0x1234, { 0 } } };
    struct fbsd_timespec zero = { 0, 0 };
    ck_assert_str_eq(fcall(F_KEVENT, 4, U(&kin), 1, U(kout), 2, U(&zero), 1, 1),
                     "4, [{ident=5, filter=EVFILT_READ, flags=EV_ADD|EV_ENABLE, fflags=0, data=0, "
                     "udata=NULL}], 1, [{ident=5, filter=EVFILT_READ, flags=EV_EOF, fflags=0, "
                     "data=12, udata=0x1234}], 2, {tv_sec=0, tv_nsec=0}");
    struct fbsd_pollfd pf = { 3, 1, 1 };
    ck_assert_str_eq(fcall(F_POLL, U(&pf), 1, 1000, 0, 0, 0, 1, 1),
                     "[{fd=3, events=POLLIN, revents=POLLIN}], 1, 1000");
    struct fbsd_iovec iov = { U("hey"), 3 };
    struct fbsd_msghdr m = { 0, 0, U(&iov), 1, 0, 0, 0 };
    ck_assert_str_eq(fcall(F_SENDMSG, 3, U(&m), 0, 0, 0, 0, 3, 1),
                     "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hey\", iov_len=3}], "
                     "msg_iovlen=1, msg_control=NULL, msg_controllen=0, msg_flags=0}, 0");
}
END_TEST

START_TEST(freebsd_operations)
{
    int mib[3] = { 1, 1 };
    ck_assert_str_eq(fcall(F_SYSCTL, U(mib), 2, 0, 0, 0, 0, 0, 1), "[kern.ostype], 2, NULL, NULL, NULL, 0");
    int path[4] = { 1, 14, 12, -1 };
    ck_assert_str_eq(fcall(F_SYSCTL, U(path), 4, 0, 0, 0, 0, 0, 1),
                     "[kern.proc.pathname, -1], 4, NULL, NULL, NULL, 0");
    int odd[2] = { 6, 99 };
    ck_assert_str_eq(fcall(F_SYSCTL, U(odd), 2, 0, 0, 0, 0, 0, 1), "[hw, 99], 2, NULL, NULL, NULL, 0");
    int unknown[2] = { 77, 1 };
    ck_assert_str_eq(fcall(F_SYSCTL, U(unknown), 2, 0, 0, 0, 0, 0, 1), "[77, 1], 2, NULL, NULL, NULL, 0");
    ck_assert_str_eq(fcall(F_UMTX, 0x1000, 16, 1, 0, 0, 0, 0, 1),
                     "0x1000, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL");
    ck_assert_str_eq(fcall(F_SYSARCH, 129, 0x2000, 0, 0, 0, 0, 0, 1), "AMD64_SET_FSBASE, 0x2000");
    struct fbsd_thr_param tp;
    memset(&tp, 0, sizeof tp);
    tp.start_func = 0x201000, tp.stack_size = 65536, tp.flags = FBSD_THR_SUSPENDED;
    ck_assert_str_eq(fcall(F_THR_NEW, U(&tp), sizeof tp, 0, 0, 0, 0, 0, 1),
                     "{start_func=0x201000, arg=0, stack_base=0, stack_size=65536, tls_base=0, "
                     "tls_size=0, child_tid=0, parent_tid=0, flags=THR_SUSPENDED, rtp=NULL}, 104");
    uint16_t rtp[2] = { 3, 0 };
    ck_assert_str_eq(fcall(F_RTPRIO, 0, 0, U(rtp), 0, 0, 0, 0, 1), "0, 0, {type=RTP_PRIO_NORMAL, prio=0}");
}
END_TEST

START_TEST(lines_with_freebsd_errnos)
{
    static const char p[] = "missing";
    uint64_t a[6] = { U(p), 0, 0, 0, 0, 0 };
    tt_start(NULL);
    struct trace_call c = { .tid = 1, .nr = F_OPEN, .name = "open",
                            .kinds = fbsd_sysent(F_OPEN)->kinds, .retkind = R_FD, .args = a,
                            .err = FBSD_ENOENT, .errname = fbsd_errno_name(FBSD_ENOENT),
                            .errmsg = fbsd_errno_message(FBSD_ENOENT) };
    trace_call_emit(FA, &c);
    c.err = FBSD_EAGAIN, c.errname = fbsd_errno_name(FBSD_EAGAIN), c.errmsg = fbsd_errno_message(FBSD_EAGAIN);
    trace_call_emit(FA, &c);
    ck_assert_str_eq(tt_output(), "open(\"missing\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
                                  "open(\"missing\", O_RDONLY) = -1 EAGAIN (Resource temporarily unavailable)\n");
}
END_TEST

Suite *suite_trace_fbsd(void)
{
    Suite *s = suite_create("trace_fbsd");
    TCase *tc = tcase_create("trace_fbsd");
    tcase_add_test(tc, table_numbers);
    tcase_add_test(tc, files_and_memory);
    tcase_add_test(tc, signals);
    tcase_add_test(tc, sockets_and_events);
    tcase_add_test(tc, freebsd_operations);
    tcase_add_test(tc, lines_with_freebsd_errnos);
    suite_add_tcase(s, tc);
    return s;
}
