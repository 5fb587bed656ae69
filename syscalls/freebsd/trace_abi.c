/* trace_abi.c — how FreeBSD arguments look in a trace: flag words and
 * values through the tables of abi/freebsd, structures read from guest
 * memory and shown with FreeBSD field names. */
#include <string.h>

#include "fbsd.h"
#include "fbsd_trace.h"

#define FLAGS_DECODER(fn, table) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        char b[512]; \
        (void)c, (void)p; \
        fbsd_flags_format(table, v, b, sizeof b); \
        tl_puts(l, b); \
    }

#define VALUE_DECODER(fn, table) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        char b[128]; \
        (void)c, (void)p; \
        fbsd_val_format(table, (int64_t)(int)v, b, sizeof b); \
        tl_puts(l, b); \
    }

FLAGS_DECODER(d_atflags, fbsd_at_flags)
FLAGS_DECODER(d_mmapprot, fbsd_mmap_prot)
FLAGS_DECODER(d_access, fbsd_access_modes)
FLAGS_DECODER(d_waitopts, fbsd_wait_options)
FLAGS_DECODER(d_msgflags, fbsd_msg_flags)
VALUE_DECODER(d_madvice, fbsd_madvise_advice)
VALUE_DECODER(d_fcntl, fbsd_fcntl_cmds)
VALUE_DECODER(d_clockid, fbsd_clock_ids)
VALUE_DECODER(d_rlimit, fbsd_rlimit_resources)
VALUE_DECODER(d_sighow, fbsd_sigprocmask_hows)
VALUE_DECODER(d_domain, fbsd_socket_domains)
VALUE_DECODER(d_level, fbsd_sockopt_levels)
VALUE_DECODER(d_shut, fbsd_shutdown_hows)
VALUE_DECODER(d_ioctl, fbsd_ioctl_cmds)
VALUE_DECODER(d_idtype, fbsd_idtypes)

static void d_oflags(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    char b[512];
    (void)c, (void)p;
    fbsd_open_flags_format(v, b, sizeof b);
    tl_puts(l, b);
}

static void d_mmapflags(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    char b[512];
    (void)c, (void)p;
    fbsd_mmap_flags_format(v, b, sizeof b);
    tl_puts(l, b);
}

static void d_signo(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    char b[32];
    (void)c, (void)p;
    if ((int)v == 0) {
        tl_puts(l, "0");
        return;
    }
    fbsd_sig_format((int)v, b, sizeof b);
    tl_puts(l, b);
}

static void d_whence(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    static const char *const names[] = { "SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA",
                                         "SEEK_HOLE" };
    (void)c, (void)p;
    if (v < 5)
        tl_puts(l, names[v]);
    else
        tl_printf(l, "%d", (int)v);
}

static void mode_str(struct tline *l, uint32_t m)
{
    static const struct { uint32_t bits; const char *name; } types[] = {
        { 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
        { 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
        { 0010000, "S_IFIFO" }, { 0160000, "S_IFWHT" },
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if ((m & 0170000) == types[i].bits) {
            tl_printf(l, "%s|0%o", types[i].name, m & 07777);
            return;
        }
    tl_printf(l, "0%o", m);
}

static void d_stat(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_stat st;
    (void)p;
    if (!c->done || trace_peek(&st, v, sizeof st) != sizeof st) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    tl_puts(l, "{st_mode=");
    mode_str(l, st.st_mode);
    tl_printf(l, ", st_size=%lld, ...}", (long long)st.st_size);
}

static void d_timespec(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    struct fbsd_timespec ts;
    (void)p, (void)c;
    if (!v) {
        tl_puts(l, "NULL");
        return;
    }
    if (trace_peek(&ts, v, sizeof ts) != sizeof ts) {
        tl_printf(l, "0x%llx", (unsigned long long)v);
        return;
    }
    tl_printf(l, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts.tv_sec, (long long)ts.tv_nsec);
}

static void d_timespec_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    if (c->done)
        d_timespec(l, c, v, p);
    else
        tl_printf(l, "0x%llx", (unsigned long long)v);
}

static void d_pipefds(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int fds[2];
    (void)p;
    if (c->done && trace_peek(fds, v, sizeof fds) == sizeof fds)
        tl_printf(l, "[%d, %d]", fds[0], fds[1]);
    else
        tl_printf(l, "0x%llx", (unsigned long long)v);
}

const struct trace_abi fbsd_trace_abi = {
    .name = "freebsd",
    .decode = {
        [K_OFLAGS] = d_oflags, [K_ATFLAGS] = d_atflags, [K_MMAPPROT] = d_mmapprot,
        [K_MMAPFLAGS] = d_mmapflags, [K_MADVICE] = d_madvice, [K_FCNTLCMD] = d_fcntl,
        [K_WHENCE] = d_whence, [K_ACCESSMODE] = d_access, [K_CLOCKID] = d_clockid,
        [K_SIGNO] = d_signo, [K_SIGHOW] = d_sighow, [K_STATOUT] = d_stat,
        [K_TIMESPECIN] = d_timespec, [K_TIMESPECOUT] = d_timespec_out,
        [K_RLIMITRES] = d_rlimit, [K_WAITOPTS] = d_waitopts, [K_SOCKDOMAIN] = d_domain,
        [K_SOCKLEVEL] = d_level, [K_MSGFLAGS] = d_msgflags, [K_SHUTHOW] = d_shut,
        [K_IOCTLCMD] = d_ioctl, [K_IDTYPE] = d_idtype, [K_PIPEFDS] = d_pipefds,
    },
    .signame = fbsd_sig_name,
};
