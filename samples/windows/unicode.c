/* unicode.c — text conversion with MultiByteToWideChar/WideCharToMultiByte
 * in CP_UTF8: sizes asked with a NULL buffer, -1 (terminator included) and
 * explicit lengths, 2-, 3- and 4-byte sequences and surrogate pairs, a
 * buffer that is too small (ERROR_INSUFFICIENT_BUFFER), invalid UTF-8 with
 * and without MB_ERR_INVALID_CHARS (ERROR_NO_UNICODE_TRANSLATION or
 * U+FFFD), a lone surrogate, a round trip of every code point class, plus
 * lstrlenW/lstrcmpW/lstrcmpiW, CompareStringOrdinal and CharUpperW/
 * CharLowerW (ß has no single upper-case letter and stays).
 * Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * UTF-8 -> UTF-16 size with -1: 7
 * code units: 0041 00e9 20ac d83d de00 005a 0000
 * first 3 bytes only: 2 units, no terminator written
 * UTF-16 -> UTF-8 size with -1: 12
 * bytes: 41 c3 a9 e2 82 ac f0 9f 98 80 5a 00
 * round trip equal: yes
 * buffer of 3: 0 error 122
 * buffer of 4 bytes: 0 error 122
 * invalid UTF-8 with MB_ERR_INVALID_CHARS: 0 error 1113
 * invalid UTF-8 replaced: 006f 006b fffd fffd 0065 006e 0064 fffd 0000
 * overlong '/': 0 error 1113
 * lone surrogate: 61 ef bf bd 62 00
 * U+0024 -> 1 bytes -> 1 units
 * U+007F -> 1 bytes -> 1 units
 * U+0080 -> 2 bytes -> 1 units
 * U+07FF -> 2 bytes -> 1 units
 * U+0800 -> 3 bytes -> 1 units
 * U+FFFD -> 3 bytes -> 1 units
 * U+FFFF -> 3 bytes -> 1 units
 * U+10000 -> 4 bytes -> 2 units
 * U+10FFFF -> 4 bytes -> 2 units
 * round trip mismatches: 0
 * lstrlenW 5, lstrcmpW -1, lstrcmpiW 0
 * CompareStringOrdinal: equal 2, ignore case equal 2, less 1
 * CharUpperW: 0053 0054 0052 0041 00df 0045 0020 00c9 0054 00c9 0020 0391 0392
 * CharLowerW: 0073 0074 0072 0061 00df 0065 0020 00e9 0074 00e9 0020 03b1 03b2
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static void hex_w(const char *label, const WCHAR *w, int n)
{
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %04x", w[i]);
    printf("\n");
}

static void hex_b(const char *label, const char *b, int n)
{
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %02x", (unsigned char)b[i]);
    printf("\n");
}

int main(void)
{
    const char *utf8 = "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80Z";   /* A é € 😀 Z */
    int need = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    printf("UTF-8 -> UTF-16 size with -1: %d\n", need);
    WCHAR w[32];
    int got = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 32);
    hex_w("code units", w, got);
    got = MultiByteToWideChar(CP_UTF8, 0, utf8, 3, w, 32);
    printf("first 3 bytes only: %d units, no terminator written\n", got);

    int bytes = WideCharToMultiByte(CP_UTF8, 0, L"A\u00e9\u20ac\U0001F600Z", -1, NULL, 0, NULL, NULL);
    printf("UTF-16 -> UTF-8 size with -1: %d\n", bytes);
    char b[64];
    bytes = WideCharToMultiByte(CP_UTF8, 0, L"A\u00e9\u20ac\U0001F600Z", -1, b, sizeof b, NULL, NULL);
    hex_b("bytes", b, bytes);
    printf("round trip equal: %s\n", strcmp(b, utf8) == 0 ? "yes" : "no");

    SetLastError(0);
    got = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 3);
    printf("buffer of 3: %d error %lu\n", got, GetLastError());
    SetLastError(0);
    bytes = WideCharToMultiByte(CP_UTF8, 0, L"\u20ac\u20ac", -1, b, 4, NULL, NULL);
    printf("buffer of 4 bytes: %d error %lu\n", bytes, GetLastError());

    const char bad[] = "ok\xff\xfe" "end\xc3";
    SetLastError(0);
    got = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, bad, -1, w, 32);
    printf("invalid UTF-8 with MB_ERR_INVALID_CHARS: %d error %lu\n", got, GetLastError());
    got = MultiByteToWideChar(CP_UTF8, 0, bad, -1, w, 32);
    hex_w("invalid UTF-8 replaced", w, got);
    const char overlong[] = "\xc0\xaf";
    SetLastError(0);
    got = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, overlong, 2, w, 32);
    printf("overlong '/': %d error %lu\n", got, GetLastError());

    WCHAR lone[] = { L'a', 0xd800, L'b', 0 };
    bytes = WideCharToMultiByte(CP_UTF8, 0, lone, -1, b, sizeof b, NULL, NULL);
    hex_b("lone surrogate", b, bytes);

    int mismatches = 0;
    static const unsigned points[] = { 0x24, 0x7f, 0x80, 0x7ff, 0x800, 0xfffd, 0xffff, 0x10000, 0x10ffff };
    for (int i = 0; i < 9; i++) {
        WCHAR in[3], out[3];
        int n;
        if (points[i] >= 0x10000) {
            in[0] = (WCHAR)(0xd800 + ((points[i] - 0x10000) >> 10));
            in[1] = (WCHAR)(0xdc00 + ((points[i] - 0x10000) & 0x3ff));
            n = 2;
        } else {
            in[0] = (WCHAR)points[i];
            n = 1;
        }
        char mid[8];
        int m = WideCharToMultiByte(CP_UTF8, 0, in, n, mid, sizeof mid, NULL, NULL);
        int k = MultiByteToWideChar(CP_UTF8, 0, mid, m, out, 3);
        printf("U+%04X -> %d bytes -> %d units\n", points[i], m, k);
        mismatches += k != n || memcmp(in, out, (size_t)n * sizeof(WCHAR)) != 0;
    }
    printf("round trip mismatches: %d\n", mismatches);

    printf("lstrlenW %d, lstrcmpW %d, lstrcmpiW %d\n", lstrlenW(L"h\u00e9llo"),
           lstrcmpW(L"abc", L"abd") < 0 ? -1 : 1, lstrcmpiW(L"HeLLo", L"hello"));
    printf("CompareStringOrdinal: equal %d, ignore case equal %d, less %d\n",
           CompareStringOrdinal(L"abc", -1, L"abc", -1, FALSE), CompareStringOrdinal(L"ABC", -1, L"abc", -1, TRUE),
           CompareStringOrdinal(L"abc", -1, L"abd", -1, FALSE));
    WCHAR up[] = L"stra\u00dfe \u00e9t\u00e9 \u03b1\u03b2";
    CharUpperW(up);
    hex_w("CharUpperW", up, (int)wcslen(up));
    CharLowerW(up);
    hex_w("CharLowerW", up, (int)wcslen(up));
    return 0;
}
