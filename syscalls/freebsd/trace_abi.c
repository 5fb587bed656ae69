/* trace_abi.c — how FreeBSD arguments look in a trace: flag words and
 * values through the tables of abi/freebsd (the data that drives
 * translation), FreeBSD-only operations (_umtx_op, sysarch, sysctl MIBs
 * by name), and the trace_abi that gathers every decoder; structures are
 * in trace_abi_struct.c. */
#include <stdio.h>
#include <string.h>

#include "fbsd.h"
#include "fbsd_trace.h"

#define FLAGS_DECODER(fn, table) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        (void)c, (void)p; \
        fbt_flags(l, table, v); \
    }

#define VALUE_DECODER(fn, table) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        (void)c, (void)p; \
        fbt_value(l, table, (int)v); \
    }

void fbt_flags(struct tline *l, const struct fbsd_flagmap *t, uint64_t v)
{
    char b[512];
    fbsd_flags_format(t, v, b, sizeof b);
    tl_puts(l, b);
}

void fbt_value(struct tline *l, const struct fbsd_valmap *t, int64_t v)
{
    char b[128];
    fbsd_val_format(t, v, b, sizeof b);
    tl_puts(l, b);
}

void fbt_signal(struct tline *l, int sig)
{
    char b[32];
    if (sig == 0) {
        tl_puts(l, "0");
        return;
    }
    fbsd_sig_format(sig, b, sizeof b);
    tl_puts(l, b);
}

FLAGS_DECODER(d_atflags, fbsd_at_flags)
FLAGS_DECODER(d_mmapprot, fbsd_mmap_prot)
FLAGS_DECODER(d_msync, fbsd_msync_flags)
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
VALUE_DECODER(d_idtype, fbsd_idtypes)

/* With a path before them they are open's flags (O_RDONLY included);
 * alone (pipe2) only the flag bits. */
static void d_oflags(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    char b[512];
    int opens = 0;
    (void)p;
    for (int i = 0; i < c->idx; i++)
        opens |= KIND_OF(c->kinds[i]) == K_PATH || KIND_OF(c->kinds[i]) == K_STR;
    if (opens)
        fbsd_open_flags_format(v, b, sizeof b);
    else if (v)
        fbsd_flags_format(fbsd_open_flags, v, b, sizeof b);
    else
        snprintf(b, sizeof b, "0");
    tl_puts(l, b);
}

/* Arguments left out: open's mode without O_CREAT (0x200), fcntl's for
 * F_GETFD (1), F_GETFL (3), F_GETOWN (5). */
static int args_after(int kind, uint64_t v)
{
    if (kind == K_OFLAGS)
        return v & 0x0200 ? -1 : 0;
    if (kind == K_FCNTLCMD)
        return v == 1 || v == 3 || v == 5 ? 0 : -1;
    return -1;
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
    (void)c, (void)p;
    fbt_signal(l, (int)v);
}

/* Requests FreeBSD encodes with _IOC: unknown ones in hex. */
static void d_ioctl(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    const char *n = fbsd_val_name(fbsd_ioctl_cmds, (int64_t)(uint32_t)v);
    (void)c, (void)p;
    if (!n)
        n = fbsd_val_name(fbsd_ioctl_cmds, (int64_t)(int32_t)v);
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%#x", (unsigned)v);
}

static void d_socktype(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    uint64_t type = v & ~(uint64_t)(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);
    (void)c, (void)p;
    fbt_value(l, fbsd_socket_types, (int)type);
    if (v & (FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK)) {
        tl_putc(l, '|');
        fbt_flags(l, fbsd_socket_type_flags, v & (FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK));
    }
}

/* The option's meaning depends on the level, the argument before it. */
static void d_sockopt(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    const char *n = c->idx > 0 ? fbsd_sockopt_name((int)c->args[c->idx - 1], (int)v) : NULL;
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%d", (int)v);
}

/* ---- FreeBSD-only operations (sys/sys/umtx.h, x86/include/sysarch.h) ---- */

static const char *const umtx_ops[] = {
    "UMTX_OP_RESERVED0", "UMTX_OP_RESERVED1", "UMTX_OP_WAIT", "UMTX_OP_WAKE",
    "UMTX_OP_MUTEX_TRYLOCK", "UMTX_OP_MUTEX_LOCK", "UMTX_OP_MUTEX_UNLOCK",
    "UMTX_OP_SET_CEILING", "UMTX_OP_CV_WAIT", "UMTX_OP_CV_SIGNAL", "UMTX_OP_CV_BROADCAST",
    "UMTX_OP_WAIT_UINT", "UMTX_OP_RW_RDLOCK", "UMTX_OP_RW_WRLOCK", "UMTX_OP_RW_UNLOCK",
    "UMTX_OP_WAIT_UINT_PRIVATE", "UMTX_OP_WAKE_PRIVATE", "UMTX_OP_MUTEX_WAIT",
    "UMTX_OP_MUTEX_WAKE", "UMTX_OP_SEM_WAIT", "UMTX_OP_SEM_WAKE", "UMTX_OP_NWAKE_PRIVATE",
    "UMTX_OP_MUTEX_WAKE2", "UMTX_OP_SEM2_WAIT", "UMTX_OP_SEM2_WAKE", "UMTX_OP_SHM",
    "UMTX_OP_ROBUST_LISTS", "UMTX_OP_GET_MIN_TIMEOUT", "UMTX_OP_SET_MIN_TIMEOUT",
};

static void d_umtxop(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    if (v < sizeof umtx_ops / sizeof umtx_ops[0])
        tl_puts(l, umtx_ops[v]);
    else
        tl_printf(l, "%d", (int)v);
}

static const struct tval sysarch_ops[] = {
    { 0, "I386_GET_LDT" }, { 1, "I386_SET_LDT" }, { 3, "I386_GET_IOPERM" },
    { 4, "I386_SET_IOPERM" }, { 7, "I386_GET_FSBASE" }, { 8, "I386_SET_FSBASE" },
    { 9, "I386_GET_GSBASE" }, { 10, "I386_SET_GSBASE" }, { 11, "I386_GET_XFPUSTATE" },
    { 128, "AMD64_GET_FSBASE" }, { 129, "AMD64_SET_FSBASE" }, { 130, "AMD64_GET_GSBASE" },
    { 131, "AMD64_SET_GSBASE" }, { 132, "AMD64_GET_XFPUSTATE" }, { 133, "AMD64_SET_PKRU" },
    { 134, "AMD64_CLEAR_PKRU" }, { 135, "AMD64_GET_TLSBASE" }, { 136, "AMD64_SET_TLSBASE" },
    { 137, "AMD64_DISABLE_TLSBASE" }, { 0, NULL },
};

static void d_sysarch(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_val(l, sysarch_ops, (int)v);
}

/* ---- sysctl MIBs by name (sys/sys/sysctl.h) ---- */

struct mibname {
    int mib[3];
    int len;
    const char *name;
};

static const struct mibname mibs[] = {
    { { 0, 1 }, 2, "sysctl.name" }, { { 0, 2 }, 2, "sysctl.next" },
    { { 0, 3 }, 2, "sysctl.name2oid" }, { { 0, 4 }, 2, "sysctl.oidfmt" },
    { { 0, 5 }, 2, "sysctl.oiddescr" }, { { 0, 6 }, 2, "sysctl.oidlabel" },
    { { 1, 1 }, 2, "kern.ostype" }, { { 1, 2 }, 2, "kern.osrelease" },
    { { 1, 3 }, 2, "kern.osrevision" }, { { 1, 4 }, 2, "kern.version" },
    { { 1, 5 }, 2, "kern.maxvnodes" }, { { 1, 6 }, 2, "kern.maxproc" },
    { { 1, 7 }, 2, "kern.maxfiles" }, { { 1, 8 }, 2, "kern.argmax" },
    { { 1, 9 }, 2, "kern.securelevel" }, { { 1, 10 }, 2, "kern.hostname" },
    { { 1, 11 }, 2, "kern.hostid" }, { { 1, 12 }, 2, "kern.clockrate" },
    { { 1, 14, 1 }, 3, "kern.proc.pid" }, { { 1, 14, 7 }, 3, "kern.proc.args" },
    { { 1, 14, 12 }, 3, "kern.proc.pathname" }, { { 1, 14 }, 2, "kern.proc" },
    { { 1, 18 }, 2, "kern.ngroups" }, { { 1, 21 }, 2, "kern.boottime" },
    { { 1, 24 }, 2, "kern.osreldate" }, { { 1, 27 }, 2, "kern.maxfilesperproc" },
    { { 1, 32 }, 2, "kern.ps_strings" }, { { 1, 33 }, 2, "kern.usrstack" },
    { { 1, 35 }, 2, "kern.iov_max" }, { { 1, 36 }, 2, "kern.hostuuid" },
    { { 1, 37 }, 2, "kern.arandom" }, { { 6, 1 }, 2, "hw.machine" },
    { { 6, 2 }, 2, "hw.model" }, { { 6, 3 }, 2, "hw.ncpu" }, { { 6, 4 }, 2, "hw.byteorder" },
    { { 6, 5 }, 2, "hw.physmem" }, { { 6, 6 }, 2, "hw.usermem" },
    { { 6, 7 }, 2, "hw.pagesize" }, { { 6, 10 }, 2, "hw.floatingpoint" },
    { { 6, 11 }, 2, "hw.machine_arch" }, { { 6, 12 }, 2, "hw.realmem" },
    { { 8, 1 }, 2, "user.cs_path" }, { { 1 }, 1, "kern" }, { { 2 }, 1, "vm" },
    { { 3 }, 1, "vfs" }, { { 4 }, 1, "net" }, { { 5 }, 1, "debug" }, { { 6 }, 1, "hw" },
    { { 7 }, 1, "machdep" }, { { 8 }, 1, "user" }, { { 9 }, 1, "p1003_1b" },
};

/* The longest known name that prefixes MIB (N components), or NULL. */
const char *fbt_mib_name(const int *mib, int n, int *used)
{
    for (size_t i = 0; i < sizeof mibs / sizeof mibs[0]; i++) {
        const struct mibname *m = &mibs[i];
        if (m->len <= n && !memcmp(m->mib, mib, (size_t)m->len * sizeof(int))) {
            *used = m->len;
            return m->name;
        }
    }
    return NULL;
}

/* [kern.ostype], [kern.proc.pathname, -1], or numbers when unknown. */
static void d_sysctlmib(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    int mib[24], used = 0;
    int n = (int)c->args[p];
    if (n < 0 || n > 24 || trace_peek(mib, v, (size_t)n * sizeof(int)) != (size_t)n * sizeof(int)) {
        trace_put_ptr(l, v);
        return;
    }
    const char *name = fbt_mib_name(mib, n, &used);
    tl_putc(l, '[');
    if (name)
        tl_puts(l, name);
    for (int i = used; i < n; i++)
        tl_printf(l, i ? ", %d" : "%d", mib[i]);
    tl_putc(l, ']');
}

const struct trace_abi fbsd_trace_abi = {
    .name = "freebsd",
    .decode = {
        [K_OFLAGS] = d_oflags, [K_ATFLAGS] = d_atflags, [K_MMAPPROT] = d_mmapprot,
        [K_MMAPFLAGS] = d_mmapflags, [K_MADVICE] = d_madvice, [K_MSYNCFLAGS] = d_msync,
        [K_FCNTLCMD] = d_fcntl, [K_ACCESSMODE] = d_access, [K_CLOCKID] = d_clockid,
        [K_SIGNO] = d_signo, [K_SIGHOW] = d_sighow, [K_SIGSETIN] = fbt_sigset_in,
        [K_SIGSETOUT] = fbt_sigset_out, [K_SIGACTIN] = fbt_sigact_in,
        [K_SIGACTOUT] = fbt_sigact_out, [K_SIGINFOOUT] = fbt_siginfo_out,
        [K_STACKIN] = fbt_stack_in, [K_STACKOUT] = fbt_stack_out, [K_STATOUT] = fbt_stat_out,
        [K_STATFSOUT] = fbt_statfs_out, [K_TIMESPEC2IN] = fbt_timespec2,
        [K_RLIMITRES] = d_rlimit, [K_RLIMITIN] = fbt_rlimit_in, [K_RLIMITOUT] = fbt_rlimit_out,
        [K_WAITOPTS] = d_waitopts, [K_IDTYPE] = d_idtype, [K_SOCKDOMAIN] = d_domain,
        [K_SOCKTYPE] = d_socktype, [K_SOCKLEVEL] = d_level, [K_SOCKOPT] = d_sockopt,
        [K_SOCKADDRIN] = fbt_sockaddr_in, [K_SOCKADDROUT] = fbt_sockaddr_out,
        [K_MSGFLAGS] = d_msgflags, [K_MSGHDRIN] = fbt_msghdr_in, [K_MSGHDROUT] = fbt_msghdr_out,
        [K_POLLFDS] = fbt_pollfds, [K_KEVENTIN] = fbt_kevent_in, [K_KEVENTOUT] = fbt_kevent_out,
        [K_IOCTLCMD] = d_ioctl, [K_UMTXOP] = d_umtxop, [K_SYSARCHOP] = d_sysarch,
        [K_SYSCTLMIB] = d_sysctlmib, [K_THRPARAM] = fbt_thr_param, [K_RTPRIO] = fbt_rtprio,
    },
    .signame = fbsd_sig_name,
    .args_after = args_after,
};
