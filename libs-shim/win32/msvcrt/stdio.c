/* stdio.c — the CRT's streams: buffered I/O on descriptors with the
 * descriptor's translation (text mode writes \n as \r\n, reads \r\n as \n
 * and stops at Ctrl-Z), msvcrt's FILE layout, the standard streams, and
 * the engine the other stream files build on (see stream.h).
 * Buffering as Microsoft's CRT does it: files and pipes are fully
 * buffered (4096 bytes; _IOLBF means the same on Windows), stderr is
 * unbuffered, and output to a console leaves at the end of every call. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stream.h"

MS_FILE crt_iob[CRT_MAX_STREAMS];
struct xstream crt_xs[CRT_MAX_STREAMS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static void init_slot(size_t i, int fd, const struct fmode *m)
{
    struct xstream *s = &crt_xs[i];
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    memset(s, 0, offsetof(struct xstream, lock));
    pthread_mutex_init(&s->lock, &a);
    s->fd = fd;
    s->can_read = m->can_read;
    s->can_write = m->can_write;
    s->append = m->append;
    s->console = isatty(fd);
    memset(&crt_iob[i], 0, sizeof crt_iob[i]);
    crt_iob[i]._file = fd;
    crt_iob[i]._flag = (m->can_read ? MS_IOREAD : 0) | (m->can_write ? MS_IOWRT : 0) |
                       (m->can_read && m->can_write ? MS_IORW : 0);
    __atomic_store_n(&s->used, 1, __ATOMIC_RELEASE);
}

void crt_std_streams_init(void)
{
    static const struct fmode in = { 0, 1, 0, 0 }, out = { 0, 0, 1, 0 };
    init_slot(0, 0, &in);
    init_slot(1, 1, &out);
    init_slot(2, 2, &out);
    crt_xs[2].unbuffered = 1;
}

MS_FILE *crt_stream_new(int fd, const struct fmode *m)
{
    pthread_mutex_lock(&table_lock);
    for (size_t i = 3; i < CRT_MAX_STREAMS; i++) {
        if (!crt_xs[i].used) {
            init_slot(i, fd, m);
            pthread_mutex_unlock(&table_lock);
            return &crt_iob[i];
        }
    }
    pthread_mutex_unlock(&table_lock);
    crt_fail(MS_EMFILE);
    return NULL;
}

void crt_stream_reinit(MS_FILE *f, int fd, const struct fmode *m)
{
    pthread_mutex_lock(&table_lock);
    init_slot((size_t)(f - crt_iob), fd, m);
    pthread_mutex_unlock(&table_lock);
}

MS_FILE *crt_stream_open_fd(int fd, const char *mode)
{
    struct fmode m;
    if (crt_parse_fmode(mode, &m) < 0) {
        crt_invalid("_fdopen", MS_EINVAL);
        return NULL;
    }
    return crt_stream_new(fd, &m);
}

void crt_stream_lock(MS_FILE *f) { pthread_mutex_lock(&crt_x(f)->lock); }
void crt_stream_unlock(MS_FILE *f) { pthread_mutex_unlock(&crt_x(f)->lock); }

static int ensure_buf(struct xstream *s)
{
    if (s->buf)
        return 0;
    s->bufsz = s->bufsz ? s->bufsz : CRT_BUFSIZ;
    s->buf = malloc(s->bufsz);
    return s->buf ? 0 : -1;
}

static int write_raw(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return crt_fail_errno();
        p += r, n -= (size_t)r;
    }
    return 0;
}

/* Forget read-ahead and pushed-back bytes, moving the descriptor back to
 * where the program's reading had got to. */
static void drop_input(struct xstream *s)
{
    off_t back = (off_t)(s->rlen - s->rpos) + s->nback;
    if (back)
        lseek(s->fd, -back, SEEK_CUR);
    s->rpos = s->rlen = 0;
    s->nback = 0;
}

int crt_flush_locked(MS_FILE *f, struct xstream *s)
{
    f->_cnt = 0;
    if (s->wlen) {
        int r = write_raw(s->fd, s->buf, s->wlen);
        s->wlen = 0;
        if (r < 0) {
            f->_flag |= MS_IOERR;
            return MS_EOF;
        }
    }
    if (s->rlen > s->rpos || s->nback)
        drop_input(s);
    return 0;
}

int crt_fflush(MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_flush_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return r;
}

int crt_fflush_all(void)
{
    int r = 0;
    for (size_t i = 0; i < CRT_MAX_STREAMS; i++)
        if (crt_xs[i].used && crt_xs[i].can_write && crt_fflush(&crt_iob[i]) != 0)
            r = MS_EOF;
    return r;
}

/* Byte-oriented text translation: text and _O_U8TEXT descriptors (the
 * UTF-16 modes are translated by the wide functions, unit by unit). */
static int byte_text(int fd)
{
    int m = crt_fd_mode(fd);
    return m == CRT_O_TEXT || m == CRT_O_U8TEXT;
}

/* Queue N bytes of output, translated for the file when TEXT. */
static int put_bytes(MS_FILE *f, struct xstream *s, const char *p, size_t n, int text)
{
    if (s->rlen > s->rpos || s->nback)
        drop_input(s);
    if (ensure_buf(s) < 0)
        return -1;
    if (!text && n >= s->bufsz) { /* large binary writes skip the buffer */
        if (crt_flush_locked(f, s))
            return -1;
        return write_raw(s->fd, p, n) < 0 ? (f->_flag |= MS_IOERR, -1) : 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (s->wlen + 2 > s->bufsz && crt_flush_locked(f, s))
            return -1;
        if (text && p[i] == '\n')
            s->buf[s->wlen++] = '\r';
        s->buf[s->wlen++] = p[i];
    }
    return 0;
}

static size_t write_locked(MS_FILE *f, struct xstream *s, const void *p, size_t n, int text)
{
    if (!n)
        return 0;
    if (!s->can_write) {
        f->_flag |= MS_IOERR;
        crt_fail(MS_EBADF);
        return 0;
    }
    int r = put_bytes(f, s, p, n, text);
    if (r == 0 && s->unbuffered)
        r = crt_flush_locked(f, s);
    return r == 0 ? n : 0;
}

size_t crt_write_locked(MS_FILE *f, struct xstream *s, const void *p, size_t n)
{
    return write_locked(f, s, p, n, byte_text(s->fd));
}

size_t crt_write_bin_locked(MS_FILE *f, struct xstream *s, const void *p, size_t n)
{
    return write_locked(f, s, p, n, 0);
}

int crt_putc_locked(MS_FILE *f, struct xstream *s, int c)
{
    char ch = (char)c;
    return crt_write_locked(f, s, &ch, 1) == 1 ? (unsigned char)c : MS_EOF;
}

size_t crt_fwrite(const void *p, size_t size, size_t n, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s || !size || !n)
        return 0;
    pthread_mutex_lock(&s->lock);
    size_t r = crt_write_locked(f, s, p, size * n);
    pthread_mutex_unlock(&s->lock);
    return r / size;
}

void crt_stream_end_call(MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (s && (s->console || s->unbuffered) && s->wlen)
        crt_fflush(f);
}

int crt_fputc(int c, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid("fputc", MS_EINVAL), MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_putc_locked(f, s, c);
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r;
}

/* Read more raw bytes; 0 at end of file, -1 on error. */
static long fill(MS_FILE *f, struct xstream *s)
{
    if (s->wlen && crt_flush_locked(f, s))
        return -1;
    if (s->console && s->fd == 0) /* reading the console shows what was written */
        crt_fflush(&crt_iob[1]);
    if (ensure_buf(s) < 0)
        return -1;
    long r = crt_raw_read(s->fd, s->buf, s->unbuffered ? 1 : s->bufsz);
    s->rpos = 0;
    s->rlen = r > 0 ? (size_t)r : 0;
    if (r < 0) {
        crt_fail_errno();
        f->_flag |= MS_IOERR;
    } else if (r == 0) {
        f->_flag |= MS_IOEOF;
    }
    return r;
}

static int raw_byte(MS_FILE *f, struct xstream *s)
{
    if (s->rpos >= s->rlen && fill(f, s) <= 0)
        return MS_EOF;
    return (unsigned char)s->buf[s->rpos++];
}

int crt_getbyte_locked(MS_FILE *f, struct xstream *s, int text)
{
    if (s->nback)
        return s->back[--s->nback];
    if (!s->can_read) {
        f->_flag |= MS_IOERR;
        crt_fail(MS_EBADF);
        return MS_EOF;
    }
    int c = raw_byte(f, s);
    if (c == MS_EOF || !text)
        return c;
    if (c == 0x1a && !s->console) { /* Ctrl-Z: the end of a text file */
        f->_flag |= MS_IOEOF;
        s->rpos--;
        return MS_EOF;
    }
    if (c != '\r')
        return c;
    int next = raw_byte(f, s);
    if (next == '\n')
        return '\n';
    if (next != MS_EOF)
        s->rpos--;
    else
        f->_flag &= ~MS_IOEOF; /* the \r itself is data; EOF comes next time */
    return '\r';
}

int crt_getc_locked(MS_FILE *f, struct xstream *s)
{
    return crt_getbyte_locked(f, s, byte_text(s->fd));
}

int crt_fgetc(MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid("fgetc", MS_EINVAL), MS_EOF;
    pthread_mutex_lock(&s->lock);
    int c = crt_getc_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return c;
}

int crt_ungetc_locked(MS_FILE *f, struct xstream *s, int c)
{
    if (c == MS_EOF || s->nback >= (int)sizeof s->back)
        return MS_EOF;
    if (s->wlen && crt_flush_locked(f, s))
        return MS_EOF;
    s->back[s->nback++] = (unsigned char)c;
    f->_flag &= ~MS_IOEOF;
    return (unsigned char)c;
}

int64_t crt_tell_locked(MS_FILE *f, struct xstream *s)
{
    if (s->append && s->wlen && crt_flush_locked(f, s))
        return -1;
    off_t pos = lseek(s->fd, 0, SEEK_CUR);
    if (pos < 0)
        return crt_fail(errno == ESPIPE ? MS_EINVAL : crt_errno_from_host(errno));
    return (int64_t)pos - (int64_t)(s->rlen - s->rpos) + (int64_t)s->wlen - s->nback;
}

int crt_seek_locked(MS_FILE *f, struct xstream *s, int64_t off, int whence)
{
    if (whence == 1) { /* SEEK_CUR: from where the program is, not the descriptor */
        int64_t cur = crt_tell_locked(f, s);
        if (cur < 0)
            return -1;
        off += cur;
        whence = 0;
    }
    if (crt_flush_locked(f, s))
        return -1;
    if (lseek(s->fd, off, whence) < 0)
        return crt_fail(errno == ESPIPE ? MS_EINVAL : crt_errno_from_host(errno));
    f->_flag &= ~MS_IOEOF;
    s->wpending = s->whigh = 0;
    return 0;
}

/* fread: binary data is copied in blocks; text goes byte by byte. */
static size_t read_locked(MS_FILE *f, struct xstream *s, char *p, size_t total)
{
    size_t got = 0;
    if (byte_text(s->fd) || !s->can_read) {
        for (int c; got < total && (c = crt_getc_locked(f, s)) != MS_EOF;)
            p[got++] = (char)c;
        return got;
    }
    while (got < total && s->nback)
        p[got++] = (char)s->back[--s->nback];
    while (got < total) {
        size_t avail = s->rlen - s->rpos;
        if (avail) {
            size_t k = avail < total - got ? avail : total - got;
            memcpy(p + got, s->buf + s->rpos, k);
            s->rpos += k, got += k;
        } else if (total - got >= CRT_BUFSIZ) {
            if (s->wlen && crt_flush_locked(f, s))
                break;
            long r = crt_raw_read(s->fd, p + got, total - got);
            if (r <= 0) {
                f->_flag |= r < 0 ? MS_IOERR : MS_IOEOF;
                break;
            }
            got += (size_t)r;
        } else if (fill(f, s) <= 0) {
            break;
        }
    }
    return got;
}

static size_t WINAPI w32_fread(void *p, size_t size, size_t n, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!size || !n)
        return 0;
    if (!s || !p || n > SIZE_MAX / size)
        return crt_invalid("fread", MS_EINVAL), 0;
    pthread_mutex_lock(&s->lock);
    size_t got = read_locked(f, s, p, size * n);
    pthread_mutex_unlock(&s->lock);
    return got / size;
}

static size_t WINAPI w32_fread_s(void *p, size_t cap, size_t size, size_t n, MS_FILE *f)
{
    if (size && n && (!p || cap / size < n))
        return crt_invalid("fread_s", p ? MS_ERANGE : MS_EINVAL), 0;
    return w32_fread(p, size, n, f);
}

static void stream_put(struct fmt_sink *sk, const char *p, size_t n)
{
    struct stream_sink *ss = (struct stream_sink *)sk;
    crt_write_locked(ss->f, crt_x(ss->f), p, n);
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
    if (!size || !n)
        return 0;
    if (!crt_x(f) || !p)
        return crt_invalid("fwrite", MS_EINVAL), 0;
    size_t r = crt_fwrite(p, size, n, f);
    crt_stream_end_call(f);
    return r;
}

static int WINAPI w32_fputc(int c, MS_FILE *f) { return crt_fputc(c, f); }
static int WINAPI w32_putchar(int c) { return crt_fputc(c, &crt_iob[1]); }
static int WINAPI w32_fgetc(MS_FILE *f) { return crt_fgetc(f); }
static int WINAPI w32_getchar(void) { return crt_fgetc(&crt_iob[0]); }

static int WINAPI w32_fputs(const char *str, MS_FILE *f)
{
    if (!str || !crt_x(f))
        return crt_invalid("fputs", MS_EINVAL), MS_EOF;
    size_t n = strlen(str);
    int r = crt_fwrite(str, 1, n, f) == n ? 0 : MS_EOF;
    crt_stream_end_call(f);
    return r;
}

static int WINAPI w32_puts(const char *str)
{
    MS_FILE *f = &crt_iob[1];
    struct xstream *s = crt_x(f);
    if (!str)
        return crt_invalid("puts", MS_EINVAL), MS_EOF;
    size_t n = strlen(str);
    pthread_mutex_lock(&s->lock);
    int r = crt_write_locked(f, s, str, n) == n && crt_write_locked(f, s, "\n", 1) == 1 ? 0 : MS_EOF;
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r;
}

static char *WINAPI w32_fgets(char *buf, int n, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!buf || n <= 0 || !s)
        return crt_invalid("fgets", MS_EINVAL), NULL;
    int i = 0;
    pthread_mutex_lock(&s->lock);
    while (i < n - 1) {
        int c = crt_getc_locked(f, s);
        if (c == MS_EOF)
            break;
        buf[i++] = (char)c;
        if (c == '\n')
            break;
    }
    pthread_mutex_unlock(&s->lock);
    buf[i] = 0;
    return i || n == 1 ? buf : NULL;
}

/* gets: a line without its newline; no bound (removed from C11, still
 * exported by msvcrt.dll). */
static char *WINAPI w32_gets(char *buf)
{
    MS_FILE *f = &crt_iob[0];
    struct xstream *s = crt_x(f);
    int c, i = 0;
    pthread_mutex_lock(&s->lock);
    while ((c = crt_getc_locked(f, s)) != MS_EOF && c != '\n')
        buf[i++] = (char)c;
    pthread_mutex_unlock(&s->lock);
    buf[i] = 0;
    return c == MS_EOF && i == 0 ? NULL : buf;
}

/* gets_s: the line must fit with its terminator, else the rest of the
 * line is read and dropped, the buffer emptied, and the invalid
 * parameter handler called (ERANGE). */
static char *WINAPI w32_gets_s(char *buf, size_t n)
{
    MS_FILE *f = &crt_iob[0];
    struct xstream *s = crt_x(f);
    if (!buf || !n)
        return crt_invalid("gets_s", MS_EINVAL), NULL;
    size_t i = 0;
    int c, over = 0;
    pthread_mutex_lock(&s->lock);
    while ((c = crt_getc_locked(f, s)) != MS_EOF && c != '\n') {
        if (i + 1 < n)
            buf[i++] = (char)c;
        else
            over = 1;
    }
    pthread_mutex_unlock(&s->lock);
    buf[over ? 0 : i] = 0;
    if (over)
        return crt_invalid("gets_s", MS_ERANGE), NULL;
    return c == MS_EOF && i == 0 ? NULL : buf;
}

static int WINAPI w32_ungetc(int c, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid("ungetc", MS_EINVAL), MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_ungetc_locked(f, s, c);
    pthread_mutex_unlock(&s->lock);
    return r;
}

static int WINAPI w32__filbuf(MS_FILE *f)
{
    int c = crt_fgetc(f);
    f->_cnt = 0;
    return c;
}

static int WINAPI w32__flsbuf(int c, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return MS_EOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_putc_locked(f, s, c);
    f->_cnt = 0;
    pthread_mutex_unlock(&s->lock);
    return r;
}

static int WINAPI w32_fflush(MS_FILE *f) { return f ? crt_fflush(f) : crt_fflush_all(); }

static int WINAPI w32__flushall(void)
{
    int n = 0;
    for (size_t i = 0; i < CRT_MAX_STREAMS; i++)
        if (crt_xs[i].used) {
            crt_fflush(&crt_iob[i]);
            n++;
        }
    return n;
}

static int WINAPI w32_feof(MS_FILE *f)
{
    if (!crt_x(f))
        return crt_invalid("feof", MS_EINVAL), 0;
    return f->_flag & MS_IOEOF;
}

static int WINAPI w32_ferror(MS_FILE *f)
{
    if (!crt_x(f))
        return crt_invalid("ferror", MS_EINVAL), 0;
    return f->_flag & MS_IOERR;
}

static void WINAPI w32_clearerr(MS_FILE *f)
{
    if (crt_x(f))
        f->_flag &= ~(MS_IOEOF | MS_IOERR);
    else
        crt_invalid("clearerr", MS_EINVAL);
}

static int WINAPI w32_clearerr_s(MS_FILE *f)
{
    CRT_CHECK(crt_x(f), "clearerr_s", MS_EINVAL);
    f->_flag &= ~(MS_IOEOF | MS_IOERR);
    return 0;
}

static int WINAPI w32__fileno(MS_FILE *f)
{
    if (!crt_x(f))
        return crt_invalid("_fileno", MS_EINVAL), -1;
    return f->_file;
}

static int WINAPI w32_setvbuf(MS_FILE *f, char *buf, int mode, size_t size)
{
    struct xstream *s = crt_x(f);
    if (!s || (mode != MS_IOFBF && mode != MS_IOLBF && mode != MS_IONBF) ||
        (mode != MS_IONBF && (size < 2 || size > INT32_MAX)))
        return crt_invalid("setvbuf", MS_EINVAL), -1;
    pthread_mutex_lock(&s->lock);
    crt_flush_locked(f, s);
    if (!s->user_buf)
        free(s->buf);
    s->buf = NULL, s->user_buf = 0, s->bufsz = 0;
    s->unbuffered = mode == MS_IONBF;
    if (mode != MS_IONBF) {
        s->bufsz = size & ~(size_t)1;
        if (buf)
            s->buf = buf, s->user_buf = 1;
    }
    f->_flag = (f->_flag & ~MS_IOMYBUF) | (s->user_buf ? 0 : MS_IOMYBUF);
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static void WINAPI w32_setbuf(MS_FILE *f, char *buf)
{
    w32_setvbuf(f, buf, buf ? MS_IOFBF : MS_IONBF, CRT_BUFSIZ);
}

static int WINAPI w32__getw(MS_FILE *f)
{
    int v = 0;
    return w32_fread(&v, sizeof v, 1, f) == 1 ? v : MS_EOF;
}

static int WINAPI w32__putw(int v, MS_FILE *f)
{
    return w32_fwrite(&v, sizeof v, 1, f) == 1 ? v : MS_EOF;
}

static int WINAPI w32__fgetchar(void) { return crt_fgetc(&crt_iob[0]); }
static int WINAPI w32__fputchar(int c) { return crt_fputc(c, &crt_iob[1]); }
static void WINAPI w32__lock_file(MS_FILE *f) { if (crt_x(f)) crt_stream_lock(f); }
static void WINAPI w32__unlock_file(MS_FILE *f) { if (crt_x(f)) crt_stream_unlock(f); }
static int WINAPI w32__getmaxstdio(void) { return CRT_MAX_STREAMS; }

static int WINAPI w32__setmaxstdio(int n)
{
    if (n < 20 || n > 8192)
        return crt_invalid("_setmaxstdio", MS_EINVAL), -1;
    return n <= CRT_MAX_STREAMS ? n : -1;
}

#define STDIO_EXPORTS \
    EXPORT(fwrite, "pqqp:q"), EXPORT(fread, "pqqp:q"), EXPORT(fread_s, "pqqqp:q"), \
    EXPORT(fputc, "ip:i"), EXPORT_AS("putc", w32_fputc, "ip:i"), EXPORT(putchar, "i:i"), \
    EXPORT(fgetc, "p:i"), EXPORT_AS("getc", w32_fgetc, "p:i"), EXPORT(getchar, ":i"), \
    EXPORT(fputs, "sp:i"), EXPORT(puts, "s:i"), EXPORT(fgets, "pip:p"), EXPORT(gets, "p:p"), \
    EXPORT(gets_s, "pq:p"), \
    EXPORT(ungetc, "ip:i"), EXPORT(fflush, "p:i"), EXPORT(_flushall, ":i"), EXPORT(feof, "p:i"), \
    EXPORT(ferror, "p:i"), EXPORT(clearerr, "p:v"), EXPORT(clearerr_s, "p:i"), \
    EXPORT(_fileno, "p:i"), EXPORT(setvbuf, "ppiq:i"), EXPORT(setbuf, "pp:v"), \
    EXPORT(_getw, "p:i"), EXPORT(_putw, "ip:i"), EXPORT(_fgetchar, ":i"), EXPORT(_fputchar, "i:i"), \
    EXPORT(_lock_file, "p:v"), EXPORT(_unlock_file, "p:v"), EXPORT(_getmaxstdio, ":i"), \
    EXPORT(_setmaxstdio, "i:i"), EXPORT(_filbuf, "p:i"), EXPORT(_flsbuf, "ip:i"), \
    EXPORT_AS("_fgetc_nolock", w32_fgetc, "p:i"), EXPORT_AS("_getc_nolock", w32_fgetc, "p:i"), \
    EXPORT_AS("_fputc_nolock", w32_fputc, "ip:i"), EXPORT_AS("_putc_nolock", w32_fputc, "ip:i"), \
    EXPORT_AS("_fwrite_nolock", w32_fwrite, "pqqp:q"), EXPORT_AS("_fread_nolock", w32_fread, "pqqp:q"), \
    EXPORT_AS("_fread_nolock_s", w32_fread_s, "pqqqp:q"), EXPORT_AS("_fflush_nolock", w32_fflush, "p:i"), \
    EXPORT_AS("_getchar_nolock", w32_getchar, ":i"), EXPORT_AS("_putchar_nolock", w32_putchar, "i:i"), \
    EXPORT_AS("_ungetc_nolock", w32_ungetc, "ip:i")

W32_EXPORTS(msvcrt) = { STDIO_EXPORTS, EXPORT(__iob_func, ":p"), EXPORT_DATA(_iob, crt_iob) };
W32_EXPORTS(ucrtbase) = { STDIO_EXPORTS, EXPORT(__acrt_iob_func, "u:p") };
