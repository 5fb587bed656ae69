/* token.c — access tokens and SIDs as console programs ask about them:
 * OpenProcessToken (every process runs as the host user, whose SID is
 * S-1-5-21-0-0-0-1000, as GetFileSecurity reports owners), OpenThreadToken
 * (no thread impersonates: ERROR_NO_TOKEN), GetTokenInformation for
 * TokenUser, TokenElevationType and TokenElevation (root counts as an
 * elevated administrator), and IsValidSid, GetLengthSid, CopySid,
 * EqualSid. Other token classes are reported as unimplemented when asked
 * for. userenv's GetUserProfileDirectory(A/W) gives %USERPROFILE%. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../handles.h"
#include "../registry.h"
#include "../relay.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define ERROR_NO_TOKEN 1008
#define TOKEN_USER_CLASS 1
#define TOKEN_ELEVATION_TYPE_CLASS 18
#define TOKEN_ELEVATION_CLASS 20
#define SID_MAX_SUB 15

static void token_destroy(struct w32_object *o) { free(o); }

static BOOL WINAPI w32_OpenProcessToken(HANDLE process, DWORD access, HANDLE *out)
{
    (void)access;
    struct w32_object *p = w32_handle_get(process, W32_H_PROCESS);
    if (!p)
        return FALSE;
    w32_obj_put(p);
    struct w32_object *t = calloc(1, sizeof *t);
    HANDLE h = t ? (t->type = W32_H_OTHER, t->destroy = token_destroy, w32_handle_new(t)) : NULL;
    if (!h) {
        free(t);
        return w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY), FALSE;
    }
    *out = h;
    return TRUE;
}

static BOOL WINAPI w32_OpenThreadToken(HANDLE thread, DWORD access, BOOL self, HANDLE *out)
{
    (void)thread, (void)access, (void)self, (void)out;
    return w32_set_last_error(ERROR_NO_TOKEN), FALSE;
}

/* S-1-5-21-0-0-0-1000: the host user (advapi32/security.c's owner SID). */
static size_t user_sid(uint8_t out[28])
{
    static const uint32_t sub[5] = { 21, 0, 0, 0, 1000 };
    memset(out, 0, 8);
    out[0] = 1, out[1] = 5, out[7] = 5;
    memcpy(out + 8, sub, sizeof sub);
    return 28;
}

/* The bytes of token class CLS in OUT (at most 64): their count, or 0. */
static size_t token_info(int cls, uint8_t *out, uint64_t at)
{
    DWORD v;
    switch (cls) {
    case TOKEN_USER_CLASS: { /* TOKEN_USER: { PSID Sid; DWORD Attributes; }, then the SID */
        uint64_t sid = at + 16;
        memcpy(out, &sid, 8);
        memset(out + 8, 0, 8);
        return 16 + user_sid(out + 16);
    }
    case TOKEN_ELEVATION_TYPE_CLASS:
        v = 1; /* TokenElevationTypeDefault: no split token */
        break;
    case TOKEN_ELEVATION_CLASS:
        v = geteuid() == 0;
        break;
    default:
        return 0;
    }
    memcpy(out, &v, 4);
    return 4;
}

static BOOL WINAPI w32_GetTokenInformation(HANDLE token, int cls, void *buf, DWORD len, DWORD *ret)
{
    struct w32_object *t = w32_handle_get(token, W32_H_OTHER);
    if (!t || t->destroy != token_destroy) {
        if (t)
            w32_obj_put(t);
        return w32_set_last_error(ERROR_INVALID_HANDLE), FALSE;
    }
    w32_obj_put(t);
    uint8_t data[64];
    size_t n = token_info(cls, data, (uint64_t)(uintptr_t)buf);
    if (!n)
        ((void (WINAPI *)(void))w32_missing_stub("advapi32.dll", "GetTokenInformation(this class)"))();
    if (ret)
        *ret = (DWORD)n;
    if (!buf || len < n)
        return w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), FALSE;
    memcpy(buf, data, n);
    return TRUE;
}

static BOOL WINAPI w32_IsValidSid(const uint8_t *sid)
{
    return sid && sid[0] == 1 && sid[1] <= SID_MAX_SUB;
}

static DWORD WINAPI w32_GetLengthSid(const uint8_t *sid)
{
    return 8 + 4 * (DWORD)sid[1];
}

static BOOL WINAPI w32_CopySid(DWORD len, uint8_t *dst, const uint8_t *src)
{
    if (!w32_IsValidSid(src))
        return w32_set_last_error(ERROR_INVALID_PARAMETER), FALSE;
    if (len < w32_GetLengthSid(src))
        return w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), FALSE;
    memcpy(dst, src, w32_GetLengthSid(src));
    return TRUE;
}

static BOOL WINAPI w32_EqualSid(const uint8_t *a, const uint8_t *b)
{
    w32_set_last_error(ERROR_SUCCESS);
    return w32_IsValidSid(a) && w32_IsValidSid(b) && a[1] == b[1] && !memcmp(a, b, w32_GetLengthSid(a));
}

W32_EXPORTS(advapi32) = {
    EXPORT(OpenProcessToken, "hup:i"),
    EXPORT(OpenThreadToken, "huip:i"),
    EXPORT(GetTokenInformation, "hipup:i"),
    EXPORT(IsValidSid, "p:i"),
    EXPORT(GetLengthSid, "p:u"),
    EXPORT(CopySid, "upp:i"),
    EXPORT(EqualSid, "pp:i"),
};

/* ---- userenv.dll ---- */
static BOOL WINAPI w32_GetUserProfileDirectoryW(HANDLE token, WCHAR *buf, DWORD *size)
{
    (void)token;
    WCHAR v[512];
    typedef DWORD (WINAPI *getenv_fn)(const WCHAR *, WCHAR *, DWORD);
    getenv_fn get = (getenv_fn)w32_builtin_fn("kernel32", "GetEnvironmentVariableW");
    static const WCHAR name[] = { 'U', 'S', 'E', 'R', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0 };
    DWORD n = get ? get(name, v, 512) : 0;
    if (!size || !n || n >= 512)
        return w32_set_last_error(!size ? ERROR_INVALID_PARAMETER : ERROR_FILE_NOT_FOUND), FALSE;
    if (!buf || *size < n + 1) {
        *size = n + 1;
        return w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), FALSE;
    }
    memcpy(buf, v, (n + 1) * sizeof *v);
    *size = n + 1;
    return TRUE;
}

static BOOL WINAPI w32_GetUserProfileDirectoryA(HANDLE token, char *buf, DWORD *size)
{
    WCHAR w[512];
    DWORD wn = 512;
    if (!size)
        return w32_set_last_error(ERROR_INVALID_PARAMETER), FALSE;
    if (!w32_GetUserProfileDirectoryW(token, w, &wn))
        return FALSE;
    char *u = w32_wide_to_utf8(w);
    DWORD n = u ? (DWORD)strlen(u) + 1 : 0;
    BOOL ok = u && buf && *size >= n;
    if (ok)
        memcpy(buf, u, n);
    *size = n;
    free(u);
    return ok ? TRUE : (w32_set_last_error(ERROR_INSUFFICIENT_BUFFER), FALSE);
}

W32_EXPORTS(userenv) = {
    EXPORT(GetUserProfileDirectoryW, "hpp:i"),
    EXPORT(GetUserProfileDirectoryA, "hpp:i"),
};
