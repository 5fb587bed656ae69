/* stdio.h — minimal stdio for the samples (buffered stdout, flushed at
 * exit and on newline when writing to a terminal). */
#ifndef CRT_STDIO_H
#define CRT_STDIO_H
#include <stdarg.h>
#include <stddef.h>

typedef struct __crt_file FILE;
extern FILE *stdin, *stdout, *stderr;
#define EOF (-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int puts(const char *s);
int fputs(const char *s, FILE *f);
int putchar(int c);
int fflush(FILE *f);

#endif
