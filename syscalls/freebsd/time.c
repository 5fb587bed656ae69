/* time.c — FreeBSD clocks and timers: clock_gettime/getres with FreeBSD
 * clock ids, gettimeofday, nanosleep, clock_nanosleep, setitimer and
 * getitimer (same structure layouts as Linux). */
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

#include "fbsd.h"
#include "rawsys.h"

static int clock_of(uint64_t fid, clockid_t *out)
{
    int64_t l;
    if (fbsd_val_to_linux(fbsd_clock_ids, (int64_t)(int)fid, &l) != FBSD_VAL_OK)
        return -EINVAL;
    *out = (clockid_t)l;
    return 0;
}

long fbsd_sys_clock_gettime(struct fcall *c)
{
    clockid_t id;
    struct timespec ts;
    if (clock_of(c->a[0], &id) < 0)
        return -EINVAL;
    if (clock_gettime(id, &ts) < 0) /* the vDSO: no host system call */
        return -EINVAL;
    return fbsd_copyout(c->a[1], &ts, sizeof ts);
}

long fbsd_sys_clock_getres(struct fcall *c)
{
    clockid_t id;
    struct timespec ts;
    if (clock_of(c->a[0], &id) < 0)
        return -EINVAL;
    long r = xsys2(SYS_clock_getres, id, (long)&ts);
    if (r < 0 || !c->a[1])
        return r;
    return fbsd_copyout(c->a[1], &ts, sizeof ts);
}

long fbsd_sys_gettimeofday(struct fcall *c)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    if (c->a[0] && fbsd_copyout(c->a[0], &tv, sizeof tv) < 0)
        return -EFAULT;
    if (c->a[1]) {
        int tz[2] = { 0, 0 };
        return fbsd_copyout(c->a[1], tz, sizeof tz);
    }
    return 0;
}

long fbsd_sys_nanosleep(struct fcall *c)
{
    return xsys2(SYS_nanosleep, (long)c->a[0], (long)c->a[1]);
}

long fbsd_sys_clock_nanosleep(struct fcall *c)
{
    clockid_t id;
    if (clock_of(c->a[0], &id) < 0)
        return -EINVAL;
    /* FreeBSD TIMER_ABSTIME is 1, like Linux; the result is an errno
     * value with the carry clear (kern_posix_error), not an error */
    long r = xsys4(SYS_clock_nanosleep, id, (long)(c->a[1] & 1), (long)c->a[2], (long)c->a[3]);
    return r < 0 ? fbsd_errno_of((int)-r) : 0;
}

long fbsd_sys_setitimer(struct fcall *c)
{
    if (c->a[0] > 2)
        return -EINVAL;
    return xsys3(SYS_setitimer, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

long fbsd_sys_getitimer(struct fcall *c)
{
    if (c->a[0] > 2)
        return -EINVAL;
    return xsys2(SYS_getitimer, (long)c->a[0], (long)c->a[1]);
}
