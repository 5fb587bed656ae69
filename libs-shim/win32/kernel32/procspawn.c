/* procspawn.c — CreateProcessA/W (and WinExec). The program is found as
 * procsearch.c describes; a Windows or FreeBSD program runs as
 * "/proc/self/exe run --argv0 ARGV0 FILE ARGS…" (this same xeno), a host
 * program directly. The command line is split with the Windows rules
 * into the host argv; a xeno child also gets the exact command line.
 * Standard handles come from STARTUPINFO (STARTF_USESTDHANDLES) or are
 * this process's; with bInheritHandles every inheritable file handle
 * stays open in the child at the same handle value (XENO_W32_HANDLES).
 * Every other descriptor is closed on exec. CREATE_SUSPENDED holds the
 * child before exec until ResumeThread of its primary thread;
 * CREATE_NEW_PROCESS_GROUP gives it its own process group (for
 * GenerateConsoleCtrlEvent). The full 32-bit exit code comes back
 * through a pipe (see procobj.c). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "cmdsplit.h"
#include "fileobj.h"
#include "k32.h"
#include "pathres.h"
#include "procattr.h"
#include "procsearch.h"

#define CREATE_SUSPENDED 0x4
#define DETACHED_PROCESS 0x8
#define CREATE_NEW_PROCESS_GROUP 0x200
#define CREATE_UNICODE_ENVIRONMENT 0x400
#define EXTENDED_STARTUPINFO_PRESENT 0x80000
#define STARTF_USESTDHANDLES 0x100
#define MAX_INHERIT 256

typedef struct {
    DWORD cb;
    PVOID lpReserved, lpDesktop, lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
    WORD wShowWindow, cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
    PVOID lpAttributeList; /* STARTUPINFOEX, with EXTENDED_STARTUPINFO_PRESENT */
} STARTUPINFO;

typedef struct {
    HANDLE hProcess, hThread;
    DWORD dwProcessId, dwThreadId;
} PROCESS_INFORMATION;

/* Everything the child needs, prepared before fork (after fork only
 * async-signal-safe calls are made). */
struct spawn {
    char host[PATH_MAX];
    int kind;
    char **argv, **envp;
    int std_fd[3];                 /* -1: /dev/null */
    HANDLE std_value[3];
    struct { HANDLE value; int fd; DWORD access; } inh[MAX_INHERIT];
    int ninh;
    char cwd[PATH_MAX];
    int has_cwd;
    DWORD flags;
    int exit_pipe[2], gate[2], err_pipe[2];
};

/* ---- preparation ---- */
static void collect_inherit(HANDLE h, struct w32_object *o, int flags, void *ctx)
{
    struct spawn *s = ctx;
    if (o->type != W32_H_FILE || !(flags & W32_HANDLE_FLAG_INHERIT) || s->ninh >= MAX_INHERIT)
        return;
    struct w32_file *f = (struct w32_file *)o;
    s->inh[s->ninh].value = h;
    s->inh[s->ninh].fd = f->fd;
    s->inh[s->ninh].access = f->access;
    s->ninh++;
}

/* PROC_THREAD_ATTRIBUTE_HANDLE_LIST: inherit only the handles listed. */
static void keep_only(struct spawn *s, const HANDLE *only, size_t n)
{
    int k = 0;
    for (int i = 0; i < s->ninh; i++)
        for (size_t j = 0; j < n; j++)
            if (only[j] == s->inh[i].value) {
                s->inh[k++] = s->inh[i];
                break;
            }
    s->ninh = k;
}

static int fd_of(HANDLE h)
{
    struct w32_file *f = h && h != INVALID_HANDLE_VALUE ? w32_file_get(h) : NULL;
    if (!f)
        return -1;
    int fd = f->fd;
    w32_obj_put(&f->o);
    return fd;
}

static void set_std(struct spawn *s, const STARTUPINFO *si)
{
    int use = si && (si->dwFlags & STARTF_USESTDHANDLES);
    HANDLE hs[3] = { use ? si->hStdInput : k32_std_handle(0), use ? si->hStdOutput : k32_std_handle(1),
                     use ? si->hStdError : k32_std_handle(2) };
    for (int i = 0; i < 3; i++) {
        s->std_value[i] = hs[i];
        s->std_fd[i] = (s->flags & DETACHED_PROCESS) && !use ? -1 : fd_of(hs[i]);
    }
}

/* A growing NULL-terminated string array. */
static int push(char ***v, size_t *n, char *s)
{
    char **nv = realloc(*v, (*n + 2) * sizeof *nv);
    if (!nv || !s) {
        free(s);
        if (nv)
            *v = nv;
        return 0;
    }
    nv[(*n)++] = s;
    nv[*n] = NULL;
    *v = nv;
    return 1;
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    va_list ap;
    char *r = NULL;
    va_start(ap, f);
    if (vasprintf(&r, f, ap) < 0)
        r = NULL;
    va_end(ap);
    return r;
}

/* The environment: the block given (UTF-16 or ANSI) or ours, plus, for
 * a xeno child, the drive mapping and what startup.c consumes. */
static char **make_env(struct spawn *s, const void *block, int unicode, const char *cmdline)
{
    char **v = NULL;
    size_t n = 0;
    if (block) {
        for (const char *p = block; unicode ? *(const WCHAR *)p : *p;) {
            char *e = unicode ? w32_wide_to_utf8((const WCHAR *)p) : strdup(p);
            p += unicode ? (w32_wcslen((const WCHAR *)p) + 1) * 2 : strlen(p) + 1;
            if (!push(&v, &n, e))
                return v;
        }
    } else {
        char **l = w32_env_list();
        for (size_t i = 0; l && l[i]; i++)
            push(&v, &n, strdup(l[i]));
        w32_env_free(l);
    }
    if (!v)
        v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    if (s->kind != K32_RUN_XENO)
        return v;
    for (char l = 'A'; l <= 'Z'; l++) {
        const char *root = l == 'Z' ? NULL : w32_drive_root(l);
        if (root)
            push(&v, &n, fmt("XENO_DRIVE_%c=%s", l, root));
    }
    push(&v, &n, fmt("XENO_W32_EXIT_FD=%d", s->exit_pipe[1]));
    push(&v, &n, fmt("XENO_W32_CMDLINE=%s", cmdline));
    push(&v, &n, fmt("XENO_W32_STD=%lx,%lx,%lx", (unsigned long)(uintptr_t)s->std_value[0],
                     (unsigned long)(uintptr_t)s->std_value[1], (unsigned long)(uintptr_t)s->std_value[2]));
    size_t cap = (size_t)s->ninh * 40 + 32, o = 0;
    char *h = malloc(cap);
    if (h) {
        o = (size_t)snprintf(h, cap, "XENO_W32_HANDLES=");
        for (int i = 0; i < s->ninh; i++)
            o += (size_t)snprintf(h + o, cap - o, "%lx:%d:%lx;", (unsigned long)(uintptr_t)s->inh[i].value,
                                  s->inh[i].fd, (unsigned long)s->inh[i].access);
        push(&v, &n, h);
    }
    return v;
}

static char **make_argv(struct spawn *s, const char *cmdline)
{
    int argc;
    char **split = k32_split_cmdline(cmdline, &argc);
    char **v = NULL;
    size_t n = 0;
    if (!split)
        return NULL;
    if (s->kind == K32_RUN_XENO) {
        push(&v, &n, strdup("xeno"));
        push(&v, &n, strdup("run"));
        push(&v, &n, strdup("--argv0"));
        push(&v, &n, strdup(argc ? split[0] : s->host));
        push(&v, &n, strdup(s->host));
    } else {
        push(&v, &n, strdup(argc ? split[0] : s->host));
    }
    for (int i = 1; i < argc; i++)
        push(&v, &n, strdup(split[i]));
    free(split);
    return v;
}

static void free_strv(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* ---- the child, between fork and exec ---- */
static void child_fail(struct spawn *s)
{
    int e = errno;
    if (write(s->err_pipe[1], &e, sizeof e) < 0) { /* nothing more to tell */ }
    _exit(127);
}

static void child(struct spawn *s, const char *exe)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    if (s->flags & CREATE_NEW_PROCESS_GROUP)
        setpgid(0, 0);
    int tmp[3];
    for (int i = 0; i < 3; i++)
        tmp[i] = s->std_fd[i] >= 0 ? fcntl(s->std_fd[i], F_DUPFD_CLOEXEC, 3)
                                   : open("/dev/null", i ? O_WRONLY | O_CLOEXEC : O_RDONLY | O_CLOEXEC);
    for (int i = 0; i < 3; i++)
        if (tmp[i] < 0 || dup2(tmp[i], i) < 0)
            child_fail(s);
    if (syscall(SYS_close_range, 3, ~0u, 4 /* CLOSE_RANGE_CLOEXEC */) < 0)
        for (int fd = 3; fd < 1024; fd++)
            fcntl(fd, F_SETFD, FD_CLOEXEC);
    for (int i = 0; i < s->ninh; i++)
        fcntl(s->inh[i].fd, F_SETFD, 0);
    if (s->kind == K32_RUN_XENO)
        fcntl(s->exit_pipe[1], F_SETFD, 0);
    if (s->has_cwd && chdir(s->cwd) < 0)
        child_fail(s);
    if (s->flags & CREATE_SUSPENDED) {
        char go;
        while (read(s->gate[0], &go, 1) < 0 && errno == EINTR)
            ;
    }
    execve(exe, s->argv, s->envp);
    child_fail(s);
}

/* ---- the parent ---- */
static DWORD prepare(struct spawn *s, const char *app, const char *cmdline, BOOL inherit, DWORD flags,
                     const void *env, const char *cwd, const STARTUPINFO *si)
{
    DWORD e = k32_find_program(app, cmdline, s->host);
    if (e)
        return e;
    if ((s->kind = k32_program_kind(s->host)) == K32_RUN_BAD)
        return ERROR_BAD_EXE_FORMAT;
    if (cwd) {
        struct stat st;
        if (k32_host_path(cwd, s->cwd, sizeof s->cwd, 0) || stat(s->cwd, &st) < 0 || !S_ISDIR(st.st_mode))
            return ERROR_DIRECTORY;
        s->has_cwd = 1;
    }
    s->flags = flags;
    const HANDLE *only = NULL;
    size_t nonly = 0;
    if (inherit)
        w32_handle_foreach(collect_inherit, s);
    if (inherit && (flags & EXTENDED_STARTUPINFO_PRESENT) && si &&
        k32_attr_handle_list(si->lpAttributeList, &only, &nonly))
        keep_only(s, only, nonly);
    set_std(s, si);
    s->exit_pipe[0] = s->exit_pipe[1] = s->gate[0] = s->gate[1] = s->err_pipe[0] = s->err_pipe[1] = -1;
    if (pipe2(s->exit_pipe, O_CLOEXEC) < 0 || pipe2(s->err_pipe, O_CLOEXEC) < 0 ||
        ((flags & CREATE_SUSPENDED) && pipe2(s->gate, O_CLOEXEC) < 0))
        return ERROR_TOO_MANY_OPEN_FILES;
    s->argv = make_argv(s, cmdline);
    s->envp = make_env(s, env, flags & CREATE_UNICODE_ENVIRONMENT, cmdline);
    return s->argv && s->envp ? 0 : ERROR_NOT_ENOUGH_MEMORY;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static void cleanup(struct spawn *s)
{
    close_fd(&s->exit_pipe[0]), close_fd(&s->exit_pipe[1]);
    close_fd(&s->gate[0]), close_fd(&s->gate[1]);
    close_fd(&s->err_pipe[0]), close_fd(&s->err_pipe[1]);
    free_strv(s->argv);
    free_strv(s->envp);
    free(s);
}

/* Fork and exec; returns the child's pid, or -1 with *E set. */
static int launch(struct spawn *s, DWORD *e)
{
    char exe[PATH_MAX];
    if (s->kind == K32_RUN_XENO) {
        ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[l > 0 ? l : 0] = 0;
    } else {
        snprintf(exe, sizeof exe, "%s", s->host);
    }
    int pid = fork();
    if (pid == 0)
        child(s, exe);
    if (pid < 0) {
        *e = w32_error_from_errno(errno);
        return -1;
    }
    close_fd(&s->exit_pipe[1]);
    close_fd(&s->gate[0]);
    close_fd(&s->err_pipe[1]);
    int err;
    ssize_t n = 0;
    /* A suspended child execs only once resumed: its exec cannot be
     * waited for here (should it fail, the child exits with 127). */
    while (!(s->flags & CREATE_SUSPENDED) && (n = read(s->err_pipe[0], &err, sizeof err)) < 0 && errno == EINTR)
        ;
    if (n == sizeof err) { /* exec failed: the child is gone */
        waitpid(pid, NULL, 0);
        *e = err == ENOENT ? ERROR_FILE_NOT_FOUND : err == ENOEXEC ? ERROR_BAD_EXE_FORMAT
           : err == ENOTDIR ? ERROR_DIRECTORY : w32_error_from_errno(err);
        return -1;
    }
    return pid;
}

static HANDLE thread_for(struct w32_process_obj *p, int pid, int suspended)
{
    struct w32_thread_obj *t = calloc(1, sizeof *t);
    if (!t || !k32_suspend_init_thread(t, suspended)) {
        free(t);
        return NULL;
    }
    k32_thread_obj_init(t, 1);
    t->is_remote = 1;
    t->tid = (DWORD)pid;
    t->proc = p;
    w32_obj_ref(&p->o);
    HANDLE h = w32_handle_new(&t->o);
    if (!h)
        t->o.destroy(&t->o);
    return h;
}

static BOOL create_process(const char *app, const char *cmdline, const SECURITY_ATTRIBUTES *psa,
                           const SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags, const void *env,
                           const char *cwd, const STARTUPINFO *si, PROCESS_INFORMATION *pi)
{
    struct spawn *s = calloc(1, sizeof *s);
    char *line = cmdline ? strdup(cmdline) : app ? fmt("\"%s\"", app) : NULL;
    DWORD e = !s || !line ? ERROR_NOT_ENOUGH_MEMORY : 0;
    if (!e)
        e = prepare(s, app, line, inherit, flags, env, cwd, si);
    int pid = e ? -1 : launch(s, &e);
    free(line);
    if (pid < 0) {
        if (s)
            cleanup(s);
        w32_set_last_error(e);
        return FALSE;
    }
    struct w32_process_obj *p = k32_process_new_child(pid, s->exit_pipe[0], s->gate[1]);
    s->exit_pipe[0] = s->gate[1] = -1; /* the process object owns them */
    cleanup(s);
    if (!p) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    PROCESS_INFORMATION r = { NULL, NULL, k32_win_pid(pid), (DWORD)pid };
    r.hProcess = k32_handle_for(&p->o, psa);
    r.hThread = thread_for(p, pid, !!(flags & CREATE_SUSPENDED));
    if (r.hThread && tsa && tsa->bInheritHandle)
        w32_handle_set_flags(r.hThread, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    if (!k32_copy_out(pi, &r, sizeof r)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    w32_set_last_error(ERROR_SUCCESS);
    return TRUE;
}

static BOOL WINAPI w32_CreateProcessA(LPCSTR app, LPSTR cmd, const SECURITY_ATTRIBUTES *psa,
                                      const SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags, PVOID env,
                                      LPCSTR cwd, const STARTUPINFO *si, PROCESS_INFORMATION *pi)
{
    return create_process(app, cmd, psa, tsa, inherit, flags, env, cwd, si, pi);
}

static BOOL WINAPI w32_CreateProcessW(LPCWSTR app, LPWSTR cmd, const SECURITY_ATTRIBUTES *psa,
                                      const SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags, PVOID env,
                                      LPCWSTR cwd, const STARTUPINFO *si, PROCESS_INFORMATION *pi)
{
    char *a = w32_wide_to_utf8(app), *c = w32_wide_to_utf8(cmd), *d = w32_wide_to_utf8(cwd);
    /* the ANSI environment of a W call is still ANSI (UTF-8 here) */
    BOOL r = create_process(a, c, psa, tsa, inherit, flags, env, d, si, pi);
    free(a), free(c), free(d);
    return r;
}

static UINT WINAPI w32_WinExec(LPCSTR cmd, UINT show)
{
    (void)show;
    STARTUPINFO si = { .cb = sizeof si };
    PROCESS_INFORMATION pi;
    if (!create_process(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        DWORD e = w32_get_last_error();
        return e == ERROR_FILE_NOT_FOUND ? 2 : e == ERROR_PATH_NOT_FOUND ? 3 : e == ERROR_BAD_EXE_FORMAT ? 11 : 0;
    }
    w32_handle_close(pi.hThread);
    w32_handle_close(pi.hProcess);
    return 33;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateProcessA, "ssppiupspp:i"),
    EXPORT(CreateProcessW, "wwppiupwpp:i"),
    EXPORT(WinExec, "su:u"),
};
