/* procimage.c — which program a process runs, as Windows names it, and the
 * psapi calls that ask (kernel32's K32EnumProcesses, K32GetModuleFileNameEx
 * and K32GetModuleBaseName, which psapi.dll forwards to, and
 * QueryFullProcessImageName). A process that
 * runs a program under xeno ("xeno [run] [--argv0 NAME] [--] PROG") is
 * named by that program,
 * any other by its host executable; both as Windows paths (Z:\...). This
 * process answers with its own image path. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../paths.h"
#include "../process.h"
#include "k32.h"

/* The host path of PID's program in HOST (absolute): 0, or -1. */
static int host_image(int pid, char *host, size_t n)
{
    char path[64], buf[4096], cwd[PATH_MAX];
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    FILE *f = fopen(path, "r");
    size_t len = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[len] = 0;
    const char *arg = buf, *end = buf + len;
    if (len && !strcmp(w32_path_base(arg), "xeno")) {
        arg += strlen(arg) + 1;
        if (arg < end && !strcmp(arg, "run"))
            arg += strlen(arg) + 1;
        if (arg < end && !strcmp(arg, "--argv0")) { /* and its value */
            arg += strlen(arg) + 1;
            arg += arg < end ? strlen(arg) + 1 : 0;
        }
        if (arg < end && !strcmp(arg, "--"))
            arg += strlen(arg) + 1;
        if (arg < end && *arg) { /* relative to that process's directory */
            snprintf(path, sizeof path, "/proc/%d/cwd", pid);
            ssize_t c = readlink(path, cwd, sizeof cwd - 1);
            cwd[c > 0 ? c : 0] = 0;
            snprintf(host, n, "%s%s%s", *arg == '/' ? "" : cwd, *arg == '/' ? "" : "/", arg);
            return 0;
        }
    }
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    ssize_t r = readlink(path, host, n - 1);
    if (r <= 0)
        return -1;
    host[r] = 0;
    return 0;
}

int k32_process_image(int pid, char *out, size_t n)
{
    char host[PATH_MAX + 64];
    if (pid == getpid()) {
        snprintf(out, n, "%s", w32_proc.exe_path_a);
        return 0;
    }
    if (host_image(pid, host, sizeof host) < 0)
        return -1;
    w32_host_to_win(host, out, n);
    return 0;
}

/* ---- psapi ---- */
static BOOL WINAPI w32_K32EnumProcesses(DWORD *ids, DWORD size, DWORD *got)
{
    DIR *d = opendir("/proc");
    struct dirent *de;
    DWORD n = 0;
    while (d && (de = readdir(d)) && (n + 1) * sizeof *ids <= size)
        if (de->d_name[0] >= '1' && de->d_name[0] <= '9') {
            DWORD pid = k32_win_pid(atoi(de->d_name));
            if (!k32_copy_out(ids + n, &pid, sizeof pid)) {
                closedir(d);
                return w32_set_last_error(ERROR_NOACCESS), FALSE;
            }
            n++;
        }
    if (d)
        closedir(d);
    DWORD bytes = n * (DWORD)sizeof *ids;
    if (!got || !k32_copy_out(got, &bytes, sizeof bytes))
        return w32_set_last_error(ERROR_NOACCESS), FALSE;
    return TRUE;
}

/* The host pid behind process handle H, or -1 with the error set. */
static int process_pid(HANDLE h)
{
    struct w32_process_obj *p = (struct w32_process_obj *)w32_handle_get(h, W32_H_PROCESS);
    if (!p)
        return -1;
    int pid = p->is_self ? getpid() : p->pid;
    w32_obj_put(&p->o);
    return pid;
}

/* The image path of process H (with module MOD: only this process's own
 * image is looked up here) in OUT: 1, or 0 with the error set. */
static int image_of(HANDLE h, HMODULE mod, char *out, size_t n)
{
    int pid = process_pid(h);
    if (pid < 0)
        return 0;
    if (mod && (pid != getpid() || (uint64_t)(uintptr_t)mod != w32_proc.img.base))
        return w32_set_last_error(ERROR_INVALID_HANDLE), 0; /* other modules: GetModuleFileName */
    if (k32_process_image(pid, out, n) < 0)
        return w32_set_last_error(ERROR_ACCESS_DENIED), 0;  /* it has gone */
    return 1;
}

/* K32GetModuleFileNameEx/BaseName: the image's path (BASE: its file name)
 * in BUF of N units, the length copied, or N with ERROR_INSUFFICIENT_BUFFER
 * when it does not fit. */
static DWORD module_name(HANDLE h, HMODULE mod, void *buf, DWORD n, int wide, int base)
{
    char path[PATH_MAX + 64];
    if (!image_of(h, mod, path, sizeof path))
        return 0;
    const char *s = base ? w32_path_base(path) : path;
    DWORD r = wide ? k32_ret_str_w(s, buf, n) : k32_ret_str_a(s, buf, n);
    return r >= n ? (n ? (w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), n) : 0) : r;
}

static DWORD WINAPI w32_K32GetModuleFileNameExW(HANDLE h, HMODULE m, LPWSTR buf, DWORD n) { return module_name(h, m, buf, n, 1, 0); }
static DWORD WINAPI w32_K32GetModuleFileNameExA(HANDLE h, HMODULE m, LPSTR buf, DWORD n) { return module_name(h, m, buf, n, 0, 0); }
static DWORD WINAPI w32_K32GetModuleBaseNameW(HANDLE h, HMODULE m, LPWSTR buf, DWORD n) { return module_name(h, m, buf, n, 1, 1); }

/* QueryFullProcessImageName: *SIZE in, the length out. */
static BOOL query_image(HANDLE h, void *buf, DWORD *size, int wide)
{
    char path[PATH_MAX + 64];
    if (!image_of(h, NULL, path, sizeof path))
        return FALSE;
    DWORD n = wide ? k32_ret_str_w(path, buf, *size) : k32_ret_str_a(path, buf, *size);
    if (n >= *size)
        return w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), FALSE;
    *size = n;
    return TRUE;
}

static BOOL WINAPI w32_QueryFullProcessImageNameW(HANDLE h, DWORD f, LPWSTR buf, DWORD *size) { (void)f; return query_image(h, buf, size, 1); }
static BOOL WINAPI w32_QueryFullProcessImageNameA(HANDLE h, DWORD f, LPSTR buf, DWORD *size) { (void)f; return query_image(h, buf, size, 0); }

W32_EXPORTS(kernel32) = {
    EXPORT(K32EnumProcesses, "pup:i"),
    EXPORT(K32GetModuleFileNameExW, "hppu:u"),
    EXPORT(K32GetModuleFileNameExA, "hppu:u"),
    EXPORT(K32GetModuleBaseNameW, "hppu:u"),
    EXPORT(QueryFullProcessImageNameA, "hupp:i"),
    EXPORT(QueryFullProcessImageNameW, "hupp:i"),
};
