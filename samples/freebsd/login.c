/* login.c — getlogin(49)/setlogin(50): the session's login name, a
 * buffer too small for it (ERANGE), setting it (root only; a name of 33
 * bytes or more is EINVAL) and a child seeing the name its parent set.
 * Prints the name first, for the test to compare with the host's.
 * FreeBSD-only. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

enum { F_GETLOGIN = 49, F_SETLOGIN = 50 };

static const char *res(long r) { return r < 0 ? errname((int)-r) : "ok"; }

int main(void)
{
    char name[64];
    setvbuf(stdout, NULL, _IONBF, 0);
    memset(name, 0, sizeof name);
    long r = __sys2(F_GETLOGIN, name, sizeof name);
    printf("getlogin: %s [%s]\n", res(r), name);
    printf("getlogin, buffer one byte short: %s\n", res(__sys2(F_GETLOGIN, name, strlen(name))));
    printf("getlogin into the kernel half: %s\n", res(__sys2(F_GETLOGIN, 0xffff800000001000ul, 33)));
    printf("setlogin xenotest: %s\n", res(__sys1(F_SETLOGIN, "xenotest")));
    memset(name, 0, sizeof name);
    __sys2(F_GETLOGIN, name, sizeof name);
    printf("getlogin after setlogin: [%s]\n", name);
    printf("setlogin of 33 characters: %s\n", res(__sys1(F_SETLOGIN, "abcdefghijklmnopqrstuvwxyz0123456")));
    printf("setlogin from the kernel half: %s\n", res(__sys1(F_SETLOGIN, 0xffff800000001000ul)));
    pid_t c = fork();
    if (c == 0) {
        memset(name, 0, sizeof name);
        __sys2(F_GETLOGIN, name, sizeof name);
        printf("a child's getlogin: [%s]\n", name);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    return 0;
}
