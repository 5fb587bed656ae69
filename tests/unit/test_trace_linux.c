/* test_trace_linux.c — the Linux system call table (checked against the
 * host's <asm/unistd_64.h>), the Linux decoders on real structures built
 * here, and the XENO_REMAP / XENO_DENY rules of libxeno-preload.so. */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>

#include "linux/deny.h"
#include "linux/ldecode.h"
#include "linux/ltable.h"
#include "linux/remap.h"
#include "suites.h"
#include "test_trace.h"

#define LA (&linux_trace_abi)

/* The arguments of call NR as a trace line shows them. */
static const char *call(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                        uint64_t a4, uint64_t a5, long ret)
{
    static uint64_t a[6];
    uint64_t v[6] = { a0, a1, a2, a3, a4, a5 };
    memcpy(a, v, sizeof a);
    int failed = ret < 0 && ret > -4096;
    return tt_args(LA, linux_sysent(nr)->kinds, a, ret, !failed);
}

#define ck_assert_prefix(s, p) ck_assert_msg(!strncmp((s), (p), strlen(p)), "[%s] does not start with [%s]", (s), (p))

START_TEST(table_matches_host_headers)
{
    FILE *f = fopen("/usr/include/x86_64-linux-gnu/asm/unistd_64.h", "r");
    if (!f)
        f = fopen("/usr/include/asm/unistd_64.h", "r");
    ck_assert_msg(f != NULL, "the kernel headers are needed (linux-libc-dev)");
    char line[256], name[96];
    int nr, checked = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "#define __NR_%95s %d", name, &nr) == 2) {
            const struct linux_sysent *e = linux_sysent(nr);
            ck_assert_msg(e != NULL, "%s (%d) is missing from syscalls/linux/syscalls.tbl", name, nr);
            ck_assert_str_eq(e->name, name);
            ck_assert_int_eq(linux_nr_of(name), nr);
            checked++;
        }
    fclose(f);
    ck_assert_int_ge(checked, 360);
    for (int n = 0; n < LINUX_NSYS; n++)
        for (int i = 0; linux_sysent(n) && i < 6; i++) {
            uint16_t k = linux_sysent(n)->kinds[i];
            ck_assert_int_lt(KIND_OF(k), K_KINDS_END);
            ck_assert_int_lt(KIND_PARAM(k), 6);
        }
    ck_assert(linux_arg_is_path(SYS_renameat2, 1) && linux_arg_is_path(SYS_renameat2, 3));
    ck_assert(!linux_arg_is_path(SYS_symlink, 0) && linux_arg_is_path(SYS_symlink, 1));
    ck_assert_ptr_null(linux_sysent(400));
    ck_assert_int_eq(linux_nr_of("nosuchcall"), -1);
}
END_TEST

START_TEST(files)
{
    static const char p[] = "/etc/passwd";
    ck_assert_str_eq(call(SYS_openat, (uint64_t)AT_FDCWD, U(p), O_RDONLY | O_CLOEXEC, 0, 0, 0, 3),
                     "AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC");
    ck_assert_str_eq(call(SYS_openat, 5, U(p), O_WRONLY | O_CREAT | O_TRUNC, 0644, 0, 0, 3),
                     "5, \"/etc/passwd\", O_WRONLY|O_CREAT|O_TRUNC, 0644");
    ck_assert_str_eq(call(SYS_open, U(p), O_RDWR | O_APPEND | O_NONBLOCK | O_DIRECTORY, 0, 0, 0, 0, 3),
                     "\"/etc/passwd\", O_RDWR|O_APPEND|O_NONBLOCK|O_DIRECTORY");
    ck_assert_str_eq(call(SYS_pipe2, 0, O_CLOEXEC, 0, 0, 0, 0, -EFAULT), "NULL, O_CLOEXEC");
    int fds[2] = { 3, 4 };
    ck_assert_str_eq(call(SYS_pipe2, U(fds), 0, 0, 0, 0, 0, 0), "[3, 4], 0");
    ck_assert_str_eq(call(SYS_faccessat, (uint64_t)AT_FDCWD, U(p), R_OK | X_OK, 0, 0, 0, 0),
                     "AT_FDCWD, \"/etc/passwd\", R_OK|X_OK");
    ck_assert_str_eq(call(SYS_access, U(p), F_OK, 0, 0, 0, 0, 0), "\"/etc/passwd\", F_OK");
    ck_assert_str_eq(call(SYS_unlinkat, 3, U(p), AT_REMOVEDIR, 0, 0, 0, 0),
                     "3, \"/etc/passwd\", AT_REMOVEDIR");
    ck_assert_str_eq(call(SYS_lseek, 3, (uint64_t)-5, SEEK_END, 0, 0, 0, 10), "3, -5, SEEK_END");
    ck_assert_str_eq(call(SYS_fcntl, 3, F_GETFL, 0, 0, 0, 0, 2), "3, F_GETFL");
    ck_assert_str_eq(call(SYS_fcntl, 3, F_DUPFD_CLOEXEC, 10, 0, 0, 0, 10), "3, F_DUPFD_CLOEXEC, 0xa");
    ck_assert_str_eq(call(SYS_umask, 022, 0, 0, 0, 0, 0, 022), "0022");
    ck_assert_str_eq(call(SYS_renameat2, (uint64_t)AT_FDCWD, U(p), 4, U(p), 1, 0, 0),
                     "AT_FDCWD, \"/etc/passwd\", 4, \"/etc/passwd\", RENAME_NOREPLACE");
}
END_TEST

START_TEST(stat_structures)
{
    static const char p[] = "/etc/passwd";
    struct stat st;
    ck_assert_int_eq(stat(p, &st), 0);
    char want[128];
    snprintf(want, sizeof want, "\"/etc/passwd\", {st_mode=S_IFREG|0%03o, st_size=%lld, ...}",
             st.st_mode & 07777, (long long)st.st_size);
    ck_assert_str_eq(call(SYS_stat, U(p), U(&st), 0, 0, 0, 0, 0), want);
    ck_assert_prefix(call(SYS_stat, U(p), U(&st), 0, 0, 0, 0, -ENOENT), "\"/etc/passwd\", 0x");
    ck_assert_int_eq(stat("/dev/null", &st), 0);
    ck_assert_str_eq(call(SYS_fstat, 0, U(&st), 0, 0, 0, 0, 0),
                     "0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");
    struct statx sx;
    ck_assert_int_eq(statx(AT_FDCWD, p, 0, STATX_BASIC_STATS, &sx), 0);
    const char *s = call(SYS_statx, (uint64_t)AT_FDCWD, U(p), AT_SYMLINK_NOFOLLOW,
                         STATX_BASIC_STATS | STATX_BTIME, U(&sx), 0, 0);
    ck_assert_prefix(s, "AT_FDCWD, \"/etc/passwd\", AT_SYMLINK_NOFOLLOW, STATX_ALL, {stx_mask=");
    ck_assert_ptr_nonnull(strstr(s, "stx_mode=S_IFREG|0"));
    struct timespec ts[2] = { { 0, UTIME_NOW }, { 5, UTIME_OMIT } };
    ck_assert_str_eq(call(SYS_utimensat, (uint64_t)AT_FDCWD, U(p), U(ts), 0, 0, 0, 0),
                     "AT_FDCWD, \"/etc/passwd\", [UTIME_NOW, UTIME_OMIT], 0");
    ts[0].tv_sec = 1, ts[0].tv_nsec = 2;
    ck_assert_str_eq(call(SYS_utimensat, 3, 0, U(ts), AT_EMPTY_PATH, 0, 0, 0),
                     "3, NULL, [{tv_sec=1, tv_nsec=2}, UTIME_OMIT], AT_EMPTY_PATH");
}
END_TEST

START_TEST(buffers_and_vectors)
{
    static const char data[] = "hello, world\n";
    ck_assert_str_eq(call(SYS_write, 1, U(data), 13, 0, 0, 0, 13), "1, \"hello, world\\n\", 13");
    char buf[8] = "abc";
    ck_assert_str_eq(call(SYS_read, 0, U(buf), 8, 0, 0, 0, 3), "0, \"abc\", 8");
    ck_assert_prefix(call(SYS_read, 0, U(buf), 8, 0, 0, 0, -EBADF), "0, 0x");
    struct iovec iov[2] = { { (void *)"ab", 2 }, { (void *)"cdef", 4 } };
    ck_assert_str_eq(call(SYS_writev, 1, U(iov), 2, 0, 0, 0, 6),
                     "1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdef\", iov_len=4}], 2");
    /* readv: the contents up to the count returned */
    ck_assert_str_eq(call(SYS_readv, 1, U(iov), 2, 0, 0, 0, 3),
                     "1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=4}], 2");
    char *argv[] = { "ls", "-l", NULL }, *envp[] = { "A=1", "B=2", "C=3", NULL };
    char want[128];
    static const char p[] = "/bin/ls";
    snprintf(want, sizeof want, "\"/bin/ls\", [\"ls\", \"-l\"], %p /* 3 vars */", (void *)envp);
    ck_assert_str_eq(call(SYS_execve, U(p), U(argv), U(envp), 0, 0, 0, 0), want);
    static char cwd[] = "/home/x";
    ck_assert_str_eq(call(SYS_getcwd, U(cwd), 100, 0, 0, 0, 0, 8), "\"/home/x\", 100");
}
END_TEST

START_TEST(memory_and_processes)
{
    ck_assert_str_eq(call(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                          (uint64_t)-1, 0, 0x7f0000000000),
                     "NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0");
    ck_assert_str_eq(call(SYS_mmap, 0x1000, 4096, PROT_NONE, MAP_SHARED | MAP_FIXED, 3, 0x2000, 0x1000),
                     "0x1000, 4096, PROT_NONE, MAP_SHARED|MAP_FIXED, 3, 0x2000");
    ck_assert_str_eq(call(SYS_madvise, 0x1000, 4096, MADV_DONTNEED, 0, 0, 0, 0),
                     "0x1000, 4096, MADV_DONTNEED");
    int word = 0;
    char want[128];
    snprintf(want, sizeof want, "%p, FUTEX_WAKE_PRIVATE, 1", (void *)&word);
    ck_assert_str_eq(call(SYS_futex, U(&word), FUTEX_WAKE_PRIVATE, 1, 0, 0, 0, 0), want);
    snprintf(want, sizeof want, "%p, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, NULL, -1",
             (void *)&word);
    ck_assert_str_eq(call(SYS_futex, U(&word), FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0,
                          0, 0, 0xffffffff, 0), want);
    ck_assert_str_eq(call(SYS_clone, 0x01200000 | SIGCHLD, 0, 0, 0, 0, 0, 123),
                     "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, NULL, NULL, 0");
    ck_assert_str_eq(call(SYS_arch_prctl, 0x1002, 0x1234, 0, 0, 0, 0, 0), "ARCH_SET_FS, 0x1234");
    ck_assert_str_eq(call(SYS_prctl, 15, 0, 0, 0, 0, 0, 0), "PR_SET_NAME, 0, 0, 0, 0");
    int status = 0x0300; /* exited with 3 */
    ck_assert_str_eq(call(SYS_wait4, (uint64_t)-1, U(&status), WNOHANG, 0, 0, 0, 77),
                     "-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], WNOHANG, NULL");
    status = SIGKILL;
    ck_assert_str_eq(call(SYS_wait4, 77, U(&status), 0, 0, 0, 0, 77),
                     "77, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL");
    uint64_t rl[2] = { 1024, ~0ull };
    ck_assert_str_eq(call(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, U(rl), 0, 0, 0),
                     "0, RLIMIT_NOFILE, NULL, {rlim_cur=1*1024, rlim_max=RLIM64_INFINITY}");
    ck_assert_str_eq(call(SYS_exit_group, 3, 0, 0, 0, 0, 0, 0), "3");
}
END_TEST

START_TEST(signals)
{
    uint64_t set = (1ull << (SIGINT - 1)) | (1ull << (SIGTERM - 1));
    ck_assert_str_eq(call(SYS_rt_sigprocmask, SIG_BLOCK, U(&set), 0, 8, 0, 0, 0),
                     "SIG_BLOCK, [SIGINT SIGTERM], NULL, 8");
    uint64_t all = ~0ull, most = ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
    ck_assert_str_eq(call(SYS_rt_sigprocmask, SIG_SETMASK, U(&all), U(&most), 8, 0, 0, 0),
                     "SIG_SETMASK, ~[], ~[SIGKILL SIGSTOP], 8");
    struct { uint64_t handler, flags, restorer, mask; } act = { 0x4000, 0x14000000, 0x5000, set };
    ck_assert_str_eq(call(SYS_rt_sigaction, SIGUSR1, U(&act), 0, 8, 0, 0, 0),
                     "SIGUSR1, {sa_handler=0x4000, sa_mask=[SIGINT SIGTERM], "
                     "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x5000}, NULL, 8");
    act.handler = 1, act.flags = 0, act.mask = 0;
    ck_assert_str_eq(call(SYS_rt_sigaction, 34, U(&act), 0, 8, 0, 0, 0),
                     "SIGRT_2, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8");
    ck_assert_str_eq(call(SYS_kill, 1, SIGTERM, 0, 0, 0, 0, 0), "1, SIGTERM");
    stack_t ss = { (void *)0x7000, SS_DISABLE, 8192 };
    ck_assert_str_eq(call(SYS_sigaltstack, U(&ss), 0, 0, 0, 0, 0, 0),
                     "{ss_sp=0x7000, ss_flags=SS_DISABLE, ss_size=8192}, NULL");
}
END_TEST

START_TEST(sockets)
{
    struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(80) };
    in.sin_addr.s_addr = htonl(0x7f000001);
    ck_assert_str_eq(call(SYS_connect, 3, U(&in), sizeof in, 0, 0, 0, 0),
                     "3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16");
    struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(443) };
    in6.sin6_addr.s6_addr[15] = 1;
    ck_assert_str_eq(call(SYS_bind, 3, U(&in6), sizeof in6, 0, 0, 0, 0),
                     "3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
                     "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28");
    struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "/run/x.sock" };
    ck_assert_str_eq(call(SYS_connect, 3, U(&un), 2 + 12, 0, 0, 0, 0),
                     "3, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 14");
    uint32_t len = sizeof in;
    ck_assert_str_eq(call(SYS_accept4, 3, U(&in), U(&len), SOCK_CLOEXEC, 0, 0, 4),
                     "3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, "
                     "[16], SOCK_CLOEXEC");
    ck_assert_str_eq(call(SYS_socket, AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, 0, 0, 0, 3),
                     "AF_INET6, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0");
    int one = 1;
    ck_assert_str_eq(call(SYS_setsockopt, 3, SOL_SOCKET, SO_REUSEADDR, U(&one), 4, 0, 0),
                     "3, SOL_SOCKET, SO_REUSEADDR, \"\\1\\0\\0\\0\", 4");
    ck_assert_str_eq(call(SYS_setsockopt, 3, IPPROTO_TCP, 1, U(&one), 4, 0, 0),
                     "3, SOL_TCP, TCP_NODELAY, \"\\1\\0\\0\\0\", 4");
    struct pollfd pf[2] = { { 3, POLLIN, POLLIN | POLLHUP }, { 4, POLLOUT, 0 } };
    ck_assert_str_eq(call(SYS_poll, U(pf), 2, (uint64_t)-1, 0, 0, 0, 1),
                     "[{fd=3, events=POLLIN, revents=POLLIN|POLLHUP}, {fd=4, events=POLLOUT}], 2, -1");
    struct epoll_event ev = { EPOLLIN | EPOLLET, { .u64 = 7 } };
    ck_assert_str_eq(call(SYS_epoll_ctl, 5, EPOLL_CTL_ADD, 3, U(&ev), 0, 0, 0),
                     "5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data=0x7}");
    struct msghdr m = { .msg_iov = (struct iovec[]){ { (void *)"hi", 2 } }, .msg_iovlen = 1 };
    ck_assert_str_eq(call(SYS_sendmsg, 3, U(&m), MSG_NOSIGNAL, 0, 0, 0, 2),
                     "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", iov_len=2}], "
                     "msg_iovlen=1, msg_control=NULL, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL");
}
END_TEST

START_TEST(remap_rules)
{
    char err[128], out[64];
    ck_assert_int_eq(remap_parse("/opt/app=/tmp/app:/data/=/srv/data", err, sizeof err), 0);
    ck_assert(remap_active());
    ck_assert_int_eq(remap_path("/opt/app/bin/x", out, sizeof out), 1);
    ck_assert_str_eq(out, "/tmp/app/bin/x");
    ck_assert_int_eq(remap_path("/opt/app", out, sizeof out), 1);
    ck_assert_str_eq(out, "/tmp/app");
    ck_assert_int_eq(remap_path("/opt/apple", out, sizeof out), 0); /* whole components */
    ck_assert_int_eq(remap_path("relative/opt/app", out, sizeof out), 0);
    ck_assert_int_eq(remap_path("/data/f", out, sizeof out), 1);
    ck_assert_str_eq(out, "/srv/data/f");
    ck_assert_int_eq(remap_path("/opt/app/a-rather-long-name-that-does-not-fit-in-sixty-four-bytes",
                                out, sizeof out), -1);
    ck_assert_int_eq(remap_parse("/=/jail", err, sizeof err), 0);
    ck_assert_int_eq(remap_path("/etc/passwd", out, sizeof out), 1);
    ck_assert_str_eq(out, "/jail/etc/passwd");
    ck_assert_int_eq(remap_parse("/x=/", err, sizeof err), 0);
    ck_assert_int_eq(remap_path("/x/y", out, sizeof out), 1);
    ck_assert_str_eq(out, "/y");
    ck_assert_int_eq(remap_path("/x", out, sizeof out), 1);
    ck_assert_str_eq(out, "/");
    ck_assert_int_eq(remap_parse("opt=/tmp", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "is not /from=/to"));
    ck_assert_int_eq(remap_parse("", err, sizeof err), 0);
    ck_assert(!remap_active());
}
END_TEST

START_TEST(deny_rules)
{
    char err[128];
    ck_assert_int_eq(deny_parse("unlink,rename:EPERM,connect:ECONNREFUSED,=open,kill", err, sizeof err), 0);
    ck_assert(deny_active());
    ck_assert_int_eq(deny_errno(SYS_unlink), EPERM);
    ck_assert_int_eq(deny_errno(SYS_unlinkat), EPERM);   /* the *at variant too */
    ck_assert_int_eq(deny_errno(SYS_renameat2), EPERM);
    ck_assert_int_eq(deny_errno(SYS_connect), ECONNREFUSED);
    ck_assert_int_eq(deny_errno(SYS_open), EPERM);       /* no errno after it: EPERM */
    ck_assert_int_eq(deny_errno(SYS_openat), 0);         /* =open is open alone */
    ck_assert_int_eq(deny_errno(SYS_kill), EPERM);
    ck_assert_int_eq(deny_errno(SYS_read), 0);
    ck_assert_int_eq(deny_parse("write:28", err, sizeof err), 0);
    ck_assert_int_eq(deny_errno(SYS_write), ENOSPC);
    ck_assert_int_eq(deny_parse("nosuchcall:EPERM", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "unknown system call 'nosuchcall'"));
    ck_assert_int_eq(deny_parse("unlink:ENOTANERRNO", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "unknown errno"));
    ck_assert_int_eq(deny_parse(NULL, err, sizeof err), 0);
    ck_assert(!deny_active());
}
END_TEST

Suite *suite_trace_linux(void)
{
    Suite *s = suite_create("trace_linux");
    TCase *tc = tcase_create("trace_linux");
    tcase_add_test(tc, table_matches_host_headers);
    tcase_add_test(tc, files);
    tcase_add_test(tc, stat_structures);
    tcase_add_test(tc, buffers_and_vectors);
    tcase_add_test(tc, memory_and_processes);
    tcase_add_test(tc, signals);
    tcase_add_test(tc, sockets);
    tcase_add_test(tc, remap_rules);
    tcase_add_test(tc, deny_rules);
    suite_add_tcase(s, tc);
    return s;
}
