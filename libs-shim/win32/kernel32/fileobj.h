/* fileobj.h — the object behind a file, pipe or console HANDLE: a host
 * file descriptor and what kernel32 needs to remember about it. */
#ifndef XENO_W32_FILEOBJ_H
#define XENO_W32_FILEOBJ_H

#include "../handles.h"

struct w32_file {
    struct w32_object o;
    int fd;
    DWORD access;            /* GENERIC_READ/WRITE as asked */
    DWORD flags;             /* FILE_FLAG_* */
    int append;              /* FILE_APPEND_DATA without write: always at the end */
    int delete_on_close;
    char *host_path;         /* for GetFinalPathNameByHandle, delete-on-close */
};

/* A new handle for host descriptor FD (owned: closed with the last handle). */
HANDLE w32_file_handle(int fd, DWORD access, const char *host_path);
/* The file object behind H (reference taken), or NULL with the error set. */
struct w32_file *w32_file_get(HANDLE h);

#endif
