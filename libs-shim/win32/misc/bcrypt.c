/* bcrypt.c — bcrypt.dll's random numbers: BCryptGenRandom with the
 * system-preferred generator (a NULL algorithm handle and
 * BCRYPT_USE_SYSTEM_PREFERRED_RNG, as Rust's getrandom crate calls it)
 * or the RNG pseudo-handle BCRYPT_RNG_ALG_HANDLE. Algorithm providers
 * (BCryptOpenAlgorithmProvider) are not there, so any other handle is
 * refused with STATUS_INVALID_HANDLE. */
#include <errno.h>
#include <sys/random.h>

#include "../w32.h"

#define BCRYPT_RNG_USE_ENTROPY_IN_BUFFER 0x1
#define BCRYPT_USE_SYSTEM_PREFERRED_RNG 0x2
#define BCRYPT_RNG_ALG_HANDLE ((HANDLE)(uintptr_t)0x81)
#define STATUS_INVALID_HANDLE_NT ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER_NT ((NTSTATUS)0xC000000D)
#define STATUS_UNSUCCESSFUL_NT ((NTSTATUS)0xC0000001)

static NTSTATUS WINAPI w32_BCryptGenRandom(HANDLE alg, BYTE *buf, ULONG n, ULONG flags)
{
    if (flags & ~(ULONG)(BCRYPT_RNG_USE_ENTROPY_IN_BUFFER | BCRYPT_USE_SYSTEM_PREFERRED_RNG))
        return STATUS_INVALID_PARAMETER_NT;
    if ((flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) ? alg != NULL : alg != BCRYPT_RNG_ALG_HANDLE)
        return (flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) ? STATUS_INVALID_PARAMETER_NT
                                                         : STATUS_INVALID_HANDLE_NT;
    if (!buf && n)
        return STATUS_INVALID_PARAMETER_NT;
    while (n) {
        ssize_t r = getrandom(buf, n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)   /* EFAULT: a bad buffer */
            return r < 0 && errno == EFAULT ? STATUS_INVALID_PARAMETER_NT : STATUS_UNSUCCESSFUL_NT;
        buf += r, n -= (ULONG)r;
    }
    return 0;
}

W32_EXPORTS(bcrypt) = {
    EXPORT(BCryptGenRandom, "ppuu:u"),
};
