/* rawsys.h — raw Linux system calls that return -errno instead of setting
 * errno: usable where thread-local storage may not be glibc's (signal
 * handlers running on guest FS, the gate's own helpers). */
#ifndef XENO_RAWSYS_H
#define XENO_RAWSYS_H

static inline long xsys6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

static inline long xsys0(long n) { return xsys6(n, 0, 0, 0, 0, 0, 0); }
static inline long xsys1(long n, long a) { return xsys6(n, a, 0, 0, 0, 0, 0); }
static inline long xsys2(long n, long a, long b) { return xsys6(n, a, b, 0, 0, 0, 0); }
static inline long xsys3(long n, long a, long b, long c) { return xsys6(n, a, b, c, 0, 0, 0); }
static inline long xsys4(long n, long a, long b, long c, long d)
{
    return xsys6(n, a, b, c, d, 0, 0);
}
static inline long xsys5(long n, long a, long b, long c, long d, long e)
{
    return xsys6(n, a, b, c, d, e, 0);
}

#endif
