/* uio.c — a copy between the kernel and guest memory that faults
 * part-way is EFAULT on FreeBSD (uiomove fails, the call fails) even when
 * some bytes moved; Linux returns those bytes instead. */
#include <errno.h>
#include <stdint.h>

#include "fbsd.h"
#include "fbsd_uio.h"

/* Linux's copies stop at the first page they cannot touch, so only a
 * short transfer that ends on a page boundary may be one: look at that
 * page. (Reading is all that is tried: a page readable but not writable
 * under a read still gives the short count.) */
long fbsd_io_result(uint64_t buf, uint64_t len, long r)
{
    char probe;
    if (r <= 0 || (uint64_t)r >= len || ((buf + (uint64_t)r) & 4095) != 0)
        return r;
    return fbsd_copyin(&probe, buf + (uint64_t)r, 1) < 0 ? -EFAULT : r;
}
