/* detect.h — deciding what kind of program a file is, and whether xeno
 * can run it, before any personality-specific parsing. */
#ifndef XENO_DETECT_H
#define XENO_DETECT_H

#include "file.h"

enum xkind {
    XK_UNSUPPORTED,  /* d->why says why */
    XK_PE64,         /* PE32+ x86-64: the win64 personality */
    XK_ELF_FREEBSD,  /* FreeBSD amd64 ELF: the freebsd personality */
    XK_ELF_LINUX,    /* a host program: runs natively */
};

struct xdetect {
    enum xkind kind;
    char what[160];  /* a short description, e.g. "PE32+ executable, x86-64" */
    char why[200];   /* for XK_UNSUPPORTED: the one-line reason */
};

void xdetect(const struct xfile *f, struct xdetect *d);

#endif
