/* fileobj.h — the object behind a file, directory, pipe or console
 * HANDLE: a host file descriptor and what kernel32 needs to remember
 * about it (access and share modes, flags, the open-file record that
 * share modes and byte-range locks are checked against, an I/O
 * completion port it is bound to). */
#ifndef XENO_W32_FILEOBJ_H
#define XENO_W32_FILEOBJ_H

#include "../handles.h"

struct k32_inode;
struct k32_iocp;

struct w32_file {
    struct w32_object o;
    int fd;
    DWORD access;            /* GENERIC_* as asked, or specific rights */
    DWORD flags;             /* FILE_FLAG_* */
    int append;              /* FILE_APPEND_DATA without write: always at the end */
    int delete_on_close;
    char *host_path;         /* for GetFinalPathNameByHandle, delete-on-close */
    DWORD rights;            /* specific rights (FILE_READ_DATA …) after mapping GENERIC_* */
    DWORD share;             /* FILE_SHARE_* */
    int is_dir;
    struct k32_inode *ino;   /* share and lock bookkeeping, or NULL */
    struct k32_iocp *port;   /* CreateIoCompletionPort association */
    ULONG_PTR port_key;
    int kind;                /* 0 not yet known, 1 pipe or socket, 2 other (k32_file_is_stream) */
};

/* A new handle for host descriptor FD (owned: closed with the last handle). */
HANDLE w32_file_handle(int fd, DWORD access, const char *host_path);
/* The file object behind H (reference taken), or NULL with the error set. */
struct w32_file *w32_file_get(HANDLE h);
/* A file object (not yet behind a handle) for FD; NULL if out of memory. */
struct w32_file *k32_file_new(int fd, DWORD access, const char *host_path);

/* Specific access rights. */
#define FILE_READ_DATA 0x0001
#define FILE_WRITE_DATA 0x0002
#define FILE_APPEND_DATA 0x0004
#define FILE_EXECUTE 0x0020
#define FILE_READ_ATTRIBUTES 0x0080
#define FILE_WRITE_ATTRIBUTES 0x0100
#define K32_DELETE 0x00010000
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4
/* GENERIC_* → the specific rights they stand for on files. */
DWORD k32_file_rights(DWORD access);

/* ---- open-file records (fileshare.c) ---- */
/* Register F's open of the file at HOST (by device and inode) with its
 * rights and share mode: ERROR_SHARING_VIOLATION if it conflicts with
 * another open, else 0. */
DWORD k32_share_open(struct w32_file *f, const char *host);
void k32_share_close(struct w32_file *f);
/* Could the file at HOST be opened now with RIGHTS and SHARE? */
DWORD k32_share_check(const char *host, DWORD rights, DWORD share);
/* Byte-range locks: may F read (or write) [OFF, OFF+N) given the locks
 * other handles hold? */
int k32_lock_allows(struct w32_file *f, uint64_t off, uint64_t n, int write);
/* Does any byte-range lock exist on F's file (a hint, read without the lock)? */
int k32_lock_any(const struct w32_file *f);
/* Is F a pipe or socket (no file position)? Asked of the host once. */
int k32_file_is_stream(struct w32_file *f);

#endif
