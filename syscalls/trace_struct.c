/* trace_struct.c — decoders of structures laid out alike on Linux and
 * FreeBSD amd64 (timespec, timeval, itimerval, iovec, fd_set, rusage,
 * argv/envp, int[2], socklen_t, wait status) and helpers the personality
 * decoders build on. */
#include <string.h>

#include "trace_decode.h"

#define MAX_ELEMS 32   /* array elements shown before "..." */

struct ts64 {
    int64_t sec, frac;
};

void tdec_timespec(struct tline *l, int64_t sec, int64_t nsec)
{
    tl_printf(l, "{tv_sec=%lld, tv_nsec=%lld}", (long long)sec, (long long)nsec);
}

void tdec_timeval(struct tline *l, int64_t sec, int64_t usec)
{
    tl_printf(l, "{tv_sec=%lld, tv_usec=%lld}", (long long)sec, (long long)usec);
}

void tdk_timespec(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct ts64 t;
    (void)c, (void)p;
    if (trace_read_struct(l, v, &t, sizeof t))
        tdec_timespec(l, t.sec, t.frac);
}

void tdk_timespec_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    if (c->done)
        tdk_timespec(l, c, v, p);
    else
        trace_put_ptr(l, v);
}

void tdk_timeval(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct ts64 t;
    (void)c, (void)p;
    if (trace_read_struct(l, v, &t, sizeof t))
        tdec_timeval(l, t.sec, t.frac);
}

void tdk_timeval_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    if (c->done)
        tdk_timeval(l, c, v, p);
    else
        trace_put_ptr(l, v);
}

void tdk_itimerval(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct ts64 t[2];
    (void)c, (void)p;
    if (!trace_read_struct(l, v, t, sizeof t))
        return;
    tl_puts(l, "{it_interval=");
    tdec_timeval(l, t[0].sec, t[0].frac);
    tl_puts(l, ", it_value=");
    tdec_timeval(l, t[1].sec, t[1].frac);
    tl_putc(l, '}');
}

void tdk_itimerval_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    if (c->done)
        tdk_itimerval(l, c, v, p);
    else
        trace_put_ptr(l, v);
}

/* [{iov_base="…", iov_len=N}, …]: for output vectors, the contents up to
 * the byte count the call returned. */
void tdec_iovec(struct tline *l, const struct tctx *c, uint64_t v, long count, int out)
{
    long left = out ? c->ret : -1;
    if (!v || count < 0) {
        trace_put_ptr(l, v);
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < count; i++) {
        uint64_t iov[2];
        if (i == MAX_ELEMS) {
            tl_puts(l, ", ...");
            break;
        }
        if (trace_peek(iov, v + (uint64_t)i * 16, sizeof iov) != sizeof iov) {
            tl_printf(l, "%s0x%llx", i ? ", " : "", (unsigned long long)(v + (uint64_t)i * 16));
            break;
        }
        tl_puts(l, i ? ", {iov_base=" : "{iov_base=");
        if (out && !c->done) {
            trace_put_ptr(l, iov[0]);
        } else {
            long n = out ? ((long)iov[1] < left ? (long)iov[1] : left) : (long)iov[1];
            trace_put_buffer(l, iov[0], n);
            if (out)
                left -= n;
        }
        tl_printf(l, ", iov_len=%llu}", (unsigned long long)iov[1]);
    }
    tl_putc(l, ']');
}

void tdk_iovec_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    tdec_iovec(l, c, v, (long)(int)c->args[p], 0);
}

void tdk_iovec_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    tdec_iovec(l, c, v, (long)(int)c->args[p], 1);
}

/* ["a", "b"], or for an environment "0x… / * N vars * /" as strace does. */
void tdec_argv(struct tline *l, uint64_t v, int env)
{
    uint64_t p;
    int n = 0;
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    if (env) {
        while (n < 65536 && trace_peek(&p, v + (uint64_t)n * 8, 8) == 8 && p)
            n++;
        tl_printf(l, "%#llx /* %d var%s */", (unsigned long long)v, n, n == 1 ? "" : "s");
        return;
    }
    tl_putc(l, '[');
    for (; trace_peek(&p, v + (uint64_t)n * 8, 8) == 8 && p; n++) {
        if (n == MAX_ELEMS * 2) {
            tl_puts(l, ", ...");
            break;
        }
        if (n)
            tl_puts(l, ", ");
        trace_put_string(l, p);
    }
    tl_putc(l, ']');
}

void tdk_argv(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int env = 0;
    (void)p;
    for (int i = 0; i < c->idx; i++) /* the second string vector of a call is its environment */
        if (KIND_OF(c->kinds[i]) == K_ARGV)
            env = 1;
    tdec_argv(l, v, env);
}

void tdec_fdset(struct tline *l, uint64_t v, int nfds)
{
    uint64_t bits[16];
    if (nfds < 0)
        nfds = 0;
    if (nfds > 1024)
        nfds = 1024;
    size_t bytes = ((size_t)nfds + 63) / 64 * 8;
    if (!v || trace_peek(bits, v, bytes) != bytes) {
        trace_put_ptr(l, v);
        return;
    }
    tl_putc(l, '[');
    for (int fd = 0, first = 1; fd < nfds; fd++)
        if (bits[fd / 64] >> (fd % 64) & 1) {
            tl_printf(l, first ? "%d" : " %d", fd);
            first = 0;
        }
    tl_putc(l, ']');
}

void tdk_fdset(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    tdec_fdset(l, v, (int)c->args[p]);
}

void tdk_pipefds(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int fds[2];
    (void)p;
    if (!c->done)
        trace_put_ptr(l, v);
    else if (trace_read_struct(l, v, fds, sizeof fds))
        tl_printf(l, "[%d, %d]", fds[0], fds[1]);
}

void tdec_int_out(struct tline *l, const struct tctx *c, uint64_t v)
{
    int x;
    if (!c->done)
        trace_put_ptr(l, v);
    else if (trace_read_struct(l, v, &x, sizeof x))
        tl_printf(l, "[%d]", x);
}

void tdk_socklen(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    tdec_int_out(l, c, v);
}

void tdk_ulong_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    long x;
    (void)p;
    if (!c->done)
        trace_put_ptr(l, v);
    else if (trace_read_struct(l, v, &x, sizeof x))
        tl_printf(l, "[%ld]", x);
}

void tdec_rusage(struct tline *l, uint64_t v)
{
    struct { struct ts64 ut, st; int64_t maxrss, rest[13]; } ru;
    if (!trace_read_struct(l, v, &ru, sizeof ru))
        return;
    tl_puts(l, "{ru_utime=");
    tdec_timeval(l, ru.ut.sec, ru.ut.frac);
    tl_puts(l, ", ru_stime=");
    tdec_timeval(l, ru.st.sec, ru.st.frac);
    tl_printf(l, ", ru_maxrss=%lld, ...}", (long long)ru.maxrss);
}

void tdk_rusage_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        tdec_rusage(l, v);
    else
        trace_put_ptr(l, v);
}

static void signal_name(struct tline *l, const struct trace_abi *abi, int sig)
{
    const char *n = abi && abi->signame ? abi->signame(sig) : NULL;
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%d", sig);
}

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]: the encoding is the same on
 * both systems; signal numbers are the ABI's own. */
void tdk_wstatus(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int s;
    (void)p;
    if (!c->done || c->ret == 0 || !v) {
        trace_put_ptr(l, v);
        return;
    }
    if (!trace_read_struct(l, v, &s, sizeof s))
        return;
    if ((s & 0x7f) == 0) {
        tl_printf(l, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", (s >> 8) & 0xff);
    } else if ((s & 0xff) == 0x7f) {
        tl_puts(l, "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
        signal_name(l, c->abi, (s >> 8) & 0xff);
        tl_puts(l, "}]");
    } else if (s == 0xffff) {
        tl_puts(l, "[{WIFCONTINUED(s)}]");
    } else {
        tl_puts(l, "[{WIFSIGNALED(s) && WTERMSIG(s) == ");
        signal_name(l, c->abi, s & 0x7f);
        tl_puts(l, s & 0x80 ? " && WCOREDUMP(s)}]" : "}]");
    }
}

/* [SIGINT SIGTERM] from a bit array (signal s is bit s-1); more than half
 * set prints the complement, ~[SIGKILL SIGSTOP], as strace does. */
void tdec_sigmask_bits(struct tline *l, const struct trace_abi *abi, const uint32_t *words,
                       int nsig)
{
    int set = 0;
    for (int s = 1; s <= nsig; s++)
        set += words[(s - 1) / 32] >> ((s - 1) % 32) & 1;
    int inv = set > nsig / 2;
    tl_puts(l, inv ? "~[" : "[");
    for (int s = 1, first = 1; s <= nsig; s++) {
        int bit = words[(s - 1) / 32] >> ((s - 1) % 32) & 1;
        if (bit == inv)
            continue;
        if (!first)
            tl_putc(l, ' ');
        signal_name(l, abi, s);
        first = 0;
    }
    tl_putc(l, ']');
}

/* ---- flag words and values ---- */

void tdec_flags(struct tline *l, const struct tflag *t, uint64_t v, const char *zero)
{
    int first = 1;
    uint64_t rest = v;
    for (; t->name; t++) {
        if (!t->mask || (rest & t->mask) != t->bits)
            continue;
        tl_puts(l, first ? "" : "|");
        tl_puts(l, t->name);
        first = 0;
        rest &= ~t->mask;
    }
    if (rest)
        tl_printf(l, first ? "%#llx" : "|%#llx", (unsigned long long)rest);
    else if (first)
        tl_puts(l, zero ? zero : "0");
}

const char *tdec_val_name(const struct tval *t, int64_t v)
{
    for (; t->name; t++)
        if (t->v == v)
            return t->name;
    return NULL;
}

void tdec_val(struct tline *l, const struct tval *t, int64_t v)
{
    const char *n = tdec_val_name(t, v);
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%lld", (long long)v);
}

/* Values the same on Linux and FreeBSD. */
static const struct tval whence[] = {
    { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" },
    { 4, "SEEK_HOLE" }, { 0, NULL },
};
static const struct tval itimers[] = {
    { 0, "ITIMER_REAL" }, { 1, "ITIMER_VIRTUAL" }, { 2, "ITIMER_PROF" }, { 0, NULL },
};
static const struct tval rusage_who[] = {
    { 0, "RUSAGE_SELF" }, { -1, "RUSAGE_CHILDREN" }, { 1, "RUSAGE_THREAD" }, { 0, NULL },
};
static const struct tval shut_how[] = {
    { 0, "SHUT_RD" }, { 1, "SHUT_WR" }, { 2, "SHUT_RDWR" }, { 0, NULL },
};

void tdk_whence(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_val(l, whence, (int)v);
}

void tdk_itimer_which(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_val(l, itimers, (int)v);
}

void tdk_rusage_who(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_val(l, rusage_who, (int)v);
}

void tdk_shut_how(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_val(l, shut_how, (int)v);
}

/* ---- socket addresses (the family field differs, the rest does not) ---- */

void tdec_sockaddr_in(struct tline *l, const char *fam, const uint8_t *sin, size_t len)
{
    tl_printf(l, "{sa_family=%s", fam);
    if (len >= 8)
        tl_printf(l, ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
                  (unsigned)(sin[2] << 8 | sin[3]), sin[4], sin[5], sin[6], sin[7]);
    tl_putc(l, '}');
}

static void put_in6(struct tline *l, const uint8_t *a)
{
    int best = -1, bestlen = 0; /* the longest run of zero groups becomes "::" */
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && !a[2 * j] && !a[2 * j + 1])
            j++;
        if (j - i > bestlen && j - i > 1)
            best = i, bestlen = j - i;
        i = j > i ? j : i + 1;
    }
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            tl_puts(l, "::");
            i += bestlen - 1;
            continue;
        }
        if (i && i != best + bestlen)
            tl_putc(l, ':');
        tl_printf(l, "%x", (unsigned)(a[2 * i] << 8 | a[2 * i + 1]));
    }
}

void tdec_sockaddr_in6(struct tline *l, const char *fam, const uint8_t *sin6, size_t len)
{
    tl_printf(l, "{sa_family=%s", fam);
    if (len >= 24) {
        uint32_t flow = (uint32_t)sin6[4] << 24 | sin6[5] << 16 | sin6[6] << 8 | sin6[7];
        tl_printf(l, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), inet_pton(%s, \"",
                  (unsigned)(sin6[2] << 8 | sin6[3]), flow, fam);
        put_in6(l, sin6 + 8);
        tl_puts(l, "\", &sin6_addr)");
        if (len >= 28)
            tl_printf(l, ", sin6_scope_id=%u",
                      (unsigned)(sin6[24] | sin6[25] << 8 | sin6[26] << 16 | (unsigned)sin6[27] << 24));
    }
    tl_putc(l, '}');
}

void tdec_sockaddr_un(struct tline *l, const char *fam, const char *path, size_t n)
{
    tl_printf(l, "{sa_family=%s", fam);
    if (n) {
        tl_puts(l, ", sun_path=");
        if (path[0] == 0) { /* Linux's abstract name space */
            tl_putc(l, '@');
            path++, n--;
        }
        size_t len = strnlen(path, n);
        tl_quoted(l, path, len, 1);
    }
    tl_putc(l, '}');
}
