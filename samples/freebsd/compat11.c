/* compat11.c — the FreeBSD 11 compatibility calls that binaries built
 * for FreeBSD 11 (and Go before 1.20 on an old kernel) make: the 32-bit
 * inode stat family, statfs with 88-byte names, getdirentries/getdents
 * with the old dirent records, mknod with a 32-bit dev_t. Each answer is
 * checked against the current call's answer for the same file. Layouts:
 * FreeBSD's sys/sys/stat.h, mount.h, dirent.h. Run it in an empty
 * directory. FreeBSD-only. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "names.h"
#include "syscall.h"

enum {
    F_MKNOD11 = 14, F_STAT11 = 188, F_FSTAT11 = 189, F_LSTAT11 = 190, F_GETDIRENTRIES11 = 196,
    F_GETDENTS11 = 272, F_STATFS11 = 396, F_FSTATFS11 = 397, F_FSTATAT11 = 493,
    F_LSEEK = 478, F_STATFS = 555,
};

struct ts { long sec, nsec; };
struct stat11 {
    uint32_t dev, ino;
    uint16_t mode, nlink;
    uint32_t uid, gid, rdev;
    struct ts atim, mtim, ctim;
    int64_t size, blocks;
    int32_t blksize;
    uint32_t flags, gen;
    int32_t lspare;
    struct ts birthtim;
};
_Static_assert(sizeof(struct stat11) == 120, "struct freebsd11_stat is 120 bytes");

struct statfs11 {
    uint32_t version, type;
    uint64_t flags, bsize, iosize, blocks, bfree;
    int64_t bavail;
    uint64_t files;
    int64_t ffree;
    uint64_t counters[4], spare[10];
    uint32_t namemax, owner;
    int32_t fsid[2];
    char charspare[80], fstypename[16], mntfromname[88], mntonname[88];
};
_Static_assert(sizeof(struct statfs11) == 472, "struct freebsd11_statfs is 472 bytes");

static int same_time(struct ts a, struct timespec b) { return a.sec == b.tv_sec && a.nsec == b.tv_nsec; }

static int agrees(const struct stat11 *o, const struct stat *n)
{
    return o->dev == (uint32_t)n->st_dev && o->ino == (uint32_t)n->st_ino && o->mode == n->st_mode &&
           o->nlink == (uint16_t)n->st_nlink && o->uid == n->st_uid && o->gid == n->st_gid &&
           o->rdev == (uint32_t)n->st_rdev && o->size == n->st_size && o->blocks == n->st_blocks &&
           o->blksize == n->st_blksize && o->flags == n->st_flags && o->gen == (uint32_t)n->st_gen &&
           same_time(o->atim, n->st_atim) && same_time(o->mtim, n->st_mtim) &&
           same_time(o->ctim, n->st_ctim) && same_time(o->birthtim, n->st_birthtim) && !o->lspare;
}

static const char *kind(uint16_t mode)
{
    return S_ISREG(mode) ? "regular" : S_ISDIR(mode) ? "directory" : S_ISLNK(mode) ? "symlink"
         : S_ISFIFO(mode) ? "fifo" : "other";
}

static void stats(void)
{
    struct stat11 o;
    struct stat n;
    int fd = open("f11", O_RDONLY);
    long r = __sys2(F_STAT11, "f11", &o);
    stat("f11", &n);
    printf("stat11 f11: %ld %s size %lld, agrees with fstatat: %s\n", r, kind(o.mode),
           (long long)o.size, yesno(agrees(&o, &n)));
    __sys2(F_LSTAT11, "l11", &o);
    lstat("l11", &n);
    printf("lstat11 l11: %s, agrees: %s\n", kind(o.mode), yesno(agrees(&o, &n)));
    __sys2(F_STAT11, "l11", &o);
    printf("stat11 l11: %s size %lld\n", kind(o.mode), (long long)o.size);
    __sys2(F_FSTAT11, fd, &o);
    fstat(fd, &n);
    printf("fstat11: %s, agrees with fstat: %s\n", kind(o.mode), yesno(agrees(&o, &n)));
    __sys4(F_FSTATAT11, AT_FDCWD, "l11", &o, AT_SYMLINK_NOFOLLOW);
    printf("fstatat11 nofollow: %s\n", kind(o.mode));
    int dfd = open("d11", O_RDONLY | O_DIRECTORY);
    __sys4(F_FSTATAT11, dfd, "bb", &o, 0);
    printf("fstatat11 in a directory: %s size %lld\n", kind(o.mode), (long long)o.size);
    printf("fstatat11 bad flag: %s\n", errname(-(int)__sys4(F_FSTATAT11, AT_FDCWD, "f11", &o, 1)));
    printf("stat11 missing: %s\n", errname(-(int)__sys2(F_STAT11, "nonexistent", &o)));
    close(dfd);
    close(fd);
}

static void statfses(void)
{
    struct statfs11 o;
    static char n[2344]; /* struct statfs: version 0, bsize 16, blocks 32, namemax 184,
                            fstypename 280, mntonname 1320 */
    __sys2(F_STATFS11, ".", &o);
    __sys2(F_STATFS, ".", n);
    int ok = o.bsize == *(uint64_t *)(n + 16) && o.blocks == *(uint64_t *)(n + 32) &&
             o.namemax == *(uint32_t *)(n + 184) && !strcmp(o.fstypename, n + 280) &&
             !strncmp(o.mntonname, n + 1320, 87);
    printf("statfs11: version %#x, agrees with statfs: %s\n", o.version, yesno(ok));
    int fd = open(".", O_RDONLY | O_DIRECTORY);
    memset(&o, 0, sizeof o);
    __sys2(F_FSTATFS11, fd, &o);
    printf("fstatfs11: version %#x, same file system type: %s\n", o.version,
           yesno(!strcmp(o.fstypename, n + 280)));
    close(fd);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Old records in BUF (N bytes): append names; 0 if one is malformed. */
static int parse(const char *buf, long n, int dfd, char **names, int *count)
{
    int ok = 1;
    for (long off = 0; off < n;) {
        uint32_t ino;
        uint16_t reclen;
        memcpy(&ino, buf + off, 4);
        memcpy(&reclen, buf + off + 4, 2);
        unsigned type = (unsigned char)buf[off + 6], namlen = (unsigned char)buf[off + 7];
        const char *name = buf + off + 8;
        struct stat st;
        fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW);
        ok &= reclen == 8 + ((namlen + 1 + 3) & ~3u) && strlen(name) == namlen &&
              ino == (uint32_t)st.st_ino && type == (S_ISDIR(st.st_mode) ? 4u : 8u);
        names[(*count)++] = strdup(name);
        off += reclen ? reclen : n;
    }
    return ok;
}

static void list(const char *what, long nr, int dfd, size_t chunk)
{
    char buf[4096], *names[16];
    int count = 0, ok = 1;
    long base = -1, n;
    __sys3(F_LSEEK, dfd, 0, 0);
    while (count < 12 && (n = nr == F_GETDENTS11 ? __sys3(nr, dfd, buf, chunk)
                                               : __sys4(nr, dfd, buf, chunk, &base)) > 0)
        ok &= parse(buf, n, dfd, names, &count);
    qsort(names, (size_t)count, sizeof names[0], cmp);
    printf("%s:", what);
    for (int i = 0; i < count; i++)
        printf(" %s", names[i]);
    printf("; records well formed, fileno = low 32 bits of st_ino, d_type right: %s\n", yesno(ok));
}

static void dirs(void)
{
    int dfd = open("d11", O_RDONLY | O_DIRECTORY);
    long base = -1;
    char buf[4096];
    list("getdirentries11", F_GETDIRENTRIES11, dfd, sizeof buf);
    list("getdirentries11 in 24-byte calls", F_GETDIRENTRIES11, dfd, 24);
    list("getdents11", F_GETDENTS11, dfd, sizeof buf);
    __sys3(F_LSEEK, dfd, 0, 0);
    __sys4(F_GETDIRENTRIES11, dfd, buf, sizeof buf, &base);
    printf("getdirentries11 base of the first call: %ld\n", base);
    __sys3(F_LSEEK, dfd, 0, 0);
    printf("getdirentries11 with room for nothing: %s\n",
           errname(-(int)__sys4(F_GETDIRENTRIES11, dfd, buf, 8, &base)));
    close(dfd);
}

int main(void)
{
    int fd = open("f11", O_WRONLY | O_CREAT, 0644);
    char data[123];
    memset(data, 'x', sizeof data);
    write(fd, data, sizeof data);
    close(fd);
    symlink("f11", "l11");
    mkdir("d11", 0755);
    const char *files[] = { "d11/a", "d11/bb", "d11/ccc" };
    for (int i = 0; i < 3; i++)
        close(open(files[i], O_WRONLY | O_CREAT, 0644));
    stats();
    statfses();
    dirs();
    struct stat11 o;
    long r = __sys3(F_MKNOD11, "fifo11", S_IFIFO | 0600, 0);
    __sys2(F_STAT11, "fifo11", &o);
    printf("mknod11 fifo: %ld %s\n", r, kind(o.mode));
    return 0;
}
