/* nosys.c — calls a FreeBSD system call xeno does not implement (ktrace)
 * and reports the error it gets: xeno must answer ENOSYS and say so once.
 * FreeBSD-only. */
#include <errno.h>
#include <stdio.h>

#include "syscall.h"

int main(void)
{
    long r = __sys4(45 /* ktrace */, "/nonexistent", 0, 0, 0);
    printf("ktrace: %ld (%s)\n", r, r == -ENOSYS ? "ENOSYS" : "other");
    r = __sys4(45, "/nonexistent", 0, 0, 0);
    printf("again: %ld\n", r);
    return 0;
}
