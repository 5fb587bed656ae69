/* printf.h — what the printf files (printf.c: streams, printf_buf.c:
 * buffers, conio.c: the console) share: Microsoft varargs, the UCRT's
 * option bits, and the common targets. */
#ifndef XENO_CRT_PRINTF_H
#define XENO_CRT_PRINTF_H

#include "crt.h"

typedef __builtin_ms_va_list ms_va_list;

/* UCRT option bits (corecrt_stdio_config.h) */
#define UCRT_LEGACY_VSPRINTF_NULL_TERMINATION 0x1ull
#define UCRT_STANDARD_SNPRINTF_BEHAVIOR 0x2ull
#define UCRT_LEGACY_WIDE_SPECIFIERS 0x4ull
#define UCRT_LEGACY_MSVCRT_COMPATIBILITY 0x8ull
#define UCRT_LEGACY_THREE_DIGIT_EXPONENTS 0x10ull

/* The scanf option bits. */
#define UCRT_SCANF_SECURECRT 0x1ull
#define UCRT_SCANF_LEGACY_WIDE_SPECIFIERS 0x2ull
#define UCRT_SCANF_LEGACY_MSVCRT_COMPATIBILITY 0x4ull

/* _TRUNCATE for the _snprintf_s family. */
#define CRT_TRUNCATE ((size_t)-1)

/* Formatter flags for UCRT options; WIDE: a wide entry point. */
int crt_ucrt_flags(uint64_t opt, int wide);

/* Format to a stream; FN names the function for invalid-parameter
 * reports. The wide form converts the format and writes characters. */
int crt_print_stream(MS_FILE *f, const char *fmt, ms_va_list va, int flags, const char *fn);
int crt_wprint_stream(MS_FILE *f, const WCHAR *fmt, ms_va_list va, int flags, const char *fn);
/* Format to the console (conio.c: standard output, untranslated). */
int crt_console_print(const char *fmt, ms_va_list va, int flags);

#endif
