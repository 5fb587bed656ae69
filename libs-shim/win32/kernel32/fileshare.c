/* fileshare.c — what Windows enforces between the opens of one file and
 * Linux does not: share modes (an open that asks for read, write or
 * delete access fails with ERROR_SHARING_VIOLATION when another open of
 * the same file does not share that access, or holds access the new one
 * does not share), and byte-range locks (LockFile/LockFileEx/UnlockFile:
 * exclusive locks keep other handles from reading and writing the range,
 * shared locks keep everyone from writing it). Records are kept per
 * (device, inode) for the opens of this process; other processes are
 * not seen (an OFD lock is also taken so cooperating host programs see
 * the locks). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "k32.h"
#include "fileobj.h"

#define DATA_R (FILE_READ_DATA | FILE_EXECUTE)
#define DATA_W (FILE_WRITE_DATA | FILE_APPEND_DATA)
#define DATA_ANY (DATA_R | DATA_W | K32_DELETE)

struct k32_lock {
    struct w32_file *owner;
    uint64_t off, len;
    int excl;
    struct k32_lock *next;
};

struct opener {
    struct w32_file *f;
    struct opener *next;
};

struct k32_inode {
    dev_t dev;
    ino_t ino;
    struct opener *opens;
    struct k32_lock *locks;
    struct k32_inode *next;
};

static struct k32_inode *inodes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int conflicts(DWORD r1, DWORD s1, DWORD r2, DWORD s2)
{
    if (!(r1 & DATA_ANY) || !(r2 & DATA_ANY))
        return 0;
    return ((r2 & DATA_R) && !(s1 & FILE_SHARE_READ)) || ((r2 & DATA_W) && !(s1 & FILE_SHARE_WRITE)) ||
           ((r2 & K32_DELETE) && !(s1 & FILE_SHARE_DELETE)) ||
           ((r1 & DATA_R) && !(s2 & FILE_SHARE_READ)) || ((r1 & DATA_W) && !(s2 & FILE_SHARE_WRITE)) ||
           ((r1 & K32_DELETE) && !(s2 & FILE_SHARE_DELETE));
}

/* Lock held. The record of (DEV, INO), created if CREATE. */
static struct k32_inode *find(dev_t dev, ino_t ino, int create)
{
    for (struct k32_inode *n = inodes; n; n = n->next)
        if (n->dev == dev && n->ino == ino)
            return n;
    if (!create)
        return NULL;
    struct k32_inode *n = calloc(1, sizeof *n);
    if (n) {
        n->dev = dev, n->ino = ino;
        n->next = inodes;
        inodes = n;
    }
    return n;
}

static void drop_if_unused(struct k32_inode *n)
{
    if (n->opens || n->locks)
        return;
    for (struct k32_inode **pp = &inodes; *pp; pp = &(*pp)->next)
        if (*pp == n) {
            *pp = n->next;
            free(n);
            return;
        }
}

static int clash(struct k32_inode *n, DWORD rights, DWORD share)
{
    for (struct opener *o = n ? n->opens : NULL; o; o = o->next)
        if (conflicts(o->f->rights, o->f->share, rights, share))
            return 1;
    return 0;
}

DWORD k32_share_check(const char *host, DWORD rights, DWORD share)
{
    struct stat st;
    if (stat(host, &st) < 0)
        return 0;
    pthread_mutex_lock(&lock);
    int c = clash(find(st.st_dev, st.st_ino, 0), rights, share);
    pthread_mutex_unlock(&lock);
    return c ? ERROR_SHARING_VIOLATION : 0;
}

DWORD k32_share_open(struct w32_file *f, const char *host)
{
    struct stat st;
    if ((f->fd >= 0 ? fstat(f->fd, &st) : stat(host, &st)) < 0)
        return 0;
    pthread_mutex_lock(&lock);
    struct k32_inode *n = find(st.st_dev, st.st_ino, 1);
    DWORD e = 0;
    struct opener *o = n ? malloc(sizeof *o) : NULL;
    if (!o) {
        e = ERROR_NOT_ENOUGH_MEMORY;
    } else if (clash(n, f->rights, f->share)) {
        free(o);
        e = ERROR_SHARING_VIOLATION;
    } else {
        o->f = f;
        o->next = n->opens;
        n->opens = o;
        f->ino = n;
    }
    if (e && n)
        drop_if_unused(n);
    pthread_mutex_unlock(&lock);
    return e;
}

void k32_share_close(struct w32_file *f)
{
    struct k32_inode *n = f->ino;
    if (!n)
        return;
    pthread_mutex_lock(&lock);
    for (struct opener **pp = &n->opens; *pp; pp = &(*pp)->next)
        if ((*pp)->f == f) {
            struct opener *o = *pp;
            *pp = o->next;
            free(o);
            break;
        }
    int released = 0;
    for (struct k32_lock **pp = &n->locks; *pp;) {
        if ((*pp)->owner == f) {
            struct k32_lock *l = *pp;
            *pp = l->next;
            free(l);
            released = 1;
        } else {
            pp = &(*pp)->next;
        }
    }
    f->ino = NULL;
    drop_if_unused(n);
    pthread_mutex_unlock(&lock);
    if (released) {
        pthread_mutex_lock(&w32_wait_lock);
        w32_wait_broadcast();
        pthread_mutex_unlock(&w32_wait_lock);
    }
}

/* ---- byte-range locks ---- */
static int overlap(const struct k32_lock *l, uint64_t off, uint64_t len)
{
    return len && l->len && off < l->off + l->len && l->off < off + len;
}

int k32_lock_any(const struct w32_file *f)
{
    return f->ino && __atomic_load_n(&f->ino->locks, __ATOMIC_ACQUIRE) != NULL;
}

int k32_lock_allows(struct w32_file *f, uint64_t off, uint64_t n, int write)
{
    struct k32_inode *ino = f->ino;
    if (!ino)
        return 1;
    int ok = 1;
    pthread_mutex_lock(&lock);
    for (struct k32_lock *l = ino->locks; l && ok; l = l->next)
        if (overlap(l, off, n) && ((l->excl && l->owner != f) || (!l->excl && write)))
            ok = 0;
    pthread_mutex_unlock(&lock);
    return ok;
}

/* Lock held: can F take [OFF, OFF+LEN) (exclusively if EXCL)? */
static int grantable(struct k32_inode *n, struct w32_file *f, uint64_t off, uint64_t len, int excl)
{
    for (struct k32_lock *l = n->locks; l; l = l->next)
        if (overlap(l, off, len) && (excl || (l->excl && l->owner != f)))
            return 0;
    return 1;
}

/* The inode record of F, made for handles opened without one. */
static struct k32_inode *inode_of(struct w32_file *f)
{
    if (f->ino)
        return f->ino;
    k32_share_open(f, f->host_path);
    return f->ino;
}

static void ofd_lock(struct w32_file *f, uint64_t off, uint64_t len, int type)
{
    struct flock fl = { .l_type = (short)type, .l_whence = SEEK_SET, .l_start = (off_t)off,
                        .l_len = (off_t)len };
    fcntl(f->fd, F_OFD_SETLK, &fl); /* advisory, best effort */
}

/* Returns 0 or a Win32 error. WAIT: sleep until the range is free. */
DWORD k32_lock_range(struct w32_file *f, uint64_t off, uint64_t len, int excl, int wait)
{
    struct k32_inode *n = inode_of(f);
    if (!n)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (;;) {
        pthread_mutex_lock(&lock);
        if (grantable(n, f, off, len, excl)) {
            struct k32_lock *l = calloc(1, sizeof *l);
            if (l) {
                l->owner = f, l->off = off, l->len = len, l->excl = excl;
                l->next = n->locks;
                n->locks = l;
            }
            pthread_mutex_unlock(&lock);
            if (l && len)
                ofd_lock(f, off, len, excl ? F_WRLCK : F_RDLCK);
            return l ? 0 : ERROR_NOT_ENOUGH_MEMORY;
        }
        pthread_mutex_unlock(&lock);
        if (!wait)
            return ERROR_LOCK_VIOLATION;
        struct timespec buf;
        pthread_mutex_lock(&w32_wait_lock);
        w32_wait_until(w32_deadline(20, &buf));
        pthread_mutex_unlock(&w32_wait_lock);
    }
}

DWORD k32_unlock_range(struct w32_file *f, uint64_t off, uint64_t len)
{
    struct k32_inode *n = f->ino;
    int found = 0;
    pthread_mutex_lock(&lock);
    for (struct k32_lock **pp = n ? &n->locks : NULL; pp && *pp; pp = &(*pp)->next)
        if ((*pp)->owner == f && (*pp)->off == off && (*pp)->len == len) {
            struct k32_lock *l = *pp;
            *pp = l->next;
            free(l);
            found = 1;
            break;
        }
    pthread_mutex_unlock(&lock);
    if (!found)
        return ERROR_NOT_LOCKED;
    if (len)
        ofd_lock(f, off, len, F_UNLCK);
    pthread_mutex_lock(&w32_wait_lock);
    w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    return 0;
}
