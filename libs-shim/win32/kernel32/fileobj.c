/* fileobj.c — file handles: creation from host descriptors, lookup, and
 * closing (with delete-on-close). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileobj.h"

static void destroy(struct w32_object *o)
{
    struct w32_file *f = (struct w32_file *)o;
    if (f->fd > 2)
        close(f->fd);
    if (f->delete_on_close && f->host_path)
        unlink(f->host_path);
    free(f->host_path);
    free(f);
}

HANDLE w32_file_handle(int fd, DWORD access, const char *host_path)
{
    struct w32_file *f = calloc(1, sizeof *f);
    if (!f)
        return INVALID_HANDLE_VALUE;
    f->o.type = W32_H_FILE;
    f->o.destroy = destroy;
    f->o.signalled = 1;
    f->fd = fd;
    f->access = access;
    f->host_path = host_path ? strdup(host_path) : NULL;
    HANDLE h = w32_handle_new(&f->o);
    if (!h) {
        destroy(&f->o);
        return INVALID_HANDLE_VALUE;
    }
    return h;
}

struct w32_file *w32_file_get(HANDLE h)
{
    return (struct w32_file *)w32_handle_get(h, W32_H_FILE);
}
