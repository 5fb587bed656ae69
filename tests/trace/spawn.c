/* spawn.c — process and signal events for the libxeno-preload.so tests
 * (tests/integration/preload.sh): a vfork child that execs, a
 * posix_spawn'ed program, a forked child that runs a signal handler, a
 * handler of its own, and exit codes passed back. What it prints does not
 * depend on being intercepted. */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
    caught = sig;
}

static int status_of(pid_t pid)
{
    int st = 0;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(int argc, char **argv)
{
    const char *sh = argc > 1 ? argv[1] : "/bin/sh";
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t pid = vfork();
    if (pid == 0) {
        execl(sh, "sh", "-c", "exit 3", (char *)NULL);
        _exit(127);
    }
    printf("vfork + exec: exit %d\n", status_of(pid));
    char *args[] = { "sh", "-c", "exit 4", NULL };
    if (posix_spawn(&pid, sh, NULL, NULL, args, environ) != 0)
        return 1;
    printf("posix_spawn: exit %d\n", status_of(pid));
    pid = fork();
    if (pid == 0) {
        signal(SIGUSR1, on_usr1);
        raise(SIGUSR1);
        _exit(caught == SIGUSR1 ? 5 : 6);
    }
    printf("fork + handler: exit %d\n", status_of(pid));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    kill(getpid(), SIGUSR1);
    printf("own handler ran: %s\n", caught == SIGUSR1 ? "yes" : "no");
    pid = fork();
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        raise(SIGTERM);
        _exit(0);
    }
    printf("child killed: status %d\n", status_of(pid));
    return 7;
}
