/* ldecode_flags.c — Linux flag words and values as strace names them
 * (open, at, mmap, madvise, fcntl, access, clocks, signals, wait, futex,
 * clone, prctl, arch_prctl, epoll, statx, rename, ioctl …), and the Linux
 * trace_abi that puts every decoder together. Numbers are the kernel's
 * x86-64 uapi values. */
#include <fcntl.h>
#include <string.h>

#include "ldecode.h"

#define FLAG(v, name) { (v), (v), name }
#define END { 0, 0, NULL }
#define VALUE_DECODER(fn, table) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        (void)c, (void)p; \
        tdec_val(l, table, (int)v); \
    }
#define FLAGS_DECODER(fn, table, zero) \
    static void fn(struct tline *l, const struct tctx *c, uint64_t v, int p) \
    { \
        (void)c, (void)p; \
        tdec_flags(l, table, v, zero); \
    }

static const struct tflag open_flags[] = {
    { 3, 0, "O_RDONLY" }, { 3, 1, "O_WRONLY" }, { 3, 2, "O_RDWR" },
    FLAG(0100, "O_CREAT"), FLAG(0200, "O_EXCL"), FLAG(0400, "O_NOCTTY"), FLAG(01000, "O_TRUNC"),
    FLAG(02000, "O_APPEND"), FLAG(04000, "O_NONBLOCK"), FLAG(04010000, "O_SYNC"),
    FLAG(010000, "O_DSYNC"), FLAG(020000, "O_ASYNC"), FLAG(040000, "O_DIRECT"),
    FLAG(0100000, "O_LARGEFILE"), FLAG(020200000, "O_TMPFILE"), FLAG(0200000, "O_DIRECTORY"),
    FLAG(0400000, "O_NOFOLLOW"), FLAG(01000000, "O_NOATIME"), FLAG(02000000, "O_CLOEXEC"),
    FLAG(010000000, "O_PATH"), END,
};

void ld_oflags(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_flags(l, open_flags, (uint32_t)v, NULL);
}

/* Arguments strace leaves out: open's mode without O_CREAT/O_TMPFILE,
 * fcntl's for the F_GET* commands, futex's beyond what the operation uses. */
int ld_args_after(int kind, uint64_t v)
{
    static const int8_t futex_args[] = { 2, 1, 1, 3, 4, 4, 1, 0, 0, 4, 4, 4, 4, 1 };
    switch (kind) {
    case K_OFLAGS:
        return (v & 0100) || (v & 020200000) == 020200000 ? -1 : 0;
    case K_FCNTLCMD:
        return v == 1 || v == 3 || v == 9 || v == 11 || v == 1025 || v == 1032 || v == 1034 ? 0 : -1;
    case K_FUTEXOP:
        return (v & 0x7f) < sizeof futex_args ? futex_args[v & 0x7f] : -1;
    default:
        return -1;
    }
}

static const struct tflag fd_flags[] = {
    FLAG(02000000, "O_CLOEXEC"), FLAG(04000, "O_NONBLOCK"), END,
};
static const struct tflag at_flags[] = {
    FLAG(0x100, "AT_SYMLINK_NOFOLLOW"), FLAG(0x200, "AT_REMOVEDIR"),
    FLAG(0x400, "AT_SYMLINK_FOLLOW"), FLAG(0x800, "AT_NO_AUTOMOUNT"),
    FLAG(0x1000, "AT_EMPTY_PATH"), FLAG(0x2000, "AT_STATX_FORCE_SYNC"),
    FLAG(0x4000, "AT_STATX_DONT_SYNC"), FLAG(0x8000, "AT_RECURSIVE"), END,
};
static const struct tflag mmap_prot[] = {
    FLAG(1, "PROT_READ"), FLAG(2, "PROT_WRITE"), FLAG(4, "PROT_EXEC"), FLAG(8, "PROT_SEM"),
    FLAG(0x01000000, "PROT_GROWSDOWN"), FLAG(0x02000000, "PROT_GROWSUP"), END,
};
static const struct tflag mmap_flags[] = {
    { 3, 1, "MAP_SHARED" }, { 3, 2, "MAP_PRIVATE" }, { 3, 3, "MAP_SHARED_VALIDATE" },
    FLAG(0x10, "MAP_FIXED"), FLAG(0x20, "MAP_ANONYMOUS"), FLAG(0x40, "MAP_32BIT"),
    FLAG(0x100, "MAP_GROWSDOWN"), FLAG(0x800, "MAP_DENYWRITE"), FLAG(0x1000, "MAP_EXECUTABLE"),
    FLAG(0x2000, "MAP_LOCKED"), FLAG(0x4000, "MAP_NORESERVE"), FLAG(0x8000, "MAP_POPULATE"),
    FLAG(0x10000, "MAP_NONBLOCK"), FLAG(0x20000, "MAP_STACK"), FLAG(0x40000, "MAP_HUGETLB"),
    FLAG(0x80000, "MAP_SYNC"), FLAG(0x100000, "MAP_FIXED_NOREPLACE"),
    FLAG(0x4000000, "MAP_UNINITIALIZED"), END,
};
static const struct tflag msync_flags[] = {
    FLAG(1, "MS_ASYNC"), FLAG(2, "MS_INVALIDATE"), FLAG(4, "MS_SYNC"), END,
};
static const struct tflag access_modes[] = {
    FLAG(4, "R_OK"), FLAG(2, "W_OK"), FLAG(1, "X_OK"), END,
};
static const struct tflag wait_opts[] = {
    FLAG(1, "WNOHANG"), FLAG(2, "WSTOPPED"), FLAG(4, "WEXITED"), FLAG(8, "WCONTINUED"),
    FLAG(0x1000000, "WNOWAIT"), FLAG(0x20000000, "__WNOTHREAD"), FLAG(0x40000000, "__WALL"),
    FLAG(0x80000000, "__WCLONE"), END,
};
static const struct tflag msg_flags[] = {
    FLAG(1, "MSG_OOB"), FLAG(2, "MSG_PEEK"), FLAG(4, "MSG_DONTROUTE"), FLAG(8, "MSG_CTRUNC"),
    FLAG(0x10, "MSG_PROXY"), FLAG(0x20, "MSG_TRUNC"), FLAG(0x40, "MSG_DONTWAIT"),
    FLAG(0x80, "MSG_EOR"), FLAG(0x100, "MSG_WAITALL"), FLAG(0x200, "MSG_FIN"),
    FLAG(0x400, "MSG_SYN"), FLAG(0x800, "MSG_CONFIRM"), FLAG(0x1000, "MSG_RST"),
    FLAG(0x2000, "MSG_ERRQUEUE"), FLAG(0x4000, "MSG_NOSIGNAL"), FLAG(0x8000, "MSG_MORE"),
    FLAG(0x10000, "MSG_WAITFORONE"), FLAG(0x40000, "MSG_BATCH"), FLAG(0x4000000, "MSG_ZEROCOPY"),
    FLAG(0x20000000, "MSG_FASTOPEN"), FLAG(0x40000000, "MSG_CMSG_CLOEXEC"), END,
};
static const struct tflag clone_flags[] = {
    FLAG(0x100, "CLONE_VM"), FLAG(0x200, "CLONE_FS"), FLAG(0x400, "CLONE_FILES"),
    FLAG(0x800, "CLONE_SIGHAND"), FLAG(0x1000, "CLONE_PIDFD"), FLAG(0x2000, "CLONE_PTRACE"),
    FLAG(0x4000, "CLONE_VFORK"), FLAG(0x8000, "CLONE_PARENT"), FLAG(0x10000, "CLONE_THREAD"),
    FLAG(0x20000, "CLONE_NEWNS"), FLAG(0x40000, "CLONE_SYSVSEM"), FLAG(0x80000, "CLONE_SETTLS"),
    FLAG(0x100000, "CLONE_PARENT_SETTID"), FLAG(0x200000, "CLONE_CHILD_CLEARTID"),
    FLAG(0x400000, "CLONE_DETACHED"), FLAG(0x800000, "CLONE_UNTRACED"),
    FLAG(0x1000000, "CLONE_CHILD_SETTID"), FLAG(0x2000000, "CLONE_NEWCGROUP"),
    FLAG(0x4000000, "CLONE_NEWUTS"), FLAG(0x8000000, "CLONE_NEWIPC"),
    FLAG(0x10000000, "CLONE_NEWUSER"), FLAG(0x20000000, "CLONE_NEWPID"),
    FLAG(0x40000000, "CLONE_NEWNET"), FLAG(0x80000000, "CLONE_IO"), END,
};
static const struct tflag statx_mask[] = {
    FLAG(0xfff, "STATX_ALL"), FLAG(0x7ff, "STATX_BASIC_STATS"), FLAG(1, "STATX_TYPE"),
    FLAG(2, "STATX_MODE"), FLAG(4, "STATX_NLINK"), FLAG(8, "STATX_UID"), FLAG(0x10, "STATX_GID"),
    FLAG(0x20, "STATX_ATIME"), FLAG(0x40, "STATX_MTIME"), FLAG(0x80, "STATX_CTIME"),
    FLAG(0x100, "STATX_INO"), FLAG(0x200, "STATX_SIZE"), FLAG(0x400, "STATX_BLOCKS"),
    FLAG(0x800, "STATX_BTIME"), FLAG(0x1000, "STATX_MNT_ID"), FLAG(0x2000, "STATX_DIOALIGN"),
    END,
};
static const struct tflag rename_flags[] = {
    FLAG(1, "RENAME_NOREPLACE"), FLAG(2, "RENAME_EXCHANGE"), FLAG(4, "RENAME_WHITEOUT"), END,
};
static const struct tflag mremap_flags[] = {
    FLAG(1, "MREMAP_MAYMOVE"), FLAG(2, "MREMAP_FIXED"), FLAG(4, "MREMAP_DONTUNMAP"), END,
};
const struct tflag ld_poll_events[] = {
    FLAG(1, "POLLIN"), FLAG(2, "POLLPRI"), FLAG(4, "POLLOUT"), FLAG(8, "POLLERR"),
    FLAG(0x10, "POLLHUP"), FLAG(0x20, "POLLNVAL"), FLAG(0x40, "POLLRDNORM"),
    FLAG(0x80, "POLLRDBAND"), FLAG(0x100, "POLLWRNORM"), FLAG(0x200, "POLLWRBAND"),
    FLAG(0x400, "POLLMSG"), FLAG(0x1000, "POLLREMOVE"), FLAG(0x2000, "POLLRDHUP"), END,
};

FLAGS_DECODER(d_fdflags, fd_flags, NULL)
FLAGS_DECODER(d_atflags, at_flags, NULL)
FLAGS_DECODER(d_prot, mmap_prot, "PROT_NONE")
FLAGS_DECODER(d_mmapflags, mmap_flags, NULL)
FLAGS_DECODER(d_msync, msync_flags, NULL)
FLAGS_DECODER(d_access, access_modes, "F_OK")
FLAGS_DECODER(d_waitopts, wait_opts, NULL)
FLAGS_DECODER(d_msgflags, msg_flags, NULL)
FLAGS_DECODER(d_statxmask, statx_mask, NULL)
FLAGS_DECODER(d_renameflags, rename_flags, NULL)
FLAGS_DECODER(d_mremapflags, mremap_flags, NULL)

/* clone's low byte is the signal sent to the parent when the child exits. */
static void d_cloneflags(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    if (!(v & ~0xffull)) {
        ld_signo(l, c, v & 0xff, 0);
        return;
    }
    tdec_flags(l, clone_flags, v & ~0xffull, NULL);
    if (v & 0xff) {
        tl_putc(l, '|');
        ld_signo(l, c, v & 0xff, 0);
    }
}

static const struct tval madvice[] = {
    { 0, "MADV_NORMAL" }, { 1, "MADV_RANDOM" }, { 2, "MADV_SEQUENTIAL" }, { 3, "MADV_WILLNEED" },
    { 4, "MADV_DONTNEED" }, { 8, "MADV_FREE" }, { 9, "MADV_REMOVE" }, { 10, "MADV_DONTFORK" },
    { 11, "MADV_DOFORK" }, { 12, "MADV_MERGEABLE" }, { 13, "MADV_UNMERGEABLE" },
    { 14, "MADV_HUGEPAGE" }, { 15, "MADV_NOHUGEPAGE" }, { 16, "MADV_DONTDUMP" },
    { 17, "MADV_DODUMP" }, { 18, "MADV_WIPEONFORK" }, { 19, "MADV_KEEPONFORK" },
    { 20, "MADV_COLD" }, { 21, "MADV_PAGEOUT" }, { 22, "MADV_POPULATE_READ" },
    { 23, "MADV_POPULATE_WRITE" }, { 24, "MADV_DONTNEED_LOCKED" }, { 25, "MADV_COLLAPSE" },
    { 100, "MADV_HWPOISON" }, { 0, NULL },
};
static const struct tval fcntl_cmds[] = {
    { 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" }, { 4, "F_SETFL" },
    { 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 8, "F_SETOWN" }, { 9, "F_GETOWN" },
    { 10, "F_SETSIG" }, { 11, "F_GETSIG" }, { 15, "F_SETOWN_EX" }, { 16, "F_GETOWN_EX" },
    { 36, "F_OFD_GETLK" }, { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" },
    { 1024, "F_SETLEASE" }, { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" },
    { 1030, "F_DUPFD_CLOEXEC" }, { 1031, "F_SETPIPE_SZ" }, { 1032, "F_GETPIPE_SZ" },
    { 1033, "F_ADD_SEALS" }, { 1034, "F_GET_SEALS" }, { 0, NULL },
};
static const struct tval clock_ids[] = {
    { 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
    { 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
    { 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" }, { 7, "CLOCK_BOOTTIME" },
    { 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" }, { 11, "CLOCK_TAI" },
    { 0, NULL },
};
static const struct tval sig_hows[] = {
    { 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" }, { 0, NULL },
};
static const struct tval rlimits[] = {
    { 0, "RLIMIT_CPU" }, { 1, "RLIMIT_FSIZE" }, { 2, "RLIMIT_DATA" }, { 3, "RLIMIT_STACK" },
    { 4, "RLIMIT_CORE" }, { 5, "RLIMIT_RSS" }, { 6, "RLIMIT_NPROC" }, { 7, "RLIMIT_NOFILE" },
    { 8, "RLIMIT_MEMLOCK" }, { 9, "RLIMIT_AS" }, { 10, "RLIMIT_LOCKS" },
    { 11, "RLIMIT_SIGPENDING" }, { 12, "RLIMIT_MSGQUEUE" }, { 13, "RLIMIT_NICE" },
    { 14, "RLIMIT_RTPRIO" }, { 15, "RLIMIT_RTTIME" }, { 0, NULL },
};
static const struct tval idtypes[] = {
    { 0, "P_ALL" }, { 1, "P_PID" }, { 2, "P_PGID" }, { 3, "P_PIDFD" }, { 0, NULL },
};
const struct tval ld_af_names[] = {
    { 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" }, { 4, "AF_IPX" },
    { 5, "AF_APPLETALK" }, { 9, "AF_X25" }, { 10, "AF_INET6" }, { 16, "AF_NETLINK" },
    { 17, "AF_PACKET" }, { 29, "AF_CAN" }, { 31, "AF_BLUETOOTH" }, { 38, "AF_ALG" },
    { 40, "AF_VSOCK" }, { 44, "AF_XDP" }, { 0, NULL },
};
static const struct tval sock_levels[] = {
    { 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" }, { 17, "SOL_UDP" },
    { 41, "SOL_IPV6" }, { 58, "SOL_ICMPV6" }, { 255, "SOL_RAW" }, { 263, "SOL_PACKET" },
    { 270, "SOL_NETLINK" }, { 282, "SOL_TLS" }, { 0, NULL },
};
static const struct tval epoll_ops[] = {
    { 1, "EPOLL_CTL_ADD" }, { 2, "EPOLL_CTL_DEL" }, { 3, "EPOLL_CTL_MOD" }, { 0, NULL },
};
static const struct tval arch_prctl_ops[] = {
    { 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" }, { 0x1003, "ARCH_GET_FS" },
    { 0x1004, "ARCH_GET_GS" }, { 0x1011, "ARCH_GET_CPUID" }, { 0x1012, "ARCH_SET_CPUID" },
    { 0x1021, "ARCH_GET_XCOMP_SUPP" }, { 0x1022, "ARCH_GET_XCOMP_PERM" },
    { 0x1023, "ARCH_REQ_XCOMP_PERM" }, { 0x2001, "ARCH_MAP_VDSO_X32" },
    { 0x2002, "ARCH_MAP_VDSO_32" }, { 0x2003, "ARCH_MAP_VDSO_64" }, { 0, NULL },
};
static const struct tval prctl_ops[] = {
    { 1, "PR_SET_PDEATHSIG" }, { 2, "PR_GET_PDEATHSIG" }, { 3, "PR_GET_DUMPABLE" },
    { 4, "PR_SET_DUMPABLE" }, { 7, "PR_GET_KEEPCAPS" }, { 8, "PR_SET_KEEPCAPS" },
    { 15, "PR_SET_NAME" }, { 16, "PR_GET_NAME" }, { 21, "PR_GET_SECCOMP" },
    { 22, "PR_SET_SECCOMP" }, { 23, "PR_CAPBSET_READ" }, { 24, "PR_CAPBSET_DROP" },
    { 29, "PR_SET_TIMERSLACK" }, { 30, "PR_GET_TIMERSLACK" }, { 35, "PR_SET_MM" },
    { 36, "PR_SET_CHILD_SUBREAPER" }, { 37, "PR_GET_CHILD_SUBREAPER" },
    { 38, "PR_SET_NO_NEW_PRIVS" }, { 39, "PR_GET_NO_NEW_PRIVS" }, { 41, "PR_SET_THP_DISABLE" },
    { 42, "PR_GET_THP_DISABLE" }, { 47, "PR_CAP_AMBIENT" },
    { 59, "PR_SET_SYSCALL_USER_DISPATCH" }, { 0x53564d41, "PR_SET_VMA" }, { 0, NULL },
};
static const struct tval ioctl_cmds[] = {
    { 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" }, { 0x5404, "TCSETSF" },
    { 0x5409, "TCSBRK" }, { 0x540b, "TCFLSH" }, { 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" },
    { 0x5410, "TIOCSPGRP" }, { 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" },
    { 0x541b, "FIONREAD" }, { 0x5421, "FIONBIO" }, { 0x5422, "TIOCNOTTY" },
    { 0x5450, "FIONCLEX" }, { 0x5451, "FIOCLEX" }, { 0x5452, "FIOASYNC" },
    { 0x802c542a, "TCGETS2" }, { 0x402c542b, "TCSETS2" }, { 0x80045430, "TIOCGPTN" },
    { 0x40045431, "TIOCSPTLCK" }, { 0x80086601, "FS_IOC_GETFLAGS" },
    { 0x40086602, "FS_IOC_SETFLAGS" }, { 0x40049409, "FICLONE" }, { 0, NULL },
};

VALUE_DECODER(d_madvice, madvice)
VALUE_DECODER(d_fcntl, fcntl_cmds)
VALUE_DECODER(d_clockid, clock_ids)
VALUE_DECODER(d_sighow, sig_hows)
VALUE_DECODER(d_rlimit, rlimits)
VALUE_DECODER(d_idtype, idtypes)
VALUE_DECODER(d_domain, ld_af_names)
VALUE_DECODER(d_level, sock_levels)
VALUE_DECODER(d_epollop, epoll_ops)
VALUE_DECODER(d_archprctl, arch_prctl_ops)
VALUE_DECODER(d_prctl, prctl_ops)

static void d_ioctl(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    const char *n = tdec_val_name(ioctl_cmds, (int64_t)(uint32_t)v);
    (void)c, (void)p;
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%#x", (unsigned)v);
}

static const char *const futex_ops[] = {
    "FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE",
    "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
    "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI",
    "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2",
};

static void d_futexop(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    unsigned op = (unsigned)v & 0x7f;
    (void)c, (void)p;
    if (op >= sizeof futex_ops / sizeof futex_ops[0] || (v & ~0x1ffull)) {
        tl_printf(l, "%#x", (unsigned)v);
        return;
    }
    tl_puts(l, futex_ops[op]);
    if (v & 128)
        tl_puts(l, "_PRIVATE");
    if (v & 256)
        tl_puts(l, "|FUTEX_CLOCK_REALTIME");
}

static const char *const sig_names[32] = {
    NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
    "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
    "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
};

const char *linux_signame(int sig)
{
    static const char *const rt[] = {
        "SIGRTMIN", "SIGRT_1", "SIGRT_2", "SIGRT_3", "SIGRT_4", "SIGRT_5", "SIGRT_6",
        "SIGRT_7", "SIGRT_8", "SIGRT_9", "SIGRT_10", "SIGRT_11", "SIGRT_12", "SIGRT_13",
        "SIGRT_14", "SIGRT_15", "SIGRT_16", "SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20",
        "SIGRT_21", "SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27",
        "SIGRT_28", "SIGRT_29", "SIGRT_30", "SIGRT_31", "SIGRT_32",
    };
    if (sig >= 1 && sig < 32)
        return sig_names[sig];
    if (sig >= 32 && sig <= 64)
        return rt[sig - 32];
    return NULL;
}

void ld_signo(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    const char *n = linux_signame((int)v);
    (void)c, (void)p;
    if (n)
        tl_puts(l, n);
    else
        tl_printf(l, "%d", (int)v);
}

const char *linux_errname(int err)
{
    return strerrorname_np(err);
}

const char *linux_errmsg(int err)
{
    const char *m = strerrordesc_np(err);
    return m ? m : "Unknown error";
}

void ld_mode_type(struct tline *l, uint32_t m)
{
    static const struct tval types[] = {
        { 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
        { 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
        { 0010000, "S_IFIFO" }, { 0, NULL },
    };
    const char *t = tdec_val_name(types, m & 0170000);
    if (t)
        tl_printf(l, "%s|0%03o", t, m & 07777);
    else
        tl_printf(l, "0%03o", m);
}

const struct trace_abi linux_trace_abi = {
    .name = "linux",
    .decode = {
        [K_OFLAGS] = ld_oflags, [K_ATFLAGS] = d_atflags, [K_MMAPPROT] = d_prot,
        [K_MMAPFLAGS] = d_mmapflags, [K_MADVICE] = d_madvice, [K_MSYNCFLAGS] = d_msync,
        [K_FCNTLCMD] = d_fcntl, [K_ACCESSMODE] = d_access, [K_CLOCKID] = d_clockid,
        [K_SIGNO] = ld_signo, [K_SIGHOW] = d_sighow, [K_SIGSETIN] = ld_sigset_in,
        [K_SIGSETOUT] = ld_sigset_out, [K_SIGACTIN] = ld_sigact_in,
        [K_SIGACTOUT] = ld_sigact_out, [K_SIGINFOOUT] = ld_siginfo_out,
        [K_STACKIN] = ld_stack_in, [K_STACKOUT] = ld_stack_out, [K_STATOUT] = ld_stat_out,
        [K_STATFSOUT] = ld_statfs_out, [K_TIMESPEC2IN] = ld_timespec2,
        [K_RLIMITRES] = d_rlimit, [K_RLIMITIN] = ld_rlimit_in, [K_RLIMITOUT] = ld_rlimit_out,
        [K_WAITOPTS] = d_waitopts, [K_IDTYPE] = d_idtype, [K_SOCKDOMAIN] = d_domain,
        [K_SOCKTYPE] = ld_socktype, [K_SOCKLEVEL] = d_level, [K_SOCKOPT] = ld_sockopt,
        [K_SOCKADDRIN] = ld_sockaddr_in, [K_SOCKADDROUT] = ld_sockaddr_out,
        [K_MSGFLAGS] = d_msgflags, [K_MSGHDRIN] = ld_msghdr_in, [K_MSGHDROUT] = ld_msghdr_out,
        [K_POLLFDS] = ld_pollfds, [K_IOCTLCMD] = d_ioctl, [K_FUTEXOP] = d_futexop,
        [K_CLONEFLAGS] = d_cloneflags, [K_PRCTLOP] = d_prctl, [K_ARCHPRCTLOP] = d_archprctl,
        [K_EPOLLCTLOP] = d_epollop, [K_EPOLLEVIN] = ld_epoll_in, [K_EPOLLEVOUT] = ld_epoll_out,
        [K_STATXMASK] = d_statxmask, [K_STATXOUT] = ld_statx_out,
        [K_RENAMEFLAGS] = d_renameflags, [K_FDFLAGS] = d_fdflags,
        [K_MREMAPFLAGS] = d_mremapflags,
    },
    .signame = linux_signame,
    .args_after = ld_args_after,
};
