/* mmap.c — memory mappings: anonymous pages (zero-filled, aligned),
 * mprotect to read-only and a write caught as SIGSEGV/SEGV_ACCERR at the
 * right address (recovered with sigsetjmp/siglongjmp), munmap of one
 * page and SEGV_MAPERR there, MAP_FIXED, a shared file mapping written
 * back with msync, a private one that leaves the file alone, and EINVAL
 * and EBADF. Exit status 0, or 1 on a failed step. Portable C. */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "names.h"

static sigjmp_buf env;
static volatile sig_atomic_t faults;
static void *volatile fault_addr;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    (void)sig, (void)ctx;
    faults++;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(env, 1);
}

/* Writes to p; returns 1 if that faulted. */
static int try_write(volatile char *p, char v)
{
    if (sigsetjmp(env, 1))
        return 1;
    *p = v;
    return 0;
}

static void anonymous(long ps)
{
    char *p = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    printf("mmap 4 pages: %s, page aligned: %s\n", p == MAP_FAILED ? errname(errno) : "ok",
           yesno(((unsigned long)p & (ps - 1)) == 0));
    int zero = 1;
    for (long i = 0; i < 4 * ps; i++)
        zero &= p[i] == 0;
    printf("zero-filled: %s\n", yesno(zero));
    for (long i = 0; i < 4 * ps; i++)
        p[i] = (char)(i % 251);
    printf("mprotect first page read-only: %s\n", mprotect(p, ps, PROT_READ) ? errname(errno) : "ok");
    printf("read from it: %d\n", (unsigned char)p[250]);
    int f = try_write(p + 100, 1);
    printf("write to it faulted: %s, SEGV_ACCERR: %s, address right: %s\n", yesno(f),
           yesno(fault_code == SEGV_ACCERR), yesno(fault_addr == p + 100));
    printf("second page still writable: %s\n", yesno(!try_write(p + ps, 7)));
    mprotect(p, ps, PROT_READ | PROT_WRITE);
    printf("writable again after mprotect: %s\n", yesno(!try_write(p + 100, 1)));
    printf("munmap third page: %s\n", munmap(p + 2 * ps, ps) ? errname(errno) : "ok");
    f = try_write(p + 2 * ps + 8, 1);
    printf("write to the hole faulted: %s, SEGV_MAPERR: %s, address right: %s\n", yesno(f),
           yesno(fault_code == SEGV_MAPERR), yesno(fault_addr == p + 2 * ps + 8));
    printf("fourth page kept its data: %s\n", yesno(p[3 * ps + 5] == (char)((3 * ps + 5) % 251)));
    char *q = mmap(p + 2 * ps, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
    printf("MAP_FIXED into the hole: %s\n", yesno(q == p + 2 * ps));
    munmap(p, 4 * ps);
}

static void file_backed(long ps)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/xeno-mmap-%d", (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    for (long i = 0; i < ps; i += 8)
        if (write(fd, "abcdefgh", 8) != 8)
            printf("write failed\n");
    char *m = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("shared file mapping: %s, starts with [%.8s]\n", m == MAP_FAILED ? errname(errno) : "ok", m);
    memcpy(m, "XYZ", 3);
    printf("msync: %s\n", msync(m, ps, MS_SYNC) ? errname(errno) : "ok");
    munmap(m, ps);
    char buf[9] = { 0 };
    pread(fd, buf, 8, 0);
    printf("file now starts with [%s]\n", buf);
    m = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(m + 8, "private", 7);
    pread(fd, buf, 8, 8);
    printf("private mapping changed the file: %s ([%s])\n", yesno(buf[0] == 'p'), buf);
    munmap(m, ps);
    close(fd);
    unlink(path);
}

int main(void)
{
    long ps = getpagesize();
    printf("page size is 4096: %s\n", yesno(ps == 4096));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    anonymous(ps);
    file_backed(ps);
    printf("mmap of length 0: %s\n",
           mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED ? errname(errno) : "ok");
    printf("mmap of a bad descriptor: %s\n",
           mmap(NULL, ps, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED ? errname(errno) : "ok");
    printf("faults caught: %d\n", (int)faults);
    return faults != 2;
}
