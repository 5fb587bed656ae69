/* random.c — cryptographic random bytes: bcryptprimitives!ProcessPrng
 * (what Go 1.21+ and the Rust standard library use) and
 * advapi32!SystemFunction036 (RtlGenRandom). */
#include <errno.h>
#include <sys/random.h>

#include "../w32.h"

static int fill(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n) {
        ssize_t r = getrandom(p, n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        p += r, n -= (size_t)r;
    }
    return 1;
}

static BOOL WINAPI w32_ProcessPrng(PVOID buf, SIZE_T n) { return fill(buf, n); }
static BOOLEAN WINAPI w32_SystemFunction036(PVOID buf, ULONG n) { return (BOOLEAN)fill(buf, n); }

W32_EXPORTS(bcryptprimitives) = { EXPORT(ProcessPrng, "pq:i") };
W32_EXPORTS(advapi32) = { EXPORT(SystemFunction036, "pu:i") };
