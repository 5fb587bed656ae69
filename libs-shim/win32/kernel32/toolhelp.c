/* toolhelp.c — CreateToolhelp32Snapshot with its process and thread lists
 * (Process32First/Next(W), Thread32First/Next), read from /proc when the
 * snapshot is taken. Process ids are the Windows ids xeno gives every
 * host process (k32_win_pid); each is listed by its image's file name
 * (k32_process_image: a program running under xeno by its .exe). Module and heap
 * lists (TH32CS_SNAPMODULE, TH32CS_SNAPHEAPLIST) are not kept: asking for
 * one fails with ERROR_NOT_SUPPORTED. */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../handles.h"
#include "../paths.h"
#include "../unicode.h"
#include "k32.h"

#define TH32CS_SNAPHEAPLIST 0x1u
#define TH32CS_SNAPPROCESS 0x2u
#define TH32CS_SNAPTHREAD 0x4u
#define TH32CS_SNAPMODULE 0x8u
#define TH32CS_SNAPMODULE32 0x10u
#define TH32CS_INHERIT 0x80000000u
#define ERROR_NO_MORE_FILES_TH 18
#define ERROR_NOT_SUPPORTED_TH 50
#define ERROR_BAD_LENGTH_TH 24

struct proc_ent { DWORD pid, ppid, threads; char name[260]; };
struct thread_ent { DWORD tid, owner; };

struct snapshot {
    struct w32_object o;
    struct proc_ent *procs;
    struct thread_ent *threads;
    size_t nprocs, nthreads, next_proc, next_thread;
};

/* PROCESSENTRY32W and PROCESSENTRY32 (x64 layouts: 568 and 304 bytes). */
typedef struct {
    DWORD dwSize, cntUsage, th32ProcessID;
    ULONG_PTR th32DefaultHeapID;
    DWORD th32ModuleID, cntThreads, th32ParentProcessID;
    LONG pcPriClassBase;
    DWORD dwFlags;
    WCHAR szExeFile[260];
} PROCESSENTRY32W;
typedef struct {
    DWORD dwSize, cntUsage, th32ProcessID;
    ULONG_PTR th32DefaultHeapID;
    DWORD th32ModuleID, cntThreads, th32ParentProcessID;
    LONG pcPriClassBase;
    DWORD dwFlags;
    char szExeFile[260];
} PROCESSENTRY32;
typedef struct {
    DWORD dwSize, cntUsage, th32ThreadID, th32OwnerProcessID;
    LONG tpBasePri, tpDeltaPri;
    DWORD dwFlags;
} THREADENTRY32;
_Static_assert(sizeof(PROCESSENTRY32W) == 568, "PROCESSENTRY32W");
_Static_assert(sizeof(PROCESSENTRY32) == 304, "PROCESSENTRY32");
_Static_assert(sizeof(THREADENTRY32) == 28, "THREADENTRY32");

static void destroy(struct w32_object *o)
{
    struct snapshot *s = (struct snapshot *)o;
    free(s->procs), free(s->threads), free(s);
}

/* The name Windows would list for host process PID: its image's file
 * name (kernel threads, which have none: their kernel name). */
static void proc_name(int pid, char *out, size_t n)
{
    char path[PATH_MAX + 64];
    if (k32_process_image(pid, path, sizeof path) == 0) {
        snprintf(out, n, "%s", w32_path_base(path));
        return;
    }
    snprintf(path, sizeof path, "/proc/%d/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(out, (int)n, f))
        snprintf(out, n, "%d", pid);
    if (f)
        fclose(f);
    out[strcspn(out, "\n")] = 0;
}

/* Threads and parent of PID from /proc/PID/status. */
static void proc_status(int pid, DWORD *ppid, DWORD *threads)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    *ppid = 0, *threads = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "PPid:", 5))
            *ppid = k32_win_pid(atoi(line + 5));
        else if (!strncmp(line, "Threads:", 8))
            *threads = (DWORD)atoi(line + 8);
    }
    if (f)
        fclose(f);
}

static int push(void **v, size_t *n, size_t *cap, const void *e, size_t size)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        void *p = realloc(*v, nc * size);
        if (!p)
            return -1;
        *v = p, *cap = nc;
    }
    memcpy((char *)*v + *n * size, e, size);
    (*n)++;
    return 0;
}

/* The threads of host process PID. */
static void add_threads(struct snapshot *s, int pid, size_t *cap)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", pid);
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d)))
        if (isdigit((unsigned char)de->d_name[0])) {
            struct thread_ent t = { (DWORD)atoi(de->d_name), k32_win_pid(pid) };
            push((void **)&s->threads, &s->nthreads, cap, &t, sizeof t);
        }
    if (d)
        closedir(d);
}

static void take(struct snapshot *s, DWORD flags)
{
    size_t pcap = 0, tcap = 0;
    DIR *d = opendir("/proc");
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        int pid = atoi(de->d_name);
        if (flags & TH32CS_SNAPPROCESS) {
            struct proc_ent p = { k32_win_pid(pid), 0, 0, "" };
            proc_status(pid, &p.ppid, &p.threads);
            proc_name(pid, p.name, sizeof p.name);
            push((void **)&s->procs, &s->nprocs, &pcap, &p, sizeof p);
        }
        if (flags & TH32CS_SNAPTHREAD)
            add_threads(s, pid, &tcap);
    }
    if (d)
        closedir(d);
}

static HANDLE WINAPI w32_CreateToolhelp32Snapshot(DWORD flags, DWORD pid)
{
    (void)pid; /* it selects the process of module and heap lists only */
    if (flags & (TH32CS_SNAPHEAPLIST | TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32))
        return w32_set_last_error(ERROR_NOT_SUPPORTED_TH), INVALID_HANDLE_VALUE;
    struct snapshot *s = calloc(1, sizeof *s);
    if (!s)
        return w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY), INVALID_HANDLE_VALUE;
    s->o.type = W32_H_OTHER, s->o.destroy = destroy;
    take(s, flags);
    HANDLE h = w32_handle_new(&s->o);
    if (!h) {
        destroy(&s->o);
        return w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY), INVALID_HANDLE_VALUE;
    }
    if (flags & TH32CS_INHERIT)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return h;
}

/* The snapshot behind H (reference taken), or NULL with the error set. */
static struct snapshot *snap_get(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, W32_H_OTHER);
    if (o && o->destroy != destroy) {
        w32_obj_put(o);
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return (struct snapshot *)o;
}

/* The next process of H's list (FIRST: from the start) into *P. */
static BOOL next_proc(HANDLE h, int first, struct proc_ent *p)
{
    struct snapshot *s = snap_get(h);
    if (!s)
        return FALSE;
    if (first)
        s->next_proc = 0;
    BOOL ok = s->next_proc < s->nprocs;
    if (ok)
        *p = s->procs[s->next_proc++];
    w32_obj_put(&s->o);
    if (!ok)
        w32_set_last_error(ERROR_NO_MORE_FILES_TH);
    return ok;
}

/* Process32First/Next in both widths: the two entries agree up to the
 * name (offset 44), so one is filled and the name added in WIDE or not. */
static BOOL proc_entry(HANDLE h, void *e, int first, int wide)
{
    union { PROCESSENTRY32W w; PROCESSENTRY32 a; } out;
    DWORD need = wide ? sizeof out.w : sizeof out.a, size;
    struct proc_ent p;
    if (!e || !k32_copy_in(&size, e, sizeof size) || size < need)
        return w32_set_last_error(ERROR_BAD_LENGTH_TH), FALSE;
    if (!next_proc(h, first, &p))
        return FALSE;
    memset(&out, 0, sizeof out);
    out.a.dwSize = need, out.a.th32ProcessID = p.pid, out.a.cntThreads = p.threads;
    out.a.th32ParentProcessID = p.ppid, out.a.pcPriClassBase = 8;
    if (wide)
        w32_utf8_to_utf16(p.name, -1, out.w.szExeFile, 259);
    else
        snprintf(out.a.szExeFile, sizeof out.a.szExeFile, "%s", p.name);
    return k32_copy_out(e, &out, need) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static BOOL thread_next(HANDLE h, THREADENTRY32 *e, int first)
{
    DWORD size;
    if (!e || !k32_copy_in(&size, e, sizeof size) || size < sizeof *e)
        return w32_set_last_error(ERROR_BAD_LENGTH_TH), FALSE;
    struct snapshot *s = snap_get(h);
    if (!s)
        return FALSE;
    if (first)
        s->next_thread = 0;
    BOOL ok = s->next_thread < s->nthreads;
    THREADENTRY32 out = { sizeof out, 0, 0, 0, 8, 0, 0 };
    if (ok) {
        out.th32ThreadID = s->threads[s->next_thread].tid;
        out.th32OwnerProcessID = s->threads[s->next_thread++].owner;
    }
    w32_obj_put(&s->o);
    if (!ok)
        return w32_set_last_error(ERROR_NO_MORE_FILES_TH), FALSE;
    return k32_copy_out(e, &out, sizeof out) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static BOOL WINAPI w32_Process32FirstW(HANDLE h, PROCESSENTRY32W *e) { return proc_entry(h, e, 1, 1); }
static BOOL WINAPI w32_Process32NextW(HANDLE h, PROCESSENTRY32W *e) { return proc_entry(h, e, 0, 1); }
static BOOL WINAPI w32_Process32First(HANDLE h, PROCESSENTRY32 *e) { return proc_entry(h, e, 1, 0); }
static BOOL WINAPI w32_Process32Next(HANDLE h, PROCESSENTRY32 *e) { return proc_entry(h, e, 0, 0); }
static BOOL WINAPI w32_Thread32First(HANDLE h, THREADENTRY32 *e) { return thread_next(h, e, 1); }
static BOOL WINAPI w32_Thread32Next(HANDLE h, THREADENTRY32 *e) { return thread_next(h, e, 0); }

W32_EXPORTS(kernel32) = {
    EXPORT(CreateToolhelp32Snapshot, "uu:p"),
    EXPORT(Process32FirstW, "pp:i"),
    EXPORT(Process32NextW, "pp:i"),
    EXPORT(Process32First, "pp:i"),
    EXPORT(Process32Next, "pp:i"),
    EXPORT(Thread32First, "pp:i"),
    EXPORT(Thread32Next, "pp:i"),
};
