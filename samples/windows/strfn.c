/* strfn.c — <string.h> and <ctype.h>: length, copy, concatenation,
 * comparison (signs only), searching (strchr strrchr strstr strpbrk strspn
 * strcspn memchr), tokenizing with strtok, memcpy/memmove with overlap,
 * memset/memcmp, and the ctype classes and case mapping over ASCII.
 * Portable C.  Exit status: 0. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int main(void)
{
    char buf[64];
    const char *s = "The quick brown fox jumps over the lazy dog";
    printf("strlen: %u\n", (unsigned)strlen(s));
    strcpy(buf, "abc");
    strcat(buf, "def");
    volatile size_t three = 3;          /* truncation is the point */
    strncat(buf, "ghijkl", three);
    printf("strcpy/strcat/strncat: [%s]\n", buf);
    memset(buf, 'x', sizeof buf);
    strncpy(buf, "hi", 5);
    printf("strncpy pads: %d %d %d %c\n", buf[2], buf[3], buf[4], buf[5]);

    printf("strcmp: %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("b", "a")), sign(strcmp("same", "same")));
    printf("strncmp: %d %d\n", sign(strncmp("abcdef", "abcxyz", 3)), sign(strncmp("abcdef", "abcxyz", 4)));
    printf("memcmp: %d %d\n", sign(memcmp("\x01\xff", "\x01\x00", 2)), sign(memcmp("aa", "ab", 1)));

    printf("strchr o: %d\n", (int)(strchr(s, 'o') - s));
    printf("strrchr o: %d\n", (int)(strrchr(s, 'o') - s));
    printf("strchr nul: %d\n", (int)(strchr(s, '\0') - s));
    printf("strchr z missing: %s\n", strchr("abc", 'z') ? "found" : "null");
    printf("strstr fox: [%s]\n", strstr(s, "fox"));
    printf("strstr cat: %s\n", strstr(s, "cat") ? "found" : "null");
    printf("strstr empty: %d\n", (int)(strstr(s, "") - s));
    printf("strpbrk: [%s]\n", strpbrk(s, "xyz"));
    printf("strspn: %u strcspn: %u\n", (unsigned)strspn("aabbcxa", "ab"), (unsigned)strcspn(s, "qz"));
    printf("memchr: %d\n", (int)((const char *)memchr(s, 'q', strlen(s)) - s));

    char csv[] = "alpha,beta,,gamma;delta";
    int n = 0;
    for (char *tok = strtok(csv, ",;"); tok; tok = strtok(NULL, ",;"))
        printf("token %d: [%s]\n", ++n, tok);

    char ov[] = "0123456789";
    memmove(ov + 2, ov, 5);
    printf("memmove right: %s\n", ov);
    strcpy(ov, "0123456789");
    memmove(ov, ov + 3, 5);
    printf("memmove left: %s\n", ov);
    memcpy(buf, "copy\0hidden", 11);
    printf("memcpy: [%s] [%.6s]\n", buf, buf + 5);

    int classes[8] = { 0 };
    for (int c = 0; c < 128; c++) {
        classes[0] += isalpha(c) != 0;
        classes[1] += isdigit(c) != 0;
        classes[2] += isspace(c) != 0;
        classes[3] += ispunct(c) != 0;
        classes[4] += isupper(c) != 0;
        classes[5] += isxdigit(c) != 0;
        classes[6] += iscntrl(c) != 0;
        classes[7] += isprint(c) != 0;
    }
    printf("ctype alpha %d digit %d space %d punct %d upper %d xdigit %d cntrl %d print %d\n",
           classes[0], classes[1], classes[2], classes[3], classes[4], classes[5], classes[6], classes[7]);
    strcpy(buf, "Mixed Case 123!");
    for (char *p = buf; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    printf("toupper: %s\n", buf);
    for (char *p = buf; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    printf("tolower: %s\n", buf);
    return 0;
}
