/* environ.c — the Windows environment: one block of "NAME=VALUE\0"
 * UTF-16 strings ending with an empty one, sorted case-insensitively as
 * Windows keeps it, published in the PEB's process parameters. Names are
 * case-insensitive. Get/SetEnvironmentVariable(A/W),
 * GetEnvironmentStrings(A/W)/FreeEnvironmentStrings, SetEnvironmentStringsW,
 * ExpandEnvironmentStrings(A/W), and the C API in k32api.h for the CRT.
 * The block starts as the host environment plus the variables every
 * Windows process has (SystemRoot, windir, ComSpec, USERPROFILE …) where
 * the host does not define them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"

static WCHAR **vars; /* sorted "NAME=VALUE" entries */
static size_t nvars;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The name part of an entry: up to the first '=' after its first
 * character (entries such as "=C:=C:\x" start with one). */
static size_t name_len(const WCHAR *e)
{
    size_t i = e[0] ? 1 : 0;
    while (e[i] && e[i] != '=')
        i++;
    return i;
}

static int cmp_names(const WCHAR *a, size_t na, const WCHAR *b, size_t nb)
{
    return w32_wcsnicmp_units(a, na, b, nb);
}

/* Lock held. Index of NAME, or where it would go (with *found 0). */
static size_t find(const WCHAR *name, size_t n, int *found)
{
    size_t lo = 0, hi = nvars;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_names(vars[mid], name_len(vars[mid]), name, n);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

/* Lock held: rebuild the block the PEB shows. */
static void publish(void)
{
    size_t units = 1;
    for (size_t i = 0; i < nvars; i++)
        units += w32_wcslen(vars[i]) + 1;
    WCHAR *blk = malloc(units * sizeof *blk), *p = blk;
    if (!blk)
        return;
    for (size_t i = 0; i < nvars; i++) {
        size_t l = w32_wcslen(vars[i]) + 1;
        memcpy(p, vars[i], l * sizeof *p);
        p += l;
    }
    *p = 0;
    if (w32_proc.params)
        w32_proc.params->Environment = blk; /* the old block is left to readers that hold it */
}

static WCHAR *wdup_n(const WCHAR *s, size_t n)
{
    WCHAR *r = malloc((n + 1) * sizeof *r);
    if (r) {
        memcpy(r, s, n * sizeof *r);
        r[n] = 0;
    }
    return r;
}

/* Lock held. Set (VALUE non-NULL) or remove a variable. */
static int set_locked(const WCHAR *name, size_t n, const WCHAR *value)
{
    int found;
    size_t i = find(name, n, &found);
    if (!value) {
        if (found) {
            free(vars[i]);
            memmove(&vars[i], &vars[i + 1], (nvars - i - 1) * sizeof *vars);
            nvars--;
        }
        return 1;
    }
    size_t vl = w32_wcslen(value);
    WCHAR *e = malloc((n + vl + 2) * sizeof *e);
    if (!e)
        return 0;
    memcpy(e, name, n * sizeof *e);
    e[n] = '=';
    memcpy(e + n + 1, value, (vl + 1) * sizeof *e);
    if (found) {
        free(vars[i]);
        vars[i] = e;
        return 1;
    }
    WCHAR **nv = realloc(vars, (nvars + 1) * sizeof *nv);
    if (!nv) {
        free(e);
        return 0;
    }
    vars = nv;
    memmove(&vars[i + 1], &vars[i], (nvars - i) * sizeof *vars);
    vars[i] = e;
    nvars++;
    return 1;
}

static void load_block(const WCHAR *blk)
{
    for (const WCHAR *p = blk; p && *p; p += w32_wcslen(p) + 1) {
        size_t n = name_len(p);
        if (p[n] == '=')
            set_locked(p, n, p + n + 1);
    }
}

static void set_default(const char *name, const char *value)
{
    WCHAR *n = w32_utf8_to_wide(name), *v = w32_utf8_to_wide(value);
    int found;
    if (n && v) {
        find(n, w32_wcslen(n), &found);
        if (!found)
            set_locked(n, w32_wcslen(n), v);
    }
    free(n), free(v);
}

static void add_windows_defaults(void)
{
    char buf[512], host[128] = "localhost";
    const char *user = w32_user_name();
    gethostname(host, sizeof host - 1);
    for (char *p = host; *p; p++)
        *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    set_default("SystemRoot", "C:\\windows");
    set_default("windir", "C:\\windows");
    set_default("SystemDrive", "C:");
    set_default("ComSpec", "C:\\windows\\system32\\cmd.exe");
    set_default("PATHEXT", ".COM;.EXE;.BAT;.CMD");
    set_default("OS", "Windows_NT");
    set_default("PROCESSOR_ARCHITECTURE", "AMD64");
    snprintf(buf, sizeof buf, "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    set_default("NUMBER_OF_PROCESSORS", buf);
    set_default("USERNAME", user);
    set_default("COMPUTERNAME", host);
    snprintf(buf, sizeof buf, "C:\\users\\%s", user);
    set_default("USERPROFILE", buf);
    set_default("HOMEDRIVE", "C:");
    snprintf(buf, sizeof buf, "\\users\\%s", user);
    set_default("HOMEPATH", buf);
    snprintf(buf, sizeof buf, "C:\\users\\%s\\AppData\\Roaming", user);
    set_default("APPDATA", buf);
    snprintf(buf, sizeof buf, "C:\\users\\%s\\AppData\\Local", user);
    set_default("LOCALAPPDATA", buf);
    set_default("ProgramData", "C:\\ProgramData");
    set_default("ProgramFiles", "C:\\Program Files");
    set_default("PUBLIC", "C:\\users\\Public");
    const char *tmp = getenv("TMPDIR");
    w32_host_to_win(tmp && *tmp == '/' ? tmp : "/tmp", buf, sizeof buf);
    set_default("TEMP", buf);
    set_default("TMP", buf);
}

/* At start: the block process.c built from the host environment. */
void k32_env_init(void)
{
    pthread_mutex_lock(&lock);
    load_block(w32_proc.params ? w32_proc.params->Environment : NULL);
    add_windows_defaults();
    publish();
    pthread_mutex_unlock(&lock);
}

/* ---- the C API (k32api.h) ---- */
static DWORD set_w(const WCHAR *name, const WCHAR *value)
{
    size_t n = name ? w32_wcslen(name) : 0;
    if (!n || name_len(name) != n) {
        return ERROR_INVALID_PARAMETER;
    }
    pthread_mutex_lock(&lock);
    int ok = set_locked(name, n, value);
    publish();
    pthread_mutex_unlock(&lock);
    return ok ? 0 : ERROR_NOT_ENOUGH_MEMORY;
}

/* The value of NAME (malloc'd UTF-16), or NULL. */
static WCHAR *get_w(const WCHAR *name)
{
    int found;
    WCHAR *r = NULL;
    pthread_mutex_lock(&lock);
    size_t n = w32_wcslen(name);
    size_t i = n ? find(name, n, &found) : (found = 0);
    if (found) {
        const WCHAR *v = vars[i] + name_len(vars[i]) + 1;
        r = wdup_n(v, w32_wcslen(v));
    }
    pthread_mutex_unlock(&lock);
    return r;
}

DWORD w32_env_set(const char *name, const char *value)
{
    WCHAR *n = w32_utf8_to_wide(name), *v = w32_utf8_to_wide(value);
    DWORD r = n ? set_w(n, v) : ERROR_INVALID_PARAMETER;
    free(n), free(v);
    return r;
}

char *w32_env_get(const char *name)
{
    WCHAR *n = w32_utf8_to_wide(name);
    WCHAR *v = n ? get_w(n) : NULL;
    char *r = w32_wide_to_utf8(v);
    free(n), free(v);
    return r;
}

char **w32_env_list(void)
{
    pthread_mutex_lock(&lock);
    char **l = calloc(nvars + 1, sizeof *l);
    for (size_t i = 0; l && i < nvars; i++)
        l[i] = w32_wide_to_utf8(vars[i]);
    pthread_mutex_unlock(&lock);
    return l;
}

void w32_env_free(char **list)
{
    for (size_t i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

/* ---- the Windows API ---- */
static DWORD WINAPI w32_GetEnvironmentVariableW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    if (!name) {
        w32_set_last_error(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    WCHAR *v = get_w(name);
    if (!v) {
        w32_set_last_error(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    DWORD r = k32_ret_wstr(v, buf, size);
    free(v);
    if (r == 0)
        w32_set_last_error(ERROR_SUCCESS); /* an empty value */
    return r;
}

static DWORD WINAPI w32_GetEnvironmentVariableA(LPCSTR name, LPSTR buf, DWORD size)
{
    char *v = name ? w32_env_get(name) : NULL;
    if (!v) {
        w32_set_last_error(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    DWORD r = k32_ret_str_a(v, buf, size);
    free(v);
    if (r == 0)
        w32_set_last_error(ERROR_SUCCESS);
    return r;
}

static BOOL WINAPI w32_SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
    DWORD e = name ? set_w(name, value) : ERROR_INVALID_PARAMETER;
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

static BOOL WINAPI w32_SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    DWORD e = name ? w32_env_set(name, value) : ERROR_INVALID_PARAMETER;
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

static WCHAR *block_copy(size_t *units_out)
{
    pthread_mutex_lock(&lock);
    size_t units = 1;
    for (size_t i = 0; i < nvars; i++)
        units += w32_wcslen(vars[i]) + 1;
    WCHAR *b = malloc(units * sizeof *b), *p = b;
    for (size_t i = 0; b && i < nvars; i++) {
        size_t l = w32_wcslen(vars[i]) + 1;
        memcpy(p, vars[i], l * sizeof *p);
        p += l;
    }
    if (b)
        *p = 0;
    pthread_mutex_unlock(&lock);
    if (units_out)
        *units_out = units;
    return b;
}

static LPWSTR WINAPI w32_GetEnvironmentStringsW(void)
{
    WCHAR *b = block_copy(NULL);
    if (!b)
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return b;
}

static LPSTR WINAPI w32_GetEnvironmentStringsA(void)
{
    size_t units;
    WCHAR *w = block_copy(&units);
    if (!w) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    size_t bytes = w32_utf16_to_utf8(w, (long)units, NULL, 0);
    char *a = malloc(bytes + 1);
    if (a)
        w32_utf16_to_utf8(w, (long)units, a, bytes + 1);
    free(w);
    return a;
}

static BOOL WINAPI w32_FreeEnvironmentStringsW(PVOID p)
{
    free(p);
    return TRUE;
}

static BOOL WINAPI w32_SetEnvironmentStringsW(LPCWSTR blk)
{
    pthread_mutex_lock(&lock);
    while (nvars)
        free(vars[--nvars]);
    load_block(blk);
    publish();
    pthread_mutex_unlock(&lock);
    return TRUE;
}

/* %NAME% → its value; unknown names stay as they are. Returns the
 * expanded string (malloc'd). */
static WCHAR *expand(const WCHAR *src)
{
    size_t cap = w32_wcslen(src) + 1, len = 0;
    WCHAR *out = malloc(cap * sizeof *out);
    for (const WCHAR *p = src; out && *p;) {
        const WCHAR *end = NULL, *piece = p;
        size_t plen = 1;
        WCHAR *val = NULL;
        if (*p == '%') {
            for (end = p + 1; *end && *end != '%'; end++)
                ;
            if (*end == '%' && end > p + 1) {
                WCHAR *name = wdup_n(p + 1, (size_t)(end - p - 1));
                val = name ? get_w(name) : NULL;
                free(name);
            }
            if (val)
                piece = val, plen = w32_wcslen(val), p = end + 1;
            else if (*end == '%')
                plen = (size_t)(end - p), p = end; /* keep "%NAME" and look at '%' again */
            else
                plen = w32_wcslen(p), p += plen;
        } else {
            p++;
        }
        if (len + plen + 1 > cap) {
            cap = (len + plen + 1) * 2;
            WCHAR *n = realloc(out, cap * sizeof *n);
            if (!n) {
                free(out), free(val);
                return NULL;
            }
            out = n;
        }
        memcpy(out + len, piece, plen * sizeof *out);
        len += plen;
        free(val);
    }
    if (out)
        out[len] = 0;
    return out;
}

static DWORD WINAPI w32_ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    WCHAR *e = src ? expand(src) : NULL;
    if (!e) {
        w32_set_last_error(src ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
        return 0;
    }
    DWORD need = (DWORD)w32_wcslen(e) + 1;
    if (dst && size >= need)
        memcpy(dst, e, need * sizeof *e);
    free(e);
    return need;
}

static DWORD WINAPI w32_ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    WCHAR *w = w32_utf8_to_wide(src);
    WCHAR *e = w ? expand(w) : NULL;
    free(w);
    if (!e) {
        w32_set_last_error(src ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
        return 0;
    }
    char *a = w32_wide_to_utf8(e);
    free(e);
    DWORD need = a ? (DWORD)strlen(a) + 1 : 0;
    if (a && dst && size >= need)
        memcpy(dst, a, need);
    free(a);
    return need;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetEnvironmentVariableA, "spu:u"),
    EXPORT(GetEnvironmentVariableW, "wpu:u"),
    EXPORT(SetEnvironmentVariableA, "ss:i"),
    EXPORT(SetEnvironmentVariableW, "ww:i"),
    EXPORT(GetEnvironmentStringsW, ":p"),
    EXPORT(GetEnvironmentStringsA, ":p"),
    EXPORT_AS("GetEnvironmentStrings", w32_GetEnvironmentStringsA, ":p"),
    EXPORT(FreeEnvironmentStringsW, "p:i"),
    EXPORT_AS("FreeEnvironmentStringsA", w32_FreeEnvironmentStringsW, "p:i"),
    EXPORT(SetEnvironmentStringsW, "p:i"),
    EXPORT(ExpandEnvironmentStringsW, "wpu:u"),
    EXPORT(ExpandEnvironmentStringsA, "spu:u"),
};
