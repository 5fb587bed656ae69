/* fbsd_abi.h — converters between FreeBSD amd64 guest values/structures and
 * their Linux x86-64 host counterparts: errno, signals, flag words, value
 * codes, stat/statfs/dirent, sockaddr/msghdr/cmsg, termios. Everything is
 * table-driven; the tables are exported so the tracer can decode arguments
 * with the same data that drives translation. Errors are FreeBSD errno
 * values (positive), ready to hand back to the guest. */
#ifndef XENO_FBSD_ABI_H
#define XENO_FBSD_ABI_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/ucontext.h>

#include "fbsd_types.h"

struct stat;
struct statx;
struct statfs;
struct flock;
struct rlimit;
struct sockaddr;
struct sockaddr_storage;
struct msghdr;

/* ======================= generic tables (flags.c) ======================= */

/* One bit (or multi-bit field value) of a flag word. Tables end with a NULL
 * name. lnx == 0: FreeBSD-only flag, dropped when converting. fbsd == 0 &&
 * lnx == 0: the name printed for a zero word (PROT_NONE). Entries are tried
 * in order and consume the bits they match, so wider masks come first.
 * (The Linux column is not called "linux": gnu11 predefines that macro.) */
struct fbsd_flagmap {
    uint64_t fbsd, lnx;
    const char *name;
};

/* How a value needs converting besides its number (sockopts, ioctls). */
enum fbsd_conv {
    FBSD_CONV_NONE = 0, /* same layout and meaning on both sides */
    FBSD_CONV_ERRNO,    /* int argument/result is an errno */
    FBSD_CONV_DOMAIN,   /* int argument/result is an address family */
    FBSD_CONV_TERMIOS,  /* struct fbsd_termios <-> struct fbsd_ltermios */
    FBSD_CONV_SIGNAL,   /* int argument is a signal number */
    FBSD_CONV_SPECIAL,  /* needs dedicated code: see the table's comment */
};

/* One value of an enumeration (commands, ids, options). Tables end with a
 * NULL name. lnx == FBSD_NOMAP: known FreeBSD value without Linux twin. */
struct fbsd_valmap {
    int64_t fbsd, lnx;
    const char *name;
    unsigned conv; /* enum fbsd_conv */
};
#define FBSD_NOMAP INT64_MIN

enum { FBSD_VAL_OK = 0, FBSD_VAL_UNKNOWN = -1, FBSD_VAL_NOLINUX = -2 };

/* FreeBSD flag word -> Linux; *unknown (optional) gets the bits no entry matched. */
uint64_t fbsd_flags_to_linux(const struct fbsd_flagmap *t, uint64_t v, uint64_t *unknown);
/* Linux flag word -> FreeBSD; *unknown (optional) gets the unmatched Linux bits. */
uint64_t fbsd_flags_from_linux(const struct fbsd_flagmap *t, uint64_t v, uint64_t *unknown);
/* Writes "A|B|0x40" for a FreeBSD flag word (snprintf semantics: returns the full length). */
size_t fbsd_flags_format(const struct fbsd_flagmap *t, uint64_t v, char *buf, size_t n);

/* Table entry for a FreeBSD value, or NULL. */
const struct fbsd_valmap *fbsd_val_lookup(const struct fbsd_valmap *t, int64_t fv);
/* First table entry whose Linux value is lv, or NULL. */
const struct fbsd_valmap *fbsd_val_lookup_linux(const struct fbsd_valmap *t, int64_t lv);
/* FreeBSD value -> Linux value: FBSD_VAL_OK, FBSD_VAL_UNKNOWN or FBSD_VAL_NOLINUX. */
int fbsd_val_to_linux(const struct fbsd_valmap *t, int64_t fv, int64_t *lv);
/* Linux value -> FreeBSD value: FBSD_VAL_OK or FBSD_VAL_UNKNOWN. */
int fbsd_val_from_linux(const struct fbsd_valmap *t, int64_t lv, int64_t *fv);
/* Name of a FreeBSD value, or NULL. */
const char *fbsd_val_name(const struct fbsd_valmap *t, int64_t fv);
/* Writes the name of a FreeBSD value, or the number in decimal (snprintf semantics). */
size_t fbsd_val_format(const struct fbsd_valmap *t, int64_t fv, char *buf, size_t n);

/* open(2) flags -> Linux: O_ACCMODE passes through (3 is reported unknown);
 * O_EXEC/O_SEARCH become O_PATH; O_TTY_INIT, O_VERIFY, O_SHLOCK, O_EXLOCK
 * have no Linux bit (the caller emulates the locks). */
uint64_t fbsd_open_flags_to_linux(uint64_t f, uint64_t *unknown);
/* Linux open/F_GETFL flags -> FreeBSD. */
uint64_t fbsd_open_flags_from_linux(uint64_t l, uint64_t *unknown);
/* "O_RDWR|O_CREAT|O_CLOEXEC|0x40000000" for FreeBSD open flags. */
size_t fbsd_open_flags_format(uint64_t f, char *buf, size_t n);

/* mmap(2) prot and flags -> Linux; MAP_ALIGNED(n) goes to *align_log2 (0 none,
 * 1 MAP_ALIGNED_SUPER, else 2^n bytes). MAP_GUARD becomes an anonymous
 * MAP_NORESERVE reservation, MAP_FIXED|MAP_EXCL becomes MAP_FIXED_NOREPLACE.
 * Returns 0 or FBSD_EINVAL (unknown bits, bad combination). */
int fbsd_mmap_to_linux(int fprot, int fflags, int *lprot, int *lflags, unsigned *align_log2);
/* log2 of the MAP_ALIGNED(n) request in FreeBSD mmap flags (0: none). */
unsigned fbsd_map_alignment(uint64_t fflags);
/* "MAP_PRIVATE|MAP_ANON|MAP_ALIGNED(21)" for FreeBSD mmap flags. */
size_t fbsd_mmap_flags_format(uint64_t f, char *buf, size_t n);
/* msync(2) flags -> Linux (FreeBSD MS_SYNC is 0, Linux wants MS_SYNC set); -1 on bad bits. */
int fbsd_msync_flags_to_linux(int f);

/* struct flock FreeBSD -> Linux; 0 or FBSD_EINVAL for a bad l_type. */
int fbsd_flock_to_linux(const struct fbsd_flock *f, struct flock *l);
/* struct flock Linux -> FreeBSD (l_sysid 0); 0 or FBSD_EINVAL. */
int fbsd_flock_from_linux(const struct flock *l, struct fbsd_flock *f);

/* rlimit value FreeBSD -> Linux: RLIM_INFINITY (2^63-1) becomes ~0. */
uint64_t fbsd_rlim_to_linux(int64_t v);
/* rlimit value Linux -> FreeBSD: anything >= 2^63-1 is infinity. */
int64_t fbsd_rlim_from_linux(uint64_t v);
/* struct rlimit FreeBSD -> Linux. */
void fbsd_rlimit_to_linux(const struct fbsd_rlimit *f, struct rlimit *l);
/* struct rlimit Linux -> FreeBSD. */
void fbsd_rlimit_from_linux(const struct rlimit *l, struct fbsd_rlimit *f);
/* The NOTE_* table that decodes kevent fflags for a filter, or NULL. */
const struct fbsd_flagmap *fbsd_kevent_fflags_table(int filter);

/* Flag tables. */
extern const struct fbsd_flagmap fbsd_open_flags[]; /* without O_ACCMODE */
extern const struct fbsd_flagmap fbsd_at_flags[];
extern const struct fbsd_flagmap fbsd_mmap_prot[];
extern const struct fbsd_flagmap fbsd_mmap_flags[]; /* without MAP_ALIGNED */
extern const struct fbsd_flagmap fbsd_msync_flags[]; /* use fbsd_msync_flags_to_linux */
extern const struct fbsd_flagmap fbsd_seal_flags[];
extern const struct fbsd_flagmap fbsd_fd_flags[];
extern const struct fbsd_flagmap fbsd_access_modes[];
extern const struct fbsd_flagmap fbsd_wait_options[];
extern const struct fbsd_flagmap fbsd_poll_events[];
extern const struct fbsd_flagmap fbsd_mnt_flags[]; /* statfs f_flags <-> Linux ST_* */
extern const struct fbsd_flagmap fbsd_kevent_flags[]; /* EV_*: no Linux side */
extern const struct fbsd_flagmap fbsd_note_read[];
extern const struct fbsd_flagmap fbsd_note_vnode[];
extern const struct fbsd_flagmap fbsd_note_proc[];
extern const struct fbsd_flagmap fbsd_note_timer[];
extern const struct fbsd_flagmap fbsd_note_user[];
/* Value tables. */
extern const struct fbsd_valmap fbsd_madvise_advice[];
extern const struct fbsd_valmap fbsd_fcntl_cmds[];
extern const struct fbsd_valmap fbsd_lock_types[];
extern const struct fbsd_valmap fbsd_idtypes[];
extern const struct fbsd_valmap fbsd_clock_ids[];
extern const struct fbsd_valmap fbsd_rlimit_resources[];
extern const struct fbsd_valmap fbsd_kevent_filters[];

/* ============================ errno (errno.c) ============================ */

/* Linux errno -> FreeBSD errno. Linux-only codes get the closest FreeBSD
 * meaning (ENODATA->ENOATTR, ETIME->ETIMEDOUT, EUCLEAN->EINTEGRITY ...);
 * numbers that mean nothing become FBSD_EIO. 0 stays 0. */
int fbsd_errno_from_linux(int lerr);
/* FreeBSD errno -> Linux errno (FreeBSD-only codes get the closest; unknown -> EINVAL). */
int fbsd_errno_to_linux(int ferr);
/* "ENOENT" for a FreeBSD errno, or NULL. */
const char *fbsd_errno_name(int ferr);
/* FreeBSD strerror text ("No such file or directory"), or "Unknown error". */
const char *fbsd_errno_message(int ferr);

/* =========================== signals (signal.c) =========================== */

/* Where FreeBSD-only signals live on the host. glibc keeps Linux 32 and 33
 * for itself, so they start at 34; FreeBSD SIGRTMIN+k (65+k) is Linux 38+k
 * for k = 0..26; FreeBSD 92..126 have no host signal. */
#define FBSD_LINUX_SIGTHR 34
#define FBSD_LINUX_SIGLIBRT 35
#define FBSD_LINUX_SIGINFO 36
#define FBSD_LINUX_SIGEMT 37
#define FBSD_LINUX_SIGRTBASE 38
#define FBSD_LINUX_NSIG 64

/* FreeBSD signal -> Linux signal, 0 if it has no host signal. */
int fbsd_sig_to_linux(int fsig);
/* Linux signal -> FreeBSD signal, 0 if none (SIGSTKFLT, SIGPWR, 32, 33). */
int fbsd_sig_from_linux(int lsig);
/* "SIGSEGV" for FreeBSD signals 1..33, NULL otherwise. */
const char *fbsd_sig_name(int fsig);
/* Writes "SIGSEGV", "SIGRTMIN+3" or the number (snprintf semantics). */
size_t fbsd_sig_format(int fsig, char *buf, size_t n);
/* FreeBSD sigset -> Linux kernel sigset; returns how many signals had no host twin. */
int fbsd_sigset_to_linux(const fbsd_sigset_t *fs, uint64_t *lmask);
/* Linux kernel sigset -> FreeBSD sigset; returns how many signals had no FreeBSD twin. */
int fbsd_sigset_from_linux(uint64_t lmask, fbsd_sigset_t *fs);
/* sigprocmask how FreeBSD 1/2/3 -> Linux 0/1/2; -1 if invalid. */
int fbsd_sigprocmask_how_to_linux(int fhow);
/* sigprocmask how Linux -> FreeBSD; -1 if invalid. */
int fbsd_sigprocmask_how_from_linux(int lhow);

/* The Linux x86-64 kernel's struct sigaction (rt_sigaction's layout). */
struct fbsd_linux_ksigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};
/* FreeBSD sigaction -> kernel layout; the handler is copied as is (the
 * caller installs its own trampoline). 0 or FBSD_EINVAL for unknown flags. */
int fbsd_sigaction_to_linux(const struct fbsd_sigaction *fa, struct fbsd_linux_ksigaction *la);
/* Kernel layout -> FreeBSD sigaction (SA_RESTORER dropped). */
void fbsd_sigaction_from_linux(const struct fbsd_linux_ksigaction *la, struct fbsd_sigaction *fa);
/* Linux si_code (of Linux signal lsig) -> FreeBSD si_code. */
int fbsd_si_code_from_linux(int lsig, int lcode);
/* FreeBSD si_code (of FreeBSD signal fsig) -> Linux si_code. */
int fbsd_si_code_to_linux(int fsig, int fcode);
/* Whole siginfo Linux -> FreeBSD (signal, code, pid/uid, status, addr, value, timer, band). */
void fbsd_siginfo_from_linux(const siginfo_t *l, fbsd_siginfo_t *f);
/* sigaltstack FreeBSD -> Linux stack_t; 0 or FBSD_EINVAL on unknown ss_flags. */
int fbsd_stack_to_linux(const struct fbsd_stack *f, stack_t *l);
/* sigaltstack Linux -> FreeBSD (SS_AUTODISARM dropped). */
void fbsd_stack_from_linux(const stack_t *l, struct fbsd_stack *f);
/* wait(2) status word: rewrites the signal numbers inside a Linux status. */
int fbsd_wstatus_from_linux(int lstatus);
/* Linux signal-frame registers (+ fxsave area if fpregs set) -> FreeBSD mcontext. */
void fbsd_mcontext_from_linux(const mcontext_t *l, struct fbsd_mcontext *f);
/* FreeBSD mcontext (from sigreturn) -> Linux registers (+ fxsave area if
 * fpregs set); the caller must still sanitize rflags, cs and ss. */
void fbsd_mcontext_to_linux(const struct fbsd_mcontext *f, mcontext_t *l);

extern const struct fbsd_flagmap fbsd_sa_flags[];
extern const struct fbsd_flagmap fbsd_ss_flags[];
extern const struct fbsd_valmap fbsd_sigprocmask_hows[];

/* ======================= stat, statfs, dirent (stat.c) ======================= */

/* FreeBSD 12+ makedev(major, minor). */
uint64_t fbsd_makedev(uint32_t major, uint32_t minor);
/* Linux dev_t -> FreeBSD dev_t (same major/minor, FreeBSD encoding). */
uint64_t fbsd_dev_from_linux(uint64_t ldev);
/* FreeBSD dev_t -> Linux dev_t (for mknod). */
uint64_t fbsd_dev_to_linux(uint64_t fdev);
/* Linux struct stat -> FreeBSD stat (birthtime {-1, 0}: unknown). */
void fbsd_stat_from_linux(const struct stat *l, struct fbsd_stat *f);
/* Linux struct statx -> FreeBSD stat (birthtime from stx_btime when present). */
void fbsd_stat_from_statx(const struct statx *l, struct fbsd_stat *f);
/* FreeBSD f_fstypename for a Linux f_type magic ("ext2fs", "tmpfs", ...). */
const char *fbsd_fstypename(uint64_t linux_magic);
/* Linux statfs -> FreeBSD statfs; the mount names may be NULL. */
void fbsd_statfs_from_linux(const struct statfs *l, const char *mntfrom, const char *mnton,
                            struct fbsd_statfs *f);
/* Converts getdents64 records (llen bytes) into FreeBSD dirent records,
 * stopping before the first one that does not fit in fcap bytes. Returns the
 * bytes written; *consumed = Linux bytes converted; *resume = d_off of the
 * last converted record (lseek the host fd there to continue; untouched if
 * none). 0 with *consumed == 0 while llen > 0: buffer too small for one entry. */
size_t fbsd_dirents_from_linux(const void *lbuf, size_t llen, void *fbuf, size_t fcap,
                               size_t *consumed, int64_t *resume);

/* =========================== sockets (socket.c) =========================== */

/* Guest sockaddr (flen bytes; its sa_len byte is ignored, the length argument
 * rules as in FreeBSD's getsockaddr) -> Linux sockaddr. Checks the lengths
 * FreeBSD checks: 0, FBSD_EINVAL, FBSD_EAFNOSUPPORT or FBSD_ENAMETOOLONG. */
int fbsd_sockaddr_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                           uint32_t *llen);
/* Linux sockaddr -> FreeBSD bytes in fbuf; *flen = MIN(fcap, FreeBSD length)
 * as FreeBSD's accept/getsockname report it. 0 or FBSD_EAFNOSUPPORT. */
int fbsd_sockaddr_from_linux(const struct sockaddr *lsa, uint32_t llen, void *fbuf,
                             uint32_t fcap, uint32_t *flen);
/* socket(2) type with SOCK_CLOEXEC/SOCK_NONBLOCK -> Linux; -1 if invalid. */
int fbsd_socket_type_to_linux(int ftype);
/* FreeBSD sockopt (level, name) -> Linux (level, name) and the conversion
 * its value needs; 0 or FBSD_ENOPROTOOPT. */
int fbsd_sockopt_to_linux(int flevel, int fname, int *llevel, int *lname, unsigned *conv);
/* Name of a FreeBSD sockopt ("SO_REUSEADDR"), or NULL. */
const char *fbsd_sockopt_name(int flevel, int fname);
/* FreeBSD msghdr fields -> Linux msghdr (the caller swaps in converted name
 * and control buffers); 0 or FBSD_EMSGSIZE (bad iovlen). */
int fbsd_msghdr_to_linux(const struct fbsd_msghdr *f, struct msghdr *l);
/* After recvmsg: Linux namelen/controllen/flags back into the FreeBSD msghdr. */
void fbsd_msghdr_update_from_linux(const struct msghdr *l, struct fbsd_msghdr *f);
/* FreeBSD control buffer -> Linux (sendmsg); *llen = bytes written.
 * 0, FBSD_EINVAL (malformed/unsupported) or FBSD_ENOBUFS (lcap too small). */
int fbsd_cmsg_to_linux(const void *fbuf, size_t flen, void *lbuf, size_t lcap, size_t *llen);
/* Linux control buffer -> FreeBSD (recvmsg); messages that do not fit or have
 * no FreeBSD form are dropped and *ctrunc set. *flen = bytes written. Returns 0. */
int fbsd_cmsg_from_linux(const void *lbuf, size_t llen, void *fbuf, size_t fcap, size_t *flen,
                         int *ctrunc);

extern const struct fbsd_valmap fbsd_socket_domains[];
extern const struct fbsd_valmap fbsd_socket_types[];
extern const struct fbsd_flagmap fbsd_socket_type_flags[];
extern const struct fbsd_valmap fbsd_sockopt_levels[];
extern const struct fbsd_valmap fbsd_so_options[];
extern const struct fbsd_valmap fbsd_ip_options[];
extern const struct fbsd_valmap fbsd_ipv6_options[];
extern const struct fbsd_valmap fbsd_tcp_options[];
extern const struct fbsd_valmap fbsd_scm_types[];
extern const struct fbsd_flagmap fbsd_msg_flags[];
extern const struct fbsd_valmap fbsd_shutdown_hows[];

/* =========================== termios (termios.c) =========================== */

/* Linux's struct termios2 (asm/termbits.h), mirrored so callers need no
 * kernel headers: use it with TCGETS2/TCSETS2. */
struct fbsd_ltermios {
    uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
    uint8_t c_line;
    uint8_t c_cc[19];
    uint32_t c_ispeed, c_ospeed;
};
/* FreeBSD termios -> Linux termios2 (flag bits, c_cc slots, _POSIX_VDISABLE,
 * baud rates through CBAUD/BOTHER). */
void fbsd_termios_to_linux(const struct fbsd_termios *f, struct fbsd_ltermios *l);
/* Linux termios2 -> FreeBSD termios. */
void fbsd_termios_from_linux(const struct fbsd_ltermios *l, struct fbsd_termios *f);

/* ioctl requests FreeBSD -> Linux; conv says how the argument changes
 * (FBSD_CONV_SPECIAL entries are explained in termios.c). */
extern const struct fbsd_valmap fbsd_ioctl_cmds[];
extern const struct fbsd_flagmap fbsd_termios_iflags[];
extern const struct fbsd_flagmap fbsd_termios_oflags[];
extern const struct fbsd_flagmap fbsd_termios_cflags[];
extern const struct fbsd_flagmap fbsd_termios_lflags[];

#endif
