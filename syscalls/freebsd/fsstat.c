/* fsstat.c — getfsstat and freebsd11_getfsstat: one FreeBSD statfs per
 * mounted file system, from the host's mount table (/proc/self/mounts:
 * what was mounted where, with the host's octal escapes undone) and a
 * statfs of each mount point. A mount point the host will not statfs is
 * left out. With a NULL buffer the count is returned; otherwise as many
 * records as fit, and their number. The mode must be MNT_WAIT or
 * MNT_NOWAIT. (FreeBSD's own freebsd11_getfsstat sizes the buffer by the
 * FreeBSD 4 record; here it is sized by the records it receives.) */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statfs.h>

#include "fbsd.h"
#include "freebsd/fbsd_compat11.h"

#define MNT_WAIT 1
#define MNT_NOWAIT 2

/* Undo the \ooo escapes /proc/self/mounts writes for spaces and tabs. */
static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
            s[3] >= '0' && s[3] <= '7') {
            *o++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
            s += 3;
        } else {
            *o++ = *s;
        }
    }
    *o = 0;
}

/* Write record I (in the caller's layout: SIZE bytes) at BUF + I * SIZE. */
typedef int (*put_fn)(uint64_t buf, long i, const struct fbsd_statfs *f);

static int put_current(uint64_t buf, long i, const struct fbsd_statfs *f)
{
    return fbsd_copyout(buf + (uint64_t)i * sizeof *f, f, sizeof *f);
}

static int put_compat11(uint64_t buf, long i, const struct fbsd_statfs *f)
{
    struct fbsd11_statfs o;
    fbsd11_statfs_from_statfs(f, &o);
    return fbsd_copyout(buf + (uint64_t)i * sizeof o, &o, sizeof o);
}

static long getfsstat_as(struct fcall *c, size_t size, put_fn put)
{
    uint64_t buf = c->a[0];
    long cap = buf ? (long)(c->a[1] / (uint64_t)size) : 0, n = 0;
    int mode = (int)c->a[2];
    if ((int64_t)c->a[1] < 0 || (mode != MNT_WAIT && mode != MNT_NOWAIT))
        return -EINVAL; /* as kern_getfsstat */
    FILE *m = fopen("/proc/self/mounts", "re");
    if (!m)
        return -EIO;
    char line[4096], from[1024], on[1024];
    while (fgets(line, sizeof line, m) && (!buf || n < cap)) {
        struct statfs l;
        struct fbsd_statfs f;
        if (sscanf(line, "%1023s %1023s", from, on) != 2)
            continue;
        unescape(from), unescape(on);
        if (statfs(on, &l) != 0)
            continue;
        if (buf) {
            fbsd_statfs_from_linux(&l, from, on, &f);
            if (put(buf, n, &f) < 0) {
                fclose(m);
                return -EFAULT;
            }
        }
        n++;
    }
    fclose(m);
    return n;
}

long fbsd_sys_getfsstat(struct fcall *c)
{
    return getfsstat_as(c, sizeof(struct fbsd_statfs), put_current);
}

long fbsd_sys_freebsd11_getfsstat(struct fcall *c)
{
    return getfsstat_as(c, sizeof(struct fbsd11_statfs), put_compat11);
}
