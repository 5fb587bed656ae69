/* cmdline.c — the command line as Windows keeps it: GetCommandLineW and
 * GetCommandLineA, CommandLineToArgvW (shell32) compared with the C
 * runtime's argv, CommandLineToArgvW on fixed strings that exercise the
 * quoting rules (quotes, 2n and 2n+1 backslashes before a quote, plain
 * backslashes, empty arguments, blanks and tabs, argv[0] rules), and a round
 * trip: arguments quoted by the usual algorithm, joined and split again.
 * Windows only.  Exit status: the number of mismatches (0).
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), run with the arguments
 * one "two words" "" 'say "hi"' 'back\slash' 'end\\'.  Expected output:
 * GetCommandLineA matches GetCommandLineW: yes
 * CommandLineToArgvW: 7 arguments, CRT argc 7
 * arg 1: [one] same as CRT
 * arg 2: [two words] same as CRT
 * arg 3: [] same as CRT
 * arg 4: [say "hi"] same as CRT
 * arg 5: [back\slash] same as CRT
 * arg 6: [end\\] same as CRT
 * split {prog.exe one "two three" four} -> 4: [prog.exe] [one] [two three] [four]
 * split {p a\\\"b} -> 2: [p] [a\"b]
 * split {p a\\"b c" d} -> 3: [p] [a\b c] [d]
 * split {p a\b\c\ "d\\"} -> 3: [p] [a\b\c\] [d\]
 * split {p "" x ""} -> 4: [p] [] [x] []
 * split {p   multiple    spaces	tab	} -> 4: [p] [multiple] [spaces] [tab]
 * split {p "unterminated quote} -> 2: [p] [unterminated quote]
 * split {"C:\Program Files\app.exe" arg} -> 2: [C:\Program Files\app.exe] [arg]
 * split {C:\dir\app.exe\" x} -> 2: [C:\dir\app.exe\"] [x]
 * joined: prog.exe plain "with space" "" "quote\"inside" trail\ "trail space\\" \\server\share "a\\\\\"b" "	" "\""
 * round trip of 10 arguments: ok
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int mismatches;

static void show_split(const WCHAR *cmd)
{
    int n = 0;
    WCHAR **v = CommandLineToArgvW(cmd, &n);
    printf("split {%ls} -> %d:", cmd, n);
    for (int i = 0; v && i < n; i++)
        printf(" [%ls]", v[i]);
    printf("\n");
    LocalFree(v);
}

/* Quote one argument so that CommandLineToArgvW (and the CRT) give it back. */
static void quote_arg(WCHAR *out, const WCHAR *arg)
{
    if (*arg && !wcspbrk(arg, L" \t\n\v\"")) {
        wcscat(out, arg);
        return;
    }
    WCHAR *o = out + wcslen(out);
    *o++ = L'"';
    for (const WCHAR *p = arg;; p++) {
        int slashes = 0;
        while (*p == L'\\') {
            p++;
            slashes++;
        }
        if (*p == 0) {
            for (int i = 0; i < slashes * 2; i++)
                *o++ = L'\\';
            break;
        }
        if (*p == L'"') {
            for (int i = 0; i < slashes * 2 + 1; i++)
                *o++ = L'\\';
        } else {
            for (int i = 0; i < slashes; i++)
                *o++ = L'\\';
        }
        *o++ = *p;
    }
    *o++ = L'"';
    *o = 0;
}

int main(int argc, char **argv)
{
    const WCHAR *cmdw = GetCommandLineW();
    const char *cmda = GetCommandLineA();
    char conv[4096];
    WideCharToMultiByte(CP_ACP, 0, cmdw, -1, conv, sizeof conv, NULL, NULL);
    printf("GetCommandLineA matches GetCommandLineW: %s\n", strcmp(conv, cmda) == 0 ? "yes" : "no");

    int n = 0;
    WCHAR **v = CommandLineToArgvW(cmdw, &n);
    printf("CommandLineToArgvW: %d arguments, CRT argc %d\n", n, argc);
    if (n != argc)
        mismatches++;
    for (int i = 1; i < n && i < argc; i++) {
        WideCharToMultiByte(CP_ACP, 0, v[i], -1, conv, sizeof conv, NULL, NULL);
        int same = strcmp(conv, argv[i]) == 0;
        mismatches += !same;
        printf("arg %d: [%ls] %s\n", i, v[i], same ? "same as CRT" : "DIFFERS from CRT");
    }
    LocalFree(v);

    show_split(L"prog.exe one \"two three\" four");
    show_split(L"p a\\\\\\\"b");
    show_split(L"p a\\\\\"b c\" d");
    show_split(L"p a\\b\\c\\ \"d\\\\\"");
    show_split(L"p \"\" x \"\"");
    show_split(L"p   multiple    spaces\ttab\t");
    show_split(L"p \"unterminated quote");
    show_split(L"\"C:\\Program Files\\app.exe\" arg");
    show_split(L"C:\\dir\\app.exe\\\" x");

    const WCHAR *tricky[] = { L"plain", L"with space", L"", L"quote\"inside", L"trail\\",
                              L"trail space\\", L"\\\\server\\share", L"a\\\\\"b", L"\t", L"\"" };
    int count = (int)(sizeof tricky / sizeof tricky[0]);
    WCHAR line[1024] = L"prog.exe";
    for (int i = 0; i < count; i++) {
        wcscat(line, L" ");
        quote_arg(line, tricky[i]);
    }
    printf("joined: %ls\n", line);
    v = CommandLineToArgvW(line, &n);
    int ok = n == count + 1;
    for (int i = 0; ok && i < count; i++)
        ok = wcscmp(v[i + 1], tricky[i]) == 0;
    printf("round trip of %d arguments: %s\n", count, ok ? "ok" : "MISMATCH");
    mismatches += !ok;
    LocalFree(v);
    return mismatches;
}
