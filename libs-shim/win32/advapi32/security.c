/* security.c — the security-descriptor basics cmd.exe's "dir /q" uses:
 * GetFileSecurity(A/W) for the owner and group of a file (a self-relative
 * descriptor; the host user is the account S-1-5-21-0-0-0-1000 as under
 * Wine, other owners "Unix User"/"Unix Group" SIDs S-1-22-1-uid and
 * S-1-22-2-gid), GetSecurityDescriptorOwner/Group, and LookupAccountSid
 * (A/W) for those and a few well-known SIDs. Access-control lists (DACL,
 * SACL) are not built: asking for one is reported as unimplemented. */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "../registry.h"
#include "../relay.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define OWNER_SECURITY_INFORMATION 1
#define GROUP_SECURITY_INFORMATION 2
#define SE_OWNER_DEFAULTED 0x0001
#define SE_GROUP_DEFAULTED 0x0002
#define SE_SELF_RELATIVE 0x8000
#define ERROR_NONE_MAPPED 1332
#define ERROR_UNKNOWN_REVISION 1305
#define ERROR_INVALID_SID 1337
#define USER_RID 1000

enum { SID_USER = 1, SID_GROUP = 2, SID_ALIAS = 4, SID_WELL_KNOWN = 5 };

/* A SID: authority (S-1-A-…) and sub-authorities. */
struct sid {
    uint64_t auth;
    uint32_t sub[8];
    int n;
};

static size_t sid_put(uint8_t *out, const struct sid *s)
{
    out[0] = 1, out[1] = (uint8_t)s->n;
    for (int i = 0; i < 6; i++)
        out[2 + i] = (uint8_t)(s->auth >> (8 * (5 - i)));
    memcpy(out + 8, s->sub, 4 * (size_t)s->n);
    return 8 + 4 * (size_t)s->n;
}

static int sid_get(const uint8_t *p, struct sid *s)
{
    if (!p || p[0] != 1 || p[1] > 8)
        return 0;
    s->n = p[1], s->auth = 0;
    for (int i = 0; i < 6; i++)
        s->auth = s->auth << 8 | p[2 + i];
    memcpy(s->sub, p + 8, 4 * (size_t)s->n);
    return 1;
}

/* The SID of host user UID (GROUP: of host group GID). */
static struct sid owner_sid(unsigned id, int group)
{
    if (!group && id == geteuid())
        return (struct sid){ 5, { 21, 0, 0, 0, USER_RID }, 5 };
    return (struct sid){ 22, { group ? 2u : 1u, id }, 2 };
}

/* ---- GetFileSecurity ---- */
static BOOL file_security(const char *host, DWORD info, void *sd, DWORD len, DWORD *needed)
{
    struct stat st;
    uint8_t buf[20 + 2 * 40] = { 1 };
    if (info & ~(DWORD)(OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION))
        ((void (WINAPI *)(void))w32_missing_stub("advapi32.dll", "GetFileSecurity(DACL/SACL)"))();
    if (stat(host, &st)) {
        w32_set_last_error(w32_error_from_errno(errno));
        return FALSE;
    }
    uint16_t control = SE_SELF_RELATIVE;
    uint32_t at = 20;
    memcpy(buf + 2, &control, 2);
    if (info & OWNER_SECURITY_INFORMATION) {
        struct sid s = owner_sid(st.st_uid, 0);
        memcpy(buf + 4, &at, 4);
        at += (uint32_t)sid_put(buf + at, &s);
    }
    if (info & GROUP_SECURITY_INFORMATION) {
        struct sid s = owner_sid(st.st_gid, 1);
        memcpy(buf + 8, &at, 4);
        at += (uint32_t)sid_put(buf + at, &s);
    }
    if (needed)
        *needed = at;
    if (!sd || len < at) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(sd, buf, at);
    return TRUE;
}

static BOOL WINAPI w32_GetFileSecurityW(LPCWSTR path, DWORD info, void *sd, DWORD len, DWORD *needed)
{
    char host[PATH_MAX];
    DWORD err = path ? w32_wpath_to_host(path, host, sizeof host) : ERROR_INVALID_PARAMETER;
    if (err) {
        w32_set_last_error(err);
        return FALSE;
    }
    return file_security(host, info, sd, len, needed);
}

static BOOL WINAPI w32_GetFileSecurityA(LPCSTR path, DWORD info, void *sd, DWORD len, DWORD *needed)
{
    char host[PATH_MAX];
    DWORD err = path ? w32_path_to_host(path, host, sizeof host) : ERROR_INVALID_PARAMETER;
    if (err) {
        w32_set_last_error(err);
        return FALSE;
    }
    return file_security(host, info, sd, len, needed);
}

/* The owner (WHICH 0) or group (1) of a descriptor, self-relative or absolute. */
static BOOL sd_part(const uint8_t *sd, int which, void **sid, BOOL *defaulted)
{
    uint16_t control;
    if (!sd || !sid || !defaulted) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (sd[0] != 1) {
        w32_set_last_error(ERROR_UNKNOWN_REVISION);
        return FALSE;
    }
    memcpy(&control, sd + 2, 2);
    if (control & SE_SELF_RELATIVE) {
        uint32_t off;
        memcpy(&off, sd + 4 + 4 * which, 4);
        *sid = off ? (void *)(sd + off) : NULL;
    } else {
        memcpy(sid, sd + 8 + 8 * which, sizeof *sid);
    }
    *defaulted = (control & (which ? SE_GROUP_DEFAULTED : SE_OWNER_DEFAULTED)) != 0;
    return TRUE;
}

static BOOL WINAPI w32_GetSecurityDescriptorOwner(const void *sd, void **owner, BOOL *defaulted)
{
    return sd_part(sd, 0, owner, defaulted);
}

static BOOL WINAPI w32_GetSecurityDescriptorGroup(const void *sd, void **group, BOOL *defaulted)
{
    return sd_part(sd, 1, group, defaulted);
}

/* ---- LookupAccountSid ---- */
static const struct {
    struct sid sid;
    const char *domain, *name;
    int use;
} well_known[] = {
    { { 1, { 0 }, 1 }, "", "Everyone", SID_WELL_KNOWN },
    { { 5, { 18 }, 1 }, "NT AUTHORITY", "SYSTEM", SID_WELL_KNOWN },
    { { 5, { 11 }, 1 }, "NT AUTHORITY", "Authenticated Users", SID_WELL_KNOWN },
    { { 5, { 32, 544 }, 2 }, "BUILTIN", "Administrators", SID_ALIAS },
    { { 5, { 32, 545 }, 2 }, "BUILTIN", "Users", SID_ALIAS },
};

static int sid_eq(const struct sid *a, const struct sid *b)
{
    return a->auth == b->auth && a->n == b->n && !memcmp(a->sub, b->sub, 4 * (size_t)a->n);
}

/* Domain and name of SID (UTF-8). 0, or ERROR_NONE_MAPPED. */
static DWORD account_of(const struct sid *s, char *dom, char *name, size_t n, int *use)
{
    struct sid me = owner_sid(geteuid(), 0);
    for (size_t i = 0; i < sizeof well_known / sizeof well_known[0]; i++)
        if (sid_eq(s, &well_known[i].sid)) {
            snprintf(dom, n, "%s", well_known[i].domain);
            snprintf(name, n, "%s", well_known[i].name);
            *use = well_known[i].use;
            return 0;
        }
    if (sid_eq(s, &me)) {
        typedef BOOL (WINAPI *name_fn)(LPSTR, DWORD *);
        DWORD dn = (DWORD)n, nn = (DWORD)n;
        if (!((name_fn)w32_builtin_fn("kernel32.dll", "GetComputerNameA"))(dom, &dn) ||
            !((name_fn)w32_builtin_fn("advapi32.dll", "GetUserNameA"))(name, &nn))
            return ERROR_NONE_MAPPED;
        *use = SID_USER;
        return 0;
    }
    if (s->auth == 22 && s->n == 2 && (s->sub[0] == 1 || s->sub[0] == 2)) {
        struct passwd *pw = s->sub[0] == 1 ? getpwuid(s->sub[1]) : NULL;
        struct group *gr = s->sub[0] == 2 ? getgrgid(s->sub[1]) : NULL;
        snprintf(dom, n, "%s", s->sub[0] == 1 ? "Unix User" : "Unix Group");
        if (pw || gr)
            snprintf(name, n, "%s", pw ? pw->pw_name : gr->gr_name);
        else
            snprintf(name, n, "%u", s->sub[1]);
        *use = s->sub[0] == 1 ? SID_USER : SID_ALIAS;
        return 0;
    }
    return ERROR_NONE_MAPPED;
}

/* Both sizes are in characters: on success the lengths without the NUL,
 * when a buffer is too small the sizes needed with it. */
static BOOL lookup_sid(const void *sidp, void *name, DWORD *nlen, void *dom, DWORD *dlen,
                       int *use, int wide)
{
    struct sid s;
    char d8[256], n8[256];
    int u = 0;
    if (!sid_get(sidp, &s)) {
        w32_set_last_error(ERROR_INVALID_SID);
        return FALSE;
    }
    DWORD err = nlen && dlen ? account_of(&s, d8, n8, sizeof n8, &u) : ERROR_INVALID_PARAMETER;
    if (err) {
        w32_set_last_error(err);
        return FALSE;
    }
    DWORD nl = (DWORD)(wide ? w32_utf8_to_utf16(n8, -1, NULL, 0) : strlen(n8));
    DWORD dl = (DWORD)(wide ? w32_utf8_to_utf16(d8, -1, NULL, 0) : strlen(d8));
    if (!name || !dom || *nlen <= nl || *dlen <= dl) {
        *nlen = nl + 1, *dlen = dl + 1;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (wide) {
        w32_utf8_to_utf16(n8, -1, name, *nlen);
        w32_utf8_to_utf16(d8, -1, dom, *dlen);
    } else {
        memcpy(name, n8, nl + 1);
        memcpy(dom, d8, dl + 1);
    }
    *nlen = nl, *dlen = dl;
    if (use)
        *use = u;
    return TRUE;
}

static BOOL WINAPI w32_LookupAccountSidW(LPCWSTR sys, const void *sid, LPWSTR name, DWORD *nlen,
                                         LPWSTR dom, DWORD *dlen, int *use)
{
    (void)sys; /* the local machine is the only one */
    return lookup_sid(sid, name, nlen, dom, dlen, use, 1);
}

static BOOL WINAPI w32_LookupAccountSidA(LPCSTR sys, const void *sid, LPSTR name, DWORD *nlen,
                                         LPSTR dom, DWORD *dlen, int *use)
{
    (void)sys;
    return lookup_sid(sid, name, nlen, dom, dlen, use, 0);
}

W32_EXPORTS(advapi32) = {
    EXPORT(GetFileSecurityW, "wupup:i"),
    EXPORT(GetFileSecurityA, "supup:i"),
    EXPORT(GetSecurityDescriptorOwner, "ppp:i"),
    EXPORT(GetSecurityDescriptorGroup, "ppp:i"),
    EXPORT(LookupAccountSidW, "wpppppp:i"),
    EXPORT(LookupAccountSidA, "spppppp:i"),
};
