/* ldecode_struct.c — Linux x86-64 structures in a trace: signal sets,
 * sigaction, siginfo, stack_t, stat, statfs, statx, utimensat times,
 * rlimit, pollfd, epoll_event. Layouts are the kernel's, which glibc's
 * types match on x86-64 (the kernel's sigaction is spelled out). */
#include <signal.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "ldecode.h"

#define FLAG(v, name) { (v), (v), name }

/* ---- signals ---- */

static void sigset_at(struct tline *l, const struct tctx *c, uint64_t v)
{
    uint32_t w[2];
    if (trace_read_struct(l, v, w, sizeof w))
        tdec_sigmask_bits(l, c->abi, w, 64);
}

void ld_sigset_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    sigset_at(l, c, v);
}

void ld_sigset_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        sigset_at(l, c, v);
    else
        trace_put_ptr(l, v);
}

struct ksigaction {
    uint64_t handler, flags, restorer, mask;
};

static const struct tflag sa_flags[] = {
    FLAG(1, "SA_NOCLDSTOP"), FLAG(2, "SA_NOCLDWAIT"), FLAG(4, "SA_SIGINFO"),
    FLAG(0x04000000, "SA_RESTORER"), FLAG(0x08000000, "SA_ONSTACK"),
    FLAG(0x10000000, "SA_RESTART"), FLAG(0x40000000, "SA_NODEFER"),
    FLAG(0x80000000, "SA_RESETHAND"), { 0, 0, NULL },
};

static void sigaction_at(struct tline *l, const struct tctx *c, uint64_t v)
{
    struct ksigaction a;
    if (!trace_read_struct(l, v, &a, sizeof a))
        return;
    tl_puts(l, "{sa_handler=");
    if (a.handler == 0)
        tl_puts(l, "SIG_DFL");
    else if (a.handler == 1)
        tl_puts(l, "SIG_IGN");
    else
        tl_printf(l, "%#llx", (unsigned long long)a.handler);
    tl_puts(l, ", sa_mask=");
    uint32_t w[2] = { (uint32_t)a.mask, (uint32_t)(a.mask >> 32) };
    tdec_sigmask_bits(l, c->abi, w, 64);
    tl_puts(l, ", sa_flags=");
    tdec_flags(l, sa_flags, a.flags, NULL);
    if (a.flags & 0x04000000)
        tl_printf(l, ", sa_restorer=%#llx", (unsigned long long)a.restorer);
    tl_putc(l, '}');
}

void ld_sigact_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    sigaction_at(l, c, v);
}

void ld_sigact_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        sigaction_at(l, c, v);
    else
        trace_put_ptr(l, v);
}

static const struct tval si_codes[] = {
    { 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { -1, "SI_QUEUE" }, { -2, "SI_TIMER" },
    { -3, "SI_MESGQ" }, { -4, "SI_ASYNCIO" }, { -5, "SI_SIGIO" }, { -6, "SI_TKILL" },
    { 0, NULL },
};
static const struct tval cld_codes[] = {
    { 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" }, { 4, "CLD_TRAPPED" },
    { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" }, { 0, NULL },
};

void ld_siginfo_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    siginfo_t si;
    (void)p;
    if (!c->done) {
        trace_put_ptr(l, v);
        return;
    }
    if (!trace_read_struct(l, v, &si, sizeof si))
        return;
    if (!si.si_signo) { /* waitid(WNOHANG) with nothing to report */
        tl_puts(l, "{}");
        return;
    }
    tl_puts(l, "{si_signo=");
    ld_signo(l, c, (uint64_t)si.si_signo, 0);
    tl_puts(l, ", si_code=");
    const struct tval *codes = si.si_signo == SIGCHLD && si.si_code > 0 ? cld_codes : si_codes;
    tdec_val(l, codes, si.si_code);
    if (si.si_signo == SIGSEGV || si.si_signo == SIGBUS || si.si_signo == SIGILL ||
        si.si_signo == SIGFPE)
        tl_printf(l, ", si_addr=%#llx}", (unsigned long long)(uintptr_t)si.si_addr);
    else if (si.si_signo == SIGCHLD)
        tl_printf(l, ", si_pid=%d, si_uid=%u, si_status=%d}", si.si_pid, si.si_uid,
                  si.si_status);
    else
        tl_printf(l, ", si_pid=%d, si_uid=%u}", si.si_pid, si.si_uid);
}

static const struct tflag ss_flags[] = {
    FLAG(1, "SS_ONSTACK"), FLAG(2, "SS_DISABLE"), FLAG(0x80000000u, "SS_AUTODISARM"),
    { 0, 0, NULL },
};

static void stack_at(struct tline *l, uint64_t v)
{
    stack_t s;
    if (!trace_read_struct(l, v, &s, sizeof s))
        return;
    tl_printf(l, "{ss_sp=%#llx, ss_flags=", (unsigned long long)(uintptr_t)s.ss_sp);
    tdec_flags(l, ss_flags, (uint32_t)s.ss_flags, NULL);
    tl_printf(l, ", ss_size=%zu}", s.ss_size);
}

void ld_stack_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    stack_at(l, v);
}

void ld_stack_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        stack_at(l, v);
    else
        trace_put_ptr(l, v);
}

/* ---- files ---- */

void ld_stat_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct stat st;
    (void)p;
    if (!c->done) {
        trace_put_ptr(l, v);
        return;
    }
    if (!trace_read_struct(l, v, &st, sizeof st))
        return;
    tl_puts(l, "{st_mode=");
    ld_mode_type(l, st.st_mode);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        tl_printf(l, ", st_rdev=makedev(%#x, %#x), ...}", major(st.st_rdev), minor(st.st_rdev));
    else
        tl_printf(l, ", st_size=%lld, ...}", (long long)st.st_size);
}

void ld_statx_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct statx sx;
    (void)p;
    if (!c->done) {
        trace_put_ptr(l, v);
        return;
    }
    if (!trace_read_struct(l, v, &sx, sizeof sx))
        return;
    tl_printf(l, "{stx_mask=%#x, stx_attributes=%#llx, stx_mode=", sx.stx_mask,
              (unsigned long long)sx.stx_attributes);
    ld_mode_type(l, sx.stx_mode);
    tl_printf(l, ", stx_size=%llu, ...}", (unsigned long long)sx.stx_size);
}

void ld_statfs_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct statfs f;
    (void)p;
    if (!c->done) {
        trace_put_ptr(l, v);
        return;
    }
    if (!trace_read_struct(l, v, &f, sizeof f))
        return;
    tl_printf(l, "{f_type=%#llx, f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, "
                 "f_files=%llu, f_ffree=%llu, f_namelen=%lld, f_frsize=%lld, ...}",
              (unsigned long long)f.f_type, (long long)f.f_bsize,
              (unsigned long long)f.f_blocks, (unsigned long long)f.f_bfree,
              (unsigned long long)f.f_bavail, (unsigned long long)f.f_files,
              (unsigned long long)f.f_ffree, (long long)f.f_namelen, (long long)f.f_frsize);
}

/* utimensat's two times: UTIME_NOW and UTIME_OMIT by name. */
void ld_timespec2(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int64_t t[4];
    (void)c, (void)p;
    if (!trace_read_struct(l, v, t, sizeof t))
        return;
    tl_putc(l, '[');
    for (int i = 0; i < 2; i++) {
        if (i)
            tl_puts(l, ", ");
        if (t[2 * i + 1] == (1 << 30) - 1)
            tl_puts(l, "UTIME_NOW");
        else if (t[2 * i + 1] == (1 << 30) - 2)
            tl_puts(l, "UTIME_OMIT");
        else
            tdec_timespec(l, t[2 * i], t[2 * i + 1]);
    }
    tl_putc(l, ']');
}

/* ---- limits, polling ---- */

static void rlim_value(struct tline *l, uint64_t x)
{
    if (x == ~0ull)
        tl_puts(l, "RLIM64_INFINITY");
    else if (x && x % 1024 == 0)
        tl_printf(l, "%llu*1024", (unsigned long long)(x / 1024));
    else
        tl_printf(l, "%llu", (unsigned long long)x);
}

static void rlimit_at(struct tline *l, uint64_t v)
{
    uint64_t r[2];
    if (!trace_read_struct(l, v, r, sizeof r))
        return;
    tl_puts(l, "{rlim_cur=");
    rlim_value(l, r[0]);
    tl_puts(l, ", rlim_max=");
    rlim_value(l, r[1]);
    tl_putc(l, '}');
}

void ld_rlimit_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    rlimit_at(l, v);
}

void ld_rlimit_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (c->done)
        rlimit_at(l, v);
    else
        trace_put_ptr(l, v);
}

void ld_pollfds(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    long n = (long)(unsigned)c->args[p];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < n && i < 32; i++) {
        struct { int32_t fd; int16_t events, revents; } pf;
        if (trace_peek(&pf, v + (uint64_t)i * 8, 8) != 8)
            break;
        tl_printf(l, "%s{fd=%d, events=", i ? ", " : "", pf.fd);
        tdec_flags(l, ld_poll_events, (uint16_t)pf.events, NULL);
        if (c->done && pf.revents) {
            tl_puts(l, ", revents=");
            tdec_flags(l, ld_poll_events, (uint16_t)pf.revents, NULL);
        }
        tl_putc(l, '}');
    }
    tl_puts(l, n > 32 ? ", ...]" : "]");
}

static const struct tflag epoll_events[] = {
    FLAG(1, "EPOLLIN"), FLAG(2, "EPOLLPRI"), FLAG(4, "EPOLLOUT"), FLAG(8, "EPOLLERR"),
    FLAG(0x10, "EPOLLHUP"), FLAG(0x40, "EPOLLRDNORM"), FLAG(0x80, "EPOLLRDBAND"),
    FLAG(0x100, "EPOLLWRNORM"), FLAG(0x200, "EPOLLWRBAND"), FLAG(0x400, "EPOLLMSG"),
    FLAG(0x2000, "EPOLLRDHUP"), FLAG(1u << 28, "EPOLLEXCLUSIVE"), FLAG(1u << 29, "EPOLLWAKEUP"),
    FLAG(1u << 30, "EPOLLONESHOT"), FLAG(1u << 31, "EPOLLET"), { 0, 0, NULL },
};

/* One struct epoll_event (packed on x86-64: 12 bytes); 0 if unreadable. */
static int epoll_event_at(struct tline *l, uint64_t v)
{
    struct __attribute__((packed)) { uint32_t events; uint64_t data; } e;
    if (trace_peek(&e, v, 12) != 12)
        return 0;
    tl_puts(l, "{events=");
    tdec_flags(l, epoll_events, e.events, NULL);
    tl_printf(l, ", data=%#llx}", (unsigned long long)e.data);
    return 1;
}

void ld_epoll_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    if (!v || !epoll_event_at(l, v))
        trace_put_ptr(l, v);
}

void ld_epoll_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    if (!c->done) {
        trace_put_ptr(l, v);
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < c->ret && i < 32; i++) {
        if (i)
            tl_puts(l, ", ");
        if (!epoll_event_at(l, v + (uint64_t)i * 12))
            break;
    }
    tl_puts(l, c->ret > 32 ? ", ...]" : "]");
}
