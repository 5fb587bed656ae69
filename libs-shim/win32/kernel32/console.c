/* console.c — standard handles and the console. A console here is a
 * terminal on the host side: GetConsoleMode succeeds only on one (so
 * programs tell a console from a redirected handle as on Windows), input
 * modes map to the terminal's settings (line input, echo, Ctrl+C), and
 * the screen-buffer calls speak ANSI escape sequences (colours from
 * SetConsoleTextAttribute, cursor moves, titles). On anything that is not
 * a terminal they fail with ERROR_INVALID_HANDLE and write nothing.
 * Also GetStdHandle/SetStdHandle, WriteConsole/ReadConsole, console input
 * events (key presses from the bytes the terminal delivers), code pages
 * (UTF-8) and GetFileType. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "fileobj.h"

#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define FILE_TYPE_UNKNOWN 0
#define FILE_TYPE_DISK 1
#define FILE_TYPE_CHAR 2
#define FILE_TYPE_PIPE 3
#define CP_UTF8 65001
#define ENABLE_PROCESSED_INPUT 0x1
#define ENABLE_LINE_INPUT 0x2
#define ENABLE_ECHO_INPUT 0x4
#define DEFAULT_IN_MODE 0x1f7 /* processed, line, echo, insert, quick edit, extended */
#define DEFAULT_OUT_MODE 0x3  /* processed output, wrap at end of line */
#define DEFAULT_ATTR 0x07

static HANDLE std_handles[3];
static DWORD in_mode = DEFAULT_IN_MODE, out_mode = DEFAULT_OUT_MODE;
static WORD attr = DEFAULT_ATTR;
static struct termios saved_tio;
static int tio_saved;

static void restore_terminal(void)
{
    if (tio_saved)
        tcsetattr(0, TCSANOW, &saved_tio);
}

/* The standard handles: at the values a parent gave (inherited), else new. */
void k32_console_init(RTL_USER_PROCESS_PARAMETERS *p, const HANDLE values[3])
{
    static const DWORD access[3] = { GENERIC_READ, GENERIC_WRITE, GENERIC_WRITE };
    for (int i = 0; i < 3; i++) {
        if (fcntl(i, F_GETFD) < 0)
            continue;
        HANDLE h = NULL;
        if (values[i] && w32_handle_flags(values[i]) >= 0)
            h = values[i]; /* an inherited handle already stands there */
        struct w32_file *f = h ? NULL : k32_file_new(i, access[i], NULL);
        if (f && values[i])
            h = w32_handle_new_at(values[i], &f->o);
        if (f && !h)
            h = w32_handle_new(&f->o);
        if (f && !h)
            f->o.destroy(&f->o);
        std_handles[i] = h;
    }
    p->StandardInput = std_handles[0];
    p->StandardOutput = std_handles[1];
    p->StandardError = std_handles[2];
}

HANDLE k32_std_handle(int i)
{
    return i >= 0 && i < 3 ? std_handles[i] : NULL;
}

static int std_index(DWORD which)
{
    return which == STD_INPUT_HANDLE ? 0 : which == STD_OUTPUT_HANDLE ? 1
         : which == STD_ERROR_HANDLE ? 2 : -1;
}

static HANDLE WINAPI w32_GetStdHandle(DWORD which)
{
    int i = std_index(which);
    if (i < 0) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return INVALID_HANDLE_VALUE;
    }
    return std_handles[i];
}

static BOOL WINAPI w32_SetStdHandle(DWORD which, HANDLE h)
{
    int i = std_index(which);
    if (i < 0) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    std_handles[i] = h;
    if (w32_proc.params) {
        HANDLE *slot[3] = { &w32_proc.params->StandardInput, &w32_proc.params->StandardOutput,
                            &w32_proc.params->StandardError };
        *slot[i] = h;
    }
    return TRUE;
}

/* The terminal descriptor behind H, or -1 (error set) when H is not a
 * console handle. */
static int console_fd(HANDLE h)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return -1;
    int fd = isatty(f->fd) ? f->fd : -1;
    w32_obj_put(&f->o);
    if (fd < 0)
        w32_set_last_error(ERROR_INVALID_HANDLE);
    return fd;
}

int w32_handle_is_console(HANDLE h)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return 0;
    int tty = isatty(f->fd);
    w32_obj_put(&f->o);
    return tty;
}

static int is_input(HANDLE h)
{
    struct w32_file *f = w32_file_get(h);
    int r = f && !(f->rights & (FILE_WRITE_DATA | FILE_APPEND_DATA));
    w32_obj_put(f ? &f->o : NULL);
    return r;
}

static BOOL WINAPI w32_GetConsoleMode(HANDLE h, DWORD *mode)
{
    if (console_fd(h) < 0)
        return FALSE;
    DWORD m = is_input(h) ? in_mode : out_mode;
    return k32_copy_out(mode, &m, sizeof m) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

/* Input modes become terminal settings: no line input = no canonical
 * mode, no echo, no processed input = Ctrl+C is a character. */
static void apply_input_mode(int fd, DWORD m)
{
    struct termios t;
    if (tcgetattr(fd, &t) < 0)
        return;
    if (!tio_saved) {
        saved_tio = t;
        tio_saved = 1;
        atexit(restore_terminal);
    }
    t.c_lflag = (t.c_lflag & ~(tcflag_t)(ICANON | ECHO | ISIG)) | ((m & ENABLE_LINE_INPUT) ? ICANON : 0) |
                ((m & ENABLE_ECHO_INPUT) ? ECHO : 0) | ((m & ENABLE_PROCESSED_INPUT) ? ISIG : 0);
    if (!(m & ENABLE_LINE_INPUT))
        t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &t);
}

static BOOL WINAPI w32_SetConsoleMode(HANDLE h, DWORD mode)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    if (is_input(h)) {
        if (mode != in_mode)
            apply_input_mode(fd, mode);
        in_mode = mode;
    } else {
        out_mode = mode;
    }
    return TRUE;
}

static UINT WINAPI w32_GetConsoleCP(void) { return CP_UTF8; }
static BOOL WINAPI w32_SetConsoleCP(UINT cp) { return cp == CP_UTF8 || cp == 0 || cp == 1252 || cp == 437; }

static BOOL write_tty(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            w32_set_last_error(w32_error_from_errno(errno));
            return FALSE;
        }
        p += r, n -= (size_t)r;
    }
    return TRUE;
}

static BOOL WINAPI w32_WriteConsoleW(HANDLE h, const WCHAR *buf, DWORD n, DWORD *written, PVOID r)
{
    (void)r;
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    size_t len = w32_utf16_to_utf8(buf, n, NULL, 0);
    char *u = malloc(len + 1);
    if (!u) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    w32_utf16_to_utf8(buf, n, u, len + 1);
    BOOL ok = write_tty(fd, u, len);
    free(u);
    if (ok && written)
        *written = n;
    return ok;
}

static BOOL WINAPI w32_WriteConsoleA(HANDLE h, const char *buf, DWORD n, DWORD *written, PVOID r)
{
    (void)r;
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    BOOL ok = write_tty(fd, buf, n);
    if (ok && written)
        *written = n;
    return ok;
}

/* ReadConsole: what the terminal delivers (a line in line mode). */
static BOOL WINAPI w32_ReadConsoleA(HANDLE h, PVOID buf, DWORD n, DWORD *got, PVOID ctl)
{
    (void)ctl;
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    ssize_t r;
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        w32_set_last_error(w32_error_from_errno(errno));
        return FALSE;
    }
    if (got)
        *got = (DWORD)r;
    return TRUE;
}

static BOOL WINAPI w32_ReadConsoleW(HANDLE h, WCHAR *buf, DWORD n, DWORD *got, PVOID ctl)
{
    char tmp[4096];
    DWORD bytes = 0, cap = n < sizeof tmp ? n : (DWORD)sizeof tmp;
    if (!w32_ReadConsoleA(h, tmp, cap, &bytes, ctl))
        return FALSE;
    size_t units = w32_utf8_to_utf16(tmp, bytes, NULL, 0);
    WCHAR *w = malloc((units + 1) * sizeof *w);
    if (!w) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    w32_utf8_to_utf16(tmp, bytes, w, units + 1);
    DWORD copy = units < n ? (DWORD)units : n;
    memcpy(buf, w, copy * sizeof *w);
    free(w);
    if (got)
        *got = copy;
    return TRUE;
}

/* ---- the screen buffer, as far as a terminal can tell ---- */
typedef struct { SHORT X, Y; } COORD;
typedef struct { SHORT Left, Top, Right, Bottom; } SMALL_RECT;
typedef struct {
    COORD dwSize, dwCursorPosition;
    WORD wAttributes;
    SMALL_RECT srWindow;
    COORD dwMaximumWindowSize;
} CONSOLE_SCREEN_BUFFER_INFO;

static void term_size(int fd, SHORT *cols, SHORT *rows)
{
    struct winsize ws;
    *cols = 80, *rows = 25;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row)
        *cols = (SHORT)ws.ws_col, *rows = (SHORT)ws.ws_row;
}

static BOOL WINAPI w32_GetConsoleScreenBufferInfo(HANDLE h, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    CONSOLE_SCREEN_BUFFER_INFO i;
    SHORT c, r;
    term_size(fd, &c, &r);
    memset(&i, 0, sizeof i);
    i.dwSize.X = c, i.dwSize.Y = r;
    i.wAttributes = attr;
    i.srWindow.Right = (SHORT)(c - 1), i.srWindow.Bottom = (SHORT)(r - 1);
    i.dwMaximumWindowSize = i.dwSize;
    return k32_copy_out(info, &i, sizeof i) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static COORD WINAPI w32_GetLargestConsoleWindowSize(HANDLE h)
{
    COORD c = { 0, 0 };
    int fd = console_fd(h);
    if (fd >= 0)
        term_size(fd, &c.X, &c.Y);
    return c;
}

/* Windows colour bits (blue 1, green 2, red 4) → ANSI colour index. */
static int ansi_colour(WORD bits)
{
    return ((bits & 4) ? 1 : 0) | ((bits & 2) ? 2 : 0) | ((bits & 1) ? 4 : 0);
}

static BOOL WINAPI w32_SetConsoleTextAttribute(HANDLE h, WORD a)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    char esc[48];
    if (a == DEFAULT_ATTR)
        snprintf(esc, sizeof esc, "\033[0m");
    else
        snprintf(esc, sizeof esc, "\033[0;%d;%d%s%sm", ((a & 8) ? 90 : 30) + ansi_colour(a & 7),
                 (a & 0xf0) ? ((a & 0x80) ? 100 : 40) + ansi_colour((a >> 4) & 7) : 49, /* 49: the terminal's own */
                 (a & 0x8000) ? ";4" : "", (a & 0x4000) ? ";7" : "");
    attr = a;
    return write_tty(fd, esc, strlen(esc));
}

static BOOL WINAPI w32_SetConsoleCursorPosition(HANDLE h, COORD pos)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    char esc[32];
    snprintf(esc, sizeof esc, "\033[%d;%dH", pos.Y + 1, pos.X + 1);
    return write_tty(fd, esc, strlen(esc));
}

static BOOL fill(HANDLE h, char c, DWORD n, COORD at, DWORD *done)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    char esc[32];
    snprintf(esc, sizeof esc, "\0337\033[%d;%dH", at.Y + 1, at.X + 1);
    BOOL ok = write_tty(fd, esc, strlen(esc));
    char line[256];
    memset(line, c, sizeof line);
    for (DWORD left = n; ok && left;) {
        DWORD k = left < sizeof line ? left : (DWORD)sizeof line;
        ok = write_tty(fd, line, k);
        left -= k;
    }
    ok = ok && write_tty(fd, "\0338", 2);
    if (done)
        *done = ok ? n : 0;
    return ok;
}

static BOOL WINAPI w32_FillConsoleOutputCharacterA(HANDLE h, CHAR c, DWORD n, COORD at, DWORD *done)
{
    return fill(h, c, n, at, done);
}

static BOOL WINAPI w32_FillConsoleOutputCharacterW(HANDLE h, WCHAR c, DWORD n, COORD at, DWORD *done)
{
    return fill(h, c < 0x80 ? (char)c : '?', n, at, done);
}

static BOOL WINAPI w32_FillConsoleOutputAttribute(HANDLE h, WORD a, DWORD n, COORD at, DWORD *done)
{
    (void)a, (void)at;
    if (console_fd(h) < 0)
        return FALSE;
    if (done)
        *done = n; /* a terminal keeps no attribute per cell to change */
    return TRUE;
}

typedef struct { DWORD dwSize; BOOL bVisible; } CONSOLE_CURSOR_INFO;

static BOOL WINAPI w32_GetConsoleCursorInfo(HANDLE h, CONSOLE_CURSOR_INFO *ci)
{
    if (console_fd(h) < 0)
        return FALSE;
    ci->dwSize = 25;
    ci->bVisible = TRUE;
    return TRUE;
}

static BOOL WINAPI w32_SetConsoleCursorInfo(HANDLE h, const CONSOLE_CURSOR_INFO *ci)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    return write_tty(fd, ci->bVisible ? "\033[?25h" : "\033[?25l", 6);
}

static char title[256];

static BOOL WINAPI w32_SetConsoleTitleA(LPCSTR t)
{
    snprintf(title, sizeof title, "%s", t ? t : "");
    int fd = isatty(1) ? 1 : isatty(2) ? 2 : -1;
    if (fd >= 0) {
        char esc[300];
        snprintf(esc, sizeof esc, "\033]0;%s\007", title);
        write_tty(fd, esc, strlen(esc));
    }
    return TRUE;
}

static BOOL WINAPI w32_SetConsoleTitleW(LPCWSTR t)
{
    char *u = w32_wide_to_utf8(t);
    BOOL r = w32_SetConsoleTitleA(u);
    free(u);
    return r;
}

static DWORD WINAPI w32_GetConsoleTitleA(LPSTR buf, DWORD n)
{
    if (!n)
        return 0;
    snprintf(buf, n, "%s", title);
    return (DWORD)strlen(buf);
}

static DWORD WINAPI w32_GetConsoleTitleW(LPWSTR buf, DWORD n)
{
    if (!n)
        return 0;
    w32_utf8_to_utf16(title, -1, buf, n);
    buf[n - 1] = 0;
    return (DWORD)w32_wcslen(buf);
}

/* No window: the console is the host's terminal. */
static HANDLE WINAPI w32_GetConsoleWindow(void) { return NULL; }
static BOOL WINAPI w32_AllocConsole(void) { w32_set_last_error(ERROR_ACCESS_DENIED); return FALSE; }
static BOOL WINAPI w32_FreeConsole(void) { return TRUE; }
static BOOL WINAPI w32_AttachConsole(DWORD pid) { (void)pid; w32_set_last_error(ERROR_ACCESS_DENIED); return FALSE; }

static DWORD WINAPI w32_GetConsoleProcessList(DWORD *list, DWORD n)
{
    if (n >= 1)
        list[0] = k32_win_pid(getpid());
    return 1;
}

/* ---- console input ---- */
static BOOL WINAPI w32_FlushConsoleInputBuffer(HANDLE h)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    tcflush(fd, TCIFLUSH);
    return TRUE;
}

static BOOL WINAPI w32_GetNumberOfConsoleInputEvents(HANDLE h, DWORD *n)
{
    int fd = console_fd(h), avail = 0;
    if (fd < 0)
        return FALSE;
    ioctl(fd, FIONREAD, &avail);
    *n = (DWORD)avail;
    return TRUE;
}

typedef struct {
    WORD EventType;
    WORD pad;
    BOOL bKeyDown;
    WORD wRepeatCount, wVirtualKeyCode, wVirtualScanCode;
    WCHAR UnicodeChar;
    DWORD dwControlKeyState;
} INPUT_RECORD;

/* One key-down event per byte waiting (or, when none is, per byte read
 * after blocking for the first). */
static BOOL console_input(HANDLE h, INPUT_RECORD *out, DWORD n, DWORD *got, int peek)
{
    int fd = console_fd(h), avail = 0;
    if (fd < 0)
        return FALSE;
    ioctl(fd, FIONREAD, &avail);
    if (peek && !avail) {
        *got = 0;
        return TRUE;
    }
    unsigned char buf[64];
    size_t want = n < sizeof buf ? n : sizeof buf;
    ssize_t r = peek ? recv(fd, buf, want, MSG_PEEK) : read(fd, buf, avail ? (size_t)avail < want ? (size_t)avail : want : 1);
    if (peek && r < 0)
        r = 0; /* a terminal cannot be peeked at: report how much is waiting only */
    if (r < 0) {
        w32_set_last_error(w32_error_from_errno(errno));
        return FALSE;
    }
    for (ssize_t i = 0; i < r; i++) {
        memset(&out[i], 0, sizeof out[i]);
        out[i].EventType = 1; /* KEY_EVENT */
        out[i].bKeyDown = TRUE;
        out[i].wRepeatCount = 1;
        out[i].UnicodeChar = buf[i] == '\n' ? '\r' : buf[i];
        out[i].wVirtualKeyCode = buf[i] >= 'a' && buf[i] <= 'z' ? (WORD)(buf[i] - 32)
                               : buf[i] == '\n' ? 0x0d : buf[i];
    }
    *got = (DWORD)r;
    return TRUE;
}

static BOOL WINAPI w32_ReadConsoleInputW(HANDLE h, INPUT_RECORD *b, DWORD n, DWORD *got) { return console_input(h, b, n, got, 0); }
static BOOL WINAPI w32_PeekConsoleInputW(HANDLE h, INPUT_RECORD *b, DWORD n, DWORD *got) { return console_input(h, b, n, got, 1); }

static DWORD WINAPI w32_GetFileType(HANDLE h)
{
    struct w32_file *f = w32_file_get(h);
    struct stat st;
    if (!f)
        return FILE_TYPE_UNKNOWN;
    DWORD t = FILE_TYPE_UNKNOWN;
    if (fstat(f->fd, &st) == 0)
        t = S_ISCHR(st.st_mode) ? FILE_TYPE_CHAR
          : S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ? FILE_TYPE_PIPE : FILE_TYPE_DISK;
    w32_obj_put(&f->o);
    w32_set_last_error(ERROR_SUCCESS);
    return t;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetStdHandle, "u:h"),
    EXPORT(SetStdHandle, "uh:i"),
    EXPORT(GetConsoleMode, "hp:i"),
    EXPORT(SetConsoleMode, "hu:i"),
    EXPORT(GetConsoleCP, ":u"),
    EXPORT_AS("GetConsoleOutputCP", w32_GetConsoleCP, ":u"),
    EXPORT(SetConsoleCP, "u:i"),
    EXPORT_AS("SetConsoleOutputCP", w32_SetConsoleCP, "u:i"),
    EXPORT(WriteConsoleW, "hpupp:i"),
    EXPORT(WriteConsoleA, "hpupp:i"),
    EXPORT(ReadConsoleA, "hpupp:i"),
    EXPORT(ReadConsoleW, "hpupp:i"),
    EXPORT(GetConsoleScreenBufferInfo, "hp:i"),
    EXPORT(GetLargestConsoleWindowSize, "h:u"),
    EXPORT(SetConsoleTextAttribute, "hu:i"),
    EXPORT(SetConsoleCursorPosition, "hu:i"),
    EXPORT(FillConsoleOutputCharacterA, "hiuup:i"),
    EXPORT(FillConsoleOutputCharacterW, "hiuup:i"),
    EXPORT(FillConsoleOutputAttribute, "huuup:i"),
    EXPORT(GetConsoleCursorInfo, "hp:i"),
    EXPORT(SetConsoleCursorInfo, "hp:i"),
    EXPORT(SetConsoleTitleA, "s:i"),
    EXPORT(SetConsoleTitleW, "w:i"),
    EXPORT(GetConsoleTitleA, "pu:u"),
    EXPORT(GetConsoleTitleW, "pu:u"),
    EXPORT(GetConsoleWindow, ":p"),
    EXPORT(AllocConsole, ":i"),
    EXPORT(FreeConsole, ":i"),
    EXPORT(AttachConsole, "u:i"),
    EXPORT(GetConsoleProcessList, "pu:u"),
    EXPORT(FlushConsoleInputBuffer, "h:i"),
    EXPORT(GetNumberOfConsoleInputEvents, "hp:i"),
    EXPORT(ReadConsoleInputW, "hpup:i"),
    EXPORT_AS("ReadConsoleInputA", w32_ReadConsoleInputW, "hpup:i"),
    EXPORT(PeekConsoleInputW, "hpup:i"),
    EXPORT_AS("PeekConsoleInputA", w32_PeekConsoleInputW, "hpup:i"),
    EXPORT(GetFileType, "h:u"),
};
