/* hostile_sig.c — bad pointers and absurd values handed to the signal,
 * time and process calls: sigaction in/out, sigprocmask sets,
 * sigaltstack, sigsuspend/sigpending/sigreturn, the sigwait family,
 * kill/thr_kill/sigqueue, clocks and timers, wait4 status and rusage,
 * execve path/argv/envp, rlimits, cpuset_getaffinity, getrandom. Each
 * must fail as FreeBSD fails, never crash xeno. FreeBSD-only. */
#include <signal.h>
#include <unistd.h>

#include "hostile.h"

enum {
    F_FORK = 2, F_WAIT4 = 7, F_GETPID = 20, F_KILL = 37, F_SIGALTSTACK = 53, F_EXECVE = 59,
    F_SETITIMER = 83, F_GETITIMER = 86, F_GETTIMEOFDAY = 116,
    F_GETRUSAGE = 117, F_GETRLIMIT = 194, F_SETRLIMIT = 195, F_CLOCK_GETTIME = 232,
    F_CLOCK_GETRES = 234, F_NANOSLEEP = 240, F_CLOCK_NANOSLEEP = 244, F_SIGPROCMASK = 340,
    F_SIGSUSPEND = 341, F_SIGPENDING = 343, F_SIGTIMEDWAIT = 345, F_SIGWAITINFO = 346,
    F_GETRESUID = 360, F_SIGACTION = 416, F_SIGRETURN = 417, F_SIGWAIT = 429,
    F_THR_SELF = 432, F_THR_KILL = 433, F_SIGQUEUE = 456, F_CPUSET_GETAFFINITY = 487,
    F_GETRANDOM = 563,
};

struct ts { long sec, nsec; };

static void on_usr1(int s) { (void)s; }

static void sigactions(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    out("sigaction-both-null", __sys3(F_SIGACTION, SIGUSR1, 0, 0));
    out("sigaction-new-kernel", __sys3(F_SIGACTION, SIGUSR1, bad.kernel, 0));
    out("sigaction-new-unmapped", __sys3(F_SIGACTION, SIGUSR1, bad.unmapped, 0));
    out("sigaction-new-edge", __sys3(F_SIGACTION, SIGUSR1, bad.edge, 0));
    out("sigaction-old-kernel", __sys3(F_SIGACTION, SIGUSR1, 0, bad.kernel));
    out("sigaction-old-edge", __sys3(F_SIGACTION, SIGUSR1, 0, bad.edge));
    out("sigaction-sig-0", __sys3(F_SIGACTION, 0, &sa, 0));
    out("sigaction-sig-129", __sys3(F_SIGACTION, 129, &sa, 0));
    out("sigaction-sigkill", __sys3(F_SIGACTION, SIGKILL, &sa, 0));
    out("sigaction-misaligned", __sys3(F_SIGACTION, SIGUSR1, 0, bad.odd));
}

static void masks(void)
{
    sigset_t set;
    memset(&set, 0, sizeof set);
    out("sigprocmask-set-kernel", __sys3(F_SIGPROCMASK, SIG_BLOCK, bad.kernel, 0));
    out("sigprocmask-old-kernel", __sys3(F_SIGPROCMASK, SIG_BLOCK, 0, bad.kernel));
    out("sigprocmask-set-edge", __sys3(F_SIGPROCMASK, SIG_BLOCK, bad.edge, 0));
    out("sigprocmask-bad-how", __sys3(F_SIGPROCMASK, 99, &set, 0));
    out("sigprocmask-bad-how-no-set", __sys3(F_SIGPROCMASK, 99, 0, 0));
    out("sigpending-kernel", __sys1(F_SIGPENDING, bad.kernel));
    out("sigpending-edge", __sys1(F_SIGPENDING, bad.edge));
    out("sigsuspend-kernel", __sys1(F_SIGSUSPEND, bad.kernel));
    out("sigreturn-null", __sys1(F_SIGRETURN, 0));
    out("sigreturn-kernel", __sys1(F_SIGRETURN, bad.kernel));
}

static void altstacks(void)
{
    stack_t ss = { bad.page, 100, 0 };
    out("sigaltstack-new-kernel", __sys2(F_SIGALTSTACK, bad.kernel, 0));
    out("sigaltstack-old-kernel", __sys2(F_SIGALTSTACK, 0, bad.kernel));
    out("sigaltstack-new-edge", __sys2(F_SIGALTSTACK, bad.edge, 0));
    out("sigaltstack-too-small", __sys2(F_SIGALTSTACK, &ss, 0));
    ss.ss_size = 65536, ss.ss_flags = 0x10;
    out("sigaltstack-bad-flags", __sys2(F_SIGALTSTACK, &ss, 0));
}

/* SIGUSR1 blocked, then sent: the waits find it pending. */
static void waits(void)
{
    sigset_t set;
    struct ts zero = { 0, 0 }, badns = { 0, 2000000000 }, neg = { -1, 0 };
    memset(&set, 0, sizeof set);
    set.__bits[0] = 1u << (SIGUSR2 - 1);
    outv("sigwait-set-kernel", __sys2(F_SIGWAIT, bad.kernel, bad.page));
    out("sigtimedwait-set-kernel", __sys3(F_SIGTIMEDWAIT, bad.kernel, 0, &zero));
    out("sigtimedwait-timeout-kernel", __sys3(F_SIGTIMEDWAIT, &set, 0, bad.kernel));
    out("sigtimedwait-nothing-pending", __sys3(F_SIGTIMEDWAIT, &set, 0, &zero));
    out("sigtimedwait-bad-nsec", __sys3(F_SIGTIMEDWAIT, &set, 0, &badns));
    out("sigtimedwait-negative-sec", __sys3(F_SIGTIMEDWAIT, &set, 0, &neg));
    out("sigwaitinfo-set-kernel", __sys2(F_SIGWAITINFO, bad.kernel, 0));
    set.__bits[0] = 1u << (SIGUSR1 - 1);
    __sys3(F_SIGPROCMASK, SIG_BLOCK, &set, 0);
    __sys2(F_KILL, __sys0(F_GETPID), SIGUSR1);
    out("sigtimedwait-info-kernel", __sys3(F_SIGTIMEDWAIT, &set, bad.kernel, &zero));
    __sys2(F_KILL, __sys0(F_GETPID), SIGUSR1);
    outv("sigwait-sig-kernel", __sys2(F_SIGWAIT, &set, bad.kernel));
    __sys2(F_KILL, __sys0(F_GETPID), SIGUSR1);
    out("sigtimedwait-pending-bad-nsec", __sys3(F_SIGTIMEDWAIT, &set, bad.page, &badns));
    __sys3(F_SIGPROCMASK, SIG_UNBLOCK, &set, 0);
}

static void sends(void)
{
    long me = __sys0(F_GETPID), tid = 0;
    __sys1(F_THR_SELF, &tid);
    out("kill-sig-129", __sys2(F_KILL, me, 129));
    out("kill-sig-negative", __sys2(F_KILL, me, -1));
    out("kill-no-such-pid", __sys2(F_KILL, 999999, 0));
    out("thr_self-kernel", __sys1(F_THR_SELF, bad.kernel));
    out("thr_self-null", __sys1(F_THR_SELF, 0));
    out("thr_kill-sig-129", __sys2(F_THR_KILL, tid, 129));
    out("thr_kill-no-such-thread", __sys2(F_THR_KILL, 12345678, 0));
    out("sigqueue-pid-0", __sys3(F_SIGQUEUE, 0, SIGUSR1, 0));
    out("sigqueue-sig-200", __sys3(F_SIGQUEUE, me, 200, 0));
}

static void clocks(void)
{
    struct ts badns = { 0, 2000000000 }, tiny = { 0, 1 };
    out("clock_gettime-null", __sys2(F_CLOCK_GETTIME, 0, 0));
    out("clock_gettime-kernel", __sys2(F_CLOCK_GETTIME, 0, bad.kernel));
    out("clock_gettime-edge", __sys2(F_CLOCK_GETTIME, 0, bad.edge));
    out("clock_gettime-misaligned", __sys2(F_CLOCK_GETTIME, 0, bad.odd));
    out("clock_gettime-bad-clock", __sys2(F_CLOCK_GETTIME, 12345, bad.page));
    out("clock_getres-kernel", __sys2(F_CLOCK_GETRES, 0, bad.kernel));
    out("clock_getres-null", __sys2(F_CLOCK_GETRES, 0, 0));
    out("gettimeofday-kernel", __sys2(F_GETTIMEOFDAY, bad.kernel, 0));
    out("gettimeofday-tz-kernel", __sys2(F_GETTIMEOFDAY, 0, bad.kernel));
    out("nanosleep-null", __sys2(F_NANOSLEEP, 0, 0));
    out("nanosleep-kernel", __sys2(F_NANOSLEEP, bad.kernel, 0));
    out("nanosleep-bad-nsec", __sys2(F_NANOSLEEP, &badns, 0));
    out("nanosleep-rem-kernel", __sys2(F_NANOSLEEP, &tiny, bad.kernel));
    outv("clock_nanosleep-kernel", __sys4(F_CLOCK_NANOSLEEP, 0, 0, bad.kernel, 0));
    outv("clock_nanosleep-bad-nsec", __sys4(F_CLOCK_NANOSLEEP, 0, 0, &badns, 0));
    out("setitimer-kernel", __sys3(F_SETITIMER, 0, bad.kernel, 0));
    out("setitimer-bad-which", __sys3(F_SETITIMER, 99, bad.page, 0));
    out("getitimer-kernel", __sys2(F_GETITIMER, 0, bad.kernel));
}

static long child(int code)
{
    long pid = __sys0(F_FORK);
    if (pid == 0)
        __sys1(1 /* exit */, code);
    return pid;
}

static void waiting(void)
{
    long pid = child(3);
    out("wait4-status-kernel", __sys4(F_WAIT4, pid, bad.kernel, 0, 0));
    out("wait4-after-efault", __sys4(F_WAIT4, pid, bad.page, 0, 0));
    pid = child(4);
    out("wait4-rusage-kernel", __sys4(F_WAIT4, pid, bad.page, 0, bad.kernel));
    out("wait4-no-children", __sys4(F_WAIT4, -1, bad.page, 0, 0));
    pid = child(5);
    out("wait6-info-kernel", __sys6(532 /* wait6 */, 0 /* P_PID */, pid, (long)bad.page,
                                    16 /* WEXITED */, 0, (long)bad.kernel));
    out("wait6-after-efault", __sys6(532, 0, pid, (long)bad.page, 16, 0, 0));
}

static void execs(void)
{
    char *argv[] = { "x", 0 }, *badarg[] = { "x", bad.kernel, 0 }, *env[] = { 0 };
    out("execve-path-null", __sys3(F_EXECVE, 0, argv, env));
    out("execve-path-kernel", __sys3(F_EXECVE, bad.kernel, argv, env));
    out("execve-path-no-nul", __sys3(F_EXECVE, bad.nonul, argv, env));
    out("execve-argv-kernel", __sys3(F_EXECVE, "/dev/null", bad.kernel, env));
    out("execve-argv-string-kernel", __sys3(F_EXECVE, "/dev/null", badarg, env));
    out("execve-envp-kernel", __sys3(F_EXECVE, "/dev/null", argv, bad.kernel));
    out("execve-envp-string-kernel", __sys3(F_EXECVE, "/dev/null", argv, badarg));
    memcpy(bad.edge, &argv[0], 8); /* argv[0] fine, argv[1] on the unmapped page */
    out("execve-argv-edge", __sys3(F_EXECVE, "/dev/null", bad.edge, env));
    memset(bad.edge, 0, 8);
    out("execve-missing-file", __sys3(F_EXECVE, "/nonexistent/prog", argv, env));
    out("execve-directory", __sys3(F_EXECVE, "/", argv, env));
}

static void resources(void)
{
    out("getrusage-kernel", __sys2(F_GETRUSAGE, 0, bad.kernel));
    out("getrusage-bad-who", __sys2(F_GETRUSAGE, 99, bad.page));
    out("getrlimit-kernel", __sys2(F_GETRLIMIT, 8, bad.kernel));
    out("getrlimit-bad-resource", __sys2(F_GETRLIMIT, 99, bad.page));
    out("setrlimit-kernel", __sys2(F_SETRLIMIT, 8, bad.kernel));
    out("getresuid-kernel", __sys3(F_GETRESUID, bad.kernel, bad.page, bad.page));
    out("cpuset_getaffinity-huge-size", __sys5(F_CPUSET_GETAFFINITY, 3, 2, -1, 1l << 40, bad.page));
    out("cpuset_getaffinity-kernel", __sys5(F_CPUSET_GETAFFINITY, 3, 2, -1, 128, bad.kernel));
    out("cpuset_getaffinity-edge", __sys5(F_CPUSET_GETAFFINITY, 3, 2, -1, 128, bad.edge));
    out("cpuset_getaffinity-ok", __sys5(F_CPUSET_GETAFFINITY, 3, 2, -1, 128, bad.page));
    out("getrandom-null", __sys3(F_GETRANDOM, 0, 16, 0));
    out("getrandom-kernel", __sys3(F_GETRANDOM, bad.kernel, 16, 0));
    out("getrandom-edge", __sys3(F_GETRANDOM, bad.edge, 16, 0));
    out("getrandom-bad-flags", __sys3(F_GETRANDOM, bad.page, 16, 0x100));
    out("getrandom-ok", __sys3(F_GETRANDOM, bad.odd, 16, 0));
}

int main(void)
{
    hostile_setup();
    sigactions();
    masks();
    altstacks();
    waits();
    sends();
    clocks();
    waiting();
    execs();
    resources();
    printf("survived\n");
    return 0;
}
