/* mktemp.c — _mktemp/_wmktemp and their _s forms: the template's six
 * trailing X become a letter and the process id in five digits
 * ("fnXXXXXX" → "fna12345"), the letter moving on ('a' … 'z') while a
 * file of that name exists, as Microsoft documents; and _rmtmp, which
 * has nothing to remove here (tmpfile's files vanish when created). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crt.h"

static int fill(char *t, size_t len)
{
    char host[PATH_MAX];
    if (len < 6 || strcmp(t + len - 6, "XXXXXX"))
        return -1;
    char *x = t + len - 6;
    snprintf(x + 1, 6, "%05u", (unsigned)getpid() % 100000u);
    for (char c = 'a'; c <= 'z'; c++) {
        x[0] = c;
        if (crt_host_path(t, host, sizeof host) < 0 || access(host, F_OK) != 0)
            return 0;
    }
    return -1;
}

static char *WINAPI w32__mktemp(char *t)
{
    if (!t || fill(t, strlen(t)) < 0)
        return crt_invalid("_mktemp", MS_EINVAL), NULL;
    return t;
}

static int WINAPI w32__mktemp_s(char *t, size_t n)
{
    CRT_CHECK(t && n && strnlen(t, n) < n, "_mktemp_s", MS_EINVAL);
    if (fill(t, strlen(t)) < 0) {
        t[0] = 0;
        return crt_invalid("_mktemp_s", MS_EINVAL);
    }
    return 0;
}

static WCHAR *WINAPI w32__wmktemp(WCHAR *t)
{
    char a[PATH_MAX];
    size_t n = 0;
    if (!t)
        return crt_invalid("_wmktemp", MS_EINVAL), NULL;
    for (; t[n] && n + 1 < sizeof a; n++)
        a[n] = t[n] < 0x80 ? (char)t[n] : '_'; /* only the X part changes */
    a[n] = 0;
    if (fill(a, n) < 0)
        return crt_invalid("_wmktemp", MS_EINVAL), NULL;
    for (size_t i = n - 6; i < n; i++)
        t[i] = (WCHAR)a[i];
    return t;
}

static int WINAPI w32__rmtmp(void) { return 0; }

#define MKTEMP_EXPORTS \
    EXPORT(_mktemp, "p:p"), EXPORT(_mktemp_s, "pq:i"), EXPORT(_wmktemp, "p:p"), EXPORT(_rmtmp, ":i")

W32_EXPORTS(msvcrt) = { MKTEMP_EXPORTS };
W32_EXPORTS(ucrtbase) = { MKTEMP_EXPORTS };
