/* ctrl.c — console control events: SetConsoleCtrlHandler and
 * GenerateConsoleCtrlEvent. As on Windows, an event runs the handlers on
 * a new thread, the most recently added first, until one returns TRUE;
 * if none does, the default handler ends the process with
 * STATUS_CONTROL_C_EXIT. Host signals become events once a program has
 * registered a handler (or asked to ignore Ctrl+C): SIGINT is
 * CTRL_C_EVENT, SIGQUIT CTRL_BREAK_EVENT, SIGHUP CTRL_CLOSE_EVENT. The
 * signal handler only writes the event to a pipe; a dispatcher thread
 * (with a TEB of its own) starts the handler threads. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "k32.h"

#define CTRL_C_EVENT 0
#define CTRL_BREAK_EVENT 1
#define CTRL_CLOSE_EVENT 2
#define MAX_HANDLERS 64

typedef BOOL (WINAPI *ctrl_fn)(DWORD);

static ctrl_fn handlers[MAX_HANDLERS];
static int nhandlers, ignore_ctrl_c;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int event_pipe[2] = { -1, -1 };

static DWORD WINAPI run_handlers(PVOID arg)
{
    DWORD ev = (DWORD)(uintptr_t)arg;
    for (int i = nhandlers - 1; i >= 0; i--) {
        pthread_mutex_lock(&lock);
        ctrl_fn fn = i < nhandlers ? handlers[i] : NULL;
        pthread_mutex_unlock(&lock);
        if (fn && fn(ev))
            return 0;
    }
    if (ev == CTRL_C_EVENT && ignore_ctrl_c)
        return 0;
    w32_process_exit(STATUS_CONTROL_C_EXIT);
}

static void *dispatcher(void *arg)
{
    (void)arg;
    pthread_attr_t a;
    void *lo = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        pthread_attr_getstack(&a, &lo, &size);
        pthread_attr_destroy(&a);
    }
    w32_thread_attach(lo, (char *)lo + size);
    for (;;) {
        unsigned char ev;
        ssize_t r = read(event_pipe[0], &ev, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return NULL;
        HANDLE h = w32_create_thread(run_handlers, (PVOID)(uintptr_t)ev, 0, 0, NULL);
        if (h)
            w32_handle_close(h);
    }
}

static void on_signal(int sig)
{
    unsigned char ev = sig == SIGINT ? CTRL_C_EVENT : sig == SIGQUIT ? CTRL_BREAK_EVENT : CTRL_CLOSE_EVENT;
    int saved = errno;
    if (write(event_pipe[1], &ev, 1) < 0) { /* the dispatcher is gone: nothing to do */ }
    errno = saved;
}

static void start_once(void)
{
    static const int sigs[] = { SIGINT, SIGQUIT, SIGHUP };
    if (pipe2(event_pipe, O_CLOEXEC) < 0)
        return;
    pthread_t t;
    if (pthread_create(&t, NULL, dispatcher, NULL) != 0)
        return;
    pthread_detach(t);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void start(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, start_once);
}

static BOOL WINAPI w32_SetConsoleCtrlHandler(ctrl_fn fn, BOOL add)
{
    pthread_mutex_lock(&lock);
    BOOL ok = TRUE;
    if (!fn) {
        ignore_ctrl_c = add;
    } else if (add) {
        if (nhandlers < MAX_HANDLERS)
            handlers[nhandlers++] = fn;
        else
            ok = FALSE, w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    } else {
        int i = nhandlers - 1;
        while (i >= 0 && handlers[i] != fn)
            i--;
        if (i < 0)
            ok = FALSE, w32_set_last_error(ERROR_INVALID_PARAMETER);
        else
            for (nhandlers--; i < nhandlers; i++)
                handlers[i] = handlers[i + 1];
    }
    pthread_mutex_unlock(&lock);
    if (ok)
        start();
    return ok;
}

static BOOL WINAPI w32_GenerateConsoleCtrlEvent(DWORD ev, DWORD group)
{
    if (ev > CTRL_BREAK_EVENT) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (group == 0) { /* this process (the only one on our console we can reach) */
        start();
        on_signal(ev == CTRL_C_EVENT ? SIGINT : SIGQUIT);
        return TRUE;
    }
    if (group % 4 || kill(-(int)(group / 4), ev == CTRL_C_EVENT ? SIGINT : SIGQUIT) < 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(SetConsoleCtrlHandler, "pi:i"),
    EXPORT(GenerateConsoleCtrlEvent, "uu:i"),
};
