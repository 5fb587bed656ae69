/* sys/thr.h — FreeBSD kernel threads (sys/sys/thr.h): struct thr_param
 * is 104 bytes; the new thread starts at start_func(arg) on the given
 * stack with its FS base set to tls_base. */
#ifndef CRT_SYS_THR_H
#define CRT_SYS_THR_H
#include <sys/types.h>

#define THR_SUSPENDED 0x0001
#define THR_SYSTEM_SCOPE 0x0002

struct rtprio;

struct thr_param {
    void (*start_func)(void *);     /* 0 */
    void *arg;                      /* 8 */
    char *stack_base;               /* 16 */
    size_t stack_size;              /* 24 */
    char *tls_base;                 /* 32 */
    size_t tls_size;                /* 40 */
    long *child_tid;                /* 48 */
    long *parent_tid;               /* 56 */
    int flags;                      /* 64 */
    struct rtprio *rtp;             /* 72 */
    void *spare[3];                 /* 80 .. 104 */
};
_Static_assert(sizeof(struct thr_param) == 104, "struct thr_param is 104 bytes");

int thr_new(struct thr_param *param, int param_size);
int thr_self(long *id);
void thr_exit(long *state) __attribute__((noreturn));
int thr_kill(long id, int sig);

#endif
