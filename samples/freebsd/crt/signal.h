/* signal.h — FreeBSD signal numbers, the 128-bit sigset_t, struct
 * sigaction { handler, int flags, sigset_t mask } and siginfo_t
 * (sys/sys/signal.h, sys/sys/_sigset.h). */
#ifndef CRT_SIGNAL_H
#define CRT_SIGNAL_H
#include <sys/types.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGEMT 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGBUS 10
#define SIGSEGV 11
#define SIGSYS 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGURG 16
#define SIGSTOP 17
#define SIGTSTP 18
#define SIGCONT 19
#define SIGCHLD 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGIO 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGINFO 29
#define SIGUSR1 30
#define SIGUSR2 31
#define SIGTHR 32
#define SIGRTMIN 65
#define SIGRTMAX 126
#define NSIG 32

typedef void (*sighandler_t)(int);
typedef int sig_atomic_t;
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

typedef struct {
    uint32_t __bits[4];             /* signal s is bit (s - 1) */
} sigset_t;

union sigval {
    int sival_int;
    void *sival_ptr;
};

typedef struct __siginfo {
    int si_signo;                   /* 0 */
    int si_errno;                   /* 4 */
    int si_code;                    /* 8 */
    pid_t si_pid;                   /* 12 */
    uid_t si_uid;                   /* 16 */
    int si_status;                  /* 20 */
    void *si_addr;                  /* 24 */
    union sigval si_value;          /* 32 */
    union {
        struct { int _trapno; } _fault;
        struct { int _timerid, _overrun; } _timer;
        struct { long _band; } _poll;
        struct { long __spare1; int __spare2[7]; } __spare;
    } _reason;                      /* 40 .. 80 */
} siginfo_t;
_Static_assert(sizeof(siginfo_t) == 80, "FreeBSD siginfo_t is 80 bytes");

struct sigaction {
    union {
        void (*__sa_handler)(int);
        void (*__sa_sigaction)(int, siginfo_t *, void *);
    } __sigaction_u;                /* 0 */
    int sa_flags;                   /* 8 */
    sigset_t sa_mask;               /* 12 */
};
_Static_assert(sizeof(struct sigaction) == 32, "FreeBSD struct sigaction is 32 bytes");
#define sa_handler __sigaction_u.__sa_handler
#define sa_sigaction __sigaction_u.__sa_sigaction

typedef struct sigaltstack {
    void *ss_sp;
    size_t ss_size;
    int ss_flags;
} stack_t;

#define SA_ONSTACK 0x0001
#define SA_RESTART 0x0002
#define SA_RESETHAND 0x0004
#define SA_NOCLDSTOP 0x0008
#define SA_NODEFER 0x0010
#define SA_NOCLDWAIT 0x0020
#define SA_SIGINFO 0x0040
#define SS_ONSTACK 0x0001
#define SS_DISABLE 0x0004
#define MINSIGSTKSZ 2048
#define SIGSTKSZ (MINSIGSTKSZ + 32768)
#define SIG_BLOCK 1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3

#define SI_NOINFO 0
#define SI_USER 0x10001
#define SI_QUEUE 0x10002
#define SI_TIMER 0x10003
#define SI_KERNEL 0x10006
#define ILL_ILLOPC 1
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define FPE_INTDIV 2
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int kill(pid_t pid, int sig);
int raise(int sig);
struct timespec;
int sigwait(const sigset_t *set, int *sig);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigqueue(pid_t pid, int sig, const union sigval value);

#endif
