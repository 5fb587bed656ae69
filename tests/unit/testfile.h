/* testfile.h — wrap an in-memory buffer as an xfile for parser tests. */
#ifndef XENO_TEST_TESTFILE_H
#define XENO_TEST_TESTFILE_H
#include "file.h"

static inline struct xfile testfile(void *buf, size_t n)
{
    struct xfile f = { .path = "test", .data = buf, .size = n, .fd = -1 };
    return f;
}
#endif
