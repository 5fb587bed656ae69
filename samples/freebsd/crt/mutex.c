/* mutex.c — mutexes and condition variables on the _umtx_op(454)
 * private wait/wake pair (UMTX_OP_WAIT_UINT_PRIVATE 15 sleeps while the
 * 32-bit word still holds the given value, UMTX_OP_WAKE_PRIVATE 16). */
#include <errno.h>
#include <pthread.h>
#include <sys/umtx.h>

static void wait_word(volatile uint32_t *w, uint32_t val)
{
    _umtx_op((void *)w, UMTX_OP_WAIT_UINT_PRIVATE, val, NULL, NULL);
}

static void wake_word(volatile uint32_t *w, int n)
{
    _umtx_op((void *)w, UMTX_OP_WAKE_PRIVATE, (unsigned long)n, NULL, NULL);
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
    (void)attr;
    m->state = 0;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m) { (void)m; return 0; }

int pthread_mutex_trylock(pthread_mutex_t *m)
{
    uint32_t zero = 0;
    return __atomic_compare_exchange_n(&m->state, &zero, 1, 0, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED) ? 0 : EBUSY;
}

/* States: 0 free, 1 locked, 2 locked and maybe waited on. */
int pthread_mutex_lock(pthread_mutex_t *m)
{
    if (pthread_mutex_trylock(m) == 0)
        return 0;
    while (__atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE) != 0)
        wait_word(&m->state, 2);
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    if (__atomic_exchange_n(&m->state, 0, __ATOMIC_RELEASE) == 2)
        wake_word(&m->state, 1);
    return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
    (void)attr;
    c->seq = 0;
    return 0;
}

int pthread_cond_destroy(pthread_cond_t *c) { (void)c; return 0; }

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    uint32_t seq = __atomic_load_n(&c->seq, __ATOMIC_RELAXED);
    pthread_mutex_unlock(m);
    wait_word(&c->seq, seq);
    pthread_mutex_lock(m);
    return 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
    __atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
    wake_word(&c->seq, 1);
    return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
    __atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
    wake_word(&c->seq, 0x7fffffff);
    return 0;
}
