/* syscall.h — raw FreeBSD amd64 system calls: number in rax, arguments in
 * rdi rsi rdx r10 r8 r9; an error sets the carry flag and leaves the
 * positive errno in rax. __sys6 returns -errno on error. */
#ifndef CRT_SYSCALL_H
#define CRT_SYSCALL_H

static inline long __sys6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    unsigned char cf;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall; setc %1"
                     : "=a"(ret), "=r"(cf), "+r"(r10), "+r"(r8), "+r"(r9)
                     : "a"(n), "D"(a), "S"(b), "d"(c)
                     : "rcx", "r11", "memory", "cc");
    return cf ? -ret : ret;
}

#define __sys0(n) __sys6(n, 0, 0, 0, 0, 0, 0)
#define __sys1(n, a) __sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define __sys2(n, a, b) __sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __sys3(n, a, b, c) __sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __sys4(n, a, b, c, d) __sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

enum {
    SYS_exit = 1, SYS_fork = 2, SYS_read = 3, SYS_write = 4, SYS_open = 5,
    SYS_close = 6, SYS_wait4 = 7, SYS_getpid = 20, SYS_getppid = 39,
    SYS_kill = 37, SYS_execve = 59, SYS_munmap = 73, SYS_mprotect = 74,
    SYS_sysarch = 165, SYS_clock_gettime = 232, SYS_nanosleep = 240,
    SYS_sigprocmask = 340, SYS_sigaction = 416, SYS_sigreturn = 417,
    SYS_thr_self = 432, SYS_thr_exit = 431, SYS_thr_kill = 433,
    SYS__umtx_op = 454, SYS_thr_new = 455, SYS_lseek = 478, SYS_mmap = 477,
    SYS_openat = 499, SYS_pipe2 = 542, SYS_fstat = 551, SYS_fstatat = 552,
    SYS_getdirentries = 554, SYS_getrandom = 563,
};

#endif
