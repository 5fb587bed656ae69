/* procsearch.c — which file CreateProcess runs, and how. Without an
 * application name the program is the command line's first token: a
 * quoted name, or — as Windows does for unquoted names with blanks —
 * each blank-separated prefix in turn ("C:\Program Files\x" tries
 * "C:\Program" first). ".exe" is added to names without an extension;
 * names without a directory are looked for in the program's directory,
 * the current directory, the Windows directories and PATH (Windows
 * entries separated by ';', or a host PATH with ':'), and — for host
 * programs such as "sh" — finally as given on the host PATH. The file
 * found is run by xeno if it is a Windows (PE32+) or FreeBSD program,
 * natively if it is a Linux program or a "#!" script. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "detect.h"
#include "file.h"
#include "k32.h"
#include "pathres.h"
#include "procsearch.h"

static int is_exec_file(const char *host)
{
    struct stat st;
    return stat(host, &st) == 0 && S_ISREG(st.st_mode);
}

static int has_ext(const char *name)
{
    const char *dot = strrchr(name, '.'), *sep = strrchr(name, '\\'), *sl = strrchr(name, '/');
    return dot && dot > (sep ? sep : name) && dot > (sl ? sl : name);
}

/* NAME (Windows form) in directory DIR (Windows form, "" for none) →
 * host path in OUT if it is a file. */
static int try_name(const char *dir, const char *name, int add_exe, char *out)
{
    char win[PATH_MAX * 2];
    snprintf(win, sizeof win, "%s%s%s%s", dir, *dir ? "\\" : "", name, add_exe ? ".exe" : "");
    return !k32_host_path(win, out, PATH_MAX, 0) && is_exec_file(out);
}

static int search_dirs(const char *name, int add_exe, char *out)
{
    char dir[PATH_MAX + 8];
    snprintf(dir, sizeof dir, "%s", w32_proc.exe_path_a ? w32_proc.exe_path_a : "");
    char *slash = strrchr(dir, '\\');
    if (slash)
        *slash = 0;
    if ((slash && try_name(dir, name, add_exe, out)) || try_name(".", name, add_exe, out) ||
        try_name("C:\\windows\\system32", name, add_exe, out) || try_name("C:\\windows", name, add_exe, out))
        return 1;
    char *path = w32_env_get("PATH"), *save = NULL;
    int found = 0;
    const char *delim = path && strchr(path, ';') ? ";" : path && path[0] == '/' ? ":" : ";";
    for (char *d = path ? strtok_r(path, delim, &save) : NULL; d && !found; d = strtok_r(NULL, delim, &save)) {
        char win[PATH_MAX + 8];
        if (d[0] == '/')
            w32_host_to_win(d, win, sizeof win);
        else
            snprintf(win, sizeof win, "%s", d);
        found = try_name(win, name, add_exe, out);
    }
    free(path);
    return found;
}

/* One candidate program name → host path. */
static int resolve(const char *name, char *out)
{
    int add_exe = !has_ext(name);
    if (strpbrk(name, "\\/") || (name[0] && name[1] == ':'))
        return try_name("", name, add_exe, out) || (add_exe && try_name("", name, 0, out));
    return search_dirs(name, add_exe, out) || (add_exe && search_dirs(name, 0, out));
}

DWORD k32_find_program(const char *app, const char *cmdline, char *host)
{
    if (app) {
        DWORD e = k32_host_path(app, host, PATH_MAX, 0);
        if (e)
            return e;
        return is_exec_file(host) ? 0 : access(host, F_OK) == 0 ? ERROR_ACCESS_DENIED : k32_missing_error(host);
    }
    if (!cmdline || !*cmdline)
        return ERROR_INVALID_PARAMETER;
    const char *p = cmdline;
    while (*p == ' ' || *p == '\t')
        p++;
    char *name = malloc(strlen(p) + 1);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    int found = 0;
    if (*p == '"') {
        const char *end = strchr(p + 1, '"');
        size_t l = end ? (size_t)(end - p - 1) : strlen(p + 1);
        memcpy(name, p + 1, l);
        name[l] = 0;
        found = resolve(name, host);
    } else {
        for (const char *e = p;; e++) { /* each blank-separated prefix */
            if (*e == ' ' || *e == '\t' || !*e) {
                memcpy(name, p, (size_t)(e - p));
                name[e - p] = 0;
                if ((found = resolve(name, host)) || !*e)
                    break;
            }
        }
    }
    free(name);
    return found ? 0 : ERROR_FILE_NOT_FOUND;
}

int k32_program_kind(const char *host)
{
    char head[2] = { 0, 0 };
    int fd = open(host, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return K32_RUN_BAD;
    ssize_t n = read(fd, head, 2);
    close(fd);
    if (n == 2 && head[0] == '#' && head[1] == '!')
        return K32_RUN_HOST;
    struct xfile f;
    struct xerr e;
    struct xdetect d;
    if (xfile_open(&f, host, &e) < 0)
        return K32_RUN_BAD;
    xdetect(&f, &d);
    xfile_close(&f);
    return d.kind == XK_PE64 || d.kind == XK_ELF_FREEBSD ? K32_RUN_XENO
         : d.kind == XK_ELF_LINUX ? K32_RUN_HOST : K32_RUN_BAD;
}
