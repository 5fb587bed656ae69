/* stdio_impl.h — the FILE structure and the printf engine internals,
 * shared by the stdio files only. */
#ifndef CRT_STDIO_IMPL_H
#define CRT_STDIO_IMPL_H
#include <stdio.h>

enum {
    F_READ = 1, F_WRITE = 2, F_EOF = 4, F_ERR = 8, F_ALLOC = 16,
    F_CHECKTTY = 32,    /* decide line buffering at the first write */
};

struct __crt_file {
    int fd;
    int flags;
    int bufmode;        /* _IOFBF, _IOLBF or _IONBF */
    int state;          /* 0 idle, 'r' holding read-ahead, 'w' holding output */
    size_t pos, len;    /* read: buf[pos..len) unread; write: buf[0..len) */
    struct __crt_file *next;
    unsigned char buf[4096];
};

/* The printf engine's output (a buffer, or a stream when f is set) and
 * one parsed conversion. */
struct sink {
    char *buf;
    size_t cap, len;
    FILE *f;
};

struct spec {
    int left, plus, space, alt, zero, width, prec;
    char conv;
};

void __fmt_out(struct sink *s, const char *p, size_t n);
void __fmt_pad(struct sink *s, char c, int n);
/* Emit prefix + zeros + digits, padded to the field width. */
void __fmt_field(struct sink *s, const struct spec *sp, const char *prefix,
                 int zeros, const char *digits, int ndigits);
void __fmt_float(struct sink *s, struct spec *sp, double d);

/* Append n bytes to a stream; returns 0, or EOF on a write error. */
int __fputn(FILE *f, const char *s, size_t n);
/* Make stdout line buffered if it is a terminal (once). */
void __stdio_checktty(FILE *f);
/* Flush every open stream (called by exit). */
void __stdio_exit(void);

#endif
