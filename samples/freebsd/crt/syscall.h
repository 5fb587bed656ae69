/* syscall.h — raw FreeBSD amd64 system calls (internal to the runtime).
 * Number in rax, arguments in rdi rsi rdx r10 r8 r9. On success the kernel
 * clears the carry flag and returns rax (and rdx, which fork() and the old
 * pipe() use); on error it sets the carry flag and rax holds the positive
 * errno. Numbers are from FreeBSD's sys/kern/syscalls.master. */
#ifndef CRT_SYSCALL_H
#define CRT_SYSCALL_H

extern int errno;

/* The value of an auxiliary vector entry (start.c), or dflt. */
long __auxv_get(long type, long dflt);

/* Raw call: returns the result, or -errno on error. */
static inline long __sys6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    unsigned char cf;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall; setc %1"
                     : "=a"(ret), "=r"(cf), "+D"(a), "+S"(b), "+d"(c),
                       "+r"(r10), "+r"(r8), "+r"(r9)
                     : "a"(n)
                     : "rcx", "r11", "memory", "cc");
    return cf ? -ret : ret;
}

/* The same, but the POSIX way: -1 with errno set on error. */
static inline long __sysret(long r)
{
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

#define __A(x) ((long)(x))
#define __sys0(n) __sys6(n, 0, 0, 0, 0, 0, 0)
#define __sys1(n, a) __sys6(n, __A(a), 0, 0, 0, 0, 0)
#define __sys2(n, a, b) __sys6(n, __A(a), __A(b), 0, 0, 0, 0)
#define __sys3(n, a, b, c) __sys6(n, __A(a), __A(b), __A(c), 0, 0, 0)
#define __sys4(n, a, b, c, d) __sys6(n, __A(a), __A(b), __A(c), __A(d), 0, 0)
#define __sys5(n, a, b, c, d, e) __sys6(n, __A(a), __A(b), __A(c), __A(d), __A(e), 0)
#define __sc0(n) __sysret(__sys0(n))
#define __sc1(n, a) __sysret(__sys1(n, a))
#define __sc2(n, a, b) __sysret(__sys2(n, a, b))
#define __sc3(n, a, b, c) __sysret(__sys3(n, a, b, c))
#define __sc4(n, a, b, c, d) __sysret(__sys4(n, a, b, c, d))
#define __sc5(n, a, b, c, d, e) __sysret(__sys5(n, a, b, c, d, e))
#define __sc6(n, a, b, c, d, e, f) \
    __sysret(__sys6(n, __A(a), __A(b), __A(c), __A(d), __A(e), __A(f)))

enum {
    SYS_exit = 1, SYS_fork = 2, SYS_read = 3, SYS_write = 4, SYS_close = 6,
    SYS_wait4 = 7, SYS_chdir = 12, SYS_fchdir = 13, SYS_getpid = 20,
    SYS_getuid = 24, SYS_geteuid = 25, SYS_recvfrom = 29, SYS_accept = 30,
    SYS_getpeername = 31, SYS_getsockname = 32, SYS_kill = 37,
    SYS_getppid = 39, SYS_dup = 41, SYS_getegid = 43, SYS_getgid = 47,
    SYS_sigaltstack = 53, SYS_ioctl = 54, SYS_execve = 59, SYS_umask = 60,
    SYS_msync = 65, SYS_munmap = 73, SYS_mprotect = 74, SYS_madvise = 75,
    SYS_setitimer = 83, SYS_getitimer = 86, SYS_dup2 = 90, SYS_fcntl = 92,
    SYS_fsync = 95, SYS_socket = 97, SYS_connect = 98, SYS_bind = 104,
    SYS_setsockopt = 105, SYS_listen = 106, SYS_gettimeofday = 116,
    SYS_getsockopt = 118, SYS_fchmod = 124, SYS_sendto = 133,
    SYS_shutdown = 134, SYS_socketpair = 135, SYS_sysarch = 165,
    SYS___sysctl = 202, SYS_poll = 209, SYS_clock_gettime = 232,
    SYS_clock_getres = 234, SYS_nanosleep = 240, SYS___getcwd = 326,
    SYS_sched_yield = 331, SYS_sigprocmask = 340, SYS_sigsuspend = 341,
    SYS_sigpending = 343, SYS_kqueue = 362, SYS_sigaction = 416,
    SYS_thr_exit = 431, SYS_thr_self = 432, SYS_thr_kill = 433,
    SYS__umtx_op = 454, SYS_thr_new = 455, SYS_pread = 475,
    SYS_pwrite = 476, SYS_mmap = 477, SYS_lseek = 478, SYS_ftruncate = 480,
    SYS_faccessat = 489, SYS_fchmodat = 490, SYS_linkat = 495,
    SYS_mkdirat = 496, SYS_openat = 499, SYS_readlinkat = 500,
    SYS_renameat = 501, SYS_symlinkat = 502, SYS_unlinkat = 503,
    SYS_accept4 = 541, SYS_pipe2 = 542, SYS_fstat = 551, SYS_fstatat = 552,
    SYS_getdirentries = 554, SYS_kevent = 560, SYS_getrandom = 563,
    SYS_copy_file_range = 569,
    SYS___sysctlbyname = 570,
};

#endif
