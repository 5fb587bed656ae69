/* trace_filter.c — the -e trace=SET filter: call names and the classes
 * %file %desc %network %memory %process %signal (also %creds %clock), a
 * call's class found from its name and argument kinds; and handing the
 * options on to children through the environment. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "trace_decode.h"

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(name, *list))
            return 1;
    return 0;
}

static const char *const process_calls[] = {
    "fork", "vfork", "rfork", "execve", "execveat", "fexecve", "exit", "exit_group", "wait4",
    "wait6", "waitid", "kill", "thr_new", "thr_exit", "thr_kill", "thr_kill2", "clone",
    "clone3", "pdfork", "pdkill", "tgkill", "tkill", "__mac_execve", "pidfd_open",
    "pidfd_send_signal", "unshare", "setns", NULL,
};
static const char *const memory_calls[] = {
    "mmap", "munmap", "mprotect", "madvise", "mincore", "minherit", "mlock", "munlock",
    "mlockall", "munlockall", "msync", "obreak", "brk", "mremap", "mlock2", "pkey_mprotect",
    "remap_file_pages", "mbind", "set_mempolicy", "get_mempolicy", "mseal",
    "process_madvise", "map_shadow_stack", NULL,
};
static const char *const network_calls[] = {
    "bind", "listen", "connect", "shutdown", "getpeername", "getsockname", "socketpair",
    "sendmmsg", "recvmmsg", NULL,
};

static int kind_classes(int k)
{
    static const uint8_t cls[K_KINDS_END] = {
        [K_PATH] = TC_FILE, [K_FD] = TC_DESC, [K_ATFD] = TC_DESC,
        [K_SOCKDOMAIN] = TC_NETWORK, [K_SOCKADDRIN] = TC_NETWORK, [K_SOCKADDROUT] = TC_NETWORK,
        [K_SOCKLEVEL] = TC_NETWORK, [K_MSGHDRIN] = TC_NETWORK, [K_MSGHDROUT] = TC_NETWORK,
        [K_MSGFLAGS] = TC_NETWORK, [K_SHUTHOW] = TC_NETWORK, [K_SIGNO] = TC_SIGNAL,
        [K_SIGACTIN] = TC_SIGNAL, [K_SIGSETIN] = TC_SIGNAL, [K_SIGHOW] = TC_SIGNAL,
        [K_STACKIN] = TC_SIGNAL,
    };
    return k < K_KINDS_END ? cls[k] : 0;
}

int trace_class_of(const char *name, const uint16_t *kinds)
{
    int cls = 0;
    for (int i = 0; kinds && i < 6; i++)
        cls |= kind_classes(KIND_OF(kinds[i]));
    if (!name)
        return cls;
    if (name_in(name, process_calls))
        cls |= TC_PROCESS;
    if (name_in(name, memory_calls))
        cls |= TC_MEMORY;
    if (!strncmp(name, "sig", 3) || !strncmp(name, "rt_sig", 6))
        cls |= TC_SIGNAL;
    if (strstr(name, "socket") || strstr(name, "accept") || strstr(name, "sockopt") ||
        !strncmp(name, "send", 4) || !strncmp(name, "recv", 4) || name_in(name, network_calls))
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

/* "open,%file", "!write" (everything but), "all", "none". */
int trace_filter_parse(struct trace_filter *f, const char *spec, const struct trace_names *names)
{
    memset(f, 0, sizeof *f);
    if (!spec || !*spec || !strcmp(spec, "all"))
        return 0;
    f->active = 1;
    int negate = *spec == '!';
    spec += negate;
    char tok[64];
    for (const char *p = spec; *p && strcmp(spec, "none");) {
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
    for (size_t i = 0; negate && i < sizeof f->want; i++)
        f->want[i] = !f->want[i];
    return 0;
}

int trace_filter_match(const struct trace_filter *f, int nr)
{
    return !f->active || (nr >= 0 && nr < (int)sizeof f->want && f->want[nr]);
}

int trace_filter_names(const char *spec, const char *dll, const char *name)
{
    char qualified[160];
    if (!spec || !*spec || !strcmp(spec, "all"))
        return 1;
    snprintf(qualified, sizeof qualified, "%s.%s", dll, name);
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, ",");
        if ((n == strlen(name) && !strncmp(p, name, n)) ||
            (n == strlen(qualified) && !strncasecmp(p, qualified, n)))
            return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

void trace_export_env_opts(const struct trace_opts *o)
{
    char flags[128];
    trace_opts_format(o, flags, sizeof flags);
    setenv("XENO_TRACE", flags, 1);
    if (o->outfile)
        setenv("XENO_TRACE_FILE", o->outfile, 1);
    if (o->filter)
        setenv("XENO_TRACE_FILTER", o->filter, 1);
}
