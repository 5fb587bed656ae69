/* stdiofile.c — C stdio on files: a text file written with fopen "w",
 * fprintf/fputs/fputc and appended to with "a", read back in text mode with
 * fgets/fgetc/fscanf; a binary file written with "wb"/fwrite and read with
 * fread, fseek (SEEK_SET/SEEK_CUR/SEEK_END), ftell, rewind, "r+b" updates,
 * ungetc, feof; then rename and remove, and errno for a missing file.
 * Text files are only ever read back in text mode (on Windows they hold
 * CRLF, so their size on disk differs), which keeps the output identical.
 * Portable C.  Files are created in the current directory with the process
 * id in their names and removed at the end.  Exit status: 0, or 1 on the
 * first unexpected failure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

static char text_name[64], bin_name[64], new_name[64];

static int fail(const char *what)
{
    printf("FAILED: %s (errno %d)\n", what, errno);
    remove(text_name);
    remove(bin_name);
    remove(new_name);
    return 1;
}

int main(void)
{
    int pid = (int)getpid();
    snprintf(text_name, sizeof text_name, "xeno_stdio_%d.txt", pid);
    snprintf(bin_name, sizeof bin_name, "xeno_stdio_%d.bin", pid);
    snprintf(new_name, sizeof new_name, "xeno_stdio_%d.new", pid);

    /* --- text mode --- */
    FILE *f = fopen(text_name, "w");
    if (!f)
        return fail("fopen w");
    for (int i = 1; i <= 3; i++)
        fprintf(f, "line %d: %s\n", i, i == 2 ? "second" : "text");
    fputs("numbers: 10 -20 3.5\n", f);
    fputc('x', f);
    fputc('\n', f);
    if (fclose(f) != 0)
        return fail("fclose");

    f = fopen(text_name, "a");
    if (!f)
        return fail("fopen a");
    fputs("appended line\n", f);
    fclose(f);

    f = fopen(text_name, "r");
    if (!f)
        return fail("fopen r");
    char line[128];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        n++;
        printf("text %d (%u chars): %s", n, (unsigned)strlen(line), line);
    }
    printf("text lines: %d, feof %d, ferror %d\n", n, feof(f) != 0, ferror(f) != 0);

    rewind(f);
    int chars = 0, newlines = 0, c;
    while ((c = fgetc(f)) != EOF) {
        chars++;
        if (c == '\n')
            newlines++;
        if (c == '\r')
            printf("saw a CR in text mode\n");
    }
    printf("text chars via fgetc: %d, newlines: %d\n", chars, newlines);

    rewind(f);
    for (int i = 0; i < 3; i++)
        fgets(line, sizeof line, f);
    int a, b;
    double d;
    char word[16];
    int got = fscanf(f, "%15s %d %d %lf", word, &a, &b, &d);
    printf("fscanf: %d items: [%s] %d %d %.2f\n", got, word, a, b, d);
    fclose(f);

    /* --- binary mode --- */
    unsigned char buf[256];
    for (int i = 0; i < 256; i++)
        buf[i] = (unsigned char)i;
    f = fopen(bin_name, "wb");
    if (!f)
        return fail("fopen wb");
    size_t w = fwrite(buf, 1, sizeof buf, f);
    w += fwrite("\r\n\n\r", 1, 4, f);
    printf("binary written: %u bytes\n", (unsigned)w);
    fclose(f);

    f = fopen(bin_name, "rb");
    if (!f)
        return fail("fopen rb");
    fseek(f, 0, SEEK_END);
    printf("binary size via SEEK_END/ftell: %ld\n", ftell(f));
    fseek(f, 10, SEEK_SET);
    unsigned char part[8];
    size_t r = fread(part, 1, sizeof part, f);
    printf("read %u at 10:", (unsigned)r);
    for (size_t i = 0; i < r; i++)
        printf(" %02x", part[i]);
    printf("\nftell after: %ld\n", ftell(f));
    fseek(f, -6, SEEK_CUR);
    printf("byte after SEEK_CUR -6: %d\n", fgetc(f));
    ungetc('Z', f);
    c = fgetc(f);
    printf("ungetc then fgetc: %c, ftell %ld\n", c, ftell(f));
    fseek(f, -4, SEEK_END);
    r = fread(part, 1, sizeof part, f);
    printf("tail (%u bytes): %02x %02x %02x %02x, feof %d\n", (unsigned)r,
           part[0], part[1], part[2], part[3], feof(f) != 0);
    rewind(f);
    unsigned int sum = 0;                 /* 32 bits on both systems */
    unsigned char all[300];
    r = fread(all, 1, sizeof all, f);
    for (size_t i = 0; i < r; i++)
        sum = sum * 31 + all[i];
    printf("whole file: %u bytes, checksum %u\n", (unsigned)r, sum);
    fclose(f);

    f = fopen(bin_name, "r+b");
    if (!f)
        return fail("fopen r+b");
    fseek(f, 100, SEEK_SET);
    fputc(0xAA, f);
    fseek(f, 99, SEEK_SET);
    r = fread(part, 1, 3, f);
    printf("after update: %02x %02x %02x\n", part[0], part[1], part[2]);
    fclose(f);

    /* --- rename, remove, errors --- */
    printf("rename: %d\n", rename(bin_name, new_name));
    errno = 0;
    f = fopen(bin_name, "rb");
    printf("old name opens: %s, errno is ENOENT: %s\n", f ? "yes" : "no",
           errno == ENOENT ? "yes" : "no");
    if (f)
        fclose(f);
    printf("remove new: %d\n", remove(new_name));
    printf("remove text: %d\n", remove(text_name));
    errno = 0;
    int rr = remove(text_name);
    printf("remove missing: %d, errno is ENOENT: %s\n", rr, errno == ENOENT ? "yes" : "no");
    return 0;
}
