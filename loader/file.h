/* file.h — a foreign binary opened and mapped read-only for inspection. */
#ifndef XENO_FILE_H
#define XENO_FILE_H

#include <stddef.h>
#include "xeno.h"

struct xfile {
    const char *path;
    unsigned char *data; /* private copy-on-write mapping, never written */
    size_t size;
    int fd;              /* kept open (close-on-exec) for mapping segments */
};

/* Open and map PATH. Refuses directories, devices, FIFOs and empty files
 * without blocking. Returns 0, or -1 with the reason in *e. */
int xfile_open(struct xfile *f, const char *path, struct xerr *e);
void xfile_close(struct xfile *f);

/* Bounds-checked access: a pointer to LEN bytes at OFF, or NULL. */
static inline const void *xfile_at(const struct xfile *f, size_t off, size_t len)
{
    if (off > f->size || len > f->size - off)
        return NULL;
    return f->data + off;
}

#endif
