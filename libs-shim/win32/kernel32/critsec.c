/* critsec.c — critical sections: recursive locks kept inside the
 * program's own 40-byte CRITICAL_SECTION, on a futex. */
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../teb.h"
#include "../w32.h"

typedef struct {
    PVOID DebugInfo;
    LONG LockCount;        /* -1 when free, as Windows shows it */
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;  /* low 32 bits: our futex word (0 free, 1 held, 2 contended) */
    ULONG_PTR SpinCount;
} CRITICAL_SECTION;

static int *futex_word(CRITICAL_SECTION *cs)
{
    return (int *)&cs->LockSemaphore;
}

static HANDLE self_id(void)
{
    return w32_teb()->UniqueThread;
}

static void WINAPI w32_InitializeCriticalSection(CRITICAL_SECTION *cs)
{
    cs->DebugInfo = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = 0;
}

static BOOL WINAPI w32_InitializeCriticalSectionAndSpinCount(CRITICAL_SECTION *cs, DWORD spin)
{
    w32_InitializeCriticalSection(cs);
    cs->SpinCount = spin;
    return TRUE;
}

static BOOL WINAPI w32_InitializeCriticalSectionEx(CRITICAL_SECTION *cs, DWORD spin, DWORD flags)
{
    (void)flags;
    return w32_InitializeCriticalSectionAndSpinCount(cs, spin);
}

static void WINAPI w32_DeleteCriticalSection(CRITICAL_SECTION *cs)
{
    cs->LockSemaphore = NULL;
    cs->LockCount = -1;
}

static void take(CRITICAL_SECTION *cs)
{
    int *w = futex_word(cs);
    int c = 0;
    if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return;
    if (c != 2)
        c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
    while (c != 0) {
        syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
        c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
    }
}

static void WINAPI w32_EnterCriticalSection(CRITICAL_SECTION *cs)
{
    HANDLE me = self_id();
    if (cs->OwningThread == me) {
        cs->RecursionCount++;
        return;
    }
    take(cs);
    cs->OwningThread = me;
    cs->RecursionCount = 1;
    cs->LockCount = 0;
}

static BOOL WINAPI w32_TryEnterCriticalSection(CRITICAL_SECTION *cs)
{
    HANDLE me = self_id();
    if (cs->OwningThread == me) {
        cs->RecursionCount++;
        return TRUE;
    }
    int c = 0;
    if (!__atomic_compare_exchange_n(futex_word(cs), &c, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return FALSE;
    cs->OwningThread = me;
    cs->RecursionCount = 1;
    cs->LockCount = 0;
    return TRUE;
}

static void WINAPI w32_LeaveCriticalSection(CRITICAL_SECTION *cs)
{
    if (--cs->RecursionCount > 0)
        return;
    cs->OwningThread = NULL;
    cs->LockCount = -1;
    if (__atomic_exchange_n(futex_word(cs), 0, __ATOMIC_RELEASE) == 2)
        syscall(SYS_futex, futex_word(cs), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* For SleepConditionVariableCS: release a (possibly recursively) held
 * section entirely, then take it back with the same depth. */
LONG k32_cs_release_all(void *p)
{
    CRITICAL_SECTION *cs = p;
    LONG depth = cs->RecursionCount;
    cs->RecursionCount = 1;
    w32_LeaveCriticalSection(cs);
    return depth;
}

void k32_cs_reacquire(void *p, LONG depth)
{
    CRITICAL_SECTION *cs = p;
    w32_EnterCriticalSection(cs);
    cs->RecursionCount = depth;
}

W32_EXPORTS(kernel32) = {
    EXPORT(InitializeCriticalSection, "p:v"),
    EXPORT(InitializeCriticalSectionAndSpinCount, "pu:i"),
    EXPORT(InitializeCriticalSectionEx, "puu:i"),
    EXPORT(DeleteCriticalSection, "p:v"),
    EXPORT(EnterCriticalSection, "p:v"),
    EXPORT(TryEnterCriticalSection, "p:i"),
    EXPORT(LeaveCriticalSection, "p:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlInitializeCriticalSection", w32_InitializeCriticalSection, "p:v"),
    EXPORT_AS("RtlDeleteCriticalSection", w32_DeleteCriticalSection, "p:v"),
    EXPORT_AS("RtlEnterCriticalSection", w32_EnterCriticalSection, "p:v"),
    EXPORT_AS("RtlLeaveCriticalSection", w32_LeaveCriticalSection, "p:v"),
    EXPORT_AS("RtlTryEnterCriticalSection", w32_TryEnterCriticalSection, "p:i"),
};
