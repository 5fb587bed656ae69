/* thread.c — Windows threads on host threads: CreateThread gives each
 * new pthread its own TEB (w32_thread_attach), runs the image's TLS
 * callbacks with DLL_THREAD_ATTACH, then the thread function; at exit
 * (return or ExitThread) it runs the FLS destructors and DLL_THREAD_DETACH,
 * abandons the mutexes it owns, and signals its thread object with the
 * exit code. When the last thread exits the process exits with its code.
 * Also thread ids and handles, priorities, APCs, descriptions, times. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../unicode.h"
#include "../native.h"
#include "k32.h"
#include "fileio.h"

#define CREATE_SUSPENDED 0x4
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x10000
#define MIN_STACK (256u << 10)
#define ARCH_SET_GS 0x1001

struct k32_apc {
    void (WINAPI *fn)(ULONG_PTR);
    ULONG_PTR data;
    struct k32_apc *next;
};

static struct w32_thread_obj *live; /* running threads, under w32_wait_lock */
static int nlive = 1;               /* the main thread counts from the start */
static TEB dead_teb;                /* GS of a thread past its end */

static void thread_destroy(struct w32_object *o)
{
    struct w32_thread_obj *t = (struct w32_thread_obj *)o;
    while (t->apcs) {
        struct k32_apc *a = t->apcs;
        t->apcs = a->next;
        free(a);
    }
    free(t->description);
    free(t->susp);
    if (t->proc)
        w32_obj_put((struct w32_object *)t->proc);
    free(t);
}

/* A child process's primary thread is signalled when the process ends. */
static int remote_ready(struct w32_object *o, DWORD tid)
{
    (void)tid;
    struct w32_thread_obj *t = (struct w32_thread_obj *)o;
    return t->proc && t->proc->o.signalled;
}

static const struct w32_waitops remote_ops = { remote_ready, NULL, 0 };

void k32_thread_obj_init(struct w32_thread_obj *t, int remote)
{
    t->o.type = W32_H_THREAD;
    t->o.destroy = thread_destroy;
    t->o.wait = remote ? &remote_ops : NULL;
    t->exit_code = STILL_ACTIVE;
    t->created_100ns = k32_now_100ns();
}

static struct w32_thread_obj *new_thread_obj(int suspended)
{
    struct w32_thread_obj *t = calloc(1, sizeof *t);
    if (t && !k32_suspend_init_thread(t, suspended)) {
        free(t);
        t = NULL;
    }
    if (t)
        k32_thread_obj_init(t, 0);
    return t;
}

static void link_live(struct w32_thread_obj *t)
{
    pthread_mutex_lock(&w32_wait_lock);
    t->next = live;
    live = t;
    pthread_mutex_unlock(&w32_wait_lock);
}

/* Lock held. Returns the number of threads still running. */
static int unlink_live(struct w32_thread_obj *t)
{
    for (struct w32_thread_obj **pp = &live; *pp; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    return --nlive;
}

struct w32_thread_obj *k32_thread_current(void)
{
    struct w32_thread *th = w32_teb()->xeno;
    if (!th)
        return NULL;
    if (!th->obj) { /* the main thread, or one xeno attached itself */
        struct w32_thread_obj *t = new_thread_obj(0);
        if (!t)
            return NULL;
        t->tid = (DWORD)th->tid;
        t->th = th;
        t->is_main = 1;
        t->o.refs = 1; /* the running thread's own reference */
        th->obj = &t->o;
        link_live(t);
    }
    return (struct w32_thread_obj *)th->obj;
}

struct w32_object *w32_thread_self_object(void)
{
    return (struct w32_object *)k32_thread_current();
}

struct w32_thread_obj *k32_thread_get(HANDLE h)
{
    return (struct w32_thread_obj *)w32_handle_get(h, W32_H_THREAD);
}

struct w32_thread_obj *k32_thread_by_tid(DWORD tid)
{
    k32_thread_current();
    struct w32_thread_obj *r = NULL;
    pthread_mutex_lock(&w32_wait_lock);
    for (struct w32_thread_obj *t = live; t; t = t->next)
        if (t->tid == tid) {
            r = t;
            w32_obj_ref(&t->o);
            break;
        }
    pthread_mutex_unlock(&w32_wait_lock);
    return r;
}

/* ---- the end of a thread ---- */
static void free_teb(struct w32_thread *th)
{
    TEB *teb = th->teb;
    dead_teb.Self = &dead_teb;
    dead_teb.ProcessEnvironmentBlock = teb->ProcessEnvironmentBlock;
    syscall(SYS_arch_prctl, ARCH_SET_GS, &dead_teb);
    if (teb->ThreadLocalStoragePointer && w32_proc.tls_index >= 0)
        free(teb->ThreadLocalStoragePointer[w32_proc.tls_index]);
    free(teb->ThreadLocalStoragePointer);
    free(teb->TlsExpansionSlots);
    munmap(teb, TEB_SIZE);
    free(th);
}

void k32_thread_finish(struct w32_thread_obj *t, DWORD code, int terminated)
{
    if (!terminated) {
        k32_fls_thread_exit();
        w32_tls_callbacks(3); /* DLL_THREAD_DETACH */
        w32_native_thread_event(0);
    }
    k32_mutex_abandon(t->tid);
    pthread_mutex_lock(&w32_wait_lock);
    t->exit_code = code;
    t->o.signalled = 1;
    struct w32_thread *th = t->th;
    t->th = NULL;
    int left = unlink_live(t);
    w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    if (left == 0)
        w32_process_exit(code);
    if (!terminated && th && !t->is_main) {
        free_teb(th);
        w32_obj_put(&t->o);
    }
}

/* ntdll (fault.c): the thread's signal stack for fault handling. */
void w32_exceptions_thread_init(void);

static void *thread_main(void *arg)
{
    struct w32_thread_obj *t = arg;
    pthread_attr_t a;
    void *lo = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        pthread_attr_getstack(&a, &lo, &size);
        pthread_attr_destroy(&a);
    }
    struct w32_thread *th = w32_thread_attach(lo, (char *)lo + size);
    th->obj = &t->o;
    w32_exceptions_thread_init();
    pthread_mutex_lock(&w32_wait_lock);
    t->th = th;
    t->tid = (DWORD)th->tid;
    w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    k32_suspend_wait_self(t); /* CREATE_SUSPENDED: until ResumeThread */
    w32_tls_callbacks(2);     /* DLL_THREAD_ATTACH */
    w32_native_thread_event(1);
    volatile DWORD code;
    if (setjmp(th->exit_jmp) == 0) {
        th->has_exit_jmp = 1;
        code = t->fn(t->arg);
    } else {
        code = t->exit_pending;
    }
    th->has_exit_jmp = 0;
    k32_thread_finish(t, code, 0);
    return NULL;
}

HANDLE w32_create_thread(w32_thread_fn fn, PVOID arg, SIZE_T stack, DWORD flags, DWORD *tid)
{
    struct w32_thread_obj *t = new_thread_obj(!!(flags & CREATE_SUSPENDED));
    if (!t) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    k32_thread_current(); /* the creator has an object too (thread lists) */
    t->fn = fn;
    t->arg = arg;
    SIZE_T reserve = w32_proc.pe ? w32_proc.pe->stack_reserve : 0;
    if ((flags & STACK_SIZE_PARAM_IS_A_RESERVATION) || stack > reserve)
        reserve = stack;
    if (reserve < MIN_STACK)
        reserve = MIN_STACK;
    HANDLE h = w32_handle_new(&t->o);
    if (!h) {
        free(t);
        w32_set_last_error(ERROR_TOO_MANY_OPEN_FILES);
        return NULL;
    }
    w32_obj_ref(&t->o); /* the running thread's own reference */
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, (reserve + 65535) & ~(SIZE_T)65535);
    pthread_mutex_lock(&w32_wait_lock);
    nlive++;
    t->next = live; /* listed before it can run, and so before it can end */
    live = t;
    pthread_t pt;
    int rc = pthread_create(&pt, &a, thread_main, t);
    if (rc == 0)
        while (!t->tid)
            w32_wait_until(NULL);
    else
        unlink_live(t);
    pthread_mutex_unlock(&w32_wait_lock);
    pthread_attr_destroy(&a);
    if (rc != 0) {
        w32_obj_put(&t->o);
        w32_handle_close(h);
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (tid)
        *tid = t->tid;
    return h;
}

void w32_exit_thread(DWORD code)
{
    struct w32_thread *th = w32_teb()->xeno;
    if (th && th->has_exit_jmp) {
        struct w32_thread_obj *t = (struct w32_thread_obj *)th->obj;
        t->exit_pending = code;
        longjmp(th->exit_jmp, 1);
    }
    /* The main thread (or one without a start frame): finish, then stay
     * parked; the process ends with the last thread. */
    struct w32_thread_obj *t = k32_thread_current();
    if (t)
        k32_thread_finish(t, code, 0);
    for (;;)
        pause();
}

static HANDLE WINAPI w32_CreateThread(const SECURITY_ATTRIBUTES *sa, SIZE_T stack, w32_thread_fn fn,
                                      PVOID arg, DWORD flags, DWORD *tid)
{
    HANDLE h = w32_create_thread(fn, arg, stack, flags, tid);
    if (h && sa && k32_readable(sa, sizeof *sa) && sa->bInheritHandle)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return h;
}

static HANDLE WINAPI w32_CreateRemoteThread(HANDLE proc, const SECURITY_ATTRIBUTES *sa, SIZE_T stack,
                                            w32_thread_fn fn, PVOID arg, DWORD flags, DWORD *tid)
{
    struct w32_object *p = w32_handle_get(proc, W32_H_PROCESS);
    if (!p)
        return NULL;
    int self = ((struct w32_process_obj *)p)->is_self;
    w32_obj_put(p);
    if (!self) { /* another process's address space is out of reach */
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return NULL;
    }
    return w32_CreateThread(sa, stack, fn, arg, flags, tid);
}

static HANDLE WINAPI w32_CreateRemoteThreadEx(HANDLE proc, const SECURITY_ATTRIBUTES *sa, SIZE_T stack,
                                              w32_thread_fn fn, PVOID arg, DWORD flags, PVOID attrs,
                                              DWORD *tid)
{
    (void)attrs;
    return w32_CreateRemoteThread(proc, sa, stack, fn, arg, flags, tid);
}

static void WINAPI w32_ExitThread(DWORD code)
{
    w32_exit_thread(code);
}

static BOOL WINAPI w32_GetExitCodeThread(HANDLE h, DWORD *code)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    DWORD c = t->is_remote && t->proc ? t->proc->exit_code : t->exit_code;
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&t->o);
    if (!k32_copy_out(code, &c, sizeof c)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static DWORD WINAPI w32_GetThreadId(HANDLE h)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return 0;
    DWORD id = t->tid;
    w32_obj_put(&t->o);
    return id;
}

static DWORD WINAPI w32_GetProcessIdOfThread(HANDLE h)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return 0;
    DWORD id = t->is_remote && t->proc ? k32_win_pid(t->proc->pid) : k32_win_pid(getpid());
    w32_obj_put(&t->o);
    return id;
}

static HANDLE WINAPI w32_OpenThread(DWORD access, BOOL inherit, DWORD tid)
{
    (void)access;
    struct w32_thread_obj *t = k32_thread_by_tid(tid);
    if (!t) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    HANDLE h = w32_handle_new(&t->o);
    w32_obj_put(&t->o);
    if (h && inherit)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return h;
}

/* ---- priorities: remembered, not applied (the host scheduler decides) ---- */
static int valid_priority(int p)
{
    return p == -15 || p == 15 || (p >= -2 && p <= 2);
}

static BOOL WINAPI w32_SetThreadPriority(HANDLE h, int prio)
{
    if (!valid_priority(prio)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return FALSE;
    t->priority = prio;
    w32_obj_put(&t->o);
    return TRUE;
}

static int WINAPI w32_GetThreadPriority(HANDLE h)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return 0x7fffffff; /* THREAD_PRIORITY_ERROR_RETURN */
    int p = t->priority;
    w32_obj_put(&t->o);
    return p;
}

static BOOL WINAPI w32_SetThreadPriorityBoost(HANDLE h, BOOL off) { (void)h, (void)off; return TRUE; }

static BOOL WINAPI w32_GetThreadPriorityBoost(HANDLE h, BOOL *off)
{
    BOOL v = FALSE;
    (void)h;
    return k32_copy_out(off, &v, sizeof v) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static DWORD_PTR WINAPI w32_SetThreadAffinityMask(HANDLE h, DWORD_PTR mask)
{
    (void)h;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    DWORD_PTR all = n >= 64 ? ~(DWORD_PTR)0 : (((DWORD_PTR)1 << n) - 1);
    if (!(mask & all)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return all;
}

static DWORD WINAPI w32_SetThreadIdealProcessor(HANDLE h, DWORD p) { (void)h, (void)p; return 0; }
static BOOL WINAPI w32_SetThreadStackGuarantee(ULONG *size)
{
    if (size) *size = 0;
    return TRUE;
}

static DWORD WINAPI w32_GetCurrentProcessorNumber(void)
{
    int c = sched_getcpu();
    return c < 0 ? 0 : (DWORD)c;
}

static void WINAPI w32_GetCurrentThreadStackLimits(ULONG_PTR *lo, ULONG_PTR *hi)
{
    TEB *teb = w32_teb();
    *lo = (ULONG_PTR)teb->StackLimit;
    *hi = (ULONG_PTR)teb->StackBase;
}

/* ---- APCs ---- */
int k32_apc_pending(struct w32_thread_obj *t)
{
    return t->apcs != NULL;
}

void k32_apc_run(struct w32_thread_obj *t)
{
    for (;;) {
        pthread_mutex_lock(&w32_wait_lock);
        struct k32_apc *a = t->apcs;
        if (a)
            t->apcs = a->next;
        pthread_mutex_unlock(&w32_wait_lock);
        if (!a)
            return;
        a->fn(a->data);
        free(a);
    }
}

int k32_queue_apc_locked(struct w32_thread_obj *t, void (WINAPI *fn)(ULONG_PTR), ULONG_PTR data)
{
    struct k32_apc *a = calloc(1, sizeof *a);
    if (!a)
        return 0;
    a->fn = fn, a->data = data;
    struct k32_apc **pp = &t->apcs;
    while (*pp)
        pp = &(*pp)->next;
    *pp = a;
    w32_wait_broadcast();
    return 1;
}

static DWORD WINAPI w32_QueueUserAPC(void (WINAPI *fn)(ULONG_PTR), HANDLE h, ULONG_PTR data)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return 0;
    pthread_mutex_lock(&w32_wait_lock);
    int ok = k32_queue_apc_locked(t, fn, data);
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&t->o);
    return ok;
}

void k32_queue_apc_self(void (WINAPI *fn)(ULONG_PTR), ULONG_PTR data)
{
    w32_QueueUserAPC(fn, W32_CURRENT_THREAD, data);
}

/* ---- descriptions (SetThreadDescription) ---- */
static LONG WINAPI w32_SetThreadDescription(HANDLE h, LPCWSTR desc)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return (LONG)0xC0000008; /* HRESULT_FROM_NT(STATUS_INVALID_HANDLE) */
    size_t n = desc ? w32_wcslen(desc) : 0;
    WCHAR *copy = malloc((n + 1) * sizeof *copy);
    if (copy) {
        if (n)
            memcpy(copy, desc, n * sizeof *copy);
        copy[n] = 0;
        pthread_mutex_lock(&w32_wait_lock);
        free(t->description);
        t->description = copy;
        pthread_mutex_unlock(&w32_wait_lock);
    }
    if (t == k32_thread_current()) { /* also the host thread's name, for tools */
        char *u = w32_wide_to_utf8(copy);
        if (u) {
            char name[16];
            snprintf(name, sizeof name, "%s", u);
            pthread_setname_np(pthread_self(), name);
        }
        free(u);
    }
    w32_obj_put(&t->o);
    return 0;
}

static LONG WINAPI w32_GetThreadDescription(HANDLE h, WCHAR **out)
{
    extern PVOID w32_local_alloc(SIZE_T n);
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return (LONG)0xC0000008;
    pthread_mutex_lock(&w32_wait_lock);
    size_t n = t->description ? w32_wcslen(t->description) : 0;
    WCHAR *r = w32_local_alloc((n + 1) * sizeof *r);
    if (r) {
        if (n)
            memcpy(r, t->description, n * sizeof *r);
        r[n] = 0;
    }
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&t->o);
    *out = r;
    return r ? 0 : (LONG)0x8007000E; /* E_OUTOFMEMORY */
}

/* ---- times ---- */
static void put_ft(FILETIME *f, uint64_t v)
{
    f->dwLowDateTime = (DWORD)v;
    f->dwHighDateTime = (DWORD)(v >> 32);
}

static BOOL WINAPI w32_GetThreadTimes(HANDLE h, FILETIME *create, FILETIME *exit_t, FILETIME *kernel,
                                      FILETIME *user)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return FALSE;
    struct timespec ts = { 0, 0 };
    clockid_t cid;
    if (t->th && t->tid) { /* a thread's CPU clock: the kernel's per-thread clock */
        cid = (clockid_t)((~(unsigned)t->tid << 3) | 6); /* CPUCLOCK_SCHED | per-thread */
        clock_gettime(cid, &ts);
    }
    put_ft(create, t->created_100ns);
    put_ft(exit_t, t->o.signalled ? k32_now_100ns() : 0);
    put_ft(kernel, 0);
    put_ft(user, (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100);
    w32_obj_put(&t->o);
    return TRUE;
}

static BOOL WINAPI w32_IsThreadAFiber(void) { return FALSE; }

W32_EXPORTS(kernel32) = {
    EXPORT(CreateThread, "pqppup:h"),
    EXPORT(CreateRemoteThread, "hpqppup:h"),
    EXPORT(CreateRemoteThreadEx, "hpqppupp:h"),
    EXPORT(ExitThread, "u:v"),
    EXPORT(GetExitCodeThread, "hp:i"),
    EXPORT(GetThreadId, "h:u"),
    EXPORT(GetProcessIdOfThread, "h:u"),
    EXPORT(OpenThread, "uiu:h"),
    EXPORT(SetThreadPriority, "hi:i"),
    EXPORT(GetThreadPriority, "h:i"),
    EXPORT(SetThreadPriorityBoost, "hi:i"),
    EXPORT(GetThreadPriorityBoost, "hp:i"),
    EXPORT(SetThreadAffinityMask, "hq:q"),
    EXPORT(SetThreadIdealProcessor, "hu:u"),
    EXPORT(SetThreadStackGuarantee, "p:i"),
    EXPORT(GetCurrentProcessorNumber, ":u"),
    EXPORT(GetCurrentThreadStackLimits, "pp:v"),
    EXPORT(QueueUserAPC, "phq:u"),
    EXPORT(SetThreadDescription, "hw:i"),
    EXPORT(GetThreadDescription, "hp:i"),
    EXPORT(GetThreadTimes, "hpppp:i"),
    EXPORT(IsThreadAFiber, ":i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlExitUserThread", w32_ExitThread, "u:v"),
};
