/* procs.c — processes: fork and wait status (exit code, killed by a
 * signal, reported by name), getppid in the child, WNOHANG on a running
 * child, execve/execv/execvp of the host's /bin/sh (under xeno a host
 * program runs natively), exec errors, ECHILD. The parent flushes
 * stdout before each fork and prints only after the child is reaped, so
 * the output order is fixed. Exit status 0, or 1 on a failed step.
 * Portable C. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"

extern char **environ;
static int failed;

static pid_t spawn(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        printf("fork: %s\n", errname(errno));
        exit(1);
    }
    return pid;
}

static void report(const char *what, pid_t pid)
{
    int status;
    pid_t r = waitpid(pid, &status, 0);
    if (r != pid) {
        printf("%s: waitpid %s\n", what, errname(errno));
        failed = 1;
    } else if (WIFEXITED(status)) {
        printf("%s: exited with %d\n", what, WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        printf("%s: killed by %s\n", what, signame(WTERMSIG(status)));
    } else {
        printf("%s: other status\n", what);
    }
}

static void exec_child(const char *how)
{
    char *sh_argv[] = { "sh", "-c", "echo hello from sh; exit 3", NULL };
    char *env_argv[] = { "sh", "-c", "echo \"XENO_PROC_VAR=$XENO_PROC_VAR\"", NULL };
    char *path_argv[] = { "sh", "-c", "echo found through PATH", NULL };
    char *env[] = { "XENO_PROC_VAR=42", "PATH=/usr/bin:/bin", NULL };
    char *missing[] = { "nothing", NULL };
    if (!strcmp(how, "execve"))
        execve("/bin/sh", sh_argv, environ);
    else if (!strcmp(how, "env"))
        execve("/bin/sh", env_argv, env);
    else if (!strcmp(how, "execvp"))
        execvp("sh", path_argv);
    else
        execv("/nonexistent/program", missing);
    printf("%s failed: %s\n", how, errname(errno));
    fflush(stdout);
    _exit(127);
}

int main(void)
{
    pid_t me = getpid();
    printf("getpid > 0: %s, getppid > 0: %s\n", yesno(me > 0), yesno(getppid() > 0));

    pid_t pid = spawn();
    if (pid == 0)
        _exit(7);
    report("child calling _exit(7)", pid);

    if ((pid = spawn()) == 0)
        _exit(getppid() == me ? 0 : 1);
    report("child checking getppid (0 = matches)", pid);

    if ((pid = spawn()) == 0) {
        kill(getpid(), SIGTERM);
        _exit(0);
    }
    report("child sending itself SIGTERM", pid);

    int fds[2];
    failed |= pipe(fds) < 0;
    if ((pid = spawn()) == 0) {
        char c;
        close(fds[1]);
        _exit(read(fds[0], &c, 1) == 0 ? 5 : 6);
    }
    close(fds[0]);
    int status;
    printf("WNOHANG while the child runs: %d\n", (int)waitpid(pid, &status, WNOHANG));
    close(fds[1]);
    report("child waiting for EOF", pid);

    const char *how[] = { "execve", "env", "execvp", "execv" };
    for (int i = 0; i < 4; i++) {
        if ((pid = spawn()) == 0)
            exec_child(how[i]);
        report(how[i], pid);
    }
    printf("waitpid with no children: %s\n", waitpid(-1, &status, WNOHANG) < 0 ? errname(errno) : "ok");
    printf("wait with no children: %s\n", wait(&status) < 0 ? errname(errno) : "ok");
    return failed;
}
