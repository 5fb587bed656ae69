/* fopen.c — opening and closing streams: Microsoft's mode strings ("r",
 * "w+", "at", "rb+", "wx", "D", "N", ",ccs=UTF-8" …), fopen and its _s,
 * wide and _fsopen forms, freopen, _fdopen, fclose, _fcloseall, and the
 * temporary files (tmpfile, tmpnam, _tempnam). Files open through
 * crt_open, so Windows paths and errors apply. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "stream.h"

#define MS_S_IREAD 0x100
#define MS_S_IWRITE 0x80

/* Mode letters after the first (Microsoft's fopen documentation). */
static const struct { char c; int flag; } mode_letters[] = {
    { 't', CRT_O_TEXT }, { 'b', CRT_O_BINARY }, { 'c', 0 }, { 'n', 0 },
    { 'S', CRT_O_SEQUENTIAL }, { 'R', CRT_O_RANDOM }, { 'T', CRT_O_SHORT_LIVED },
    { 'D', CRT_O_TEMPORARY }, { 'N', CRT_O_NOINHERIT }, { 'x', CRT_O_EXCL },
};

static const struct { const char *name; int flag; } encodings[] = {
    { "UTF-8", CRT_O_U8TEXT }, { "UTF-16LE", CRT_O_U16TEXT }, { "UNICODE", CRT_O_WTEXT },
};

static int parse_ccs(const char *p, struct fmode *m)
{
    while (*p == ' ')
        p++;
    if (strncmp(p, "ccs", 3))
        return -1;
    for (p += 3; *p == ' '; p++)
        ;
    if (*p++ != '=')
        return -1;
    for (; *p == ' '; p++)
        ;
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
        if (!strcasecmp(p, encodings[i].name)) {
            m->oflags = (m->oflags & ~CRT_MODE_MASK) | encodings[i].flag;
            return 0;
        }
    return -1;
}

static int parse_letter(char c, struct fmode *m, int *seen)
{
    if (c == '+') {
        if (m->can_read && m->can_write)
            return -1;
        m->can_read = m->can_write = 1;
        m->oflags = (m->oflags & ~3) | CRT_O_RDWR;
        return 0;
    }
    for (size_t i = 0; i < sizeof mode_letters / sizeof mode_letters[0]; i++) {
        if (mode_letters[i].c != c)
            continue;
        int f = mode_letters[i].flag;
        if ((f & (CRT_O_TEXT | CRT_O_BINARY)) && (*seen & (CRT_O_TEXT | CRT_O_BINARY)))
            return -1; /* "tb", "bb" … */
        if (c == 'x' && !(m->oflags & CRT_O_TRUNC))
            return -1; /* x only with w */
        *seen |= f;
        m->oflags |= f;
        return 0;
    }
    return -1;
}

int crt_parse_fmode(const char *mode, struct fmode *m)
{
    memset(m, 0, sizeof *m);
    if (!mode)
        return -1;
    while (*mode == ' ')
        mode++;
    switch (*mode++) {
    case 'r': m->can_read = 1; m->oflags = CRT_O_RDONLY; break;
    case 'w': m->can_write = 1; m->oflags = CRT_O_WRONLY | CRT_O_CREAT | CRT_O_TRUNC; break;
    case 'a': m->can_write = m->append = 1; m->oflags = CRT_O_WRONLY | CRT_O_CREAT | CRT_O_APPEND; break;
    default: return -1;
    }
    int seen = 0;
    for (; *mode && *mode != ','; mode++)
        if (*mode != ' ' && parse_letter(*mode, m, &seen) < 0)
            return -1;
    return *mode == ',' ? parse_ccs(mode + 1, m) : 0;
}

/* Text files opened for appending lose a final Ctrl-Z, as on Windows. */
static void drop_final_ctrlz(int fd)
{
    char c;
    off_t end = lseek(fd, 0, SEEK_END);
    if (end > 0 && pread(fd, &c, 1, end - 1) == 1 && c == 0x1a && ftruncate(fd, end - 1) < 0)
        return;
}

/* ",ccs=" (fopen's Unicode support): a byte order mark in an existing file
 * decides the encoding (EF BB BF: UTF-8, FF FE: UTF-16LE) and is skipped;
 * without one the flag decides (UNICODE meaning UTF-8); a file opened for
 * writing gets the mark of its encoding. */
static void apply_ccs(int fd, const struct fmode *m)
{
    int enc = m->oflags & (CRT_O_U8TEXT | CRT_O_U16TEXT | CRT_O_WTEXT);
    unsigned char bom[3];
    if (!enc)
        return;
    if (enc == CRT_O_WTEXT)
        enc = CRT_O_U8TEXT;
    off_t size = lseek(fd, 0, SEEK_END);
    lseek(fd, 0, SEEK_SET);
    ssize_t n = size > 0 ? pread(fd, bom, 3, 0) : 0;
    if (n == 3 && bom[0] == 0xef && bom[1] == 0xbb && bom[2] == 0xbf)
        enc = CRT_O_U8TEXT, lseek(fd, 3, SEEK_SET);
    else if (n >= 2 && bom[0] == 0xff && bom[1] == 0xfe)
        enc = CRT_O_U16TEXT, lseek(fd, 2, SEEK_SET);
    else if (size == 0 && m->can_write && write(fd, enc == CRT_O_U8TEXT ? "\xef\xbb\xbf" : "\xff\xfe",
                                                 enc == CRT_O_U8TEXT ? 3 : 2) < 0)
        return;
    if (m->append)
        lseek(fd, 0, SEEK_END);
    crt_set_fd_mode(fd, enc);
}

static MS_FILE *open_path(const char *path, const char *mode, const char *fn)
{
    struct fmode m;
    if (!path || crt_parse_fmode(mode, &m) < 0) {
        crt_invalid(fn, MS_EINVAL);
        return NULL;
    }
    if (!*path) {
        crt_invalid(fn, MS_EINVAL);
        return NULL;
    }
    int fd = crt_open(path, m.oflags, MS_S_IREAD | MS_S_IWRITE);
    if (fd < 0)
        return NULL;
    if (m.append && crt_fd_mode(fd) == CRT_O_TEXT)
        drop_final_ctrlz(fd);
    apply_ccs(fd, &m);
    MS_FILE *f = crt_stream_new(fd, &m);
    if (!f)
        crt_fd_close(fd);
    return f;
}

static MS_FILE *open_wpath(const WCHAR *path, const WCHAR *mode, const char *fn)
{
    char *p = w32_wide_to_utf8(path), *m = w32_wide_to_utf8(mode);
    MS_FILE *f = p && m ? open_path(p, m, fn) : (crt_invalid(fn, MS_EINVAL), NULL);
    free(p);
    free(m);
    return f;
}

static MS_FILE *WINAPI w32_fopen(const char *path, const char *mode) { return open_path(path, mode, "fopen"); }
static MS_FILE *WINAPI w32__wfopen(const WCHAR *p, const WCHAR *m) { return open_wpath(p, m, "_wfopen"); }

/* _fsopen: sharing flags are not enforced on the host. */
static MS_FILE *WINAPI w32__fsopen(const char *path, const char *mode, int share)
{
    (void)share;
    return open_path(path, mode, "_fsopen");
}

static MS_FILE *WINAPI w32__wfsopen(const WCHAR *p, const WCHAR *m, int share)
{
    (void)share;
    return open_wpath(p, m, "_wfsopen");
}

static int WINAPI w32_fopen_s(MS_FILE **pf, const char *path, const char *mode)
{
    CRT_CHECK(pf, "fopen_s", MS_EINVAL);
    *pf = open_path(path, mode, "fopen_s");
    return *pf ? 0 : crt_errno;
}

static int WINAPI w32__wfopen_s(MS_FILE **pf, const WCHAR *path, const WCHAR *mode)
{
    CRT_CHECK(pf, "_wfopen_s", MS_EINVAL);
    *pf = open_wpath(path, mode, "_wfopen_s");
    return *pf ? 0 : crt_errno;
}

int crt_stream_close(MS_FILE *f, int close_fd)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = s->can_write ? crt_flush_locked(f, s) : 0;
    if (close_fd && crt_fd_close(s->fd) < 0)
        r = MS_EOF;
    if (s->tmp_host)
        unlink(s->tmp_host);
    free(s->tmp_host);
    if (!s->user_buf)
        free(s->buf);
    s->buf = s->tmp_host = NULL;
    s->used = 0;
    f->_flag = 0;
    f->_file = -1;
    pthread_mutex_unlock(&s->lock);
    return r;
}

static int WINAPI w32_fclose(MS_FILE *f)
{
    if (!crt_x(f))
        return crt_invalid("fclose", MS_EINVAL), MS_EOF;
    return crt_stream_close(f, 1);
}

static int WINAPI w32__fcloseall(void)
{
    int n = 0;
    for (size_t i = 3; i < CRT_MAX_STREAMS; i++)
        if (crt_xs[i].used && crt_stream_close(&crt_iob[i], 1) == 0)
            n++;
    return n;
}

/* freopen: the same FILE now reads or writes another file. */
static MS_FILE *reopen(const char *path, const char *mode, MS_FILE *f, const char *fn)
{
    struct fmode m;
    if (!crt_x(f) || !path || crt_parse_fmode(mode, &m) < 0) {
        crt_invalid(fn, MS_EINVAL);
        return NULL;
    }
    size_t i = (size_t)(f - crt_iob);
    int was_stderr = i == 2;
    crt_stream_close(f, 1);
    int fd = crt_open(path, m.oflags, MS_S_IREAD | MS_S_IWRITE);
    if (fd < 0)
        return NULL;
    crt_stream_reinit(f, fd, &m);
    crt_xs[i].unbuffered = was_stderr;
    return f;
}

static MS_FILE *WINAPI w32_freopen(const char *path, const char *mode, MS_FILE *f)
{
    return reopen(path, mode, f, "freopen");
}

static int WINAPI w32_freopen_s(MS_FILE **pf, const char *path, const char *mode, MS_FILE *f)
{
    CRT_CHECK(pf, "freopen_s", MS_EINVAL);
    *pf = reopen(path, mode, f, "freopen_s");
    return *pf ? 0 : crt_errno;
}

static MS_FILE *wreopen(const WCHAR *path, const WCHAR *mode, MS_FILE *f)
{
    char *p = w32_wide_to_utf8(path), *m = w32_wide_to_utf8(mode);
    MS_FILE *r = reopen(p, m, f, "_wfreopen");
    free(p);
    free(m);
    return r;
}

static MS_FILE *WINAPI w32__wfreopen(const WCHAR *path, const WCHAR *mode, MS_FILE *f)
{
    return wreopen(path, mode, f);
}

static int WINAPI w32__wfreopen_s(MS_FILE **pf, const WCHAR *path, const WCHAR *mode, MS_FILE *f)
{
    CRT_CHECK(pf, "_wfreopen_s", MS_EINVAL);
    *pf = wreopen(path, mode, f);
    return *pf ? 0 : crt_errno;
}

static MS_FILE *WINAPI w32__fdopen(int fd, const char *mode)
{
    struct fmode m;
    if (!crt_fd_valid(fd) || crt_parse_fmode(mode, &m) < 0) {
        crt_invalid("_fdopen", crt_fd_valid(fd) ? MS_EINVAL : MS_EBADF);
        return NULL;
    }
    if (m.oflags & CRT_MODE_MASK) /* an explicit t, b or ccs= sets the descriptor's mode */
        crt_set_fd_mode(fd, m.oflags & CRT_MODE_MASK);
    return crt_stream_new(fd, &m);
}

static MS_FILE *WINAPI w32__wfdopen(int fd, const WCHAR *mode)
{
    char *m = w32_wide_to_utf8(mode);
    MS_FILE *f = w32__fdopen(fd, m);
    free(m);
    return f;
}

/* ---- temporary files ---- */

static const char *tmp_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

/* tmpfile: "w+b", removed when closed (here: as soon as it exists). */
static MS_FILE *WINAPI w32_tmpfile(void)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/xeno-tmpfile-XXXXXX", tmp_dir());
    int fd = mkstemp(path);
    if (fd < 0) {
        crt_fail_errno();
        return NULL;
    }
    unlink(path);
    crt_fd_opened(fd, CRT_O_BINARY, NULL);
    static const struct fmode m = { CRT_O_RDWR | CRT_O_BINARY, 1, 1, 0 };
    MS_FILE *f = crt_stream_new(fd, &m);
    if (!f)
        crt_fd_close(fd);
    return f;
}

static int WINAPI w32_tmpfile_s(MS_FILE **pf)
{
    CRT_CHECK(pf, "tmpfile_s", MS_EINVAL);
    *pf = w32_tmpfile();
    return *pf ? 0 : crt_errno;
}

/* A file name that does not exist yet, as a Windows path in the host's
 * temporary directory: "Z:\tmp\s<pid>.<n>" (Windows uses base 32 too). */
static int next_tmp_name(char *out, size_t n)
{
    static unsigned counter;
    char host[PATH_MAX];
    for (int tries = 0; tries < 32767; tries++) {
        unsigned k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        snprintf(host, sizeof host, "%s/s%x.%x", tmp_dir(), (unsigned)getpid(), k);
        if (access(host, F_OK) != 0) {
            w32_host_to_win(host, out, n);
            return 0;
        }
    }
    return -1;
}

static char *WINAPI w32_tmpnam(char *buf)
{
    static __thread char own[MAX_PATH];
    char *out = buf ? buf : own;
    return next_tmp_name(out, MAX_PATH) == 0 ? out : NULL;
}

static int WINAPI w32_tmpnam_s(char *buf, size_t n)
{
    CRT_CHECK(buf, "tmpnam_s", MS_EINVAL);
    char tmp[MAX_PATH];
    if (next_tmp_name(tmp, sizeof tmp) < 0)
        return crt_fail(MS_EEXIST), MS_EEXIST;
    CRT_CHECK(strlen(tmp) < n, "tmpnam_s", MS_ERANGE);
    strcpy(buf, tmp);
    return 0;
}

static WCHAR *WINAPI w32__wtmpnam(WCHAR *buf)
{
    static __thread WCHAR own[MAX_PATH];
    char tmp[MAX_PATH];
    WCHAR *out = buf ? buf : own;
    if (next_tmp_name(tmp, sizeof tmp) < 0)
        return NULL;
    w32_utf8_to_utf16(tmp, -1, out, MAX_PATH);
    return out;
}

/* _tempnam(dir, prefix): in %TMP% if that directory exists, else DIR,
 * else the host's temporary directory; the name is malloc'ed. */
static char *WINAPI w32__tempnam(const char *dir, const char *prefix)
{
    const char *cands[] = { crt_getenv("TMP"), dir };
    char host[PATH_MAX], base[PATH_MAX] = "", win[PATH_MAX];
    struct stat st;
    for (size_t i = 0; i < 2 && !base[0]; i++)
        if (cands[i] && *cands[i] && crt_host_path(cands[i], host, sizeof host) == 0 &&
            stat(host, &st) == 0 && S_ISDIR(st.st_mode))
            snprintf(base, sizeof base, "%s", host);
    if (!base[0])
        snprintf(base, sizeof base, "%s", tmp_dir());
    static unsigned counter;
    for (int tries = 0; tries < 65536; tries++) {
        unsigned k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
        snprintf(host, sizeof host, "%s/%s%x%x", base, prefix ? prefix : "", (unsigned)getpid(), k);
        if (access(host, F_OK) != 0) {
            w32_host_to_win(host, win, sizeof win);
            char *r = strdup(win);
            if (!r)
                crt_fail(MS_ENOMEM);
            return r;
        }
    }
    crt_fail(MS_EEXIST);
    return NULL;
}

static WCHAR *WINAPI w32__wtempnam(const WCHAR *dir, const WCHAR *prefix)
{
    char *d = w32_wide_to_utf8(dir), *p = w32_wide_to_utf8(prefix);
    char *r = w32__tempnam(d, p);
    WCHAR *w = w32_utf8_to_wide(r);
    free(d);
    free(p);
    free(r);
    return w;
}

#define FOPEN_EXPORTS \
    EXPORT(fopen, "ss:p"), EXPORT(_wfopen, "ww:p"), EXPORT(_fsopen, "ssi:p"), \
    EXPORT(_wfsopen, "wwi:p"), EXPORT(fopen_s, "pss:i"), EXPORT(_wfopen_s, "pww:i"), \
    EXPORT(fclose, "p:i"), EXPORT(_fcloseall, ":i"), EXPORT(freopen, "ssp:p"), \
    EXPORT(freopen_s, "pssp:i"), EXPORT(_wfreopen, "wwp:p"), EXPORT(_wfreopen_s, "pwwp:i"), \
    EXPORT(_fdopen, "is:p"), EXPORT(_wfdopen, "iw:p"), EXPORT(tmpfile, ":p"), \
    EXPORT(tmpfile_s, "p:i"), EXPORT(tmpnam, "p:s"), EXPORT(tmpnam_s, "pq:i"), \
    EXPORT(_wtmpnam, "p:w"), EXPORT(_tempnam, "ss:s"), EXPORT(_wtempnam, "ww:w"), \
    EXPORT_AS("_fclose_nolock", w32_fclose, "p:i")

W32_EXPORTS(msvcrt) = { FOPEN_EXPORTS };
W32_EXPORTS(ucrtbase) = { FOPEN_EXPORTS };
