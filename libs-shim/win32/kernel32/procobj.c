/* procobj.c — process objects: the current process (its pseudo handle
 * and what OpenProcess of its own id gives), children started by
 * CreateProcess (a host thread reaps each one and signals its object with
 * the exit code), and other processes opened by id.
 *
 * Exit codes: Linux keeps only 8 bits of an exit status, Windows 32. A
 * child that xeno runs gets the write end of a pipe (its descriptor
 * number in XENO_W32_EXIT_FD, consumed at start-up); ExitProcess writes
 * the full 32-bit code there just before the process ends, and the
 * parent's reaper reads it after waitpid. Without it (a host program)
 * the 8-bit status is used; a child killed by a signal reports what
 * Windows would: the code TerminateProcess asked for, 0xC000013A for
 * SIGINT, 0xC0000005 for SIGSEGV/SIGBUS, else 128 + the signal. Process
 * ids are the host pid times 4 (Windows ids are multiples of 4). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "k32.h"

DWORD k32_win_pid(int host_pid)
{
    return (DWORD)host_pid * 4;
}

static int host_pid_of(DWORD win_pid)
{
    return win_pid % 4 ? -1 : (int)(win_pid / 4);
}

static void proc_destroy(struct w32_object *o)
{
    struct w32_process_obj *p = (struct w32_process_obj *)o;
    if (p->exit_fd >= 0)
        close(p->exit_fd);
    if (p->resume_fd >= 0)
        close(p->resume_fd);
    free(p);
}

static struct w32_process_obj *new_proc(int pid)
{
    struct w32_process_obj *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->o.type = W32_H_PROCESS;
    p->o.destroy = proc_destroy;
    p->pid = pid;
    p->exit_code = STILL_ACTIVE;
    p->exit_fd = p->resume_fd = -1;
    p->created_100ns = k32_now_100ns();
    return p;
}

static struct w32_process_obj *self_proc;

static void make_self(void)
{
    self_proc = new_proc(getpid());
    if (self_proc) {
        self_proc->is_self = 1;
        self_proc->o.refs = 1; /* never destroyed */
    }
}

struct w32_object *w32_process_self_object(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, make_self);
    return self_proc ? &self_proc->o : NULL;
}

/* What Windows would report for a child that ended with host STATUS. */
static DWORD code_of_status(struct w32_process_obj *p, int status)
{
    if (WIFEXITED(status))
        return (DWORD)WEXITSTATUS(status);
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    if (p->terminated)
        return p->exit_code;
    return sig == SIGINT ? STATUS_CONTROL_C_EXIT
         : sig == SIGSEGV || sig == SIGBUS ? STATUS_ACCESS_VIOLATION
         : sig == SIGILL ? STATUS_ILLEGAL_INSTRUCTION : 128u + (DWORD)sig;
}

/* The full code the child wrote before exiting, if it did. */
static int read_exit_fd(int fd, DWORD *code)
{
    unsigned char b[4];
    ssize_t n = fd >= 0 ? read(fd, b, 4) : -1;
    if (n != 4)
        return 0;
    *code = (DWORD)b[0] | (DWORD)b[1] << 8 | (DWORD)b[2] << 16 | (DWORD)b[3] << 24;
    return 1;
}

static void *reaper(void *arg)
{
    struct w32_process_obj *p = arg;
    int status = 0;
    while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
        ;
    DWORD full;
    int have = !p->terminated && WIFEXITED(status) && read_exit_fd(p->exit_fd, &full);
    pthread_mutex_lock(&w32_wait_lock);
    p->exit_code = have ? full : code_of_status(p, status);
    p->o.signalled = 1;
    w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&p->o);
    return NULL;
}

struct w32_process_obj *k32_process_new_child(int pid, int exit_fd, int resume_fd)
{
    struct w32_process_obj *p = new_proc(pid);
    if (!p)
        return NULL;
    p->exit_fd = exit_fd;
    p->resume_fd = resume_fd;
    p->o.refs = 1; /* the reaper's */
    pthread_t t;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 64 << 10);
    if (pthread_create(&t, &a, reaper, p) != 0) {
        pthread_attr_destroy(&a);
        p->o.refs = 0;
        proc_destroy(&p->o);
        return NULL;
    }
    pthread_attr_destroy(&a);
    return p;
}

/* Another process opened by id: watched through a pidfd; its exit code
 * is not known to us (0 is reported). */
static void *watcher(void *arg)
{
    struct w32_process_obj *p = arg;
    int fd = (int)syscall(SYS_pidfd_open, p->pid, 0);
    if (fd >= 0) {
        struct pollfd pf = { fd, POLLIN, 0 };
        while (poll(&pf, 1, -1) < 0 && errno == EINTR)
            ;
        close(fd);
    } else {
        while (kill(p->pid, 0) == 0 || errno == EPERM)
            usleep(50000);
    }
    pthread_mutex_lock(&w32_wait_lock);
    if (p->exit_code == STILL_ACTIVE)
        p->exit_code = 0;
    p->o.signalled = 1;
    w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&p->o);
    return NULL;
}

static HANDLE WINAPI w32_OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    (void)access;
    int hp = host_pid_of(pid);
    struct w32_object *o = NULL;
    if (hp == getpid()) {
        o = w32_process_self_object();
        w32_obj_ref(o);
    } else if (hp > 0 && (kill(hp, 0) == 0 || errno == EPERM)) {
        struct w32_process_obj *p = new_proc(hp);
        pthread_t t;
        if (p) {
            p->o.refs = 1;
            if (pthread_create(&t, NULL, watcher, p) == 0)
                pthread_detach(t), o = &p->o, w32_obj_ref(o);
            else
                free(p);
        }
    }
    if (!o) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    HANDLE h = w32_handle_new(o);
    w32_obj_put(o);
    if (h && inherit)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return h;
}

static struct w32_process_obj *proc_get(HANDLE h)
{
    return (struct w32_process_obj *)w32_handle_get(h, W32_H_PROCESS);
}

static BOOL WINAPI w32_GetExitCodeProcess(HANDLE h, DWORD *code)
{
    struct w32_process_obj *p = proc_get(h);
    if (!p)
        return FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    DWORD c = p->exit_code;
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&p->o);
    if (!k32_copy_out(code, &c, sizeof c)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_TerminateProcess(HANDLE h, UINT code)
{
    struct w32_process_obj *p = proc_get(h);
    if (!p)
        return FALSE;
    if (p->is_self) {
        w32_obj_put(&p->o);
        w32_process_terminate(code); /* no DLL detach, as TerminateProcess does */
    }
    BOOL ok = TRUE;
    pthread_mutex_lock(&w32_wait_lock);
    if (p->o.signalled) {
        w32_set_last_error(ERROR_ACCESS_DENIED); /* already ended */
        ok = FALSE;
    } else if (!p->terminated) {
        p->terminated = 1;
        p->exit_code = code;
        if (kill(p->pid, SIGKILL) < 0) {
            w32_set_last_error(w32_error_from_errno(errno));
            ok = FALSE;
        }
    }
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&p->o);
    return ok;
}

static DWORD WINAPI w32_GetProcessId(HANDLE h)
{
    struct w32_process_obj *p = proc_get(h);
    if (!p)
        return 0;
    DWORD id = k32_win_pid(p->pid);
    w32_obj_put(&p->o);
    return id;
}

static void put_ft(FILETIME *f, uint64_t v)
{
    f->dwLowDateTime = (DWORD)v;
    f->dwHighDateTime = (DWORD)(v >> 32);
}

static BOOL WINAPI w32_GetProcessTimes(HANDLE h, FILETIME *create, FILETIME *exit_t, FILETIME *kernel,
                                       FILETIME *user)
{
    struct w32_process_obj *p = proc_get(h);
    if (!p)
        return FALSE;
    struct timespec u = { 0, 0 }, k = { 0, 0 };
    if (p->is_self) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        u.tv_sec = ru.ru_utime.tv_sec, u.tv_nsec = ru.ru_utime.tv_usec * 1000;
        k.tv_sec = ru.ru_stime.tv_sec, k.tv_nsec = ru.ru_stime.tv_usec * 1000;
    }
    put_ft(create, p->created_100ns);
    put_ft(exit_t, p->o.signalled ? k32_now_100ns() : 0);
    put_ft(kernel, (uint64_t)k.tv_sec * 10000000u + (uint64_t)k.tv_nsec / 100);
    put_ft(user, (uint64_t)u.tv_sec * 10000000u + (uint64_t)u.tv_nsec / 100);
    w32_obj_put(&p->o);
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(OpenProcess, "uiu:h"),
    EXPORT(GetExitCodeProcess, "hp:i"),
    EXPORT(TerminateProcess, "hu:i"),
    EXPORT(GetProcessId, "h:u"),
    EXPORT(GetProcessTimes, "hpppp:i"),
};
