/* waitaddr.c — WaitOnAddress / WakeByAddressSingle / WakeByAddressAll:
 * a thread sleeps while the value at an address equals the one it
 * compared with. Sleepers are grouped in buckets hashed from the
 * address, each with a futex sequence number that a wake bumps; a
 * woken thread returns and its caller re-checks, as the documentation
 * asks (spurious wake-ups are allowed). */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "k32.h"

#define NBUCKETS 256

static unsigned buckets[NBUCKETS * 16]; /* one per cache line */

static unsigned *bucket(const volatile void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    return &buckets[((a >> 3) ^ (a >> 11)) % NBUCKETS * 16];
}

static BOOL WINAPI w32_WaitOnAddress(volatile void *addr, PVOID cmp, SIZE_T size, DWORD ms)
{
    if (size != 1 && size != 2 && size != 4 && size != 8) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    unsigned *b = bucket(addr);
    unsigned seq = __atomic_load_n(b, __ATOMIC_ACQUIRE);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (memcmp((const void *)addr, cmp, size) != 0)
        return TRUE;
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    long r = syscall(SYS_futex, b, FUTEX_WAIT_PRIVATE, (int)seq, ms == INFINITE ? NULL : &ts, NULL, 0);
    if (r < 0 && errno == ETIMEDOUT) {
        w32_set_last_error(ERROR_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

static void wake(const volatile void *addr)
{
    unsigned *b = bucket(addr);
    __atomic_add_fetch(b, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, b, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

static void WINAPI w32_WakeByAddressSingle(PVOID addr) { wake(addr); }
static void WINAPI w32_WakeByAddressAll(PVOID addr) { wake(addr); }

static NTSTATUS WINAPI w32_RtlWaitOnAddress(volatile void *addr, PVOID cmp, SIZE_T size,
                                            const LARGE_INTEGER *t)
{
    struct timespec buf, now;
    const struct timespec *d = k32_nt_deadline(t, &buf);
    DWORD ms = INFINITE;
    if (d) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long long left = (d->tv_sec - now.tv_sec) * 1000LL + (d->tv_nsec - now.tv_nsec) / 1000000;
        ms = left < 0 ? 0 : left > 0x7fffffff ? 0x7fffffff : (DWORD)left;
    }
    if (w32_WaitOnAddress(addr, cmp, size, ms))
        return 0;
    return w32_get_last_error() == ERROR_TIMEOUT ? STATUS_TIMEOUT : STATUS_INVALID_PARAMETER;
}

W32_EXPORTS(kernel32) = {
    EXPORT(WaitOnAddress, "ppqu:i"),
    EXPORT(WakeByAddressSingle, "p:v"),
    EXPORT(WakeByAddressAll, "p:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(RtlWaitOnAddress, "ppqp:u"),
    EXPORT_AS("RtlWakeAddressSingle", w32_WakeByAddressSingle, "p:v"),
    EXPORT_AS("RtlWakeAddressAll", w32_WakeByAddressAll, "p:v"),
};
