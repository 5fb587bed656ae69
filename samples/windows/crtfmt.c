/* crtfmt.c — the CRT DLL's own printf/sscanf.  mingw-w64 routes printf in
 * C99 programs to its static C99 implementation; defining
 * __USE_MINGW_ANSI_STDIO to 0 makes printf, sprintf and sscanf calls go to
 * msvcrt.dll (or the UCRT) as in programs built by MSVC or old mingw.  Only
 * conversions on which msvcrt agrees with C99 are used: no %e/%g with an
 * exponent (msvcrt prints three exponent digits, 1e+010), no hh/z/j/t
 * length modifiers, no %a, no inf/nan.  Portable C.  Exit status: 0. */
#ifdef _WIN32
#define __USE_MINGW_ANSI_STDIO 0
#endif
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[128];
    printf("[%d] [%i] [%u] [%x] [%X] [%o] [%c] [%s] [%%]\n", -7, 7, 4000000000u, 48879, 48879, 64, 'q', "str");
    printf("[%6d] [%-6d] [%06d] [%+d] [% d] [%#x] [%#o] [%.4d]\n", 99, 99, 99, 99, 99, 255, 8, 3);
    printf("[%f] [%.2f] [%8.3f] [%-8.1f] [%+.0f] [%.10f]\n", 2.5, 1.005, 3.14159, 2.0, 9.5, 1.0 / 3);
    printf("[%g] [%g] [%.3g] [%g]\n", 0.5, 123456.0, 2.71828, 100.25);
    printf("[%10s] [%-10s] [%.2s] [%*d]\n", "right", "left", "cut", 5, 42);
    printf("[%ld] [%lu] [%lx] [%hd]\n", -100000L, 100000UL, 0xabcdefUL, (short)-5);
    int n = sprintf(buf, "%s:%d:%.3f", "sprintf", 12, 0.125);
    printf("sprintf %d [%s]\n", n, buf);
    n = snprintf(buf, 6, "%s", "truncated");
    printf("snprintf %d [%s]\n", n, buf);

    int a = 0, b = 0, c = 0;
    double d = 0;
    char s[16] = "", t[16] = "";
    int r = sscanf("10 0x10 010", "%d %i %i", &a, &b, &c);
    printf("sscanf %d: %d %d %d\n", r, a, b, c);
    r = sscanf("6.5 word rest", "%lf %15s %15s", &d, s, t);
    printf("sscanf %d: %.2f [%s] [%s]\n", r, d, s, t);
    r = sscanf("abc123", "%[a-z]%d", s, &a);
    printf("sscanf %d: [%s] %d\n", r, s, a);
    r = sscanf("beef", "%x", &a);
    printf("sscanf %d: %d\n", r, a);
    printf("strlen of formatted: %u\n", (unsigned)strlen(buf));
    return 0;
}
