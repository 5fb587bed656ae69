/* posixio.c — the POSIX-style layer every CRT has: mkdir/rmdir, chdir and
 * getcwd, open/read/write/lseek/close on a binary file, dup, fstat/stat
 * sizes and types, access, rename and unlink, and opendir/readdir listing
 * a directory (sorted, "." and ".." skipped).  msvcrt spells a few of
 * these differently (mkdir takes no mode, O_BINARY is needed); mingw-w64
 * provides dirent.  Portable C.  Works in a per-process directory under the
 * current directory and removes it.  Exit status: 0, 1 on a failure. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef _WIN32
#include <direct.h>
#include <io.h>
#include <process.h>
#define make_dir(p) _mkdir(p)
#define getpid _getpid
#else
#include <unistd.h>
#define make_dir(p) mkdir(p, 0755)
#define O_BINARY 0
#endif

static int check(int ok, const char *what)
{
    if (!ok)
        printf("FAILED: %s (errno %d)\n", what, errno);
    return ok;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!check(d != NULL, "opendir"))
        return;
    char *names[32];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 32) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("listing %s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    char dir[64], cwd_before[1024], cwd_in[1024];
    snprintf(dir, sizeof dir, "xeno_posixio_%d", (int)getpid());
    if (!check(make_dir(dir) == 0, "mkdir"))
        return 1;
    errno = 0;
    int rc = make_dir(dir);
    printf("mkdir again fails with EEXIST: %s\n", rc != 0 && errno == EEXIST ? "yes" : "no");
    if (!check(getcwd(cwd_before, sizeof cwd_before) != NULL, "getcwd"))
        return 1;
    if (!check(chdir(dir) == 0, "chdir"))
        return 1;
    getcwd(cwd_in, sizeof cwd_in);
    size_t lb = strlen(cwd_before), ld = strlen(dir), li = strlen(cwd_in);
    printf("getcwd grew by the directory name: %s\n",
           li == lb + 1 + ld && strcmp(cwd_in + li - ld, dir) == 0 ? "yes" : "no");

    int fd = open("data.bin", O_WRONLY | O_CREAT | O_TRUNC | O_BINARY, 0644);
    if (!check(fd >= 0, "open for writing"))
        return 1;
    char block[100];
    for (int i = 0; i < 100; i++)
        block[i] = (char)(i % 10 == 9 ? '\n' : '0' + i % 10);
    int written = 0;
    for (int i = 0; i < 10; i++)
        written += (int)write(fd, block, sizeof block);
    printf("written: %d\n", written);
    printf("lseek end: %ld\n", (long)lseek(fd, 0, SEEK_END));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode) != 0);
    close(fd);

    fd = open("data.bin", O_RDONLY | O_BINARY);
    if (!check(fd >= 0, "open for reading"))
        return 1;
    lseek(fd, 95, SEEK_SET);
    char small[8] = { 0 };
    int got = (int)read(fd, small, 7);
    printf("read at 95: %d bytes, newline at index %d\n", got, (int)(strchr(small, '\n') - small));
    int fd2 = dup(fd);
    printf("dup shares the offset: %ld\n", (long)lseek(fd2, 0, SEEK_CUR));
    lseek(fd2, -10, SEEK_END);
    got = (int)read(fd, small, sizeof small);
    printf("read after seeking the dup: %d bytes starting '%c'\n", got, small[0]);
    close(fd2);
    long total = 0;
    lseek(fd, 0, SEEK_SET);
    char big[333];
    int r;
    while ((r = (int)read(fd, big, sizeof big)) > 0)
        total += r;
    printf("read to end: %ld, then read returns %d\n", total, r);
    close(fd);

    fd = open("empty.txt", O_WRONLY | O_CREAT | O_EXCL | O_BINARY, 0644);
    close(fd);
    errno = 0;
    rc = open("empty.txt", O_WRONLY | O_CREAT | O_EXCL | O_BINARY, 0644);
    printf("O_EXCL on existing fails with EEXIST: %s\n", rc < 0 && errno == EEXIST ? "yes" : "no");
    make_dir("subdir");
    fd = open("subdir/inner.txt", O_WRONLY | O_CREAT | O_BINARY, 0644);
    printf("write inner: %d\n", (int)write(fd, "inner\n", 6));
    close(fd);
    list_dir(".");
    list_dir("subdir");

    rc = stat("data.bin", &st);
    printf("stat data.bin: %d size %ld\n", rc, (long)st.st_size);
    printf("stat subdir: dir %d\n", stat("subdir", &st) == 0 && S_ISDIR(st.st_mode));
    errno = 0;
    rc = stat("missing", &st);
    printf("stat missing: %d ENOENT %d\n", rc, errno == ENOENT);
    printf("access data.bin: %d, access missing: %d\n", access("data.bin", 0), access("missing", 0));
    printf("rename: %d\n", rename("data.bin", "moved.bin"));
    list_dir(".");
    errno = 0;
    rc = rmdir("subdir");
    printf("rmdir non-empty: %d ENOTEMPTY %d\n", rc, errno == ENOTEMPTY);
    printf("unlink inner: %d\n", unlink("subdir/inner.txt"));
    printf("unlink moved: %d, empty: %d\n", unlink("moved.bin"), unlink("empty.txt"));
    errno = 0;
    rc = unlink("moved.bin");
    printf("unlink missing: %d ENOENT %d\n", rc, errno == ENOENT);
    printf("rmdir subdir: %d\n", rmdir("subdir"));
    list_dir(".");
    printf("chdir back: %d\n", chdir(".."));
    printf("rmdir: %d\n", rmdir(dir));
    printf("directory gone: %d\n", access(dir, 0) != 0);
    return 0;
}
