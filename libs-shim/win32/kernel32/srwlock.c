/* srwlock.c — slim reader/writer locks and condition variables, kept in
 * the program's own pointer-sized SRWLOCK / CONDITION_VARIABLE (zero is
 * the initial state of both, as SRWLOCK_INIT and
 * CONDITION_VARIABLE_INIT are), on futexes.
 *   SRWLOCK: low 32 bits the state (0 free, -1 held exclusively, n > 0
 *   held by n readers), high 32 bits the number of sleepers.
 *   CONDITION_VARIABLE: low 32 bits a wake sequence number. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "k32.h"

#define CONDITION_VARIABLE_LOCKMODE_SHARED 1

struct srw { int state, sleepers; };
struct cv { unsigned seq, pad; };

static long futex(void *w, int op, int v, const struct timespec *ts)
{
    return syscall(SYS_futex, w, op, v, ts, NULL, 0);
}

static void sleep_on(struct srw *l, int seen)
{
    __atomic_add_fetch(&l->sleepers, 1, __ATOMIC_ACQ_REL);
    if (__atomic_load_n(&l->state, __ATOMIC_ACQUIRE) == seen)
        futex(&l->state, FUTEX_WAIT_PRIVATE, seen, NULL);
    __atomic_sub_fetch(&l->sleepers, 1, __ATOMIC_ACQ_REL);
}

static BOOL WINAPI w32_TryAcquireSRWLockExclusive(struct srw *l)
{
    int z = 0;
    return __atomic_compare_exchange_n(&l->state, &z, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static BOOL WINAPI w32_TryAcquireSRWLockShared(struct srw *l)
{
    int v = __atomic_load_n(&l->state, __ATOMIC_RELAXED);
    while (v >= 0)
        if (__atomic_compare_exchange_n(&l->state, &v, v + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return TRUE;
    return FALSE;
}

static void WINAPI w32_AcquireSRWLockExclusive(struct srw *l)
{
    for (;;) {
        int z = 0;
        if (__atomic_compare_exchange_n(&l->state, &z, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        sleep_on(l, z);
    }
}

static void WINAPI w32_AcquireSRWLockShared(struct srw *l)
{
    for (;;) {
        int v = __atomic_load_n(&l->state, __ATOMIC_RELAXED);
        if (v >= 0) {
            if (__atomic_compare_exchange_n(&l->state, &v, v + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
            continue;
        }
        sleep_on(l, v);
    }
}

static void wake_sleepers(struct srw *l)
{
    if (__atomic_load_n(&l->sleepers, __ATOMIC_ACQUIRE))
        futex(&l->state, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

static void WINAPI w32_ReleaseSRWLockExclusive(struct srw *l)
{
    __atomic_store_n(&l->state, 0, __ATOMIC_RELEASE);
    wake_sleepers(l);
}

static void WINAPI w32_ReleaseSRWLockShared(struct srw *l)
{
    if (__atomic_sub_fetch(&l->state, 1, __ATOMIC_RELEASE) == 0)
        wake_sleepers(l);
}

static void WINAPI w32_InitializeSRWLock(struct srw *l)
{
    l->state = l->sleepers = 0;
}

/* ---- condition variables ---- */
static void WINAPI w32_InitializeConditionVariable(struct cv *c)
{
    c->seq = c->pad = 0;
}

static void WINAPI w32_WakeConditionVariable(struct cv *c)
{
    __atomic_add_fetch(&c->seq, 1, __ATOMIC_RELEASE);
    futex(&c->seq, FUTEX_WAKE_PRIVATE, 1, NULL);
}

static void WINAPI w32_WakeAllConditionVariable(struct cv *c)
{
    __atomic_add_fetch(&c->seq, 1, __ATOMIC_RELEASE);
    futex(&c->seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

/* Sleep on C (the caller has released its lock after reading SEQ).
 * Returns FALSE with ERROR_TIMEOUT when MS elapsed; wake-ups, including
 * spurious ones, return TRUE, as documented. */
static BOOL cv_sleep(struct cv *c, unsigned seq, DWORD ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    long r = futex(&c->seq, FUTEX_WAIT_PRIVATE, (int)seq, ms == INFINITE ? NULL : &ts);
    if (r < 0 && errno == ETIMEDOUT) {
        w32_set_last_error(ERROR_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_SleepConditionVariableCS(struct cv *c, void *cs, DWORD ms)
{
    extern LONG k32_cs_release_all(void *cs);
    extern void k32_cs_reacquire(void *cs, LONG depth);
    unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
    LONG depth = k32_cs_release_all(cs);
    BOOL r = cv_sleep(c, seq, ms);
    k32_cs_reacquire(cs, depth);
    return r;
}

static BOOL WINAPI w32_SleepConditionVariableSRW(struct cv *c, struct srw *l, DWORD ms, ULONG flags)
{
    int shared = flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
    if (shared)
        w32_ReleaseSRWLockShared(l);
    else
        w32_ReleaseSRWLockExclusive(l);
    BOOL r = cv_sleep(c, seq, ms);
    if (shared)
        w32_AcquireSRWLockShared(l);
    else
        w32_AcquireSRWLockExclusive(l);
    return r;
}

#define SRW_EXPORTS(X) \
    X(InitializeSRWLock, "p:v"), X(AcquireSRWLockExclusive, "p:v"), \
    X(AcquireSRWLockShared, "p:v"), X(ReleaseSRWLockExclusive, "p:v"), \
    X(ReleaseSRWLockShared, "p:v"), X(TryAcquireSRWLockExclusive, "p:i"), \
    X(TryAcquireSRWLockShared, "p:i"), X(InitializeConditionVariable, "p:v"), \
    X(WakeConditionVariable, "p:v"), X(WakeAllConditionVariable, "p:v")
#define K32(n, sig) EXPORT(n, sig)
#define RTL(n, sig) EXPORT_AS("Rtl" #n, w32_##n, sig)

W32_EXPORTS(kernel32) = {
    SRW_EXPORTS(K32),
    EXPORT(SleepConditionVariableCS, "ppu:i"),
    EXPORT(SleepConditionVariableSRW, "ppuu:i"),
};
W32_EXPORTS(ntdll) = {
    SRW_EXPORTS(RTL),
};
