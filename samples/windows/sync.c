/* sync.c — every Win32 synchronization primitive, each with its documented
 * semantics and a contended workload with a deterministic result: events
 * (manual and auto reset, named, ping-pong), mutexes (recursion,
 * ERROR_NOT_OWNER, WAIT_ABANDONED), semaphores (counts, ERROR_TOO_MANY_POSTS,
 * bounded buffer), critical sections (TryEnter, recursion), SRW locks
 * (shared vs exclusive, TryAcquire), condition variables with a critical
 * section and with an SRW lock (timeout and wake-all), InitOnceExecuteOnce,
 * and the Interlocked family.  Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * manual unset: 258
 * manual set: 0 0
 * manual reset: 258
 * auto initially set: 0 then 258
 * named event: exists error 183, set through another handle: 0
 * OpenEventW missing: NULL error 2
 * ping-pong rounds: 1000
 * mutex counter: 80000
 * mutex recursive waits: 0 0
 * ReleaseMutex by another thread: error 288
 * ReleaseMutex x3: 1 1 0 error 288
 * abandoned mutex wait: 0x80
 * semaphore(2,3) waits: 0 0 258
 * ReleaseSemaphore 3: 1 previous 0
 * ReleaseSemaphore past max: 0 error 298
 * bounded buffer total: 1625500
 * critical section counter: 80000
 * TryEnterCriticalSection from another thread while held: 0
 * TryEnterCriticalSection by the owner: 1
 * TryEnterCriticalSection when free: 1
 * SRW exclusive counter: 40000
 * while shared-held, other thread: shared 1 exclusive 0
 * while exclusive-held, other thread: shared 0 exclusive 0
 * condition variable (CS) consumer sum: 124750
 * SleepConditionVariableCS timeout: 0 error 1460
 * WakeAllConditionVariable (SRW) woke: 4
 * InitOnceExecuteOnce: callback ran 1 time(s), 4 threads saw the context
 * interlocked: counter 160000, CAS counter 80000, 64-bit 687194767360000
 * InterlockedExchange: old 5 new 9
 * InterlockedCompareExchange mismatch: old 9 value 9
 * InterlockedCompareExchangePointer: old null 1, now set 1
 * InterlockedCompareExchange64: old 1 new 1099511627776
 */
#include <windows.h>
#include <stdio.h>

#define WORKERS 4
#define ROUNDS 20000

static HANDLE ping, pong, mutex, items, slots;
static CRITICAL_SECTION cs;
static SRWLOCK srw = SRWLOCK_INIT;
static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT, cv2 = CONDITION_VARIABLE_INIT;
static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static volatile LONG counter, once_calls, ready, waiting;
static LONG plain_counter;
static int ring[4], ring_head, ring_tail;
static volatile LONG64 big;

static HANDLE start(LPTHREAD_START_ROUTINE fn, void *arg)
{
    return CreateThread(NULL, 0, fn, arg, 0, NULL);
}

static void join(HANDLE *h, int n)
{
    WaitForMultipleObjects(n, h, TRUE, INFINITE);
    for (int i = 0; i < n; i++)
        CloseHandle(h[i]);
}

static DWORD WINAPI ponger(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        WaitForSingleObject(ping, INFINITE);
        counter++;
        SetEvent(pong);
    }
    return 0;
}

static DWORD WINAPI mutex_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        WaitForSingleObject(mutex, INFINITE);
        plain_counter++;
        ReleaseMutex(mutex);
    }
    return 0;
}

static DWORD WINAPI not_owner(void *arg)
{
    (void)arg;
    BOOL ok = ReleaseMutex(mutex);
    return ok ? 0 : GetLastError();
}

static DWORD WINAPI abandons(void *arg)
{
    WaitForSingleObject((HANDLE)arg, INFINITE);
    return 0;                                     /* exits still owning it */
}

static DWORD WINAPI producer(void *arg)
{
    int base = (int)(INT_PTR)arg;
    for (int i = 1; i <= 250; i++) {
        WaitForSingleObject(slots, INFINITE);
        EnterCriticalSection(&cs);
        ring[ring_head++ % 4] = base + i;
        LeaveCriticalSection(&cs);
        ReleaseSemaphore(items, 1, NULL);
    }
    return 0;
}

static DWORD WINAPI cs_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        EnterCriticalSection(&cs);
        EnterCriticalSection(&cs);                /* recursion is allowed */
        plain_counter++;
        LeaveCriticalSection(&cs);
        LeaveCriticalSection(&cs);
    }
    return 0;
}

static DWORD WINAPI try_cs(void *arg)
{
    (void)arg;
    BOOL got = TryEnterCriticalSection(&cs);
    if (got)
        LeaveCriticalSection(&cs);
    return got;
}

static DWORD WINAPI srw_worker(void *arg)
{
    int writer = (int)(INT_PTR)arg & 1;
    for (int i = 0; i < ROUNDS; i++) {
        if (writer) {
            AcquireSRWLockExclusive(&srw);
            plain_counter++;
            ReleaseSRWLockExclusive(&srw);
        } else {
            AcquireSRWLockShared(&srw);
            volatile LONG seen = plain_counter;
            (void)seen;
            ReleaseSRWLockShared(&srw);
        }
    }
    return 0;
}

static DWORD WINAPI try_srw(void *arg)
{
    (void)arg;
    BOOL shared = TryAcquireSRWLockShared(&srw);
    if (shared)
        ReleaseSRWLockShared(&srw);
    BOOL excl = TryAcquireSRWLockExclusive(&srw);
    if (excl)
        ReleaseSRWLockExclusive(&srw);
    return shared * 10 + excl;
}

static DWORD WINAPI cv_consumer(void *arg)
{
    (void)arg;
    LONG got = 0;
    EnterCriticalSection(&cs);
    for (;;) {
        while (ring_tail == ring_head)
            SleepConditionVariableCS(&cv, &cs, INFINITE);
        int v = ring[ring_tail++ % 4];
        WakeConditionVariable(&cv);
        if (v < 0)
            break;
        got += v;
    }
    LeaveCriticalSection(&cs);
    return (DWORD)got;
}

static DWORD WINAPI cv_waiter(void *arg)
{
    (void)arg;
    AcquireSRWLockExclusive(&srw);
    InterlockedIncrement(&waiting);
    while (!ready)
        SleepConditionVariableSRW(&cv2, &srw, INFINITE, 0);
    InterlockedIncrement(&counter);
    ReleaseSRWLockExclusive(&srw);
    return 0;
}

static BOOL CALLBACK init_fn(PINIT_ONCE o, void *param, void **context)
{
    (void)o;
    (void)param;
    InterlockedIncrement(&once_calls);
    Sleep(10);
    *context = (void *)0x1230;
    return TRUE;
}

static DWORD WINAPI once_worker(void *arg)
{
    (void)arg;
    void *ctx = NULL;
    BOOL ok = InitOnceExecuteOnce(&once, init_fn, NULL, &ctx);
    return ok && ctx == (void *)0x1230;
}

static DWORD WINAPI interlocked_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        InterlockedIncrement(&counter);
        InterlockedExchangeAdd(&counter, 2);
        InterlockedDecrement(&counter);
        InterlockedAdd64(&big, 1LL << 33);
        LONG old;
        do
            old = plain_counter;
        while (InterlockedCompareExchange(&plain_counter, old + 1, old) != old);
    }
    return 0;
}

int main(void)
{
    HANDLE h[WORKERS + 1];

    /* events */
    HANDLE manual = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE autoev = CreateEventW(NULL, FALSE, TRUE, NULL);
    printf("manual unset: %lu\n", WaitForSingleObject(manual, 0));
    SetEvent(manual);
    DWORD w1 = WaitForSingleObject(manual, 0), w2 = WaitForSingleObject(manual, 0);
    printf("manual set: %lu %lu\n", w1, w2);
    ResetEvent(manual);
    printf("manual reset: %lu\n", WaitForSingleObject(manual, 0));
    w1 = WaitForSingleObject(autoev, 0);
    w2 = WaitForSingleObject(autoev, 0);
    printf("auto initially set: %lu then %lu\n", w1, w2);
    HANDLE named = CreateEventW(NULL, TRUE, FALSE, L"XenoSyncSampleEvent");
    HANDLE again = CreateEventW(NULL, TRUE, FALSE, L"XenoSyncSampleEvent");
    DWORD err = GetLastError();
    HANDLE opened = OpenEventW(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, L"XenoSyncSampleEvent");
    SetEvent(opened);
    printf("named event: exists error %lu, set through another handle: %lu\n", err, WaitForSingleObject(named, 0));
    HANDLE missing = OpenEventW(SYNCHRONIZE, FALSE, L"XenoNoSuchEvent");
    printf("OpenEventW missing: %s error %lu\n", missing ? "handle" : "NULL", GetLastError());
    CloseHandle(named);
    CloseHandle(again);
    CloseHandle(opened);
    ping = CreateEventW(NULL, FALSE, FALSE, NULL);
    pong = CreateEventW(NULL, FALSE, FALSE, NULL);
    h[0] = start(ponger, NULL);
    for (int i = 0; i < 1000; i++) {
        SetEvent(ping);
        WaitForSingleObject(pong, INFINITE);
    }
    join(h, 1);
    printf("ping-pong rounds: %ld\n", counter);

    /* mutexes */
    mutex = CreateMutexW(NULL, FALSE, NULL);
    plain_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(mutex_worker, NULL);
    join(h, WORKERS);
    printf("mutex counter: %ld\n", plain_counter);
    w1 = WaitForSingleObject(mutex, 0);
    w2 = WaitForSingleObject(mutex, 0);
    printf("mutex recursive waits: %lu %lu\n", w1, w2);
    h[0] = start(not_owner, NULL);
    WaitForSingleObject(h[0], INFINITE);
    DWORD code;
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    printf("ReleaseMutex by another thread: error %lu\n", code);
    BOOL r1 = ReleaseMutex(mutex), r2 = ReleaseMutex(mutex), r3 = ReleaseMutex(mutex);
    printf("ReleaseMutex x3: %d %d %d error %lu\n", r1, r2, r3, GetLastError());
    HANDLE orphan = CreateMutexW(NULL, FALSE, NULL);
    h[0] = start(abandons, orphan);
    join(h, 1);
    printf("abandoned mutex wait: 0x%lx\n", WaitForSingleObject(orphan, 0));
    ReleaseMutex(orphan);
    CloseHandle(orphan);

    /* semaphores */
    HANDLE sem = CreateSemaphoreW(NULL, 2, 3, NULL);
    DWORD s1 = WaitForSingleObject(sem, 0), s2 = WaitForSingleObject(sem, 0), s3 = WaitForSingleObject(sem, 0);
    printf("semaphore(2,3) waits: %lu %lu %lu\n", s1, s2, s3);
    LONG prev = -1;
    BOOL ok = ReleaseSemaphore(sem, 3, &prev);
    printf("ReleaseSemaphore 3: %d previous %ld\n", ok, prev);
    ok = ReleaseSemaphore(sem, 1, &prev);
    printf("ReleaseSemaphore past max: %d error %lu\n", ok, GetLastError());
    CloseHandle(sem);
    InitializeCriticalSection(&cs);
    items = CreateSemaphoreW(NULL, 0, 4, NULL);
    slots = CreateSemaphoreW(NULL, 4, 4, NULL);
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(producer, (void *)(INT_PTR)(i * 1000));
    long total = 0;
    for (int i = 0; i < WORKERS * 250; i++) {
        WaitForSingleObject(items, INFINITE);
        EnterCriticalSection(&cs);
        total += ring[ring_tail++ % 4];
        LeaveCriticalSection(&cs);
        ReleaseSemaphore(slots, 1, NULL);
    }
    join(h, WORKERS);
    printf("bounded buffer total: %ld\n", total);

    /* critical sections */
    plain_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(cs_worker, NULL);
    join(h, WORKERS);
    printf("critical section counter: %ld\n", plain_counter);
    EnterCriticalSection(&cs);
    h[0] = start(try_cs, NULL);
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    printf("TryEnterCriticalSection from another thread while held: %lu\n", code);
    printf("TryEnterCriticalSection by the owner: %d\n", TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    h[0] = start(try_cs, NULL);
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    printf("TryEnterCriticalSection when free: %lu\n", code);

    /* SRW locks */
    plain_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(srw_worker, (void *)(INT_PTR)i);
    join(h, WORKERS);
    printf("SRW exclusive counter: %ld\n", plain_counter);
    AcquireSRWLockShared(&srw);
    h[0] = start(try_srw, NULL);
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    ReleaseSRWLockShared(&srw);
    printf("while shared-held, other thread: shared %lu exclusive %lu\n", code / 10, code % 10);
    AcquireSRWLockExclusive(&srw);
    h[0] = start(try_srw, NULL);
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    ReleaseSRWLockExclusive(&srw);
    printf("while exclusive-held, other thread: shared %lu exclusive %lu\n", code / 10, code % 10);

    /* condition variables */
    ring_head = ring_tail = 0;
    h[0] = start(cv_consumer, NULL);
    for (int i = 1; i <= 500; i++) {
        EnterCriticalSection(&cs);
        while (ring_head - ring_tail == 4)
            SleepConditionVariableCS(&cv, &cs, INFINITE);
        ring[ring_head++ % 4] = i == 500 ? -1 : i;
        WakeConditionVariable(&cv);
        LeaveCriticalSection(&cs);
    }
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    CloseHandle(h[0]);
    printf("condition variable (CS) consumer sum: %lu\n", code);
    EnterCriticalSection(&cs);
    ok = SleepConditionVariableCS(&cv, &cs, 20);
    err = GetLastError();
    LeaveCriticalSection(&cs);
    printf("SleepConditionVariableCS timeout: %d error %lu\n", ok, err);
    counter = 0;
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(cv_waiter, NULL);
    while (waiting < WORKERS)
        Sleep(1);
    AcquireSRWLockExclusive(&srw);
    ready = 1;
    WakeAllConditionVariable(&cv2);
    ReleaseSRWLockExclusive(&srw);
    join(h, WORKERS);
    printf("WakeAllConditionVariable (SRW) woke: %ld\n", counter);

    /* one-time initialization */
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(once_worker, NULL);
    WaitForMultipleObjects(WORKERS, h, TRUE, INFINITE);
    int good = 0;
    for (int i = 0; i < WORKERS; i++) {
        GetExitCodeThread(h[i], &code);
        good += code == 1;
        CloseHandle(h[i]);
    }
    printf("InitOnceExecuteOnce: callback ran %ld time(s), %d threads saw the context\n", once_calls, good);

    /* interlocked */
    counter = 0;
    plain_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        h[i] = start(interlocked_worker, NULL);
    join(h, WORKERS);
    printf("interlocked: counter %ld, CAS counter %ld, 64-bit %lld\n", counter, plain_counter, (long long)big);
    LONG x = 5;
    LONG oldx = InterlockedExchange(&x, 9);
    printf("InterlockedExchange: old %ld new %ld\n", oldx, x);
    oldx = InterlockedCompareExchange(&x, 1, 8);
    printf("InterlockedCompareExchange mismatch: old %ld value %ld\n", oldx, x);
    void *ptr = NULL;
    void *oldp = InterlockedCompareExchangePointer(&ptr, &x, NULL);
    printf("InterlockedCompareExchangePointer: old null %d, now set %d\n", oldp == NULL, ptr == &x);
    LONG64 y = 1;
    LONG64 oldy = InterlockedCompareExchange64(&y, 1LL << 40, 1);
    printf("InterlockedCompareExchange64: old %lld new %lld\n", (long long)oldy, (long long)y);
    DeleteCriticalSection(&cs);
    return 0;
}
