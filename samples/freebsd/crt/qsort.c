/* qsort.c — a stable merge sort (like glibc's usual qsort) with an
 * insertion sort for short runs and when no scratch memory is available;
 * bsearch. */
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion(char *base, size_t n, size_t size, cmp_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            swap(base + (j - 1) * size, base + j * size, size);
}

static void merge_sort(char *base, size_t n, size_t size, cmp_fn cmp, char *tmp)
{
    if (n <= 8) {
        insertion(base, n, size, cmp);
        return;
    }
    size_t half = n / 2;
    char *right = base + half * size, *end = base + n * size;
    merge_sort(base, half, size, cmp, tmp);
    merge_sort(right, n - half, size, cmp, tmp);
    char *a = base, *b = right, *o = tmp;
    while (a < right && b < end) {
        char **take = cmp(a, b) <= 0 ? &a : &b;
        memcpy(o, *take, size);
        *take += size;
        o += size;
    }
    memcpy(o, a, (size_t)(right - a));
    o += right - a;
    memcpy(o, b, (size_t)(end - b));
    memcpy(base, tmp, n * size);
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
    if (n < 2 || !size)
        return;
    char *tmp = n > 8 ? malloc(n * size) : NULL;
    if (tmp) {
        merge_sort(base, n, size, cmp, tmp);
        free(tmp);
    } else {
        insertion(base, n, size, cmp);
    }
}

void *bsearch(const void *key, const void *base, size_t n, size_t size, cmp_fn cmp)
{
    const char *lo = base;
    while (n) {
        const char *mid = lo + (n / 2) * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            lo = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}
