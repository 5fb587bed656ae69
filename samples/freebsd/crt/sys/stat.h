/* sys/stat.h — FreeBSD 12+ struct stat (224 bytes, 64-bit inodes) and
 * the file mode bits (same values as Linux). */
#ifndef CRT_SYS_STAT_H
#define CRT_SYS_STAT_H
#include <sys/types.h>
#include <time.h>

struct stat {
    dev_t st_dev;                   /* 0 */
    ino_t st_ino;                   /* 8 */
    nlink_t st_nlink;               /* 16 */
    mode_t st_mode;                 /* 24 */
    int16_t st_padding0;            /* 26 */
    uid_t st_uid;                   /* 28 */
    gid_t st_gid;                   /* 32 */
    int32_t st_padding1;            /* 36 */
    dev_t st_rdev;                  /* 40 */
    struct timespec st_atim;        /* 48 */
    struct timespec st_mtim;        /* 64 */
    struct timespec st_ctim;        /* 80 */
    struct timespec st_birthtim;    /* 96 */
    off_t st_size;                  /* 112 */
    blkcnt_t st_blocks;             /* 120 */
    blksize_t st_blksize;           /* 128 */
    fflags_t st_flags;              /* 132 */
    uint64_t st_gen;                /* 136 */
    uint64_t st_spare[10];          /* 144 .. 224 */
};
_Static_assert(sizeof(struct stat) == 224, "FreeBSD struct stat is 224 bytes");

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFLNK 0120000
#define S_IFSOCK 0140000
#define S_ISUID 0004000
#define S_ISGID 0002000
#define S_ISVTX 0001000
#define S_IRWXU 0000700
#define S_IRUSR 0000400
#define S_IWUSR 0000200
#define S_IXUSR 0000100
#define S_IRWXG 0000070
#define S_IRGRP 0000040
#define S_IWGRP 0000020
#define S_IXGRP 0000010
#define S_IRWXO 0000007
#define S_IROTH 0000004
#define S_IWOTH 0000002
#define S_IXOTH 0000001
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);

#endif
