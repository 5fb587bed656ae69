/* hostile_fs.c — bad pointers and absurd sizes handed to the file calls:
 * read/write buffers, iovecs, paths, stat/fstatat/getdirentries/statfs
 * output (current and FreeBSD 11 layouts), readlink, __getcwd, pipe2.
 * Every one must fail the way FreeBSD fails (EFAULT, EINVAL,
 * ENAMETOOLONG), never crash xeno. Run it in an empty directory.
 * FreeBSD-only. */
#include <fcntl.h>
#include <unistd.h>

#include "hostile.h"

enum {
    F_READ = 3, F_WRITE = 4, F_OPEN = 5, F_UNLINK = 10, F_CHDIR = 12, F_ACCESS = 33,
    F_SYMLINK = 57, F_READLINK = 58, F_READV = 120, F_WRITEV = 121, F_RENAME = 128,
    F_MKDIR = 136, F_STAT11 = 188, F_FSTAT11 = 189, F_GETDIRENTRIES11 = 196,
    F_GETCWD = 326, F_PREAD = 475, F_OPENAT = 499, F_PIPE2 = 542, F_UTIMENSAT = 547,
    F_FSTAT = 551, F_FSTATAT = 552, F_GETDIRENTRIES = 554, F_STATFS = 555, F_FSTATFS = 556,
};

struct iov { void *base; size_t len; };

/* FD is a regular file of 64 bytes (FreeBSD clamps counts for devices). */
static void rw(int fd, int wfd)
{
    int zfd = fd;
    __sys3(478 /* lseek */, fd, 0, 0);
    out("read-null", __sys3(F_READ, zfd, 0, 16));
    out("read-unmapped", __sys3(F_READ, zfd, bad.unmapped, 16));
    out("read-kernel", __sys3(F_READ, zfd, bad.kernel, 16));
    out("read-noncanon", __sys3(F_READ, zfd, bad.noncanon, 16));
    out("read-edge", __sys3(F_READ, zfd, bad.edge, 16));
    __sys3(478 /* lseek */, fd, 0, 0);
    out("read-edge-hugelen", __sys3(F_READ, zfd, bad.edge, 1l << 40));
    __sys3(478 /* lseek */, fd, 0, 0);
    out("read-misaligned", __sys3(F_READ, zfd, bad.odd, 16));
    out("read-len-max", __sys3(F_READ, zfd, bad.page, -1l));
    out("pread-null", __sys4(F_PREAD, zfd, 0, 16, 0));
    out("pread-edge", __sys4(F_PREAD, zfd, bad.edge, 16, 0));
    out("pread-negative-offset", __sys4(F_PREAD, zfd, bad.page, 16, -5));
    out("write-null", __sys3(F_WRITE, wfd, 0, 16));
    out("write-unmapped", __sys3(F_WRITE, wfd, bad.unmapped, 16));
    out("write-kernel", __sys3(F_WRITE, wfd, bad.kernel, 16));
    out("write-edge", __sys3(F_WRITE, wfd, bad.edge, 16));
    out("write-misaligned", __sys3(F_WRITE, wfd, bad.odd, 16));
    out("write-len-max", __sys3(F_WRITE, wfd, bad.page, -1l));
    out("write-file-edge", __sys3(F_WRITE, fd, bad.edge, 16));
}

static void vectors(int zfd, int wfd)
{
    struct iov *v = (struct iov *)bad.page;
    out("readv-null-array", __sys3(F_READV, zfd, 0, 1));
    out("readv-kernel-array", __sys3(F_READV, zfd, bad.kernel, 1));
    out("readv-count-1025", __sys3(F_READV, zfd, v, 1025));
    out("readv-count-negative", __sys3(F_READV, zfd, v, -1));
    v[0].base = 0, v[0].len = 16;
    out("readv-null-base", __sys3(F_READV, zfd, v, 1));
    v[0].base = bad.kernel;
    out("writev-kernel-base", __sys3(F_WRITEV, wfd, v, 1));
    v[0].base = bad.page, v[0].len = 1, v[1].base = bad.page, v[1].len = -1ul;
    out("writev-len-overflow", __sys3(F_WRITEV, wfd, v, 2));
    out("readv-array-edge", __sys3(F_READV, zfd, bad.edge, 1));
}

static void paths(void)
{
    memset(bad.edge, 'a', 8);
    out("open-null", __sys3(F_OPEN, 0, O_RDONLY, 0));
    out("open-unmapped", __sys3(F_OPEN, bad.unmapped, O_RDONLY, 0));
    out("open-kernel", __sys3(F_OPEN, bad.kernel, O_RDONLY, 0));
    out("open-edge", __sys3(F_OPEN, bad.edge, O_RDONLY, 0));
    out("open-no-nul", __sys3(F_OPEN, bad.nonul, O_RDONLY, 0));
    out("openat-null", __sys4(F_OPENAT, AT_FDCWD, 0, O_RDONLY, 0));
    out("mkdir-null", __sys2(F_MKDIR, 0, 0755));
    out("unlink-kernel", __sys1(F_UNLINK, bad.kernel));
    out("rename-to-null", __sys2(F_RENAME, ".", 0));
    out("access-null", __sys2(F_ACCESS, 0, 0));
    out("chdir-unmapped", __sys1(F_CHDIR, bad.unmapped));
    out("symlink-null-target", __sys2(F_SYMLINK, 0, "link"));
    out("utimensat-kernel-times", __sys4(F_UTIMENSAT, AT_FDCWD, ".", bad.kernel, 0));
    memset(bad.edge, 0, 8);
}

static void stats(int zfd, int dfd)
{
    out("fstat-null", __sys2(F_FSTAT, zfd, 0));
    out("fstat-unmapped", __sys2(F_FSTAT, zfd, bad.unmapped));
    out("fstat-kernel", __sys2(F_FSTAT, zfd, bad.kernel));
    out("fstat-edge", __sys2(F_FSTAT, zfd, bad.edge));
    out("fstat-misaligned", __sys2(F_FSTAT, zfd, bad.odd));
    out("fstatat-null-buf", __sys4(F_FSTATAT, AT_FDCWD, ".", 0, 0));
    out("fstatat-null-path", __sys4(F_FSTATAT, AT_FDCWD, 0, bad.page, 0));
    out("fstatat-edge", __sys4(F_FSTATAT, AT_FDCWD, ".", bad.edge, 0));
    out("statfs-null", __sys2(F_STATFS, ".", 0));
    out("fstatfs-kernel", __sys2(F_FSTATFS, zfd, bad.kernel));
    out("fstatfs-edge", __sys2(F_FSTATFS, zfd, bad.edge));
    out("stat11-null", __sys2(F_STAT11, ".", 0));
    out("fstat11-edge", __sys2(F_FSTAT11, zfd, bad.edge));
    long base = 0;
    out("getdirentries-null", __sys4(F_GETDIRENTRIES, dfd, 0, 4096, &base));
    long n = __sys4(F_GETDIRENTRIES, dfd, bad.page, 4096, &base);
    printf("getdirentries-after-efault %s\n", n > 0 ? "entries" : "none");
    out("getdirentries-kernel-basep-at-end", __sys4(F_GETDIRENTRIES, dfd, bad.page, 4096, bad.kernel));
    __sys3(478 /* lseek */, dfd, 0, 0);
    out("getdirentries-edge-hugelen", __sys4(F_GETDIRENTRIES, dfd, bad.edge, 1l << 40, 0));
    out("getdirentries11-null", __sys4(F_GETDIRENTRIES11, dfd, 0, 4096, 0));
    n = __sys4(F_GETDIRENTRIES11, dfd, bad.page, 4096, bad.odd);
    printf("getdirentries11-after-efault %s\n", n > 0 ? "entries" : "none");
}

static void names(void)
{
    out("readlink-null-buf", __sys3(F_READLINK, "link", 0, 100));
    out("readlink-null-path", __sys3(F_READLINK, 0, bad.page, 100));
    out("getcwd-null", __sys2(F_GETCWD, 0, 1024));
    out("getcwd-kernel", __sys2(F_GETCWD, bad.kernel, 1024));
    out("getcwd-edge", __sys2(F_GETCWD, bad.edge, 1024));
}

/* ioctl copies in before the request (IOC_IN) and out after it (IOC_OUT);
 * fcntl's locks are struct flock in guest memory. */
static void controls(int fd, int rfd)
{
    out("ioctl-fionbio-kernel", __sys3(54, rfd, 0x8004667e /* FIONBIO */, bad.kernel));
    out("ioctl-fionread-kernel", __sys3(54, rfd, 0x4004667f /* FIONREAD */, bad.kernel));
    out("ioctl-tiocgeta-not-a-tty", __sys3(54, fd, 0x402c7413 /* TIOCGETA */, bad.kernel));
    out("fcntl-getlk-kernel", __sys3(92, fd, 11 /* F_GETLK */, bad.kernel));
    out("fcntl-setlk-edge", __sys3(92, fd, 12 /* F_SETLK */, bad.edge));
}

static void pipes(void)
{
    long before = __sys1(41 /* dup */, 0);
    __sys1(6, before);
    out("pipe2-null", __sys2(F_PIPE2, 0, 0));
    out("pipe2-kernel", __sys2(F_PIPE2, bad.kernel, 0));
    out("pipe2-edge", __sys2(F_PIPE2, bad.edge + 4, 0));
    out("pipe2-bad-flags", __sys2(F_PIPE2, bad.page, 0x1));
    long after = __sys1(41, 0);
    __sys1(6, after);
    printf("pipe2-no-fd-leak %s\n", before == after ? "ok" : "LEAK");
}

int main(void)
{
    hostile_setup();
    int zfd = (int)__sys3(F_OPEN, "data", O_RDWR | O_CREAT, 0644);
    __sys3(F_WRITE, zfd, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 64);
    int p[2];
    __sys2(F_PIPE2, p, 0);
    __sys2(F_SYMLINK, "target", "link");
    int dfd = (int)__sys3(F_OPEN, ".", O_RDONLY | O_DIRECTORY, 0);
    rw(zfd, p[1]);
    vectors(zfd, p[1]);
    paths();
    stats(zfd, dfd);
    names();
    controls(zfd, p[0]);
    pipes();
    __sys1(F_UNLINK, "link");
    __sys1(F_UNLINK, "data");
    printf("survived\n");
    return 0;
}
