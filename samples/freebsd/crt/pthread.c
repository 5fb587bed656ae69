/* pthread.c — threads and joins. Each thread runs on its own mmap'ed
 * stack; thr_exit(&t->done) sets t->done to 1 and wakes anyone waiting
 * on it, so pthread_join sleeps on that word with _umtx_op. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include <sys/umtx.h>

struct __crt_pthread {
    long tid;                       /* written by the kernel at creation */
    long done;                      /* 0, then 1 from thr_exit */
    void *(*fn)(void *);
    void *arg;
    void *ret;
    void *stack;
    size_t stack_size;
    struct __crt_pthread *next;     /* all threads, for pthread_self */
};

static struct __crt_pthread main_thread;
static struct __crt_pthread *threads = &main_thread;
static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;

static void thread_start(void *p)
{
    struct __crt_pthread *t = p;
    t->ret = t->fn(t->arg);
    thr_exit(&t->done);
}

int pthread_attr_init(pthread_attr_t *attr) { attr->stacksize = 0; return 0; }
int pthread_attr_destroy(pthread_attr_t *attr) { (void)attr; return 0; }

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
    attr->stacksize = size;
    return 0;
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr,
                   void *(*fn)(void *), void *arg)
{
    struct __crt_pthread *t = calloc(1, sizeof *t);
    if (!t)
        return EAGAIN;
    t->fn = fn;
    t->arg = arg;
    t->stack_size = attr && attr->stacksize ? attr->stacksize : 256 * 1024;
    t->stack = mmap(NULL, t->stack_size, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANON, -1, 0);
    if (t->stack == MAP_FAILED) {
        free(t);
        return EAGAIN;
    }
    struct thr_param p;
    memset(&p, 0, sizeof p);
    p.start_func = thread_start;
    p.arg = t;
    p.stack_base = t->stack;
    p.stack_size = t->stack_size;
    p.child_tid = &t->tid;          /* written before the thread runs */
    p.parent_tid = &t->tid;
    pthread_mutex_lock(&threads_lock);
    t->next = threads;
    threads = t;
    int r = thr_new(&p, sizeof p) < 0 ? errno : 0;
    if (r)
        threads = t->next;
    pthread_mutex_unlock(&threads_lock);
    if (r) {
        munmap(t->stack, t->stack_size);
        free(t);
        return r;
    }
    *out = t;
    return 0;
}

int pthread_join(pthread_t t, void **ret)
{
    while (__atomic_load_n(&t->done, __ATOMIC_ACQUIRE) == 0)
        _umtx_op(&t->done, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL, NULL);
    if (ret)
        *ret = t->ret;
    pthread_mutex_lock(&threads_lock);
    for (struct __crt_pthread **p = &threads; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    pthread_mutex_unlock(&threads_lock);
    munmap(t->stack, t->stack_size);
    free(t);
    return 0;
}

/* Without TLS, a thread is found by its kernel thread id. */
pthread_t pthread_self(void)
{
    long tid = 0;
    thr_self(&tid);
    pthread_mutex_lock(&threads_lock);
    struct __crt_pthread *t = threads;
    while (t != &main_thread && t->tid != tid)
        t = t->next;
    pthread_mutex_unlock(&threads_lock);
    return t;
}

int pthread_equal(pthread_t a, pthread_t b) { return a == b; }
