/* lowio.c — the CRT's low-level I/O on descriptors: _open/_sopen (and
 * the wide and _s forms), _creat, _read and _write with the descriptor's
 * translation (text: \n ⇄ \r\n and Ctrl-Z ends input; _O_U16TEXT:
 * UTF-16 units; _O_U8TEXT: wide data stored as UTF-8), _close, _lseek,
 * _tell, and the Windows → host path step every path function shares. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "crt.h"

#define MAX_FD 4096
#define MS_S_IWRITE 0x80
#define ERROR_FILE_NOT_FOUND 2
#define ERROR_PATH_NOT_FOUND 3
#define ERROR_ACCESS_DENIED 5

typedef __builtin_ms_va_list ms_va_list;

/* A byte read ahead of a CR on a descriptor that cannot seek back, and
 * whether a text-mode read met Ctrl-Z (end of data until a seek). */
static short pending[MAX_FD]; /* byte + 1, 0: none */
static char ctrlz[MAX_FD];

int crt_host_path(const char *win, char *out, size_t n)
{
    if (!win || !*win) {
        crt_fail(MS_ENOENT);
        return -1;
    }
    DWORD e = w32_path_to_host(win, out, n);
    if (!e)
        return 0;
    crt_fail(e == ERROR_PATH_NOT_FOUND ? MS_ENOENT : MS_ENAMETOOLONG);
    crt_set_doserrno(e);
    return -1;
}

int crt_host_wpath(const WCHAR *win, char *out, size_t n)
{
    char *u = w32_wide_to_utf8(win);
    int r = u ? crt_host_path(u, out, n) : crt_fail(MS_ENOENT);
    free(u);
    return r;
}

/* After a failed open: ENOENT is ERROR_PATH_NOT_FOUND when the directory
 * is missing too, as Windows reports it. */
static int open_failed(const char *host)
{
    int e = errno;
    crt_fail_errno();
    if (e == EISDIR) {
        crt_fail(MS_EACCES);
    } else if (e == ENOENT) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", host);
        char *slash = strrchr(dir, '/');
        if (slash) {
            *(slash == dir ? slash + 1 : slash) = 0;
            crt_set_doserrno(access(dir, F_OK) ? ERROR_PATH_NOT_FOUND : ERROR_FILE_NOT_FOUND);
        }
    }
    return -1;
}

static int host_flags(int f)
{
    static const struct { int ms, host; } map[] = {
        { CRT_O_APPEND, O_APPEND }, { CRT_O_CREAT, O_CREAT }, { CRT_O_TRUNC, O_TRUNC },
        { CRT_O_EXCL, O_EXCL }, { CRT_O_NOINHERIT, O_CLOEXEC },
    };
    int acc = f & 3, h = acc == CRT_O_WRONLY ? O_WRONLY : acc == CRT_O_RDWR ? O_RDWR : O_RDONLY;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (f & map[i].ms)
            h |= map[i].host;
    return h;
}

int crt_open(const char *path, int flags, int pmode)
{
    char host[PATH_MAX];
    if (crt_host_path(path, host, sizeof host) < 0)
        return -1;
    mode_t m = (flags & CRT_O_CREAT) && !(pmode & MS_S_IWRITE) ? 0444 : 0666;
    int fd = open(host, host_flags(flags), m);
    if (fd < 0)
        return open_failed(host);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) { /* Windows opens no directory here */
        close(fd);
        crt_fail(MS_EACCES);
        crt_set_doserrno(ERROR_ACCESS_DENIED);
        return -1;
    }
    crt_fd_opened(fd, flags, host);
    return fd;
}

long crt_raw_read(int fd, void *p, size_t n)
{
    ssize_t r;
    do
        r = read(fd, p, n);
    while (r < 0 && errno == EINTR);
    return r;
}

static int raw_write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r, n -= (size_t)r;
    }
    return 0;
}

/* The byte after a CR that ended a read: LF, or something to give back. */
static int peek_after_cr(int fd)
{
    unsigned char c;
    if (crt_raw_read(fd, &c, 1) != 1)
        return -1;
    if (c != '\n' && lseek(fd, -1, SEEK_CUR) < 0 && fd < MAX_FD)
        pending[fd] = (short)(c + 1);
    return c;
}

/* Text mode: \r\n → \n in place, Ctrl-Z ends the data. */
static long text_translate(int fd, char *b, long n)
{
    long o = 0;
    for (long i = 0; i < n; i++) {
        if (b[i] == 0x1a) {
            if (fd < MAX_FD)
                ctrlz[fd] = 1;
            break;
        }
        if (b[i] != '\r') {
            b[o++] = b[i];
        } else if (i + 1 < n) {
            b[o++] = b[i + 1] == '\n' ? (i++, '\n') : '\r';
        } else {
            b[o++] = peek_after_cr(fd) == '\n' ? '\n' : '\r';
        }
    }
    return o;
}

static long read_bytes(int fd, char *b, size_t n)
{
    size_t got = 0;
    if (fd < MAX_FD && pending[fd] && n) {
        b[got++] = (char)(pending[fd] - 1);
        pending[fd] = 0;
    }
    long r = got < n ? crt_raw_read(fd, b + got, n - got) : 0;
    if (r < 0)
        return got ? (long)got : -1;
    return (long)got + r;
}

static int WINAPI w32__read(int fd, void *buf, unsigned n)
{
    if (!crt_fd_valid(fd))
        return crt_invalid("_read", MS_EBADF), -1;
    if (!buf && n)
        return crt_invalid("_read", MS_EINVAL), -1;
    if (n > INT_MAX)
        n = INT_MAX;
    int mode = crt_fd_mode(fd);
    long r;
    if (mode == CRT_O_BINARY) {
        r = read_bytes(fd, buf, n);
    } else if (mode == CRT_O_TEXT) {
        if (fd < MAX_FD && ctrlz[fd])
            return 0;
        r = read_bytes(fd, buf, n);
        if (r > 0)
            r = text_translate(fd, buf, r);
    } else {
        r = read_bytes(fd, buf, n & ~1u); /* UTF-16 units: \r\n → \n */
        if (r > 0) {
            WCHAR *w = buf;
            long o = 0, k = r / 2;
            for (long i = 0; i < k; i++)
                if (!(w[i] == '\r' && i + 1 < k && w[i + 1] == '\n'))
                    w[o++] = w[i];
            r = o * 2;
        }
    }
    return r < 0 ? crt_fail_errno() : (int)r;
}

/* Text-mode output of N bytes: \n becomes \r\n. */
static int write_text(int fd, const char *p, size_t n)
{
    char tmp[2048];
    size_t t = 0;
    for (size_t i = 0; i < n; i++) {
        if (t + 2 > sizeof tmp) {
            if (raw_write_all(fd, tmp, t) < 0)
                return -1;
            t = 0;
        }
        if (p[i] == '\n')
            tmp[t++] = '\r';
        tmp[t++] = p[i];
    }
    return raw_write_all(fd, tmp, t);
}

/* _O_U16TEXT/_O_WTEXT: UTF-16 units, \n as \r\n; _O_U8TEXT: the UTF-16
 * data is stored as UTF-8 (with \r\n). */
static int write_wide(int fd, const WCHAR *w, size_t units, int utf8)
{
    size_t cap = units * 2 + 1;
    WCHAR *x = malloc(cap * sizeof *x);
    size_t o = 0;
    if (!x)
        return -1;
    for (size_t i = 0; i < units; i++) {
        if (w[i] == '\n')
            x[o++] = '\r';
        x[o++] = w[i];
    }
    int r;
    if (utf8) {
        size_t len = w32_utf16_to_utf8(x, (long)o, NULL, 0);
        char *u = malloc(len + 1);
        r = u ? (w32_utf16_to_utf8(x, (long)o, u, len + 1), raw_write_all(fd, u, len)) : -1;
        free(u);
    } else {
        r = raw_write_all(fd, (const char *)x, o * 2);
    }
    free(x);
    return r;
}

int crt_fd_write(int fd, const void *buf, size_t n)
{
    int mode = crt_fd_mode(fd);
    if (mode == CRT_O_BINARY)
        return raw_write_all(fd, buf, n);
    if (mode == CRT_O_TEXT)
        return write_text(fd, buf, n);
    return write_wide(fd, buf, n / 2, mode == CRT_O_U8TEXT);
}

static int WINAPI w32__write(int fd, const void *buf, unsigned n)
{
    if (!crt_fd_valid(fd))
        return crt_invalid("_write", MS_EBADF), -1;
    if (!buf && n)
        return crt_invalid("_write", MS_EINVAL), -1;
    int mode = crt_fd_mode(fd);
    if (mode != CRT_O_BINARY && mode != CRT_O_TEXT && (n & 1))
        return crt_invalid("_write", MS_EINVAL), -1;
    if (fcntl(fd, F_GETFL) & O_APPEND)
        lseek(fd, 0, SEEK_END);
    return crt_fd_write(fd, buf, n) < 0 ? crt_fail_errno() : (int)n;
}

static int WINAPI w32__close(int fd)
{
    if (!crt_fd_valid(fd))
        return crt_invalid("_close", MS_EBADF), -1;
    if (fd < MAX_FD)
        pending[fd] = ctrlz[fd] = 0;
    return crt_fd_close(fd);
}

static int64_t seek(int fd, int64_t off, int whence, const char *fn)
{
    if (!crt_fd_valid(fd))
        return crt_invalid(fn, MS_EBADF), -1;
    if (whence < 0 || whence > 2)
        return crt_invalid(fn, MS_EINVAL), -1;
    if (fd < MAX_FD)
        pending[fd] = ctrlz[fd] = 0;
    off_t r = lseek(fd, off, whence);
    if (r < 0)
        return errno == ESPIPE ? crt_fail(MS_EBADF) : crt_fail_errno();
    return r;
}

static int32_t WINAPI w32__lseek(int fd, int32_t off, int whence)
{
    int64_t r = seek(fd, off, whence, "_lseek");
    if (r > INT32_MAX) {
        crt_fail(MS_EINVAL);
        return -1;
    }
    return (int32_t)r;
}

static int64_t WINAPI w32__lseeki64(int fd, int64_t off, int whence) { return seek(fd, off, whence, "_lseeki64"); }
static int32_t WINAPI w32__tell(int fd) { return w32__lseek(fd, 0, SEEK_CUR); }
static int64_t WINAPI w32__telli64(int fd) { return seek(fd, 0, SEEK_CUR, "_telli64"); }

static int vopen(const char *path, int flags, ms_va_list va, int has_mode)
{
    int pmode = has_mode && (flags & CRT_O_CREAT) ? (int)__builtin_va_arg(va, int) : 0x180;
    if (!path)
        return crt_invalid("_open", MS_EINVAL), -1;
    return crt_open(path, flags, pmode);
}

static int WINAPI_VA w32__open(const char *path, int flags, ...)
{
    ms_va_list va;
    __builtin_ms_va_start(va, flags);
    int r = vopen(path, flags, va, 1);
    __builtin_ms_va_end(va);
    return r;
}

static int wopen(const WCHAR *path, int flags, int pmode)
{
    char *u = path ? w32_wide_to_utf8(path) : NULL;
    if (!u)
        return crt_invalid("_wopen", MS_EINVAL), -1;
    int r = crt_open(u, flags, pmode);
    free(u);
    return r;
}

static int WINAPI_VA w32__wopen(const WCHAR *path, int flags, ...)
{
    ms_va_list va;
    __builtin_ms_va_start(va, flags);
    int pmode = flags & CRT_O_CREAT ? __builtin_va_arg(va, int) : 0x180;
    __builtin_ms_va_end(va);
    return wopen(path, flags, pmode);
}

/* _sopen(path, flags, share, [pmode]): sharing modes are not enforced on
 * the host (every file is shared, as with _SH_DENYNO). */
static int WINAPI_VA w32__sopen(const char *path, int flags, int share, ...)
{
    (void)share;
    ms_va_list va;
    __builtin_ms_va_start(va, share);
    int r = vopen(path, flags, va, 1);
    __builtin_ms_va_end(va);
    return r;
}

static int WINAPI_VA w32__wsopen(const WCHAR *path, int flags, int share, ...)
{
    (void)share;
    ms_va_list va;
    __builtin_ms_va_start(va, share);
    int pmode = flags & CRT_O_CREAT ? __builtin_va_arg(va, int) : 0x180;
    __builtin_ms_va_end(va);
    return wopen(path, flags, pmode);
}

static int WINAPI w32__sopen_s(int *pfd, const char *path, int flags, int share, int pmode)
{
    (void)share;
    CRT_CHECK(pfd, "_sopen_s", MS_EINVAL);
    *pfd = -1;
    CRT_CHECK(path, "_sopen_s", MS_EINVAL);
    *pfd = crt_open(path, flags, pmode);
    return *pfd < 0 ? crt_errno : 0;
}

static int WINAPI w32__wsopen_s(int *pfd, const WCHAR *path, int flags, int share, int pmode)
{
    (void)share;
    CRT_CHECK(pfd, "_wsopen_s", MS_EINVAL);
    *pfd = -1;
    CRT_CHECK(path, "_wsopen_s", MS_EINVAL);
    *pfd = wopen(path, flags, pmode);
    return *pfd < 0 ? crt_errno : 0;
}

static int WINAPI w32__creat(const char *path, int pmode)
{
    if (!path)
        return crt_invalid("_creat", MS_EINVAL), -1;
    return crt_open(path, CRT_O_CREAT | CRT_O_TRUNC | CRT_O_RDWR, pmode);
}

static int WINAPI w32__wcreat(const WCHAR *path, int pmode)
{
    return wopen(path, CRT_O_CREAT | CRT_O_TRUNC | CRT_O_RDWR, pmode);
}

#define LOWIO_EXPORTS \
    EXPORT(_read, "ipu:i"), EXPORT(_write, "ipu:i"), EXPORT(_close, "i:i"), \
    EXPORT(_lseek, "iii:i"), EXPORT(_lseeki64, "iqi:q"), EXPORT(_tell, "i:i"), \
    EXPORT(_telli64, "i:q"), EXPORT(_open, "si.:i"), EXPORT(_wopen, "wi.:i"), \
    EXPORT(_sopen, "sii.:i"), EXPORT(_wsopen, "wii.:i"), EXPORT(_sopen_s, "psiii:i"), \
    EXPORT(_wsopen_s, "pwiii:i"), EXPORT(_creat, "si:i"), EXPORT(_wcreat, "wi:i")

W32_EXPORTS(msvcrt) = { LOWIO_EXPORTS };
W32_EXPORTS(ucrtbase) = { LOWIO_EXPORTS };
