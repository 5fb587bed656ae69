/* ioctl.c — FreeBSD ioctl (54): terminal and file requests translated to
 * Linux through fbsd_ioctl_cmds (abi/freebsd/termios.c). Requests whose
 * argument has the same layout on both systems pass the guest pointer to
 * the host, which reports EFAULT itself; termios is converted to Linux's
 * termios2; the rest have a handler here. Anything else is ENOTTY, which
 * is what FreeBSD answers for a request a descriptor does not support. */
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fbsd_io.h"
#include "rawsys.h"

#define FBSD_FREAD 1
#define FBSD_FWRITE 2
#define FBSD_D_TTY 0x0004 /* sys/sys/conf.h D_TYPEMASK values */
#define LINUX_SEEK_DATA 3
#define LINUX_SEEK_HOLE 4

static long lioctl(struct fcall *c, unsigned long req, long arg)
{
    return hsys3(SYS_ioctl, (long)(int)c->a[0], (long)req, arg);
}

/* ------------------------------------------------------------ termios */

static long get_termios(struct fcall *c, unsigned long lreq)
{
    struct fbsd_ltermios l;
    struct fbsd_termios f;
    long r = lioctl(c, lreq, (long)&l);
    if (r < 0)
        return r;
    fbsd_termios_from_linux(&l, &f);
    return fbsd_copyout(c->a[2], &f, sizeof f);
}

/* Read-modify-write: Linux-only bits (IUTF8, c_line ...) survive. */
static long set_termios(struct fcall *c, unsigned long lreq)
{
    struct fbsd_ltermios l;
    struct fbsd_termios f;
    if (fbsd_copyin(&f, c->a[2], sizeof f) < 0)
        return -EFAULT;
    long r = lioctl(c, TCGETS2, (long)&l);
    if (r < 0)
        return r;
    fbsd_termios_to_linux(&f, &l);
    return lioctl(c, lreq, (long)&l);
}

static long termios(struct fcall *c, unsigned long lreq)
{
    return lreq == TCGETS2 ? get_termios(c, lreq) : set_termios(c, lreq);
}

/* ------------------------------------------------------------ specials */

static long int_in(struct fcall *c, int *v)
{
    return fbsd_copyin(v, c->a[2], sizeof *v) < 0 ? -EFAULT : 0;
}

static long tiocflush(struct fcall *c)
{
    int which;
    if (int_in(c, &which) < 0)
        return -EFAULT;
    which &= FBSD_FREAD | FBSD_FWRITE;
    long q = which == FBSD_FREAD ? TCIFLUSH : which == FBSD_FWRITE ? TCOFLUSH : TCIOFLUSH;
    return lioctl(c, TCFLSH, q);
}

static long tiocdrain(struct fcall *c) { return lioctl(c, TCSBRK, 1); }
static long tiocstart(struct fcall *c) { return lioctl(c, TCXONC, TCOON); }
static long tiocstop(struct fcall *c) { return lioctl(c, TCXONC, TCOOFF); }
static long tiocsctty(struct fcall *c) { return lioctl(c, TIOCSCTTY, 0); }

static long tioccons(struct fcall *c)
{
    int on;
    if (int_in(c, &on) < 0)
        return -EFAULT;
    return on ? lioctl(c, TIOCCONS, 0) : 0;
}

/* _IOWINT: the signal number is the argument itself, not a pointer. */
static long tiocsig(struct fcall *c)
{
    int lsig = fbsd_sig_to_linux((int)c->a[2]);
    return lsig > 0 ? lioctl(c, TIOCSIG, lsig) : -EINVAL;
}

static long tiocptmaster(struct fcall *c)
{
    unsigned n;
    return lioctl(c, TIOCGPTN, (long)&n) < 0 ? -ENOTTY : 0;
}

static long fiodtype(struct fcall *c)
{
    struct stat st;
    struct fbsd_ltermios l;
    if (hsys2(SYS_fstat, (long)(int)c->a[0], (long)&st) < 0)
        return -EBADF;
    if (!S_ISCHR(st.st_mode))
        return -ENOTTY;
    int type = lioctl(c, TCGETS2, (long)&l) == 0 ? FBSD_D_TTY : 0;
    return fbsd_copyout(c->a[2], &type, sizeof type);
}

/* Free space in a socket's or pipe's send buffer. */
static long fionspace(struct fcall *c)
{
    int fd = (int)c->a[0], size = 0, used = 0;
    socklen_t len = sizeof size;
    struct stat st;
    if (hsys2(SYS_fstat, fd, (long)&st) < 0)
        return -EBADF;
    if (S_ISSOCK(st.st_mode)) {
        if (hsys5(SYS_getsockopt, fd, SOL_SOCKET, SO_SNDBUF, (long)&size, (long)&len) < 0 ||
            lioctl(c, TIOCOUTQ, (long)&used) < 0)
            return -ENOTTY;
    } else if (S_ISFIFO(st.st_mode)) {
        long sz = hsys2(SYS_fcntl, fd, F_GETPIPE_SZ);
        if (sz < 0 || lioctl(c, FIONREAD, (long)&used) < 0)
            return -ENOTTY;
        size = (int)sz;
    } else {
        return -ENOTTY;
    }
    int space = size > used ? size - used : 0;
    return fbsd_copyout(c->a[2], &space, sizeof space);
}

/* FIOSEEKDATA/FIOSEEKHOLE find the next data or hole without moving the
 * file offset. */
static long fioseek(struct fcall *c, int whence)
{
    int fd = (int)c->a[0];
    int64_t off;
    if (fbsd_copyin(&off, c->a[2], sizeof off) < 0)
        return -EFAULT;
    long cur = hsys3(SYS_lseek, fd, 0, SEEK_CUR);
    if (cur < 0)
        return cur == -ESPIPE ? -ENOTTY : cur;
    long r = hsys3(SYS_lseek, fd, (long)off, whence);
    hsys3(SYS_lseek, fd, cur, SEEK_SET);
    if (r < 0)
        return r;
    off = r;
    return fbsd_copyout(c->a[2], &off, sizeof off);
}

static long fioseekdata(struct fcall *c) { return fioseek(c, LINUX_SEEK_DATA); }
static long fioseekhole(struct fcall *c) { return fioseek(c, LINUX_SEEK_HOLE); }

static const struct {
    unsigned long cmd;
    long (*fn)(struct fcall *c);
} specials[] = {
    {FBSD_TIOCFLUSH, tiocflush},     {FBSD_TIOCDRAIN, tiocdrain},
    {FBSD_TIOCSTART, tiocstart},     {FBSD_TIOCSTOP, tiocstop},
    {FBSD_TIOCSCTTY, tiocsctty},     {FBSD_TIOCCONS, tioccons},
    {FBSD_TIOCSIG, tiocsig},         {FBSD_TIOCPTMASTER, tiocptmaster},
    {FBSD_FIODTYPE, fiodtype},       {FBSD_FIONSPACE, fionspace},
    {FBSD_FIOSEEKDATA, fioseekdata}, {FBSD_FIOSEEKHOLE, fioseekhole},
};

/* ------------------------------------------------------------ entry */

long fbsd_sys_ioctl(struct fcall *c)
{
    unsigned long cmd = (uint32_t)c->a[1]; /* FreeBSD keeps the low 32 bits */
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++)
        if (specials[i].cmd == cmd)
            return specials[i].fn(c);
    const struct fbsd_valmap *e = fbsd_val_lookup(fbsd_ioctl_cmds, (int64_t)cmd);
    if (!e || e->lnx == FBSD_NOMAP)
        return -ENOTTY;
    if (e->conv == FBSD_CONV_TERMIOS)
        return termios(c, (unsigned long)e->lnx);
    return lioctl(c, (unsigned long)e->lnx, (long)c->a[2]);
}
