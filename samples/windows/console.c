/* console.c — writing Unicode text to the console or to whatever stdout
 * was redirected to, as a careful Windows program must: GetConsoleMode
 * tells a console from a file or pipe; on a console the text goes out with
 * WriteConsoleW as UTF-16, otherwise it is converted with
 * WideCharToMultiByte(CP_UTF8) and written with WriteFile.  Either way the
 * same characters appear.  Also: WriteConsoleW and
 * GetConsoleScreenBufferInfo failing on a redirected handle
 * (ERROR_INVALID_HANDLE), _isatty, UTF-8 bytes passed through printf,
 * WriteFile to the standard error handle, and wide output through the CRT
 * after _setmode(_O_U8TEXT).  Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), stdout redirected to a
 * file or pipe as tests run it (stderr gets "stderr: written with
 * WriteFile").  Expected output:
 * standard handles valid: yes
 * UTF-16 text has 54 code units
 * Unicode: héllo wörld — €100 — 日本語 — 😀 — Αβγ — привет
 * redirected: WriteConsoleW 0 error 6, GetConsoleScreenBufferInfo 0 error 6, _isatty 0
 * UTF-8 bytes through printf: café € 😀
 * WideCharToMultiByte size with terminator: 10
 * wprintf after _O_U8TEXT: grüß 世界
 */
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const WCHAR text[] = L"Unicode: h\u00e9llo w\u00f6rld \u2014 \u20ac100 \u2014 \u65e5\u672c\u8a9e \u2014 "
                            L"\U0001F600 \u2014 \u0391\u03b2\u03b3 \u2014 \u043f\u0440\u0438\u0432\u0435\u0442\n";

static void put_unicode(HANDLE h, const WCHAR *s)
{
    DWORD mode, n;
    int len = (int)wcslen(s);
    if (GetConsoleMode(h, &mode)) {
        WriteConsoleW(h, s, (DWORD)len, &n, NULL);
        return;
    }
    char utf8[512];
    int bytes = WideCharToMultiByte(CP_UTF8, 0, s, len, utf8, sizeof utf8, NULL, NULL);
    WriteFile(h, utf8, (DWORD)bytes, &n, NULL);
}

int main(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode;
    BOOL console = GetConsoleMode(out, &mode);
    printf("standard handles valid: %s\n",
           out != INVALID_HANDLE_VALUE && out != NULL && err != INVALID_HANDLE_VALUE ? "yes" : "no");
    printf("UTF-16 text has %u code units\n", (unsigned)wcslen(text));
    fflush(stdout);
    put_unicode(out, text);

    if (!console) {
        DWORD n = 0;
        SetLastError(0);
        BOOL ok = WriteConsoleW(out, L"x", 1, &n, NULL);
        DWORD e = GetLastError();
        CONSOLE_SCREEN_BUFFER_INFO info;
        SetLastError(0);
        BOOL ok2 = GetConsoleScreenBufferInfo(out, &info);
        printf("redirected: WriteConsoleW %d error %lu, GetConsoleScreenBufferInfo %d error %lu, _isatty %d\n", ok, e,
               ok2, GetLastError(), _isatty(_fileno(stdout)) != 0);
    } else {
        printf("console: WriteConsoleW used, _isatty %d\n", _isatty(_fileno(stdout)) != 0);
    }

    printf("UTF-8 bytes through printf: %s\n", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    fflush(stdout);
    const char *msg = "stderr: written with WriteFile\n";
    DWORD n;
    WriteFile(err, msg, (DWORD)strlen(msg), &n, NULL);

    char utf8[64];
    int bytes = WideCharToMultiByte(CP_UTF8, 0, L"\u00e9\u20ac\U0001F600", -1, utf8, sizeof utf8, NULL, NULL);
    printf("WideCharToMultiByte size with terminator: %d\n", bytes);
    fflush(stdout);
    _setmode(_fileno(stdout), _O_U8TEXT);
    wprintf(L"wprintf after _O_U8TEXT: gr\u00fc\u00df \u4e16\u754c\n");
    fflush(stdout);
    return 0;
}
