/* xeno.h — process-wide declarations shared by the loader, the personalities
 * and the tools: version, exit codes, diagnostics. */
#ifndef XENO_H
#define XENO_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define XENO_VERSION "0.1.0"

/* Exit codes, as a shell reports them for exec failures. */
enum {
    XENO_EXIT_USAGE = 2,      /* bad command line */
    XENO_EXIT_NOLOAD = 126,   /* the file cannot be loaded or run */
    XENO_EXIT_UNIMPL = 127,   /* the guest called something xeno lacks */
};

/* An error message owned by the caller: parsers fill it instead of exiting,
 * so tests can check it and the command line can print it. */
struct xerr {
    char msg[256];
};

int xerr_set(struct xerr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "xeno: MSG" on stderr. */
void xeno_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "xeno: MSG" on stderr, then exit(code). */
void xeno_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
