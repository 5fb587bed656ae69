/* dirs.c — directories: mkdir modes, listing with opendir/readdir
 * (sorted, types from lstat), a directory larger than one
 * getdirentries buffer, rewinddir, chdir/getcwd, and the errors EEXIST,
 * ENOTEMPTY, ENOTDIR and ENOENT by name. Exit status 0, or 1 if a step
 * failed. Portable C. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "names.h"

#define MANY 300

static int failed;

static void expect_error(const char *what, long r)
{
    printf("%s: %s\n", what, r < 0 ? errname(errno) : "succeeded (unexpected)");
    failed |= r >= 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a directory; returns the sorted names (without . and ..). */
static int list(DIR *d, char **names, int max, int *dots)
{
    int n = 0;
    struct dirent *e;
    *dots = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
            ++*dots;
            continue;
        }
        if (n < max)
            names[n++] = strdup(e->d_name);
    }
    qsort(names, (size_t)n, sizeof *names, by_name);
    return n;
}

static void show_listing(const char *path)
{
    char *names[16];
    int dots;
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, errname(errno));
        return;
    }
    int n = list(d, names, 16, &dots);
    closedir(d);
    printf("listing of %s: %d entries (+%d dot entries)\n", path, n, dots);
    for (int i = 0; i < n; i++) {
        char full[128];
        struct stat st;
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        lstat(full, &st);
        if (S_ISDIR(st.st_mode))
            printf("  %s/ (directory, mode %03o)\n", names[i], (unsigned)(st.st_mode & 0777));
        else
            printf("  %s (%lld bytes)\n", names[i], (long long)st.st_size);
        free(names[i]);
    }
}

static void make_file(const char *name, int size)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    for (int i = 0; i < size; i++)
        failed |= write(fd, "x", 1) != 1;
    close(fd);
}

static void big_directory(void)
{
    char name[64];
    failed |= mkdir("big", 0755) < 0;
    for (int i = 0; i < MANY; i++) {
        snprintf(name, sizeof name, "big/entry-with-a-rather-long-name-%03d", i);
        make_file(name, 0);
    }
    char **names = malloc(sizeof *names * MANY);
    int dots;
    DIR *d = opendir("big");
    int n = list(d, names, MANY, &dots);
    printf("big directory: %d entries, first %s, last %s\n", n, names[0], names[n - 1]);
    for (int i = 0; i < n; i++)
        free(names[i]);
    rewinddir(d);
    n = list(d, names, MANY, &dots);
    printf("after rewinddir: %d entries\n", n);
    closedir(d);
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "big/%s", names[i]);
        failed |= unlink(name) < 0;
        free(names[i]);
    }
    free(names);
    failed |= rmdir("big") < 0;
}

static void cwd(void)
{
    char buf[256];
    const char *base;
    getcwd(buf, sizeof buf);
    base = strrchr(buf, '/') + 1;
    printf("getcwd ends in xeno-dirs-PID: %s\n", yesno(!strncmp(base, "xeno-dirs-", 10)));
    failed |= chdir("sub") < 0;
    getcwd(buf, sizeof buf);
    printf("after chdir(sub): %s\n", strrchr(buf, '/') + 1);
    failed |= chdir("..") < 0;
    expect_error("chdir into a file", chdir("a.txt"));
}

int main(void)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/xeno-dirs-%d", (int)getpid());
    umask(022);
    if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
        printf("cannot make a work directory: %s\n", errname(errno));
        return 1;
    }
    failed |= show("mkdir sub 0750", mkdir("sub", 0750)) < 0;
    expect_error("mkdir sub again", mkdir("sub", 0750));
    failed |= show("mkdir sub/inner", mkdir("sub/inner", 0700)) < 0;
    make_file("b.txt", 2);
    make_file("a.txt", 1);
    make_file("c.txt", 3);
    show_listing(".");
    show_listing("sub");
    cwd();
    expect_error("rmdir a non-empty directory", rmdir("sub"));
    expect_error("rmdir a file", rmdir("a.txt"));
    expect_error("rmdir missing", rmdir("missing"));
    expect_error("mkdir in a missing directory", mkdir("missing/x", 0755));
    printf("opendir a file: %s\n", opendir("a.txt") ? "opened" : errname(errno));
    printf("opendir missing: %s\n", opendir("missing") ? "opened" : errname(errno));
    big_directory();
    failed |= show("rmdir sub/inner", rmdir("sub/inner")) < 0;
    failed |= show("rmdir sub", rmdir("sub")) < 0;
    failed |= unlink("a.txt") < 0 || unlink("b.txt") < 0 || unlink("c.txt") < 0;
    failed |= chdir("/") < 0 || rmdir(dir) < 0;
    printf("work directory removed: %s\n", yesno(opendir(dir) == NULL && errno == ENOENT));
    printf("cleanup: %s\n", failed ? "FAILED" : "done");
    return failed;
}
