/* iocp.h — I/O completion ports (iocp.c), and the hook through which
 * ws2_32's sockets (file objects whose I/O ws2_32 performs, completing
 * later from its own thread) take part in kernel32's file calls. */
#ifndef XENO_K32_IOCP_H
#define XENO_K32_IOCP_H

#include "../w32.h"

struct k32_iocp;
struct w32_file;
/* Queue a completion packet (lock not held). */
void k32_iocp_post(struct k32_iocp *p, DWORD bytes, ULONG_PTR key, void *ovl);

/* Set by ws2_32 when it makes its first socket (ws2_32/fileops.c).
 * ReadFile/WriteFile, CancelIo/CancelIoEx on a socket handle go to it,
 * and the Win32 error of a completed operation's NTSTATUS comes from it. */
struct k32_socket_ops {
    int (*owns)(struct w32_file *f);
    /* 0, ERROR_IO_PENDING or an error; *DONE the bytes moved at once. */
    DWORD (*io)(struct w32_file *f, void *buf, DWORD n, DWORD *done, void *ovl, int wr);
    /* Cancel pending operations (OVL NULL: all; ANY_THREAD 0: only the
     * calling thread's): how many were. */
    int (*cancel)(struct w32_file *f, void *ovl, int any_thread);
    DWORD (*status_error)(ULONG_PTR status);
};
extern const struct k32_socket_ops *k32_socket_ops;

#endif
