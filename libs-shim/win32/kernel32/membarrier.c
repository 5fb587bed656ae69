/* membarrier.c — FlushProcessWriteBuffers: every thread of the process
 * passes a full memory barrier before the call returns (garbage
 * collectors and Rust's crossbeam/parking_lot use it to make a
 * lock-free fast path safe). Linux's membarrier system call does exactly
 * this (the private expedited form, registered once); where it is
 * missing, changing the protection of a page this process has touched
 * makes the kernel interrupt every CPU running one of its threads to
 * flush the TLB, which serialises them just the same. */
#include <linux/membarrier.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../w32.h"

static int use_membarrier = -1;  /* -1 not yet tried, 0 no, 1 yes */
static volatile char *page;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static long membarrier(int cmd)
{
    return syscall(SYS_membarrier, cmd, 0, 0);
}

static void setup(void)
{
    long cmds = membarrier(MEMBARRIER_CMD_QUERY);
    use_membarrier = cmds > 0 && (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
                     membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
    if (!use_membarrier) {
        void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        page = p == MAP_FAILED ? NULL : p;
    }
}

static void WINAPI w32_FlushProcessWriteBuffers(void)
{
    pthread_once(&once, setup);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (use_membarrier && membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
        return;
    if (page) {
        /* Touch the page so it is mapped, then take write access away
         * and give it back: both changes shoot down every CPU's TLB. */
        page[0] = 1;
        mprotect((void *)page, 4096, PROT_READ);
        mprotect((void *)page, 4096, PROT_READ | PROT_WRITE);
    }
}

W32_EXPORTS(kernel32) = {
    EXPORT(FlushProcessWriteBuffers, ":v"),
};
