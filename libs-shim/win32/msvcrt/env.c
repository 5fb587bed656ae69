/* env.c — the CRT's environment: _environ/_wenviron (sorted at start as
 * Windows keeps the environment block, names matched without regard to
 * case), getenv/_wgetenv, _putenv/_wputenv ("NAME=" removes NAME),
 * _putenv_s, getenv_s, _dupenv_s and their wide forms. The CRT's copy
 * starts as kernel32's environment block (w32_env_list) when the program
 * starts, as the Windows CRT builds it from GetEnvironmentStrings, minus
 * the "=C:" entries. A change reaches the narrow and wide arrays, the
 * Windows block (w32_env_set, what SetEnvironmentVariable does — _putenv
 * calls it on Windows) and the host environment (so TZ reaches the host's
 * time functions and child processes see it). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../kernel32/k32api.h"
#include "../unicode.h"
#include "crt.h"

/* kernel32's environment: used when it is linked in (not in unit tests). */
#pragma weak w32_env_set
#pragma weak w32_env_list
#pragma weak w32_env_free

char **crt_environ, **crt_initenv;
WCHAR **crt_wenviron, **crt_winitenv;
static size_t nenv, capenv;
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

static int by_name(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

static void load(char **src)
{
    size_t n = 0;
    while (src[n])
        n++;
    capenv = n + 16;
    crt_environ = calloc(capenv + 1, sizeof *crt_environ);
    crt_wenviron = calloc(capenv + 1, sizeof *crt_wenviron);
    nenv = 0;
    if (!crt_environ || !crt_wenviron)
        return;
    for (size_t i = 0; i < n; i++)
        if (src[i][0] != '=')
            crt_environ[nenv++] = strdup(src[i]);
    qsort(crt_environ, nenv, sizeof *crt_environ, by_name);
    for (size_t i = 0; i < nenv; i++)
        crt_wenviron[i] = w32_utf8_to_wide(crt_environ[i]);
    crt_initenv = crt_environ;
    crt_winitenv = crt_wenviron;
}

/* Until the program starts: the host environment. */
void crt_env_host_init(void)
{
    extern char **environ;
    load(environ);
}

void crt_env_init(void)
{
    char **list = w32_env_list ? w32_env_list() : NULL;
    if (!list)
        return;
    pthread_mutex_lock(&env_lock);
    load(list);
    pthread_mutex_unlock(&env_lock);
    w32_env_free(list);
}

/* Index of NAME (LEN bytes) in the narrow array, or -1. */
static long find(const char *name, size_t len)
{
    for (size_t i = 0; i < nenv; i++)
        if (!strncasecmp(crt_environ[i], name, len) && crt_environ[i][len] == '=')
            return (long)i;
    return -1;
}

const char *crt_getenv(const char *name)
{
    pthread_mutex_lock(&env_lock);
    long i = name ? find(name, strlen(name)) : -1;
    const char *v = i >= 0 ? crt_environ[i] + strlen(name) + 1 : NULL;
    pthread_mutex_unlock(&env_lock);
    return v;
}

static void drop(size_t i)
{
    free(crt_environ[i]);
    free(crt_wenviron[i]);
    memmove(crt_environ + i, crt_environ + i + 1, (nenv - i) * sizeof *crt_environ);
    memmove(crt_wenviron + i, crt_wenviron + i + 1, (nenv - i) * sizeof *crt_wenviron);
    nenv--;
}

/* Room for one more entry. The initial arrays are never freed: programs
 * may still hold them (__initenv). */
static int grow(void)
{
    if (nenv < capenv)
        return 0;
    size_t nc = capenv * 2 + 16;
    char **a = calloc(nc + 1, sizeof *a);
    WCHAR **w = calloc(nc + 1, sizeof *w);
    if (!a || !w) {
        free(a);
        free(w);
        return -1;
    }
    memcpy(a, crt_environ, nenv * sizeof *a);
    memcpy(w, crt_wenviron, nenv * sizeof *w);
    if (crt_environ != crt_initenv)
        free(crt_environ), free(crt_wenviron);
    crt_environ = a, crt_wenviron = w, capenv = nc;
    return 0;
}

int crt_setenv(const char *name, const char *value)
{
    size_t len = strlen(name);
    if (!len || strchr(name, '='))
        return crt_fail(MS_EINVAL);
    pthread_mutex_lock(&env_lock);
    long i = find(name, len);
    char *old = i >= 0 ? strndup(crt_environ[i], len) : NULL;
    if (i >= 0)
        drop((size_t)i);
    int r = 0;
    if (value && *value) {
        char *e = malloc(len + strlen(value) + 2);
        if (!e || grow() < 0) {
            free(e);
            r = crt_fail(MS_ENOMEM);
        } else {
            strcat(strcat(strcpy(e, name), "="), value);
            crt_environ[nenv] = e;
            crt_wenviron[nenv] = w32_utf8_to_wide(e);
            nenv++;
        }
    }
    if (old)
        unsetenv(old);
    if (r == 0 && value && *value)
        setenv(name, value, 1);
    if (r == 0 && w32_env_set) {
        if (old && strcmp(old, name))
            w32_env_set(old, NULL);
        w32_env_set(name, value && *value ? value : NULL);
    }
    pthread_mutex_unlock(&env_lock);
    free(old);
    return r;
}

/* "NAME=VALUE" → crt_setenv. */
static int putenv_str(const char *s, const char *fn)
{
    const char *eq = s ? strchr(s, '=') : NULL;
    if (!eq || eq == s)
        return crt_invalid(fn, MS_EINVAL), -1;
    char *name = strndup(s, (size_t)(eq - s));
    int r = name ? crt_setenv(name, eq + 1) : crt_fail(MS_ENOMEM);
    free(name);
    return r;
}

static char *WINAPI w32_getenv(const char *name)
{
    if (!name)
        return crt_invalid("getenv", MS_EINVAL), NULL;
    return (char *)crt_getenv(name);
}

static WCHAR *WINAPI w32__wgetenv(const WCHAR *name)
{
    if (!name)
        return crt_invalid("_wgetenv", MS_EINVAL), NULL;
    char *n = w32_wide_to_utf8(name);
    pthread_mutex_lock(&env_lock);
    long i = n ? find(n, strlen(n)) : -1;
    WCHAR *v = i >= 0 ? crt_wenviron[i] + w32_wcslen(name) + 1 : NULL;
    pthread_mutex_unlock(&env_lock);
    free(n);
    return v;
}

static int WINAPI w32__putenv(const char *s) { return putenv_str(s, "_putenv"); }

static int WINAPI w32__wputenv(const WCHAR *s)
{
    char *u = w32_wide_to_utf8(s);
    int r = putenv_str(u, "_wputenv");
    free(u);
    return r;
}

static int WINAPI w32__putenv_s(const char *name, const char *value)
{
    CRT_CHECK(name && value, "_putenv_s", MS_EINVAL);
    return crt_setenv(name, value) ? crt_errno : 0;
}

static int WINAPI w32__wputenv_s(const WCHAR *name, const WCHAR *value)
{
    CRT_CHECK(name && value, "_wputenv_s", MS_EINVAL);
    char *n = w32_wide_to_utf8(name), *v = w32_wide_to_utf8(value);
    int r = n && v ? crt_setenv(n, v) : crt_fail(MS_ENOMEM);
    free(n);
    free(v);
    return r ? crt_errno : 0;
}

/* getenv_s: *NEED gets the size with the terminator (0 when unset). */
static int WINAPI w32_getenv_s(size_t *need, char *buf, size_t n, const char *name)
{
    CRT_CHECK(need && name && (buf || !n), "getenv_s", MS_EINVAL);
    const char *v = crt_getenv(name);
    *need = v ? strlen(v) + 1 : 0;
    if (buf && n)
        buf[0] = 0;
    if (!v)
        return 0;
    CRT_CHECK(*need <= n, "getenv_s", MS_ERANGE);
    memcpy(buf, v, *need);
    return 0;
}

static int WINAPI w32__wgetenv_s(size_t *need, WCHAR *buf, size_t n, const WCHAR *name)
{
    CRT_CHECK(need && name && (buf || !n), "_wgetenv_s", MS_EINVAL);
    const WCHAR *v = w32__wgetenv(name);
    *need = v ? w32_wcslen(v) + 1 : 0;
    if (buf && n)
        buf[0] = 0;
    if (!v)
        return 0;
    CRT_CHECK(*need <= n, "_wgetenv_s", MS_ERANGE);
    memcpy(buf, v, *need * sizeof *v);
    return 0;
}

static int WINAPI w32__dupenv_s(char **out, size_t *len, const char *name)
{
    CRT_CHECK(out && name, "_dupenv_s", MS_EINVAL);
    const char *v = crt_getenv(name);
    *out = v ? strdup(v) : NULL;
    if (len)
        *len = v ? strlen(v) + 1 : 0;
    return v && !*out ? crt_fail(MS_ENOMEM), MS_ENOMEM : 0;
}

static int WINAPI w32__wdupenv_s(WCHAR **out, size_t *len, const WCHAR *name)
{
    CRT_CHECK(out && name, "_wdupenv_s", MS_EINVAL);
    const WCHAR *v = w32__wgetenv(name);
    size_t n = v ? w32_wcslen(v) + 1 : 0;
    *out = v ? malloc(n * sizeof *v) : NULL;
    if (*out)
        memcpy(*out, v, n * sizeof *v);
    if (len)
        *len = n;
    return v && !*out ? crt_fail(MS_ENOMEM), MS_ENOMEM : 0;
}

#define ENV_EXPORTS \
    EXPORT(getenv, "s:s"), EXPORT(_wgetenv, "w:w"), EXPORT(_putenv, "s:i"), EXPORT(_wputenv, "w:i"), \
    EXPORT(_putenv_s, "ss:i"), EXPORT(_wputenv_s, "ww:i"), EXPORT(getenv_s, "ppqs:i"), \
    EXPORT(_wgetenv_s, "ppqw:i"), EXPORT(_dupenv_s, "pps:i"), EXPORT(_wdupenv_s, "ppw:i")

W32_EXPORTS(msvcrt) = { ENV_EXPORTS, EXPORT_AS("putenv", w32__putenv, "s:i") };
W32_EXPORTS(ucrtbase) = { ENV_EXPORTS };
