/* hello.c — the smallest Windows sample: greeting, arguments, and an exit
 * status taken from the first argument. Portable C. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("hello from %s\n", "a Windows-built program");
    for (int i = 1; i < argc; i++)
        printf("arg %d: [%s]\n", i, argv[i]);
    return argc > 1 ? atoi(argv[1]) : 0;
}
