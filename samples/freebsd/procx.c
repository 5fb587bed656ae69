/* procx.c — process-level robustness: a thread other than the main one
 * ends the process with exit(), children die of signals they send
 * themselves, many children are forked and reaped, an exec of a missing
 * file fails with ENOENT, a program of the same system and a host program
 * (/bin/echo) are executed, a stack overflow reaches its SIGSEGV handler
 * on the alternate stack, and a fault with every signal blocked still
 * kills. Portable C.
 *
 *   procx HELLO           the whole tour; HELLO is the hello sample of the
 *                         same system, run by exec
 *   procx die SIGNAME     kill the process itself with that signal
 *   procx fault | trap    a write to NULL / an int3, with no handler
 *   procx overflow        a stack overflow with a SIGSEGV handler but no
 *                         alternate stack: no room for the signal frame */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"

static const int deadly[] = { SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
                              SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM,
                              SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS };
#define NDEADLY (sizeof deadly / sizeof deadly[0])

static const char *outcome(int st)
{
    static char b[64];
    if (WIFEXITED(st))
        snprintf(b, sizeof b, "exit %d", WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        snprintf(b, sizeof b, "killed by %s", signame(WTERMSIG(st)));
    else
        snprintf(b, sizeof b, "status %#x", st);
    return b;
}

/* Run FN in a child; return how the child ended. */
static const char *in_child(void (*fn)(void))
{
    int st = 0;
    pid_t c = fork();
    if (c == 0) {
        fn();
        _exit(99);
    }
    waitpid(c, &st, 0);
    return outcome(st);
}

static void *exiting_thread(void *arg)
{
    (void)arg;
    exit(7);
}

static void exit_from_thread(void)
{
    pthread_t t;
    pthread_create(&t, NULL, exiting_thread, NULL);
    for (;;)
        pause();
}

static void self_signals(void)
{
    for (size_t i = 0; i < NDEADLY; i++) {
        int st = 0;
        pid_t c = fork();
        if (c == 0) {
            kill(getpid(), deadly[i]);
            _exit(99);
        }
        waitpid(c, &st, 0);
        printf("kill(self, %s): %s\n", signame(deadly[i]), outcome(st));
    }
}

static void many_children(void)
{
    enum { N = 200 };
    long sum = 0, reaped = 0;
    for (int i = 0; i < N; i++)
        if (fork() == 0)
            _exit(i & 0x7f);
    int st;
    while (wait(&st) > 0) {
        reaped++;
        sum += WIFEXITED(st) ? WEXITSTATUS(st) : 1000;
    }
    printf("forked %d children: reaped %ld, exit codes sum to %ld\n", N, reaped, sum);
}

static void execs(const char *hello)
{
    char *missing[] = { "missing", NULL };
    int r = execv("/nonexistent/dir/prog", missing);
    printf("exec of a missing file: %d %s\n", r, errname(errno));
    char *hargv[] = { "hello", "17", NULL };
    char *eargv[] = { "echo", "a host program, run by exec", NULL };
    int st = 0;
    pid_t c = fork();
    if (c == 0) {
        execv(hello, hargv);
        _exit(98);
    }
    waitpid(c, &st, 0);
    printf("exec of hello: %s\n", outcome(st));
    if ((c = fork()) == 0) {
        execv("/bin/echo", eargv);
        _exit(98);
    }
    waitpid(c, &st, 0);
    printf("exec of /bin/echo: %s\n", outcome(st));
}

static char *altstack;

static void on_overflow(int sig)
{
    char here;
    int on_alt = &here > altstack && &here < altstack + 65536;
    const char *m = sig == SIGSEGV && on_alt ? "SIGSEGV handled on the alternate stack\n"
                                              : "wrong signal or stack\n";
    if (write(1, m, strlen(m)) < 0)
        _exit(3);
    _exit(0);
}

static volatile uintptr_t depth, forever = 1;

static void recurse(void)
{
    volatile char pad[1024];
    pad[0] = (char)depth++;
    if (forever)
        recurse();
    pad[1] = pad[0];
}

static void stack_overflow(void)
{
    static char mem[65536] __attribute__((aligned(16)));
    altstack = mem;
    stack_t ss;
    memset(&ss, 0, sizeof ss); /* the field order differs between systems */
    ss.ss_sp = mem;
    ss.ss_size = sizeof mem;
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_overflow;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    recurse();
}

static volatile uintptr_t null_target = 0;

static void fault_all_blocked(void)
{
    sigset_t all;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_overflow;
    sigaction(SIGSEGV, &sa, NULL); /* a handler, but blocked */
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    *(volatile int *)null_target = 1;
}

static void fpe_all_blocked(void)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    volatile int zero = 0, one = 1;
    printf("%d\n", one / zero);
}

static int die(const char *name)
{
    for (size_t i = 0; i < NDEADLY; i++)
        if (!strcmp(signame(deadly[i]), name))
            kill(getpid(), deadly[i]);
    return 99;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 2 && !strcmp(argv[1], "die"))
        return die(argv[2]);
    if (argc > 1 && !strcmp(argv[1], "fault")) /* no handler: the fault kills */
        *(volatile int *)null_target = 1;
    if (argc > 1 && !strcmp(argv[1], "trap")) /* int3 does not repeat when resumed */
        __asm__ volatile("int3");
    if (argc > 1 && !strcmp(argv[1], "overflow")) { /* a handler, but no alternate stack */
        signal(SIGSEGV, on_overflow);
        recurse();
    }
    if (argc > 1 && (!strcmp(argv[1], "fault") || !strcmp(argv[1], "trap")))
        return 99;
    printf("exit(7) from a second thread: %s\n", in_child(exit_from_thread));
    self_signals();
    many_children();
    execs(argc > 1 ? argv[1] : "/nonexistent");
    printf("stack overflow: %s\n", in_child(stack_overflow));
    printf("SIGSEGV with every signal blocked: %s\n", in_child(fault_all_blocked));
    printf("SIGFPE with every signal blocked: %s\n", in_child(fpe_all_blocked));
    return 0;
}
