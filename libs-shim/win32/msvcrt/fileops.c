/* fileops.c — operations on files by name: remove/_unlink, rename (which,
 * unlike POSIX rename, refuses to replace an existing file: EACCES), the
 * wide forms, and perror. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../unicode.h"
#include "stream.h"

const char *crt_strerror(int e);

static int remove_host(const char *host)
{
    struct stat st;
    if (lstat(host, &st) == 0 && S_ISDIR(st.st_mode))
        return crt_fail(MS_EACCES); /* DeleteFile refuses directories */
    return unlink(host) < 0 ? crt_fail_errno() : 0;
}

static int do_remove(const char *path, const char *fn)
{
    char host[PATH_MAX];
    if (!path)
        return crt_invalid(fn, MS_EINVAL), -1;
    return crt_host_path(path, host, sizeof host) < 0 ? -1 : remove_host(host);
}

static int do_rename(const char *from, const char *to, const char *fn)
{
    char hf[PATH_MAX], ht[PATH_MAX];
    struct stat st;
    if (!from || !to)
        return crt_invalid(fn, MS_EINVAL), -1;
    if (crt_host_path(from, hf, sizeof hf) < 0 || crt_host_path(to, ht, sizeof ht) < 0)
        return -1;
    if (lstat(hf, &st) < 0)
        return crt_fail_errno();
    if (lstat(ht, &st) == 0)
        return crt_fail(MS_EACCES);
    return rename(hf, ht) < 0 ? crt_fail_errno() : 0;
}

static int WINAPI w32_remove(const char *p) { return do_remove(p, "remove"); }
static int WINAPI w32__unlink(const char *p) { return do_remove(p, "_unlink"); }
static int WINAPI w32_rename(const char *a, const char *b) { return do_rename(a, b, "rename"); }

static int wide_call(const WCHAR *a, const WCHAR *b, int two, const char *fn)
{
    char *ua = w32_wide_to_utf8(a), *ub = two ? w32_wide_to_utf8(b) : NULL;
    int r = two ? do_rename(ua, ub, fn) : do_remove(ua, fn);
    free(ua);
    free(ub);
    return r;
}

static int WINAPI w32__wremove(const WCHAR *p) { return wide_call(p, NULL, 0, "_wremove"); }
static int WINAPI w32__wunlink(const WCHAR *p) { return wide_call(p, NULL, 0, "_wunlink"); }
static int WINAPI w32__wrename(const WCHAR *a, const WCHAR *b) { return wide_call(a, b, 1, "_wrename"); }

/* "PREFIX: message\n" on stderr, or just the message. */
static void WINAPI w32_perror(const char *prefix)
{
    MS_FILE *f = &crt_iob[2];
    struct xstream *s = crt_x(f);
    const char *msg = crt_strerror(crt_errno);
    crt_fflush(&crt_iob[1]);
    pthread_mutex_lock(&s->lock);
    if (prefix && *prefix) {
        crt_write_locked(f, s, prefix, strlen(prefix));
        crt_write_locked(f, s, ": ", 2);
    }
    crt_write_locked(f, s, msg, strlen(msg));
    crt_write_locked(f, s, "\n", 1);
    crt_flush_locked(f, s);
    pthread_mutex_unlock(&s->lock);
}

static void WINAPI w32__wperror(const WCHAR *prefix)
{
    char *u = w32_wide_to_utf8(prefix);
    w32_perror(u);
    free(u);
}

#define FILEOPS_EXPORTS \
    EXPORT(remove, "s:i"), EXPORT(_unlink, "s:i"), EXPORT(rename, "ss:i"), \
    EXPORT(_wremove, "w:i"), EXPORT(_wunlink, "w:i"), EXPORT(_wrename, "ww:i"), \
    EXPORT(perror, "s:v"), EXPORT(_wperror, "w:v")

W32_EXPORTS(msvcrt) = { FILEOPS_EXPORTS, EXPORT_AS("unlink", w32__unlink, "s:i") };
W32_EXPORTS(ucrtbase) = { FILEOPS_EXPORTS };
