/* args.c — command-line arguments as the C runtime splits them: prints the
 * argument count and every argument (except argv[0], whose form differs
 * between systems) in brackets with its length, so quoting, embedded quotes,
 * backslashes, empty and blank arguments are visible.  Portable C.
 * Exit status: the number of arguments (argc - 1), at most 100.
 *
 * Suggested run:  args one "two words" "" 'say "hi"' 'back\slash' 'end\\' '  '
 * Non-ASCII arguments are not portable (the msvcrt argv is in the ANSI code
 * page, not UTF-8), so tests should use ASCII only. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    size_t total = 0;
    printf("argc-1 = %d\n", argc - 1);
    printf("argv[0] present: %s\n", argv[0] && argv[0][0] ? "yes" : "no");
    for (int i = 1; i < argc; i++) {
        size_t n = strlen(argv[i]);
        total += n;
        printf("argv[%d] = [%s] (%u chars)\n", i, argv[i], (unsigned)n);
    }
    printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
    printf("total chars: %u\n", (unsigned)total);
    return argc - 1 > 100 ? 100 : argc - 1;
}
