/* fileobj.c — file handles: creation from host descriptors, lookup,
 * access-right mapping, waiting on them (a readable pipe or terminal is
 * signalled when input is there; anything else always is), and closing
 * (with delete-on-close). */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k32.h"
#include "fileobj.h"

#define FILE_GENERIC_READ 0x120089
#define FILE_GENERIC_WRITE 0x120116
#define FILE_GENERIC_EXECUTE 0x1200a0
#define FILE_ALL_ACCESS 0x1f01ff
#define MAXIMUM_ALLOWED 0x02000000

DWORD k32_file_rights(DWORD a)
{
    DWORD r = a & 0x01ffffff & ~(DWORD)MAXIMUM_ALLOWED;
    if (a & GENERIC_READ)
        r |= FILE_GENERIC_READ;
    if (a & GENERIC_WRITE)
        r |= FILE_GENERIC_WRITE;
    if (a & GENERIC_EXECUTE)
        r |= FILE_GENERIC_EXECUTE;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED))
        r |= FILE_ALL_ACCESS;
    return r;
}

static void destroy(struct w32_object *o)
{
    struct w32_file *f = (struct w32_file *)o;
    k32_share_close(f);
    if (f->port)
        w32_obj_put((struct w32_object *)f->port);
    if (f->fd > 2)
        close(f->fd);
    if (f->delete_on_close && f->host_path) {
        if (f->is_dir)
            rmdir(f->host_path);
        else
            unlink(f->host_path);
    }
    free(f->host_path);
    free(f);
}

/* Input waiting on a pipe, socket or terminal opened for reading. */
static int file_ready(struct w32_object *o, DWORD tid)
{
    (void)tid;
    struct w32_file *f = (struct w32_file *)o;
    if (!(f->rights & FILE_READ_DATA) || f->is_dir)
        return 1;
    struct stat st;
    if (fstat(f->fd, &st) < 0 || S_ISREG(st.st_mode))
        return 1;
    struct pollfd p = { f->fd, POLLIN, 0 };
    return poll(&p, 1, 0) != 0;
}

static const struct w32_waitops file_ops = { file_ready, NULL, 1 };

struct w32_file *k32_file_new(int fd, DWORD access, const char *host_path)
{
    struct w32_file *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->o.type = W32_H_FILE;
    f->o.destroy = destroy;
    f->o.wait = &file_ops;
    f->o.signalled = 1;
    f->fd = fd;
    f->access = access;
    f->rights = k32_file_rights(access);
    f->share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    f->host_path = host_path ? strdup(host_path) : NULL;
    return f;
}

HANDLE w32_file_handle(int fd, DWORD access, const char *host_path)
{
    struct w32_file *f = k32_file_new(fd, access, host_path);
    if (!f)
        return INVALID_HANDLE_VALUE;
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
