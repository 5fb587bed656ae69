/* mounts.c — getfsstat(557) and freebsd11_getfsstat(395): how many file
 * systems are mounted, then every mount point from the records (FreeBSD's
 * struct statfs: f_mntonname at 1320 of 2344 bytes; FreeBSD 11's at 384
 * of 472), a buffer for two records, and a bad mode. Prints the mount
 * points one per line after "mounted on:" for the test to compare with
 * the host's mount table. FreeBSD-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "syscall.h"

enum { F_GETFSSTAT = 557, F_GETFSSTAT11 = 395, MNT_WAIT = 1, MNT_NOWAIT = 2 };
enum { SIZE = 2344, ONNAME = 1320, SIZE11 = 472, ONNAME11 = 384 };

static const char *res(long r) { return r < 0 ? errname((int)-r) : "ok"; }

int main(void)
{
    long n = __sys3(F_GETFSSTAT, 0, 0, MNT_NOWAIT);
    printf("getfsstat count: %s\n", n > 0 ? "more than none" : res(n));
    char *buf = calloc((size_t)n + 1, SIZE), *old = calloc((size_t)n + 1, SIZE11);
    long got = __sys3(F_GETFSSTAT, buf, (n + 1) * SIZE, MNT_WAIT);
    long got11 = __sys3(F_GETFSSTAT11, old, (n + 1) * SIZE11, MNT_NOWAIT);
    printf("records: %s, as many as counted: %s\n", res(got), got == n ? "yes" : "no");
    int same = got11 == got;
    for (long i = 0; same && i < got; i++)
        same = !strcmp(buf + i * SIZE + ONNAME, old + i * SIZE11 + ONNAME11);
    printf("FreeBSD 11 records name the same mount points: %s\n", same ? "yes" : "no");
    printf("a buffer for two records: %ld\n", __sys3(F_GETFSSTAT, buf, 2 * SIZE + 100, MNT_NOWAIT));
    printf("mode 7: %s\n", res(__sys3(F_GETFSSTAT, buf, SIZE, 7)));
    printf("a buffer in the kernel half: %s\n", res(__sys3(F_GETFSSTAT, 0xffff800000001000ul, SIZE, MNT_NOWAIT)));
    got = __sys3(F_GETFSSTAT, buf, (n + 1) * SIZE, MNT_WAIT);
    printf("mounted on:\n");
    for (long i = 0; i < got; i++)
        printf("%s\n", buf + i * SIZE + ONNAME);
    return 0;
}
