/* remap.c — the XENO_REMAP rules and the rewriting of one path. */
#include <stdio.h>
#include <string.h>

#include "remap.h"

#define MAX_RULES 16
#define MAX_PREFIX 512

struct rule {
    char from[MAX_PREFIX], to[MAX_PREFIX];
    size_t flen, tlen;
};
static struct rule rules[MAX_RULES];
static int nrules;

/* One "/from=/to": both absolute; trailing slashes dropped. */
static int add_rule(const char *s, size_t len, char *err, size_t n)
{
    const char *eq = memchr(s, '=', len);
    if (!eq || s[0] != '/' || eq[1] != '/') {
        snprintf(err, n, "XENO_REMAP: '%.*s' is not /from=/to", (int)len, s);
        return -1;
    }
    size_t flen = (size_t)(eq - s), tlen = len - flen - 1;
    while (flen > 1 && s[flen - 1] == '/')
        flen--;
    while (tlen > 1 && eq[tlen] == '/')
        tlen--;
    if (nrules == MAX_RULES || flen >= MAX_PREFIX || tlen >= MAX_PREFIX) {
        snprintf(err, n, "XENO_REMAP: too many or too long rules");
        return -1;
    }
    struct rule *r = &rules[nrules++];
    memcpy(r->from, s, flen), r->from[flen] = 0, r->flen = flen;
    memcpy(r->to, eq + 1, tlen), r->to[tlen] = 0, r->tlen = tlen;
    return 0;
}

int remap_parse(const char *spec, char *err, size_t n)
{
    nrules = 0;
    for (const char *p = spec; p && *p;) {
        size_t len = strcspn(p, ":");
        if (len && add_rule(p, len, err, n) < 0)
            return -1;
        p += len + (p[len] == ':');
    }
    return 0;
}

int remap_active(void)
{
    return nrules > 0;
}

/* Does PATH lie under FROM (FLEN bytes), on a component boundary? */
static int under(const char *path, const char *from, size_t flen)
{
    if (flen == 1) /* "/": every absolute path */
        return path[0] == '/';
    return !strncmp(path, from, flen) && (path[flen] == 0 || path[flen] == '/');
}

int remap_path(const char *path, char *buf, size_t n)
{
    if (path[0] != '/')
        return 0;
    for (int i = 0; i < nrules; i++) {
        const struct rule *r = &rules[i];
        if (!under(path, r->from, r->flen))
            continue;
        const char *rest = path + (r->flen == 1 ? 0 : r->flen);
        int len = snprintf(buf, n, "%s%s", r->tlen == 1 && *rest ? "" : r->to, rest);
        return len < 0 || (size_t)len >= n ? -1 : 1;
    }
    return 0;
}
