/* find.c — _findfirst/_findnext/_findclose in every layout (32, 32i64,
 * 64, 64i32 and the wide forms; on x64 msvcrt.dll _findfirst is the
 * 64i32 one and _findfirsti64 the 64 one). Patterns use Windows
 * wildcards — '*' any run, '?' one character, letters match either case,
 * "*.*" matches every name — in the last path component. Entries come
 * sorted case-insensitively with "." and ".." first (outside a drive
 * root), as NTFS lists them; attributes are _A_SUBDIR 0x10, _A_RDONLY 1,
 * _A_HIDDEN 2 for dot-files (as Wine shows them) and _A_ARCH 0x20 for
 * files. */
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../paths.h"
#include "../unicode.h"
#include "crt.h"

#define A_RDONLY 0x01
#define A_HIDDEN 0x02
#define A_SUBDIR 0x10
#define A_ARCH 0x20

struct search {
    char *dir;                /* host directory */
    char **names;
    size_t n, pos;
    struct search *next;
};

static struct search *searches;
static pthread_mutex_t find_lock = PTHREAD_MUTEX_INITIALIZER;

static int fold(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int match(const char *pat, const char *name)
{
    const char *star = NULL, *resume = NULL;
    while (*name) {
        if (*pat == '*') {
            star = ++pat;
            resume = name;
        } else if (*pat == '?' || (*pat && fold((unsigned char)*pat) == fold((unsigned char)*name))) {
            pat++, name++;
        } else if (star) {
            pat = star;
            name = ++resume;
        } else {
            return 0;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == 0;
}

/* Windows wildcard match (ASCII letters without regard to case). "*.*"
 * matches every name; a pattern ending in "." matches names without a
 * dot ("*." finds files without an extension). */
int crt_wildcard_match(const char *pat, const char *name)
{
    size_t n = strlen(pat);
    if (!strcmp(pat, "*.*"))
        return 1;
    if (n > 1 && pat[n - 1] == '.' && strcmp(pat, "..")) {
        char *p = strndup(pat, n - 1);
        int r = p && !strchr(name, '.') && match(p, name);
        free(p);
        return r;
    }
    return match(pat, name);
}

static int by_name(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int dx = !strcmp(x, ".") ? 0 : !strcmp(x, "..") ? 1 : 2;
    int dy = !strcmp(y, ".") ? 0 : !strcmp(y, "..") ? 1 : 2;
    if (dx != dy || dx < 2)
        return dx - dy;
    int c = strcasecmp(x, y);
    return c ? c : strcmp(x, y);
}

static int is_root(const char *host)
{
    char abs[PATH_MAX], win[PATH_MAX + 8];
    if (!realpath(host, abs))
        return 0;
    w32_host_to_win(abs, win, sizeof win);
    return strlen(win) <= 3;
}

/* Collect the names of DIR matching PAT. */
static int collect(struct search *s, const char *pat)
{
    DIR *d = opendir(s->dir);
    if (!d)
        return -1;
    size_t cap = 16;
    int root = is_root(s->dir);
    s->names = malloc(cap * sizeof *s->names);
    for (struct dirent *e; s->names && (e = readdir(d));) {
        int dots = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
        if ((dots && root) || !crt_wildcard_match(pat, e->d_name))
            continue;
        if (s->n == cap) {
            char **p = realloc(s->names, (cap *= 2) * sizeof *p);
            if (!p)
                break;
            s->names = p;
        }
        s->names[s->n++] = strdup(e->d_name);
    }
    closedir(d);
    if (s->names)
        qsort(s->names, s->n, sizeof *s->names, by_name);
    return 0;
}

static void free_search(struct search *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->names[i]);
    free(s->names);
    free(s->dir);
    free(s);
}

/* What one entry looks like to the program. */
struct entry {
    unsigned attrib;
    int64_t ctime, atime, mtime, size;
    const char *name;
};

static void describe(const struct search *s, const char *name, struct entry *e)
{
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", s->dir, name);
    memset(e, 0, sizeof *e);
    e->name = name;
    if (stat(path, &st) < 0 && lstat(path, &st) < 0)
        return;
    e->attrib = S_ISDIR(st.st_mode) ? A_SUBDIR : A_ARCH;
    if (!(st.st_mode & S_IWUSR))
        e->attrib |= A_RDONLY;
    if (name[0] == '.' && strcmp(name, ".") && strcmp(name, ".."))
        e->attrib |= A_HIDDEN;
    e->ctime = e->mtime = st.st_mtime, e->atime = st.st_atime;
    e->size = S_ISDIR(st.st_mode) ? 0 : st.st_size;
}

static struct search *lookup(intptr_t h)
{
    pthread_mutex_lock(&find_lock);
    struct search *s = searches;
    while (s && (intptr_t)s != h)
        s = s->next;
    pthread_mutex_unlock(&find_lock);
    return s;
}

/* Start a search; returns the handle or -1. */
static struct search *start(const char *spec)
{
    char host[PATH_MAX];
    if (!spec)
        return crt_invalid("_findfirst", MS_EINVAL), NULL;
    const char *sep = strrchr(spec, '\\'), *sep2 = strrchr(spec, '/');
    if (sep2 > sep)
        sep = sep2;
    if (!sep && spec[0] && spec[1] == ':')
        sep = spec + 1;
    const char *pat = sep ? sep + 1 : spec;
    char *dir = sep ? strndup(spec, (size_t)(sep - spec + 1)) : strdup(".");
    struct search *s = calloc(1, sizeof *s);
    int bad = !dir || !s || crt_host_path(dir, host, sizeof host) < 0;
    free(dir);
    if (bad || !*pat || !(s->dir = strdup(host)) || collect(s, pat) < 0 || !s->n) {
        if (s)
            free_search(s);
        crt_fail(MS_ENOENT);
        return NULL;
    }
    pthread_mutex_lock(&find_lock);
    s->next = searches;
    searches = s;
    pthread_mutex_unlock(&find_lock);
    return s;
}

static int next(struct search *s, struct entry *e)
{
    if (!s)
        return crt_invalid("_findnext", MS_EINVAL), -1;
    if (s->pos >= s->n)
        return crt_fail(MS_ENOENT);
    describe(s, s->names[s->pos++], e);
    return 0;
}

static int WINAPI w32__findclose(intptr_t h)
{
    struct search *s = lookup(h);
    if (!s)
        return crt_invalid("_findclose", MS_EINVAL), -1;
    pthread_mutex_lock(&find_lock);
    struct search **p = &searches;
    while (*p != s)
        p = &(*p)->next;
    *p = s->next;
    pthread_mutex_unlock(&find_lock);
    free_search(s);
    return 0;
}

/* The layouts. */
struct fd64 { uint32_t attrib; int64_t ctime, atime, mtime; int64_t size; char name[260]; };
struct fd64i32 { uint32_t attrib; int64_t ctime, atime, mtime; uint32_t size; char name[260]; };
struct fd32 { uint32_t attrib; int32_t ctime, atime, mtime; uint32_t size; char name[260]; };
struct fd32i64 { uint32_t attrib; int32_t ctime, atime, mtime; int64_t size; char name[260]; };
struct wfd64 { uint32_t attrib; int64_t ctime, atime, mtime; int64_t size; WCHAR name[260]; };
struct wfd64i32 { uint32_t attrib; int64_t ctime, atime, mtime; uint32_t size; WCHAR name[260]; };
struct wfd32 { uint32_t attrib; int32_t ctime, atime, mtime; uint32_t size; WCHAR name[260]; };
struct wfd32i64 { uint32_t attrib; int32_t ctime, atime, mtime; int64_t size; WCHAR name[260]; };
_Static_assert(sizeof(struct fd64) == 304 && sizeof(struct fd64i32) == 296, "finddata64");
_Static_assert(sizeof(struct fd32) == 280 && sizeof(struct fd32i64) == 288, "finddata32");

#define FILL(o, e) \
    ((o)->attrib = (e)->attrib, (o)->ctime = (e)->ctime, (o)->atime = (e)->atime, \
     (o)->mtime = (e)->mtime, (o)->size = (e)->size)
#define NAME_A(o, e) snprintf((o)->name, sizeof (o)->name, "%s", (e)->name)
#define NAME_W(o, e) w32_utf8_to_utf16((e)->name, -1, (o)->name, 260)

/* _findfirstSFX/_findnextSFX for layout T; NAMEW: wide names. */
#define FINDFNS(sfx, T, C, NAMEFN)                                                    \
    static intptr_t WINAPI w32_##sfx##first(const C *spec, T *o)                       \
    {                                                                                 \
        struct entry e;                                                               \
        char *u = NAMEFN##_spec(spec);                                                \
        struct search *s = start(u);                                                  \
        free(u);                                                                      \
        if (!s || next(s, &e) < 0)                                                    \
            return -1;                                                                \
        FILL(o, &e);                                                                  \
        NAMEFN(o, &e);                                                                \
        return (intptr_t)s;                                                           \
    }                                                                                 \
    static int WINAPI w32_##sfx##next(intptr_t h, T *o)                               \
    {                                                                                 \
        struct entry e;                                                               \
        if (next(lookup(h), &e) < 0)                                                  \
            return -1;                                                                \
        FILL(o, &e);                                                                  \
        NAMEFN(o, &e);                                                                \
        return 0;                                                                     \
    }

static char *NAME_A_spec(const char *s) { return s ? strdup(s) : NULL; }
static char *NAME_W_spec(const WCHAR *s) { return w32_wide_to_utf8(s); }

FINDFNS(_find64, struct fd64, char, NAME_A)
FINDFNS(_find64i32, struct fd64i32, char, NAME_A)
FINDFNS(_find32, struct fd32, char, NAME_A)
FINDFNS(_find32i64, struct fd32i64, char, NAME_A)
FINDFNS(_wfind64, struct wfd64, WCHAR, NAME_W)
FINDFNS(_wfind64i32, struct wfd64i32, WCHAR, NAME_W)
FINDFNS(_wfind32, struct wfd32, WCHAR, NAME_W)
FINDFNS(_wfind32i64, struct wfd32i64, WCHAR, NAME_W)

#define FIND_PAIR(fname, nname, fn, sig) \
    EXPORT_AS(fname, w32_##fn##first, sig "p:p"), EXPORT_AS(nname, w32_##fn##next, "pp:i")
#define FIND_EXPORTS \
    FIND_PAIR("_findfirst64", "_findnext64", _find64, "s"), \
    FIND_PAIR("_findfirst64i32", "_findnext64i32", _find64i32, "s"), \
    FIND_PAIR("_findfirst32", "_findnext32", _find32, "s"), \
    FIND_PAIR("_findfirst32i64", "_findnext32i64", _find32i64, "s"), \
    FIND_PAIR("_wfindfirst64", "_wfindnext64", _wfind64, "w"), \
    FIND_PAIR("_wfindfirst64i32", "_wfindnext64i32", _wfind64i32, "w"), \
    FIND_PAIR("_wfindfirst32", "_wfindnext32", _wfind32, "w"), \
    FIND_PAIR("_wfindfirst32i64", "_wfindnext32i64", _wfind32i64, "w"), \
    EXPORT(_findclose, "p:i")

W32_EXPORTS(msvcrt) = {
    FIND_EXPORTS, FIND_PAIR("_findfirst", "_findnext", _find64i32, "s"),
    FIND_PAIR("_findfirsti64", "_findnexti64", _find64, "s"),
    FIND_PAIR("_wfindfirst", "_wfindnext", _wfind64i32, "w"),
    FIND_PAIR("_wfindfirsti64", "_wfindnexti64", _wfind64, "w"),
};
W32_EXPORTS(ucrtbase) = {
    FIND_EXPORTS, FIND_PAIR("_findfirst", "_findnext", _find64i32, "s"),
};
