/* system.c — running commands: system/_wsystem and _popen/_wpopen/
 * _pclose. Windows hands the command to cmd.exe /c; here it goes to the
 * host's /bin/sh -c, so a command is a host command line (documented in
 * libs-shim/win32/msvcrt/README.md). system(NULL) reports whether a command processor
 * exists; system returns the command's exit status. As on Windows,
 * system does not flush the caller's streams. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../unicode.h"
#include "stream.h"

#define SHELL "/bin/sh"

static int status_of(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return 128 + WTERMSIG(st);
}

static int WINAPI w32_system(const char *cmd)
{
    if (!cmd)
        return access(SHELL, X_OK) == 0;
    pid_t pid = fork();
    if (pid < 0)
        return crt_fail_errno();
    if (pid == 0) {
        execl(SHELL, "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return crt_fail_errno();
    return status_of(st);
}

static int WINAPI w32__wsystem(const WCHAR *cmd)
{
    if (!cmd)
        return w32_system(NULL);
    char *u = w32_wide_to_utf8(cmd);
    int r = u ? w32_system(u) : crt_fail(MS_ENOMEM);
    free(u);
    return r;
}

/* _popen: a stream on a pipe to (mode "r") or from ("w") the command. */
static MS_FILE *popen_cmd(const char *cmd, const char *mode)
{
    struct fmode m;
    int fds[2];
    if (!cmd || crt_parse_fmode(mode, &m) < 0 || m.can_read == m.can_write)
        return crt_invalid("_popen", MS_EINVAL), NULL;
    if (pipe2(fds, O_CLOEXEC) < 0)
        return crt_fail_errno(), NULL;
    int mine = m.can_read ? fds[0] : fds[1], theirs = m.can_read ? fds[1] : fds[0];
    pid_t pid = fork();
    if (pid == 0) {
        dup2(theirs, m.can_read ? 1 : 0);
        execl(SHELL, "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(theirs);
    if (pid < 0) {
        close(mine);
        return crt_fail_errno(), NULL;
    }
    crt_fd_opened(mine, m.oflags, NULL);
    MS_FILE *f = crt_stream_new(mine, &m);
    if (!f) {
        close(mine);
        return NULL;
    }
    crt_x(f)->child = pid;
    return f;
}

static MS_FILE *WINAPI w32__popen(const char *cmd, const char *mode) { return popen_cmd(cmd, mode); }

static MS_FILE *WINAPI w32__wpopen(const WCHAR *cmd, const WCHAR *mode)
{
    char *c = w32_wide_to_utf8(cmd), *m = w32_wide_to_utf8(mode);
    MS_FILE *f = popen_cmd(c, m);
    free(c);
    free(m);
    return f;
}

static int WINAPI w32__pclose(MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s || !s->child)
        return crt_invalid("_pclose", MS_EINVAL), -1;
    pid_t pid = s->child;
    crt_stream_close(f, 1);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return crt_fail_errno();
    return status_of(st);
}

#define SYSTEM_EXPORTS \
    EXPORT(system, "s:i"), EXPORT(_wsystem, "w:i"), EXPORT(_popen, "ss:p"), EXPORT(_wpopen, "ww:p"), \
    EXPORT(_pclose, "p:i")

W32_EXPORTS(msvcrt) = { SYSTEM_EXPORTS };
W32_EXPORTS(ucrtbase) = { SYSTEM_EXPORTS };
