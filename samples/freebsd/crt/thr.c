/* thr.c — FreeBSD's thread and futex system calls: thr_new(455),
 * thr_self(432), thr_exit(431), thr_kill(433), _umtx_op(454), and
 * sysarch(165) and sched_yield(331). */
#include <machine/sysarch.h>
#include <sched.h>
#include <sys/thr.h>
#include <sys/umtx.h>

#include "syscall.h"

int thr_new(struct thr_param *param, int param_size)
{
    return (int)__sc2(SYS_thr_new, param, param_size);
}

int thr_self(long *id) { return (int)__sc1(SYS_thr_self, id); }
int thr_kill(long id, int sig) { return (int)__sc2(SYS_thr_kill, id, sig); }

/* Writes 1 to *state, wakes its waiters and ends the thread. */
void thr_exit(long *state)
{
    for (;;)
        __sys1(SYS_thr_exit, state);
}

int _umtx_op(void *obj, int op, unsigned long val, void *uaddr1, void *uaddr2)
{
    return (int)__sc5(SYS__umtx_op, obj, op, val, uaddr1, uaddr2);
}

int sysarch(int op, void *parms) { return (int)__sc2(SYS_sysarch, op, parms); }
int sched_yield(void) { return (int)__sc0(SYS_sched_yield); }
