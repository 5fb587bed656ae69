/* stdio.c — the CRT's streams: buffered I/O on low-level descriptors with
 * Windows text mode (\n written as \r\n; \r\n read as \n; Ctrl-Z ends
 * text input), msvcrt's FILE layout, and the basic stream functions
 * shared by msvcrt.dll and ucrtbase.dll. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "crt.h"

#define MS_IOREAD 0x0001
#define MS_IOWRT 0x0002
#define MS_IOEOF 0x0010
#define MS_IOERR 0x0020
#define MS_IORW 0x0080
#define BUFSZ 4096
#define MS_EOF (-1)

struct xstream {
    int used;
    int fd;
    int text;
    int can_read, can_write, append;
    int unbuffered, console;
    char wbuf[BUFSZ];
    size_t wlen;
    char rbuf[BUFSZ];
    size_t rpos, rlen;
    int ungot;             /* -1 when empty */
    pthread_mutex_t lock;
};

MS_FILE crt_iob[CRT_MAX_STREAMS];
static struct xstream xs[CRT_MAX_STREAMS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static struct xstream *X(MS_FILE *f)
{
    size_t i = (size_t)(f - crt_iob);
    return i < CRT_MAX_STREAMS ? &xs[i] : NULL;
}

static void init_stream(size_t i, int fd, int r, int w)
{
    struct xstream *s = &xs[i];
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    memset(s, 0, offsetof(struct xstream, lock));
    pthread_mutex_init(&s->lock, &a);
    s->used = 1;
    s->fd = fd;
    s->can_read = r;
    s->can_write = w;
    s->ungot = -1;
    s->text = crt_fd_is_text(fd);
    s->console = isatty(fd);
    memset(&crt_iob[i], 0, sizeof crt_iob[i]);
    crt_iob[i]._file = fd;
    crt_iob[i]._flag = (r ? MS_IOREAD : 0) | (w ? MS_IOWRT : 0) | (r && w ? MS_IORW : 0);
}

__attribute__((constructor)) static void std_streams(void)
{
    init_stream(0, 0, 1, 0);
    init_stream(1, 1, 0, 1);
    init_stream(2, 2, 0, 1);
    xs[2].unbuffered = 1;
}

void crt_stream_lock(MS_FILE *f) { pthread_mutex_lock(&X(f)->lock); }
void crt_stream_unlock(MS_FILE *f) { pthread_mutex_unlock(&X(f)->lock); }

MS_FILE *crt_stream_open_fd(int fd, const char *mode)
{
    int r = strchr(mode, 'r') || strchr(mode, '+'), w = strchr(mode, 'w') || strchr(mode, 'a') ||
                                                      strchr(mode, '+');
    pthread_mutex_lock(&table_lock);
    for (size_t i = 3; i < CRT_MAX_STREAMS; i++) {
        if (!xs[i].used) {
            init_stream(i, fd, r, w);
            xs[i].append = strchr(mode, 'a') != NULL;
            pthread_mutex_unlock(&table_lock);
            return &crt_iob[i];
        }
    }
    pthread_mutex_unlock(&table_lock);
    crt_errno = MS_EMFILE;
    return NULL;
}

static int write_raw(struct xstream *s, const char *p, size_t n)
{
    while (n) {
        ssize_t r = write(s->fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            crt_fail_errno();
            return -1;
        }
        p += r, n -= (size_t)r;
    }
    return 0;
}

static int flush_locked(MS_FILE *f, struct xstream *s)
{
    if (s->wlen) {
        int r = write_raw(s, s->wbuf, s->wlen);
        s->wlen = 0;
        if (r < 0) {
            f->_flag |= MS_IOERR;
            return MS_EOF;
        }
    }
    if (s->rlen > s->rpos) { /* drop read-ahead: move the descriptor back */
        lseek(s->fd, -(off_t)(s->rlen - s->rpos), SEEK_CUR);
        s->rpos = s->rlen = 0;
    }
    return 0;
}

int crt_fflush(MS_FILE *f)
{
    struct xstream *s = X(f);
    if (!s || !s->used)
        return MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = flush_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return r;
}

int crt_fflush_all(void)
{
    int r = 0;
    for (size_t i = 0; i < CRT_MAX_STREAMS; i++)
        if (xs[i].used && xs[i].can_write && crt_fflush(&crt_iob[i]) != 0)
            r = MS_EOF;
    return r;
}

static int put_bytes(MS_FILE *f, struct xstream *s, const char *p, size_t n)
{
    if (s->rlen > s->rpos)
        flush_locked(f, s);
    for (size_t i = 0; i < n; i++) {
        if (s->text && p[i] == '\n') {
            if (s->wlen + 2 > BUFSZ && flush_locked(f, s))
                return -1;
            s->wbuf[s->wlen++] = '\r';
        } else if (s->wlen + 1 > BUFSZ && flush_locked(f, s)) {
            return -1;
        }
        s->wbuf[s->wlen++] = p[i];
    }
    return 0;
}

size_t crt_fwrite(const void *p, size_t size, size_t n, MS_FILE *f)
{
    struct xstream *s = X(f);
    if (!s || !s->used || !size || !n)
        return 0;
    if (!s->can_write) {
        f->_flag |= MS_IOERR;
        crt_errno = MS_EBADF;
        return 0;
    }
    pthread_mutex_lock(&s->lock);
    if (s->append)
        lseek(s->fd, 0, SEEK_END);
    int r = put_bytes(f, s, p, size * n);
    if (r == 0 && s->unbuffered)
        r = flush_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return r == 0 ? n : 0;
}

void crt_stream_end_call(MS_FILE *f)
{
    struct xstream *s = X(f);
    if (s && s->used && (s->console || s->unbuffered) && s->wlen)
        crt_fflush(f);
}

int crt_fputc(int c, MS_FILE *f)
{
    char ch = (char)c;
    if (crt_fwrite(&ch, 1, 1, f) != 1)
        return MS_EOF;
    crt_stream_end_call(f);
    return (unsigned char)c;
}

/* Read more raw bytes into the buffer; 0 at end of file. */
static ssize_t fill(MS_FILE *f, struct xstream *s)
{
    if (s->console) /* reading the console flushes what was written */
        crt_fflush(&crt_iob[1]);
    ssize_t r;
    do
        r = read(s->fd, s->rbuf, BUFSZ);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        crt_fail_errno();
        f->_flag |= MS_IOERR;
        return -1;
    }
    if (r == 0)
        f->_flag |= MS_IOEOF;
    s->rpos = 0;
    s->rlen = (size_t)r;
    return r;
}

static int get_byte(MS_FILE *f, struct xstream *s)
{
    if (s->ungot >= 0) {
        int c = s->ungot;
        s->ungot = -1;
        return c;
    }
    for (;;) {
        if (s->rpos >= s->rlen && fill(f, s) <= 0)
            return MS_EOF;
        unsigned char c = (unsigned char)s->rbuf[s->rpos++];
        if (!s->text)
            return c;
        if (c == 0x1a && !s->console) { /* Ctrl-Z: end of a text file */
            f->_flag |= MS_IOEOF;
            s->rpos = s->rlen;
            return MS_EOF;
        }
        if (c != '\r')
            return c;
        if (s->rpos >= s->rlen && fill(f, s) <= 0)
            return '\r';
        if (s->rbuf[s->rpos] == '\n')
            continue; /* \r\n → \n */
        return '\r';
    }
}

int crt_fgetc(MS_FILE *f)
{
    struct xstream *s = X(f);
    if (!s || !s->used)
        return MS_EOF;
    if (!s->can_read) {
        f->_flag |= MS_IOERR;
        crt_errno = MS_EBADF;
        return MS_EOF;
    }
    pthread_mutex_lock(&s->lock);
    if (s->wlen)
        flush_locked(f, s);
    int c = get_byte(f, s);
    pthread_mutex_unlock(&s->lock);
    return c;
}

static void stream_put(struct fmt_sink *sk, const char *p, size_t n)
{
    struct stream_sink *ss = (struct stream_sink *)sk;
    crt_fwrite(p, 1, n, ss->f);
}

void crt_stream_sink(struct stream_sink *ss, MS_FILE *f)
{
    ss->s.put = stream_put;
    ss->s.count = 0;
    ss->f = f;
}

/* ---- exported stream functions ---- */

static MS_FILE *WINAPI w32___iob_func(void) { return crt_iob; }
static MS_FILE *WINAPI w32___acrt_iob_func(unsigned i) { return i < 3 ? &crt_iob[i] : NULL; }

static size_t WINAPI w32_fwrite(const void *p, size_t size, size_t n, MS_FILE *f)
{
    size_t r = crt_fwrite(p, size, n, f);
    crt_stream_end_call(f);
    return r;
}

static size_t WINAPI w32_fread(void *p, size_t size, size_t n, MS_FILE *f)
{
    struct xstream *s = X(f);
    if (!s || !size || !n)
        return 0;
    size_t total = size * n, got = 0;
    pthread_mutex_lock(&s->lock);
    for (; got < total; got++) {
        int c = crt_fgetc(f);
        if (c == MS_EOF)
            break;
        ((char *)p)[got] = (char)c;
    }
    pthread_mutex_unlock(&s->lock);
    return got / size;
}

static int WINAPI w32_fputc(int c, MS_FILE *f) { return crt_fputc(c, f); }
static int WINAPI w32_putchar(int c) { return crt_fputc(c, &crt_iob[1]); }
static int WINAPI w32_fgetc(MS_FILE *f) { return crt_fgetc(f); }
static int WINAPI w32_getchar(void) { return crt_fgetc(&crt_iob[0]); }

static int WINAPI w32_fputs(const char *str, MS_FILE *f)
{
    size_t n = strlen(str);
    int r = crt_fwrite(str, 1, n, f) == n || n == 0 ? 0 : MS_EOF;
    crt_stream_end_call(f);
    return r;
}

static int WINAPI w32_puts(const char *str)
{
    MS_FILE *f = &crt_iob[1];
    crt_stream_lock(f);
    size_t n = strlen(str);
    int r = (crt_fwrite(str, 1, n, f) == n || n == 0) && crt_fwrite("\n", 1, 1, f) == 1 ? 0 : MS_EOF;
    crt_stream_unlock(f);
    crt_stream_end_call(f);
    return r;
}

static char *WINAPI w32_fgets(char *buf, int n, MS_FILE *f)
{
    int i = 0;
    if (n <= 0)
        return NULL;
    crt_stream_lock(f);
    while (i < n - 1) {
        int c = crt_fgetc(f);
        if (c == MS_EOF)
            break;
        buf[i++] = (char)c;
        if (c == '\n')
            break;
    }
    crt_stream_unlock(f);
    buf[i] = 0;
    return i ? buf : NULL;
}

static int WINAPI w32_ungetc(int c, MS_FILE *f)
{
    struct xstream *s = X(f);
    if (c == MS_EOF || !s || s->ungot >= 0)
        return MS_EOF;
    s->ungot = (unsigned char)c;
    f->_flag &= ~MS_IOEOF;
    return (unsigned char)c;
}

static int WINAPI w32_fflush(MS_FILE *f) { return f ? crt_fflush(f) : crt_fflush_all(); }
static int WINAPI w32_feof(MS_FILE *f) { return (f->_flag & MS_IOEOF) != 0; }
static int WINAPI w32_ferror(MS_FILE *f) { return (f->_flag & MS_IOERR) != 0; }
static void WINAPI w32_clearerr(MS_FILE *f) { f->_flag &= ~(MS_IOEOF | MS_IOERR); }
static int WINAPI w32__fileno(MS_FILE *f) { return f->_file; }

static int WINAPI w32_setvbuf(MS_FILE *f, char *buf, int mode, size_t size)
{
    (void)buf, (void)size;
    struct xstream *s = X(f);
    if (!s)
        return -1;
    crt_fflush(f);
    s->unbuffered = mode == 4; /* _IONBF */
    return 0;
}

static void WINAPI w32_setbuf(MS_FILE *f, char *buf)
{
    w32_setvbuf(f, buf, buf ? 0 : 4, BUFSZ);
}

W32_EXPORTS(msvcrt) = {
    EXPORT(__iob_func, ":p"),
    EXPORT_DATA(_iob, crt_iob),
    EXPORT(fwrite, "pqqp:q"), EXPORT(fread, "pqqp:q"), EXPORT(fputc, "ip:i"),
    EXPORT_AS("putc", w32_fputc, "ip:i"), EXPORT(putchar, "i:i"), EXPORT(fgetc, "p:i"),
    EXPORT_AS("getc", w32_fgetc, "p:i"), EXPORT(getchar, ":i"), EXPORT(fputs, "sp:i"),
    EXPORT(puts, "s:i"), EXPORT(fgets, "pip:p"), EXPORT(ungetc, "ip:i"),
    EXPORT(fflush, "p:i"), EXPORT(feof, "p:i"), EXPORT(ferror, "p:i"),
    EXPORT(clearerr, "p:v"), EXPORT(_fileno, "p:i"), EXPORT(setvbuf, "ppiq:i"),
    EXPORT(setbuf, "pp:v"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__acrt_iob_func, "u:p"),
    EXPORT(fwrite, "pqqp:q"), EXPORT(fread, "pqqp:q"), EXPORT(fputc, "ip:i"),
    EXPORT_AS("putc", w32_fputc, "ip:i"), EXPORT(putchar, "i:i"), EXPORT(fgetc, "p:i"),
    EXPORT_AS("getc", w32_fgetc, "p:i"), EXPORT(getchar, ":i"), EXPORT(fputs, "sp:i"),
    EXPORT(puts, "s:i"), EXPORT(fgets, "pip:p"), EXPORT(ungetc, "ip:i"),
    EXPORT(fflush, "p:i"), EXPORT(feof, "p:i"), EXPORT(ferror, "p:i"),
    EXPORT(clearerr, "p:v"), EXPORT(_fileno, "p:i"), EXPORT(setvbuf, "ppiq:i"),
    EXPORT(setbuf, "pp:v"),
};
