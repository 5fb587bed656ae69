/* files.c — regular files: create, write, read, seek, pread, truncate,
 * dup/dup2, fcntl flags, stat sizes and modes, chmod, access, rename,
 * hard and symbolic links, stdio streams, copy_file_range, and the errors ENOENT, EEXIST,
 * ENOTDIR, EISDIR, EBADF and EINVAL by name. Works in a fresh directory
 * under /tmp. Exit status 0, or 1 if a step failed. Portable C. */
#define _GNU_SOURCE /* copy_file_range in glibc */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "names.h"

static int failed;

static void expect_error(const char *what, long r)
{
    printf("%s: %s\n", what, r < 0 ? errname(errno) : "succeeded (unexpected)");
    failed |= r >= 0;
}

static void print_stat(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        printf("stat %s: %s\n", path, errname(errno));
        return;
    }
    printf("stat %s: size %lld mode %03o regular %s links %lu\n", path,
           (long long)st.st_size, (unsigned)(st.st_mode & 0777),
           yesno(S_ISREG(st.st_mode)), (unsigned long)st.st_nlink);
}

static void read_back(int fd, off_t off, int whence, size_t n)
{
    char buf[64] = { 0 };
    off_t pos = lseek(fd, off, whence);
    ssize_t got = read(fd, buf, n);
    buf[strcspn(buf, "\n")] = 0;
    printf("lseek(%lld, %s) = %lld, read %zd: [%s]\n", (long long)off,
           whence == SEEK_SET ? "SEEK_SET" : whence == SEEK_CUR ? "SEEK_CUR" : "SEEK_END",
           (long long)pos, got, buf);
}

static void raw_io(void)
{
    int fd = open("data.txt", O_WRONLY | O_CREAT | O_TRUNC, 0666);
    failed |= show("open data.txt for writing", fd) < 0;
    printf("write: %zd\n", write(fd, "hello, file\n", 12));
    printf("write-only flags: %s\n", yesno((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY));
    char c;
    expect_error("read from a write-only descriptor", read(fd, &c, 1));
    close(fd);
    print_stat("data.txt");

    fd = open("data.txt", O_RDWR | O_APPEND);
    printf("append write: %zd\n", write(fd, "second line\n", 12));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size after append: %lld\n", (long long)st.st_size);
    read_back(fd, 0, SEEK_SET, 5);
    printf("lseek(0, SEEK_CUR) = %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    read_back(fd, -5, SEEK_END, 5);
    read_back(fd, -11, SEEK_CUR, 4);
    char buf[16] = { 0 };
    printf("pread(6 at 12): %zd [%s]\n", pread(fd, buf, 6, 12), buf);
    expect_error("lseek to a negative offset", lseek(fd, -100, SEEK_SET));
    close(fd);
}

/* copy_file_range: the kernel copies between descriptors, from an offset
 * given by pointer (advanced) or from the file position (moved). */
static void copy_range(void)
{
    int in = open("data.txt", O_RDONLY), out = open("copy.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    off_t from = 7;
    ssize_t n = copy_file_range(in, &from, out, NULL, 100, 0);
    char buf[32] = { 0 };
    printf("copy_file_range from 7: %zd bytes, offset now %lld, output position %lld\n", n,
           (long long)from, (long long)lseek(out, 0, SEEK_CUR));
    printf("copied: %zd [", pread(out, buf, sizeof buf - 1, 0));
    for (char *p = buf; *p; p++)
        putchar(*p == '\n' ? '|' : *p);
    printf("]\n");
    expect_error("copy_file_range with flags", copy_file_range(in, NULL, out, NULL, 4, 1));
    expect_error("copy_file_range from a bad descriptor", copy_file_range(-1, NULL, out, NULL, 4, 0));
    close(in);
    close(out);
    failed |= unlink("copy.txt") < 0;
}

static void descriptors(void)
{
    int fd = open("data.txt", O_RDWR);
    int fd2 = dup(fd);
    lseek(fd2, 7, SEEK_SET);
    printf("dup shares the offset: %s\n", yesno(lseek(fd, 0, SEEK_CUR) == 7));
    printf("dup2 to 10: %d\n", dup2(fd, 10));
    printf("FD_CLOEXEC after dup2: %d\n", fcntl(10, F_GETFD) & FD_CLOEXEC);
    fcntl(10, F_SETFD, FD_CLOEXEC);
    printf("FD_CLOEXEC after F_SETFD: %d\n", fcntl(10, F_GETFD) & FD_CLOEXEC);
    failed |= show("ftruncate to 5", ftruncate(fd, 5)) < 0;
    print_stat("data.txt");
    close(10);
    expect_error("close twice", close(10));
    close(fd2);
    close(fd);
    fd = open("data.txt", O_RDONLY);
    expect_error("write to a read-only descriptor", write(fd, "x", 1));
    close(fd);
}

static void streams(void)
{
    FILE *f = fopen("lines.txt", "w");
    for (int i = 1; i <= 4; i++)
        fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fclose(f);
    f = fopen("lines.txt", "a");
    fputs("line 5: appended\n", f);
    fclose(f);
    f = fopen("lines.txt", "r");
    char line[64];
    while (fgets(line, sizeof line, f))
        printf("got %s", line);
    printf("ftell at end: %ld, feof: %s\n", ftell(f), yesno(feof(f)));
    fseek(f, 15, SEEK_SET);
    size_t n = fread(line, 1, 4, f);
    line[n] = 0;
    printf("fread after fseek(15): %zu [%s]\n", n, line);
    int ch = fgetc(f); /* before ftell: argument evaluation order is unspecified */
    printf("fgetc: %c, ftell: %ld\n", ch, ftell(f));
    fclose(f);
    printf("fopen missing file: %s\n", fopen("missing.txt", "r") ? "opened" : errname(errno));
}

static void names_and_links(void)
{
    failed |= show("chmod 0600", chmod("data.txt", 0600)) < 0;
    print_stat("data.txt");
    failed |= show("access R_OK|W_OK", access("data.txt", R_OK | W_OK)) < 0;
    expect_error("access missing", access("missing.txt", F_OK));
    failed |= show("rename", rename("data.txt", "renamed.txt")) < 0;
    print_stat("data.txt");
    print_stat("renamed.txt");
    failed |= show("link", link("renamed.txt", "hard.txt")) < 0;
    print_stat("hard.txt");
    failed |= show("symlink", symlink("renamed.txt", "soft.txt")) < 0;
    struct stat st;
    lstat("soft.txt", &st);
    printf("lstat soft.txt is a link: %s\n", yesno(S_ISLNK(st.st_mode)));
    char target[64] = { 0 };
    printf("readlink: %zd [%s]\n", readlink("soft.txt", target, sizeof target - 1), target);
    print_stat("soft.txt");
}

static void errors(void)
{
    expect_error("open missing", open("missing.txt", O_RDONLY));
    expect_error("open O_CREAT|O_EXCL existing", open("renamed.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    expect_error("open through a file", open("renamed.txt/x", O_RDONLY));
    expect_error("open a directory for writing", open(".", O_WRONLY));
    expect_error("unlink missing", unlink("missing.txt"));
}

int main(void)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/xeno-files-%d", (int)getpid());
    umask(022);
    if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
        printf("cannot make a work directory: %s\n", errname(errno));
        return 1;
    }
    raw_io();
    copy_range();
    descriptors();
    streams();
    names_and_links();
    errors();
    const char *files[] = { "renamed.txt", "hard.txt", "soft.txt", "lines.txt" };
    for (int i = 0; i < 4; i++)
        failed |= unlink(files[i]) < 0;
    failed |= chdir("/") < 0 || rmdir(dir) < 0;
    printf("cleanup: %s\n", failed ? "FAILED" : "done");
    return failed;
}
