/* paths.c — translating between Windows and host file names. */
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "unicode.h"

#define ERROR_PATH_NOT_FOUND 3
#define ERROR_FILENAME_EXCED_RANGE 206

const char *w32_user_name(void)
{
    static char name[128];
    if (!name[0]) {
        const char *u = getenv("USER");
        struct passwd *pw = u && *u ? NULL : getpwuid(getuid()); /* NSS only when needed */
        snprintf(name, sizeof name, "%s", u && *u ? u : pw ? pw->pw_name : "user");
    }
    return name;
}

/* The default C: drive is made the first time it is needed, as Wine makes
 * its prefix: the directories Windows always has and the environment
 * (USERPROFILE, APPDATA, LOCALAPPDATA, ProgramData …) points into, so that
 * programs can create their files there. A drive set by $XENO_DRIVE_C is
 * the user's own and is left as it is. */
static void make_drive_c(const char *root)
{
    static const char *const dirs[] = {
        "", "/windows", "/windows/system32", "/windows/temp", "/ProgramData",
        "/Program Files", "/users", "/users/Public", "/users/%s", "/users/%s/AppData",
        "/users/%s/AppData/Local", "/users/%s/AppData/Roaming", "/users/%s/Desktop",
        "/users/%s/Documents",
    };
    struct stat st;
    if (stat(root, &st) == 0)
        return;
    char home[PATH_MAX], d[PATH_MAX + 160], sub[160];
    snprintf(home, sizeof home, "%s", root);
    char *slash = strrchr(home, '/');
    if (slash && slash != home) { /* ~/.xeno */
        *slash = 0;
        mkdir(home, 0755);
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(sub, sizeof sub, dirs[i], w32_user_name());
        snprintf(d, sizeof d, "%s%s", root, sub);
        mkdir(d, 0755);
    }
}

const char *w32_drive_root(char letter)
{
    static char roots[26][PATH_MAX];
    char up = (char)(letter >= 'a' && letter <= 'z' ? letter - 32 : letter);
    if (up < 'A' || up > 'Z')
        return NULL;
    if (up == 'Z')
        return "";
    char var[] = "XENO_DRIVE_X";
    var[11] = up;
    const char *v = getenv(var);
    if (v && *v)
        return v;
    if (up != 'C')
        return NULL;
    char *r = roots[2];
    if (!r[0]) {
        const char *home = getenv("HOME");
        snprintf(r, PATH_MAX, "%s/.xeno/drive_c", home && *home ? home : "/tmp");
        make_drive_c(r);
    }
    return r;
}

static int is_sep(char c)
{
    return c == '\\' || c == '/';
}

const char *w32_path_base(const char *path)
{
    const char *b = path;
    for (const char *p = path; *p; p++)
        if (is_sep(*p))
            b = p + 1;
    return b;
}

/* Device names: NUL and the console (CON, CONIN$, CONOUT$: the
 * controlling terminal) map to their host equivalents. */
static const char *device(const char *p)
{
    static const struct { const char *win, *host; } devs[] = {
        { "nul", "/dev/null" }, { "con", "/dev/tty" }, { "conin$", "/dev/tty" },
        { "conout$", "/dev/tty" },
    };
    if (!strncmp(p, "\\\\.\\", 4))
        p += 4;
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++)
        if (!strcasecmp(p, devs[i].win))
            return devs[i].host;
    return NULL;
}

DWORD w32_path_to_host(const char *win, char *out, size_t n)
{
    const char *dev = device(win);
    size_t o = 0;
    if (dev) {
        snprintf(out, n, "%s", dev);
        return 0;
    }
    if (!strncmp(win, "\\\\?\\", 4) || !strncmp(win, "\\??\\", 4))
        win += 4;
    if (win[0] && win[1] == ':') {
        const char *root = w32_drive_root(win[0]);
        if (!root)
            return ERROR_PATH_NOT_FOUND;
        o = (size_t)snprintf(out, n, "%s", root);
        win += 2;
        if (!is_sep(*win) && o < n) /* "C:foo" is relative to the drive root here */
            out[o++] = '/';
    } else if (is_sep(win[0]) && is_sep(win[1])) {
        return ERROR_PATH_NOT_FOUND; /* UNC shares are not mapped */
    }
    for (; *win; win++) {
        if (o + 1 >= n)
            return ERROR_FILENAME_EXCED_RANGE;
        out[o++] = is_sep(*win) ? '/' : *win;
    }
    if (o == 0 && n > 1) /* "C:" alone */
        out[o++] = '/';
    out[o] = 0;
    return 0;
}

DWORD w32_wpath_to_host(const WCHAR *win, char *out, size_t n)
{
    char *u = w32_wide_to_utf8(win);
    if (!u)
        return ERROR_PATH_NOT_FOUND;
    DWORD r = w32_path_to_host(u, out, n);
    free(u);
    return r;
}

void w32_host_to_win(const char *host, char *out, size_t n)
{
    const char *c = w32_drive_root('C');
    size_t cl = c ? strlen(c) : 0;
    char letter = 'Z';
    if (c && cl && !strncmp(host, c, cl) && (host[cl] == '/' || !host[cl])) {
        letter = 'C';
        host += cl;
    }
    size_t o = (size_t)snprintf(out, n, "%c:", letter);
    for (; *host && o + 1 < n; host++)
        out[o++] = *host == '/' ? '\\' : *host;
    if (o == 2 && o + 1 < n)
        out[o++] = '\\';
    out[o < n ? o : n - 1] = 0;
}
