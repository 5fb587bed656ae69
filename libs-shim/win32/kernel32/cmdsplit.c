/* cmdsplit.c — Windows command-line splitting: argv[0] runs to the next
 * blank, or between quotes taken literally; other arguments are
 * separated by blanks and tabs outside quotes, 2n backslashes before a
 * quote give n backslashes and the quote toggles quoting, 2n+1 give n
 * and a literal quote, "" inside quotes is a literal quote, and other
 * backslashes are literal. */
#include <stdlib.h>
#include <string.h>

#include "cmdsplit.h"

/* One pass; with OUT NULL only count units and arguments. */
static int split(const char *p, char **out, char *store, size_t *units)
{
    int argc = 0;
    size_t u = 0;
#define PUT(c) do { if (out) store[u] = (c); u++; } while (0)
    if (out) out[argc] = store;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            PUT(*p);
        if (*p)
            p++;
    } else {
        for (; *p && *p != ' ' && *p != '\t'; p++)
            PUT(*p);
    }
    PUT(0);
    argc++;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (out) out[argc] = store + u;
        int inq = 0;
        while (*p && (inq || (*p != ' ' && *p != '\t'))) {
            size_t bs = 0;
            while (*p == '\\')
                p++, bs++;
            if (*p == '"') {
                for (size_t i = 0; i < bs / 2; i++)
                    PUT('\\');
                if (bs % 2) {
                    PUT('"');
                    p++;
                } else if (inq && p[1] == '"') {
                    PUT('"');
                    p += 2;
                } else {
                    inq = !inq;
                    p++;
                }
                continue;
            }
            for (size_t i = 0; i < bs; i++)
                PUT('\\');
            if (*p && (inq || (*p != ' ' && *p != '\t'))) {
                PUT(*p);
                p++;
            }
        }
        PUT(0);
        argc++;
    }
#undef PUT
    *units = u;
    return argc;
}

char **k32_split_cmdline(const char *cmd, int *argc)
{
    size_t units;
    int n = split(cmd ? cmd : "", NULL, NULL, &units);
    size_t ptrs = ((size_t)n + 1) * sizeof(char *);
    char **v = malloc(ptrs + units);
    if (!v)
        return NULL;
    split(cmd ? cmd : "", v, (char *)v + ptrs, &units);
    v[n] = NULL;
    *argc = n;
    return v;
}
