/* kuser.c — KUSER_SHARED_DATA, the read-only page at 0x7ffe0000 where
 * Windows programs (Go's runtime among them) read the time without a
 * call. When asked to keep it current, a host thread refreshes the clocks
 * every millisecond. */
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "process.h"
#include "xeno.h"

#define KUSER_ADDR 0x7ffe0000ul
#define EPOCH_DIFF 116444736000000000ull /* 1601 → 1970 in 100 ns units */

static volatile uint8_t *kuser;

static void put_ksystem_time(size_t off, uint64_t v)
{
    /* KSYSTEM_TIME: LowPart, High1Time, High2Time; readers retry until
     * High1Time == High2Time. */
    volatile uint32_t *p = (volatile uint32_t *)(kuser + off);
    p[2] = (uint32_t)(v >> 32);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    p[0] = (uint32_t)v;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    p[1] = (uint32_t)(v >> 32);
}

static void refresh(void)
{
    struct timespec mono, real;
    clock_gettime(CLOCK_MONOTONIC, &mono);
    clock_gettime(CLOCK_REALTIME, &real);
    uint64_t interrupt = (uint64_t)mono.tv_sec * 10000000ull + (uint64_t)mono.tv_nsec / 100;
    uint64_t system = (uint64_t)real.tv_sec * 10000000ull + (uint64_t)real.tv_nsec / 100 + EPOCH_DIFF;
    put_ksystem_time(0x08, interrupt);
    put_ksystem_time(0x14, system);
    put_ksystem_time(0x320, interrupt / 10000); /* TickCount in ms */
}

static void *ticker(void *arg)
{
    (void)arg;
    struct timespec ms = { 0, 1000000 };
    for (;;) {
        refresh();
        nanosleep(&ms, NULL);
    }
    return NULL;
}

void w32_kuser_init(int keep_current)
{
    void *p = mmap((void *)KUSER_ADDR, 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *)KUSER_ADDR)
        return; /* something else lives there; programs that read it will fault */
    kuser = p;
    *(volatile uint32_t *)(kuser + 0x04) = 0x0fa00000;   /* TickCountMultiplier */
    *(volatile uint32_t *)(kuser + 0x26c) = 10;          /* NtMajorVersion */
    *(volatile uint32_t *)(kuser + 0x270) = 0;           /* NtMinorVersion */
    *(volatile uint32_t *)(kuser + 0x260) = 19045;       /* NtBuildNumber */
    *(volatile uint16_t *)(kuser + 0x2c) = 0x8664;       /* ImageNumberLow */
    *(volatile uint16_t *)(kuser + 0x2e) = 0x8664;       /* ImageNumberHigh */
    *(volatile uint32_t *)(kuser + 0x2d4) = 1;           /* KdDebuggerEnabled: no (byte) */
    kuser[0x2d4] = 0;
    refresh();
    pthread_t t;
    if (keep_current && pthread_create(&t, NULL, ticker, NULL) == 0)
        pthread_detach(t);
}
