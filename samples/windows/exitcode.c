/* exitcode.c — how a process ends: atexit handlers run in reverse order of
 * registration after exit() or a return from main, and their output still
 * reaches stdout; _exit skips them.  The mode is the first argument:
 *   (none)   prints, then exit(4)             -> handlers run, status 4
 *   return   prints, then returns 3 from main -> handlers run, status 3
 *   _exit    prints, flushes, then _exit(5)   -> no handlers, status 5
 *   zero     returns 0                        -> handlers run, status 0
 * Portable C. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

static void first_registered(void)
{
    printf("atexit: first registered, runs last\n");
}

static void second_registered(void)
{
    printf("atexit: second registered\n");
}

static void third_registered(void)
{
    printf("atexit: third registered, runs first\n");
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "exit";
    atexit(first_registered);
    atexit(second_registered);
    atexit(third_registered);
    printf("mode: %s\n", mode);
    if (strcmp(mode, "return") == 0) {
        printf("returning 3 from main\n");
        return 3;
    }
    if (strcmp(mode, "_exit") == 0) {
        printf("calling _exit(5)\n");
        fflush(stdout);
        _exit(5);
    }
    if (strcmp(mode, "zero") == 0) {
        printf("returning 0 from main\n");
        return 0;
    }
    printf("calling exit(4)\n");
    exit(4);
}
