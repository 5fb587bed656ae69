/* printf.c — printf-family formatting as a C99 program sees it: integer
 * conversions (%d %i %u %x %X %o, long long, flags + - space # 0, width,
 * precision, '*'), floating point (%f %e %E %g %G with widths and
 * precisions, rounding), %s %c %%, sprintf/snprintf (return values and
 * truncation) and vsnprintf through a varargs wrapper.  Portable C.
 * No value is an exact decimal tie (0.5, 2.25 at %.1f): the UCRT called
 * without _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING, as mingw's headers do,
 * rounds those half up where glibc rounds half to even.
 * (Built with mingw-w64 against msvcrt, printf here is mingw's own C99
 * printf, as in any C99 mingw program; against UCRT it is the UCRT's.  The
 * CRT DLL's own printf is exercised by crtfmt.c.)  Exit status: 0. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int fmt(char *buf, size_t size, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(buf, size, f, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 42, 3000000000u, 0xbeef, 0xbeef, 8);
    printf("[%5d] [%-5d] [%05d] [%+d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, -42, 42, 7);
    printf("[%#x] [%#o] [%#X] [%x]\n", 255, 8, 255, 0);
    printf("[%lld] [%lld] [%llu] [%llx]\n", 9223372036854775807LL,
           -9223372036854775807LL - 1, 18446744073709551615ULL, 0x123456789abcdefULL);
    printf("[%ld] [%lu] [%hd] [%hu]\n", -2147483647L - 1, 4294967295UL, (short)-1234, (unsigned short)65535);
    printf("[%*d] [%-*d] [%.*f]\n", 6, 12, 6, 12, 2, 3.14159);

    printf("[%f] [%.2f] [%5.2f] [%-8.3f] [%08.2f] [%+.1f]\n", 3.14159265, 2.675, 3.14159, 1.5, -3.5, 2.26);
    printf("[%.0f] [%.0f] [%.0f] [%.1f] [%.2f]\n", 0.4, 1.6, 2.51, 0.05, 0.125001);
    printf("[%e] [%.2e] [%E] [%.0e]\n", 12345.6789, 0.000123456, 1e-10, 5e20);
    printf("[%g] [%g] [%g] [%g] [%G]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1.5e-7);
    printf("[%.3g] [%#g] [%g] [%10.4g]\n", 3.14159, 2.0, 0.0, 123456.0);
    printf("[%f] [%e] [%g]\n", -0.0, 0.0, 1e300 * 10);
    printf("[%.15f] [%.17g]\n", 0.1, 0.1);

    printf("[%s] [%-8s] [%8s] [%.3s] [%c] [%c%c] [%%]\n", "text", "left", "right", "truncate", 'A', 'o', 'k');
    printf("[%5c] [%-3c]\n", 'x', 'y');

    char buf[64];
    int n = sprintf(buf, "%d-%s-%.1f", 7, "seven", 7.0);
    printf("sprintf returned %d: [%s]\n", n, buf);
    n = snprintf(buf, 8, "%s", "0123456789abcdef");
    printf("snprintf(8) returned %d: [%s]\n", n, buf);
    n = snprintf(NULL, 0, "%d %d", 1000, -1000);
    printf("snprintf(NULL, 0) returned %d\n", n);
    n = fmt(buf, sizeof buf, "%s=%04x", "key", 0x1f);
    printf("vsnprintf returned %d: [%s]\n", n, buf);
    n = fmt(buf, 4, "%d", 123456);
    printf("vsnprintf(4) returned %d: [%s] len %u\n", n, buf, (unsigned)strlen(buf));

    n = printf("%s\n", "printf returns the count");
    printf("that was %d chars\n", n);
    fprintf(stdout, "fprintf to stdout: %d\n", 1);
    fputs("fputs line\n", stdout);
    puts("puts line");
    putchar('!');
    putchar('\n');
    return 0;
}
