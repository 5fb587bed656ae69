/* trace_call.c — one finished call as a line: strace's text
 *     openat(AT_FDCWD, "a", O_RDONLY) = -1 ENOENT (No such file or directory)
 * or, with --json, one object per line (docs/tracing.md):
 *     {"pid":1,"tid":1,"syscall":"openat","args":["AT_FDCWD","a","O_RDONLY"],
 *      "ret":-1,"errno":"ENOENT","error":"No such file or directory"}
 * Arguments the call only reads may be rendered before it runs
 * (trace_pre_args), so that they show what the program passed. */
#include <errno.h>
#include <string.h>

#include "trace_decode.h"

static const uint8_t out_kinds[K_KINDS_END] = {
    [K_BUFOUT] = 1, [K_BUFOUTN] = 1, [K_STROUT] = 1, [K_SIGSETOUT] = 1, [K_SIGACTOUT] = 1,
    [K_SIGINFOOUT] = 1, [K_STACKOUT] = 1, [K_STATOUT] = 1, [K_STATFSOUT] = 1,
    [K_TIMESPECOUT] = 1, [K_TIMEVALOUT] = 1, [K_ITIMEROUT] = 1, [K_RUSAGEOUT] = 1,
    [K_RLIMITOUT] = 1, [K_WSTATUSOUT] = 1, [K_SOCKADDROUT] = 1, [K_SOCKLENINOUT] = 1,
    [K_MSGHDROUT] = 1, [K_IOVECOUT] = 1, [K_POLLFDS] = 1, [K_KEVENTOUT] = 1, [K_ULONGOUT] = 1,
    [K_PIPEFDS] = 1, [K_RTPRIO] = 1, [K_EPOLLEVOUT] = 1, [K_STATXOUT] = 1,
};

/* Shown as JSON numbers. */
static const uint8_t number_kinds[K_KINDS_END] = {
    [K_INT] = 1, [K_UINT] = 1, [K_LONG] = 1, [K_SIZE] = 1, [K_OFF] = 1, [K_FD] = 1,
    [K_PID] = 1, [K_ID] = 1, [K_CPUSETID] = 1,
};

int trace_kind_is_output(int kind)
{
    return kind < K_KINDS_END && out_kinds[kind];
}

/* The bytes of a buffer argument as JSON (cut at -s); 0 if it is not
 * one, or not readable, or not written (the call failed). */
static int json_buffer(struct tline *l, const struct tctx *c, int kind, int param, uint64_t v)
{
    char buf[4096];
    long len = kind == K_BUFIN ? (long)c->args[param]
             : kind == K_BUFOUT && c->done ? c->ret
             : kind == K_BUFOUTN && c->done ? (long)c->args[param] : -1;
    if (len < 0 || !v)
        return 0;
    size_t n = (size_t)len < (size_t)trace_cfg.strsize ? (size_t)len : (size_t)trace_cfg.strsize;
    if (n > sizeof buf || trace_peek(buf, v, n) != n)
        return 0;
    tl_json_string(l, buf, n);
    return 1;
}

/* A JSON value for argument I: a number, the bytes themselves for paths,
 * strings and buffers, else the strace text as a string. */
static void json_arg(struct tline *l, const struct tctx *c, int i)
{
    int kind = KIND_OF(c->kinds[i]);
    uint64_t v = c->args[i];
    if ((kind < K_KINDS_END && number_kinds[kind]) || (kind == K_ATFD && (int)v != -100)) {
        trace_decode_arg(l, c, i);
        return;
    }
    if (json_buffer(l, c, kind, KIND_PARAM(c->kinds[i]), v))
        return;
    if ((kind == K_PATH || kind == K_STR || (kind == K_STROUT && c->done)) && v) {
        char buf[4097];
        size_t max = (size_t)trace_cfg.strsize + 1 < sizeof buf ? (size_t)trace_cfg.strsize + 1
                                                                : sizeof buf - 1;
        long n = trace_peek_str(buf, v, max);
        if (n != -EFAULT) {
            tl_json_string(l, buf, n < 0 ? max - 1 : (size_t)n);
            return;
        }
    }
    struct tline t;
    tl_init(&t);
    trace_decode_arg(&t, c, i);
    if (!strcmp(t.buf, "NULL"))
        tl_puts(l, "null");
    else
        tl_json_string(l, t.buf, t.len);
}

static void render_arg(struct tline *l, const struct tctx *c, int i)
{
    if (trace_cfg.json)
        json_arg(l, c, i);
    else
        trace_decode_arg(l, c, i);
}

void trace_pre_args(struct trace_pre *p, const struct trace_abi *abi, const uint16_t *kinds,
                    const uint64_t *args)
{
    struct tctx c = { args, kinds, 0, 0, 0, abi };
    size_t used = 0;
    int n = trace_nargs(abi, kinds, args);
    memset(p->have, 0, sizeof p->have);
    for (int i = 0; i < n; i++) {
        if (trace_kind_is_output(KIND_OF(kinds[i])))
            continue;
        struct tline t;
        tl_init(&t);
        render_arg(&t, &c, i);
        if (t.len > sizeof p->buf - used)
            continue; /* no room: decoded after the call instead */
        memcpy(p->buf + used, t.buf, t.len);
        p->off[i] = (uint16_t)used, p->len[i] = (uint16_t)t.len, p->have[i] = 1;
        used += t.len;
    }
    p->ready = 1;
}

static void put_args(struct tline *l, const struct trace_abi *abi, const struct trace_call *c)
{
    static const uint16_t hex6[6] = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX };
    const uint16_t *kinds = c->kinds ? c->kinds : hex6;
    struct tctx x = { c->args, kinds, c->ret, c->state == TC_DONE && !c->err, 0, abi };
    int n = trace_nargs(abi, kinds, c->args);
    for (int i = 0; i < n; i++) {
        if (i)
            tl_puts(l, trace_cfg.json ? "," : ", ");
        if (c->pre && c->pre->ready && c->pre->have[i])
            tl_write(l, c->pre->buf + c->pre->off[i], c->pre->len[i]);
        else
            render_arg(l, &x, i);
    }
}

static void put_name(struct tline *l, const struct trace_call *c)
{
    if (c->name)
        tl_puts(l, c->name);
    else
        tl_printf(l, "syscall_%d", c->nr);
}

static void emit_text(struct tline *l, const struct trace_abi *abi, const struct trace_call *c)
{
    tl_prefix(l, c->tid);
    if (c->state == TC_RESUMED) {
        tl_puts(l, "<... ");
        put_name(l, c);
        tl_puts(l, " resumed>)");
    } else {
        put_name(l, c);
        tl_putc(l, '(');
        put_args(l, abi, c);
        if (c->state == TC_UNFINISHED) {
            tl_puts(l, " <unfinished ...>");
            return;
        }
        tl_putc(l, ')');
    }
    if (c->state == TC_NORETURN)
        tl_puts(l, " = ?");
    else if (c->err && c->errname)
        tl_printf(l, " = -1 %s (%s)", c->errname, c->errmsg ? c->errmsg : "?");
    else if (c->err)
        tl_printf(l, " = -1 E%d", c->err);
    else
        trace_result(l, c->retkind, c->ret);
    if (c->injected)
        tl_puts(l, " (INJECTED)");
    if (trace_cfg.show_time && (c->state == TC_DONE || c->state == TC_RESUMED))
        tl_duration(l, c->ns);
    if (c->host && *c->host)
        tl_printf(l, " [host: %s]", c->host);
}

static void emit_json(struct tline *l, const struct trace_abi *abi, const struct trace_call *c)
{
    tl_json_open(l, c->tid);
    tl_puts(l, ",\"syscall\":");
    struct tline name;
    tl_init(&name);
    put_name(&name, c);
    tl_json_string(l, name.buf, name.len);
    tl_puts(l, ",\"args\":[");
    put_args(l, abi, c);
    tl_putc(l, ']');
    if (c->state == TC_UNFINISHED) {
        tl_puts(l, ",\"ret\":null,\"unfinished\":true}");
        return;
    }
    if (c->state == TC_RESUMED)
        tl_puts(l, ",\"resumed\":true");
    if (c->state == TC_NORETURN) {
        tl_puts(l, ",\"ret\":null");
    } else if (c->err) {
        tl_puts(l, ",\"ret\":-1,\"errno\":");
        if (c->errname)
            tl_printf(l, "\"%s\",\"error\":", c->errname);
        else
            tl_printf(l, "%d,\"error\":", c->err);
        tl_json_string(l, c->errmsg ? c->errmsg : "", c->errmsg ? strlen(c->errmsg) : 0);
    } else {
        tl_printf(l, ",\"ret\":%ld", c->ret);
    }
    if (c->injected)
        tl_puts(l, ",\"injected\":true");
    if (trace_cfg.show_time && c->state == TC_DONE)
        tl_printf(l, ",\"dur\":%llu.%06llu", (unsigned long long)(c->ns / 1000000000ull),
                  (unsigned long long)(c->ns / 1000 % 1000000));
    if (c->host && *c->host) {
        tl_puts(l, ",\"host\":");
        tl_json_string(l, c->host, strlen(c->host));
    }
    tl_putc(l, '}');
}

void trace_call_emit(const struct trace_abi *abi, const struct trace_call *c)
{
    struct tline l;
    tl_init(&l);
    if (trace_cfg.json)
        emit_json(&l, abi, c);
    else
        emit_text(&l, abi, c);
    trace_emit(&l);
}
