/* proc.c — FreeBSD process calls: identity, exit, fork/vfork, execve (a
 * FreeBSD or Windows program re-enters xeno, anything else runs on the
 * host), wait4/wait6, resource limits and usage, sessions, umask,
 * cpuset_getaffinity, getrandom, issetugid. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fbsd.h"
#include "fbsd_signal.h"
#include "fbsd_uio.h"
#include "rawsys.h"
#include "trace.h"

void fbsd_exit_process(int status)
{
    const char *st = getenv("XENO_STATS");
    if (st && *st && strcmp(st, "0"))
        xeno_print_stats();
    trace_process_exit(xthread_self()->tid, status, NULL); /* +++ exited, -c, --stats */
    for (;;)
        xsys1(SYS_exit_group, status);
}

long fbsd_sys_exit(struct fcall *c)
{
    fbsd_exit_process((int)c->a[0]);
}

long fbsd_sys_getpid(struct fcall *c) { (void)c; return xsys0(SYS_getpid); }
long fbsd_sys_getppid(struct fcall *c) { (void)c; return xsys0(SYS_getppid); }
long fbsd_sys_getuid(struct fcall *c) { (void)c; return xsys0(SYS_getuid); }
long fbsd_sys_geteuid(struct fcall *c) { (void)c; return xsys0(SYS_geteuid); }
long fbsd_sys_getgid(struct fcall *c) { (void)c; return xsys0(SYS_getgid); }
long fbsd_sys_getegid(struct fcall *c) { (void)c; return xsys0(SYS_getegid); }
long fbsd_sys_getpgrp(struct fcall *c) { (void)c; return xsys1(SYS_getpgid, 0); }
long fbsd_sys_getpgid(struct fcall *c) { return xsys1(SYS_getpgid, (long)c->a[0]); }
long fbsd_sys_getsid(struct fcall *c) { return xsys1(SYS_getsid, (long)c->a[0]); }
long fbsd_sys_setsid(struct fcall *c) { (void)c; return xsys0(SYS_setsid); }
long fbsd_sys_setpgid(struct fcall *c) { return xsys2(SYS_setpgid, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_setuid(struct fcall *c) { return xsys1(SYS_setuid, (long)c->a[0]); }
long fbsd_sys_seteuid(struct fcall *c) { return xsys3(SYS_setresuid, -1, (long)c->a[0], -1); }
long fbsd_sys_setgid(struct fcall *c) { return xsys1(SYS_setgid, (long)c->a[0]); }
long fbsd_sys_setegid(struct fcall *c) { return xsys3(SYS_setresgid, -1, (long)c->a[0], -1); }
long fbsd_sys_umask(struct fcall *c) { return xsys1(SYS_umask, (long)(c->a[0] & 0777)); }
long fbsd_sys_issetugid(struct fcall *c) { (void)c; return 0; }
long fbsd_sys_getdtablesize(struct fcall *c)
{
    struct rlimit rl;
    (void)c;
    return getrlimit(RLIMIT_NOFILE, &rl) == 0 ? (long)rl.rlim_cur : 1024;
}

long fbsd_sys_getgroups(struct fcall *c)
{
    return xsys2(SYS_getgroups, (long)c->a[0], (long)c->a[1]);
}

long fbsd_sys_getresuid(struct fcall *c)
{
    return xsys3(SYS_getresuid, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

long fbsd_sys_getresgid(struct fcall *c)
{
    return xsys3(SYS_getresgid, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

static int resource_of(uint64_t fres)
{
    int64_t l;
    return fbsd_val_to_linux(fbsd_rlimit_resources, (int64_t)(int)fres, &l) == FBSD_VAL_OK ? (int)l : -1;
}

long fbsd_sys_getrlimit(struct fcall *c)
{
    struct rlimit l;
    struct fbsd_rlimit f;
    int res = resource_of(c->a[0]);
    if (res < 0)
        return -EINVAL;
    long r = xsys2(SYS_getrlimit, res, (long)&l);
    if (r < 0)
        return r;
    fbsd_rlimit_from_linux(&l, &f);
    return fbsd_copyout(c->a[1], &f, sizeof f);
}

long fbsd_sys_setrlimit(struct fcall *c)
{
    struct rlimit l;
    struct fbsd_rlimit f;
    int res = resource_of(c->a[0]);
    if (res < 0)
        return -EINVAL;
    if (fbsd_copyin(&f, c->a[1], sizeof f) < 0)
        return -EFAULT;
    fbsd_rlimit_to_linux(&f, &l);
    return xsys2(SYS_setrlimit, res, (long)&l);
}

long fbsd_sys_getrusage(struct fcall *c)
{
    int who = (int)c->a[0] == -1 ? RUSAGE_CHILDREN : (int)c->a[0] == 1 ? RUSAGE_THREAD : (int)c->a[0];
    return xsys2(SYS_getrusage, who, (long)c->a[1]); /* same layout on amd64 */
}

long fbsd_sys_getpriority(struct fcall *c)
{
    errno = 0;
    int r = getpriority((int)c->a[0], (id_t)c->a[1]);
    if (r == -1 && errno)
        return -errno;
    c->ok_negative = 1;
    return r;
}

long fbsd_sys_setpriority(struct fcall *c)
{
    return xsys3(SYS_setpriority, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

/* ---- fork, exec, wait ---- */

long fbsd_sys_fork(struct fcall *c)
{
    pid_t p = fork();
    if (p < 0)
        return -errno;
    if (p == 0) { /* child: interception is not inherited */
        c->t->tid = (int)xsys0(SYS_gettid);
        xthread_arm_sud(c->t);
        fbsd_threads_after_fork();
        c->rv2 = 1;
        return 0;
    }
    c->rv2 = 0;
    return p;
}

long fbsd_sys_vfork(struct fcall *c)
{
    return fbsd_sys_fork(c);
}

long fbsd_sys_rfork(struct fcall *c)
{
    enum { RFPROC = 1 << 4, RFMEM = 1 << 5, RFTHREAD = 1 << 13 };
    if ((c->a[0] & RFPROC) && !(c->a[0] & (RFMEM | RFTHREAD)))
        return fbsd_sys_fork(c);
    return -EINVAL;
}

/* FreeBSD copies every argument string before it looks at the file:
 * one it cannot read is EFAULT even where Linux would fail first with
 * ENOENT or EACCES. */
static int guest_str_ok(uint64_t p)
{
    char chunk[4096];
    for (uint64_t off = 0;; off += sizeof chunk) {
        int r = fbsd_copyinstr(chunk, p + off, sizeof chunk);
        if (r != -ENAMETOOLONG)
            return r == 0;
    }
}

/* Copy a guest NULL-terminated string array (argv/envp); NULL when a
 * pointer or string cannot be read, or the array has more entries than
 * ARG_MAX (512 KiB) could hold. */
static char **copy_vec(uint64_t v, int extra_front)
{
    size_t n = 0, cap = 16;
    char **out = calloc(cap + (size_t)extra_front + 1, sizeof *out);
    for (; out && v; n++) {
        uint64_t p;
        if (n >= 512 * 1024 / 8 || fbsd_copyin(&p, v + n * 8, 8) < 0 || (p && !guest_str_ok(p))) {
            free(out);
            return NULL;
        }
        if (!p)
            break;
        if (n + (size_t)extra_front + 2 > cap) {
            cap *= 2;
            char **o = realloc(out, (cap + (size_t)extra_front + 1) * sizeof *out);
            if (!o) {
                free(out);
                return NULL;
            }
            out = o;
        }
        out[extra_front + n] = (char *)p;
        out[extra_front + n + 1] = NULL;
    }
    return out;
}

/* Does PATH need xeno (a FreeBSD or Windows program)? */
static int needs_xeno(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    if (n >= 2 && h[0] == 'M' && h[1] == 'Z')
        return 1;
    return n >= 8 && !memcmp(h, "\177ELF", 4) && h[7] == 9;
}

long fbsd_sys_execve(struct fcall *c)
{
    char path[4096];
    int r = fbsd_copyinstr(path, c->a[0], sizeof path);
    if (r < 0)
        return r;
    char **argv = copy_vec(c->a[1], 4), **envp = copy_vec(c->a[2], 0);
    if (!argv || !envp) {
        free(argv), free(envp);
        return -EFAULT;
    }
    if (!needs_xeno(path)) {
        long rc = xsys3(SYS_execve, (long)path, (long)(argv + 4), (long)envp);
        free(argv), free(envp);
        return rc;
    }
    /* xeno run --argv0 NAME PATH ARGS… */
    argv[0] = "xeno";
    argv[1] = "run";
    argv[2] = "--argv0";
    argv[3] = argv[4] ? argv[4] : path;
    argv[4] = path;
    trace_flush();
    long rc = xsys3(SYS_execve, (long)"/proc/self/exe", (long)argv, (long)envp);
    free(argv), free(envp);
    return rc;
}

static int wait_options(uint64_t fopt)
{
    uint64_t unknown = 0;
    return (int)fbsd_flags_to_linux(fbsd_wait_options, fopt, &unknown);
}

long fbsd_sys_wait4(struct fcall *c)
{
    int st = 0;
    long r = xsys4(SYS_wait4, (long)(int)c->a[0], (long)&st, wait_options(c->a[2]), (long)c->a[3]);
    if (r > 0 && c->a[1]) {
        int fst = fbsd_wstatus_from_linux(st);
        if (fbsd_copyout(c->a[1], &fst, sizeof fst) < 0)
            return -EFAULT;
    }
    return r;
}

long fbsd_sys_wait6(struct fcall *c)
{
    int64_t idtype;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (fbsd_val_to_linux(fbsd_idtypes, (int64_t)(int)c->a[0], &idtype) != FBSD_VAL_OK)
        return -EINVAL;
    int opts = wait_options(c->a[3]);
    if (!(opts & (WEXITED | WSTOPPED | WCONTINUED)))
        opts |= WEXITED;
    long r = xsys5(SYS_waitid, idtype, (long)c->a[1], (long)&si, opts, 0);
    if (r < 0)
        return r;
    if (si.si_pid == 0)
        return 0; /* WNOHANG and nothing ready */
    int lst = si.si_code == CLD_EXITED ? (si.si_status & 0xff) << 8
            : si.si_code == CLD_STOPPED ? (si.si_status << 8) | 0x7f
            : si.si_code == CLD_CONTINUED ? 0xffff
            : (si.si_status & 0x7f) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
    int fst = fbsd_wstatus_from_linux(lst);
    if (c->a[2] && fbsd_copyout(c->a[2], &fst, sizeof fst) < 0)
        return -EFAULT;
    if (c->a[5]) {
        fbsd_siginfo_t fsi;
        fbsd_siginfo_from_linux(&si, &fsi);
        if (fbsd_copyout(c->a[5], &fsi, sizeof fsi) < 0)
            return -EFAULT;
    }
    return si.si_pid;
}

/* ---- CPUs and randomness ---- */

long fbsd_sys_cpuset_getaffinity(struct fcall *c)
{
    cpu_set_t set;
    size_t size = c->a[3];
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return -errno;
    int maxcpu = -1;
    for (int i = 0; i < CPU_SETSIZE; i++)
        if (CPU_ISSET(i, &set))
            maxcpu = i;
    if (size * 8 <= (size_t)maxcpu || size > 1024 / 8) /* 1024: CPU_MAXSIZE */
        return -ERANGE;
    unsigned char buf[sizeof set];
    memset(buf, 0, sizeof buf);
    memcpy(buf, &set, sizeof set);
    size_t n = size < sizeof buf ? size : sizeof buf;
    if (fbsd_copyout(c->a[4], buf, n) < 0)
        return -EFAULT;
    for (size_t off = n; off < size; off += 8) {
        uint64_t z = 0;
        if (fbsd_copyout(c->a[4] + off, &z, size - off < 8 ? size - off : 8) < 0)
            return -EFAULT;
    }
    return 0;
}

long fbsd_sys_cpuset_setaffinity(struct fcall *c)
{
    (void)c;
    return 0; /* accepted: placement is the host's business */
}

long fbsd_sys_getrandom(struct fcall *c)
{
    unsigned fl = (c->a[2] & 1 ? GRND_NONBLOCK : 0) | (c->a[2] & 2 ? GRND_RANDOM : 0);
    if ((uint32_t)c->a[2] & ~7u)
        return -EINVAL; /* GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE only */
    return fbsd_io_result(c->a[0], c->a[1], xsys3(SYS_getrandom, (long)c->a[0], (long)c->a[1], fl));
}
