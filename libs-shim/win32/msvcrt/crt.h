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
const char *crt_strerror(int e);
/* Host errno → Microsoft errno. */
int crt_errno_from_host(int e);
/* Set the CRT errno (and _doserrno, as a Win32 error) from the host errno
 * and return -1. */
int crt_fail_errno(void);
/* Set _doserrno (the Win32 error behind the last CRT failure). */
void crt_set_doserrno(DWORD e);
/* errno = E, _doserrno = its Win32 counterpart; returns -1. */
int crt_fail(int ms_errno);

/* ---- Which CRT the program uses, and invalid parameters ---- */
/* Set at start-up: the program imports ucrtbase.dll / api-ms-win-crt-*. */
extern int crt_ucrt;
/* An invalid argument reached FN: run the invalid parameter handler (the
 * thread's, else the process's, else the default: msvcrt.dll returns,
 * the UCRT ends the process with 0xC0000409), then set errno to ERR and
 * return ERR — what a function that returns an error code returns. */
int crt_invalid(const char *fn, int err);
#define CRT_CHECK(cond, fn, err) \
    do { if (!(cond)) return crt_invalid(fn, err); } while (0)

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
    FMT_NO_N = 8,       /* %n is refused (printf_s, UCRT by default) */
    FMT_MS_NONFINITE = 16, /* 1.#INF/1.#QNAN even with FMT_UCRT */
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

/* ---- Character classes (ctype.c, wctype.c) ---- */
/* Microsoft class bits (_UPPER 1 … _HEX 0x80, alpha 0x100) of byte C. */
int crt_isctype(int c, int mask);
/* The same bits for a wide character. */
int crt_wflags(unsigned c);
WCHAR crt_towupper(WCHAR c);
WCHAR crt_towlower(WCHAR c);

/* ---- Scanning (scanf family) ---- */
/* Where input comes from: GET returns the next unit (a byte, or a UTF-16
 * unit when WIDE) or -1 at the end; UNGET gives the last one back. */
struct scan_src {
    int (*get)(struct scan_src *s);
    void (*unget)(struct scan_src *s, int c);
    int wide;
};
enum {
    SCAN_WIDE_FMT = 1,  /* the format is UTF-16 */
    SCAN_SECURE = 2,    /* scanf_s: %s %c %[ take a buffer size after the pointer */
    SCAN_WIDE_STR = 4,  /* %s/%c/%[ store wide characters unless h/S say otherwise */
    SCAN_UCRT = 8,      /* UCRT input forms (inf, nan, hex floats) */
};
/* Scan with Microsoft semantics; returns the number of fields assigned,
 * or EOF (-1) if the input ended before the first conversion. */
int crt_scan(struct scan_src *src, const void *fmt, struct msargs *ap, int flags);

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
/* CRT file descriptors are host descriptors; the CRT remembers each one's
 * translation mode and the Windows HANDLE behind it (fdtab.c). */
#define CRT_O_RDONLY 0x0000
#define CRT_O_WRONLY 0x0001
#define CRT_O_RDWR 0x0002
#define CRT_O_APPEND 0x0008
#define CRT_O_RANDOM 0x0010
#define CRT_O_SEQUENTIAL 0x0020
#define CRT_O_TEMPORARY 0x0040
#define CRT_O_NOINHERIT 0x0080
#define CRT_O_CREAT 0x0100
#define CRT_O_TRUNC 0x0200
#define CRT_O_EXCL 0x0400
#define CRT_O_SHORT_LIVED 0x1000
#define CRT_O_OBTAIN_DIR 0x2000
#define CRT_O_TEXT 0x4000
#define CRT_O_BINARY 0x8000
#define CRT_O_WTEXT 0x10000
#define CRT_O_U16TEXT 0x20000
#define CRT_O_U8TEXT 0x40000
#define CRT_MODE_MASK (CRT_O_TEXT | CRT_O_BINARY | CRT_O_WTEXT | CRT_O_U16TEXT | CRT_O_U8TEXT)
extern int crt_fmode; /* _fmode: default mode for new fds */
int crt_fd_is_text(int fd);
/* The fd's mode: one of CRT_O_TEXT, _BINARY, _WTEXT, _U16TEXT, _U8TEXT. */
int crt_fd_mode(int fd);
int crt_set_fd_mode(int fd, int mode); /* returns the previous mode, -1 if bad */
/* A descriptor was opened with CRT flags FLAGS (mode bits, _O_TEMPORARY
 * with the host path to delete at close). */
void crt_fd_opened(int fd, int flags, const char *host_path);
/* Close a CRT descriptor (and the Windows handle made for it). */
int crt_fd_close(int fd);
/* Whether FD is open. */
int crt_fd_valid(int fd);
/* Open Windows path PATH (UTF-8) with CRT flags and permission bits;
 * returns the fd, or -1 with errno/_doserrno set. */
int crt_open(const char *path, int flags, int pmode);
/* Windows path → host path; -1 with errno/_doserrno set on failure. */
int crt_host_path(const char *win, char *out, size_t n);
int crt_host_wpath(const WCHAR *win, char *out, size_t n);
/* Read N raw bytes (retrying on EINTR); -1 with errno set. */
long crt_raw_read(int fd, void *p, size_t n);
/* Write all N bytes with FD's translation (as _write); -1 on failure. */
int crt_fd_write(int fd, const void *buf, size_t n);

/* ---- Environment (env.c) ---- */
/* The CRT's copies of the environment (NAME=VALUE, NULL-terminated), kept
 * in step with each other and with the process (host) environment. */
extern char **crt_environ, **crt_initenv;
extern WCHAR **crt_wenviron, **crt_winitenv;
const char *crt_getenv(const char *name);
/* Set NAME to VALUE (NULL or "" removes it); 0 or -1. */
int crt_setenv(const char *name, const char *value);
/* Reload from kernel32's environment block (at program start). */
void crt_env_init(void);

/* ---- Helpers shared between files (and unit tests) ---- */
/* Windows wildcard matching (find.c). */
int crt_wildcard_match(const char *pattern, const char *name);
/* An absolute Windows path for PATH, malloc'ed (dirs.c). */
char *crt_full_path(const char *path);
/* Parse a number as the msvcrt (UCRT 0) or UCRT (1) strtod does; *LEN
 * gets the characters used (strtod.c). */
double crt_strtod(const char *s, size_t *len, int ucrt, int as_float, float *f);

/* ---- Process ---- */
/* Run the signal handler for an exception (signal.c); -1 handled, 0 not. */
int crt_signal_exception(int ms_signal, int fpe_code);
/* abort's raise(SIGABRT): runs the program's handler if it set one. */
void crt_raise_abort(void);
/* abort() as the program's CRT does it. */
void crt_abort(void) __attribute__((noreturn));
void crt_misc_init(void);
/* At ExitProcess (kernel32): flush the streams, as the CRT DLLs do when
 * they are detached. */
void crt_process_detach(void);
void crt_init(int argc, char **argv);
void crt_process_init(void);
/* The pieces crt_process_init runs, in this order. */
void crt_ctype_init(void);
void crt_wctype_init(void);
void crt_mbctype_init(void);
void crt_std_streams_init(void);
void crt_env_host_init(void);
void crt_clock_init(void);
void crt_tz_init(void);
void crt_run_atexit(void);
void crt_exit(int code) __attribute__((noreturn));

#endif
