/* threads.c — a threaded Linux program for the differential trace tests
 * (tests/integration/preload.sh): each of four threads creates, writes,
 * reads back and removes its own file and makes a few plain calls; the
 * main thread joins them and prints what they found. The threads run at
 * the same time: the test compares each thread's own sequence of calls,
 * as xeno and strace saw it in the same run. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NTHREADS 4

struct job {
    int id;
    char path[64];
    char got[32];
    long size;
};

static void *work(void *arg)
{
    struct job *j = arg;
    char text[32], buf[32] = { 0 };
    struct stat st;
    snprintf(text, sizeof text, "thread %d\n", j->id);
    int fd = open(j->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, text, strlen(text)) < 0 || close(fd) < 0)
        return NULL;
    fd = open(j->path, O_RDONLY);
    if (fd < 0 || read(fd, buf, sizeof buf - 1) < 0 || fstat(fd, &st) < 0)
        return NULL;
    close(fd);
    j->size = (long)st.st_size;
    memcpy(j->got, buf, sizeof j->got);
    access("/nonexistent/xeno-trace-test", F_OK); /* fails: ENOENT */
    unlink(j->path);
    return j;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    pthread_t t[NTHREADS];
    struct job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i].id = i;
        snprintf(jobs[i].path, sizeof jobs[i].path, "%s/thread-%d.txt", dir, i);
        if (pthread_create(&t[i], NULL, work, &jobs[i]) != 0)
            return 1;
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NTHREADS; i++)
        printf("%d: %ld bytes: %s", i, jobs[i].size, jobs[i].got);
    return 0;
}
