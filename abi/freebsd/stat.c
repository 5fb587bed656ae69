/* stat.c — Linux stat/statx/statfs/getdents64 results in FreeBSD's shapes:
 * struct stat (FreeBSD 12+, 224 bytes), device numbers in FreeBSD 12+
 * makedev encoding (sys/sys/types.h), struct statfs (sys/sys/mount.h) and
 * struct dirent records (sys/sys/dirent.h) for getdirentries. */
#include <linux/magic.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "fbsd_abi.h"

/* ------------------------------------------------------------ devices */

uint64_t fbsd_makedev(uint32_t major, uint32_t minor)
{
    return ((uint64_t)(major & 0xffffff00u) << 32) | ((major & 0xffu) << 8) |
           ((uint64_t)(minor & 0xff00u) << 24) | (minor & 0xffff00ffu);
}

uint64_t fbsd_dev_from_linux(uint64_t ldev)
{
    return fbsd_makedev(major(ldev), minor(ldev));
}

uint64_t fbsd_dev_to_linux(uint64_t fdev)
{
    uint32_t maj = (uint32_t)(((fdev >> 32) & 0xffffff00u) | ((fdev >> 8) & 0xffu));
    uint32_t min = (uint32_t)(((fdev >> 24) & 0xff00u) | (fdev & 0xffff00ffu));
    return makedev(maj, min);
}

/* ------------------------------------------------------------ stat */

static struct fbsd_timespec ts(int64_t sec, int64_t nsec)
{
    struct fbsd_timespec t = {sec, nsec};
    return t;
}

/* FreeBSD reports {-1, 0} when a file system keeps no birth time. */
#define NO_BIRTHTIME ts(-1, 0)

void fbsd_stat_from_linux(const struct stat *l, struct fbsd_stat *f)
{
    memset(f, 0, sizeof *f);
    f->st_dev = fbsd_dev_from_linux(l->st_dev);
    f->st_ino = l->st_ino;
    f->st_nlink = l->st_nlink;
    f->st_mode = (uint16_t)l->st_mode; /* S_IF* and permission bits agree */
    f->st_uid = l->st_uid;
    f->st_gid = l->st_gid;
    f->st_rdev = fbsd_dev_from_linux(l->st_rdev);
    f->st_atim = ts(l->st_atim.tv_sec, l->st_atim.tv_nsec);
    f->st_mtim = ts(l->st_mtim.tv_sec, l->st_mtim.tv_nsec);
    f->st_ctim = ts(l->st_ctim.tv_sec, l->st_ctim.tv_nsec);
    f->st_birthtim = NO_BIRTHTIME;
    f->st_size = l->st_size;
    f->st_blocks = l->st_blocks; /* 512-byte units on both */
    f->st_blksize = (int32_t)l->st_blksize;
}

void fbsd_stat_from_statx(const struct statx *l, struct fbsd_stat *f)
{
    memset(f, 0, sizeof *f);
    f->st_dev = fbsd_makedev(l->stx_dev_major, l->stx_dev_minor);
    f->st_ino = l->stx_ino;
    f->st_nlink = l->stx_nlink;
    f->st_mode = l->stx_mode;
    f->st_uid = l->stx_uid;
    f->st_gid = l->stx_gid;
    f->st_rdev = fbsd_makedev(l->stx_rdev_major, l->stx_rdev_minor);
    f->st_atim = ts(l->stx_atime.tv_sec, l->stx_atime.tv_nsec);
    f->st_mtim = ts(l->stx_mtime.tv_sec, l->stx_mtime.tv_nsec);
    f->st_ctim = ts(l->stx_ctime.tv_sec, l->stx_ctime.tv_nsec);
    f->st_birthtim = (l->stx_mask & STATX_BTIME)
                         ? ts(l->stx_btime.tv_sec, l->stx_btime.tv_nsec)
                         : NO_BIRTHTIME;
    f->st_size = (int64_t)l->stx_size;
    f->st_blocks = (int64_t)l->stx_blocks;
    f->st_blksize = (int32_t)l->stx_blksize;
}

/* ------------------------------------------------------------ statfs */

#define ZFS_SUPER_MAGIC 0x2fc12fc1 /* not in linux/magic.h */

/* Linux f_type magic -> FreeBSD f_fstypename, and whether FreeBSD would
 * call it MNT_LOCAL. Linux file systems with a FreeBSD counterpart take the
 * FreeBSD name (ext4 -> ext2fs, devpts -> devfs, overlay -> unionfs). */
static const struct {
    uint64_t magic;
    const char *name;
    int local;
} fstypes[] = {
    {EXT4_SUPER_MAGIC, "ext2fs", 1},    {TMPFS_MAGIC, "tmpfs", 1},
    {RAMFS_MAGIC, "tmpfs", 1},          {HUGETLBFS_MAGIC, "tmpfs", 1},
    {PROC_SUPER_MAGIC, "procfs", 1},    {SYSFS_MAGIC, "linsysfs", 1},
    {DEVPTS_SUPER_MAGIC, "devfs", 1},   {XFS_SUPER_MAGIC, "xfs", 1},
    {BTRFS_SUPER_MAGIC, "btrfs", 1},    {ZFS_SUPER_MAGIC, "zfs", 1},
    {F2FS_SUPER_MAGIC, "f2fs", 1},      {OVERLAYFS_SUPER_MAGIC, "unionfs", 1},
    {MSDOS_SUPER_MAGIC, "msdosfs", 1},  {EXFAT_SUPER_MAGIC, "exfat", 1},
    {ISOFS_SUPER_MAGIC, "cd9660", 1},   {SQUASHFS_MAGIC, "squashfs", 1},
    {NFS_SUPER_MAGIC, "nfs", 0},        {CIFS_SUPER_MAGIC, "smbfs", 0},
    {SMB2_SUPER_MAGIC, "smbfs", 0},     {FUSE_SUPER_MAGIC, "fusefs", 0},
    {CGROUP_SUPER_MAGIC, "cgroup", 1},  {CGROUP2_SUPER_MAGIC, "cgroup2", 1},
    {AUTOFS_SUPER_MAGIC, "autofs", 1},
};

static int fstype_index(uint64_t magic)
{
    for (size_t i = 0; i < sizeof fstypes / sizeof fstypes[0]; i++)
        if (fstypes[i].magic == magic)
            return (int)i;
    return -1;
}

const char *fbsd_fstypename(uint64_t linux_magic)
{
    int i = fstype_index(linux_magic);
    return i < 0 ? "unknown" : fstypes[i].name;
}

static void copy_name(char *dst, size_t n, const char *src)
{
    size_t l = src ? strnlen(src, n - 1) : 0;
    memcpy(dst, src ? src : "", l);
    dst[l] = '\0';
}

void fbsd_statfs_from_linux(const struct statfs *l, const char *mntfrom, const char *mnton,
                            struct fbsd_statfs *f)
{
    uint64_t magic = (uint64_t)(uint32_t)l->f_type;
    int i = fstype_index(magic);
    memset(f, 0, sizeof *f);
    f->f_version = FBSD_STATFS_VERSION;
    f->f_type = 0; /* FreeBSD's vfsconf type numbers have no Linux source */
    f->f_flags = fbsd_flags_from_linux(fbsd_mnt_flags, (uint64_t)l->f_flags, NULL);
    if (i >= 0 && fstypes[i].local)
        f->f_flags |= FBSD_MNT_LOCAL;
    f->f_bsize = l->f_frsize ? (uint64_t)l->f_frsize : (uint64_t)l->f_bsize;
    f->f_iosize = (uint64_t)l->f_bsize;
    f->f_blocks = l->f_blocks;
    f->f_bfree = l->f_bfree;
    f->f_bavail = (int64_t)l->f_bavail;
    f->f_files = l->f_files;
    f->f_ffree = (int64_t)l->f_ffree;
    f->f_namemax = (uint32_t)l->f_namelen;
    memcpy(f->f_fsid, &l->f_fsid, sizeof f->f_fsid);
    copy_name(f->f_fstypename, sizeof f->f_fstypename, fbsd_fstypename(magic));
    copy_name(f->f_mntfromname, sizeof f->f_mntfromname, mntfrom);
    copy_name(f->f_mntonname, sizeof f->f_mntonname, mnton);
}

/* ------------------------------------------------------------ dirents */

/* struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, name */
#define LD_OFF 8
#define LD_RECLEN 16
#define LD_TYPE 18
#define LD_NAME 19
#define FD_HDR offsetof(struct fbsd_dirent, d_name)

/* Writes one FreeBSD record for the Linux record at l; returns its length. */
static size_t put_dirent(const unsigned char *l, size_t namlen, unsigned char *out)
{
    struct fbsd_dirent d;
    size_t rec = FBSD_DIRENT_RECLEN(namlen);
    memset(&d, 0, FD_HDR);
    memcpy(&d.d_ino, l, sizeof d.d_ino);
    memcpy(&d.d_off, l + LD_OFF, sizeof d.d_off);
    d.d_reclen = (uint16_t)rec;
    d.d_type = l[LD_TYPE]; /* DT_* values agree */
    d.d_namlen = (uint16_t)namlen;
    memcpy(out, &d, FD_HDR);
    memcpy(out + FD_HDR, l + LD_NAME, namlen);
    memset(out + FD_HDR + namlen, 0, rec - FD_HDR - namlen);
    return rec;
}

size_t fbsd_dirents_from_linux(const void *lbuf, size_t llen, void *fbuf, size_t fcap,
                               size_t *consumed, int64_t *resume)
{
    const unsigned char *l = lbuf;
    unsigned char *out = fbuf;
    size_t lpos = 0, fpos = 0;
    while (llen - lpos > LD_NAME) {
        uint16_t lrec;
        memcpy(&lrec, l + lpos + LD_RECLEN, sizeof lrec);
        if (lrec <= LD_NAME || lrec > llen - lpos)
            break; /* malformed: stop here */
        size_t namlen = strnlen((const char *)l + lpos + LD_NAME, lrec - LD_NAME);
        if (namlen > FBSD_MAXNAMLEN)
            namlen = FBSD_MAXNAMLEN;
        if (FBSD_DIRENT_RECLEN(namlen) > fcap - fpos)
            break;
        fpos += put_dirent(l + lpos, namlen, out + fpos);
        memcpy(resume, l + lpos + LD_OFF, sizeof *resume);
        lpos += lrec;
    }
    *consumed = lpos;
    return fpos;
}
