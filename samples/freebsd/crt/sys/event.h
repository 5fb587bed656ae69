/* sys/event.h — kqueue(2) and kevent(2) with the FreeBSD 12+ 64-byte
 * struct kevent (sys/sys/event.h). */
#ifndef CRT_SYS_EVENT_H
#define CRT_SYS_EVENT_H
#include <stdint.h>
#include <time.h>

struct kevent {
    uintptr_t ident;                /* 0 */
    short filter;                   /* 8 */
    unsigned short flags;           /* 10 */
    unsigned int fflags;            /* 12 */
    int64_t data;                   /* 16 */
    void *udata;                    /* 24 */
    uint64_t ext[4];                /* 32 .. 64 */
};
_Static_assert(sizeof(struct kevent) == 64, "struct kevent is 64 bytes");

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EVFILT_AIO (-3)
#define EVFILT_VNODE (-4)
#define EVFILT_PROC (-5)
#define EVFILT_SIGNAL (-6)
#define EVFILT_TIMER (-7)
#define EVFILT_USER (-11)

#define EV_ADD 0x0001
#define EV_DELETE 0x0002
#define EV_ENABLE 0x0004
#define EV_DISABLE 0x0008
#define EV_ONESHOT 0x0010
#define EV_CLEAR 0x0020
#define EV_RECEIPT 0x0040
#define EV_DISPATCH 0x0080
#define EV_ERROR 0x4000
#define EV_EOF 0x8000

#define NOTE_TRIGGER 0x01000000
#define NOTE_FFNOP 0x00000000
#define NOTE_FFCOPY 0xc0000000
#define NOTE_FFLAGSMASK 0x00ffffff
#define NOTE_SECONDS 0x00000001
#define NOTE_MSECONDS 0x00000002
#define NOTE_USECONDS 0x00000004
#define NOTE_NSECONDS 0x00000008

#define EV_SET(kevp, a, b, c, d, e, f) do {                    \
        struct kevent *__kevp = (kevp);                        \
        *__kevp = (struct kevent){ .ident = (a), .filter = (b), \
            .flags = (c), .fflags = (d), .data = (e), .udata = (f) }; \
    } while (0)

int kqueue(void);
int kevent(int kq, const struct kevent *changes, int nchanges,
           struct kevent *events, int nevents, const struct timespec *timeout);

#endif
