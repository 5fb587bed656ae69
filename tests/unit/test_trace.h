/* test_trace.h — helpers shared by the tracer's unit tests: reading
 * "guest" memory directly (no thread block in a test), decoding one call's
 * arguments to a string, and capturing what the sink writes. */
#ifndef XENO_TEST_TRACE_H
#define XENO_TEST_TRACE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace_decode.h"

/* Strings are read in page-bounded chunks, as through process_vm_readv:
 * reading past a test string's end is expected, so ASan looks away. */
__attribute__((no_sanitize_address)) static size_t tt_plain_read(void *dst, uint64_t src, size_t n)
{
    volatile const unsigned char *s = (const unsigned char *)(uintptr_t)src;
    unsigned char *d = dst;
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
    return n;
}

/* Tracing on, into a fresh file (path in TT_FILE); strsize 32. */
static char tt_file[64];
static inline void tt_start(struct trace_opts *extra)
{
    struct trace_opts o;
    memset(&o, 0, sizeof o);
    if (extra)
        o = *extra;
    snprintf(tt_file, sizeof tt_file, "/tmp/xeno-tt-%d.txt", (int)getpid());
    unlink(tt_file);
    o.outfile = tt_file;
    if (!o.strsize)
        o.strsize = 32;
    trace_peek_hook = tt_plain_read;
    trace_init(&o);
}

/* Everything written so far (static buffer). */
static inline const char *tt_output(void)
{
    static char buf[65536];
    trace_flush();
    FILE *f = fopen(tt_file, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = 0;
    return buf;
}

/* The argument list of a call with KINDS and ARGS, as text. */
static inline const char *tt_args(const struct trace_abi *abi, const uint16_t *kinds,
                                  const uint64_t *args, long ret, int done)
{
    static struct tline l;
    trace_peek_hook = tt_plain_read;
    if (!trace_cfg.strsize)
        trace_cfg.strsize = 32;
    tl_init(&l);
    trace_args(&l, abi, kinds, args, ret, done);
    return l.buf;
}

/* One argument of kind K (value V; the call's other arguments in ARGS). */
static inline const char *tt_one(const struct trace_abi *abi, uint16_t k, uint64_t v, long ret)
{
    uint16_t kinds[6] = { k, 0, 0, 0, 0, 0 };
    uint64_t args[6] = { v, 0, 0, 0, 0, 0 };
    return tt_args(abi, kinds, args, ret, 1);
}

#define U(p) ((uint64_t)(uintptr_t)(p))

#endif
