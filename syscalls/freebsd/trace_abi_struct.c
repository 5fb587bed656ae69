/* trace_abi_struct.c — FreeBSD structures in a trace, read from guest
 * memory in their FreeBSD layouts (abi/freebsd/fbsd_types.h) and shown
 * with FreeBSD names: signal sets, sigaction, siginfo, stack_t, stat,
 * statfs, utimensat times, rlimit, sockaddr, msghdr, pollfd, kevent,
 * thr_param, rtprio. Output arguments are shown only after a successful
 * call; otherwise their address. */
#include <string.h>

#include "fbsd.h"
#include "fbsd_trace.h"

#define OUT_GUARD(c, l, v) \
    do { \
        if (!(c)->done) { \
            trace_put_ptr((l), (v)); \
            return; \
        } \
    } while (0)

/* ---- signals ---- */

static void sigset_at(struct tline *l, const struct tctx *c, uint64_t v)
{
    fbsd_sigset_t s;
    if (trace_read_struct(l, v, &s, sizeof s))
        tdec_sigmask_bits(l, c->abi, s.bits, FBSD_NSIG);
}

void fbt_sigset_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    sigset_at(l, c, v);
}

void fbt_sigset_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    OUT_GUARD(c, l, v);
    sigset_at(l, c, v);
}

static void sigaction_at(struct tline *l, const struct tctx *c, uint64_t v)
{
    struct fbsd_sigaction a;
    if (!trace_read_struct(l, v, &a, sizeof a))
        return;
    tl_puts(l, "{sa_handler=");
    if (a.sa_func <= 1)
        tl_puts(l, a.sa_func ? "SIG_IGN" : "SIG_DFL");
    else
        tl_printf(l, "%#llx", (unsigned long long)a.sa_func);
    tl_puts(l, ", sa_mask=");
    tdec_sigmask_bits(l, c->abi, a.sa_mask.bits, FBSD_NSIG);
    tl_puts(l, ", sa_flags=");
    fbt_flags(l, fbsd_sa_flags, (uint32_t)a.sa_flags);
    tl_putc(l, '}');
}

void fbt_sigact_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    sigaction_at(l, c, v);
}

void fbt_sigact_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    OUT_GUARD(c, l, v);
    sigaction_at(l, c, v);
}

static const struct tval si_codes[] = {
    { 0, "SI_NOINFO" }, { FBSD_SI_USER, "SI_USER" }, { FBSD_SI_QUEUE, "SI_QUEUE" },
    { FBSD_SI_TIMER, "SI_TIMER" }, { FBSD_SI_ASYNCIO, "SI_ASYNCIO" },
    { FBSD_SI_MESGQ, "SI_MESGQ" }, { FBSD_SI_KERNEL, "SI_KERNEL" }, { FBSD_SI_LWP, "SI_LWP" },
    { 0, NULL },
};
static const struct tval cld_codes[] = {
    { 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" }, { 4, "CLD_TRAPPED" },
    { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" }, { 0, NULL },
};

void fbt_siginfo_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    fbsd_siginfo_t si;
    (void)p;
    OUT_GUARD(c, l, v);
    if (!trace_read_struct(l, v, &si, sizeof si))
        return;
    tl_puts(l, "{si_signo=");
    fbt_signal(l, si.fsi_signo);
    tl_puts(l, ", si_code=");
    int chld = si.fsi_signo == FBSD_SIGCHLD && si.fsi_code < 0x10000;
    tdec_val(l, chld ? cld_codes : si_codes, si.fsi_code);
    int fault = si.fsi_signo == FBSD_SIGSEGV || si.fsi_signo == FBSD_SIGBUS ||
                si.fsi_signo == FBSD_SIGILL || si.fsi_signo == FBSD_SIGFPE;
    if (fault)
        tl_printf(l, ", si_addr=%#llx}", (unsigned long long)si.fsi_addr);
    else if (chld)
        tl_printf(l, ", si_pid=%d, si_uid=%u, si_status=%d}", si.fsi_pid, si.fsi_uid,
                  si.fsi_status);
    else
        tl_printf(l, ", si_pid=%d, si_uid=%u}", si.fsi_pid, si.fsi_uid);
}

static void stack_at(struct tline *l, uint64_t v)
{
    struct fbsd_stack s;
    if (!trace_read_struct(l, v, &s, sizeof s))
        return;
    tl_printf(l, "{ss_sp=%#llx, ss_size=%llu, ss_flags=", (unsigned long long)s.ss_sp,
              (unsigned long long)s.ss_size);
    fbt_flags(l, fbsd_ss_flags, (uint32_t)s.ss_flags);
    tl_putc(l, '}');
}

void fbt_stack_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    stack_at(l, v);
}

void fbt_stack_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    OUT_GUARD(c, l, v);
    stack_at(l, v);
}

/* ---- files ---- */

static void mode_str(struct tline *l, uint32_t m)
{
    static const struct tval types[] = {
        { 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
        { 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
        { 0010000, "S_IFIFO" }, { 0160000, "S_IFWHT" }, { 0, NULL },
    };
    const char *t = tdec_val_name(types, m & 0170000);
    if (t)
        tl_printf(l, "%s|0%03o", t, m & 07777);
    else
        tl_printf(l, "0%03o", m);
}

void fbt_stat_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_stat st;
    (void)p;
    OUT_GUARD(c, l, v);
    if (!trace_read_struct(l, v, &st, sizeof st))
        return;
    tl_puts(l, "{st_mode=");
    mode_str(l, st.st_mode);
    if ((st.st_mode & 0170000) == 0020000 || (st.st_mode & 0170000) == 0060000)
        tl_printf(l, ", st_rdev=%#llx, ...}", (unsigned long long)st.st_rdev);
    else
        tl_printf(l, ", st_size=%lld, ...}", (long long)st.st_size);
}

void fbt_statfs_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_statfs f;
    (void)p;
    OUT_GUARD(c, l, v);
    if (!trace_read_struct(l, v, &f, sizeof f))
        return;
    tl_puts(l, "{f_fstypename=");
    tl_quoted(l, f.f_fstypename, strnlen(f.f_fstypename, sizeof f.f_fstypename), 1);
    tl_printf(l, ", f_bsize=%llu, f_blocks=%llu, f_bfree=%llu, f_bavail=%lld, f_files=%llu, "
                 "f_ffree=%lld, f_flags=",
              (unsigned long long)f.f_bsize, (unsigned long long)f.f_blocks,
              (unsigned long long)f.f_bfree, (long long)f.f_bavail,
              (unsigned long long)f.f_files, (long long)f.f_ffree);
    fbt_flags(l, fbsd_mnt_flags, f.f_flags);
    tl_puts(l, ", f_mntonname=");
    tl_quoted(l, f.f_mntonname, strnlen(f.f_mntonname, sizeof f.f_mntonname), 1);
    tl_puts(l, ", ...}");
}

/* futimens/utimensat: FreeBSD's UTIME_NOW is -1, UTIME_OMIT -2. */
void fbt_timespec2(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_timespec t[2];
    (void)c, (void)p;
    if (!trace_read_struct(l, v, t, sizeof t))
        return;
    tl_putc(l, '[');
    for (int i = 0; i < 2; i++) {
        tl_puts(l, i ? ", " : "");
        if (t[i].tv_nsec == -1)
            tl_puts(l, "UTIME_NOW");
        else if (t[i].tv_nsec == -2)
            tl_puts(l, "UTIME_OMIT");
        else
            tdec_timespec(l, t[i].tv_sec, t[i].tv_nsec);
    }
    tl_putc(l, ']');
}

static void rlim_value(struct tline *l, int64_t x)
{
    if ((uint64_t)x == FBSD_RLIM_INFINITY)
        tl_puts(l, "RLIM_INFINITY");
    else if (x > 0 && x % 1024 == 0)
        tl_printf(l, "%lld*1024", (long long)(x / 1024));
    else
        tl_printf(l, "%lld", (long long)x);
}

static void rlimit_at(struct tline *l, uint64_t v)
{
    struct fbsd_rlimit r;
    if (!trace_read_struct(l, v, &r, sizeof r))
        return;
    tl_puts(l, "{rlim_cur=");
    rlim_value(l, r.rlim_cur);
    tl_puts(l, ", rlim_max=");
    rlim_value(l, r.rlim_max);
    tl_putc(l, '}');
}

void fbt_rlimit_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    rlimit_at(l, v);
}

void fbt_rlimit_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    OUT_GUARD(c, l, v);
    rlimit_at(l, v);
}

/* ---- sockets: sa_len and sa_family bytes, then the common layouts ---- */

static void sockaddr_at(struct tline *l, uint64_t v, long len)
{
    uint8_t sa[256];
    if (!v || len < 2) {
        trace_put_ptr(l, v);
        return;
    }
    size_t n = (size_t)len < sizeof sa ? (size_t)len : sizeof sa;
    if (trace_peek(sa, v, n) != n) {
        trace_put_ptr(l, v);
        return;
    }
    char fam[32];
    fbsd_val_format(fbsd_socket_domains, sa[1], fam, sizeof fam);
    if (sa[1] == FBSD_AF_INET)
        tdec_sockaddr_in(l, fam, sa, n);
    else if (sa[1] == FBSD_AF_INET6)
        tdec_sockaddr_in6(l, fam, sa, n);
    else if (sa[1] == FBSD_AF_UNIX)
        tdec_sockaddr_un(l, fam, (const char *)sa + 2, n - 2);
    else
        tl_printf(l, "{sa_len=%u, sa_family=%s, ...}", sa[0], fam);
}

void fbt_sockaddr_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    sockaddr_at(l, v, (long)(uint32_t)c->args[p]);
}

void fbt_sockaddr_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    uint32_t len;
    OUT_GUARD(c, l, v);
    if (!c->args[p] || trace_peek(&len, c->args[p], 4) != 4) {
        trace_put_ptr(l, v);
        return;
    }
    sockaddr_at(l, v, (long)len);
}

static void msghdr_at(struct tline *l, const struct tctx *c, uint64_t v, int out)
{
    struct fbsd_msghdr m;
    if (!trace_read_struct(l, v, &m, sizeof m))
        return;
    tl_puts(l, "{msg_name=");
    if (out && !c->done)
        trace_put_ptr(l, m.msg_name);
    else
        sockaddr_at(l, m.msg_name, m.msg_namelen);
    tl_printf(l, ", msg_namelen=%u, msg_iov=", m.msg_namelen);
    tdec_iovec(l, c, m.msg_iov, m.msg_iovlen, out);
    tl_printf(l, ", msg_iovlen=%d, msg_control=", m.msg_iovlen);
    trace_put_ptr(l, m.msg_control);
    tl_printf(l, ", msg_controllen=%u, msg_flags=", m.msg_controllen);
    fbt_flags(l, fbsd_msg_flags, (uint32_t)m.msg_flags);
    tl_putc(l, '}');
}

void fbt_msghdr_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    msghdr_at(l, c, v, 0);
}

void fbt_msghdr_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    msghdr_at(l, c, v, 1);
}

/* ---- polling and events ---- */

void fbt_pollfds(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    long n = (long)(unsigned)c->args[p];
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < n && i < 32; i++) {
        struct fbsd_pollfd pf;
        if (trace_peek(&pf, v + (uint64_t)i * sizeof pf, sizeof pf) != sizeof pf)
            break;
        tl_printf(l, "%s{fd=%d, events=", i ? ", " : "", pf.fd);
        fbt_flags(l, fbsd_poll_events, (uint16_t)pf.events);
        if (c->done && pf.revents) {
            tl_puts(l, ", revents=");
            fbt_flags(l, fbsd_poll_events, (uint16_t)pf.revents);
        }
        tl_putc(l, '}');
    }
    tl_puts(l, n > 32 ? ", ...]" : "]");
}

/* [{ident=3, filter=EVFILT_READ, flags=EV_ADD|EV_ENABLE, fflags=0, data=0, udata=NULL}] */
static void kevents_at(struct tline *l, uint64_t v, long n)
{
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < n && i < 32; i++) {
        struct fbsd_kevent k;
        if (trace_peek(&k, v + (uint64_t)i * sizeof k, sizeof k) != sizeof k)
            break;
        tl_printf(l, "%s{ident=%llu, filter=", i ? ", " : "", (unsigned long long)k.ident);
        fbt_value(l, fbsd_kevent_filters, k.filter);
        tl_puts(l, ", flags=");
        fbt_flags(l, fbsd_kevent_flags, k.flags);
        const struct fbsd_flagmap *ff = fbsd_kevent_fflags_table(k.filter);
        tl_puts(l, ", fflags=");
        if (ff)
            fbt_flags(l, ff, k.fflags);
        else
            tl_printf(l, "%#x", k.fflags);
        tl_printf(l, ", data=%lld, udata=", (long long)k.data);
        trace_put_ptr(l, k.udata);
        tl_putc(l, '}');
    }
    tl_puts(l, n > 32 ? ", ...]" : "]");
}

void fbt_kevent_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    kevents_at(l, v, (long)(int)c->args[p]);
}

void fbt_kevent_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    OUT_GUARD(c, l, v);
    kevents_at(l, v, c->ret);
}

/* ---- threads and scheduling ---- */

void fbt_thr_param(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_thr_param t;
    static const struct fbsd_flagmap thr_flags[] = {
        { FBSD_THR_SUSPENDED, 0, "THR_SUSPENDED" },
        { FBSD_THR_SYSTEM_SCOPE, 0, "THR_SYSTEM_SCOPE" },
        { 0, 0, NULL },
    };
    (void)c, (void)p;
    if (!trace_read_struct(l, v, &t, sizeof t))
        return;
    tl_printf(l, "{start_func=%#llx, arg=%#llx, stack_base=%#llx, stack_size=%llu, "
                 "tls_base=%#llx, tls_size=%llu, child_tid=%#llx, parent_tid=%#llx, flags=",
              (unsigned long long)t.start_func, (unsigned long long)t.arg,
              (unsigned long long)t.stack_base, (unsigned long long)t.stack_size,
              (unsigned long long)t.tls_base, (unsigned long long)t.tls_size,
              (unsigned long long)t.child_tid, (unsigned long long)t.parent_tid);
    fbt_flags(l, thr_flags, (uint32_t)t.flags);
    tl_puts(l, ", rtp=");
    trace_put_ptr(l, t.rtp);
    tl_putc(l, '}');
}

/* struct rtprio: written by RTP_LOOKUP, read by RTP_SET. */
void fbt_rtprio(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    static const struct tval types[] = {
        { 1, "RTP_PRIO_ITHD" }, { 2, "RTP_PRIO_REALTIME" }, { 3, "RTP_PRIO_NORMAL" },
        { 4, "RTP_PRIO_IDLE" }, { 10, "RTP_PRIO_FIFO" }, { 0, NULL },
    };
    uint16_t r[2];
    (void)p;
    OUT_GUARD(c, l, v);
    if (!trace_read_struct(l, v, r, sizeof r))
        return;
    tl_puts(l, "{type=");
    tdec_val(l, types, r[0]);
    tl_printf(l, ", prio=%u}", r[1]);
}
