/* flags.c — the generic flag/value table engine and the FreeBSD <-> Linux
 * tables for files, memory, fcntl, wait, poll, clocks, rlimits, kevent and
 * mount flags. FreeBSD numbers are from sys/sys/{fcntl,mman,wait,poll,
 * _clock_id,resource,event,mount,unistd}.h; Linux numbers from the host's
 * headers. */
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fbsd_abi.h"

/* ---------------------------------------------------------------- engine */

static void out_str(char *buf, size_t n, size_t *len, const char *s)
{
    size_t l = strlen(s);
    if (*len < n) {
        size_t room = n - *len - 1;
        size_t c = l < room ? l : room;
        memcpy(buf + *len, s, c);
        buf[*len + c] = '\0';
    }
    *len += l;
}

static uint64_t convert(const struct fbsd_flagmap *t, uint64_t v, uint64_t *unknown, int to_fbsd)
{
    uint64_t out = 0, rem = v;
    for (; t->name; t++) {
        uint64_t from = to_fbsd ? t->lnx : t->fbsd;
        uint64_t to = to_fbsd ? t->fbsd : t->lnx;
        if (from == 0 || (rem & from) != from)
            continue;
        out |= to;
        rem &= ~from;
    }
    if (unknown)
        *unknown = rem;
    return out;
}

uint64_t fbsd_flags_to_linux(const struct fbsd_flagmap *t, uint64_t v, uint64_t *unknown)
{
    return convert(t, v, unknown, 0);
}

uint64_t fbsd_flags_from_linux(const struct fbsd_flagmap *t, uint64_t v, uint64_t *unknown)
{
    return convert(t, v, unknown, 1);
}

static const char *zero_name(const struct fbsd_flagmap *t)
{
    for (; t->name; t++)
        if (t->fbsd == 0 && t->lnx == 0)
            return t->name;
    return "0";
}

/* Appends the names of v's bits to buf at *len; returns whether any was written. */
static int format_bits(const struct fbsd_flagmap *t, uint64_t v, char *buf, size_t n, size_t *len,
                       int first)
{
    uint64_t rem = v;
    for (; t->name; t++) {
        if (t->fbsd == 0 || (rem & t->fbsd) != t->fbsd)
            continue;
        if (!first)
            out_str(buf, n, len, "|");
        out_str(buf, n, len, t->name);
        rem &= ~t->fbsd;
        first = 0;
    }
    if (rem) {
        char hex[24];
        snprintf(hex, sizeof hex, "0x%" PRIx64, rem);
        if (!first)
            out_str(buf, n, len, "|");
        out_str(buf, n, len, hex);
        first = 0;
    }
    return !first;
}

size_t fbsd_flags_format(const struct fbsd_flagmap *t, uint64_t v, char *buf, size_t n)
{
    size_t len = 0;
    if (n)
        buf[0] = '\0';
    if (v == 0)
        out_str(buf, n, &len, zero_name(t));
    else
        format_bits(t, v, buf, n, &len, 1);
    return len;
}

const struct fbsd_valmap *fbsd_val_lookup(const struct fbsd_valmap *t, int64_t fv)
{
    for (; t->name; t++)
        if (t->fbsd == fv)
            return t;
    return NULL;
}

const struct fbsd_valmap *fbsd_val_lookup_linux(const struct fbsd_valmap *t, int64_t lv)
{
    for (; t->name; t++)
        if (t->lnx == lv && lv != FBSD_NOMAP)
            return t;
    return NULL;
}

int fbsd_val_to_linux(const struct fbsd_valmap *t, int64_t fv, int64_t *lv)
{
    const struct fbsd_valmap *e = fbsd_val_lookup(t, fv);
    if (!e)
        return FBSD_VAL_UNKNOWN;
    if (e->lnx == FBSD_NOMAP)
        return FBSD_VAL_NOLINUX;
    *lv = e->lnx;
    return FBSD_VAL_OK;
}

int fbsd_val_from_linux(const struct fbsd_valmap *t, int64_t lv, int64_t *fv)
{
    const struct fbsd_valmap *e = fbsd_val_lookup_linux(t, lv);
    if (!e)
        return FBSD_VAL_UNKNOWN;
    *fv = e->fbsd;
    return FBSD_VAL_OK;
}

const char *fbsd_val_name(const struct fbsd_valmap *t, int64_t fv)
{
    const struct fbsd_valmap *e = fbsd_val_lookup(t, fv);
    return e ? e->name : NULL;
}

size_t fbsd_val_format(const struct fbsd_valmap *t, int64_t fv, char *buf, size_t n)
{
    const char *name = fbsd_val_name(t, fv);
    char num[24];
    size_t len = 0;
    if (n)
        buf[0] = '\0';
    if (!name) {
        snprintf(num, sizeof num, "%" PRId64, fv);
        name = num;
    }
    out_str(buf, n, &len, name);
    return len;
}

/* ------------------------------------------------------------ open(2) */

#define LINUX_O_LARGEFILE 0x8000 /* asm-generic/fcntl.h 00100000; glibc defines it 0 */

/* sys/sys/fcntl.h. O_SYNC before O_DSYNC: Linux O_SYNC includes O_DSYNC.
 * O_RESOLVE_BENEATH has no open(2) bit on Linux: the caller must use
 * openat2(RESOLVE_BENEATH); O_EMPTY_PATH needs /proc/self/fd emulation. */
const struct fbsd_flagmap fbsd_open_flags[] = {
    {0x00000004, O_NONBLOCK, "O_NONBLOCK"},
    {0x00000008, O_APPEND, "O_APPEND"},
    {0x00000010, 0, "O_SHLOCK"},
    {0x00000020, 0, "O_EXLOCK"},
    {0x00000040, O_ASYNC, "O_ASYNC"},
    {0x00000080, O_SYNC, "O_SYNC"},
    {0x00000100, O_NOFOLLOW, "O_NOFOLLOW"},
    {0x00000200, O_CREAT, "O_CREAT"},
    {0x00000400, O_TRUNC, "O_TRUNC"},
    {0x00000800, O_EXCL, "O_EXCL"},
    {0x00008000, O_NOCTTY, "O_NOCTTY"},
    {0x00010000, O_DIRECT, "O_DIRECT"},
    {0x00020000, O_DIRECTORY, "O_DIRECTORY"},
    {0x00400000, O_PATH, "O_PATH"},
    {0x00040000, O_PATH, "O_EXEC"},
    {0x00080000, 0, "O_TTY_INIT"},
    {0x00100000, O_CLOEXEC, "O_CLOEXEC"},
    {0x00200000, 0, "O_VERIFY"},
    {0x00800000, 0, "O_RESOLVE_BENEATH"},
    {0x01000000, O_DSYNC, "O_DSYNC"},
    {0x02000000, 0, "O_EMPTY_PATH"},
    {0, LINUX_O_LARGEFILE, "O_LARGEFILE"}, /* Linux-only: dropped */
    {0, 0, NULL},
};

uint64_t fbsd_open_flags_to_linux(uint64_t f, uint64_t *unknown)
{
    uint64_t unk;
    uint64_t acc = f & FBSD_O_ACCMODE;
    uint64_t l = fbsd_flags_to_linux(fbsd_open_flags, f & ~(uint64_t)FBSD_O_ACCMODE, &unk);
    if (acc == FBSD_O_ACCMODE)
        unk |= acc;
    else
        l |= acc; /* O_RDONLY/O_WRONLY/O_RDWR are 0/1/2 on both */
    if (unknown)
        *unknown = unk;
    return l;
}

uint64_t fbsd_open_flags_from_linux(uint64_t l, uint64_t *unknown)
{
    uint64_t acc = l & O_ACCMODE;
    return fbsd_flags_from_linux(fbsd_open_flags, l & ~(uint64_t)O_ACCMODE, unknown) | acc;
}

size_t fbsd_open_flags_format(uint64_t f, char *buf, size_t n)
{
    static const char *const acc[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    uint64_t rest = f & ~(uint64_t)FBSD_O_ACCMODE;
    size_t len = 0;
    int first = 1;
    if (n)
        buf[0] = '\0';
    if ((f & FBSD_O_ACCMODE) || !(f & FBSD_O_EXEC)) {
        out_str(buf, n, &len, acc[f & FBSD_O_ACCMODE]);
        first = 0;
    }
    format_bits(fbsd_open_flags, rest, buf, n, &len, first);
    return len;
}

/* *at(2) flags. Linux reuses 0x200 for AT_REMOVEDIR and AT_EACCESS, so the
 * Linux -> FreeBSD direction is ambiguous there (AT_REMOVEDIR wins).
 * AT_RESOLVE_BENEATH has no Linux *at flag (openat2 RESOLVE_BENEATH). */
const struct fbsd_flagmap fbsd_at_flags[] = {
    {0x0800, AT_REMOVEDIR, "AT_REMOVEDIR"},
    {0x0100, AT_EACCESS, "AT_EACCESS"},
    {0x0200, AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"},
    {0x0400, AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW"},
    {0x2000, 0, "AT_RESOLVE_BENEATH"},
    {0x4000, AT_EMPTY_PATH, "AT_EMPTY_PATH"},
    {0, 0, NULL},
};

/* unistd.h access modes: identical numbers */
const struct fbsd_flagmap fbsd_access_modes[] = {
    {0, 0, "F_OK"},
    {0x04, R_OK, "R_OK"},
    {0x02, W_OK, "W_OK"},
    {0x01, X_OK, "X_OK"},
    {0, 0, NULL},
};

/* ------------------------------------------------------------ memory */

#define FBSD_PROT_ALL 0x7
#define FBSD_PROT_MAX_SHIFT 16 /* PROT_MAX(prot): limits later mprotect; no Linux twin */
#define FBSD_MAP_GUARD 0x2000
#define FBSD_MAP_FIXED 0x0010
#define FBSD_MAP_EXCL 0x4000
#define FBSD_MAP_32BIT 0x80000
#define FBSD_MAP_SHARED 0x0001
#define FBSD_MAP_PRIVATE 0x0002

const struct fbsd_flagmap fbsd_mmap_prot[] = {
    {0, 0, "PROT_NONE"},
    {0x01, PROT_READ, "PROT_READ"},
    {0x02, PROT_WRITE, "PROT_WRITE"},
    {0x04, PROT_EXEC, "PROT_EXEC"},
    {0, 0, NULL},
};

/* sys/sys/mman.h. FIXED|EXCL first so it becomes MAP_FIXED_NOREPLACE;
 * MAP_GUARD after MAP_ANON so Linux anonymous maps do not read back as guards. */
const struct fbsd_flagmap fbsd_mmap_flags[] = {
    {0x0001, MAP_SHARED, "MAP_SHARED"},
    {0x0002, MAP_PRIVATE, "MAP_PRIVATE"},
    {0x0010 | 0x4000, MAP_FIXED_NOREPLACE, "MAP_FIXED|MAP_EXCL"},
    {0x0010, MAP_FIXED, "MAP_FIXED"},
    {0x4000, 0, "MAP_EXCL"},
    {0x0200, 0, "MAP_HASSEMAPHORE"},
    {0x0400, MAP_STACK, "MAP_STACK"},
    {0x0800, 0, "MAP_NOSYNC"},
    {0x1000, MAP_ANONYMOUS, "MAP_ANON"},
    {0x2000, MAP_ANONYMOUS | MAP_NORESERVE, "MAP_GUARD"},
    {0x00020000, 0, "MAP_NOCORE"},
    {0x00040000, MAP_POPULATE, "MAP_PREFAULT_READ"},
    {0x00080000, MAP_32BIT, "MAP_32BIT"},
    {0, 0, NULL},
};

unsigned fbsd_map_alignment(uint64_t fflags)
{
    return (unsigned)((fflags & FBSD_MAP_ALIGNMENT_MASK) >> FBSD_MAP_ALIGNMENT_SHIFT);
}

static int guard_ok(int fprot, uint64_t f)
{
    uint64_t allowed = FBSD_MAP_GUARD | FBSD_MAP_FIXED | FBSD_MAP_EXCL | FBSD_MAP_32BIT;
    return (fprot & FBSD_PROT_ALL) == 0 && (f & ~allowed) == 0;
}

int fbsd_mmap_to_linux(int fprot, int fflags, int *lprot, int *lflags, unsigned *align_log2)
{
    uint64_t f = (uint32_t)fflags, unk;
    uint64_t prot_ok = FBSD_PROT_ALL | (FBSD_PROT_ALL << FBSD_PROT_MAX_SHIFT);
    if ((uint64_t)(uint32_t)fprot & ~prot_ok)
        return FBSD_EINVAL;
    if (align_log2)
        *align_log2 = fbsd_map_alignment(f);
    f &= ~FBSD_MAP_ALIGNMENT_MASK;
    if ((f & (FBSD_MAP_EXCL | FBSD_MAP_FIXED)) == FBSD_MAP_EXCL)
        return FBSD_EINVAL;
    if ((f & (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE)) == (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE))
        return FBSD_EINVAL;
    if ((f & FBSD_MAP_GUARD) && !guard_ok(fprot, f))
        return FBSD_EINVAL;
    uint64_t l = fbsd_flags_to_linux(fbsd_mmap_flags, f, &unk);
    if (unk)
        return FBSD_EINVAL;
    if (!(l & (MAP_SHARED | MAP_PRIVATE)))
        l |= MAP_PRIVATE; /* FreeBSD maps copy-on-write unless MAP_SHARED */
    *lflags = (int)l;
    *lprot = (int)fbsd_flags_to_linux(fbsd_mmap_prot, (uint64_t)fprot & FBSD_PROT_ALL, NULL);
    return 0;
}

size_t fbsd_mmap_flags_format(uint64_t f, char *buf, size_t n)
{
    unsigned al = fbsd_map_alignment(f);
    uint64_t rest = f & ~FBSD_MAP_ALIGNMENT_MASK;
    char tail[32];
    size_t len = 0;
    if (!al || rest)
        len = fbsd_flags_format(fbsd_mmap_flags, rest, buf, n);
    else if (n)
        buf[0] = '\0';
    if (!al)
        return len;
    if (al == 1)
        snprintf(tail, sizeof tail, "%sMAP_ALIGNED_SUPER", rest ? "|" : "");
    else
        snprintf(tail, sizeof tail, "%sMAP_ALIGNED(%u)", rest ? "|" : "", al);
    out_str(buf, n, &len, tail);
    return len;
}

/* MS_SYNC is the absence of MS_ASYNC on FreeBSD */
const struct fbsd_flagmap fbsd_msync_flags[] = {
    {0, 0, "MS_SYNC"},
    {0x1, MS_ASYNC, "MS_ASYNC"},
    {0x2, MS_INVALIDATE, "MS_INVALIDATE"},
    {0, 0, NULL},
};

int fbsd_msync_flags_to_linux(int f)
{
    if (f & ~0x3 || (f & 0x3) == 0x3)
        return -1;
    return (f & 0x1 ? MS_ASYNC : MS_SYNC) | (f & 0x2 ? MS_INVALIDATE : 0);
}

/* FreeBSD MADV_DONTNEED keeps the pages' contents; Linux MADV_DONTNEED
 * zero-fills them, so it is a no-op here (FBSD_NOMAP: report success). */
const struct fbsd_valmap fbsd_madvise_advice[] = {
    {0, MADV_NORMAL, "MADV_NORMAL", 0},
    {1, MADV_RANDOM, "MADV_RANDOM", 0},
    {2, MADV_SEQUENTIAL, "MADV_SEQUENTIAL", 0},
    {3, MADV_WILLNEED, "MADV_WILLNEED", 0},
    {4, FBSD_NOMAP, "MADV_DONTNEED", 0},
    {5, MADV_FREE, "MADV_FREE", 0},
    {6, FBSD_NOMAP, "MADV_NOSYNC", 0},
    {7, FBSD_NOMAP, "MADV_AUTOSYNC", 0},
    {8, MADV_DONTDUMP, "MADV_NOCORE", 0},
    {9, MADV_DODUMP, "MADV_CORE", 0},
    {10, FBSD_NOMAP, "MADV_PROTECT", 0},
    {0, 0, NULL, 0},
};

/* ------------------------------------------------------------ fcntl */

/* SPECIAL: F_GETFL/F_SETFL carry open flags (fbsd_open_flags_*), the lock
 * commands a struct flock (fbsd_flock_*). F_DUP2FD(_CLOEXEC) are dup2/dup3;
 * F_READAHEAD/F_RDAHEAD are hints (succeed). */
const struct fbsd_valmap fbsd_fcntl_cmds[] = {
    {0, F_DUPFD, "F_DUPFD", FBSD_CONV_NONE},
    {1, F_GETFD, "F_GETFD", FBSD_CONV_NONE},
    {2, F_SETFD, "F_SETFD", FBSD_CONV_NONE},
    {3, F_GETFL, "F_GETFL", FBSD_CONV_SPECIAL},
    {4, F_SETFL, "F_SETFL", FBSD_CONV_SPECIAL},
    {5, F_GETOWN, "F_GETOWN", FBSD_CONV_NONE},
    {6, F_SETOWN, "F_SETOWN", FBSD_CONV_NONE},
    {7, FBSD_NOMAP, "F_OGETLK", FBSD_CONV_SPECIAL},
    {8, FBSD_NOMAP, "F_OSETLK", FBSD_CONV_SPECIAL},
    {9, FBSD_NOMAP, "F_OSETLKW", FBSD_CONV_SPECIAL},
    {10, FBSD_NOMAP, "F_DUP2FD", FBSD_CONV_SPECIAL},
    {11, F_GETLK, "F_GETLK", FBSD_CONV_SPECIAL},
    {12, F_SETLK, "F_SETLK", FBSD_CONV_SPECIAL},
    {13, F_SETLKW, "F_SETLKW", FBSD_CONV_SPECIAL},
    {14, FBSD_NOMAP, "F_SETLK_REMOTE", FBSD_CONV_SPECIAL},
    {15, FBSD_NOMAP, "F_READAHEAD", FBSD_CONV_SPECIAL},
    {16, FBSD_NOMAP, "F_RDAHEAD", FBSD_CONV_SPECIAL},
    {17, F_DUPFD_CLOEXEC, "F_DUPFD_CLOEXEC", FBSD_CONV_NONE},
    {18, FBSD_NOMAP, "F_DUP2FD_CLOEXEC", FBSD_CONV_SPECIAL},
    {19, F_ADD_SEALS, "F_ADD_SEALS", FBSD_CONV_NONE},
    {20, F_GET_SEALS, "F_GET_SEALS", FBSD_CONV_NONE},
    {21, FBSD_NOMAP, "F_ISUNIONSTACK", FBSD_CONV_SPECIAL},
    {0, 0, NULL, 0},
};

const struct fbsd_flagmap fbsd_fd_flags[] = {
    {0x1, FD_CLOEXEC, "FD_CLOEXEC"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_seal_flags[] = {
    {0x1, F_SEAL_SEAL, "F_SEAL_SEAL"},
    {0x2, F_SEAL_SHRINK, "F_SEAL_SHRINK"},
    {0x4, F_SEAL_GROW, "F_SEAL_GROW"},
    {0x8, F_SEAL_WRITE, "F_SEAL_WRITE"},
    {0, 0, NULL},
};

const struct fbsd_valmap fbsd_lock_types[] = {
    {FBSD_F_RDLCK, F_RDLCK, "F_RDLCK", 0},
    {FBSD_F_UNLCK, F_UNLCK, "F_UNLCK", 0},
    {FBSD_F_WRLCK, F_WRLCK, "F_WRLCK", 0},
    {4, FBSD_NOMAP, "F_UNLCKSYS", 0},
    {5, FBSD_NOMAP, "F_CANCEL", 0},
    {0, 0, NULL, 0},
};

int fbsd_flock_to_linux(const struct fbsd_flock *f, struct flock *l)
{
    int64_t type;
    if (fbsd_val_to_linux(fbsd_lock_types, f->l_type, &type) != FBSD_VAL_OK)
        return FBSD_EINVAL;
    memset(l, 0, sizeof *l);
    l->l_type = (short)type;
    l->l_whence = f->l_whence; /* SEEK_SET/CUR/END are 0/1/2 on both */
    l->l_start = f->l_start;
    l->l_len = f->l_len;
    l->l_pid = f->l_pid;
    return 0;
}

int fbsd_flock_from_linux(const struct flock *l, struct fbsd_flock *f)
{
    int64_t type;
    if (fbsd_val_from_linux(fbsd_lock_types, l->l_type, &type) != FBSD_VAL_OK)
        return FBSD_EINVAL;
    memset(f, 0, sizeof *f);
    f->l_type = (int16_t)type;
    f->l_whence = l->l_whence;
    f->l_start = l->l_start;
    f->l_len = l->l_len;
    f->l_pid = l->l_pid;
    return 0;
}

/* ------------------------------------------------------------ processes */

/* sys/sys/wait.h. WTRAPPED (ptrace stops) has no Linux option. */
const struct fbsd_flagmap fbsd_wait_options[] = {
    {0x01, WNOHANG, "WNOHANG"},
    {0x02, WUNTRACED, "WUNTRACED"},
    {0x04, WCONTINUED, "WCONTINUED"},
    {0x08, WNOWAIT, "WNOWAIT"},
    {0x10, WEXITED, "WEXITED"},
    {0x20, 0, "WTRAPPED"},
    {0x80000000, __WCLONE, "WLINUXCLONE"},
    {0, 0, NULL},
};

/* idtype_t for wait6: P_PID 0 ... P_PSETID 15 (Solaris order) */
const struct fbsd_valmap fbsd_idtypes[] = {
    {0, P_PID, "P_PID", 0},
    {1, FBSD_NOMAP, "P_PPID", 0},
    {2, P_PGID, "P_PGID", 0},
    {3, FBSD_NOMAP, "P_SID", 0},
    {4, FBSD_NOMAP, "P_CID", 0},
    {5, FBSD_NOMAP, "P_UID", 0},
    {6, FBSD_NOMAP, "P_GID", 0},
    {7, P_ALL, "P_ALL", 0},
    {8, FBSD_NOMAP, "P_LWPID", 0},
    {9, FBSD_NOMAP, "P_TASKID", 0},
    {10, FBSD_NOMAP, "P_PROJID", 0},
    {11, FBSD_NOMAP, "P_POOLID", 0},
    {12, FBSD_NOMAP, "P_JAILID", 0},
    {13, FBSD_NOMAP, "P_CTID", 0},
    {14, FBSD_NOMAP, "P_CPUID", 0},
    {15, FBSD_NOMAP, "P_PSETID", 0},
    {0, 0, NULL, 0},
};

/* sys/sys/poll.h. POLLWRNORM is POLLOUT on FreeBSD; POLLINIGNEOF asks for
 * POLLIN without EOF and becomes plain POLLIN. */
const struct fbsd_flagmap fbsd_poll_events[] = {
    {0x0001, POLLIN, "POLLIN"},
    {0x0002, POLLPRI, "POLLPRI"},
    {0x0004, POLLOUT, "POLLOUT"},
    {0x0004, POLLWRNORM, "POLLWRNORM"},
    {0x0008, POLLERR, "POLLERR"},
    {0x0010, POLLHUP, "POLLHUP"},
    {0x0020, POLLNVAL, "POLLNVAL"},
    {0x0040, POLLRDNORM, "POLLRDNORM"},
    {0x0080, POLLRDBAND, "POLLRDBAND"},
    {0x0100, POLLWRBAND, "POLLWRBAND"},
    {0x2000, POLLIN, "POLLINIGNEOF"},
    {0x4000, POLLRDHUP, "POLLRDHUP"},
    {0, 0, NULL},
};

/* sys/sys/_clock_id.h. VIRTUAL/PROF are the process CPU clocks
 * MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_VIRT/PROF) = -7/-8. The FAST variants
 * are Linux's COARSE clocks; CLOCK_SECOND is REALTIME_COARSE with the
 * nanoseconds cleared by the caller (SPECIAL). The first entry with a given
 * Linux id is the one reported back. */
const struct fbsd_valmap fbsd_clock_ids[] = {
    {0, CLOCK_REALTIME, "CLOCK_REALTIME", 0},
    {4, CLOCK_MONOTONIC, "CLOCK_MONOTONIC", 0},
    {15, CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID", 0},
    {14, CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID", 0},
    {10, CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_FAST", 0},
    {12, CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_FAST", 0},
    {1, -7, "CLOCK_VIRTUAL", 0},
    {2, -8, "CLOCK_PROF", 0},
    {5, CLOCK_MONOTONIC, "CLOCK_UPTIME", 0},
    {7, CLOCK_MONOTONIC, "CLOCK_UPTIME_PRECISE", 0},
    {8, CLOCK_MONOTONIC_COARSE, "CLOCK_UPTIME_FAST", 0},
    {9, CLOCK_REALTIME, "CLOCK_REALTIME_PRECISE", 0},
    {11, CLOCK_MONOTONIC, "CLOCK_MONOTONIC_PRECISE", 0},
    {13, CLOCK_REALTIME_COARSE, "CLOCK_SECOND", FBSD_CONV_SPECIAL},
    {0, 0, NULL, 0},
};

/* sys/sys/resource.h */
const struct fbsd_valmap fbsd_rlimit_resources[] = {
    {0, RLIMIT_CPU, "RLIMIT_CPU", 0},
    {1, RLIMIT_FSIZE, "RLIMIT_FSIZE", 0},
    {2, RLIMIT_DATA, "RLIMIT_DATA", 0},
    {3, RLIMIT_STACK, "RLIMIT_STACK", 0},
    {4, RLIMIT_CORE, "RLIMIT_CORE", 0},
    {5, RLIMIT_RSS, "RLIMIT_RSS", 0},
    {6, RLIMIT_MEMLOCK, "RLIMIT_MEMLOCK", 0},
    {7, RLIMIT_NPROC, "RLIMIT_NPROC", 0},
    {8, RLIMIT_NOFILE, "RLIMIT_NOFILE", 0},
    {9, FBSD_NOMAP, "RLIMIT_SBSIZE", 0},
    {10, RLIMIT_AS, "RLIMIT_AS", 0},
    {11, FBSD_NOMAP, "RLIMIT_NPTS", 0},
    {12, FBSD_NOMAP, "RLIMIT_SWAP", 0},
    {13, FBSD_NOMAP, "RLIMIT_KQUEUES", 0},
    {14, FBSD_NOMAP, "RLIMIT_UMTXP", 0},
    {0, 0, NULL, 0},
};

uint64_t fbsd_rlim_to_linux(int64_t v)
{
    if (v < 0 || (uint64_t)v >= FBSD_RLIM_INFINITY)
        return RLIM_INFINITY;
    return (uint64_t)v;
}

int64_t fbsd_rlim_from_linux(uint64_t v)
{
    if (v >= FBSD_RLIM_INFINITY)
        return (int64_t)FBSD_RLIM_INFINITY;
    return (int64_t)v;
}

void fbsd_rlimit_to_linux(const struct fbsd_rlimit *f, struct rlimit *l)
{
    l->rlim_cur = fbsd_rlim_to_linux(f->rlim_cur);
    l->rlim_max = fbsd_rlim_to_linux(f->rlim_max);
}

void fbsd_rlimit_from_linux(const struct rlimit *l, struct fbsd_rlimit *f)
{
    f->rlim_cur = fbsd_rlim_from_linux(l->rlim_cur);
    f->rlim_max = fbsd_rlim_from_linux(l->rlim_max);
}

/* ------------------------------------------------------------ kevent */

/* sys/sys/event.h: names only, Linux has no kqueue */
const struct fbsd_valmap fbsd_kevent_filters[] = {
    {-1, FBSD_NOMAP, "EVFILT_READ", 0},
    {-2, FBSD_NOMAP, "EVFILT_WRITE", 0},
    {-3, FBSD_NOMAP, "EVFILT_AIO", 0},
    {-4, FBSD_NOMAP, "EVFILT_VNODE", 0},
    {-5, FBSD_NOMAP, "EVFILT_PROC", 0},
    {-6, FBSD_NOMAP, "EVFILT_SIGNAL", 0},
    {-7, FBSD_NOMAP, "EVFILT_TIMER", 0},
    {-8, FBSD_NOMAP, "EVFILT_PROCDESC", 0},
    {-9, FBSD_NOMAP, "EVFILT_FS", 0},
    {-10, FBSD_NOMAP, "EVFILT_LIO", 0},
    {-11, FBSD_NOMAP, "EVFILT_USER", 0},
    {-12, FBSD_NOMAP, "EVFILT_SENDFILE", 0},
    {-13, FBSD_NOMAP, "EVFILT_EMPTY", 0},
    {0, 0, NULL, 0},
};

const struct fbsd_flagmap fbsd_kevent_flags[] = {
    {0x0001, 0, "EV_ADD"},
    {0x0002, 0, "EV_DELETE"},
    {0x0004, 0, "EV_ENABLE"},
    {0x0008, 0, "EV_DISABLE"},
    {0x0010, 0, "EV_ONESHOT"},
    {0x0020, 0, "EV_CLEAR"},
    {0x0040, 0, "EV_RECEIPT"},
    {0x0080, 0, "EV_DISPATCH"},
    {0x0100, 0, "EV_FORCEONESHOT"},
    {0x1000, 0, "EV_DROP"},
    {0x2000, 0, "EV_FLAG1"},
    {0x4000, 0, "EV_ERROR"},
    {0x8000, 0, "EV_EOF"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_note_read[] = {
    {0x0001, 0, "NOTE_LOWAT"},
    {0x0002, 0, "NOTE_FILE_POLL"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_note_vnode[] = {
    {0x0001, 0, "NOTE_DELETE"},
    {0x0002, 0, "NOTE_WRITE"},
    {0x0004, 0, "NOTE_EXTEND"},
    {0x0008, 0, "NOTE_ATTRIB"},
    {0x0010, 0, "NOTE_LINK"},
    {0x0020, 0, "NOTE_RENAME"},
    {0x0040, 0, "NOTE_REVOKE"},
    {0x0080, 0, "NOTE_OPEN"},
    {0x0100, 0, "NOTE_CLOSE"},
    {0x0200, 0, "NOTE_CLOSE_WRITE"},
    {0x0400, 0, "NOTE_READ"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_note_proc[] = {
    {0x80000000, 0, "NOTE_EXIT"},
    {0x40000000, 0, "NOTE_FORK"},
    {0x20000000, 0, "NOTE_EXEC"},
    {0x00000001, 0, "NOTE_TRACK"},
    {0x00000002, 0, "NOTE_TRACKERR"},
    {0x00000004, 0, "NOTE_CHILD"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_note_timer[] = {
    {0x01, 0, "NOTE_SECONDS"},
    {0x02, 0, "NOTE_MSECONDS"},
    {0x04, 0, "NOTE_USECONDS"},
    {0x08, 0, "NOTE_NSECONDS"},
    {0x10, 0, "NOTE_ABSTIME"},
    {0, 0, NULL},
};

/* EVFILT_USER: the top two bits select how the low 24 bits apply */
const struct fbsd_flagmap fbsd_note_user[] = {
    {0, 0, "NOTE_FFNOP"},
    {FBSD_NOTE_FFCOPY, 0, "NOTE_FFCOPY"},
    {FBSD_NOTE_FFOR, 0, "NOTE_FFOR"},
    {FBSD_NOTE_FFAND, 0, "NOTE_FFAND"},
    {FBSD_NOTE_TRIGGER, 0, "NOTE_TRIGGER"},
    {0, 0, NULL},
};

const struct fbsd_flagmap *fbsd_kevent_fflags_table(int filter)
{
    static const struct {
        int filter;
        const struct fbsd_flagmap *t;
    } map[] = {
        {FBSD_EVFILT_READ, fbsd_note_read},   {FBSD_EVFILT_WRITE, fbsd_note_read},
        {FBSD_EVFILT_VNODE, fbsd_note_vnode}, {FBSD_EVFILT_PROC, fbsd_note_proc},
        {FBSD_EVFILT_PROCDESC, fbsd_note_proc}, {FBSD_EVFILT_TIMER, fbsd_note_timer},
        {FBSD_EVFILT_USER, fbsd_note_user},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].filter == filter)
            return map[i].t;
    return NULL;
}

/* ------------------------------------------------------------ mount */

/* statfs f_flags (sys/sys/mount.h) <-> Linux statfs f_flags (ST_*) */
const struct fbsd_flagmap fbsd_mnt_flags[] = {
    {0x0000000000000001ULL, ST_RDONLY, "MNT_RDONLY"},
    {0x0000000000000002ULL, ST_SYNCHRONOUS, "MNT_SYNCHRONOUS"},
    {0x0000000000000004ULL, ST_NOEXEC, "MNT_NOEXEC"},
    {0x0000000000000008ULL, ST_NOSUID, "MNT_NOSUID"},
    {0x0000000000000010ULL, 0, "MNT_NFS4ACLS"},
    {0x0000000000000020ULL, 0, "MNT_UNION"},
    {0x0000000000000040ULL, 0, "MNT_ASYNC"},
    {0x0000000000001000ULL, 0, "MNT_LOCAL"},
    {0x0000000000002000ULL, 0, "MNT_QUOTA"},
    {0x0000000000004000ULL, 0, "MNT_ROOTFS"},
    {0x0000000000008000ULL, 0, "MNT_USER"},
    {0x0000000000100000ULL, 0, "MNT_SUIDDIR"},
    {0x0000000000200000ULL, 0, "MNT_SOFTDEP"},
    {0x0000000000400000ULL, 0, "MNT_NOSYMFOLLOW"},
    {0x0000000002000000ULL, 0, "MNT_GJOURNAL"},
    {0x0000000004000000ULL, 0, "MNT_MULTILABEL"},
    {0x0000000008000000ULL, 0, "MNT_ACLS"},
    {0x0000000010000000ULL, ST_NOATIME, "MNT_NOATIME"},
    {0x0000000040000000ULL, 0, "MNT_NOCLUSTERR"},
    {0x0000000080000000ULL, 0, "MNT_NOCLUSTERW"},
    {0x0000000100000000ULL, 0, "MNT_SUJ"},
    {0, 0, NULL},
};
