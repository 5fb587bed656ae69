/* trace_decode.c — generic argument decoding for trace lines: reading
 * guest memory without faulting, the decoders of kinds that look the same
 * on every OS (numbers, pointers, strings, buffers), the argument list and
 * the result. Structures shared by all ABIs are in trace_struct.c. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "intercept.h"
#include "trace_decode.h"

size_t (*trace_peek_hook)(void *dst, uint64_t src, size_t n);

size_t trace_peek(void *dst, uint64_t src, size_t n)
{
    if (!src)
        return 0;
    if (trace_peek_hook)
        return trace_peek_hook(dst, src, n);
    if (xeno_safe_copy(dst, (const void *)src, n) == 0)
        return n;
    size_t i = 0; /* copy what is readable, up to the fault */
    for (; i < n; i++)
        if (xeno_safe_copy((char *)dst + i, (const char *)src + i, 1) < 0)
            break;
    return i;
}

long trace_peek_str(char *dst, uint64_t src, size_t n)
{
    if (!trace_peek_hook)
        return xeno_safe_strcpy(dst, (const char *)src, n);
    /* In chunks that never cross a page: each is wholly readable or not. */
    for (size_t i = 0; i < n;) {
        size_t chunk = 4096 - ((src + i) & 4095);
        if (chunk > n - i)
            chunk = n - i;
        if (trace_peek_hook(dst + i, src + i, chunk) != chunk)
            return -EFAULT;
        char *nul = memchr(dst + i, 0, chunk);
        if (nul)
            return nul - dst;
        i += chunk;
    }
    return -ENAMETOOLONG;
}

void trace_put_ptr(struct tline *l, uint64_t v)
{
    if (v)
        tl_printf(l, "0x%llx", (unsigned long long)v);
    else
        tl_puts(l, "NULL");
}

int trace_read_struct(struct tline *l, uint64_t v, void *buf, size_t size)
{
    if (v && trace_peek(buf, v, size) == size)
        return 1;
    trace_put_ptr(l, v);
    return 0;
}

void trace_put_string(struct tline *l, uint64_t v)
{
    char buf[4097];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    size_t max = (size_t)trace_cfg.strsize + 1 < sizeof buf ? (size_t)trace_cfg.strsize + 1
                                                            : sizeof buf - 1;
    long n = trace_peek_str(buf, v, max);
    if (n == -EFAULT) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    tl_quoted(l, buf, n < 0 ? max : (size_t)n, n >= 0);
}

void trace_put_buffer(struct tline *l, uint64_t v, long len)
{
    char buf[4096];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    if (len < 0)
        len = 0;
    size_t want = (size_t)len < (size_t)trace_cfg.strsize + 1 ? (size_t)len
                                                             : (size_t)trace_cfg.strsize + 1;
    if (want > sizeof buf)
        want = sizeof buf;
    if (trace_peek(buf, v, want) < want) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    tl_quoted(l, buf, (size_t)len, 1);
}

/* ---- scalar kinds ---- */

static void g_int(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, "%d", (int)v);
}

static void g_uint(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, "%u", (unsigned)v);
}

static void g_id(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, (unsigned)v == ~0u ? "%d" : "%u", (unsigned)v); /* -1: "unchanged" */
}

static void g_long(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, "%ld", (long)v);
}

static void g_size(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, "%lu", (unsigned long)v);
}

static void g_hex(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    if (v)
        tl_printf(l, "%#llx", (unsigned long long)v);
    else
        tl_putc(l, '0');
}

static void g_ptr(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    trace_put_ptr(l, v);
}

static void g_mode(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tl_printf(l, "0%03o", (unsigned)v);
}

static void g_atfd(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    if ((int)v == -100) /* AT_FDCWD on Linux and FreeBSD */
        tl_puts(l, "AT_FDCWD");
    else
        tl_printf(l, "%d", (int)v);
}

static void g_string(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    trace_put_string(l, v);
}

static void g_bufin(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    trace_put_buffer(l, v, (long)c->args[p]);
}

static void g_bufout(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        trace_put_buffer(l, v, c->ret);
    else
        trace_put_ptr(l, v);
}

static void g_bufoutn(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    if (c->done)
        trace_put_buffer(l, v, (long)c->args[p]);
    else
        trace_put_ptr(l, v);
}

static void g_strout(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        trace_put_string(l, v);
    else
        trace_put_ptr(l, v);
}

/* Kinds every ABI decodes the same way; NULL entries print hex. */
const tdecode_fn trace_generic_decode[K_KINDS_END] = {
    [K_INT] = g_int, [K_FD] = g_int, [K_PID] = g_int, [K_CPUSETID] = g_int,
    [K_UINT] = g_uint, [K_ID] = g_id, [K_LONG] = g_long, [K_OFF] = g_long,
    [K_SIZE] = g_size, [K_HEX] = g_hex, [K_PTR] = g_ptr, [K_MODE] = g_mode,
    [K_ATFD] = g_atfd, [K_PATH] = g_string, [K_STR] = g_string, [K_BUFIN] = g_bufin,
    [K_BUFOUT] = g_bufout, [K_BUFOUTN] = g_bufoutn, [K_STROUT] = g_strout,
    [K_TIMESPECIN] = tdk_timespec, [K_TIMESPECOUT] = tdk_timespec_out,
    [K_TIMEVALIN] = tdk_timeval, [K_TIMEVALOUT] = tdk_timeval_out,
    [K_ITIMERIN] = tdk_itimerval, [K_ITIMEROUT] = tdk_itimerval_out,
    [K_IOVECIN] = tdk_iovec_in, [K_IOVECOUT] = tdk_iovec_out, [K_ARGV] = tdk_argv,
    [K_FDSET] = tdk_fdset, [K_PIPEFDS] = tdk_pipefds, [K_ULONGOUT] = tdk_ulong_out,
    [K_RUSAGEOUT] = tdk_rusage_out, [K_SOCKLENINOUT] = tdk_socklen,
    [K_WSTATUSOUT] = tdk_wstatus, [K_WHENCE] = tdk_whence, [K_ITIMERWHICH] = tdk_itimer_which,
    [K_RUSAGEWHO] = tdk_rusage_who, [K_SHUTHOW] = tdk_shut_how,
};

static tdecode_fn decoder_of(const struct trace_abi *abi, int kind)
{
    if (kind >= K_KINDS_END)
        return g_hex;
    if (abi && abi->decode[kind])
        return abi->decode[kind];
    return trace_generic_decode[kind] ? trace_generic_decode[kind] : g_hex;
}

void trace_decode_arg(struct tline *l, const struct tctx *c, int i)
{
    int kind = KIND_OF(c->kinds[i]);
    struct tctx ci = *c;
    ci.idx = i;
    decoder_of(c->abi, kind)(l, &ci, c->args[i], KIND_PARAM(c->kinds[i]));
}

int trace_nargs(const struct trace_abi *abi, const uint16_t *kinds, const uint64_t *args)
{
    int n = 0, limit = 6;
    for (; n < limit && kinds[n] != K_NONE; n++) {
        int after = abi && abi->args_after ? abi->args_after(KIND_OF(kinds[n]), args[n]) : -1;
        if (after >= 0 && n + 1 + after < limit)
            limit = n + 1 + after;
    }
    return n;
}

void trace_args(struct tline *l, const struct trace_abi *abi, const uint16_t kinds[6],
                const uint64_t *args, long ret, int done)
{
    struct tctx c = { args, kinds, ret, done, 0, abi };
    int n = trace_nargs(abi, kinds, args);
    for (int i = 0; i < n; i++) {
        if (i)
            tl_puts(l, ", ");
        trace_decode_arg(l, &c, i);
    }
}

void trace_result(struct tline *l, int rk, long v)
{
    switch (rk) {
    case R_HEX: tl_printf(l, " = %#lx", (unsigned long)v); break;
    case R_OCTAL: tl_printf(l, " = 0%03lo", (unsigned long)v); break;
    case R_NONE: tl_puts(l, " = ?"); break;
    default: tl_printf(l, " = %ld", v); break;
    }
}
