/* fbsd_types.h — FreeBSD amd64 facts: struct layouts and constants as the
 * FreeBSD kernel sees them (FreeBSD 12+ ABI: 64-bit inodes, kevent with
 * ext[4]). Every layout is pinned with _Static_asserts on its size and key
 * offsets; the numbers come from FreeBSD's own sys/ headers (file named next
 * to each block). Guest pointers are kept as uint64_t. */
#ifndef XENO_FBSD_TYPES_H
#define XENO_FBSD_TYPES_H

#include <stddef.h>
#include <stdint.h>

#define FBSD_ASSERT_SIZE(type, n) \
    _Static_assert(sizeof(type) == (n), "size of " #type)
#define FBSD_ASSERT_OFF(type, field, n) \
    _Static_assert(offsetof(type, field) == (n), "offset of " #type "." #field)

/* ---- sys/sys/errno.h (ELAST 97) ---- */
#define FBSD_EPERM 1
#define FBSD_ENOENT 2
#define FBSD_ESRCH 3
#define FBSD_EINTR 4
#define FBSD_EIO 5
#define FBSD_ENXIO 6
#define FBSD_E2BIG 7
#define FBSD_ENOEXEC 8
#define FBSD_EBADF 9
#define FBSD_ECHILD 10
#define FBSD_EDEADLK 11
#define FBSD_ENOMEM 12
#define FBSD_EACCES 13
#define FBSD_EFAULT 14
#define FBSD_ENOTBLK 15
#define FBSD_EBUSY 16
#define FBSD_EEXIST 17
#define FBSD_EXDEV 18
#define FBSD_ENODEV 19
#define FBSD_ENOTDIR 20
#define FBSD_EISDIR 21
#define FBSD_EINVAL 22
#define FBSD_ENFILE 23
#define FBSD_EMFILE 24
#define FBSD_ENOTTY 25
#define FBSD_ETXTBSY 26
#define FBSD_EFBIG 27
#define FBSD_ENOSPC 28
#define FBSD_ESPIPE 29
#define FBSD_EROFS 30
#define FBSD_EMLINK 31
#define FBSD_EPIPE 32
#define FBSD_EDOM 33
#define FBSD_ERANGE 34
#define FBSD_EAGAIN 35
#define FBSD_EINPROGRESS 36
#define FBSD_EALREADY 37
#define FBSD_ENOTSOCK 38
#define FBSD_EDESTADDRREQ 39
#define FBSD_EMSGSIZE 40
#define FBSD_EPROTOTYPE 41
#define FBSD_ENOPROTOOPT 42
#define FBSD_EPROTONOSUPPORT 43
#define FBSD_ESOCKTNOSUPPORT 44
#define FBSD_EOPNOTSUPP 45
#define FBSD_EPFNOSUPPORT 46
#define FBSD_EAFNOSUPPORT 47
#define FBSD_EADDRINUSE 48
#define FBSD_EADDRNOTAVAIL 49
#define FBSD_ENETDOWN 50
#define FBSD_ENETUNREACH 51
#define FBSD_ENETRESET 52
#define FBSD_ECONNABORTED 53
#define FBSD_ECONNRESET 54
#define FBSD_ENOBUFS 55
#define FBSD_EISCONN 56
#define FBSD_ENOTCONN 57
#define FBSD_ESHUTDOWN 58
#define FBSD_ETOOMANYREFS 59
#define FBSD_ETIMEDOUT 60
#define FBSD_ECONNREFUSED 61
#define FBSD_ELOOP 62
#define FBSD_ENAMETOOLONG 63
#define FBSD_EHOSTDOWN 64
#define FBSD_EHOSTUNREACH 65
#define FBSD_ENOTEMPTY 66
#define FBSD_EPROCLIM 67
#define FBSD_EUSERS 68
#define FBSD_EDQUOT 69
#define FBSD_ESTALE 70
#define FBSD_EREMOTE 71
#define FBSD_EBADRPC 72
#define FBSD_ERPCMISMATCH 73
#define FBSD_EPROGUNAVAIL 74
#define FBSD_EPROGMISMATCH 75
#define FBSD_EPROCUNAVAIL 76
#define FBSD_ENOLCK 77
#define FBSD_ENOSYS 78
#define FBSD_EFTYPE 79
#define FBSD_EAUTH 80
#define FBSD_ENEEDAUTH 81
#define FBSD_EIDRM 82
#define FBSD_ENOMSG 83
#define FBSD_EOVERFLOW 84
#define FBSD_ECANCELED 85
#define FBSD_EILSEQ 86
#define FBSD_ENOATTR 87
#define FBSD_EDOOFUS 88
#define FBSD_EBADMSG 89
#define FBSD_EMULTIHOP 90
#define FBSD_ENOLINK 91
#define FBSD_EPROTO 92
#define FBSD_ENOTCAPABLE 93
#define FBSD_ECAPMODE 94
#define FBSD_ENOTRECOVERABLE 95
#define FBSD_EOWNERDEAD 96
#define FBSD_EINTEGRITY 97
#define FBSD_ELAST 97

/* ---- sys/sys/signal.h ---- */
#define FBSD_SIGHUP 1
#define FBSD_SIGINT 2
#define FBSD_SIGQUIT 3
#define FBSD_SIGILL 4
#define FBSD_SIGTRAP 5
#define FBSD_SIGABRT 6
#define FBSD_SIGEMT 7
#define FBSD_SIGFPE 8
#define FBSD_SIGKILL 9
#define FBSD_SIGBUS 10
#define FBSD_SIGSEGV 11
#define FBSD_SIGSYS 12
#define FBSD_SIGPIPE 13
#define FBSD_SIGALRM 14
#define FBSD_SIGTERM 15
#define FBSD_SIGURG 16
#define FBSD_SIGSTOP 17
#define FBSD_SIGTSTP 18
#define FBSD_SIGCONT 19
#define FBSD_SIGCHLD 20
#define FBSD_SIGTTIN 21
#define FBSD_SIGTTOU 22
#define FBSD_SIGIO 23
#define FBSD_SIGXCPU 24
#define FBSD_SIGXFSZ 25
#define FBSD_SIGVTALRM 26
#define FBSD_SIGPROF 27
#define FBSD_SIGWINCH 28
#define FBSD_SIGINFO 29
#define FBSD_SIGUSR1 30
#define FBSD_SIGUSR2 31
#define FBSD_SIGTHR 32
#define FBSD_SIGLIBRT 33
#define FBSD_SIGRTMIN 65
#define FBSD_SIGRTMAX 126
#define FBSD_NSIG 128 /* _SIG_MAXSIG (sys/sys/_sigset.h) */

#define FBSD_SIG_BLOCK 1
#define FBSD_SIG_UNBLOCK 2
#define FBSD_SIG_SETMASK 3

#define FBSD_SA_ONSTACK 0x0001
#define FBSD_SA_RESTART 0x0002
#define FBSD_SA_RESETHAND 0x0004
#define FBSD_SA_NOCLDSTOP 0x0008
#define FBSD_SA_NODEFER 0x0010
#define FBSD_SA_NOCLDWAIT 0x0020
#define FBSD_SA_SIGINFO 0x0040

#define FBSD_SS_ONSTACK 0x0001
#define FBSD_SS_DISABLE 0x0004

/* si_code values */
#define FBSD_SI_NOINFO 0
#define FBSD_SI_USER 0x10001
#define FBSD_SI_QUEUE 0x10002
#define FBSD_SI_TIMER 0x10003
#define FBSD_SI_ASYNCIO 0x10004
#define FBSD_SI_MESGQ 0x10005
#define FBSD_SI_KERNEL 0x10006
#define FBSD_SI_LWP 0x10007
#define FBSD_ILL_ILLOPC 1
#define FBSD_ILL_BADSTK 8
#define FBSD_BUS_ADRALN 1
#define FBSD_BUS_ADRERR 2
#define FBSD_BUS_OBJERR 3
#define FBSD_SEGV_MAPERR 1
#define FBSD_SEGV_ACCERR 2
#define FBSD_FPE_INTOVF 1
#define FBSD_FPE_INTDIV 2
#define FBSD_FPE_FLTDIV 3
#define FBSD_FPE_FLTSUB 8
#define FBSD_TRAP_BRKPT 1
#define FBSD_TRAP_TRACE 2
#define FBSD_TRAP_DTRACE 3
#define FBSD_TRAP_CAP 4
#define FBSD_CLD_EXITED 1
#define FBSD_CLD_CONTINUED 6

/* sys/sys/_sigset.h: 128 signals, signal s is bit (s-1) */
typedef struct fbsd_sigset {
    uint32_t bits[4];
} fbsd_sigset_t;
FBSD_ASSERT_SIZE(fbsd_sigset_t, 16);

/* glibc's <signal.h> defines sa_handler and si_* as macros, so those
 * fields carry other names here. */
struct fbsd_sigaction {
    uint64_t sa_func; /* sa_handler / sa_sigaction */
    int32_t sa_flags;
    fbsd_sigset_t sa_mask;
};
FBSD_ASSERT_SIZE(struct fbsd_sigaction, 32);
FBSD_ASSERT_OFF(struct fbsd_sigaction, sa_flags, 8);
FBSD_ASSERT_OFF(struct fbsd_sigaction, sa_mask, 12);

union fbsd_sigval {
    int32_t sival_int;
    uint64_t sival_ptr;
};

typedef struct fbsd_siginfo {
    int32_t fsi_signo;
    int32_t fsi_errno;
    int32_t fsi_code;
    int32_t fsi_pid;
    uint32_t fsi_uid;
    int32_t fsi_status;
    uint64_t fsi_addr;
    union fbsd_sigval fsi_value;
    union {
        struct { int32_t trapno; } fault;
        struct { int32_t timerid, overrun; } timer;
        struct { int32_t mqd; } mesgq;
        struct { int64_t band; } poll;
        struct { int64_t spare1; int32_t spare2[7]; } spare;
    } fsi_reason;
} fbsd_siginfo_t;
FBSD_ASSERT_SIZE(fbsd_siginfo_t, 80);
FBSD_ASSERT_OFF(fbsd_siginfo_t, fsi_code, 8);
FBSD_ASSERT_OFF(fbsd_siginfo_t, fsi_status, 20);
FBSD_ASSERT_OFF(fbsd_siginfo_t, fsi_addr, 24);
FBSD_ASSERT_OFF(fbsd_siginfo_t, fsi_value, 32);
FBSD_ASSERT_OFF(fbsd_siginfo_t, fsi_reason, 40);

/* struct sigaltstack: note ss_size before ss_flags (Linux has the reverse) */
struct fbsd_stack {
    uint64_t ss_sp;
    uint64_t ss_size;
    int32_t ss_flags;
};
FBSD_ASSERT_SIZE(struct fbsd_stack, 24);
FBSD_ASSERT_OFF(struct fbsd_stack, ss_flags, 16);

/* ---- sys/x86/include/ucontext.h (amd64) and sys/sys/_ucontext.h ---- */
#define FBSD_MC_HASSEGS 0x1
#define FBSD_MC_HASBASES 0x2
#define FBSD_MC_HASFPXSTATE 0x4
#define FBSD_MC_HASTLSBASE 0x8
#define FBSD_MC_FPFMT_NODEV 0x10000
#define FBSD_MC_FPFMT_XMM 0x10002
#define FBSD_MC_FPOWNED_NONE 0x20000
#define FBSD_MC_FPOWNED_FPU 0x20001
#define FBSD_MC_FPOWNED_PCB 0x20002
#define FBSD_GUCODE_SEL 0x43 /* user %cs on FreeBSD amd64 */
#define FBSD_GUDATA_SEL 0x3b /* user %ss */

struct fbsd_mcontext {
    int64_t mc_onstack;
    int64_t mc_rdi, mc_rsi, mc_rdx, mc_rcx, mc_r8, mc_r9, mc_rax, mc_rbx;
    int64_t mc_rbp, mc_r10, mc_r11, mc_r12, mc_r13, mc_r14, mc_r15;
    uint32_t mc_trapno;
    uint16_t mc_fs, mc_gs;
    int64_t mc_addr;
    uint32_t mc_flags;
    uint16_t mc_es, mc_ds;
    int64_t mc_err, mc_rip, mc_cs, mc_rflags, mc_rsp, mc_ss;
    int64_t mc_len;
    int64_t mc_fpformat;
    int64_t mc_ownedfp;
    _Alignas(16) int64_t mc_fpstate[64]; /* fxsave image, 512 bytes */
    int64_t mc_fsbase, mc_gsbase;
    int64_t mc_xfpustate, mc_xfpustate_len;
    int64_t mc_tlsbase;
    int64_t mc_spare[3];
};
FBSD_ASSERT_SIZE(struct fbsd_mcontext, 800);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_rdi, 8);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_r15, 120);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_trapno, 128);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_addr, 136);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_flags, 144);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_err, 152);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_rip, 160);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_rsp, 184);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_len, 200);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_fpstate, 224);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_fsbase, 736);
FBSD_ASSERT_OFF(struct fbsd_mcontext, mc_tlsbase, 768);

typedef struct fbsd_ucontext {
    fbsd_sigset_t uc_sigmask;
    struct fbsd_mcontext uc_mcontext;
    uint64_t uc_link;
    struct fbsd_stack uc_stack;
    int32_t uc_flags;
    int32_t uc_spare[4];
} fbsd_ucontext_t;
FBSD_ASSERT_SIZE(fbsd_ucontext_t, 880);
FBSD_ASSERT_OFF(fbsd_ucontext_t, uc_mcontext, 16);
FBSD_ASSERT_OFF(fbsd_ucontext_t, uc_link, 816);
FBSD_ASSERT_OFF(fbsd_ucontext_t, uc_stack, 824);
FBSD_ASSERT_OFF(fbsd_ucontext_t, uc_flags, 848);

/* sys/amd64/include/sigframe.h: what the kernel pushes for a handler */
struct fbsd_sigframe {
    uint64_t sf_ahu; /* handler address */
    fbsd_ucontext_t sf_uc;
    fbsd_siginfo_t sf_si;
};
FBSD_ASSERT_OFF(struct fbsd_sigframe, sf_uc, 16);
FBSD_ASSERT_OFF(struct fbsd_sigframe, sf_si, 896);
FBSD_ASSERT_SIZE(struct fbsd_sigframe, 976);

/* ---- sys/sys/_timespec.h, sys/sys/_timeval.h, sys/sys/time.h ---- */
struct fbsd_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
FBSD_ASSERT_SIZE(struct fbsd_timespec, 16);

struct fbsd_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};
FBSD_ASSERT_SIZE(struct fbsd_timeval, 16);

struct fbsd_itimerval {
    struct fbsd_timeval it_interval;
    struct fbsd_timeval it_value;
};
FBSD_ASSERT_SIZE(struct fbsd_itimerval, 32);

/* ---- sys/sys/stat.h (FreeBSD 12+, ino64) ---- */
struct fbsd_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint64_t st_nlink;
    uint16_t st_mode;
    int16_t st_bsdflags; /* st_padding0 before FreeBSD 14 */
    uint32_t st_uid;
    uint32_t st_gid;
    int32_t st_padding1;
    uint64_t st_rdev;
    struct fbsd_timespec st_atim;
    struct fbsd_timespec st_mtim;
    struct fbsd_timespec st_ctim;
    struct fbsd_timespec st_birthtim;
    int64_t st_size;
    int64_t st_blocks;
    int32_t st_blksize;
    uint32_t st_flags;
    uint64_t st_gen;
    uint64_t st_spare[10]; /* FreeBSD 14 names spare[0] st_filerev */
};
FBSD_ASSERT_SIZE(struct fbsd_stat, 224);
FBSD_ASSERT_OFF(struct fbsd_stat, st_mode, 24);
FBSD_ASSERT_OFF(struct fbsd_stat, st_uid, 28);
FBSD_ASSERT_OFF(struct fbsd_stat, st_rdev, 40);
FBSD_ASSERT_OFF(struct fbsd_stat, st_atim, 48);
FBSD_ASSERT_OFF(struct fbsd_stat, st_birthtim, 96);
FBSD_ASSERT_OFF(struct fbsd_stat, st_size, 112);
FBSD_ASSERT_OFF(struct fbsd_stat, st_blksize, 128);
FBSD_ASSERT_OFF(struct fbsd_stat, st_gen, 136);
FBSD_ASSERT_OFF(struct fbsd_stat, st_spare, 144);

/* ---- sys/sys/dirent.h (FreeBSD 12+) ---- */
#define FBSD_MAXNAMLEN 255
#define FBSD_DT_UNKNOWN 0
#define FBSD_DT_FIFO 1
#define FBSD_DT_CHR 2
#define FBSD_DT_DIR 4
#define FBSD_DT_BLK 6
#define FBSD_DT_REG 8
#define FBSD_DT_LNK 10
#define FBSD_DT_SOCK 12
#define FBSD_DT_WHT 14

/* d_ino is FreeBSD's alias for d_fileno (glibc macros d_fileno away) */
struct fbsd_dirent {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    uint8_t d_pad0;
    uint16_t d_namlen;
    uint16_t d_pad1;
    char d_name[FBSD_MAXNAMLEN + 1];
};
FBSD_ASSERT_SIZE(struct fbsd_dirent, 280);
FBSD_ASSERT_OFF(struct fbsd_dirent, d_reclen, 16);
FBSD_ASSERT_OFF(struct fbsd_dirent, d_type, 18);
FBSD_ASSERT_OFF(struct fbsd_dirent, d_namlen, 20);
FBSD_ASSERT_OFF(struct fbsd_dirent, d_name, 24);
/* _GENERIC_DIRLEN: header + name + NUL, rounded up to 8 */
#define FBSD_DIRENT_RECLEN(namlen) \
    ((offsetof(struct fbsd_dirent, d_name) + (size_t)(namlen) + 1 + 7) & ~(size_t)7)

/* ---- sys/sys/mount.h (struct statfs, FreeBSD 12+) ---- */
#define FBSD_MFSNAMELEN 16
#define FBSD_MNAMELEN 1024
#define FBSD_STATFS_VERSION 0x20140518
#define FBSD_MNT_RDONLY 0x0000000000000001ULL
#define FBSD_MNT_SYNCHRONOUS 0x0000000000000002ULL
#define FBSD_MNT_NOEXEC 0x0000000000000004ULL
#define FBSD_MNT_NOSUID 0x0000000000000008ULL
#define FBSD_MNT_ASYNC 0x0000000000000040ULL
#define FBSD_MNT_LOCAL 0x0000000000001000ULL
#define FBSD_MNT_NOATIME 0x0000000010000000ULL

struct fbsd_statfs {
    uint32_t f_version;
    uint32_t f_type;
    uint64_t f_flags;
    uint64_t f_bsize;
    uint64_t f_iosize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    int64_t f_bavail;
    uint64_t f_files;
    int64_t f_ffree;
    uint64_t f_syncwrites;
    uint64_t f_asyncwrites;
    uint64_t f_syncreads;
    uint64_t f_asyncreads;
    uint64_t f_spare[10];
    uint32_t f_namemax;
    uint32_t f_owner;
    int32_t f_fsid[2];
    char f_charspare[80];
    char f_fstypename[FBSD_MFSNAMELEN];
    char f_mntfromname[FBSD_MNAMELEN];
    char f_mntonname[FBSD_MNAMELEN];
};
FBSD_ASSERT_SIZE(struct fbsd_statfs, 2344);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_bsize, 16);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_namemax, 184);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_fsid, 192);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_fstypename, 280);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_mntfromname, 296);
FBSD_ASSERT_OFF(struct fbsd_statfs, f_mntonname, 1320);

/* ---- sys/sys/event.h ---- */
#define FBSD_EVFILT_READ (-1)
#define FBSD_EVFILT_WRITE (-2)
#define FBSD_EVFILT_AIO (-3)
#define FBSD_EVFILT_VNODE (-4)
#define FBSD_EVFILT_PROC (-5)
#define FBSD_EVFILT_SIGNAL (-6)
#define FBSD_EVFILT_TIMER (-7)
#define FBSD_EVFILT_PROCDESC (-8)
#define FBSD_EVFILT_FS (-9)
#define FBSD_EVFILT_LIO (-10)
#define FBSD_EVFILT_USER (-11)
#define FBSD_EVFILT_SENDFILE (-12)
#define FBSD_EVFILT_EMPTY (-13)
#define FBSD_EV_ADD 0x0001
#define FBSD_EV_DELETE 0x0002
#define FBSD_EV_ENABLE 0x0004
#define FBSD_EV_DISABLE 0x0008
#define FBSD_EV_ONESHOT 0x0010
#define FBSD_EV_CLEAR 0x0020
#define FBSD_EV_RECEIPT 0x0040
#define FBSD_EV_DISPATCH 0x0080
#define FBSD_EV_FORCEONESHOT 0x0100
#define FBSD_EV_DROP 0x1000
#define FBSD_EV_FLAG1 0x2000
#define FBSD_EV_ERROR 0x4000
#define FBSD_EV_EOF 0x8000
#define FBSD_NOTE_FFNOP 0x00000000
#define FBSD_NOTE_FFAND 0x40000000
#define FBSD_NOTE_FFOR 0x80000000
#define FBSD_NOTE_FFCOPY 0xc0000000
#define FBSD_NOTE_FFCTRLMASK 0xc0000000
#define FBSD_NOTE_FFLAGSMASK 0x00ffffff
#define FBSD_NOTE_TRIGGER 0x01000000

struct fbsd_kevent {
    uint64_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t data;
    uint64_t udata;
    uint64_t ext[4];
};
FBSD_ASSERT_SIZE(struct fbsd_kevent, 64);
FBSD_ASSERT_OFF(struct fbsd_kevent, filter, 8);
FBSD_ASSERT_OFF(struct fbsd_kevent, flags, 10);
FBSD_ASSERT_OFF(struct fbsd_kevent, fflags, 12);
FBSD_ASSERT_OFF(struct fbsd_kevent, data, 16);
FBSD_ASSERT_OFF(struct fbsd_kevent, udata, 24);
FBSD_ASSERT_OFF(struct fbsd_kevent, ext, 32);

/* ---- sys/sys/thr.h, sys/sys/_umtx.h, sys/sys/umtx.h ---- */
#define FBSD_THR_SUSPENDED 0x0001
#define FBSD_THR_SYSTEM_SCOPE 0x0002
#define FBSD_UMTX_ABSTIME 0x0001

struct fbsd_thr_param {
    uint64_t start_func;
    uint64_t arg;
    uint64_t stack_base;
    uint64_t stack_size;
    uint64_t tls_base;
    uint64_t tls_size;
    uint64_t child_tid;  /* long * */
    uint64_t parent_tid; /* long * */
    int32_t flags;
    uint64_t rtp; /* struct rtprio * */
    uint64_t spare[3];
};
FBSD_ASSERT_SIZE(struct fbsd_thr_param, 104);
FBSD_ASSERT_OFF(struct fbsd_thr_param, flags, 64);
FBSD_ASSERT_OFF(struct fbsd_thr_param, rtp, 72);

struct fbsd_umtx_time {
    struct fbsd_timespec _timeout;
    uint32_t _flags;
    uint32_t _clockid;
};
FBSD_ASSERT_SIZE(struct fbsd_umtx_time, 24);
FBSD_ASSERT_OFF(struct fbsd_umtx_time, _clockid, 20);

/* ---- sys/sys/resource.h ---- */
#define FBSD_RLIM_INFINITY ((uint64_t)(((uint64_t)1 << 63) - 1))
#define FBSD_RUSAGE_SELF 0
#define FBSD_RUSAGE_CHILDREN (-1)
#define FBSD_RUSAGE_THREAD 1

struct fbsd_rlimit {
    int64_t rlim_cur;
    int64_t rlim_max;
};
FBSD_ASSERT_SIZE(struct fbsd_rlimit, 16);

struct fbsd_rusage {
    struct fbsd_timeval ru_utime;
    struct fbsd_timeval ru_stime;
    int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
    int64_t ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw;
    int64_t ru_nivcsw;
};
FBSD_ASSERT_SIZE(struct fbsd_rusage, 144); /* same layout as Linux */
FBSD_ASSERT_OFF(struct fbsd_rusage, ru_maxrss, 32);

/* ---- sys/sys/_termios.h, sys/sys/ttycom.h ---- */
#define FBSD_NCCS 20
#define FBSD_POSIX_VDISABLE 0xff
#define FBSD_VEOF 0
#define FBSD_VEOL 1
#define FBSD_VEOL2 2
#define FBSD_VERASE 3
#define FBSD_VWERASE 4
#define FBSD_VKILL 5
#define FBSD_VREPRINT 6
#define FBSD_VERASE2 7
#define FBSD_VINTR 8
#define FBSD_VQUIT 9
#define FBSD_VSUSP 10
#define FBSD_VDSUSP 11
#define FBSD_VSTART 12
#define FBSD_VSTOP 13
#define FBSD_VLNEXT 14
#define FBSD_VDISCARD 15
#define FBSD_VMIN 16
#define FBSD_VTIME 17
#define FBSD_VSTATUS 18

struct fbsd_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_cc[FBSD_NCCS];
    uint32_t c_ispeed; /* plain integer baud rate */
    uint32_t c_ospeed;
};
FBSD_ASSERT_SIZE(struct fbsd_termios, 44);
FBSD_ASSERT_OFF(struct fbsd_termios, c_cc, 16);
FBSD_ASSERT_OFF(struct fbsd_termios, c_ispeed, 36);

struct fbsd_winsize {
    uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};
FBSD_ASSERT_SIZE(struct fbsd_winsize, 8);

/* sys/sys/ioccom.h: _IOC(inout, group, num, len) */
#define FBSD_IOC_VOID 0x20000000UL
#define FBSD_IOC_OUT 0x40000000UL
#define FBSD_IOC_IN 0x80000000UL
#define FBSD_IOC_INOUT (FBSD_IOC_IN | FBSD_IOC_OUT)
#define FBSD_IOCPARM_MASK 0x1fffUL
#define FBSD_IOC(inout, g, n, len) \
    ((inout) | (((unsigned long)(len) & FBSD_IOCPARM_MASK) << 16) | ((g) << 8) | (n))
#define FBSD_IO(g, n) FBSD_IOC(FBSD_IOC_VOID, (g), (n), 0)
#define FBSD_IOR(g, n, len) FBSD_IOC(FBSD_IOC_OUT, (g), (n), (len))
#define FBSD_IOW(g, n, len) FBSD_IOC(FBSD_IOC_IN, (g), (n), (len))
#define FBSD_IOWR(g, n, len) FBSD_IOC(FBSD_IOC_INOUT, (g), (n), (len))
#define FBSD_IOWINT(g, n) FBSD_IOC(FBSD_IOC_VOID, (g), (n), sizeof(int))

#define FBSD_TIOCEXCL FBSD_IO('t', 13)
#define FBSD_TIOCNXCL FBSD_IO('t', 14)
#define FBSD_TIOCGPTN FBSD_IOR('t', 15, 4)
#define FBSD_TIOCFLUSH FBSD_IOW('t', 16, 4)
#define FBSD_TIOCGETA FBSD_IOR('t', 19, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETA FBSD_IOW('t', 20, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETAW FBSD_IOW('t', 21, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETAF FBSD_IOW('t', 22, sizeof(struct fbsd_termios))
#define FBSD_TIOCGETD FBSD_IOR('t', 26, 4)
#define FBSD_TIOCSETD FBSD_IOW('t', 27, 4)
#define FBSD_TIOCPTMASTER FBSD_IO('t', 28)
#define FBSD_TIOCDRAIN FBSD_IO('t', 94)
#define FBSD_TIOCSIG FBSD_IOWINT('t', 95)
#define FBSD_TIOCSCTTY FBSD_IO('t', 97)
#define FBSD_TIOCCONS FBSD_IOW('t', 98, 4)
#define FBSD_TIOCGSID FBSD_IOR('t', 99, 4)
#define FBSD_TIOCSWINSZ FBSD_IOW('t', 103, sizeof(struct fbsd_winsize))
#define FBSD_TIOCGWINSZ FBSD_IOR('t', 104, sizeof(struct fbsd_winsize))
#define FBSD_TIOCMGET FBSD_IOR('t', 106, 4)
#define FBSD_TIOCMBIC FBSD_IOW('t', 107, 4)
#define FBSD_TIOCMBIS FBSD_IOW('t', 108, 4)
#define FBSD_TIOCMSET FBSD_IOW('t', 109, 4)
#define FBSD_TIOCSTART FBSD_IO('t', 110)
#define FBSD_TIOCSTOP FBSD_IO('t', 111)
#define FBSD_TIOCPKT FBSD_IOW('t', 112, 4)
#define FBSD_TIOCNOTTY FBSD_IO('t', 113)
#define FBSD_TIOCSTI FBSD_IOW('t', 114, 1)
#define FBSD_TIOCOUTQ FBSD_IOR('t', 115, 4)
#define FBSD_TIOCSPGRP FBSD_IOW('t', 118, 4)
#define FBSD_TIOCGPGRP FBSD_IOR('t', 119, 4)
#define FBSD_TIOCCBRK FBSD_IO('t', 122)
#define FBSD_TIOCSBRK FBSD_IO('t', 123)
/* sys/sys/filio.h */
#define FBSD_FIOCLEX FBSD_IO('f', 1)
#define FBSD_FIONCLEX FBSD_IO('f', 2)
#define FBSD_FIONREAD FBSD_IOR('f', 127, 4)
#define FBSD_FIONBIO FBSD_IOW('f', 126, 4)
#define FBSD_FIOASYNC FBSD_IOW('f', 125, 4)
#define FBSD_FIOSETOWN FBSD_IOW('f', 124, 4)
#define FBSD_FIOGETOWN FBSD_IOR('f', 123, 4)
#define FBSD_FIODTYPE FBSD_IOR('f', 122, 4)
#define FBSD_FIONWRITE FBSD_IOR('f', 119, 4)
#define FBSD_FIONSPACE FBSD_IOR('f', 118, 4)
#define FBSD_FIOSEEKDATA FBSD_IOWR('f', 97, 8)
#define FBSD_FIOSEEKHOLE FBSD_IOWR('f', 98, 8)

/* ---- sys/sys/socket.h, sys/netinet/in.h, sys/netinet6/in6.h, sys/sys/un.h ---- */
#define FBSD_SOL_SOCKET 0xffff
#define FBSD_AF_UNSPEC 0
#define FBSD_AF_UNIX 1
#define FBSD_AF_INET 2
#define FBSD_AF_ROUTE 17
#define FBSD_AF_LINK 18
#define FBSD_AF_INET6 28
#define FBSD_SOCK_STREAM 1
#define FBSD_SOCK_DGRAM 2
#define FBSD_SOCK_RAW 3
#define FBSD_SOCK_RDM 4
#define FBSD_SOCK_SEQPACKET 5
#define FBSD_SOCK_CLOEXEC 0x10000000
#define FBSD_SOCK_NONBLOCK 0x20000000
#define FBSD_SOCK_MAXADDRLEN 255
#define FBSD_SCM_RIGHTS 0x01
#define FBSD_SCM_TIMESTAMP 0x02
#define FBSD_SCM_CREDS 0x03
#define FBSD_SCM_BINTIME 0x04
#define FBSD_IPPROTO_IP 0
#define FBSD_IPPROTO_TCP 6
#define FBSD_IPPROTO_UDP 17
#define FBSD_IPPROTO_IPV6 41

struct fbsd_sockaddr {
    uint8_t sa_len;
    uint8_t sa_family;
    char sa_data[14];
};
FBSD_ASSERT_SIZE(struct fbsd_sockaddr, 16);

struct fbsd_sockaddr_in {
    uint8_t sin_len;
    uint8_t sin_family;
    uint16_t sin_port; /* network order */
    uint32_t sin_addr; /* network order */
    char sin_zero[8];
};
FBSD_ASSERT_SIZE(struct fbsd_sockaddr_in, 16);

struct fbsd_sockaddr_in6 {
    uint8_t sin6_len;
    uint8_t sin6_family;
    uint16_t sin6_port;
    uint32_t sin6_flowinfo;
    uint8_t sin6_addr[16];
    uint32_t sin6_scope_id;
};
FBSD_ASSERT_SIZE(struct fbsd_sockaddr_in6, 28);
FBSD_ASSERT_OFF(struct fbsd_sockaddr_in6, sin6_addr, 8);

struct fbsd_sockaddr_un {
    uint8_t sun_len;
    uint8_t sun_family;
    char sun_path[104];
};
FBSD_ASSERT_SIZE(struct fbsd_sockaddr_un, 106);

struct fbsd_sockaddr_storage {
    uint8_t ss_len;
    uint8_t ss_family;
    char ss_pad1[6];
    int64_t ss_align;
    char ss_pad2[112];
};
FBSD_ASSERT_SIZE(struct fbsd_sockaddr_storage, 128);

struct fbsd_iovec {
    uint64_t iov_base;
    uint64_t iov_len;
};
FBSD_ASSERT_SIZE(struct fbsd_iovec, 16); /* same as Linux */

struct fbsd_msghdr {
    uint64_t msg_name;
    uint32_t msg_namelen;
    uint64_t msg_iov;
    int32_t msg_iovlen;
    uint64_t msg_control;
    uint32_t msg_controllen;
    int32_t msg_flags;
};
FBSD_ASSERT_SIZE(struct fbsd_msghdr, 48);
FBSD_ASSERT_OFF(struct fbsd_msghdr, msg_iovlen, 24);
FBSD_ASSERT_OFF(struct fbsd_msghdr, msg_controllen, 40);
FBSD_ASSERT_OFF(struct fbsd_msghdr, msg_flags, 44);

struct fbsd_mmsghdr {
    struct fbsd_msghdr msg_hdr;
    int64_t msg_len;
};
FBSD_ASSERT_SIZE(struct fbsd_mmsghdr, 56);

/* cmsg_data starts at _ALIGN(sizeof(struct cmsghdr)) = 16 on amd64 */
struct fbsd_cmsghdr {
    uint32_t cmsg_len;
    int32_t cmsg_level;
    int32_t cmsg_type;
};
FBSD_ASSERT_SIZE(struct fbsd_cmsghdr, 12);
#define FBSD_CMSG_ALIGN(n) (((size_t)(n) + 7) & ~(size_t)7)
#define FBSD_CMSG_HDRLEN FBSD_CMSG_ALIGN(sizeof(struct fbsd_cmsghdr))
#define FBSD_CMSG_LEN(n) (FBSD_CMSG_HDRLEN + (size_t)(n))
#define FBSD_CMSG_SPACE(n) (FBSD_CMSG_HDRLEN + FBSD_CMSG_ALIGN(n))

struct fbsd_linger {
    int32_t l_onoff;
    int32_t l_linger;
};
FBSD_ASSERT_SIZE(struct fbsd_linger, 8);

/* ---- sys/sys/poll.h ---- */
struct fbsd_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};
FBSD_ASSERT_SIZE(struct fbsd_pollfd, 8); /* same as Linux */

/* ---- sys/sys/fcntl.h ---- */
#define FBSD_AT_FDCWD (-100)
#define FBSD_O_ACCMODE 0x0003
#define FBSD_O_EXEC 0x00040000
#define FBSD_F_RDLCK 1
#define FBSD_F_UNLCK 2
#define FBSD_F_WRLCK 3

struct fbsd_flock {
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    int16_t l_type;
    int16_t l_whence;
    int32_t l_sysid;
};
FBSD_ASSERT_SIZE(struct fbsd_flock, 32);
FBSD_ASSERT_OFF(struct fbsd_flock, l_pid, 16);
FBSD_ASSERT_OFF(struct fbsd_flock, l_type, 20);
FBSD_ASSERT_OFF(struct fbsd_flock, l_whence, 22);
FBSD_ASSERT_OFF(struct fbsd_flock, l_sysid, 24);

/* ---- sys/sys/mman.h ---- */
#define FBSD_MAP_ALIGNMENT_SHIFT 24
#define FBSD_MAP_ALIGNED(n) ((uint64_t)(n) << FBSD_MAP_ALIGNMENT_SHIFT)
#define FBSD_MAP_ALIGNMENT_MASK FBSD_MAP_ALIGNED(0xff)
#define FBSD_MAP_ALIGNED_SUPER FBSD_MAP_ALIGNED(1)

/* ---- sys/sys/cpuset.h ---- */
#define FBSD_CPU_LEVEL_ROOT 1
#define FBSD_CPU_LEVEL_CPUSET 2
#define FBSD_CPU_LEVEL_WHICH 3
#define FBSD_CPU_WHICH_TID 1
#define FBSD_CPU_WHICH_PID 2
#define FBSD_CPU_WHICH_CPUSET 3
#define FBSD_CPU_WHICH_IRQ 4
#define FBSD_CPU_WHICH_JAIL 5

/* ---- sys/sys/sysctl.h ---- */
#define FBSD_CTL_UNSPEC 0
#define FBSD_CTL_KERN 1
#define FBSD_CTL_VM 2
#define FBSD_CTL_VFS 3
#define FBSD_CTL_NET 4
#define FBSD_CTL_DEBUG 5
#define FBSD_CTL_HW 6
#define FBSD_CTL_MACHDEP 7
#define FBSD_CTL_USER 8
#define FBSD_CTL_P1003_1B 9
#define FBSD_KERN_OSTYPE 1
#define FBSD_KERN_OSRELEASE 2
#define FBSD_KERN_OSREV 3
#define FBSD_KERN_VERSION 4
#define FBSD_KERN_MAXVNODES 5
#define FBSD_KERN_MAXPROC 6
#define FBSD_KERN_MAXFILES 7
#define FBSD_KERN_ARGMAX 8
#define FBSD_KERN_SECURELVL 9
#define FBSD_KERN_HOSTNAME 10
#define FBSD_KERN_HOSTID 11
#define FBSD_KERN_CLOCKRATE 12
#define FBSD_KERN_PROC 14
#define FBSD_KERN_NGROUPS 18
#define FBSD_KERN_BOOTTIME 21
#define FBSD_KERN_OSRELDATE 24
#define FBSD_KERN_MAXFILESPERPROC 27
#define FBSD_KERN_PS_STRINGS 32
#define FBSD_KERN_USRSTACK 33
#define FBSD_KERN_IOV_MAX 35
#define FBSD_KERN_HOSTUUID 36
#define FBSD_KERN_ARND 37
#define FBSD_KERN_PROC_PID 1
#define FBSD_KERN_PROC_ARGS 7
#define FBSD_KERN_PROC_PATHNAME 12
#define FBSD_HW_MACHINE 1
#define FBSD_HW_MODEL 2
#define FBSD_HW_NCPU 3
#define FBSD_HW_BYTEORDER 4
#define FBSD_HW_PHYSMEM 5
#define FBSD_HW_USERMEM 6
#define FBSD_HW_PAGESIZE 7
#define FBSD_HW_FLOATINGPT 10
#define FBSD_HW_MACHINE_ARCH 11
#define FBSD_HW_REALMEM 12

#endif
