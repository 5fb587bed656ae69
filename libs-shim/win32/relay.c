/* relay.c — libffi closures at the Windows/xeno boundary: relay thunks that
 * trace each call into a builtin DLL (Call/Ret lines, arguments decoded
 * from the export's signature), and stubs for imports xeno lacks. Both use
 * the Microsoft x64 calling convention (FFI_WIN64). */
#include <ffi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "relay.h"
#include "trace.h"
#include "unicode.h"
#include "xeno.h"

#define VARARG_SLOTS 12 /* extra integer slots forwarded for "..." */
#define MAX_ARGS (16 + VARARG_SLOTS)

struct relay {
    char dll[32];
    char full[96];          /* DLL.Name, the -c table's row */
    int id;                 /* the -c table's counter */
    const char *name;
    const char *sig;
    void *fn;
    ffi_cif cif;
    ffi_type *types[MAX_ARGS];
    int nargs;
    char ret;
};

static int relay_on;

void w32_relay_start(struct trace_opts *o)
{
    if (!trace_enabled && trace_init(o) < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: cannot open %s", o->outfile ? o->outfile : "stderr");
    relay_on = 1;
}

int w32_relay_on(void)
{
    return relay_on;
}

void w32_relay_flush(void)
{
    trace_flush();
}

void w32_relay_exit(UINT code)
{
    if (relay_on && trace_cfg.summary) {
        trace_summary_label("function");
        trace_summary();
    }
    (void)code;
    trace_flush();
}

void w32_dll_display_name(const char *dll, char *buf, size_t n)
{
    size_t i = 0;
    for (; dll[i] && dll[i] != '.' && i + 1 < n; i++)
        buf[i] = (char)(dll[i] >= 'a' && dll[i] <= 'z' ? dll[i] - 32 : dll[i]);
    buf[i] = 0;
}

static ffi_type *type_of(char c)
{
    switch (c) {
    case 'i': return &ffi_type_sint32;
    case 'u': return &ffi_type_uint32;
    case 'f': return &ffi_type_double;
    case 'v': return &ffi_type_void;
    default: return &ffi_type_uint64;
    }
}

static void put_arg(struct tline *l, char kind, void *p)
{
    uint64_t v = *(uint64_t *)p;
    switch (kind) {
    case 'i': tl_printf(l, "%d", *(int32_t *)p); break;
    case 'u': tl_printf(l, "%x", *(uint32_t *)p); break;
    case 'f': tl_printf(l, "%g", *(double *)p); break;
    case 's':
        tl_printf(l, "%llx", (unsigned long long)v);
        if (v > 0xffff)
            tl_quoted(l, (const char *)v, strnlen((const char *)v, 4096), 1);
        break;
    case 'w':
        tl_printf(l, "%llx", (unsigned long long)v);
        if (v > 0xffff) {
            char u[1024];
            w32_utf16_to_utf8((const WCHAR *)v, -1, u, sizeof u);
            tl_putc(l, 'L');
            tl_quoted(l, u, strlen(u), 1);
        }
        break;
    default: tl_printf(l, "%llx", (unsigned long long)v); break;
    }
}

/* -c: count the call and its time; no lines. Builtins have no common
 * failure convention, so the errors column stays empty. */
static void relay_count(ffi_cif *cif, void *ret, void **args, struct relay *r)
{
    trace_count(r->id, r->full, 0, 0); /* counted now: exit() never returns */
    uint64_t t0 = trace_now_ns();
    ffi_call(cif, FFI_FN(r->fn), ret, args);
    trace_count_ns(r->id, trace_now_ns() - t0);
}

static void relay_call(ffi_cif *cif, void *ret, void **args, void *ud)
{
    struct relay *r = ud;
    struct tline l;
    if (trace_cfg.summary) {
        relay_count(cif, ret, args, r);
        return;
    }
    int tid = (int)syscall(SYS_gettid);
    tl_init(&l);
    tl_time(&l); /* -t/-tt/-ttt */
    tl_printf(&l, "%04x:", tid);
    tl_printf(&l, "Call %s.%s(", r->dll, r->name);
    for (int i = 0; r->sig[i] && r->sig[i] != ':' && r->sig[i] != '.'; i++) {
        if (i)
            tl_putc(&l, ',');
        put_arg(&l, r->sig[i], args[i]);
    }
    tl_putc(&l, ')');
    trace_emit(&l);
    ffi_call(cif, FFI_FN(r->fn), ret, args);
    tl_init(&l);
    tl_time(&l);
    tl_printf(&l, "%04x:Ret  %s.%s()", tid, r->dll, r->name);
    if (r->ret == 'f')
        tl_printf(&l, " retval=%g", *(double *)ret);
    else if (r->ret != 'v')
        tl_printf(&l, " retval=%016llx", (unsigned long long)*(uint64_t *)ret);
    trace_emit(&l);
}

static int parse_sig(struct relay *r)
{
    const char *s = r->sig;
    int n = 0;
    for (; *s && *s != ':'; s++) {
        if (*s == '.') {
            for (int k = 0; k < VARARG_SLOTS && n < MAX_ARGS; k++)
                r->types[n++] = &ffi_type_uint64;
            continue;
        }
        if (n < MAX_ARGS)
            r->types[n++] = type_of(*s);
    }
    r->ret = *s == ':' && s[1] ? s[1] : 'v';
    r->nargs = n;
    return ffi_prep_cif(&r->cif, FFI_WIN64, (unsigned)n, type_of(r->ret), r->types) == FFI_OK;
}

/* Functions that must be called directly: setjmp captures its caller's
 * frame, which a relay thunk in between would replace with its own. */
static int never_relayed(const char *name)
{
    static const char *const names[] = { "_setjmp", "_setjmpex", "setjmp", "longjmp",
                                         "_longjmpex", "__intrinsic_setjmp", "__intrinsic_setjmpex" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i]))
            return 1;
    return 0;
}

void *w32_relay_wrap(const struct w32_dll *dll, const struct w32_export *exp)
{
    char dn[32];
    if (never_relayed(exp->name))
        return exp->addr;
    w32_dll_display_name(dll->name, dn, sizeof dn);
    if (!relay_on || !strcmp(exp->sig, "data") || !trace_filter_names(trace_cfg.filter, dn, exp->name))
        return exp->addr; /* -e trace=NAME,DLL.NAME: only those are relayed */
    struct relay *r = calloc(1, sizeof *r);
    void *code = NULL;
    ffi_closure *cl = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!r || !cl)
        return exp->addr;
    w32_dll_display_name(dll->name, r->dll, sizeof r->dll);
    r->name = exp->name;
    snprintf(r->full, sizeof r->full, "%s.%s", r->dll, exp->name);
    static int next_id;
    r->id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
    r->sig = exp->sig;
    r->fn = exp->addr;
    if (!parse_sig(r) || ffi_prep_closure_loc(cl, &r->cif, relay_call, r, code) != FFI_OK)
        return exp->addr;
    return code;
}

static void missing(ffi_cif *cif, void *ret, void **args, void *ud)
{
    (void)cif, (void)ret, (void)args;
    trace_flush();
    xeno_die(XENO_EXIT_UNIMPL, "unimplemented function %s called", (const char *)ud);
}

void *w32_missing_stub(const char *dll, const char *name)
{
    static ffi_cif cif;
    static int ready;
    if (!ready) {
        if (ffi_prep_cif(&cif, FFI_WIN64, 0, &ffi_type_void, NULL) != FFI_OK)
            xeno_die(1, "libffi cannot build Windows stubs");
        ready = 1;
    }
    char dn[32];
    w32_dll_display_name(dll, dn, sizeof dn);
    size_t n = strlen(dn) + strlen(name) + 2;
    char *full = malloc(n);
    void *code = NULL;
    ffi_closure *cl = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!full || !cl)
        xeno_die(1, "out of memory");
    snprintf(full, n, "%s.%s", dn, name);
    if (ffi_prep_closure_loc(cl, &cif, missing, full, code) != FFI_OK)
        xeno_die(1, "libffi cannot build Windows stubs");
    return code;
}
