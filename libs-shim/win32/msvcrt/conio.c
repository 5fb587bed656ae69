/* conio.c — <conio.h>: direct console I/O. Windows writes these to the
 * console (CONOUT$) even when stdout is redirected; here there is no
 * separate console, so output goes to standard output (after the stdout
 * stream's pending data, untranslated) and input comes from standard
 * input — a terminal is switched to unbuffered, unechoed input for
 * _getch. Documented in libs-shim/win32/msvcrt/README.md. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../unicode.h"
#include "printf.h"
#include "stream.h"

static int pushed = -1; /* _ungetch */

static int out(const char *p, size_t n)
{
    crt_fflush(&crt_iob[1]);
    while (n) {
        ssize_t r = write(1, p, n);
        if (r <= 0)
            return -1;
        p += r, n -= (size_t)r;
    }
    return 0;
}

struct con_sink {
    struct fmt_sink s;
    int failed;
};

static void con_put(struct fmt_sink *sk, const char *p, size_t n)
{
    if (out(p, n) < 0)
        ((struct con_sink *)sk)->failed = 1;
}

int crt_console_print(const char *fmt, ms_va_list va, int flags)
{
    if (!fmt)
        return crt_invalid("_cprintf", MS_EINVAL), -1;
    struct msargs a = { va };
    struct con_sink cs = { { con_put, 0 }, 0 };
    int r = crt_format(&cs.s, fmt, &a, flags);
    return cs.failed ? -1 : r;
}

static int WINAPI w32__vcprintf(const char *fmt, ms_va_list va) { return crt_console_print(fmt, va, 0); }

static int WINAPI_VA w32__cprintf(const char *fmt, ...)
{
    ms_va_list va;
    __builtin_ms_va_start(va, fmt);
    int r = crt_console_print(fmt, va, 0);
    __builtin_ms_va_end(va);
    return r;
}

static int WINAPI w32__vcwprintf(const WCHAR *wfmt, ms_va_list va)
{
    char *fmt = w32_wide_to_utf8(wfmt);
    int r = crt_console_print(fmt, va, FMT_WIDE);
    free(fmt);
    return r;
}

static int WINAPI_VA w32__cwprintf(const WCHAR *fmt, ...)
{
    ms_va_list va;
    __builtin_ms_va_start(va, fmt);
    int r = w32__vcwprintf(fmt, va);
    __builtin_ms_va_end(va);
    return r;
}

static int WINAPI w32__cputs(const char *s) { return s && out(s, strlen(s)) == 0 ? 0 : -1; }
static int WINAPI w32__putch(int c) { char b = (char)c; return out(&b, 1) == 0 ? (unsigned char)c : -1; }

static int WINAPI w32__putwch(WCHAR c)
{
    char u[8];
    size_t n = w32_utf16_to_utf8(&c, 1, u, sizeof u);
    return out(u, n) == 0 ? c : 0xffff;
}

static int WINAPI w32__cputws(const WCHAR *s)
{
    char *u = w32_wide_to_utf8(s);
    int r = u && out(u, strlen(u)) == 0 ? 0 : -1;
    free(u);
    return r;
}

/* One key, unbuffered and (ECHO 0) without echo on a terminal. */
static int get_key(int echo)
{
    if (pushed >= 0) {
        int c = pushed;
        pushed = -1;
        return c;
    }
    crt_fflush(&crt_iob[1]);
    struct termios old, raw;
    int tty = tcgetattr(0, &old) == 0;
    if (tty) {
        raw = old;
        raw.c_lflag &= ~(ICANON | (echo ? 0 : ECHO));
        raw.c_cc[VMIN] = 1, raw.c_cc[VTIME] = 0;
        tcsetattr(0, TCSANOW, &raw);
    }
    unsigned char c;
    long r = crt_raw_read(0, &c, 1);
    if (tty)
        tcsetattr(0, TCSANOW, &old);
    return r == 1 ? (c == '\n' && tty ? '\r' : c) : -1; /* Enter reads as CR */
}

static int WINAPI w32__getch(void) { return get_key(0); }
static int WINAPI w32__getche(void) { return get_key(1); }
static int WINAPI w32__getwch(void) { int c = get_key(0); return c < 0 ? 0xffff : c; }
static int WINAPI w32__getwche(void) { int c = get_key(1); return c < 0 ? 0xffff : c; }

static int WINAPI w32__ungetch(int c)
{
    if (pushed >= 0 || c < 0)
        return -1;
    pushed = c;
    return c;
}

/* _cgets(buf): buf[0] holds the room, buf[1] gets the length, the text
 * follows (without the newline). */
static int read_line(char *out, size_t cap)
{
    size_t n = 0;
    int c;
    while ((c = get_key(1)) >= 0 && c != '\r' && c != '\n')
        if (n + 1 < cap)
            out[n++] = (char)c;
    out[n] = 0;
    return (int)n;
}

static char *WINAPI w32__cgets(char *buf)
{
    if (!buf)
        return crt_invalid("_cgets", MS_EINVAL), NULL;
    int n = read_line(buf + 2, (unsigned char)buf[0]);
    buf[1] = (char)n;
    return buf + 2;
}

static int WINAPI w32__cgets_s(char *buf, size_t n, size_t *len)
{
    CRT_CHECK(buf && n && len, "_cgets_s", MS_EINVAL);
    *len = (size_t)read_line(buf, n);
    return 0;
}

static int WINAPI w32__ungetwch(int c) { return w32__ungetch(c) < 0 ? 0xffff : c; }

static int WINAPI w32__kbhit(void)
{
    struct pollfd p = { 0, POLLIN, 0 };
    return pushed >= 0 || poll(&p, 1, 0) > 0;
}

#define CONIO_EXPORTS \
    EXPORT(_cprintf, "s.:i"), EXPORT(_vcprintf, "sp:i"), EXPORT(_cwprintf, "w.:i"), \
    EXPORT(_vcwprintf, "wp:i"), EXPORT(_cputs, "s:i"), EXPORT(_putch, "i:i"), EXPORT(_putwch, "u:i"), \
    EXPORT(_cputws, "w:i"), EXPORT(_getch, ":i"), EXPORT(_getche, ":i"), EXPORT(_getwch, ":i"), \
    EXPORT(_getwche, ":i"), EXPORT(_ungetch, "i:i"), EXPORT(_kbhit, ":i"), EXPORT(_cgets, "p:p"), \
    EXPORT(_cgets_s, "pqp:i"), EXPORT(_ungetwch, "i:i"), \
    EXPORT_AS("_getch_nolock", w32__getch, ":i"), EXPORT_AS("_putch_nolock", w32__putch, "i:i")

W32_EXPORTS(msvcrt) = { CONIO_EXPORTS };
W32_EXPORTS(ucrtbase) = { CONIO_EXPORTS };
