/* kqueue.c — FreeBSD only: kqueue/kevent with EVFILT_READ on a pipe
 * (byte count in data, EV_DELETE, EV_EOF), EVFILT_USER fired with
 * NOTE_TRIGGER, a one-shot EVFILT_TIMER, zero timeouts, and an EV_RECEIPT
 * error for a bad descriptor. Prints what FreeBSD prints. Exit status 0,
 * or 1 on a failed step. */
#include <stdio.h>
#include <sys/event.h>
#include <unistd.h>

#include "names.h"

static int failed, pipe_fd;
static const struct timespec zero = { 0, 0 }, two_seconds = { 2, 0 };

static const char *filter_name(short f)
{
    switch (f) {
    case EVFILT_READ: return "EVFILT_READ";
    case EVFILT_WRITE: return "EVFILT_WRITE";
    case EVFILT_TIMER: return "EVFILT_TIMER";
    case EVFILT_USER: return "EVFILT_USER";
    default: return "other";
    }
}

static void wait_events(int kq, const char *what, const struct timespec *timeout)
{
    struct kevent ev[4];
    int n = kevent(kq, NULL, 0, ev, 4, timeout);
    printf("%s: %d event(s)\n", what, n);
    for (int i = 0; i < n; i++) {
        if (ev[i].ident == (uintptr_t)pipe_fd)
            printf("  ident <the pipe>");
        else
            printf("  ident %lu", (unsigned long)ev[i].ident);
        printf(" %s data %lld eof %s\n", filter_name(ev[i].filter), (long long)ev[i].data,
               yesno(ev[i].flags & EV_EOF));
    }
}

static int change(int kq, uintptr_t ident, short filter, unsigned short flags,
                  unsigned fflags, long data)
{
    struct kevent ev;
    EV_SET(&ev, ident, filter, flags, fflags, data, NULL);
    return kevent(kq, &ev, 1, NULL, 0, NULL);
}

int main(void)
{
    int kq = kqueue();
    failed |= show("kqueue", kq) < 0;
    int fds[2];
    failed |= pipe(fds) < 0;
    pipe_fd = fds[0];
    failed |= show("add EVFILT_READ on a pipe", change(kq, (uintptr_t)fds[0], EVFILT_READ, EV_ADD, 0, 0)) < 0;
    wait_events(kq, "nothing written yet", &zero);
    failed |= write(fds[1], "hello", 5) != 5;
    wait_events(kq, "after writing 5 bytes", &zero);

    failed |= show("add EVFILT_USER 42", change(kq, 42, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0)) < 0;
    failed |= show("trigger it", change(kq, 42, EVFILT_USER, 0, NOTE_TRIGGER, 0)) < 0;
    failed |= show("delete the pipe filter", change(kq, (uintptr_t)fds[0], EVFILT_READ, EV_DELETE, 0, 0)) < 0;
    wait_events(kq, "user event", &zero);
    wait_events(kq, "user event again (EV_CLEAR)", &zero);

    failed |= show("one-shot 20ms timer 7",
                   change(kq, 7, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 20)) < 0;
    wait_events(kq, "timer", &two_seconds);

    failed |= change(kq, (uintptr_t)fds[0], EVFILT_READ, EV_ADD, 0, 0) < 0;
    char buf[8];
    failed |= read(fds[0], buf, sizeof buf) != 5;
    close(fds[1]);
    wait_events(kq, "writer closed", &zero);

    struct kevent ev, out;
    EV_SET(&ev, 999, EVFILT_READ, EV_ADD | EV_RECEIPT, 0, 0, NULL);
    int n = kevent(kq, &ev, 1, &out, 1, &zero);
    printf("EV_RECEIPT for descriptor 999: %d event, EV_ERROR %s, data %s\n", n,
           yesno(out.flags & EV_ERROR), errname((int)out.data));
    close(fds[0]);
    close(kq);
    return failed;
}
