/* k32.h — what kernel32's own files share: thread and process objects,
 * the wait engine, Windows constants used in several places, and small
 * helpers for the Windows conventions of returning strings. Other DLLs
 * use k32api.h instead. */
#ifndef XENO_K32_H
#define XENO_K32_H

#include <stdint.h>
#include <time.h>

#include "../handles.h"
#include "../process.h"
#include "../w32.h"
#include "../winerr.h"
#include "k32api.h"

#ifndef ERROR_GEN_FAILURE
#define ERROR_GEN_FAILURE 31
#endif
#ifndef ERROR_BAD_LENGTH
#define ERROR_BAD_LENGTH 24
#endif
#ifndef ERROR_NOT_LOCKED
#define ERROR_NOT_LOCKED 158
#endif
#ifndef ERROR_BAD_EXE_FORMAT
#define ERROR_BAD_EXE_FORMAT 193
#endif
#ifndef ERROR_BAD_PATHNAME
#define ERROR_BAD_PATHNAME 161
#endif
#ifndef ERROR_ABANDONED_WAIT_0
#define ERROR_ABANDONED_WAIT_0 735
#endif

#define INFINITE 0xffffffffu
#define STILL_ACTIVE 259u
#define WAIT_OBJECT_0 0u
#define WAIT_ABANDONED_0 0x80u
#define WAIT_IO_COMPLETION 0xc0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xffffffffu
#define MAXIMUM_WAIT_OBJECTS 64

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define DUPLICATE_CLOSE_SOURCE 1
#define DUPLICATE_SAME_ACCESS 2

typedef struct {
    DWORD nLength;
    PVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;

/* CreateFile for internal callers (file.c): NAME is a Windows path in UTF-8. */
HANDLE k32_create_file(const char *name, DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa,
                       DWORD disp, DWORD flags_attrs);

typedef struct {
    WORD wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond, wMilliseconds;
} SYSTEMTIME;

/* ---- threads (thread.c) ---- */
struct k32_apc;
struct k32_suspend;

struct w32_thread_obj {
    struct w32_object o;        /* W32_H_THREAD; signalled once it has exited */
    DWORD tid;
    DWORD exit_code;            /* STILL_ACTIVE while it runs */
    DWORD exit_pending;         /* ExitThread's code on its way out */
    int priority;
    int suspend;                /* suspend count, under w32_wait_lock */
    int is_main, is_remote;     /* remote: a child process's primary thread */
    struct w32_thread *th;      /* while running */
    DWORD (WINAPI *fn)(PVOID);
    PVOID arg;
    uint64_t created_100ns;     /* FILETIME of creation */
    WCHAR *description;
    struct k32_apc *apcs;       /* queued user APCs */
    struct k32_suspend *susp;   /* suspend.c's state */
    struct w32_process_obj *proc; /* is_remote: the process */
    struct w32_thread_obj *next;/* the live-thread list */
};

struct w32_thread_obj *k32_thread_current(void);
/* Fill a new thread object (REMOTE: a child process's primary thread). */
void k32_thread_obj_init(struct w32_thread_obj *t, int remote);
/* The thread object behind H (reference taken), or NULL (error set). */
struct w32_thread_obj *k32_thread_get(HANDLE h);
/* Look a running thread up by id (reference taken). */
struct w32_thread_obj *k32_thread_by_tid(DWORD tid);
/* APCs (thread.c): pending for the caller (lock held); run them all. */
int k32_apc_pending(struct w32_thread_obj *t);
void k32_apc_run(struct w32_thread_obj *t);
/* Queue FN(DATA) to T (w32_wait_lock held). */
int k32_queue_apc_locked(struct w32_thread_obj *t, void (WINAPI *fn)(ULONG_PTR), ULONG_PTR data);
/* suspend.c: park the calling thread while its suspend count is above 0
 * (the thread-start and signal paths use it). */
void k32_suspend_wait_self(struct w32_thread_obj *t);
/* Give a new thread object its suspend state (SUSPENDED: count 1). */
int k32_suspend_init_thread(struct w32_thread_obj *t, int suspended);
/* A host thread parked for good (TerminateThread). */
void k32_thread_finish(struct w32_thread_obj *t, DWORD code, int terminated);

/* ---- process objects (procobj.c) ---- */
struct w32_process_obj {
    struct w32_object o;        /* W32_H_PROCESS; signalled once it has exited */
    int pid;                    /* host pid */
    DWORD exit_code;            /* STILL_ACTIVE while it runs */
    int terminated;             /* TerminateProcess set exit_code */
    int exit_fd;                /* read end of the child's exit-code pipe, or -1 */
    int resume_fd;              /* CREATE_SUSPENDED: write end of the start gate */
    int is_self;
    uint64_t created_100ns;
};
/* A process object for a child just started (reaped by a host thread). */
struct w32_process_obj *k32_process_new_child(int pid, int exit_fd, int resume_fd);
DWORD k32_win_pid(int host_pid);
/* The Windows path (UTF-8) of the program host process PID runs: 0, or -1
 * when /proc does not say (procimage.c). */
int k32_process_image(int pid, char *out, size_t n);


/* ---- waits (wait.c) ---- */
/* Wait for N objects (references held by the caller). DEADLINE NULL:
 * forever. Returns WAIT_OBJECT_0+i, WAIT_ABANDONED_0+i, WAIT_TIMEOUT,
 * WAIT_IO_COMPLETION, or WAIT_FAILED with the error set. */
DWORD k32_wait(DWORD n, struct w32_object **objs, int all, const struct timespec *deadline,
               int alertable);
/* Sleep until DEADLINE; alertable sleeps return WAIT_IO_COMPLETION
 * early when an APC ran. */
DWORD k32_sleep(const struct timespec *deadline, int alertable);

/* ---- synchronisation objects (sync.c, names.c) ---- */
/* A mutex's owner died: every mutex it owns becomes abandoned. */
void k32_mutex_abandon(DWORD tid);
/* Named objects: NAME (may be NULL) → the object of that name, if any
 * (reference taken). */
struct w32_object *k32_name_lookup(const WCHAR *name);
/* Give O the name NAME (copied); removed when O is destroyed. */
int k32_name_add(struct w32_object *o, const WCHAR *name);
void k32_name_remove(struct w32_object *o);
/* Common tail of Create*W for named objects: the existing object of
 * that name when there is one (with ERROR_ALREADY_EXISTS, or NULL and
 * ERROR_INVALID_HANDLE when it is of another type). */
HANDLE k32_open_existing(const WCHAR *name, enum w32_htype type, int *found);
HANDLE k32_handle_for(struct w32_object *o, const SECURITY_ATTRIBUTES *sa);

/* ---- fibre-local storage (fls.c) ---- */
void k32_fls_thread_exit(void);

/* ---- time (time.c) ---- */
uint64_t k32_now_100ns(void);                  /* FILETIME now */
uint64_t k32_timespec_to_100ns(const struct timespec *ts);
/* Monotonic deadline from an NT timeout (100 ns units: negative
 * relative, positive absolute FILETIME); NULL for no timeout. */
const struct timespec *k32_nt_deadline(const LARGE_INTEGER *t, struct timespec *buf);

/* ---- strings returned Windows style (strbuf.c) ---- */
/* Copy S into BUF of N units: returns the length copied (without the
 * NUL), or the size needed (with the NUL) when N is too small, as the
 * Get*Directory/Get*Path family does. */
DWORD k32_ret_str_a(const char *s, char *buf, DWORD n);
DWORD k32_ret_str_w(const char *utf8, WCHAR *buf, DWORD n);
DWORD k32_ret_wstr(const WCHAR *s, WCHAR *buf, DWORD n);
/* The NLS functions' convention (GetLocaleInfo, GetDateFormat …): the
 * length with its terminator when N is 0, else UTF-8 S copied into OUT
 * (UTF-16 when WIDE) and that length, or 0 and ERROR_INSUFFICIENT_BUFFER. */
int k32_ret_nls(const char *s, void *out, int n, int wide);
/* Whether [P, P+N) is readable memory of the process. */
int k32_readable(const void *p, size_t n);
/* Copies between xeno and the program's memory that fail (return 0)
 * instead of faulting when the program's pointer is bad. */
int k32_copy_in(void *dst, const void *src, size_t n);
int k32_copy_out(void *dst, const void *src, size_t n);
/* Is [P, P+N) committed, writable memory (virtual.c)? */
int k32_writable_range(PVOID p, SIZE_T n);

/* ---- console (console.c) ---- */
int w32_handle_is_console(HANDLE h);
HANDLE k32_std_handle(int i);

#endif
