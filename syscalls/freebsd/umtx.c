/* umtx.c — _umtx_op: FreeBSD's user mutex and wait/wake operations, on
 * Linux futexes. Go and simple runtimes use the wait/wake family; the
 * mutex, condition-variable and semaphore operations of libthr follow. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>

#include "fbsd.h"
#include "rawsys.h"

enum {
    UMTX_OP_WAIT = 2, UMTX_OP_WAKE = 3, UMTX_OP_WAIT_UINT = 11,
    UMTX_OP_WAIT_UINT_PRIVATE = 15, UMTX_OP_WAKE_PRIVATE = 16,
    UMTX_OP_NWAKE_PRIVATE = 21,
};
#define UMTX_ABSTIME 1

struct umtx_time {
    struct timespec timeout;
    uint32_t flags, clockid;
};

/* Decode the optional timeout of a wait: uaddr (a[3]) is the size of the
 * object at uaddr2 (a[4]): a relative timespec or a struct _umtx_time. */
static int wait_timeout(struct fcall *c, struct timespec *ts, int *op_flags)
{
    struct umtx_time ut;
    memset(&ut, 0, sizeof ut);
    if (!c->a[4])
        return 0;
    size_t sz = c->a[3] > sizeof ut ? sizeof ut : (size_t)c->a[3];
    if (sz < sizeof(struct timespec) || fbsd_copyin(&ut, c->a[4], sz) < 0)
        return -EFAULT;
    *ts = ut.timeout;
    if (sz > sizeof(struct timespec) && (ut.flags & UMTX_ABSTIME)) {
        /* FreeBSD clock 0 is REALTIME; others are monotonic-like */
        *op_flags = ut.clockid == 0 ? FUTEX_CLOCK_REALTIME : 0;
        return 2;
    }
    return 1;
}

static long futex_wait(struct fcall *c, uint32_t expect)
{
    struct timespec ts;
    int flags = 0;
    int kind = wait_timeout(c, &ts, &flags);
    if (kind < 0)
        return kind;
    long r;
    if (kind == 2)
        r = xsys6(SYS_futex, (long)c->a[0], FUTEX_WAIT_BITSET_PRIVATE | flags, expect,
                  (long)&ts, 0, FUTEX_BITSET_MATCH_ANY);
    else
        r = xsys6(SYS_futex, (long)c->a[0], FUTEX_WAIT_PRIVATE, expect,
                  kind ? (long)&ts : 0, 0, 0);
    if (r == -EAGAIN) /* the value changed: FreeBSD reports success */
        return 0;
    return r;
}

static long wait_long(struct fcall *c)
{
    uint64_t cur;
    if (fbsd_copyin(&cur, c->a[0], 8) < 0)
        return -EFAULT;
    if (cur != c->a[2])
        return 0;
    /* Wait on the low half; wakers wake the same address. */
    return futex_wait(c, (uint32_t)c->a[2]);
}

static long nwake(struct fcall *c)
{
    uint64_t addrs[64];
    long n = (long)c->a[2];
    for (long done = 0; done < n;) {
        long k = n - done > 64 ? 64 : n - done;
        if (fbsd_copyin(addrs, c->a[0] + (uint64_t)done * 8, (size_t)k * 8) < 0)
            return -EFAULT;
        for (long i = 0; i < k; i++)
            xsys6(SYS_futex, (long)addrs[i], FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
        done += k;
    }
    return 0;
}

long fbsd_sys__umtx_op(struct fcall *c)
{
    long n = (long)c->a[2];
    switch (c->a[1]) {
    case UMTX_OP_WAIT:
        return wait_long(c);
    case UMTX_OP_WAIT_UINT:
    case UMTX_OP_WAIT_UINT_PRIVATE:
        return futex_wait(c, (uint32_t)c->a[2]);
    case UMTX_OP_WAKE:
    case UMTX_OP_WAKE_PRIVATE: {
        long r = xsys6(SYS_futex, (long)c->a[0], FUTEX_WAKE_PRIVATE,
                       n <= 0 || n > INT_MAX ? INT_MAX : n, 0, 0, 0);
        return r < 0 ? r : 0;
    }
    case UMTX_OP_NWAKE_PRIVATE:
        return nwake(c);
    default:
        return -EINVAL;
    }
}
