/* spawn.c — _spawn* and _exec*: another program started through
 * kernel32's CreateProcessW (found in the export table, so a Windows
 * program runs under xeno and a host program natively, as kernel32
 * decides). As Microsoft's CRT does, the arguments are joined with single
 * spaces and not quoted; the p forms search the current directory and
 * PATH, trying .com, .exe, .bat and .cmd for a name without extension;
 * the e forms pass an environment. Modes: _P_WAIT (0) returns the exit
 * code, _P_NOWAIT/_P_NOWAITO (1, 3) the process handle (for _cwait),
 * _P_OVERLAY (2, and every _exec) ends the caller after starting the new
 * program, _P_DETACH (4) returns 0. Streams are not flushed: Microsoft
 * documents that the caller must flush them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../handles.h"
#include "../process.h"
#include "../registry.h"
#include "../unicode.h"
#include "crt.h"

typedef __builtin_ms_va_list ms_va_list;

typedef struct {
    DWORD cb;
    void *reserved, *desktop, *title;
    DWORD x, y, xsize, ysize, xchars, ychars, fill, flags;
    WORD show, reserved2;
    void *reserved3;
    HANDLE in, out, err;
} startupinfo;
typedef struct { HANDLE process, thread; DWORD pid, tid; } procinfo;
typedef BOOL (WINAPI *create_fn)(const WCHAR *, WCHAR *, void *, void *, BOOL, DWORD, void *, const WCHAR *,
                                 startupinfo *, procinfo *);
typedef DWORD (WINAPI *wait_fn)(HANDLE, DWORD);
typedef BOOL (WINAPI *exitcode_fn)(HANDLE, DWORD *);

#define CREATE_UNICODE_ENVIRONMENT 0x400
#define INFINITE 0xffffffffu

static void *k32(const char *name)
{
    struct w32_dll *d = w32_find_dll("kernel32.dll");
    const struct w32_export *e = d ? w32_find_export(d, name, 0) : NULL;
    return e ? e->addr : NULL;
}

static int exists(const char *win)
{
    char host[PATH_MAX];
    return crt_host_path(win, host, sizeof host) == 0 && access(host, F_OK) == 0;
}

/* NAME, or NAME plus an executable extension, in DIR ("" for as given). */
static char *try_dir(const char *dir, const char *name)
{
    static const char *const ext[] = { "", ".com", ".exe", ".bat", ".cmd" };
    const char *base = strrchr(name, '\\') ? strrchr(name, '\\') : name;
    int has_ext = strchr(base, '.') != NULL;
    char cand[PATH_MAX];
    for (size_t i = 0; i < 5; i++) {
        if (i && has_ext)
            break;
        size_t l = strlen(dir);
        snprintf(cand, sizeof cand, "%s%s%s%s", dir, l && dir[l - 1] != '\\' && dir[l - 1] != '/' ? "\\" : "",
                 name, ext[i]);
        if (exists(cand))
            return strdup(cand);
    }
    return NULL;
}

/* The program to run: as given, or (SEARCH) through PATH. */
static char *locate(const char *name, int search)
{
    char *r = try_dir("", name);
    if (r || !search || strpbrk(name, "\\/:"))
        return r;
    const char *path = crt_getenv("PATH");
    for (const char *p = path; !r && p && *p;) {
        size_t len = strcspn(p, ";");
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%.*s", (int)len, p);
        if (len)
            r = try_dir(dir, name);
        p += len + (p[len] == ';');
    }
    return r;
}

/* "NAME=V\0NAME=V\0\0" in UTF-16 for CreateProcessW. */
static WCHAR *env_block(char *const *envp)
{
    size_t units = 1;
    for (size_t i = 0; envp[i]; i++)
        units += w32_utf8_to_utf16(envp[i], -1, NULL, 0) + 1;
    WCHAR *b = malloc(units * sizeof *b), *p = b;
    for (size_t i = 0; b && envp[i]; i++)
        p += w32_utf8_to_utf16(envp[i], -1, p, units - (size_t)(p - b)) + 1;
    if (b)
        *p = 0;
    return b;
}

static char *join(char *const *argv)
{
    size_t n = 1;
    for (size_t i = 0; argv[i]; i++)
        n += strlen(argv[i]) + 1;
    char *s = malloc(n), *p = s;
    for (size_t i = 0; s && argv[i]; i++)
        p += sprintf(p, "%s%s", i ? " " : "", argv[i]);
    if (s)
        *p = 0;
    return s;
}

static intptr_t wait_for(HANDLE h, int *status)
{
    wait_fn wait = (wait_fn)k32("WaitForSingleObject");
    exitcode_fn code = (exitcode_fn)k32("GetExitCodeProcess");
    DWORD c = 0;
    if (!wait || !code || wait(h, INFINITE) != 0 || !code(h, &c))
        return crt_fail(MS_ECHILD);
    if (status)
        *status = (int)c;
    return (intptr_t)h;
}

static intptr_t start(int mode, const char *prog, char *const *argv, char *const *envp, int search)
{
    create_fn create = (create_fn)k32("CreateProcessW");
    if (!prog || !argv || !argv[0] || mode < 0 || mode > 4)
        return crt_invalid("_spawn", MS_EINVAL), -1;
    if (!create)
        return crt_fail(MS_ENOEXEC);
    char *path = locate(prog, search), *cmd = join(argv);
    WCHAR *wpath = w32_utf8_to_wide(path), *wcmd = w32_utf8_to_wide(cmd), *env = envp ? env_block(envp) : NULL;
    startupinfo si = { .cb = sizeof si };
    procinfo pi = { 0 };
    BOOL ok = path && wpath && wcmd && create(wpath, wcmd, NULL, NULL, TRUE, env ? CREATE_UNICODE_ENVIRONMENT : 0,
                                              env, NULL, &si, &pi);
    free(path), free(cmd), free(wpath), free(wcmd), free(env);
    if (!ok)
        return crt_fail(MS_ENOENT);
    w32_handle_close(pi.thread);
    int code = 0;
    switch (mode) {
    case 0: /* _P_WAIT */
        wait_for(pi.process, &code);
        w32_handle_close(pi.process);
        return code;
    case 2: /* _P_OVERLAY */
        w32_process_exit(0);
    case 4: /* _P_DETACH */
        w32_handle_close(pi.process);
        return 0;
    default:
        return (intptr_t)pi.process;
    }
}

/* The l forms: the arguments up to NULL, then (E) the environment. */
static char **collect(const char *first, ms_va_list va, char ***envp)
{
    size_t n = 1, cap = 16;
    char **v = malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    v[0] = (char *)first;
    for (char *a; first && (a = __builtin_va_arg(va, char *));) {
        if (n + 2 > cap) {
            char **w = realloc(v, (cap *= 2) * sizeof *v);
            if (!w)
                break;
            v = w;
        }
        v[n++] = a;
    }
    v[n] = NULL;
    if (envp)
        *envp = __builtin_va_arg(va, char **);
    return v;
}

static intptr_t spawn_l(int mode, const char *prog, const char *arg0, ms_va_list va, int search, int with_env)
{
    char **envp = NULL;
    char **v = collect(arg0, va, with_env ? &envp : NULL);
    intptr_t r = v ? start(mode, prog, v, envp, search) : crt_fail(MS_ENOMEM);
    free(v);
    return r;
}

#define VA_L(mode, search, env) \
    ms_va_list va; \
    __builtin_ms_va_start(va, a0); \
    intptr_t r = spawn_l(mode, p, a0, va, search, env); \
    __builtin_ms_va_end(va); \
    return r

static intptr_t WINAPI_VA w32__spawnl(int m, const char *p, const char *a0, ...) { VA_L(m, 0, 0); }
static intptr_t WINAPI_VA w32__spawnle(int m, const char *p, const char *a0, ...) { VA_L(m, 0, 1); }
static intptr_t WINAPI_VA w32__spawnlp(int m, const char *p, const char *a0, ...) { VA_L(m, 1, 0); }
static intptr_t WINAPI_VA w32__spawnlpe(int m, const char *p, const char *a0, ...) { VA_L(m, 1, 1); }
static intptr_t WINAPI_VA w32__execl(const char *p, const char *a0, ...) { VA_L(2, 0, 0); }
static intptr_t WINAPI_VA w32__execle(const char *p, const char *a0, ...) { VA_L(2, 0, 1); }
static intptr_t WINAPI_VA w32__execlp(const char *p, const char *a0, ...) { VA_L(2, 1, 0); }
static intptr_t WINAPI_VA w32__execlpe(const char *p, const char *a0, ...) { VA_L(2, 1, 1); }
static intptr_t WINAPI w32__spawnv(int m, const char *p, char *const *a) { return start(m, p, a, NULL, 0); }
static intptr_t WINAPI w32__spawnve(int m, const char *p, char *const *a, char *const *e) { return start(m, p, a, e, 0); }
static intptr_t WINAPI w32__spawnvp(int m, const char *p, char *const *a) { return start(m, p, a, NULL, 1); }
static intptr_t WINAPI w32__spawnvpe(int m, const char *p, char *const *a, char *const *e) { return start(m, p, a, e, 1); }
static intptr_t WINAPI w32__execv(const char *p, char *const *a) { return start(2, p, a, NULL, 0); }
static intptr_t WINAPI w32__execve(const char *p, char *const *a, char *const *e) { return start(2, p, a, e, 0); }
static intptr_t WINAPI w32__execvp(const char *p, char *const *a) { return start(2, p, a, NULL, 1); }
static intptr_t WINAPI w32__execvpe(const char *p, char *const *a, char *const *e) { return start(2, p, a, e, 1); }

/* Wide v forms: convert and go the same way. */
static char **narrow_list(const WCHAR *const *w)
{
    size_t n = 0;
    while (w && w[n])
        n++;
    char **v = calloc(n + 1, sizeof *v);
    for (size_t i = 0; v && i < n; i++)
        v[i] = w32_wide_to_utf8(w[i]);
    return v;
}

static void free_list(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

static intptr_t wstart(int mode, const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e, int search)
{
    char *prog = w32_wide_to_utf8(p), **args = narrow_list(a), **env = e ? narrow_list(e) : NULL;
    intptr_t r = start(mode, prog, args, env, search);
    free(prog), free_list(args), free_list(env);
    return r;
}

/* Wide l forms: the wide arguments up to NULL, then (E) the environment. */
static intptr_t wspawn_l(int mode, const WCHAR *p, const WCHAR *a0, ms_va_list va, int search, int with_env)
{
    size_t n = 1, cap = 16;
    const WCHAR **v = malloc(cap * sizeof *v);
    if (!v)
        return crt_fail(MS_ENOMEM);
    v[0] = a0;
    for (const WCHAR *a; a0 && (a = __builtin_va_arg(va, const WCHAR *));) {
        if (n + 2 > cap) {
            const WCHAR **w = realloc(v, (cap *= 2) * sizeof *v);
            if (!w)
                break;
            v = w;
        }
        v[n++] = a;
    }
    v[n] = NULL;
    const WCHAR *const *env = with_env ? __builtin_va_arg(va, const WCHAR *const *) : NULL;
    intptr_t r = wstart(mode, p, v, env, search);
    free(v);
    return r;
}

#define WVA_L(mode, search, env) \
    ms_va_list va; \
    __builtin_ms_va_start(va, a0); \
    intptr_t r = wspawn_l(mode, p, a0, va, search, env); \
    __builtin_ms_va_end(va); \
    return r

static intptr_t WINAPI_VA w32__wspawnl(int m, const WCHAR *p, const WCHAR *a0, ...) { WVA_L(m, 0, 0); }
static intptr_t WINAPI_VA w32__wspawnle(int m, const WCHAR *p, const WCHAR *a0, ...) { WVA_L(m, 0, 1); }
static intptr_t WINAPI_VA w32__wspawnlp(int m, const WCHAR *p, const WCHAR *a0, ...) { WVA_L(m, 1, 0); }
static intptr_t WINAPI_VA w32__wspawnlpe(int m, const WCHAR *p, const WCHAR *a0, ...) { WVA_L(m, 1, 1); }
static intptr_t WINAPI_VA w32__wexecl(const WCHAR *p, const WCHAR *a0, ...) { WVA_L(2, 0, 0); }
static intptr_t WINAPI_VA w32__wexecle(const WCHAR *p, const WCHAR *a0, ...) { WVA_L(2, 0, 1); }
static intptr_t WINAPI_VA w32__wexeclp(const WCHAR *p, const WCHAR *a0, ...) { WVA_L(2, 1, 0); }
static intptr_t WINAPI_VA w32__wexeclpe(const WCHAR *p, const WCHAR *a0, ...) { WVA_L(2, 1, 1); }

static intptr_t WINAPI w32__wspawnv(int m, const WCHAR *p, const WCHAR *const *a) { return wstart(m, p, a, NULL, 0); }
static intptr_t WINAPI w32__wspawnve(int m, const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return wstart(m, p, a, e, 0); }
static intptr_t WINAPI w32__wspawnvp(int m, const WCHAR *p, const WCHAR *const *a) { return wstart(m, p, a, NULL, 1); }
static intptr_t WINAPI w32__wspawnvpe(int m, const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return wstart(m, p, a, e, 1); }
static intptr_t WINAPI w32__wexecv(const WCHAR *p, const WCHAR *const *a) { return wstart(2, p, a, NULL, 0); }
static intptr_t WINAPI w32__wexecvp(const WCHAR *p, const WCHAR *const *a) { return wstart(2, p, a, NULL, 1); }
static intptr_t WINAPI w32__wexecve(const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return wstart(2, p, a, e, 0); }
static intptr_t WINAPI w32__wexecvpe(const WCHAR *p, const WCHAR *const *a, const WCHAR *const *e) { return wstart(2, p, a, e, 1); }

/* _cwait(&status, handle, action): the exit code of a _P_NOWAIT child. */
static intptr_t WINAPI w32__cwait(int *status, intptr_t h, int action)
{
    (void)action;
    intptr_t r = wait_for((HANDLE)h, status);
    if (r != -1)
        w32_handle_close((HANDLE)h);
    return r;
}

#define SPAWN_EXPORTS \
    EXPORT(_spawnl, "iss.:p"), EXPORT(_spawnle, "iss.:p"), EXPORT(_spawnlp, "iss.:p"), \
    EXPORT(_spawnlpe, "iss.:p"), EXPORT(_execl, "ss.:p"), EXPORT(_execle, "ss.:p"), \
    EXPORT(_execlp, "ss.:p"), EXPORT(_execlpe, "ss.:p"), EXPORT(_spawnv, "isp:p"), \
    EXPORT(_spawnve, "ispp:p"), EXPORT(_spawnvp, "isp:p"), EXPORT(_spawnvpe, "ispp:p"), \
    EXPORT(_execv, "sp:p"), EXPORT(_execve, "spp:p"), EXPORT(_execvp, "sp:p"), EXPORT(_execvpe, "spp:p"), \
    EXPORT(_wspawnv, "iwp:p"), EXPORT(_wspawnve, "iwpp:p"), EXPORT(_wspawnvp, "iwp:p"), \
    EXPORT(_wspawnvpe, "iwpp:p"), EXPORT(_wexecv, "wp:p"), EXPORT(_wexecvp, "wp:p"), EXPORT(_cwait, "ppi:p"), \
    EXPORT(_wexecve, "wpp:p"), EXPORT(_wexecvpe, "wpp:p"), EXPORT(_wspawnl, "iww.:p"), \
    EXPORT(_wspawnle, "iww.:p"), EXPORT(_wspawnlp, "iww.:p"), EXPORT(_wspawnlpe, "iww.:p"), \
    EXPORT(_wexecl, "ww.:p"), EXPORT(_wexecle, "ww.:p"), EXPORT(_wexeclp, "ww.:p"), EXPORT(_wexeclpe, "ww.:p")

W32_EXPORTS(msvcrt) = { SPAWN_EXPORTS };
W32_EXPORTS(ucrtbase) = { SPAWN_EXPORTS };
