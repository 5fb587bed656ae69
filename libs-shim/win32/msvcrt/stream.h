/* stream.h — internals of the CRT's streams, shared by the files that
 * implement them (stdio.c: buffering and translation; fopen.c: opening and
 * closing; fseek.c: positioning; wstdio.c: wide characters; scanf.c).
 *
 * Each MS_FILE that programs see (crt_iob[i], msvcrt's 48-byte layout)
 * has a struct xstream beside it (xs[i]) that holds the real state. One
 * buffer serves reading and writing: while writing, buf[0..wlen) holds
 * bytes already translated for the file (\r\n in text mode); while
 * reading, buf[rpos..rlen) holds raw bytes not yet consumed. The visible
 * _cnt stays 0, so programs' inline getc/putc macros (_fgetc_nolock) go
 * through _filbuf/_flsbuf. */
#ifndef XENO_CRT_STREAM_H
#define XENO_CRT_STREAM_H

#include "crt.h"

#define MS_IOREAD 0x0001
#define MS_IOWRT 0x0002
#define MS_IOMYBUF 0x0008
#define MS_IOEOF 0x0010
#define MS_IOERR 0x0020
#define MS_IOSTRG 0x0040
#define MS_IORW 0x0080
#define MS_EOF (-1)
#define MS_WEOF 0xffff
#define MS_IOFBF 0x0000
#define MS_IOLBF 0x0040
#define MS_IONBF 0x0004
#define CRT_BUFSIZ 4096

struct xstream {
    int used;
    int fd;
    int text;                 /* \n ⇄ \r\n, Ctrl-Z ends input */
    int can_read, can_write, append;
    int unbuffered;           /* _IONBF (stderr, setvbuf) */
    int console;              /* a terminal: output leaves at each call's end */
    char *buf;
    size_t bufsz;
    int user_buf;             /* buf belongs to the program (setvbuf) */
    size_t wlen;              /* pending output */
    size_t rpos, rlen;        /* unread input */
    unsigned char back[8];    /* pushed back bytes (ungetc, ungetwc), last on top */
    int nback;
    WCHAR wpending;           /* second half of a surrogate pair (fgetwc) */
    WCHAR whigh;              /* first half of a pair being written (fputwc) */
    char *tmp_host;           /* removed at close (tmpfile, "D" mode) */
    int child;                /* _popen: the child's pid */
    pthread_mutex_t lock;
};

extern struct xstream crt_xs[CRT_MAX_STREAMS];

static inline struct xstream *crt_x(MS_FILE *f)
{
    size_t i = (size_t)(f - crt_iob);
    return f && i < CRT_MAX_STREAMS && crt_xs[i].used ? &crt_xs[i] : NULL;
}

/* Parsed fopen mode string. */
struct fmode {
    int oflags;               /* CRT _O_* flags for crt_open */
    int can_read, can_write, append;
};
/* Parse MODE as Microsoft's fopen does; -1 if it is not valid. */
int crt_parse_fmode(const char *mode, struct fmode *m);
/* A stream on an open descriptor (fopen, _fdopen, tmpfile, _popen). */
MS_FILE *crt_stream_new(int fd, const struct fmode *m);
/* Reuse the closed stream F for descriptor FD (freopen). */
void crt_stream_reinit(MS_FILE *f, int fd, const struct fmode *m);
/* Close a stream; returns 0 or EOF. CLOSE_FD: also close the fd. */
int crt_stream_close(MS_FILE *f, int close_fd);

/* Locked helpers (the caller holds the stream's lock). */
int crt_flush_locked(MS_FILE *f, struct xstream *s);
int crt_getc_locked(MS_FILE *f, struct xstream *s);
int crt_putc_locked(MS_FILE *f, struct xstream *s, int c);
int crt_ungetc_locked(MS_FILE *f, struct xstream *s, int c);
size_t crt_write_locked(MS_FILE *f, struct xstream *s, const void *p, size_t n);
/* The same without text translation (UTF-16 output). */
size_t crt_write_bin_locked(MS_FILE *f, struct xstream *s, const void *p, size_t n);
/* One byte, translated (\r\n → \n, Ctrl-Z) when TEXT. */
int crt_getbyte_locked(MS_FILE *f, struct xstream *s, int text);
/* The stream's position in raw file bytes, or -1. */
int64_t crt_tell_locked(MS_FILE *f, struct xstream *s);
/* Drop buffered data and move the descriptor; -1 on failure. */
int crt_seek_locked(MS_FILE *f, struct xstream *s, int64_t off, int whence);

/* Wide character I/O (wstdio.c). */
int crt_getwc_locked(MS_FILE *f, struct xstream *s);
int crt_putwc_locked(MS_FILE *f, struct xstream *s, WCHAR c);
int crt_ungetwc_locked(MS_FILE *f, struct xstream *s, int c);

#endif
