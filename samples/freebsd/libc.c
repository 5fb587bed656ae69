/* libc.c — the C library itself, where the tiny runtime must behave like
 * glibc: printf conversions (widths, flags, precision, %f), snprintf
 * truncation, string.h, strtol/strtoul (bases, end pointer, ERANGE),
 * qsort (stable) and bsearch, malloc/realloc/calloc under load, ctype,
 * setjmp/longjmp and stdio on a temporary file. Exit status 0, or 1 if
 * a self-check failed. Portable C. */
#include <ctype.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "names.h"

static int failed;

static void formats(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d]\n", 42, 42, 42, 42, 42, 42, 7, -7);
    printf("[%u] [%x] [%X] [%#x] [%o] [%#o] [%c] [%%]\n", 3000000000u, 255, 255, 255, 8, 8, 'z');
    printf("[%ld] [%lu] [%lld] [%zu] [%hhd] [%hd]\n", LONG_MIN, ULONG_MAX, LLONG_MAX, sizeof(long), (signed char)-3, (short)-4);
    printf("[%s] [%10s] [%-10s] [%.3s] [%*s] [%-*s]\n", "text", "right", "left", "truncate", 6, "star", 6, "star");
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%+.0f] [%.0f] [%.0f]\n", 3.14159265, 2.675, -1.5, 0.25, 2.5, 0.5, 1.5);
    printf("[%.10f] [%f] [%.3f] [%f]\n", 1.0 / 3, 1e15, 1e-4, -0.0);
    char buf[8];
    const char *volatile word = "truncated";    /* hidden from the compiler's checks */
    int n = snprintf(buf, sizeof buf, "%s-%d", word, 12345);
    printf("snprintf into 8 bytes: returned %d, kept [%s]\n", n, buf);
    printf("snprintf(NULL, 0): %d\n", snprintf(NULL, 0, "%d", -12345));
    char big[64];
    sprintf(big, "%s|%3d|%-3d|", "sprintf", 5, 6);
    printf("%s\n", big);
}

static void strings(void)
{
    char s[64] = "Hello";
    strcat(s, ", world");
    const char *volatile bangs = "!!!";
    strncat(s, bangs, 1);
    printf("strcat: [%s] strlen %zu\n", s, strlen(s));
    printf("strchr: [%s] strrchr: [%s] strstr: [%s]\n", strchr(s, 'o'), strrchr(s, 'o'), strstr(s, "wor"));
    printf("strcmp signs: %d %d %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("same", "same") == 0);
    printf("strncmp prefix: %d, memcmp: %d\n", strncmp("prefix-a", "prefix-b", 6), memcmp("ab", "ac", 2) < 0);
    char m[] = "0123456789";
    memmove(m + 2, m, 5);
    printf("memmove overlap: [%s]\n", m);
    char t[16];
    strncpy(t, "abc", sizeof t);
    printf("strncpy pads: %d\n", t[3] == 0 && t[15] == 0);
    printf("strspn %zu strcspn %zu\n", strspn("aabbcc", "ab"), strcspn("hello world", " "));
    char line[] = "one two  three";
    char *save, *word;
    printf("tokens:");
    for (word = strtok_r(line, " ", &save); word; word = strtok_r(NULL, " ", &save))
        printf(" <%s>", word);
    printf("\n");
    char *d = strdup("duplicate");
    printf("strdup: [%s]\n", d);
    free(d);
}

static void numbers(void)
{
    const char *in[] = { "42", "-17", "0x1F", "0777", "  +9 rest", "junk", "9223372036854775808" };
    for (int i = 0; i < 7; i++) {
        char *end;
        errno = 0;
        long v = strtol(in[i], &end, 0);
        printf("strtol(\"%s\", 0) = %ld, consumed %d, %s\n", in[i], v, (int)(end - in[i]),
               errno == ERANGE ? "ERANGE" : "no error");
    }
    printf("strtol base 2: %ld, base 36: %ld\n", strtol("101", NULL, 2), strtol("zz", NULL, 36));
    printf("strtoul(\"-1\"): %lu\n", strtoul("-1", NULL, 10));
    printf("atoi: %d %d\n", atoi("  123abc"), atoi("-5"));
    printf("abs: %d labs: %ld\n", abs(-3), labs(-4L));
}

struct item { int key; char name[8]; };

static int by_key(const void *a, const void *b)
{
    return ((const struct item *)a)->key - ((const struct item *)b)->key;
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void sorting(void)
{
    struct item items[] = { { 3, "c1" }, { 1, "a1" }, { 3, "c2" }, { 2, "b1" }, { 1, "a2" }, { 3, "c3" } };
    qsort(items, 6, sizeof items[0], by_key);
    printf("stable qsort:");
    for (int i = 0; i < 6; i++)
        printf(" %s", items[i].name);
    printf("\n");
    int v[100];
    for (int i = 0; i < 100; i++)
        v[i] = (i * 37) % 101;
    qsort(v, 100, sizeof v[0], by_int);
    int sorted = 1;
    for (int i = 1; i < 100; i++)
        sorted &= v[i - 1] <= v[i];
    int key = 74;
    int *hit = bsearch(&key, v, 100, sizeof v[0], by_int);
    printf("qsort of 100 ints sorted: %s, bsearch 74 found: %s\n", yesno(sorted), yesno(hit && *hit == 74));
    failed |= !sorted;
}

static void memory(void)
{
    enum { N = 500 };
    char *p[N];
    int ok = 1;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            size_t size = (size_t)(i * 131 % 3000) + (i % 97 == 0 ? 200000 : 1);
            p[i] = malloc(size);
            memset(p[i], i & 0xff, size);
            ok &= ((unsigned long)p[i] & 15) == 0;
            p[i] = realloc(p[i], size * 2);
            ok &= (unsigned char)p[i][size - 1] == (i & 0xff);
        }
        for (int i = 0; i < N; i++)
            free(p[i]);
    }
    int *z = calloc(1000, sizeof *z);
    for (int i = 0; i < 1000; i++)
        ok &= z[i] == 0;
    free(z);
    printf("malloc/realloc/calloc/free under load: %s\n", ok ? "ok" : "BROKEN");
    failed |= !ok;
}

static jmp_buf jb;
static void jump_back(int depth);
static void (*volatile recurse)(int) = jump_back;

static void jump_back(int depth)
{
    if (depth == 0)
        longjmp(jb, 7);
    recurse(depth - 1);
}

static void control(void)
{
    volatile int calls = 0;
    int r = setjmp(jb);
    calls++;
    if (r == 0)
        jump_back(5);
    printf("setjmp returned %d after longjmp, passes: %d\n", r, calls);
    printf("ctype: %d%d%d%d%d %c%c\n", isdigit('7') != 0, isalpha('x') != 0, isspace('\t') != 0,
           isupper('a') != 0, isxdigit('F') != 0, toupper('q'), tolower('Q'));
}

static void stdio_file(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/xeno-libc-%d", (int)getpid());
    FILE *f = fopen(path, "w+");
    for (int i = 0; i < 1000; i++)
        fprintf(f, "%04d\n", i);
    printf("ftell after 1000 lines: %ld\n", ftell(f));
    rewind(f);
    char line[16];
    long sum = 0;
    int lines = 0;
    while (fgets(line, sizeof line, f)) {
        sum += atol(line);
        lines++;
    }
    printf("read back %d lines, sum %ld, feof %s\n", lines, sum, yesno(feof(f)));
    fseek(f, -5, SEEK_END);
    printf("last line: [%.4s]\n", fgets(line, sizeof line, f));
    fclose(f);
    unlink(path);
}

int main(void)
{
    formats();
    strings();
    numbers();
    sorting();
    memory();
    control();
    stdio_file();
    return failed;
}
