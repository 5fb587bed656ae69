/* stat11.c — results in the FreeBSD 11 (32-bit inode) shapes the COMPAT11
 * calls return: struct freebsd11_stat and freebsd11_statfs made from the
 * current FreeBSD structures the way FreeBSD's own compat code does, and
 * struct freebsd11_dirent records made from getdents64 records. Layouts
 * and sources: fbsd_compat11.h. */
#include <string.h>

#include "fbsd_compat11.h"

void fbsd11_stat_from_stat(const struct fbsd_stat *s, struct fbsd11_stat *o)
{
    memset(o, 0, sizeof *o);
    o->st_dev = (uint32_t)s->st_dev;
    o->st_ino = (uint32_t)s->st_ino;
    o->st_mode = s->st_mode;
    o->st_nlink = (uint16_t)s->st_nlink;
    o->st_uid = s->st_uid;
    o->st_gid = s->st_gid;
    o->st_rdev = (uint32_t)s->st_rdev;
    o->st_atim = s->st_atim;
    o->st_mtim = s->st_mtim;
    o->st_ctim = s->st_ctim;
    o->st_size = s->st_size;
    o->st_blocks = s->st_blocks;
    o->st_blksize = s->st_blksize;
    o->st_flags = s->st_flags;
    o->st_gen = (uint32_t)s->st_gen;
    o->st_birthtim = s->st_birthtim;
}

static void copy_name(char *dst, size_t n, const char *src)
{
    size_t l = strnlen(src, n - 1);
    memcpy(dst, src, l);
    dst[l] = '\0';
}

void fbsd11_statfs_from_statfs(const struct fbsd_statfs *s, struct fbsd11_statfs *o)
{
    memset(o, 0, sizeof *o);
    o->f_version = FBSD11_STATFS_VERSION;
    o->f_type = s->f_type;
    o->f_flags = s->f_flags;
    o->f_bsize = s->f_bsize;
    o->f_iosize = s->f_iosize;
    o->f_blocks = s->f_blocks;
    o->f_bfree = s->f_bfree;
    o->f_bavail = s->f_bavail;
    o->f_files = s->f_files;
    o->f_ffree = s->f_ffree;
    o->f_syncwrites = s->f_syncwrites;
    o->f_asyncwrites = s->f_asyncwrites;
    o->f_syncreads = s->f_syncreads;
    o->f_asyncreads = s->f_asyncreads;
    o->f_namemax = s->f_namemax;
    o->f_owner = s->f_owner;
    memcpy(o->f_fsid, s->f_fsid, sizeof o->f_fsid);
    copy_name(o->f_fstypename, sizeof o->f_fstypename, s->f_fstypename);
    copy_name(o->f_mntfromname, sizeof o->f_mntfromname, s->f_mntfromname);
    copy_name(o->f_mntonname, sizeof o->f_mntonname, s->f_mntonname);
}

/* struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, name */
#define LD_OFF 8
#define LD_RECLEN 16
#define LD_TYPE 18
#define LD_NAME 19

static size_t put_dirent11(const unsigned char *l, size_t namlen, unsigned char *o)
{
    uint64_t ino;
    uint32_t ino32;
    uint16_t rec = (uint16_t)FBSD11_DIRENT_RECLEN(namlen);
    memcpy(&ino, l, sizeof ino);
    ino32 = (uint32_t)ino; /* truncated, as vfs.ino64_trunc_error=0 does */
    memcpy(o, &ino32, 4);
    memcpy(o + 4, &rec, 2);
    o[6] = l[LD_TYPE]; /* DT_* values agree */
    o[7] = (unsigned char)namlen;
    memcpy(o + FBSD11_DIRENT_HDR, l + LD_NAME, namlen);
    memset(o + FBSD11_DIRENT_HDR + namlen, 0, rec - FBSD11_DIRENT_HDR - namlen);
    return rec;
}

size_t fbsd11_dirents_from_linux(const void *lbuf, size_t llen, void *out, size_t cap,
                                 size_t *consumed, int64_t *resume)
{
    const unsigned char *l = lbuf;
    size_t lpos = 0, opos = 0;
    while (llen - lpos > LD_NAME) {
        uint16_t lrec;
        memcpy(&lrec, l + lpos + LD_RECLEN, sizeof lrec);
        if (lrec <= LD_NAME || lrec > llen - lpos)
            break; /* malformed: stop here */
        size_t namlen = strnlen((const char *)l + lpos + LD_NAME, lrec - LD_NAME);
        if (namlen <= FBSD_MAXNAMLEN) {
            if (FBSD11_DIRENT_RECLEN(namlen) > cap - opos)
                break;
            opos += put_dirent11(l + lpos, namlen, (unsigned char *)out + opos);
        }
        memcpy(resume, l + lpos + LD_OFF, sizeof *resume);
        lpos += lrec;
    }
    *consumed = lpos;
    return opos;
}
