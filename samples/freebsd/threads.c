/* threads.c — POSIX threads: four workers add to a shared counter under
 * a mutex and sum disjoint ranges, each returns a value through
 * pthread_join and checks pthread_self; then a producer/consumer pair
 * passes 100 numbers through a condition variable. Only the main thread
 * prints, after joining. Exit status 0, or 1 if a total is wrong.
 * Portable C. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "names.h"

#define NTHREADS 4
#define ITERATIONS 100000
#define RANGE 1000000L

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter, total;
static pthread_t self_seen[NTHREADS];

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < ITERATIONS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    long sum = 0, chunk = RANGE / NTHREADS;
    for (long v = id * chunk + 1; v <= (id + 1) * chunk; v++)
        sum += v;
    pthread_mutex_lock(&lock);
    total += sum;
    pthread_mutex_unlock(&lock);
    self_seen[id] = pthread_self();
    return (void *)(id * 10 + 1);
}

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t qcond = PTHREAD_COND_INITIALIZER;
static int queue[8], qhead, qlen, consumed_sum, consumed_count;

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qlen == 0)
            pthread_cond_wait(&qcond, &qlock);
        int v = queue[qhead];
        qhead = (qhead + 1) % 8;
        qlen--;
        pthread_cond_broadcast(&qcond);
        pthread_mutex_unlock(&qlock);
        if (v < 0)
            return NULL;
        consumed_sum += v;
        consumed_count++;
    }
}

static void produce(int v)
{
    pthread_mutex_lock(&qlock);
    while (qlen == 8)
        pthread_cond_wait(&qcond, &qlock);
    queue[(qhead + qlen) % 8] = v;
    qlen++;
    pthread_cond_broadcast(&qcond);
    pthread_mutex_unlock(&qlock);
}

int main(void)
{
    pthread_t t[NTHREADS];
    int bad = 0;
    for (long i = 0; i < NTHREADS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    for (int i = 0; i < NTHREADS; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        printf("thread %d returned %ld, pthread_self matched: %s\n", i, (long)ret,
               yesno(pthread_equal(self_seen[i], t[i])));
        bad |= !pthread_equal(self_seen[i], t[i]);
    }
    printf("counter: %ld (expected %d)\n", counter, NTHREADS * ITERATIONS);
    printf("sum of 1..%ld: %ld (expected %ld)\n", RANGE, total, RANGE * (RANGE + 1) / 2);
    bad |= counter != NTHREADS * ITERATIONS || total != RANGE * (RANGE + 1) / 2;
    printf("main thread equals itself: %s\n", yesno(pthread_equal(pthread_self(), pthread_self())));

    pthread_t c;
    pthread_create(&c, NULL, consumer, NULL);
    for (int v = 1; v <= 100; v++)
        produce(v);
    produce(-1);
    pthread_join(c, NULL);
    printf("consumer got %d numbers summing to %d\n", consumed_count, consumed_sum);
    bad |= consumed_sum != 5050;
    printf("threads: %s\n", bad ? "FAILED" : "ok");
    return bad;
}
