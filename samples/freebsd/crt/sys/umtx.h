/* sys/umtx.h — _umtx_op(2), FreeBSD's futex (sys/sys/umtx.h). For the
 * WAIT operations uaddr1 is the size of the struct _umtx_time that
 * uaddr2 points to (NULL: wait forever). */
#ifndef CRT_SYS_UMTX_H
#define CRT_SYS_UMTX_H
#include <time.h>

#define UMTX_OP_WAIT 2
#define UMTX_OP_WAKE 3
#define UMTX_OP_WAIT_UINT 11
#define UMTX_OP_WAIT_UINT_PRIVATE 15
#define UMTX_OP_WAKE_PRIVATE 16
#define UMTX_ABSTIME 0x01

struct _umtx_time {
    struct timespec _timeout;
    uint32_t _flags;
    uint32_t _clockid;
};

int _umtx_op(void *obj, int op, unsigned long val, void *uaddr1, void *uaddr2);

#endif
