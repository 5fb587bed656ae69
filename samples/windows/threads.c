/* threads.c — threads and per-thread state: CreateThread (plain, suspended,
 * with a stack size) and ResumeThread, WaitForSingleObject/
 * WaitForMultipleObjects (all and any, timeouts), GetExitCodeThread
 * (STILL_ACTIVE, return values, ExitThread), GetThreadId, the pseudo
 * handles, thread priority, _beginthreadex/_endthreadex and _beginthread,
 * TlsAlloc/TlsSetValue/TlsGetValue/TlsFree, FlsAlloc with a destructor
 * callback, a per-thread CRT errno, Sleep and SwitchToThread.
 * Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * WaitForMultipleObjects(all): 0
 * thread 0 exit code 5050, id matches 1, differs from main 1
 * thread 1 exit code 20100, id matches 1, differs from main 1
 * thread 2 exit code 45150, id matches 1, differs from main 1
 * thread 3 exit code 80200, id matches 1, differs from main 1
 * wait with timeout 0 on a blocked thread: 258
 * wait 20 ms on a blocked thread: 258
 * exit code while running: 259 (STILL_ACTIVE 1)
 * WaitForMultipleObjects(any): 0
 * ExitThread code: 77
 * released thread exit code: 42
 * suspended thread ran: 0
 * SetThreadPriority: 1, GetThreadPriority: -1
 * ResumeThread returns previous count: 1
 * after resume ran: 1, exit code 5
 * pseudo handles: thread -2 process -1
 * TlsAlloc ok: 1, FlsAlloc ok: 1
 * threads that saw their own TLS, FLS and errno: 4
 * main still has TLS 999, FLS 1000, errno 0
 * FLS destructor calls after the threads exited: 4
 * FlsFree: 1, destructor calls now: 5
 * TlsFree: 1
 * _beginthreadex exit codes: 4 (returned) 14 (_endthreadex)
 * _beginthread started: 1, signalled: 0
 * done
 */
#include <windows.h>
#include <errno.h>
#include <process.h>
#include <stdio.h>

static DWORD tls_slot, fls_slot;
static volatile LONG fls_destructor_calls, ran_before_resume, tls_ok;
static HANDLE gate;

static DWORD WINAPI sum_range(void *arg)
{
    DWORD n = (DWORD)(ULONG_PTR)arg, sum = 0;
    for (DWORD i = 1; i <= n; i++)
        sum += i;
    return sum;
}

static DWORD WINAPI wait_for_gate(void *arg)
{
    WaitForSingleObject(gate, INFINITE);
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD WINAPI exits_early(void *arg)
{
    (void)arg;
    ExitThread(77);
}

static DWORD WINAPI mark_running(void *arg)
{
    (void)arg;
    InterlockedIncrement(&ran_before_resume);
    return 5;
}

static void CALLBACK fls_destructor(void *value)
{
    if (value)
        InterlockedIncrement(&fls_destructor_calls);
}

static DWORD WINAPI uses_slots(void *arg)
{
    ULONG_PTR me = (ULONG_PTR)arg;
    TlsSetValue(tls_slot, (void *)(me * 10));
    FlsSetValue(fls_slot, (void *)me);
    errno = (int)me;                     /* the CRT's errno is per thread */
    Sleep(5);
    SwitchToThread();
    if ((ULONG_PTR)TlsGetValue(tls_slot) == me * 10 && (ULONG_PTR)FlsGetValue(fls_slot) == me && errno == (int)me)
        InterlockedIncrement(&tls_ok);
    return 0;
}

static unsigned __stdcall crt_thread(void *arg)
{
    unsigned v = (unsigned)(ULONG_PTR)arg;
    if (v == 7)
        _endthreadex(v * 2);
    return v + 1;
}

static void __cdecl old_style_thread(void *arg)
{
    SetEvent((HANDLE)arg);
}

int main(void)
{
    HANDLE h[4];
    DWORD ids[4], code;
    for (int i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, sum_range, (void *)(ULONG_PTR)(100 * (i + 1)), 0, &ids[i]);
    DWORD w = WaitForMultipleObjects(4, h, TRUE, INFINITE);
    printf("WaitForMultipleObjects(all): %lu\n", w);
    for (int i = 0; i < 4; i++) {
        GetExitCodeThread(h[i], &code);
        printf("thread %d exit code %lu, id matches %d, differs from main %d\n", i, code,
               GetThreadId(h[i]) == ids[i], ids[i] != GetCurrentThreadId());
        CloseHandle(h[i]);
    }

    gate = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE blocked = CreateThread(NULL, 64 * 1024, wait_for_gate, (void *)42, 0, NULL);
    printf("wait with timeout 0 on a blocked thread: %lu\n", WaitForSingleObject(blocked, 0));
    printf("wait 20 ms on a blocked thread: %lu\n", WaitForSingleObject(blocked, 20));
    GetExitCodeThread(blocked, &code);
    printf("exit code while running: %lu (STILL_ACTIVE %d)\n", code, code == STILL_ACTIVE);
    HANDLE pair[2] = { CreateThread(NULL, 0, exits_early, NULL, 0, NULL), blocked };
    w = WaitForMultipleObjects(2, pair, FALSE, INFINITE);
    printf("WaitForMultipleObjects(any): %lu\n", w);
    GetExitCodeThread(pair[0], &code);
    printf("ExitThread code: %lu\n", code);
    SetEvent(gate);
    WaitForSingleObject(blocked, INFINITE);
    GetExitCodeThread(blocked, &code);
    printf("released thread exit code: %lu\n", code);
    CloseHandle(pair[0]);
    CloseHandle(blocked);

    HANDLE s = CreateThread(NULL, 0, mark_running, NULL, CREATE_SUSPENDED, NULL);
    Sleep(20);
    printf("suspended thread ran: %ld\n", ran_before_resume);
    BOOL set = SetThreadPriority(s, THREAD_PRIORITY_BELOW_NORMAL);
    printf("SetThreadPriority: %d, GetThreadPriority: %d\n", set, GetThreadPriority(s));
    printf("ResumeThread returns previous count: %lu\n", ResumeThread(s));
    WaitForSingleObject(s, INFINITE);
    GetExitCodeThread(s, &code);
    printf("after resume ran: %ld, exit code %lu\n", ran_before_resume, code);
    CloseHandle(s);

    printf("pseudo handles: thread %lld process %lld\n", (long long)(INT_PTR)GetCurrentThread(),
           (long long)(INT_PTR)GetCurrentProcess());

    tls_slot = TlsAlloc();
    fls_slot = FlsAlloc(fls_destructor);
    printf("TlsAlloc ok: %d, FlsAlloc ok: %d\n", tls_slot != TLS_OUT_OF_INDEXES, fls_slot != FLS_OUT_OF_INDEXES);
    TlsSetValue(tls_slot, (void *)999);
    FlsSetValue(fls_slot, (void *)1000);
    errno = 0;
    for (int i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, uses_slots, (void *)(ULONG_PTR)(i + 1), 0, NULL);
    WaitForMultipleObjects(4, h, TRUE, INFINITE);
    for (int i = 0; i < 4; i++)
        CloseHandle(h[i]);
    printf("threads that saw their own TLS, FLS and errno: %ld\n", tls_ok);
    printf("main still has TLS %d, FLS %d, errno %d\n", (int)(ULONG_PTR)TlsGetValue(tls_slot),
           (int)(ULONG_PTR)FlsGetValue(fls_slot), errno);
    printf("FLS destructor calls after the threads exited: %ld\n", fls_destructor_calls);
    BOOL freed = FlsFree(fls_slot);
    printf("FlsFree: %d, destructor calls now: %ld\n", freed, fls_destructor_calls);
    printf("TlsFree: %d\n", TlsFree(tls_slot));

    HANDLE c1 = (HANDLE)_beginthreadex(NULL, 0, crt_thread, (void *)3, 0, NULL);
    HANDLE c2 = (HANDLE)_beginthreadex(NULL, 0, crt_thread, (void *)7, 0, NULL);
    HANDLE both[2] = { c1, c2 };
    WaitForMultipleObjects(2, both, TRUE, INFINITE);
    DWORD e1, e2;
    GetExitCodeThread(c1, &e1);
    GetExitCodeThread(c2, &e2);
    printf("_beginthreadex exit codes: %lu (returned) %lu (_endthreadex)\n", e1, e2);
    CloseHandle(c1);
    CloseHandle(c2);
    HANDLE done = CreateEventW(NULL, FALSE, FALSE, NULL);
    uintptr_t old = _beginthread(old_style_thread, 0, done);
    w = WaitForSingleObject(done, 5000);
    printf("_beginthread started: %d, signalled: %lu\n", old != (uintptr_t)-1L, w);
    CloseHandle(done);
    CloseHandle(gate);

    Sleep(1);
    SwitchToThread();
    printf("done\n");
    return 0;
}
