/* wstdio.c — wide characters on streams: fgetwc/fputwc, fgetws/fputws,
 * ungetwc, getwchar/putwchar, _getws/_putws. On a descriptor in
 * _O_U16TEXT or _O_WTEXT mode (and not a terminal) the file holds UTF-16LE
 * with \r\n line ends; otherwise characters are stored in the multibyte
 * code page, which is UTF-8 here (surrogate pairs become one 4-byte
 * sequence, and come back as two calls). */
#include <string.h>

#include "../unicode.h"
#include "stream.h"

static int utf16_file(struct xstream *s)
{
    int m = crt_fd_mode(s->fd);
    return (m == CRT_O_U16TEXT || m == CRT_O_WTEXT) && !s->console;
}

static int put_unit(MS_FILE *f, struct xstream *s, WCHAR c)
{
    unsigned char b[2] = { (unsigned char)c, (unsigned char)(c >> 8) };
    return crt_write_bin_locked(f, s, b, 2) == 2 ? 0 : -1;
}

int crt_putwc_locked(MS_FILE *f, struct xstream *s, WCHAR c)
{
    if (utf16_file(s)) {
        if (c == '\n' && put_unit(f, s, '\r') < 0)
            return MS_WEOF;
        return put_unit(f, s, c) < 0 ? MS_WEOF : c;
    }
    WCHAR pair[2] = { c, 0 };
    int n = 1;
    if (c >= 0xd800 && c < 0xdc00) { /* wait for the second half */
        s->whigh = c;
        return c;
    }
    if (c >= 0xdc00 && c < 0xe000 && s->whigh) {
        pair[0] = s->whigh, pair[1] = c, n = 2;
    }
    s->whigh = 0;
    char u[8];
    size_t len = w32_utf16_to_utf8(pair, n, u, sizeof u);
    return crt_write_locked(f, s, u, len) == len ? c : MS_WEOF;
}

static int get_unit(MS_FILE *f, struct xstream *s)
{
    int lo = crt_getbyte_locked(f, s, 0);
    int hi = lo == MS_EOF ? MS_EOF : crt_getbyte_locked(f, s, 0);
    return hi == MS_EOF ? -1 : lo | hi << 8;
}

static int getwc_utf16(MS_FILE *f, struct xstream *s)
{
    int c = get_unit(f, s);
    if (c != '\r')
        return c < 0 ? MS_WEOF : c;
    int next = get_unit(f, s);
    if (next == '\n')
        return '\n';
    if (next >= 0) { /* give the unit back */
        crt_ungetc_locked(f, s, next >> 8);
        crt_ungetc_locked(f, s, next & 0xff);
    }
    return '\r';
}

static int seq_len(int lead)
{
    return lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
}

/* One character of UTF-8 input: U+FFFD for malformed bytes. */
static int getwc_utf8(MS_FILE *f, struct xstream *s)
{
    if (s->wpending) {
        int c = s->wpending;
        s->wpending = 0;
        return c;
    }
    int b = crt_getc_locked(f, s);
    if (b == MS_EOF)
        return MS_WEOF;
    if (b < 0x80)
        return b;
    char u[4] = { (char)b };
    int n = seq_len(b), i = 1;
    for (; i < n; i++) {
        int c = crt_getc_locked(f, s);
        if (c == MS_EOF || (c & 0xc0) != 0x80) {
            if (c != MS_EOF)
                crt_ungetc_locked(f, s, c);
            return 0xfffd;
        }
        u[i] = (char)c;
    }
    WCHAR w[2];
    size_t units = n ? w32_utf8_to_utf16(u, n, w, 2) : 0;
    if (units == 2)
        s->wpending = w[1];
    return units ? w[0] : 0xfffd;
}

int crt_getwc_locked(MS_FILE *f, struct xstream *s)
{
    return utf16_file(s) ? getwc_utf16(f, s) : getwc_utf8(f, s);
}

static int WINAPI w32_fgetwc(MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid("fgetwc", MS_EINVAL), MS_WEOF;
    pthread_mutex_lock(&s->lock);
    int c = crt_getwc_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return c;
}

static int WINAPI w32_fputwc(WCHAR c, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid("fputwc", MS_EINVAL), MS_WEOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_putwc_locked(f, s, c);
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r;
}

int crt_ungetwc_locked(MS_FILE *f, struct xstream *s, int c)
{
    int ok = 1;
    if (utf16_file(s)) {
        ok = crt_ungetc_locked(f, s, c >> 8) != MS_EOF && crt_ungetc_locked(f, s, c & 0xff) != MS_EOF;
    } else {
        WCHAR w = (WCHAR)c;
        char u[8];
        size_t n = w32_utf16_to_utf8(&w, 1, u, sizeof u);
        while (ok && n)
            ok = crt_ungetc_locked(f, s, (unsigned char)u[--n]) != MS_EOF;
    }
    return ok ? (c & 0xffff) : MS_WEOF;
}

static int WINAPI w32_ungetwc(int c, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!s || c == MS_WEOF)
        return MS_WEOF;
    pthread_mutex_lock(&s->lock);
    int r = crt_ungetwc_locked(f, s, c);
    pthread_mutex_unlock(&s->lock);
    return r;
}

static WCHAR *WINAPI w32_fgetws(WCHAR *buf, int n, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!buf || n <= 0 || !s)
        return crt_invalid("fgetws", MS_EINVAL), NULL;
    int i = 0;
    pthread_mutex_lock(&s->lock);
    while (i < n - 1) {
        int c = crt_getwc_locked(f, s);
        if (c == MS_WEOF)
            break;
        buf[i++] = (WCHAR)c;
        if (c == '\n')
            break;
    }
    pthread_mutex_unlock(&s->lock);
    buf[i] = 0;
    return i || n == 1 ? buf : NULL;
}

static int WINAPI w32_fputws(const WCHAR *str, MS_FILE *f)
{
    struct xstream *s = crt_x(f);
    if (!str || !s)
        return crt_invalid("fputws", MS_EINVAL), MS_EOF;
    int r = 0;
    pthread_mutex_lock(&s->lock);
    for (; *str && r != MS_WEOF; str++)
        r = crt_putwc_locked(f, s, *str);
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r == MS_WEOF ? MS_EOF : 0;
}

static int WINAPI w32_getwchar(void) { return w32_fgetwc(&crt_iob[0]); }
static int WINAPI w32_putwchar(WCHAR c) { return w32_fputwc(c, &crt_iob[1]); }

static WCHAR *WINAPI w32__getws(WCHAR *buf)
{
    MS_FILE *f = &crt_iob[0];
    struct xstream *s = crt_x(f);
    int c, i = 0;
    pthread_mutex_lock(&s->lock);
    while ((c = crt_getwc_locked(f, s)) != MS_WEOF && c != '\n')
        buf[i++] = (WCHAR)c;
    pthread_mutex_unlock(&s->lock);
    buf[i] = 0;
    return c == MS_WEOF && !i ? NULL : buf;
}

static int WINAPI w32__putws(const WCHAR *str)
{
    MS_FILE *f = &crt_iob[1];
    struct xstream *s = crt_x(f);
    if (!str)
        return crt_invalid("_putws", MS_EINVAL), MS_EOF;
    int r = 0;
    pthread_mutex_lock(&s->lock);
    for (; *str && r != MS_WEOF; str++)
        r = crt_putwc_locked(f, s, *str);
    if (r != MS_WEOF)
        r = crt_putwc_locked(f, s, '\n');
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r == MS_WEOF ? MS_EOF : 0;
}

#define WSTDIO_EXPORTS \
    EXPORT(fgetwc, "p:i"), EXPORT_AS("getwc", w32_fgetwc, "p:i"), EXPORT(fputwc, "up:i"), \
    EXPORT_AS("putwc", w32_fputwc, "up:i"), EXPORT(ungetwc, "ip:i"), EXPORT(fgetws, "pip:p"), \
    EXPORT(fputws, "wp:i"), EXPORT(getwchar, ":i"), EXPORT(putwchar, "u:i"), \
    EXPORT(_getws, "p:p"), EXPORT(_putws, "w:i"), EXPORT_AS("_fgetwchar", w32_getwchar, ":i"), \
    EXPORT_AS("_fputwchar", w32_putwchar, "u:i"), EXPORT_AS("_fgetwc_nolock", w32_fgetwc, "p:i"), \
    EXPORT_AS("_getwc_nolock", w32_fgetwc, "p:i"), EXPORT_AS("_fputwc_nolock", w32_fputwc, "up:i"), \
    EXPORT_AS("_putwc_nolock", w32_fputwc, "up:i"), EXPORT_AS("_ungetwc_nolock", w32_ungetwc, "ip:i")

W32_EXPORTS(msvcrt) = { WSTDIO_EXPORTS };
W32_EXPORTS(ucrtbase) = { WSTDIO_EXPORTS };
