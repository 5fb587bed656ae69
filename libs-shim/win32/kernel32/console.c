/* console.c — standard handles and the console: GetStdHandle, console
 * modes and code pages (UTF-8), WriteConsole, GetFileType. A console here
 * is a terminal on the host side. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../process.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"
#include "fileobj.h"

#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define FILE_TYPE_UNKNOWN 0
#define FILE_TYPE_DISK 1
#define FILE_TYPE_CHAR 2
#define FILE_TYPE_PIPE 3
#define CP_UTF8 65001

static HANDLE std_handles[3];

void w32_std_handles_init(RTL_USER_PROCESS_PARAMETERS *p)
{
    static const DWORD access[3] = { 0x80000000u, 0x40000000u, 0x40000000u };
    for (int i = 0; i < 3; i++)
        std_handles[i] = fcntl(i, F_GETFD) >= 0 ? w32_file_handle(i, access[i], NULL) : NULL;
    p->StandardInput = std_handles[0];
    p->StandardOutput = std_handles[1];
    p->StandardError = std_handles[2];
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
    return TRUE;
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

static BOOL WINAPI w32_GetConsoleMode(HANDLE h, DWORD *mode)
{
    if (!w32_handle_is_console(h)) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    *mode = h == std_handles[0] ? 0x1f7 /* processed, line, echo, insert, quick edit */
                                : 0x3;  /* processed output, wrap at end of line */
    return TRUE;
}

static BOOL WINAPI w32_SetConsoleMode(HANDLE h, DWORD mode)
{
    (void)mode;
    if (!w32_handle_is_console(h)) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

static UINT WINAPI w32_GetConsoleCP(void) { return CP_UTF8; }
static BOOL WINAPI w32_SetConsoleCP(UINT cp) { return cp == CP_UTF8 || cp == 0; }

static BOOL write_fd_all(int fd, const char *p, size_t n, DWORD *done)
{
    size_t total = 0;
    while (total < n) {
        ssize_t r = write(fd, p + total, n - total);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            w32_set_last_error(w32_error_from_errno(errno));
            if (done) *done = (DWORD)total;
            return FALSE;
        }
        total += (size_t)r;
    }
    if (done)
        *done = (DWORD)total;
    return TRUE;
}

static BOOL WINAPI w32_WriteConsoleW(HANDLE h, const WCHAR *buf, DWORD n, DWORD *written, PVOID r)
{
    (void)r;
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    int tty = isatty(f->fd);
    size_t len = w32_utf16_to_utf8(buf, n, NULL, 0);
    char *u = malloc(len + 1);
    BOOL ok = FALSE;
    if (!tty)
        w32_set_last_error(ERROR_INVALID_HANDLE); /* not a console: as Windows says */
    else if (u) {
        w32_utf16_to_utf8(buf, n, u, len + 1);
        ok = write_fd_all(f->fd, u, len, NULL);
        if (ok && written)
            *written = n;
    }
    free(u);
    w32_obj_put(&f->o);
    return ok;
}

static BOOL WINAPI w32_WriteConsoleA(HANDLE h, const char *buf, DWORD n, DWORD *written, PVOID r)
{
    (void)r;
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    BOOL ok = FALSE;
    if (!isatty(f->fd))
        w32_set_last_error(ERROR_INVALID_HANDLE);
    else
        ok = write_fd_all(f->fd, buf, n, written);
    w32_obj_put(&f->o);
    return ok;
}

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
    EXPORT(GetFileType, "h:u"),
};
