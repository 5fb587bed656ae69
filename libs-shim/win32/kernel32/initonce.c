/* initonce.c — one-time initialisation (InitOnceExecuteOnce,
 * InitOnceBeginInitialize/InitOnceComplete, synchronous and
 * asynchronous), in the program's pointer-sized INIT_ONCE: the low two
 * bits are the state (0 not started, 1 running, 3 running
 * asynchronously, 2 done) and the rest is the context, whose low two bits
 * must be zero (INIT_ONCE_CTX_RESERVED_BITS). Waiters sleep on the low
 * 32 bits as a futex. */
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "k32.h"

#define INIT_ONCE_CHECK_ONLY 1
#define INIT_ONCE_ASYNC 2
#define INIT_ONCE_INIT_FAILED 4
#define ST_MASK 3ull
#define ST_FREE 0
#define ST_SYNC 1
#define ST_DONE 2
#define ST_ASYNC 3

typedef BOOL (WINAPI *once_fn)(PVOID once, PVOID param, PVOID *ctx);

static void wait_change(uint64_t *o, uint64_t seen)
{
    syscall(SYS_futex, (int *)o, FUTEX_WAIT_PRIVATE, (int)(uint32_t)seen, NULL, NULL, 0);
}

static void wake(uint64_t *o)
{
    syscall(SYS_futex, (int *)o, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

static int cas(uint64_t *o, uint64_t *expect, uint64_t v)
{
    return __atomic_compare_exchange_n(o, expect, v, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void WINAPI w32_InitOnceInitialize(uint64_t *o)
{
    *o = 0;
}

static BOOL WINAPI w32_InitOnceBeginInitialize(uint64_t *o, DWORD flags, BOOL *pending, PVOID *ctx)
{
    if ((flags & ~(DWORD)(INIT_ONCE_CHECK_ONLY | INIT_ONCE_ASYNC)) || !pending) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (;;) {
        uint64_t v = __atomic_load_n(o, __ATOMIC_ACQUIRE);
        if ((v & ST_MASK) == ST_DONE) {
            *pending = FALSE;
            if (ctx)
                *ctx = (PVOID)(uintptr_t)(v & ~ST_MASK);
            return TRUE;
        }
        if (flags & INIT_ONCE_CHECK_ONLY) {
            w32_set_last_error(ERROR_GEN_FAILURE);
            return FALSE;
        }
        if (flags & INIT_ONCE_ASYNC) {
            if ((v & ST_MASK) == ST_SYNC) {
                w32_set_last_error(ERROR_INVALID_PARAMETER);
                return FALSE;
            }
            if (v == ST_ASYNC || cas(o, &v, ST_ASYNC)) {
                *pending = TRUE;
                return TRUE;
            }
            continue;
        }
        if (v == ST_FREE && cas(o, &v, ST_SYNC)) {
            *pending = TRUE;
            return TRUE;
        }
        if ((v & ST_MASK) == ST_ASYNC) {
            w32_set_last_error(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        if (v == ST_SYNC)
            wait_change(o, v);
    }
}

static BOOL WINAPI w32_InitOnceComplete(uint64_t *o, DWORD flags, PVOID ctx)
{
    uint64_t c = (uint64_t)(uintptr_t)ctx;
    if ((c & ST_MASK) || (flags & ~(DWORD)(INIT_ONCE_ASYNC | INIT_ONCE_INIT_FAILED)) ||
        ((flags & INIT_ONCE_INIT_FAILED) && c)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    uint64_t want = (flags & INIT_ONCE_ASYNC) ? ST_ASYNC : ST_SYNC;
    uint64_t v = __atomic_load_n(o, __ATOMIC_ACQUIRE);
    if (v != want) {
        w32_set_last_error(ERROR_GEN_FAILURE);
        return FALSE;
    }
    uint64_t next = (flags & INIT_ONCE_INIT_FAILED) ? (want == ST_ASYNC ? ST_ASYNC : ST_FREE)
                                                     : (c | ST_DONE);
    if (!cas(o, &v, next)) {
        w32_set_last_error(ERROR_GEN_FAILURE);
        return FALSE;
    }
    wake(o);
    return TRUE;
}

static BOOL WINAPI w32_InitOnceExecuteOnce(uint64_t *o, once_fn fn, PVOID param, PVOID *ctx)
{
    BOOL pending;
    PVOID c = NULL;
    if (!w32_InitOnceBeginInitialize(o, 0, &pending, &c))
        return FALSE;
    if (pending) {
        BOOL ok = fn(o, param, &c);
        if (!ok || ((uintptr_t)c & ST_MASK)) {
            w32_InitOnceComplete(o, INIT_ONCE_INIT_FAILED, NULL);
            return FALSE;
        }
        w32_InitOnceComplete(o, 0, c);
    }
    if (ctx)
        *ctx = c;
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(InitOnceInitialize, "p:v"),
    EXPORT(InitOnceBeginInitialize, "pupp:i"),
    EXPORT(InitOnceComplete, "pup:i"),
    EXPORT(InitOnceExecuteOnce, "pppp:i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlRunOnceInitialize", w32_InitOnceInitialize, "p:v"),
};
