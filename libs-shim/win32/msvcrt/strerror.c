/* strerror.c — the CRT's error messages, indexed by Microsoft errno:
 * strerror, strerror_s, _strerror ("PREFIX: message\n" for the last
 * error), the wide _wcserror forms, and the _sys_errlist/_sys_nerr
 * table programs may read directly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"

#include "crt.h"

static const char *const messages[] = {
    "No error", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted function call", "Input/output error", "No such device or address",
    "Arg list too long", "Exec format error", "Bad file descriptor", "No child processes",
    "Resource temporarily unavailable", "Not enough space", "Permission denied",
    "Bad address", "Unknown error", "Resource device", "File exists", "Improper link",
    "No such device", "Not a directory", "Is a directory", "Invalid argument",
    "Too many open files in system", "Too many open files",
    "Inappropriate I/O control operation", "Unknown error", "File too large",
    "No space left on device", "Invalid seek", "Read-only file system", "Too many links",
    "Broken pipe", "Domain error", "Result too large", "Unknown error",
    "Resource deadlock avoided", "Unknown error", "Filename too long", "No locks available",
    "Function not implemented", "Directory not empty", "Illegal byte sequence",
};

const char *crt_strerror(int e)
{
    if (e >= 0 && (size_t)e < sizeof messages / sizeof messages[0])
        return messages[e];
    return "Unknown error";
}

static int nerr = sizeof messages / sizeof messages[0];
static const char *const *errlist = messages;

static char *WINAPI w32_strerror(int e)
{
    return (char *)crt_strerror(e);
}

static int WINAPI w32_strerror_s(char *buf, size_t n, int e)
{
    CRT_CHECK(buf && n, "strerror_s", MS_EINVAL);
    snprintf(buf, n, "%s", crt_strerror(e));
    return 0;
}

/* _strerror(prefix): "prefix: message\n" for the current errno, or just
 * "message\n" with no prefix. */
static void last_error_text(char *buf, size_t n, const char *prefix)
{
    if (prefix && *prefix)
        snprintf(buf, n, "%s: %s\n", prefix, crt_strerror(crt_errno));
    else
        snprintf(buf, n, "%s\n", crt_strerror(crt_errno));
}

static char *WINAPI w32__strerror(const char *prefix)
{
    static __thread char buf[256];
    last_error_text(buf, sizeof buf, prefix);
    return buf;
}

static int WINAPI w32__strerror_s(char *buf, size_t n, const char *prefix)
{
    CRT_CHECK(buf && n, "_strerror_s", MS_EINVAL);
    last_error_text(buf, n, prefix);
    return 0;
}

static WCHAR *WINAPI w32__wcserror(int e)
{
    static __thread WCHAR buf[128];
    w32_utf8_to_utf16(crt_strerror(e), -1, buf, 128);
    return buf;
}

static int WINAPI w32__wcserror_s(WCHAR *buf, size_t n, int e)
{
    CRT_CHECK(buf && n, "_wcserror_s", MS_EINVAL);
    w32_utf8_to_utf16(crt_strerror(e), -1, buf, n);
    buf[n - 1] = 0;
    return 0;
}

static WCHAR *WINAPI w32___wcserror(const WCHAR *prefix)
{
    static __thread WCHAR buf[256];
    char *p = w32_wide_to_utf8(prefix), tmp[256];
    last_error_text(tmp, sizeof tmp, p);
    free(p);
    w32_utf8_to_utf16(tmp, -1, buf, 256);
    return buf;
}

static const char *const *WINAPI w32___sys_errlist(void) { return errlist; }
static int *WINAPI w32___sys_nerr(void) { return &nerr; }

#define STRERROR_EXPORTS \
    EXPORT(strerror, "i:s"), EXPORT(strerror_s, "pqi:i"), EXPORT(_strerror, "s:s"), \
    EXPORT(_strerror_s, "pqs:i"), EXPORT(_wcserror, "i:w"), EXPORT(_wcserror_s, "pqi:i"), \
    EXPORT(__wcserror, "w:w"), EXPORT(__sys_errlist, ":p"), EXPORT(__sys_nerr, ":p")

W32_EXPORTS(msvcrt) = {
    STRERROR_EXPORTS, EXPORT_DATA(_sys_errlist, messages), EXPORT_DATA(_sys_nerr, nerr),
};
W32_EXPORTS(ucrtbase) = { STRERROR_EXPORTS };
