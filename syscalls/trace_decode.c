/* trace_decode.c — generic argument decoding for trace lines, results,
 * and the -e trace= filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intercept.h"
#include "trace_decode.h"

size_t trace_peek(void *dst, uint64_t src, size_t n)
{
    if (!src)
        return 0;
    if (xeno_safe_copy(dst, (const void *)src, n) == 0)
        return n;
    /* copy what is readable, byte by byte up to a fault */
    size_t i = 0;
    for (; i < n; i++)
        if (xeno_safe_copy((char *)dst + i, (const char *)src + i, 1) < 0)
            break;
    return i;
}

void trace_put_string(struct tline *l, uint64_t v)
{
    char buf[4097];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    size_t max = (size_t)trace_cfg.strsize + 1 < sizeof buf ? (size_t)trace_cfg.strsize + 1 : sizeof buf - 1;
    long n = xeno_safe_strcpy(buf, (const char *)v, max);
    if (n == -14 /* EFAULT */) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    size_t len = n < 0 ? max : (size_t)n;
    tl_quoted(l, buf, len, n >= 0);
}

static void put_buffer(struct tline *l, uint64_t v, long len)
{
    char buf[4096];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    if (len < 0)
        len = 0;
    size_t want = (size_t)len < (size_t)trace_cfg.strsize + 1 ? (size_t)len : (size_t)trace_cfg.strsize + 1;
    if (want > sizeof buf)
        want = sizeof buf;
    size_t got = trace_peek(buf, v, want);
    if (got < want) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    tl_quoted(l, buf, (size_t)len, 1);
}

static void generic(struct tline *l, const struct tctx *c, int kind, int param, uint64_t v)
{
    switch (kind) {
    case K_INT: case K_FD: case K_PID: tl_printf(l, "%d", (int)v); break;
    case K_UINT: case K_ID: tl_printf(l, "%u", (unsigned)v); break;
    case K_LONG: case K_OFF: tl_printf(l, "%ld", (long)v); break;
    case K_SIZE: tl_printf(l, "%lu", (unsigned long)v); break;
    case K_MODE: tl_printf(l, "0%o", (unsigned)v); break;
    case K_ATFD:
        if ((int)v == -100) tl_puts(l, "AT_FDCWD");
        else tl_printf(l, "%d", (int)v);
        break;
    case K_PATH: case K_STR: trace_put_string(l, v); break;
    case K_BUFIN: put_buffer(l, v, (long)c->args[param]); break;
    case K_BUFOUT:
        if (c->done) put_buffer(l, v, c->ret);
        else tl_printf(l, "0x%llx", (unsigned long long)v);
        break;
    case K_BUFOUTN:
        if (c->done) put_buffer(l, v, (long)c->args[param]);
        else tl_printf(l, "0x%llx", (unsigned long long)v);
        break;
    case K_STROUT:
        if (c->done) trace_put_string(l, v);
        else tl_printf(l, "0x%llx", (unsigned long long)v);
        break;
    case K_PTR:
        if (!v) tl_puts(l, "NULL");
        else tl_printf(l, "0x%llx", (unsigned long long)v);
        break;
    default:
        if (!v) tl_puts(l, "0");
        else tl_printf(l, "0x%llx", (unsigned long long)v);
        break;
    }
}

void trace_args(struct tline *l, const struct trace_abi *abi, const uint16_t kinds[6],
                const uint64_t *args, long ret, int done)
{
    struct tctx c = { args, ret, done, abi };
    for (int i = 0; i < 6 && kinds[i] != K_NONE; i++) {
        int kind = KIND_OF(kinds[i]), param = KIND_PARAM(kinds[i]);
        if (i)
            tl_puts(l, ", ");
        tdecode_fn fn = kind < K_KINDS_END ? abi->decode[kind] : NULL;
        if (fn)
            fn(l, &c, args[i], param);
        else
            generic(l, &c, kind, param, args[i]);
    }
}

void trace_result(struct tline *l, int rk, long v)
{
    switch (rk) {
    case R_HEX: tl_printf(l, " = 0x%lx", (unsigned long)v); break;
    case R_OCTAL: tl_printf(l, " = 0%lo", (unsigned long)v); break;
    case R_NONE: tl_puts(l, " = ?"); break;
    default: tl_printf(l, " = %ld", v); break;
    }
}

/* ---- classes and the filter ---- */

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(name, *list))
            return 1;
    return 0;
}

int trace_class_of(const char *name, const uint16_t *kinds)
{
    static const char *const process[] = { "fork", "vfork", "rfork", "execve", "fexecve",
        "exit", "exit_group", "wait4", "wait6", "waitid", "kill", "thr_new", "thr_exit",
        "thr_kill", "thr_kill2", "clone", "clone3", "pdfork", "pdkill", "tgkill", "tkill", NULL };
    static const char *const memory[] = { "mmap", "munmap", "mprotect", "madvise", "mincore",
        "minherit", "mlock", "munlock", "mlockall", "munlockall", "msync", "obreak", "brk",
        "mremap", NULL };
    int cls = 0;
    for (int i = 0; kinds && i < 6; i++) {
        int k = KIND_OF(kinds[i]);
        if (k == K_PATH) cls |= TC_FILE;
        if (k == K_FD || k == K_ATFD) cls |= TC_DESC;
        if (k == K_SOCKDOMAIN || k == K_SOCKADDRIN || k == K_SOCKADDROUT || k == K_SOCKLEVEL ||
            k == K_MSGHDRIN || k == K_MSGHDROUT || k == K_MSGFLAGS || k == K_SHUTHOW)
            cls |= TC_NETWORK;
        if (k == K_SIGNO || k == K_SIGACTIN || k == K_SIGSETIN || k == K_SIGHOW ||
            k == K_STACKIN)
            cls |= TC_SIGNAL;
    }
    if (name && name_in(name, process)) cls |= TC_PROCESS;
    if (name && name_in(name, memory)) cls |= TC_MEMORY;
    if (name && !strncmp(name, "sig", 3)) cls |= TC_SIGNAL;
    if (name && (strstr(name, "socket") || strstr(name, "accept") || !strcmp(name, "bind") ||
                 !strcmp(name, "listen") || !strcmp(name, "connect") || strstr(name, "sockopt") ||
                 !strncmp(name, "send", 4) || !strncmp(name, "recv", 4)))
        cls |= TC_NETWORK;
    return cls;
}

static const struct { const char *name; int cls; } classes[] = {
    { "%file", TC_FILE }, { "file", TC_FILE }, { "%desc", TC_DESC }, { "desc", TC_DESC },
    { "%network", TC_NETWORK }, { "network", TC_NETWORK }, { "%net", TC_NETWORK },
    { "%memory", TC_MEMORY }, { "memory", TC_MEMORY }, { "%process", TC_PROCESS },
    { "process", TC_PROCESS }, { "%signal", TC_SIGNAL }, { "signal", TC_SIGNAL },
};

static int class_bits(const char *tok)
{
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (!strcmp(tok, classes[i].name))
            return classes[i].cls;
    return 0;
}

static void add_class(struct trace_filter *f, int cls, const struct trace_names *names)
{
    for (int nr = 0; nr < (int)sizeof f->want; nr++) {
        const uint16_t *kinds = NULL;
        const char *name = names->name_of(nr, &kinds);
        if (name && (trace_class_of(name, kinds) & cls))
            f->want[nr] = 1;
    }
}

int trace_filter_parse(struct trace_filter *f, const char *spec, const struct trace_names *names)
{
    memset(f, 0, sizeof *f);
    if (!spec || !*spec || !strcmp(spec, "all"))
        return 0;
    f->active = 1;
    char tok[64];
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, ",");
        if (n >= sizeof tok)
            return -1;
        memcpy(tok, p, n);
        tok[n] = 0;
        p += n + (p[n] == ',');
        int cls = class_bits(tok);
        if (cls) {
            add_class(f, cls, names);
            continue;
        }
        int nr = names->nr_of(tok);
        if (nr < 0 || nr >= (int)sizeof f->want)
            return -1;
        f->want[nr] = 1;
    }
    return 0;
}

int trace_filter_match(const struct trace_filter *f, int nr)
{
    return !f->active || (nr >= 0 && nr < (int)sizeof f->want && f->want[nr]);
}

void trace_export_env_opts(const struct trace_opts *o)
{
    char flags[128];
    snprintf(flags, sizeof flags, "1,s%d%s%s%s%s%s", o->strsize, o->follow ? ",f" : "",
             o->timestamps == 1 ? ",t" : o->timestamps == 2 ? ",tt" : o->timestamps >= 3 ? ",ttt" : "",
             o->show_time ? ",T" : "", o->summary ? ",c" : "", o->json ? ",json" : "");
    setenv("XENO_TRACE", flags, 1);
    if (o->outfile)
        setenv("XENO_TRACE_FILE", o->outfile, 1);
    if (o->filter)
        setenv("XENO_TRACE_FILTER", o->filter, 1);
}
