/* process.c — process identity, fork, exec and wait. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "syscall.h"

pid_t getpid(void) { return (pid_t)__sys0(SYS_getpid); }
pid_t getppid(void) { return (pid_t)__sys0(SYS_getppid); }
uid_t getuid(void) { return (uid_t)__sys0(SYS_getuid); }
uid_t geteuid(void) { return (uid_t)__sys0(SYS_geteuid); }
gid_t getgid(void) { return (gid_t)__sys0(SYS_getgid); }
gid_t getegid(void) { return (gid_t)__sys0(SYS_getegid); }

/* The child sees rax = 0 (and rdx = 1); the parent the child's pid. */
pid_t fork(void) { return (pid_t)__sc0(SYS_fork); }
int setpgid(pid_t pid, pid_t pgid) { return (int)__sc2(82 /* setpgid */, pid, pgid); }
pid_t getpgrp(void) { return (pid_t)__sys0(81 /* getpgrp */); }

int execve(const char *path, char *const argv[], char *const envp[])
{
    return (int)__sc3(SYS_execve, path, argv, envp);
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

int execvp(const char *file, char *const argv[])
{
    if (strchr(file, '/'))
        return execv(file, argv);
    const char *path = NULL;
    for (char **e = environ; e && *e; e++)
        if (!strncmp(*e, "PATH=", 5))
            path = *e + 5;
    if (!path)
        path = "/bin:/usr/bin";
    int err = ENOENT;
    while (*path) {
        size_t dlen = strcspn(path, ":"), flen = strlen(file);
        char full[PATH_MAX];
        if (dlen + flen + 2 <= sizeof full) {
            memcpy(full, path, dlen);
            full[dlen] = '/';
            memcpy(full + dlen + 1, file, flen + 1);
            execv(dlen ? full : file, argv);
            if (errno != ENOENT && errno != ENOTDIR)
                err = errno;
        }
        path += dlen + (path[dlen] == ':');
    }
    errno = err;
    return -1;
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    return (pid_t)__sc4(SYS_wait4, pid, status, options, ru);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
    return wait4(-1, status, 0, NULL);
}
