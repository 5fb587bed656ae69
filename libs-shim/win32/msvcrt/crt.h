/* crt.h — shared internals of the C runtime xeno provides as msvcrt.dll
 * and ucrtbase.dll (+ the api-ms-win-crt-* set): streams, the Microsoft
 * errno values, argument lists of Microsoft varargs calls, and the
 * formatter behind the printf family. */
#ifndef XENO_CRT_H
#define XENO_CRT_H

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "../w32.h"

/* ---- Microsoft errno values (errno.h of the Windows CRT) ---- */
enum {
    MS_EPERM = 1, MS_ENOENT = 2, MS_ESRCH = 3, MS_EINTR = 4, MS_EIO = 5, MS_ENXIO = 6,
    MS_E2BIG = 7, MS_ENOEXEC = 8, MS_EBADF = 9, MS_ECHILD = 10, MS_EAGAIN = 11,
    MS_ENOMEM = 12, MS_EACCES = 13, MS_EFAULT = 14, MS_EBUSY = 16, MS_EEXIST = 17,
    MS_EXDEV = 18, MS_ENODEV = 19, MS_ENOTDIR = 20, MS_EISDIR = 21, MS_EINVAL = 22,
    MS_ENFILE = 23, MS_EMFILE = 24, MS_ENOTTY = 25, MS_EFBIG = 27, MS_ENOSPC = 28,
    MS_ESPIPE = 29, MS_EROFS = 30, MS_EMLINK = 31, MS_EPIPE = 32, MS_EDOM = 33,
    MS_ERANGE = 34, MS_EDEADLK = 36, MS_ENAMETOOLONG = 38, MS_ENOLCK = 39,
    MS_ENOSYS = 40, MS_ENOTEMPTY = 41, MS_EILSEQ = 42,
};
/* The calling thread's CRT errno. */
int *crt_errno_ptr(void);
#define crt_errno (*crt_errno_ptr())
/* Host errno → Microsoft errno. */
int crt_errno_from_host(int e);
/* Set the CRT errno from the host errno and return -1. */
int crt_fail_errno(void);

/* ---- Arguments of Microsoft varargs calls: 8-byte slots in order ---- */
struct msargs {
    const char *p;
};
static inline uint64_t ms_arg(struct msargs *a)
{
    uint64_t v;
    __builtin_memcpy(&v, a->p, 8);
    a->p += 8;
    return v;
}
static inline double ms_arg_double(struct msargs *a)
{
    double v;
    __builtin_memcpy(&v, a->p, 8);
    a->p += 8;
    return v;
}

/* ---- Formatting (printf family) ---- */
enum {
    FMT_WIDE = 1,       /* wprintf: %s and %c take wide strings/characters */
    FMT_UCRT = 2,       /* UCRT: C99 exponents and inf/nan spellings */
    FMT_POSITIONAL = 4, /* _printf_p: %1$d arguments */
};
struct fmt_sink {
    void (*put)(struct fmt_sink *s, const char *p, size_t n);
    size_t count;       /* bytes produced so far */
};
/* Format FMT (UTF-8) with Microsoft semantics into S; returns bytes
 * produced, or -1 on a bad format. */
int crt_format(struct fmt_sink *s, const char *fmt, struct msargs *ap, int flags);
/* Into a buffer: the C99-style count (bytes needed), truncating safely. */
int crt_vsnprintf(char *buf, size_t n, const char *fmt, struct msargs *ap, int flags);

/* ---- Streams ---- */
/* What programs see: msvcrt's struct _iobuf (48 bytes). UCRT's FILE is
 * opaque, so both CRTs use it. */
typedef struct {
    char *_ptr;
    int _cnt;
    char *_base;
    int _flag;
    int _file;
    int _charbuf;
    int _bufsiz;
    char *_tmpfname;
} MS_FILE;

#define CRT_MAX_STREAMS 512
extern MS_FILE crt_iob[CRT_MAX_STREAMS];

MS_FILE *crt_stream_open_fd(int fd, const char *mode);
int crt_fflush(MS_FILE *f);
int crt_fflush_all(void);
size_t crt_fwrite(const void *p, size_t size, size_t n, MS_FILE *f);
int crt_fputc(int c, MS_FILE *f);
int crt_fgetc(MS_FILE *f);
void crt_stream_lock(MS_FILE *f);
void crt_stream_unlock(MS_FILE *f);
/* The sink that writes formatted output to a stream. */
struct stream_sink {
    struct fmt_sink s;
    MS_FILE *f;
};
void crt_stream_sink(struct stream_sink *ss, MS_FILE *f);
/* After a formatted call on F: flush if the stream is a console or
 * unbuffered (msvcrt writes console output at the end of each call). */
void crt_stream_end_call(MS_FILE *f);

/* ---- Low-level I/O (fds with text/binary mode) ---- */
#define CRT_O_TEXT 0x4000
#define CRT_O_BINARY 0x8000
#define CRT_O_WTEXT 0x10000
#define CRT_O_U16TEXT 0x20000
#define CRT_O_U8TEXT 0x40000
extern int crt_fmode; /* _fmode: default mode for new fds */
int crt_fd_is_text(int fd);
int crt_set_fd_mode(int fd, int mode); /* returns the previous mode */

/* ---- Process ---- */
void crt_init(int argc, char **argv);
void crt_run_atexit(void);
void crt_exit(int code) __attribute__((noreturn));

#endif
