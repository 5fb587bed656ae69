/* thr.c — FreeBSD only: kernel threads without libthr. thr_new starts a
 * thread on our own stack with its FS base at a TLS block (checked with
 * sysarch and %fs:0), the child_tid/parent_tid words, _umtx_op private
 * wait/wake, thr_exit's state word, thr_kill to the main thread, and
 * sysarch FS base get/set in the main thread. Prints what FreeBSD prints.
 * Exit status 0, or 1 on a failed step. */
#include <machine/sysarch.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include <sys/umtx.h>

#include "names.h"

struct tls {
    struct tls *self;               /* %fs:0 points here */
    long value;
};

static struct tls child_tls = { &child_tls, 1234 };
static long child_tid_word, parent_tid_word, exit_state;
static long seen_tid;
static volatile unsigned int ready;
static volatile int fs_ok, fs_value_ok;
static volatile sig_atomic_t got_usr1;

static void *read_fs0(void)
{
    void *p;
    __asm__ volatile("movq %%fs:0, %0" : "=r"(p));
    return p;
}

static void child(void *arg)
{
    void *base = NULL;
    sysarch(AMD64_GET_FSBASE, &base);
    fs_ok = base == arg && read_fs0() == arg;
    fs_value_ok = ((struct tls *)read_fs0())->value == 1234;
    thr_self(&seen_tid);
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
    _umtx_op((void *)&ready, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
    thr_exit(&exit_state);
}

static void on_usr1(int sig)
{
    got_usr1 = sig == SIGUSR1;
}

static void main_thread_fs(void)
{
    void *base = (void *)1;
    sysarch(AMD64_GET_FSBASE, &base);
    printf("initial FS base is 0: %s\n", yesno(base == NULL));
    static struct tls mine = { &mine, 5678 };
    void *want = &mine;
    printf("AMD64_SET_FSBASE: %s\n", sysarch(AMD64_SET_FSBASE, &want) ? errname(errno) : "ok");
    printf("%%fs:0 is the new block: %s\n", yesno(read_fs0() == &mine));
    want = NULL;
    sysarch(AMD64_SET_FSBASE, &want);
}

int main(void)
{
    long me = 0;
    thr_self(&me);
    printf("main thread id > 0: %s\n", yesno(me > 0));
    main_thread_fs();

    size_t size = 128 * 1024;
    char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    struct thr_param p;
    memset(&p, 0, sizeof p);
    p.start_func = child;
    p.arg = &child_tls;
    p.stack_base = stack;
    p.stack_size = size;
    p.tls_base = (char *)&child_tls;
    p.tls_size = sizeof child_tls;
    p.child_tid = &child_tid_word;
    p.parent_tid = &parent_tid_word;
    printf("thr_new: %s\n", thr_new(&p, sizeof p) ? errname(errno) : "ok");
    printf("parent_tid written before thr_new returned: %s\n", yesno(parent_tid_word != 0));
    while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
        _umtx_op((void *)&ready, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL, NULL);
    while (__atomic_load_n(&exit_state, __ATOMIC_ACQUIRE) == 0)
        _umtx_op(&exit_state, UMTX_OP_WAIT, 0, NULL, NULL);
    printf("new thread id differs from main: %s\n", yesno(seen_tid != me));
    printf("child_tid and parent_tid hold it: %s\n",
           yesno(child_tid_word == seen_tid && parent_tid_word == seen_tid));
    printf("FS base in the new thread is tls_base: %s, %%fs:0 reads the block: %s\n",
           yesno(fs_ok), yesno(fs_value_ok));
    printf("thr_exit set the state word to 1: %s\n", yesno(exit_state == 1));
    munmap(stack, size);

    signal(SIGUSR1, on_usr1);
    int r = thr_kill(me, SIGUSR1);
    printf("thr_kill(self, SIGUSR1): %s, handled: %s\n", r ? errname(errno) : "ok", yesno(got_usr1));
    printf("thr_kill to thread id 1: %s\n", thr_kill(1, 0) ? errname(errno) : "ok");
    return 0;
}
