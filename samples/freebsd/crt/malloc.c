/* malloc.c — a small thread-safe allocator on anonymous mmap. Blocks of
 * 32 B .. 128 KiB come from per-size free lists carved out of 1 MiB
 * arenas; larger blocks get their own mapping, returned on free. Every
 * block starts with a 16-byte header, so pointers are 16-byte aligned. */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MIN_SHIFT 5                 /* smallest block: 32 bytes */
#define NCLASSES 13                 /* up to 32 << 12 = 128 KiB */
#define ARENA (1UL << 20)
#define LARGE ((size_t)-1)

struct header {
    size_t size;                    /* block size including the header */
    size_t cls;                     /* size class, or LARGE */
};

struct free_block {
    struct free_block *next;
};

static struct free_block *free_lists[NCLASSES];
static char *arena_next, *arena_end;
static volatile int lock_word;

static void lock(void)
{
    while (__atomic_exchange_n(&lock_word, 1, __ATOMIC_ACQUIRE))
        sched_yield();
}

static void unlock(void)
{
    __atomic_store_n(&lock_word, 0, __ATOMIC_RELEASE);
}

static void *map(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Called with the lock held. */
static struct header *carve(size_t cls)
{
    size_t size = (size_t)1 << (cls + MIN_SHIFT);
    struct header *h;
    if (free_lists[cls]) {
        struct free_block *b = free_lists[cls];
        free_lists[cls] = b->next;
        h = (struct header *)b;
    } else {
        if ((size_t)(arena_end - arena_next) < size) {
            char *a = map(ARENA);
            if (!a)
                return NULL;
            arena_next = a;
            arena_end = a + ARENA;
        }
        h = (struct header *)arena_next;
        arena_next += size;
    }
    h->size = size;
    h->cls = cls;
    return h;
}

void *malloc(size_t n)
{
    if (n > SIZE_MAX / 2) {
        errno = ENOMEM;
        return NULL;
    }
    size_t need = n + sizeof(struct header), cls = 0;
    while (cls < NCLASSES && ((size_t)1 << (cls + MIN_SHIFT)) < need)
        cls++;
    struct header *h;
    if (cls == NCLASSES) {
        size_t len = (need + 4095) & ~(size_t)4095;
        h = map(len);
        if (h) {
            h->size = len;
            h->cls = LARGE;
        }
    } else {
        lock();
        h = carve(cls);
        unlock();
    }
    if (!h) {
        errno = ENOMEM;
        return NULL;
    }
    return h + 1;
}

void free(void *p)
{
    if (!p)
        return;
    struct header *h = (struct header *)p - 1;
    if (h->cls == LARGE) {
        munmap(h, h->size);
        return;
    }
    struct free_block *b = (struct free_block *)h;
    lock();
    b->next = free_lists[h->cls];
    free_lists[h->cls] = b;
    unlock();
}

void *calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (!p)
        return malloc(n);
    struct header *h = (struct header *)p - 1;
    size_t cap = h->size - sizeof *h;
    if (n <= cap)
        return p;
    void *q = malloc(n);
    if (q) {
        memcpy(q, p, cap);
        free(p);
    }
    return q;
}
