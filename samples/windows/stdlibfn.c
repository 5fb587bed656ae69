/* stdlibfn.c — <stdlib.h> utilities: qsort of ints, strings and structs
 * (with a stable tie-break), bsearch hits and misses, strtol/strtoul with
 * bases 0, 2, 16 and 36 and end pointers, strtoll overflow (ERANGE),
 * strtod with end pointers and exponents, atoi/atol/atof, abs/labs/div/ldiv,
 * and malloc/calloc/realloc keeping contents.  Portable C (values stay in
 * 32 bits where `long` is involved: long is 32-bit on Windows).
 * Exit status: 0. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *name;
    int weight;
};

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_item(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->weight != y->weight)
        return y->weight - x->weight;           /* heaviest first */
    return strcmp(x->name, y->name);
}

static void strtol_case(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, rest [%s], errno %d\n", s, base, v, end, errno);
}

static void strtod_case(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    printf("strtod(\"%s\") = %.6f, consumed %d\n", s, v, (int)(end - s));
}

int main(void)
{
    int nums[] = { 42, -7, 19, 0, 1000, -300, 19, 5, 77, 3 };
    int count = (int)(sizeof nums / sizeof nums[0]);
    qsort(nums, count, sizeof nums[0], cmp_int);
    printf("sorted ints:");
    for (int i = 0; i < count; i++)
        printf(" %d", nums[i]);
    printf("\n");
    int keys[] = { 19, 4, -300, 1000, 1001 };
    for (int i = 0; i < 5; i++) {
        int *hit = bsearch(&keys[i], nums, count, sizeof nums[0], cmp_int);
        if (hit && *hit == keys[i])
            printf("bsearch %d: found\n", keys[i]);
        else
            printf("bsearch %d: %s\n", keys[i], hit ? "wrong" : "not found");
    }

    const char *words[] = { "pear", "apple", "fig", "banana", "Cherry", "apricot", "date" };
    qsort(words, 7, sizeof words[0], cmp_str);
    printf("sorted words:");
    for (int i = 0; i < 7; i++)
        printf(" %s", words[i]);
    printf("\n");
    const char *key = "fig";
    const char **w = bsearch(&key, words, 7, sizeof words[0], cmp_str);
    printf("bsearch fig at index %d\n", w ? (int)(w - words) : -1);

    struct item items[] = { { "nut", 2 }, { "bolt", 5 }, { "gear", 2 }, { "axle", 9 }, { "cog", 5 } };
    qsort(items, 5, sizeof items[0], cmp_item);
    printf("sorted items:");
    for (int i = 0; i < 5; i++)
        printf(" %s/%d", items[i].name, items[i].weight);
    printf("\n");

    strtol_case("12345", 10);
    strtol_case("  -0x1aZ", 0);
    strtol_case("0777", 0);
    strtol_case("101101xyz", 2);
    strtol_case("zz", 36);
    strtol_case("ff", 16);
    strtol_case("nope", 10);
    char *end;
    printf("strtoul(\"4000000000\") = %lu\n", strtoul("4000000000", &end, 10));
    errno = 0;
    long long big = strtoll("99999999999999999999", &end, 10);
    printf("strtoll overflow: max %s, ERANGE %s\n", big == LLONG_MAX ? "yes" : "no",
           errno == ERANGE ? "yes" : "no");
    errno = 0;
    big = strtoll("-9223372036854775808", &end, 10);
    printf("strtoll min: %s, errno %d\n", big == LLONG_MIN ? "yes" : "no", errno);

    strtod_case("3.14159abc");
    strtod_case("  -2.5e3");
    strtod_case("1e-5");
    strtod_case("+.75");
    strtod_case("12.");
    strtod_case("x1");

    printf("atoi: %d %d %d\n", atoi("  42"), atoi("-17x"), atoi("abc"));
    printf("atol: %ld, atof: %.3f\n", atol("123456789"), atof("2.5e2"));
    printf("abs %d labs %ld\n", abs(-5), labs(-70000L));
    div_t q = div(17, 5);
    div_t q2 = div(-17, 5);
    ldiv_t lq = ldiv(100000L, 7L);
    printf("div 17/5 = %d r %d; -17/5 = %d r %d; ldiv = %ld r %ld\n", q.quot, q.rem, q2.quot, q2.rem,
           lq.quot, lq.rem);

    int *p = malloc(10 * sizeof *p);
    for (int i = 0; i < 10; i++)
        p[i] = i * i;
    p = realloc(p, 1000 * sizeof *p);
    int sum = 0;
    for (int i = 0; i < 10; i++)
        sum += p[i];
    printf("realloc kept contents: sum %d\n", sum);
    free(p);
    int *z = calloc(256, sizeof *z);
    int nonzero = 0;
    for (int i = 0; i < 256; i++)
        nonzero += z[i] != 0;
    printf("calloc nonzero: %d\n", nonzero);
    free(z);
    return 0;
}
