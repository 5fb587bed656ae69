/* deny.c — the XENO_DENY rules: one errno per Linux call number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deny.h"
#include "ltable.h"

static uint16_t deny_table[LINUX_NSYS];
static int any;

static int errno_of(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end)
        return v > 0 && v < 4096 ? (int)v : -1;
    for (int e = 1; e < 4096; e++) {
        const char *name = strerrorname_np(e);
        if (name && !strcmp(name, s))
            return e;
    }
    return -1;
}

/* Mark NAME (and its variants unless EXACT) as pending (value 0xffff). */
static int mark(const char *name, int exact)
{
    static const char *const suffixes[] = { "", "at", "at2", "2" };
    int found = 0;
    for (size_t i = 0; i < (exact ? 1 : sizeof suffixes / sizeof suffixes[0]); i++) {
        char full[80];
        snprintf(full, sizeof full, "%s%s", name, suffixes[i]);
        int nr = linux_nr_of(full);
        if (nr >= 0) {
            deny_table[nr] = 0xffff;
            found = 1;
        }
    }
    return found;
}

static void settle(int err)
{
    for (int nr = 0; nr < LINUX_NSYS; nr++)
        if (deny_table[nr] == 0xffff)
            deny_table[nr] = (uint16_t)err;
}

int deny_parse(const char *spec, char *err, size_t n)
{
    memset(deny_table, 0, sizeof deny_table);
    any = 0;
    for (const char *p = spec; p && *p;) {
        char tok[96];
        size_t len = strcspn(p, ",");
        snprintf(tok, sizeof tok, "%.*s", (int)len, p);
        p += len + (p[len] == ',');
        if (!*tok)
            continue;
        char *colon = strchr(tok, ':');
        if (colon)
            *colon = 0;
        int exact = tok[0] == '=';
        if (!mark(tok + exact, exact)) {
            snprintf(err, n, "XENO_DENY: unknown system call '%s'", tok + exact);
            return -1;
        }
        if (colon) {
            int e = errno_of(colon + 1);
            if (e < 0) {
                snprintf(err, n, "XENO_DENY: unknown errno '%s'", colon + 1);
                return -1;
            }
            settle(e);
        }
        any = 1;
    }
    settle(1); /* EPERM for names after the last errno */
    return 0;
}

int deny_active(void)
{
    return any;
}

int deny_errno(long nr)
{
    return nr >= 0 && nr < LINUX_NSYS ? deny_table[nr] : 0;
}
