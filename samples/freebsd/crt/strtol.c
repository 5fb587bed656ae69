/* strtol.c — string to integer conversions with C's base rules (0 picks
 * 8, 10 or 16 from the prefix), end pointer and ERANGE on overflow. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

/* Parses into *val, saturating at max; returns 1 if it overflowed.
 * *neg tells whether a '-' was seen. *end is set like strtol's. */
static int parse(const char *s, char **end, int base, unsigned long long max,
                 unsigned long long *val, int *neg)
{
    const char *p = s;
    int over = 0, any = 0;
    unsigned long long v = 0;
    while (isspace((unsigned char)*p))
        p++;
    *neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
        digit((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }
    for (int d; base >= 2 && base <= 36 && (d = digit((unsigned char)*p)) < base; p++) {
        any = 1;
        if (v > (max - (unsigned)d) / (unsigned)base)
            over = 1, v = max;
        else
            v = v * (unsigned)base + (unsigned)d;
    }
    if (end)
        *end = (char *)(any ? p : s);
    if (base < 2 || base > 36)
        errno = EINVAL;
    *val = v;
    return over;
}

long long strtoll(const char *s, char **end, int base)
{
    unsigned long long v;
    int neg;
    unsigned long long max = (unsigned long long)LLONG_MAX;
    if (parse(s, end, base, max + 1, &v, &neg) || (!neg && v > max)) {
        errno = ERANGE;
        return neg ? LLONG_MIN : LLONG_MAX;
    }
    return neg ? (long long)(0 - v) : (long long)v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    unsigned long long v;
    int neg;
    if (parse(s, end, base, ULLONG_MAX, &v, &neg)) {
        errno = ERANGE;
        return ULLONG_MAX;
    }
    return neg ? 0 - v : v;
}

long strtol(const char *s, char **end, int base) { return strtoll(s, end, base); }
unsigned long strtoul(const char *s, char **end, int base) { return strtoull(s, end, base); }
int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
long long atoll(const char *s) { return strtoll(s, NULL, 10); }

static unsigned long rand_state = 1;

void srand(unsigned seed) { rand_state = seed; }

int rand(void)
{
    rand_state = rand_state * 6364136223846793005UL + 1442695040888963407UL;
    return (int)(rand_state >> 33);
}
