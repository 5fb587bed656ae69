/* hostile.h — what the hostile-guest samples (hostile_*.c) share: the
 * addresses no FreeBSD kernel accepts as user memory (NULL, a page just
 * unmapped, the kernel half, a buffer whose end runs into an unmapped
 * page, a long run of bytes with no NUL), and one output line per call:
 * "NAME RESULT", RESULT being an errno name or "ok". The expected lines
 * are in tests/integration/freebsd_hostile.sh. FreeBSD-only. */
#ifndef SAMPLES_HOSTILE_H
#define SAMPLES_HOSTILE_H
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "names.h"
#include "syscall.h"

#define KERNEL_ADDR 0xffff800000001000ul /* kernel half: never user memory */
#define NONCANON 0x0000900000000000ul    /* above every user address */

static struct {
    char *unmapped;  /* a page that was mapped and is not any more */
    char *kernel;
    char *noncanon;
    char *edge;      /* the last 8 bytes before an unmapped page */
    char *page;      /* a whole writable page, 8-aligned */
    char *odd;       /* page + 1: misaligned but valid */
    char *nonul;     /* 1 MiB of 'a' with no NUL, then an unmapped page */
} bad;

/* The holes are made far from where anything else gets mapped (a hint,
 * not MAP_FIXED), so later allocations do not fill them. */
#define HOLE_HINT 0x300000000000ul

static inline void hostile_setup(void)
{
    char *p = mmap((void *)HOLE_HINT, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    munmap(p + 4096, 2 * 4096);
    bad.unmapped = p + 2 * 4096;
    bad.edge = p + 4096 - 8;
    memset(bad.edge, 0, 8);
    bad.kernel = (char *)KERNEL_ADDR;
    bad.noncanon = (char *)NONCANON;
    bad.page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    bad.odd = bad.page + 1;
    size_t big = 1 << 20;
    char *q = mmap((void *)(HOLE_HINT + 0x10000000), big + 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANON, -1, 0);
    munmap(q + big, 4096);
    memset(q, 'a', big);
    bad.nonul = q;
}

static inline const char *hostile_err(long e)
{
    static char buf[16];
    const char *n = errname((int)e);
    if (strcmp(n, "unknown-errno") != 0)
        return n;
    snprintf(buf, sizeof buf, "E%ld", e);
    return buf;
}

/* Print NAME and the outcome of a raw call (a result or -errno). */
static inline long out(const char *name, long r)
{
    printf("%s %s\n", name, r < 0 && r > -4096 ? hostile_err(-r) : "ok");
    fflush(stdout);
    return r;
}

/* Print NAME and a value (calls that return an errno as their value). */
static inline void outv(const char *name, long v)
{
    printf("%s %s\n", name, v == 0 ? "0" : hostile_err(v));
    fflush(stdout);
}

#endif
