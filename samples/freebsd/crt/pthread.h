/* pthread.h — threads on thr_new(2) and mutexes on _umtx_op(2). A thread
 * gets its own mmap'ed stack and no TLS; join sleeps on the word that
 * thr_exit(2) sets to 1. */
#ifndef CRT_PTHREAD_H
#define CRT_PTHREAD_H
#include <sys/types.h>

typedef struct __crt_pthread *pthread_t;
typedef struct {
    size_t stacksize;
} pthread_attr_t;
typedef struct {
    volatile uint32_t state;        /* 0 free, 1 locked, 2 locked + waiters */
} pthread_mutex_t;
typedef int pthread_mutexattr_t;
typedef struct {
    volatile uint32_t seq;
} pthread_cond_t;
typedef int pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER { 0 }
#define PTHREAD_COND_INITIALIZER { 0 }

int pthread_create(pthread_t *t, const pthread_attr_t *attr,
                   void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_cond_destroy(pthread_cond_t *c);

#endif
