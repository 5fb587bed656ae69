/* scanf.c — sscanf conversions: ints (%d %i with hex/octal prefixes, %u %x
 * %o, long long, width limits), floats (%f %lf %e %g forms), strings (%s,
 * %c, scan sets %[...] and %[^...]), %n, assignment suppression %*d,
 * literal matching, return values for partial matches and empty input.
 * Portable C.  Exit status: 0. */
#include <stdio.h>

int main(void)
{
    int a = 0, b = 0, c = 0, n = 0;
    unsigned u = 0;
    long long ll = 0;
    float f = 0;
    double d = 0, e = 0;
    char s[32] = "", t[32] = "", ch[4] = "";

    int r = sscanf("12 -34 +56", "%d %d %d", &a, &b, &c);
    printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("0x1f 017 42", "%i %i %i", &a, &b, &c);
    printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("ff 777 4000000000", "%x %o %u", &a, &b, &u);
    printf("%d: %d %d %u\n", r, a, b, u);
    r = sscanf("-9000000000123", "%lld", &ll);
    printf("%d: %lld\n", r, ll);
    r = sscanf("123456", "%3d%2d%d", &a, &b, &c);
    printf("%d: %d %d %d\n", r, a, b, c);

    r = sscanf("3.25 -1.5e3 2.5E-2", "%f %lf %lf", &f, &d, &e);
    printf("%d: %.4f %.4f %.6f\n", r, f, d, e);
    r = sscanf("1e10 .5", "%lg %le", &d, &e);
    printf("%d: %.1f %.3f\n", r, d, e);

    r = sscanf("hello world", "%s %s", s, t);
    printf("%d: [%s] [%s]\n", r, s, t);
    r = sscanf("abc", "%2c", ch);
    ch[2] = 0;
    printf("%d: [%s]\n", r, ch);
    r = sscanf("key=value;rest", "%[a-z]=%[^;]", s, t);
    printf("%d: [%s] [%s]\n", r, s, t);
    r = sscanf("  lead", "%s%n", s, &n);
    printf("%d: [%s] consumed %d\n", r, s, n);
    r = sscanf("1 2 3", "%*d %d %d", &a, &b);
    printf("%d: %d %d\n", r, a, b);
    r = sscanf("date: 2024-02-29", "date: %d-%d-%d", &a, &b, &c);
    printf("%d: %04d/%02d/%02d\n", r, a, b, c);
    a = b = -1;
    r = sscanf("7 x", "%d %d", &a, &b);
    printf("partial %d: %d %d\n", r, a, b);
    r = sscanf("x", "%d", &a);
    printf("no match %d\n", r);
    r = sscanf("", "%d", &a);
    printf("empty input is EOF: %s\n", r == EOF ? "yes" : "no");
    r = sscanf("100%", "%d%%", &a);
    printf("%d: %d percent\n", r, a);
    return 0;
}
