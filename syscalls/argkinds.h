/* argkinds.h — how a system call argument or result is shown by the
 * tracer. The syscall tables of every personality describe each call with
 * these kinds; the same tables drive dispatch, so what is traced is what
 * ran. A kind may carry a parameter (another argument's index, 0-based)
 * in bits 8-11: KARG(BUFIN, 2) is a buffer whose length is argument 2. */
#ifndef XENO_ARGKINDS_H
#define XENO_ARGKINDS_H

#define KARG(kind, n) (K_##kind | ((n) << 8))
#define KIND_OF(k) ((k) & 0xff)
#define KIND_PARAM(k) (((k) >> 8) & 0xf)

enum argkind {
    K_NONE = 0,     /* no argument (pads the table) */
    K_INT,          /* signed decimal int */
    K_UINT,         /* unsigned decimal */
    K_LONG,         /* signed decimal 64-bit */
    K_HEX,          /* 0x… */
    K_PTR,          /* pointer: 0x… or NULL */
    K_SIZE,         /* size_t, decimal */
    K_OFF,          /* off_t, decimal */
    K_MODE,         /* file mode, octal 0644 */
    K_FD,           /* file descriptor */
    K_ATFD,         /* directory fd: AT_FDCWD or a number */
    K_PID,          /* process id */
    K_ID,           /* uid/gid/other id */
    K_PATH,         /* NUL-terminated string, input */
    K_STR,          /* NUL-terminated string, input (not a path) */
    K_BUFIN,        /* bytes in, length = argument PARAM */
    K_BUFOUT,       /* bytes out, length = the call's return value; size arg PARAM */
    K_BUFOUTN,      /* bytes out, length = argument PARAM */
    K_STROUT,       /* NUL-terminated string written by the call (getcwd, readlink) */
    K_OFLAGS,       /* open flags */
    K_ATFLAGS,      /* AT_* flags */
    K_MMAPPROT,     /* PROT_* */
    K_MMAPFLAGS,    /* MAP_* */
    K_MADVICE,      /* MADV_* value */
    K_MSYNCFLAGS,   /* MS_* */
    K_FCNTLCMD,     /* F_* command */
    K_WHENCE,       /* SEEK_* */
    K_ACCESSMODE,   /* R_OK|W_OK|X_OK or F_OK */
    K_CLOCKID,      /* CLOCK_* */
    K_SIGNO,        /* signal number */
    K_SIGHOW,       /* SIG_BLOCK/UNBLOCK/SETMASK */
    K_SIGSETIN,     /* pointer to a signal set, input */
    K_SIGSETOUT,    /* pointer to a signal set, output */
    K_SIGACTIN,     /* struct sigaction *, input */
    K_SIGACTOUT,    /* struct sigaction *, output */
    K_SIGINFOOUT,   /* siginfo *, output */
    K_STACKIN,      /* stack_t * (sigaltstack), input */
    K_STACKOUT,     /* stack_t *, output */
    K_STATOUT,      /* struct stat *, output */
    K_STATFSOUT,    /* struct statfs *, output */
    K_TIMESPECIN,   /* struct timespec *, input */
    K_TIMESPECOUT,  /* struct timespec *, output */
    K_TIMESPEC2IN,  /* struct timespec[2] (utimensat) */
    K_TIMEVALIN,    /* struct timeval *, input */
    K_TIMEVALOUT,   /* struct timeval *, output */
    K_ITIMERWHICH,  /* ITIMER_* */
    K_ITIMERIN,     /* struct itimerval *, input */
    K_ITIMEROUT,    /* struct itimerval *, output */
    K_RUSAGEWHO,    /* RUSAGE_* */
    K_RUSAGEOUT,    /* struct rusage *, output */
    K_RLIMITRES,    /* RLIMIT_* */
    K_RLIMITIN,     /* struct rlimit *, input */
    K_RLIMITOUT,    /* struct rlimit *, output */
    K_WAITOPTS,     /* W* options */
    K_WSTATUSOUT,   /* int *status, output: {WIFEXITED(s) && WEXITSTATUS(s) == 0} */
    K_IDTYPE,       /* P_PID/P_PGID/P_ALL… (wait6, cpuset) */
    K_SOCKDOMAIN,   /* AF_* */
    K_SOCKTYPE,     /* SOCK_* with SOCK_CLOEXEC|SOCK_NONBLOCK */
    K_SOCKLEVEL,    /* SOL_SOCKET, IPPROTO_* */
    K_SOCKOPT,      /* SO_*, TCP_* … (meaning depends on the level argument before it) */
    K_SOCKADDRIN,   /* struct sockaddr *, input, length = argument PARAM */
    K_SOCKADDROUT,  /* struct sockaddr *, output, length pointer = argument PARAM */
    K_SOCKLENINOUT, /* socklen_t * */
    K_MSGFLAGS,     /* MSG_* */
    K_MSGHDRIN,     /* struct msghdr *, input */
    K_MSGHDROUT,    /* struct msghdr *, output */
    K_SHUTHOW,      /* SHUT_* */
    K_IOVECIN,      /* struct iovec *, input; count = argument PARAM */
    K_IOVECOUT,     /* struct iovec *, output; count = argument PARAM */
    K_POLLFDS,      /* struct pollfd *, count = argument PARAM */
    K_FDSET,        /* fd_set * (select) */
    K_KEVENTIN,     /* struct kevent *, input; count = argument PARAM */
    K_KEVENTOUT,    /* struct kevent *, output; count = the return value */
    K_IOCTLCMD,     /* ioctl request */
    K_UMTXOP,       /* _umtx_op operation */
    K_SYSARCHOP,    /* sysarch operation */
    K_SYSCTLMIB,    /* int *name, count = argument PARAM */
    K_THRPARAM,     /* struct thr_param * */
    K_ARGV,         /* char *const argv[] / envp[] */
    K_PIPEFDS,      /* int[2], output */
    K_CPUSETID,     /* cpuset level / which pairs: decimal */
    K_ULONGOUT,     /* long * written by the call (thr_self) */
    K_RTPRIO,       /* struct rtprio * */
    /* Linux only (the host personality's table, syscalls/linux/) */
    K_FUTEXOP,      /* futex operation | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME */
    K_CLONEFLAGS,   /* CLONE_* | exit signal (clone, unshare, setns) */
    K_PRCTLOP,      /* PR_* option */
    K_ARCHPRCTLOP,  /* ARCH_* code */
    K_EPOLLCTLOP,   /* EPOLL_CTL_* */
    K_EPOLLEVIN,    /* struct epoll_event *, input (one) */
    K_EPOLLEVOUT,   /* struct epoll_event *, output; count = the return value */
    K_STATXMASK,    /* STATX_* */
    K_STATXOUT,     /* struct statx *, output */
    K_RENAMEFLAGS,  /* RENAME_* */
    K_FDFLAGS,      /* *_CLOEXEC|*_NONBLOCK of pipe2, dup3, eventfd2, epoll_create1 ... */
    K_MREMAPFLAGS,  /* MREMAP_* */
    K_KINDS_END
};

/* Result kinds */
enum retkind {
    R_INT,          /* decimal int, or -1 ERRNO */
    R_HEX,          /* an address (mmap) */
    R_FD,           /* a new descriptor */
    R_SIZE,         /* a byte count */
    R_PID,          /* a process id */
    R_NONE,         /* does not return (exit, thr_exit) */
    R_OFF,          /* a file offset */
    R_OCTAL,        /* a mode (umask) */
};

#endif
