/* net.c — FreeBSD sockets on Linux sockets: socket, socketpair, bind,
 * listen, accept/accept4, connect, getsockname/getpeername, setsockopt/
 * getsockopt, shutdown, sendto/recvfrom, sendmsg/recvmsg (control
 * messages, SCM_RIGHTS) and sendfile. Addresses carry FreeBSD's sa_len
 * byte and its family numbers (AF_INET6 28); type flags, levels, option
 * names and MSG_* bits are converted with the tables of
 * abi/freebsd/socket.c. Where FreeBSD differs in behaviour:
 *   - accept() gives the new socket the listener's O_NONBLOCK;
 *   - getsockopt of a SOL_SOCKET on/off option returns the option's bit
 *     (SO_REUSEADDR reads back as 4), as sogetopt does;
 *   - SO_NOSIGPIPE is kept per socket and applied to send calls here
 *     (a plain write() on such a socket can still raise SIGPIPE);
 *   - MSG_EOF sends, then shuts the sending side down;
 *   - LOCAL_PEERCRED (level 0 on a local socket) is built from
 *     SO_PEERCRED: uid, the primary group only, pid. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "fbsd_io.h"
#include "rawsys.h"
#include "xeno.h"

#define FBSD_SO_NOSIGPIPE 0x0800
#define FBSD_MSG_EOF 0x0100
#define FBSD_MSG_CTRUNC 0x0020
#define FBSD_MCLBYTES 2048      /* sockargs: the largest control buffer */
#define FBSD_IP_DONTFRAG 67
#define FBSD_SOL_LOCAL 0
#define FBSD_LOCAL_PEERCRED 1
#define SOCKOPT_MAX 1024
#define NOSIG_MAX 65536

/* ------------------------------------------------------------ addresses */

/* A guest sockaddr of LEN bytes into a Linux one. */
static long sa_in(uint64_t uaddr, uint64_t len, struct sockaddr_storage *ls, socklen_t *llen)
{
    unsigned char buf[FBSD_SOCK_MAXADDRLEN];
    uint32_t l = 0;
    if (len > FBSD_SOCK_MAXADDRLEN)
        return -ENAMETOOLONG;
    if (fbsd_copyin(buf, uaddr, (size_t)len) < 0)
        return -EFAULT;
    int e = fbsd_sockaddr_to_linux(buf, (size_t)len, ls, &l);
    *llen = l;
    return e ? FBSD_ERR(e) : 0;
}

/* A Linux address out to the guest's buffer and length word (in/out), as
 * kern_getsockname reports it: MIN(buffer, sa_len) bytes and that length.
 * No address (LLEN 0, or a family FreeBSD lacks) reports length 0. */
static long sa_out(const struct sockaddr_storage *ls, socklen_t llen, uint64_t uaddr, uint64_t ulen)
{
    unsigned char buf[sizeof(struct fbsd_sockaddr_storage)];
    uint32_t cap, flen = 0;
    if (fbsd_copyin(&cap, ulen, sizeof cap) < 0)
        return -EFAULT;
    if ((int32_t)cap < 0)
        return -EINVAL;
    if (llen && fbsd_sockaddr_from_linux((const struct sockaddr *)ls, llen, buf,
                                         cap < sizeof buf ? cap : sizeof buf, &flen))
        flen = 0;
    if (fbsd_copyout(uaddr, buf, flen) < 0 || fbsd_copyout(ulen, &flen, sizeof flen) < 0)
        return -EFAULT;
    return 0;
}

/* ------------------------------------------------------------ SO_NOSIGPIPE */

/* Sockets with SO_NOSIGPIPE, by descriptor, remembered with the socket's
 * inode so a reused number is not mistaken for the old socket. */
static uint64_t *nosig;
static pthread_mutex_t nosig_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t sock_ino(int fd)
{
    struct stat st;
    return hsys2(SYS_fstat, fd, (long)&st) == 0 && S_ISSOCK(st.st_mode) ? st.st_ino : 0;
}

static int nosig_get(int fd)
{
    uint64_t ino = fd >= 0 && fd < NOSIG_MAX && nosig ? __atomic_load_n(&nosig[fd], __ATOMIC_RELAXED) : 0;
    return ino && ino == sock_ino(fd);
}

static long nosig_set(int fd, int on)
{
    uint64_t ino = sock_ino(fd);
    if (!ino)
        return hsys2(SYS_fcntl, fd, F_GETFD) < 0 ? -EBADF : -ENOTSOCK;
    if (fd >= NOSIG_MAX)
        return on ? -ENOBUFS : 0;
    pthread_mutex_lock(&nosig_lock);
    if (!nosig)
        nosig = calloc(NOSIG_MAX, sizeof *nosig);
    if (nosig)
        nosig[fd] = on ? ino : 0;
    pthread_mutex_unlock(&nosig_lock);
    return nosig ? 0 : -ENOMEM;
}

static int msg_flags_in(int fd, uint64_t f)
{
    int l = (int)fbsd_flags_to_linux(fbsd_msg_flags, (uint32_t)f, NULL);
    return nosig_get(fd) ? l | MSG_NOSIGNAL : l;
}

/* MSG_EOF: the data went out; now the sending side shuts down. */
static long after_send(int fd, uint64_t fflags, long r)
{
    if (r >= 0 && (fflags & FBSD_MSG_EOF))
        hsys2(SYS_shutdown, fd, SHUT_WR);
    return r;
}

/* ------------------------------------------------------------ creation */

static long domain_in(uint64_t fdom, int *ldom)
{
    int64_t l;
    if (fbsd_val_to_linux(fbsd_socket_domains, (int64_t)(int)fdom, &l) != FBSD_VAL_OK)
        return -EAFNOSUPPORT;
    *ldom = (int)l;
    return 0;
}

/* socreate: an unknown type is EPROTOTYPE without a protocol. */
static long type_in(uint64_t ftype, uint64_t proto, int *ltype)
{
    *ltype = fbsd_socket_type_to_linux((int)ftype);
    return *ltype < 0 ? (proto ? -EPROTONOSUPPORT : -EPROTOTYPE) : 0;
}

long fbsd_sys_socket(struct fcall *c)
{
    int dom, type;
    long r = domain_in(c->a[0], &dom);
    if (r == 0)
        r = type_in(c->a[1], c->a[2], &type);
    return r < 0 ? r : hsys3(SYS_socket, dom, type, (long)(int)c->a[2]);
}

long fbsd_sys_socketpair(struct fcall *c)
{
    int dom, type, sv[2];
    long r = domain_in(c->a[0], &dom);
    if (r == 0)
        r = type_in(c->a[1], c->a[2], &type);
    if (r == 0)
        r = hsys4(SYS_socketpair, dom, type, (long)(int)c->a[2], (long)sv);
    if (r == 0 && fbsd_copyout(c->a[3], sv, sizeof sv) < 0) {
        hsys1(SYS_close, sv[0]), hsys1(SYS_close, sv[1]);
        r = -EFAULT;
    }
    return r;
}

static long with_addr(struct fcall *c, long nr)
{
    struct sockaddr_storage ls;
    socklen_t llen;
    long r = sa_in(c->a[1], (uint32_t)c->a[2], &ls, &llen);
    return r < 0 ? r : hsys3(nr, (long)(int)c->a[0], (long)&ls, llen);
}

long fbsd_sys_bind(struct fcall *c) { return with_addr(c, SYS_bind); }
long fbsd_sys_connect(struct fcall *c) { return with_addr(c, SYS_connect); }
long fbsd_sys_listen(struct fcall *c) { return hsys2(SYS_listen, (long)(int)c->a[0], (long)(int)c->a[1]); }

long fbsd_sys_shutdown(struct fcall *c)
{
    return hsys2(SYS_shutdown, (long)(int)c->a[0], (long)(int)c->a[1]); /* SHUT_* agree */
}

/* kern_accept4. INHERIT (plain accept): the listener's O_NONBLOCK. */
static long do_accept(struct fcall *c, uint64_t fflags, int inherit)
{
    struct sockaddr_storage ls;
    socklen_t llen = sizeof ls;
    int fd = (int)c->a[0];
    uint64_t unknown = 0;
    int lflags = (int)fbsd_flags_to_linux(fbsd_socket_type_flags, fflags, &unknown);
    if (unknown)
        return -EINVAL;
    if (inherit) {
        long fl = hsys2(SYS_fcntl, fd, F_GETFL);
        lflags |= fl >= 0 && (fl & O_NONBLOCK) ? SOCK_NONBLOCK : 0;
    }
    uint32_t probe;
    if (c->a[1] && fbsd_copyin(&probe, c->a[2], sizeof probe) < 0)
        return -EFAULT;
    long s = hsys4(SYS_accept4, fd, (long)&ls, (long)&llen, lflags);
    if (s >= 0 && c->a[1] && sa_out(&ls, llen, c->a[1], c->a[2]) < 0) {
        hsys1(SYS_close, s);
        return -EFAULT;
    }
    return s;
}

long fbsd_sys_accept(struct fcall *c) { return do_accept(c, 0, 1); }
long fbsd_sys_accept4(struct fcall *c) { return do_accept(c, c->a[3], 0); }

static long name_of(struct fcall *c, long nr)
{
    struct sockaddr_storage ls;
    socklen_t llen = sizeof ls;
    uint32_t probe;
    if (fbsd_copyin(&probe, c->a[2], sizeof probe) < 0)
        return -EFAULT;
    long r = hsys3(nr, (long)(int)c->a[0], (long)&ls, (long)&llen);
    return r < 0 ? r : sa_out(&ls, llen, c->a[1], c->a[2]);
}

long fbsd_sys_getsockname(struct fcall *c) { return name_of(c, SYS_getsockname); }
long fbsd_sys_getpeername(struct fcall *c) { return name_of(c, SYS_getpeername); }

/* ------------------------------------------------------------ options */

static void unsupported_option(int level, int name)
{
    static uint8_t told[64];
    const char *n = fbsd_sockopt_name(level, name);
    if (!__atomic_exchange_n(&told[(unsigned)name & 63], 1, __ATOMIC_RELAXED))
        xeno_warn("freebsd socket option %s (level %#x, %d) is not implemented", n ? n : "?",
                  (unsigned)level, name);
}

/* A SOL_SOCKET option that is one bit of so_options. */
static int is_option_bit(int level, int name)
{
    static const int bits[] = { 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x100, 0x200, 0x400, 0x10000 };
    for (size_t i = 0; level == FBSD_SOL_SOCKET && i < sizeof bits / sizeof bits[0]; i++)
        if (bits[i] == name)
            return 1;
    return 0;
}

long fbsd_sys_setsockopt(struct fcall *c)
{
    int fd = (int)c->a[0], level = (int)c->a[1], name = (int)c->a[2], ll, ln, v;
    unsigned conv;
    if (level == FBSD_SOL_SOCKET && name == FBSD_SO_NOSIGPIPE) {
        if (c->a[4] < sizeof v || fbsd_copyin(&v, c->a[3], sizeof v) < 0)
            return c->a[4] < sizeof v ? -EINVAL : -EFAULT;
        return nosig_set(fd, v != 0);
    }
    int e = fbsd_sockopt_to_linux(level, name, &ll, &ln, &conv);
    if (e)
        return FBSD_ERR(e);
    if (level == FBSD_IPPROTO_IP && name == FBSD_IP_DONTFRAG) {
        if (c->a[4] < sizeof v || fbsd_copyin(&v, c->a[3], sizeof v) < 0)
            return c->a[4] < sizeof v ? -EINVAL : -EFAULT;
        v = v ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT;
        return hsys5(SYS_setsockopt, fd, ll, ln, (long)&v, sizeof v);
    }
    if (conv == FBSD_CONV_SPECIAL) {
        unsupported_option(level, name);
        return FBSD_ERR(FBSD_ENOPROTOOPT);
    }
    return hsys5(SYS_setsockopt, fd, ll, ln, (long)c->a[3], (long)(uint32_t)c->a[4]);
}

/* The value read from Linux, in FreeBSD's terms. */
static void sockopt_value_out(int level, int name, unsigned conv, void *buf, socklen_t len)
{
    int v;
    if (len != sizeof v)
        return;
    memcpy(&v, buf, sizeof v);
    if (conv == FBSD_CONV_ERRNO) {
        v = fbsd_errno_of(v);
    } else if (conv == FBSD_CONV_DOMAIN) {
        int64_t f;
        v = fbsd_val_from_linux(fbsd_socket_domains, v, &f) == FBSD_VAL_OK ? (int)f : v;
    } else if (level == FBSD_IPPROTO_IP && name == FBSD_IP_DONTFRAG) {
        v = v == IP_PMTUDISC_DO;
    } else if (is_option_bit(level, name)) {
        v = v ? name : 0;
    }
    memcpy(buf, &v, sizeof v);
}

/* sys/sys/ucred.h: what LOCAL_PEERCRED returns (getpeereid uses it). */
struct fbsd_xucred {
    uint32_t cr_version; /* XUCRED_VERSION 0 */
    uint32_t cr_uid;
    int16_t cr_ngroups;
    uint32_t cr_groups[16];
    uint64_t cr_pid;     /* union { void *; pid_t } */
};
_Static_assert(sizeof(struct fbsd_xucred) == 88, "struct xucred");

/* Level 0 on a local socket is SOL_LOCAL, not IPPROTO_IP. */
static int is_local(int fd)
{
    int dom = 0;
    socklen_t len = sizeof dom;
    return hsys5(SYS_getsockopt, fd, SOL_SOCKET, SO_DOMAIN, (long)&dom, (long)&len) == 0 && dom == AF_UNIX;
}

static long local_peercred(struct fcall *c, uint32_t ulen)
{
    struct ucred uc;
    struct fbsd_xucred xu;
    socklen_t len = sizeof uc;
    long r = hsys5(SYS_getsockopt, (long)(int)c->a[0], SOL_SOCKET, SO_PEERCRED, (long)&uc, (long)&len);
    if (r < 0)
        return r;
    if (uc.pid == 0)
        return -ENOTCONN;
    memset(&xu, 0, sizeof xu);
    xu.cr_uid = uc.uid;
    xu.cr_ngroups = 1;
    xu.cr_groups[0] = uc.gid;
    xu.cr_pid = (uint32_t)uc.pid;
    len = ulen < sizeof xu ? ulen : sizeof xu;
    if (fbsd_copyout(c->a[3], &xu, len) < 0 || fbsd_copyout(c->a[4], &len, sizeof len) < 0)
        return -EFAULT;
    return 0;
}

long fbsd_sys_getsockopt(struct fcall *c)
{
    int fd = (int)c->a[0], level = (int)c->a[1], name = (int)c->a[2], ll, ln;
    unsigned conv;
    uint32_t ulen;
    unsigned char buf[SOCKOPT_MAX];
    if (fbsd_copyin(&ulen, c->a[4], sizeof ulen) < 0)
        return -EFAULT;
    socklen_t len = ulen < sizeof buf ? ulen : sizeof buf;
    if (level == FBSD_SOL_LOCAL && name == FBSD_LOCAL_PEERCRED && is_local(fd))
        return local_peercred(c, ulen);
    if (level == FBSD_SOL_SOCKET && name == FBSD_SO_NOSIGPIPE) {
        int v = nosig_get(fd) ? FBSD_SO_NOSIGPIPE : 0;
        long r = sock_ino(fd) ? 0 : hsys2(SYS_fcntl, fd, F_GETFD) < 0 ? -EBADF : -ENOTSOCK;
        memcpy(buf, &v, sizeof v);
        len = len < sizeof v ? len : sizeof v;
        if (r < 0 || fbsd_copyout(c->a[3], buf, len) < 0 || fbsd_copyout(c->a[4], &len, sizeof len) < 0)
            return r < 0 ? r : -EFAULT;
        return 0;
    }
    int e = fbsd_sockopt_to_linux(level, name, &ll, &ln, &conv);
    if (e)
        return FBSD_ERR(e);
    if (conv == FBSD_CONV_SPECIAL && !(level == FBSD_IPPROTO_IP && name == FBSD_IP_DONTFRAG)) {
        unsupported_option(level, name);
        return FBSD_ERR(FBSD_ENOPROTOOPT);
    }
    long r = hsys5(SYS_getsockopt, fd, ll, ln, (long)buf, (long)&len);
    if (r < 0)
        return r;
    sockopt_value_out(level, name, conv, buf, len);
    if (fbsd_copyout(c->a[3], buf, len) < 0 || fbsd_copyout(c->a[4], &len, sizeof len) < 0)
        return -EFAULT;
    return 0;
}

/* ------------------------------------------------------------ data */

long fbsd_sys_sendto(struct fcall *c)
{
    struct sockaddr_storage ls;
    socklen_t llen = 0;
    int fd = (int)c->a[0];
    if (c->a[4]) {
        long r = sa_in(c->a[4], (uint32_t)c->a[5], &ls, &llen);
        if (r < 0)
            return r;
    }
    long r = hsys6(SYS_sendto, fd, (long)c->a[1], (long)c->a[2], msg_flags_in(fd, c->a[3]),
                   c->a[4] ? (long)&ls : 0, llen);
    return after_send(fd, c->a[3], r);
}

long fbsd_sys_recvfrom(struct fcall *c)
{
    struct sockaddr_storage ls;
    socklen_t llen = sizeof ls;
    uint32_t probe;
    int want = c->a[4] && c->a[5];
    if (want && fbsd_copyin(&probe, c->a[5], sizeof probe) < 0)
        return -EFAULT;
    long r = hsys6(SYS_recvfrom, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2],
                   msg_flags_in(-1, c->a[3]), want ? (long)&ls : 0, want ? (long)&llen : 0);
    if (r >= 0 && want && sa_out(&ls, llen, c->a[4], c->a[5]) < 0)
        return -EFAULT;
    return r;
}

/* ------------------------------------------------------------ messages */

struct lmsg {
    struct msghdr m;
    struct sockaddr_storage name;
    unsigned char *control;
};

/* A guest msghdr as a Linux one: the iovec array is shared (same layout);
 * name and control buffers are the kernel's, converted. */
static long msg_in(uint64_t umsg, struct fbsd_msghdr *fm, struct lmsg *lm)
{
    lm->control = NULL;
    if (fbsd_copyin(fm, umsg, sizeof *fm) < 0)
        return -EFAULT;
    int e = fbsd_msghdr_to_linux(fm, &lm->m);
    if (e)
        return FBSD_ERR(e);
    lm->m.msg_name = fm->msg_name ? &lm->name : NULL;
    lm->m.msg_namelen = fm->msg_name ? sizeof lm->name : 0;
    lm->m.msg_control = NULL;
    lm->m.msg_controllen = 0;
    return 0;
}

static long control_in(const struct fbsd_msghdr *fm, struct lmsg *lm)
{
    unsigned char fbuf[FBSD_MCLBYTES];
    size_t llen;
    if (!fm->msg_control || !fm->msg_controllen)
        return 0;
    if (fm->msg_controllen > FBSD_MCLBYTES)
        return -EINVAL;
    if (fbsd_copyin(fbuf, fm->msg_control, fm->msg_controllen) < 0)
        return -EFAULT;
    if (!(lm->control = malloc(2 * FBSD_MCLBYTES)))
        return -ENOMEM;
    int e = fbsd_cmsg_to_linux(fbuf, fm->msg_controllen, lm->control, 2 * FBSD_MCLBYTES, &llen);
    if (e)
        return FBSD_ERR(e);
    lm->m.msg_control = lm->control;
    lm->m.msg_controllen = llen;
    return 0;
}

long fbsd_sys_sendmsg(struct fcall *c)
{
    struct fbsd_msghdr fm;
    struct lmsg lm;
    int fd = (int)c->a[0];
    long r = msg_in(c->a[1], &fm, &lm);
    if (r == 0 && fm.msg_name) {
        socklen_t llen;
        r = sa_in(fm.msg_name, fm.msg_namelen, &lm.name, &llen);
        lm.m.msg_namelen = llen;
    }
    if (r == 0)
        r = control_in(&fm, &lm);
    if (r == 0)
        r = after_send(fd, c->a[2], hsys3(SYS_sendmsg, fd, (long)&lm.m, msg_flags_in(fd, c->a[2])));
    free(lm.control);
    return r;
}

/* After recvmsg: address, control messages and flags back in FreeBSD form.
 * The Linux control buffer is no larger than the guest's and both systems
 * size messages alike, so nothing carrying descriptors is ever dropped. */
static long msg_out(uint64_t umsg, struct fbsd_msghdr *fm, struct lmsg *lm)
{
    unsigned char fbuf[sizeof(struct fbsd_sockaddr_storage)];
    uint32_t flen = 0;
    size_t clen = 0;
    int ctrunc = 0;
    if (fm->msg_name && lm->m.msg_namelen &&
        fbsd_sockaddr_from_linux((const struct sockaddr *)&lm->name, lm->m.msg_namelen, fbuf,
                                 fm->msg_namelen < sizeof fbuf ? fm->msg_namelen : sizeof fbuf, &flen))
        flen = 0;
    if (flen && fbsd_copyout(fm->msg_name, fbuf, flen) < 0)
        return -EFAULT;
    if (lm->control) {
        unsigned char *out = malloc(fm->msg_controllen);
        if (!out)
            return -ENOMEM;
        fbsd_cmsg_from_linux(lm->control, lm->m.msg_controllen, out, fm->msg_controllen, &clen, &ctrunc);
        long r = fbsd_copyout(fm->msg_control, out, clen);
        free(out);
        if (r < 0)
            return -EFAULT;
    }
    fbsd_msghdr_update_from_linux(&lm->m, fm);
    fm->msg_namelen = flen;
    fm->msg_controllen = (uint32_t)clen;
    fm->msg_flags |= ctrunc ? FBSD_MSG_CTRUNC : 0;
    return fbsd_copyout(umsg, fm, sizeof *fm) < 0 ? -EFAULT : 0;
}

long fbsd_sys_recvmsg(struct fcall *c)
{
    struct fbsd_msghdr fm;
    struct lmsg lm;
    long r = msg_in(c->a[1], &fm, &lm);
    if (r == 0 && fm.msg_control && fm.msg_controllen) {
        size_t cap = fm.msg_controllen < 65536 ? fm.msg_controllen : 65536;
        if (!(lm.control = malloc(cap)))
            return -ENOMEM;
        lm.m.msg_control = lm.control;
        lm.m.msg_controllen = cap;
        fm.msg_controllen = (uint32_t)cap;
    }
    if (r == 0)
        r = hsys3(SYS_recvmsg, (long)(int)c->a[0], (long)&lm.m, msg_flags_in(-1, c->a[2]));
    if (r >= 0 && msg_out(c->a[1], &fm, &lm) < 0)
        r = -EFAULT;
    free(lm.control);
    return r;
}

/* ------------------------------------------------------------ sendfile */

struct fbsd_sf_hdtr {
    uint64_t headers;
    int32_t hdr_cnt;
    uint64_t trailers;
    int32_t trl_cnt;
};

static long send_iov(int s, uint64_t iov, int cnt, off_t *sent)
{
    if (!iov || cnt <= 0)
        return 0;
    long r = hsys3(SYS_writev, s, (long)iov, cnt);
    if (r > 0)
        *sent += r;
    return r < 0 ? r : 0;
}

/* The file part: NBYTES from OFFSET (0: to the end of the file). */
static long send_file(int fd, int s, off_t off, uint64_t nbytes, off_t *sent)
{
    uint64_t left = nbytes ? nbytes : UINT64_MAX;
    while (left > 0) {
        long r = hsys4(SYS_sendfile, s, fd, (long)&off, (long)(left < (1u << 30) ? left : 1u << 30));
        if (r <= 0)
            return r;
        *sent += r;
        left -= (uint64_t)r;
    }
    return 0;
}

/* sendfile(fd, s, offset, nbytes, hdtr, sbytes, flags): headers, file,
 * trailers; *sbytes counts what went out even when the call fails
 * (EAGAIN on a non-blocking socket). */
long fbsd_sys_sendfile(struct fcall *c)
{
    struct fbsd_sf_hdtr h = { 0, 0, 0, 0 };
    struct stat st;
    int fd = (int)c->a[0], s = (int)c->a[1];
    off_t sent = 0;
    if (hsys2(SYS_fstat, fd, (long)&st) < 0 || hsys2(SYS_fstat, s, (long)&st) < 0)
        return -EBADF;
    if (!S_ISSOCK(st.st_mode))
        return -ENOTSOCK;
    if ((int64_t)c->a[2] < 0)
        return -EINVAL;
    if (c->a[4] && fbsd_copyin(&h, c->a[4], sizeof h) < 0)
        return -EFAULT;
    long r = send_iov(s, h.headers, h.hdr_cnt, &sent);
    if (r == 0)
        r = send_file(fd, s, (off_t)c->a[2], c->a[3], &sent);
    if (r == 0)
        r = send_iov(s, h.trailers, h.trl_cnt, &sent);
    if (c->a[5] && fbsd_copyout(c->a[5], &sent, sizeof sent) < 0)
        return -EFAULT;
    return r;
}
