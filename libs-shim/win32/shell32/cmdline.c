/* cmdline.c — shell32!CommandLineToArgvW: Windows' command-line splitting
 * rules (backslashes before quotes, doubled quotes), the inverse of how
 * xeno builds the command line. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

/* Split CMD; with OUT NULL only count. Returns argc; *units gets the
 * characters needed for all arguments with their terminators. */
static int split(const WCHAR *cmd, WCHAR **out, WCHAR *store, size_t *units)
{
    int argc = 0;
    size_t u = 0;
    const WCHAR *p = cmd;
    /* argv[0] is taken up to the next space, or between quotes, verbatim */
    if (out) out[argc] = store + u;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            if (out) store[u++] = *p; else u++;
        if (*p == '"') p++;
    } else {
        for (; *p && *p != ' ' && *p != '\t'; p++)
            if (out) store[u++] = *p; else u++;
    }
    if (out) store[u] = 0;
    u++, argc++;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (out) out[argc] = store + u;
        int inq = 0;
        for (; *p && (inq || (*p != ' ' && *p != '\t'));) {
            size_t bs = 0;
            while (*p == '\\')
                p++, bs++;
            if (*p == '"') {
                for (size_t i = 0; i < bs / 2; i++, u++)
                    if (out) store[u] = '\\';
                if (bs % 2) {
                    if (out) store[u] = '"';
                    u++, p++;
                } else if (inq && p[1] == '"') { /* "" inside quotes: a quote */
                    if (out) store[u] = '"';
                    u++, p += 2;
                } else {
                    inq = !inq, p++;
                }
            } else {
                for (size_t i = 0; i < bs; i++, u++)
                    if (out) store[u] = '\\';
                if (*p && (inq || (*p != ' ' && *p != '\t'))) {
                    if (out) store[u] = *p;
                    u++, p++;
                }
            }
        }
        if (out) store[u] = 0;
        u++, argc++;
    }
    *units = u;
    return argc;
}

static LPWSTR *WINAPI w32_CommandLineToArgvW(LPCWSTR cmd, int *argc)
{
    size_t units;
    if (!argc) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    static const WCHAR empty[] = { 0 };
    if (!cmd)
        cmd = empty;
    int n = split(cmd, NULL, NULL, &units);
    /* one block, freed with LocalFree: pointers, then the strings */
    size_t ptrs = ((size_t)n + 1) * sizeof(WCHAR *);
    uint64_t *blk = NULL;
    extern PVOID w32_local_alloc(SIZE_T n);
    blk = w32_local_alloc(ptrs + units * sizeof(WCHAR));
    if (!blk) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    WCHAR **out = (WCHAR **)blk, *store = (WCHAR *)((char *)blk + ptrs);
    split(cmd, out, store, &units);
    out[n] = NULL;
    *argc = n;
    return out;
}

W32_EXPORTS(shell32) = { EXPORT(CommandLineToArgvW, "wp:p") };
