/* sort.c — qsort/qsort_s, bsearch/bsearch_s and the linear _lfind/
 * _lsearch (and _s forms). Comparators are Windows functions (ms_abi),
 * so the sort is ours: a merge sort, stable (Microsoft documents no
 * order for equal elements; stable is what a program can least be
 * surprised by, and what glibc's qsort gives a native build). */
#include <stdlib.h>
#include <string.h>

#include "crt.h"

typedef int (WINAPI *cmp_fn)(const void *, const void *);
typedef int (WINAPI *cmp_ctx_fn)(void *, const void *, const void *);

struct cmp {
    cmp_fn f;
    cmp_ctx_fn fc;
    void *ctx;
};

static int compare(const struct cmp *c, const void *a, const void *b)
{
    return c->f ? c->f(a, b) : c->fc(c->ctx, a, b);
}

static void insertion(char *b, size_t n, size_t w, const struct cmp *c, char *tmp)
{
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        memcpy(tmp, b + i * w, w);
        while (j > 0 && compare(c, b + (j - 1) * w, tmp) > 0) {
            memcpy(b + j * w, b + (j - 1) * w, w);
            j--;
        }
        memcpy(b + j * w, tmp, w);
    }
}

static void merge(char *b, size_t n, size_t mid, size_t w, const struct cmp *c, char *tmp)
{
    size_t i = 0, j = mid, o = 0;
    while (i < mid && j < n) {
        if (compare(c, b + j * w, b + i * w) < 0)
            memcpy(tmp + o++ * w, b + j++ * w, w);
        else
            memcpy(tmp + o++ * w, b + i++ * w, w);
    }
    memcpy(tmp + o * w, b + i * w, (mid - i) * w);
    o += mid - i;
    memcpy(tmp + o * w, b + j * w, (n - j) * w);
    memcpy(b, tmp, n * w);
}

static void msort(char *b, size_t n, size_t w, const struct cmp *c, char *tmp)
{
    if (n <= 8) {
        insertion(b, n, w, c, tmp);
        return;
    }
    size_t mid = n / 2;
    msort(b, mid, w, c, tmp);
    msort(b + mid * w, n - mid, w, c, tmp);
    if (compare(c, b + (mid - 1) * w, b + mid * w) > 0)
        merge(b, n, mid, w, c, tmp);
}

static void sort(void *base, size_t n, size_t w, const struct cmp *c)
{
    if (n < 2 || !w)
        return;
    char *tmp = n > SIZE_MAX / w ? NULL : malloc(n * w);
    if (tmp) {
        msort(base, n, w, c, tmp);
    } else if ((tmp = malloc(w))) {
        insertion(base, n, w, c, tmp);
    }
    free(tmp);
}

static void WINAPI w32_qsort(void *base, size_t n, size_t w, cmp_fn f)
{
    if ((!base && n) || !f)
        return (void)crt_invalid("qsort", MS_EINVAL);
    sort(base, n, w, &(struct cmp){ f, NULL, NULL });
}

static void WINAPI w32_qsort_s(void *base, size_t n, size_t w, cmp_ctx_fn f, void *ctx)
{
    if ((!base && n) || !f)
        return (void)crt_invalid("qsort_s", MS_EINVAL);
    sort(base, n, w, &(struct cmp){ NULL, f, ctx });
}

static void *search(const void *key, const void *base, size_t n, size_t w, const struct cmp *c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = (const char *)base + mid * w;
        int r = compare(c, key, e);
        if (r == 0)
            return (void *)e;
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static void *WINAPI w32_bsearch(const void *key, const void *base, size_t n, size_t w, cmp_fn f)
{
    if (!f || (!base && n) || (!key && n))
        return crt_invalid("bsearch", MS_EINVAL), NULL;
    return search(key, base, n, w, &(struct cmp){ f, NULL, NULL });
}

static void *WINAPI w32_bsearch_s(const void *key, const void *base, size_t n, size_t w, cmp_ctx_fn f,
                                  void *ctx)
{
    if (!f || (!base && n) || (!key && n))
        return crt_invalid("bsearch_s", MS_EINVAL), NULL;
    return search(key, base, n, w, &(struct cmp){ NULL, f, ctx });
}

/* The key compared with each element in turn; note the argument order
 * of _lfind's comparator: (key, element). */
static void *linear(const void *key, const void *base, unsigned *num, size_t w, const struct cmp *c,
                    int add)
{
    for (unsigned i = 0; i < *num; i++) {
        const char *e = (const char *)base + (size_t)i * w;
        if (compare(c, key, e) == 0)
            return (void *)e;
    }
    if (!add)
        return NULL;
    char *e = (char *)base + (size_t)*num * w;
    memcpy(e, key, w);
    ++*num;
    return e;
}

static int linear_ok(const void *key, const void *base, const unsigned *num, const void *f, const char *fn)
{
    if (!key || !num || !f || (!base && *num))
        return crt_invalid(fn, MS_EINVAL), 0;
    return 1;
}

static void *WINAPI w32__lfind(const void *key, void *base, unsigned *num, size_t w, cmp_fn f)
{
    return linear_ok(key, base, num, f, "_lfind") ? linear(key, base, num, w, &(struct cmp){ f, NULL, NULL }, 0) : NULL;
}

static void *WINAPI w32__lsearch(const void *key, void *base, unsigned *num, size_t w, cmp_fn f)
{
    return linear_ok(key, base, num, f, "_lsearch") ? linear(key, base, num, w, &(struct cmp){ f, NULL, NULL }, 1) : NULL;
}

static void *WINAPI w32__lfind_s(const void *key, void *base, unsigned *num, size_t w, cmp_ctx_fn f, void *ctx)
{
    return linear_ok(key, base, num, f, "_lfind_s") ? linear(key, base, num, w, &(struct cmp){ NULL, f, ctx }, 0) : NULL;
}

static void *WINAPI w32__lsearch_s(const void *key, void *base, unsigned *num, size_t w, cmp_ctx_fn f, void *ctx)
{
    return linear_ok(key, base, num, f, "_lsearch_s") ? linear(key, base, num, w, &(struct cmp){ NULL, f, ctx }, 1) : NULL;
}

#define SORT_EXPORTS \
    EXPORT(qsort, "pqqp:v"), EXPORT(qsort_s, "pqqpp:v"), EXPORT(bsearch, "ppqqp:p"), \
    EXPORT(bsearch_s, "ppqqpp:p"), EXPORT(_lfind, "pppqp:p"), EXPORT(_lsearch, "pppqp:p"), \
    EXPORT(_lfind_s, "pppqpp:p"), EXPORT(_lsearch_s, "pppqpp:p")

W32_EXPORTS(msvcrt) = { SORT_EXPORTS };
W32_EXPORTS(ucrtbase) = { SORT_EXPORTS };
