/* errno.c — Linux <-> FreeBSD errno values, and FreeBSD's errno names and
 * strerror texts for strace-style output ("= -1 ENOENT (No such file or
 * directory)"). FreeBSD numbers: sys/sys/errno.h (ELAST 97); texts:
 * lib/libc/gen/errlst.c. Linux-only codes are given the closest FreeBSD
 * meaning; the choice is written next to each of them. */
#include <errno.h>
#include <stddef.h>

#include "fbsd_abi.h"

#define LINUX_ERRNO_MAX 133 /* EHWPOISON */

/* Indexed by Linux errno. Zero entries (41, 58: unused numbers) fall back to EIO. */
static const unsigned char from_linux[LINUX_ERRNO_MAX + 1] = {
    [EPERM] = FBSD_EPERM, [ENOENT] = FBSD_ENOENT, [ESRCH] = FBSD_ESRCH,
    [EINTR] = FBSD_EINTR, [EIO] = FBSD_EIO, [ENXIO] = FBSD_ENXIO,
    [E2BIG] = FBSD_E2BIG, [ENOEXEC] = FBSD_ENOEXEC, [EBADF] = FBSD_EBADF,
    [ECHILD] = FBSD_ECHILD, [EAGAIN] = FBSD_EAGAIN, [ENOMEM] = FBSD_ENOMEM,
    [EACCES] = FBSD_EACCES, [EFAULT] = FBSD_EFAULT, [ENOTBLK] = FBSD_ENOTBLK,
    [EBUSY] = FBSD_EBUSY, [EEXIST] = FBSD_EEXIST, [EXDEV] = FBSD_EXDEV,
    [ENODEV] = FBSD_ENODEV, [ENOTDIR] = FBSD_ENOTDIR, [EISDIR] = FBSD_EISDIR,
    [EINVAL] = FBSD_EINVAL, [ENFILE] = FBSD_ENFILE, [EMFILE] = FBSD_EMFILE,
    [ENOTTY] = FBSD_ENOTTY, [ETXTBSY] = FBSD_ETXTBSY, [EFBIG] = FBSD_EFBIG,
    [ENOSPC] = FBSD_ENOSPC, [ESPIPE] = FBSD_ESPIPE, [EROFS] = FBSD_EROFS,
    [EMLINK] = FBSD_EMLINK, [EPIPE] = FBSD_EPIPE, [EDOM] = FBSD_EDOM,
    [ERANGE] = FBSD_ERANGE, [EDEADLK] = FBSD_EDEADLK, [ENAMETOOLONG] = FBSD_ENAMETOOLONG,
    [ENOLCK] = FBSD_ENOLCK, [ENOSYS] = FBSD_ENOSYS, [ENOTEMPTY] = FBSD_ENOTEMPTY,
    [ELOOP] = FBSD_ELOOP, [ENOMSG] = FBSD_ENOMSG, [EIDRM] = FBSD_EIDRM,
    [ECHRNG] = FBSD_EINVAL,     /* channel number out of range */
    [EL2NSYNC] = FBSD_EIO,      /* obsolete STREAMS/driver states: I/O error */
    [EL3HLT] = FBSD_EIO, [EL3RST] = FBSD_EIO,
    [ELNRNG] = FBSD_EINVAL,     /* link number out of range */
    [EUNATCH] = FBSD_EIO, [ENOCSI] = FBSD_EIO, [EL2HLT] = FBSD_EIO,
    [EBADE] = FBSD_EINVAL, [EBADR] = FBSD_EINVAL,
    [EXFULL] = FBSD_ENOSPC,     /* exchange full */
    [ENOANO] = FBSD_EINVAL, [EBADRQC] = FBSD_EINVAL, [EBADSLT] = FBSD_EINVAL,
    [EBFONT] = FBSD_EFTYPE,     /* bad font file format */
    [ENOSTR] = FBSD_ENOTTY,     /* device not a stream */
    [ENODATA] = FBSD_ENOATTR,   /* what getxattr returns for a missing attribute */
    [ETIME] = FBSD_ETIMEDOUT,
    [ENOSR] = FBSD_ENOBUFS,     /* out of streams resources */
    [ENONET] = FBSD_ENETDOWN,   /* machine is not on the network */
    [ENOPKG] = FBSD_EOPNOTSUPP, /* feature (module) not installed */
    [EREMOTE] = FBSD_EREMOTE, [ENOLINK] = FBSD_ENOLINK,
    [EADV] = FBSD_EIO, [ESRMNT] = FBSD_EIO, [ECOMM] = FBSD_EIO,
    [EPROTO] = FBSD_EPROTO, [EMULTIHOP] = FBSD_EMULTIHOP,
    [EDOTDOT] = FBSD_EIO, [EBADMSG] = FBSD_EBADMSG, [EOVERFLOW] = FBSD_EOVERFLOW,
    [ENOTUNIQ] = FBSD_EINVAL,   /* name not unique on network */
    [EBADFD] = FBSD_EBADF,
    [EREMCHG] = FBSD_EIO,       /* remote address changed */
    [ELIBACC] = FBSD_ENOEXEC,   /* shared-library problems: exec format error */
    [ELIBBAD] = FBSD_ENOEXEC, [ELIBSCN] = FBSD_ENOEXEC, [ELIBMAX] = FBSD_ENOEXEC,
    [ELIBEXEC] = FBSD_ENOEXEC,
    [EILSEQ] = FBSD_EILSEQ,
    [ERESTART] = FBSD_EINTR,    /* kernel-internal; should not leak */
    [ESTRPIPE] = FBSD_EPIPE,
    [EUSERS] = FBSD_EUSERS, [ENOTSOCK] = FBSD_ENOTSOCK,
    [EDESTADDRREQ] = FBSD_EDESTADDRREQ, [EMSGSIZE] = FBSD_EMSGSIZE,
    [EPROTOTYPE] = FBSD_EPROTOTYPE, [ENOPROTOOPT] = FBSD_ENOPROTOOPT,
    [EPROTONOSUPPORT] = FBSD_EPROTONOSUPPORT, [ESOCKTNOSUPPORT] = FBSD_ESOCKTNOSUPPORT,
    [EOPNOTSUPP] = FBSD_EOPNOTSUPP, [EPFNOSUPPORT] = FBSD_EPFNOSUPPORT,
    [EAFNOSUPPORT] = FBSD_EAFNOSUPPORT, [EADDRINUSE] = FBSD_EADDRINUSE,
    [EADDRNOTAVAIL] = FBSD_EADDRNOTAVAIL, [ENETDOWN] = FBSD_ENETDOWN,
    [ENETUNREACH] = FBSD_ENETUNREACH, [ENETRESET] = FBSD_ENETRESET,
    [ECONNABORTED] = FBSD_ECONNABORTED, [ECONNRESET] = FBSD_ECONNRESET,
    [ENOBUFS] = FBSD_ENOBUFS, [EISCONN] = FBSD_EISCONN, [ENOTCONN] = FBSD_ENOTCONN,
    [ESHUTDOWN] = FBSD_ESHUTDOWN, [ETOOMANYREFS] = FBSD_ETOOMANYREFS,
    [ETIMEDOUT] = FBSD_ETIMEDOUT, [ECONNREFUSED] = FBSD_ECONNREFUSED,
    [EHOSTDOWN] = FBSD_EHOSTDOWN, [EHOSTUNREACH] = FBSD_EHOSTUNREACH,
    [EALREADY] = FBSD_EALREADY, [EINPROGRESS] = FBSD_EINPROGRESS,
    [ESTALE] = FBSD_ESTALE,
    [EUCLEAN] = FBSD_EINTEGRITY, /* structure needs cleaning: integrity check failed */
    [ENOTNAM] = FBSD_EINVAL, [ENAVAIL] = FBSD_EINVAL, [EISNAM] = FBSD_EINVAL, /* XENIX */
    [EREMOTEIO] = FBSD_EIO,
    [EDQUOT] = FBSD_EDQUOT,
    [ENOMEDIUM] = FBSD_ENXIO,   /* no medium: device not configured */
    [EMEDIUMTYPE] = FBSD_ENXIO,
    [ECANCELED] = FBSD_ECANCELED,
    [ENOKEY] = FBSD_ENEEDAUTH,  /* keyring errors: authentication */
    [EKEYEXPIRED] = FBSD_EAUTH, [EKEYREVOKED] = FBSD_EAUTH, [EKEYREJECTED] = FBSD_EAUTH,
    [EOWNERDEAD] = FBSD_EOWNERDEAD, [ENOTRECOVERABLE] = FBSD_ENOTRECOVERABLE,
    [ERFKILL] = FBSD_ENETDOWN,  /* radio switched off */
    [EHWPOISON] = FBSD_EIO,     /* memory page has a hardware error */
};

/* Indexed by FreeBSD errno: the Linux errno (FreeBSD-only codes: closest). */
static const unsigned char to_linux[FBSD_ELAST + 1] = {
    [1] = EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD,
    [11] = EDEADLK, ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST, EXDEV, ENODEV,
    [20] = ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, ETXTBSY, EFBIG, ENOSPC,
    [29] = ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EAGAIN, EINPROGRESS, EALREADY,
    [38] = ENOTSOCK, EDESTADDRREQ, EMSGSIZE, EPROTOTYPE, ENOPROTOOPT, EPROTONOSUPPORT,
    [44] = ESOCKTNOSUPPORT, EOPNOTSUPP, EPFNOSUPPORT, EAFNOSUPPORT, EADDRINUSE,
    [49] = EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET, ECONNABORTED, ECONNRESET,
    [55] = ENOBUFS, EISCONN, ENOTCONN, ESHUTDOWN, ETOOMANYREFS, ETIMEDOUT,
    [61] = ECONNREFUSED, ELOOP, ENAMETOOLONG, EHOSTDOWN, EHOSTUNREACH, ENOTEMPTY,
    [FBSD_EPROCLIM] = EAGAIN, [FBSD_EUSERS] = EUSERS, [FBSD_EDQUOT] = EDQUOT,
    [FBSD_ESTALE] = ESTALE, [FBSD_EREMOTE] = EREMOTE,
    [FBSD_EBADRPC] = EIO, [FBSD_ERPCMISMATCH] = EIO, [FBSD_EPROGUNAVAIL] = EIO,
    [FBSD_EPROGMISMATCH] = EIO, [FBSD_EPROCUNAVAIL] = EIO,
    [FBSD_ENOLCK] = ENOLCK, [FBSD_ENOSYS] = ENOSYS, [FBSD_EFTYPE] = EINVAL,
    [FBSD_EAUTH] = EACCES, [FBSD_ENEEDAUTH] = EACCES, [FBSD_EIDRM] = EIDRM,
    [FBSD_ENOMSG] = ENOMSG, [FBSD_EOVERFLOW] = EOVERFLOW, [FBSD_ECANCELED] = ECANCELED,
    [FBSD_EILSEQ] = EILSEQ, [FBSD_ENOATTR] = ENODATA, [FBSD_EDOOFUS] = EINVAL,
    [FBSD_EBADMSG] = EBADMSG, [FBSD_EMULTIHOP] = EMULTIHOP, [FBSD_ENOLINK] = ENOLINK,
    [FBSD_EPROTO] = EPROTO, [FBSD_ENOTCAPABLE] = EPERM, [FBSD_ECAPMODE] = EPERM,
    [FBSD_ENOTRECOVERABLE] = ENOTRECOVERABLE, [FBSD_EOWNERDEAD] = EOWNERDEAD,
    [FBSD_EINTEGRITY] = EUCLEAN,
};

struct errinfo {
    const char *name, *msg;
};

/* Indexed by FreeBSD errno */
static const struct errinfo info[FBSD_ELAST + 1] = {
    [0] = {NULL, "No error: 0"},
    {"EPERM", "Operation not permitted"},
    {"ENOENT", "No such file or directory"},
    {"ESRCH", "No such process"},
    {"EINTR", "Interrupted system call"},
    {"EIO", "Input/output error"},
    {"ENXIO", "Device not configured"},
    {"E2BIG", "Argument list too long"},
    {"ENOEXEC", "Exec format error"},
    {"EBADF", "Bad file descriptor"},
    {"ECHILD", "No child processes"},
    {"EDEADLK", "Resource deadlock avoided"},
    {"ENOMEM", "Cannot allocate memory"},
    {"EACCES", "Permission denied"},
    {"EFAULT", "Bad address"},
    {"ENOTBLK", "Block device required"},
    {"EBUSY", "Device busy"},
    {"EEXIST", "File exists"},
    {"EXDEV", "Cross-device link"},
    {"ENODEV", "Operation not supported by device"},
    {"ENOTDIR", "Not a directory"},
    {"EISDIR", "Is a directory"},
    {"EINVAL", "Invalid argument"},
    {"ENFILE", "Too many open files in system"},
    {"EMFILE", "Too many open files"},
    {"ENOTTY", "Inappropriate ioctl for device"},
    {"ETXTBSY", "Text file busy"},
    {"EFBIG", "File too large"},
    {"ENOSPC", "No space left on device"},
    {"ESPIPE", "Illegal seek"},
    {"EROFS", "Read-only file system"},
    {"EMLINK", "Too many links"},
    {"EPIPE", "Broken pipe"},
    {"EDOM", "Numerical argument out of domain"},
    {"ERANGE", "Result too large"},
    {"EAGAIN", "Resource temporarily unavailable"},
    {"EINPROGRESS", "Operation now in progress"},
    {"EALREADY", "Operation already in progress"},
    {"ENOTSOCK", "Socket operation on non-socket"},
    {"EDESTADDRREQ", "Destination address required"},
    {"EMSGSIZE", "Message too long"},
    {"EPROTOTYPE", "Protocol wrong type for socket"},
    {"ENOPROTOOPT", "Protocol not available"},
    {"EPROTONOSUPPORT", "Protocol not supported"},
    {"ESOCKTNOSUPPORT", "Socket type not supported"},
    {"EOPNOTSUPP", "Operation not supported"},
    {"EPFNOSUPPORT", "Protocol family not supported"},
    {"EAFNOSUPPORT", "Address family not supported by protocol family"},
    {"EADDRINUSE", "Address already in use"},
    {"EADDRNOTAVAIL", "Can't assign requested address"},
    {"ENETDOWN", "Network is down"},
    {"ENETUNREACH", "Network is unreachable"},
    {"ENETRESET", "Network dropped connection on reset"},
    {"ECONNABORTED", "Software caused connection abort"},
    {"ECONNRESET", "Connection reset by peer"},
    {"ENOBUFS", "No buffer space available"},
    {"EISCONN", "Socket is already connected"},
    {"ENOTCONN", "Socket is not connected"},
    {"ESHUTDOWN", "Can't send after socket shutdown"},
    {"ETOOMANYREFS", "Too many references: can't splice"},
    {"ETIMEDOUT", "Operation timed out"},
    {"ECONNREFUSED", "Connection refused"},
    {"ELOOP", "Too many levels of symbolic links"},
    {"ENAMETOOLONG", "File name too long"},
    {"EHOSTDOWN", "Host is down"},
    {"EHOSTUNREACH", "No route to host"},
    {"ENOTEMPTY", "Directory not empty"},
    {"EPROCLIM", "Too many processes"},
    {"EUSERS", "Too many users"},
    {"EDQUOT", "Disc quota exceeded"},
    {"ESTALE", "Stale NFS file handle"},
    {"EREMOTE", "Too many levels of remote in path"},
    {"EBADRPC", "RPC struct is bad"},
    {"ERPCMISMATCH", "RPC version wrong"},
    {"EPROGUNAVAIL", "RPC prog. not avail"},
    {"EPROGMISMATCH", "Program version wrong"},
    {"EPROCUNAVAIL", "Bad procedure for program"},
    {"ENOLCK", "No locks available"},
    {"ENOSYS", "Function not implemented"},
    {"EFTYPE", "Inappropriate file type or format"},
    {"EAUTH", "Authentication error"},
    {"ENEEDAUTH", "Need authenticator"},
    {"EIDRM", "Identifier removed"},
    {"ENOMSG", "No message of desired type"},
    {"EOVERFLOW", "Value too large to be stored in data type"},
    {"ECANCELED", "Operation canceled"},
    {"EILSEQ", "Illegal byte sequence"},
    {"ENOATTR", "Attribute not found"},
    {"EDOOFUS", "Programming error"},
    {"EBADMSG", "Bad message"},
    {"EMULTIHOP", "Multihop attempted"},
    {"ENOLINK", "Link has been severed"},
    {"EPROTO", "Protocol error"},
    {"ENOTCAPABLE", "Capabilities insufficient"},
    {"ECAPMODE", "Not permitted in capability mode"},
    {"ENOTRECOVERABLE", "State not recoverable"},
    {"EOWNERDEAD", "Previous owner died"},
    {"EINTEGRITY", "Integrity check failed"},
};

int fbsd_errno_from_linux(int lerr)
{
    if (lerr == 0)
        return 0;
    if (lerr < 0 || lerr > LINUX_ERRNO_MAX || from_linux[lerr] == 0)
        return FBSD_EIO;
    return from_linux[lerr];
}

int fbsd_errno_to_linux(int ferr)
{
    if (ferr == 0)
        return 0;
    if (ferr < 0 || ferr > FBSD_ELAST)
        return EINVAL;
    return to_linux[ferr];
}

const char *fbsd_errno_name(int ferr)
{
    if (ferr < 0 || ferr > FBSD_ELAST)
        return NULL;
    return info[ferr].name;
}

const char *fbsd_errno_message(int ferr)
{
    if (ferr < 0 || ferr > FBSD_ELAST)
        return "Unknown error";
    return info[ferr].msg;
}
