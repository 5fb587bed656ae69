/* sysctl.c — __sysctl and __sysctlbyname: the nodes programs query to
 * learn about the system (kern.ostype, kern.osrelease, kern.osreldate,
 * hw.ncpu, hw.pagesize, hw.physmem, kern.arandom, kern.proc.pathname,
 * kern.usrstack, vm.overcommit …), answered as a FreeBSD 14.1 system on
 * this machine would, plus the sysctl.name2oid lookup (0.3). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "fbsd.h"

#define FBSD_OSRELEASE "14.1-RELEASE"
#define FBSD_OSRELDATE 1401000
#define MAXMIB 24

enum vkind { V_STR, V_INT, V_LONG, V_FN };

struct node {
    const char *name;
    int mib[4];
    int miblen;
    enum vkind kind;
    const char *s;
    long v;
    /* V_FN: fill BUF (CAP bytes); returns the size of the value */
    size_t (*fn)(void *buf, size_t cap, const int *mib, int miblen);
};

static size_t f_hostname(void *b, size_t cap, const int *m, int n)
{
    char h[256] = "localhost";
    (void)m, (void)n;
    gethostname(h, sizeof h - 1);
    size_t len = strlen(h) + 1;
    memcpy(b, h, len < cap ? len : cap);
    return len;
}

static size_t f_version(void *b, size_t cap, const int *m, int n)
{
    char v[128];
    (void)m, (void)n;
    int len = snprintf(v, sizeof v, "FreeBSD %s (xeno on Linux)\n", FBSD_OSRELEASE) + 1;
    memcpy(b, v, (size_t)len < cap ? (size_t)len : cap);
    return (size_t)len;
}

static size_t f_ncpu(void *b, size_t cap, const int *m, int n)
{
    int v = (int)sysconf(_SC_NPROCESSORS_ONLN);
    (void)m, (void)n;
    memcpy(b, &v, cap < 4 ? cap : 4);
    return 4;
}

static size_t f_physmem(void *b, size_t cap, const int *m, int n)
{
    struct sysinfo si;
    (void)m, (void)n;
    sysinfo(&si);
    unsigned long v = si.totalram * si.mem_unit;
    memcpy(b, &v, cap < 8 ? cap : 8);
    return 8;
}

static size_t f_arandom(void *b, size_t cap, const int *m, int n)
{
    (void)m, (void)n;
    size_t len = cap > 256 ? 256 : cap;
    if (getrandom(b, len, 0) != (ssize_t)len)
        memset(b, 0, len);
    return len;
}

static size_t f_pathname(void *b, size_t cap, const int *m, int n)
{
    if (n >= 4 && m[3] != -1 && m[3] != getpid())
        return 0;
    size_t len = strlen(fbsd_proc.execpath) + 1;
    memcpy(b, fbsd_proc.execpath, len < cap ? len : cap);
    return len;
}

static size_t f_usrstack(void *b, size_t cap, const int *m, int n)
{
    (void)m, (void)n;
    memcpy(b, &fbsd_proc.usrstack, cap < 8 ? cap : 8);
    return 8;
}

static size_t f_boottime(void *b, size_t cap, const int *m, int n)
{
    struct sysinfo si;
    struct timeval tv;
    (void)m, (void)n;
    sysinfo(&si);
    gettimeofday(&tv, NULL);
    struct { int64_t sec, usec; } bt = { tv.tv_sec - si.uptime, 0 };
    memcpy(b, &bt, cap < sizeof bt ? cap : sizeof bt);
    return sizeof bt;
}

static size_t f_model(void *b, size_t cap, const int *m, int n)
{
    char model[256] = "x86-64 processor", line[512];
    (void)m, (void)n;
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
            snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
            model[strcspn(model, "\n")] = 0;
            break;
        }
    if (f)
        fclose(f);
    size_t len = strlen(model) + 1;
    memcpy(b, model, len < cap ? len : cap);
    return len;
}

/* Nodes with a number in FreeBSD's tree use it; name-only ones get a
 * private number under 1.10000+ so name2oid can hand them out. */
static const struct node nodes[] = {
    { "kern.ostype", { 1, 1 }, 2, V_STR, "FreeBSD", 0, NULL },
    { "kern.osrelease", { 1, 2 }, 2, V_STR, FBSD_OSRELEASE, 0, NULL },
    { "kern.osrevision", { 1, 3 }, 2, V_INT, NULL, 199506, NULL },
    { "kern.version", { 1, 4 }, 2, V_FN, NULL, 0, f_version },
    { "kern.maxproc", { 1, 6 }, 2, V_INT, NULL, 32768, NULL },
    { "kern.maxfiles", { 1, 7 }, 2, V_INT, NULL, 1048576, NULL },
    { "kern.argmax", { 1, 8 }, 2, V_INT, NULL, 524288, NULL },
    { "kern.hostname", { 1, 10 }, 2, V_FN, NULL, 0, f_hostname },
    { "kern.proc.pathname", { 1, 14, 12 }, 3, V_FN, NULL, 0, f_pathname },
    { "kern.ngroups", { 1, 18 }, 2, V_INT, NULL, 1023, NULL },
    { "kern.boottime", { 1, 21 }, 2, V_FN, NULL, 0, f_boottime },
    { "kern.osreldate", { 1, 24 }, 2, V_INT, NULL, FBSD_OSRELDATE, NULL },
    { "kern.usrstack", { 1, 33 }, 2, V_FN, NULL, 0, f_usrstack },
    { "kern.iov_max", { 1, 35 }, 2, V_INT, NULL, 1024, NULL },
    { "kern.arandom", { 1, 37 }, 2, V_FN, NULL, 0, f_arandom },
    { "hw.machine", { 6, 1 }, 2, V_STR, "amd64", 0, NULL },
    { "hw.model", { 6, 2 }, 2, V_FN, NULL, 0, f_model },
    { "hw.ncpu", { 6, 3 }, 2, V_FN, NULL, 0, f_ncpu },
    { "hw.byteorder", { 6, 4 }, 2, V_INT, NULL, 1234, NULL },
    { "hw.physmem", { 6, 5 }, 2, V_FN, NULL, 0, f_physmem },
    { "hw.usermem", { 6, 6 }, 2, V_FN, NULL, 0, f_physmem },
    { "hw.pagesize", { 6, 7 }, 2, V_INT, NULL, 4096, NULL },
    { "hw.machine_arch", { 6, 11 }, 2, V_STR, "amd64", 0, NULL },
    { "user.cs_path", { 8, 1 }, 2, V_STR, "/usr/bin:/bin:/usr/sbin:/sbin", 0, NULL },
    { "kern.smp.maxcpus", { 1, 10001 }, 2, V_INT, NULL, 256, NULL },
    { "kern.smp.cpus", { 1, 10002 }, 2, V_FN, NULL, 0, f_ncpu },
    { "hw.realmem", { 6, 10003 }, 2, V_FN, NULL, 0, f_physmem },
    { "vm.overcommit", { 2, 10004 }, 2, V_INT, NULL, 0, NULL },
    { "kern.hz", { 1, 10005 }, 2, V_INT, NULL, 1000, NULL },
    { "kern.osrelease.major", { 1, 10006 }, 2, V_INT, NULL, 14, NULL },
    { "security.bsd.see_other_uids", { 5, 10007 }, 2, V_INT, NULL, 1, NULL },
    { "kern.elf64.aslr.enable", { 1, 10008 }, 2, V_INT, NULL, 0, NULL },
};

static const struct node *by_mib(const int *mib, int n)
{
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
        const struct node *d = &nodes[i];
        if (n >= d->miblen && !memcmp(mib, d->mib, (size_t)d->miblen * sizeof(int)) &&
            (n == d->miblen || d->kind == V_FN))
            return d;
    }
    return NULL;
}

static const struct node *by_name(const char *name)
{
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++)
        if (!strcmp(nodes[i].name, name))
            return &nodes[i];
    return NULL;
}

static size_t value_of(const struct node *d, void *buf, size_t cap, const int *mib, int n)
{
    switch (d->kind) {
    case V_STR: {
        size_t len = strlen(d->s) + 1;
        memcpy(buf, d->s, len < cap ? len : cap);
        return len;
    }
    case V_INT: {
        int v = (int)d->v;
        memcpy(buf, &v, cap < 4 ? cap : 4);
        return 4;
    }
    case V_LONG:
        memcpy(buf, &d->v, cap < 8 ? cap : 8);
        return 8;
    default:
        return d->fn(buf, cap, mib, n);
    }
}

/* Reply with VALUE as FreeBSD does: the size when OLD is NULL, ENOMEM
 * (with what fits) when the buffer is short. */
static long reply(uint64_t old, uint64_t oldlenp, const void *val, size_t len)
{
    uint64_t have = 0;
    if (!oldlenp)
        return old ? -EFAULT : 0;
    if (old && fbsd_copyin(&have, oldlenp, 8) < 0)
        return -EFAULT;
    if (!old)
        return fbsd_copyout(oldlenp, &len, 8);
    size_t n = have < len ? have : len;
    if (fbsd_copyout(old, val, n) < 0 || fbsd_copyout(oldlenp, &n, 8) < 0)
        return -EFAULT;
    return have < len ? -ENOMEM : 0;
}

static long answer(const struct node *d, const int *mib, int n, uint64_t old, uint64_t oldlenp,
                   uint64_t newp)
{
    char buf[4096];
    uint64_t cap = sizeof buf;
    if (!d)
        return -ENOENT;
    if (newp)
        return -EPERM; /* nothing here can be set by a program */
    if (old && oldlenp && fbsd_copyin(&cap, oldlenp, 8) == 0 && cap > sizeof buf)
        cap = sizeof buf;
    size_t len = value_of(d, buf, (size_t)cap, mib, n);
    if (d->fn == f_pathname && len == 0)
        return -ESRCH;
    return reply(old, oldlenp, buf, len);
}

/* 0.3: sysctl.name2oid — NEW holds the name, OLD receives the MIB. */
static long name2oid(uint64_t old, uint64_t oldlenp, uint64_t newp, uint64_t newlen)
{
    char name[256];
    if (!newp || newlen == 0 || newlen >= sizeof name || fbsd_copyin(name, newp, newlen) < 0)
        return -ENOENT;
    name[newlen] = 0;
    const struct node *d = by_name(name);
    if (!d)
        return -ENOENT;
    return reply(old, oldlenp, d->mib, (size_t)d->miblen * sizeof(int));
}

long fbsd_sys___sysctl(struct fcall *c)
{
    int mib[MAXMIB];
    int n = (int)c->a[1];
    if (n < 2 || n > MAXMIB)
        return -EINVAL;
    if (fbsd_copyin(mib, c->a[0], (size_t)n * sizeof(int)) < 0)
        return -EFAULT;
    if (mib[0] == 0 && mib[1] == 3)
        return name2oid(c->a[2], c->a[3], c->a[4], c->a[5]);
    return answer(by_mib(mib, n), mib, n, c->a[2], c->a[3], c->a[4]);
}

long fbsd_sys___sysctlbyname(struct fcall *c)
{
    char name[1024 + 1];
    if (c->a[1] == 0 || c->a[1] > 1024) /* kern___sysctlbyname: 1..MAXPATHLEN */
        return -EINVAL;
    if (fbsd_copyin(name, c->a[0], c->a[1]) < 0)
        return -EFAULT;
    if (c->a[1] == 1024) /* sysctl_sysctl_name2oid */
        return -ENAMETOOLONG;
    name[c->a[1]] = 0;
    const struct node *d = by_name(name);
    return answer(d, d ? d->mib : NULL, d ? d->miblen : 0, c->a[2], c->a[3], c->a[4]);
}
