/* wc.c — reading standard input to its end in text mode: counts lines,
 * words and characters like wc, remembers the longest line and prints a
 * checksum of the characters read.  On Windows text mode turns CRLF into LF
 * (and stops at Ctrl-Z), so LF-only input gives the same counts on both
 * systems.  With no input (stdin at EOF or /dev/null, NUL) it prints zeros.
 * Portable C.  Exit status: 0 if any input was read, 1 if stdin was empty.
 *
 * Suggested run:  printf 'one two\nthree\n\n  four five six\n' | wc */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
    long lines = 0, words = 0, chars = 0, longest = 0, cur = 0;
    unsigned int sum = 0;                 /* 32 bits on both systems */
    int c, inword = 0;
    while ((c = getchar()) != EOF) {
        chars++;
        sum = sum * 131 + (unsigned char)c;
        if (c == '\n') {
            lines++;
            if (cur > longest)
                longest = cur;
            cur = 0;
        } else {
            cur++;
        }
        if (isspace(c))
            inword = 0;
        else if (!inword) {
            inword = 1;
            words++;
        }
    }
    if (cur > longest)
        longest = cur;
    printf("lines %ld words %ld chars %ld longest %ld checksum %u\n", lines, words, chars, longest, sum);
    printf("stdin: eof %d error %d\n", feof(stdin) != 0, ferror(stdin) != 0);
    return chars ? 0 : 1;
}
