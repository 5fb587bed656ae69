/* ntfile.c — ntdll's calls on open file handles, as Go's and Rust's
 * standard libraries make them: NtReadFile and NtWriteFile (Rust's
 * std reads and writes every handle through them), NtQueryInformationFile
 * and NtSetInformationFile (Go asks FileModeInformation to learn whether
 * a handle is synchronous; its os.Root deletes and renames through
 * FileDispositionInformation(Ex) and FileRenameInformation(Ex)). They
 * share kernel32's file objects and report NTSTATUS values through an
 * IO_STATUS_BLOCK; the last-error value is left alone, as on Windows. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ntstatus.h"
#include "k32.h"
#include "fileio.h"
#include "fileobj.h"
#include "iocp.h"

typedef struct {
    union { NTSTATUS Status; PVOID Pointer; } u;
    ULONG_PTR Information;
} IO_STATUS_BLOCK;

typedef void (WINAPI *IO_APC_ROUTINE)(PVOID ctx, IO_STATUS_BLOCK *iosb, ULONG reserved);

#define STATUS_PIPE_BROKEN_NT ((NTSTATUS)0xC000014B)
#define STATUS_NO_MEMORY_NT ((NTSTATUS)0xC0000017)
#define FILE_FLAG_WRITE_THROUGH 0x80000000u
#define FILE_FLAG_OVERLAPPED 0x40000000u
#define FILE_FLAG_NO_BUFFERING 0x20000000u
#define FILE_FLAG_SEQUENTIAL_SCAN 0x08000000u
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000u
/* FILE_MODE_INFORMATION bits (the CreateOptions that stay with a handle) */
#define FILE_WRITE_THROUGH 0x2
#define FILE_SEQUENTIAL_ONLY 0x4
#define FILE_NO_INTERMEDIATE_BUFFERING 0x8
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_DELETE_ON_CLOSE 0x1000
/* ByteOffset values that mean "no offset" */
#define FILE_USE_FILE_POINTER_POSITION 0xfffffffffffffffeull
#define FILE_WRITE_TO_END_OF_FILE 0xffffffffffffffffull

static NTSTATUS finish(IO_STATUS_BLOCK *iosb, NTSTATUS st, ULONG_PTR info)
{
    IO_STATUS_BLOCK r = { { st }, info };
    if (iosb && !k32_copy_out(iosb, &r, sizeof r))
        return STATUS_NT_ACCESS_VIOLATION;
    return st;
}

/* ---- NtReadFile / NtWriteFile ---- */
static NTSTATUS io_status(DWORD e, DWORD done, DWORD n, int wr, int stream)
{
    if (e == ERROR_HANDLE_EOF || (!e && !wr && !done && n && !stream))
        return STATUS_END_OF_FILE;
    if (e == ERROR_BROKEN_PIPE)
        return STATUS_PIPE_BROKEN_NT;
    return w32_status_from_error(e);
}

/* After the transfer: the caller's event, and the completion port the
 * handle is bound to (the packet carries CTX as its OVERLAPPED pointer,
 * as Windows posts it). */
static void signal_done(HANDLE h, HANDLE event, PVOID ctx, DWORD done)
{
    struct w32_file *f;
    if (event)
        k32_set_event_handle(event);
    if ((f = (struct w32_file *)w32_handle_get(h, W32_H_FILE)) != NULL) {
        if (f->port)
            k32_iocp_post(f->port, done, f->port_key, ctx);
        w32_obj_put(&f->o);
    }
}

static NTSTATUS nt_io(HANDLE h, HANDLE event, IO_APC_ROUTINE apc, PVOID ctx, IO_STATUS_BLOCK *iosb,
                      void *buf, ULONG n, const LARGE_INTEGER *off, int wr)
{
    uint64_t o = FILE_USE_FILE_POINTER_POSITION;
    if (apc)            /* completion routines are not delivered: say so */
        return STATUS_NOT_SUPPORTED;
    if (off && !k32_copy_in(&o, off, sizeof o))
        return STATUS_NT_ACCESS_VIOLATION;
    if (!iosb || !k32_writable_range(iosb, sizeof *iosb))
        return STATUS_NT_ACCESS_VIOLATION;
    OVERLAPPED ov = { 0, 0, (DWORD)o, (DWORD)(o >> 32), (HANDLE)(uintptr_t)1 }; /* no packet */
    int positional = o != FILE_USE_FILE_POINTER_POSITION && (wr || o != FILE_WRITE_TO_END_OF_FILE);
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return STATUS_NT_INVALID_HANDLE;
    int stream = k32_file_is_stream(f);
    w32_obj_put(&f->o);
    DWORD done = 0, e = k32_file_io(h, buf, n, &done, positional ? &ov : NULL, wr);
    NTSTATUS st = io_status(e, done, n, wr, stream);
    finish(iosb, st, done);
    if ((st >= 0 && st != STATUS_NT_PENDING) || st == STATUS_END_OF_FILE)
        signal_done(h, event, ctx, done);
    return st;
}

static NTSTATUS WINAPI w32_NtReadFile(HANDLE h, HANDLE event, IO_APC_ROUTINE apc, PVOID ctx,
                                      IO_STATUS_BLOCK *iosb, PVOID buf, ULONG n,
                                      LARGE_INTEGER *off, ULONG *key)
{
    DWORD saved = w32_get_last_error();
    (void)key;
    NTSTATUS st = nt_io(h, event, apc, ctx, iosb, buf, n, off, 0);
    w32_set_last_error(saved);
    return st;
}

static NTSTATUS WINAPI w32_NtWriteFile(HANDLE h, HANDLE event, IO_APC_ROUTINE apc, PVOID ctx,
                                       IO_STATUS_BLOCK *iosb, PVOID buf, ULONG n,
                                       LARGE_INTEGER *off, ULONG *key)
{
    DWORD saved = w32_get_last_error();
    (void)key;
    NTSTATUS st = nt_io(h, event, apc, ctx, iosb, buf, n, off, 1);
    w32_set_last_error(saved);
    return st;
}

/* ---- NtQueryInformationFile ---- */
/* FILE_INFORMATION_CLASS values, and the FILE_INFO_BY_HANDLE_CLASS of
 * kernel32 whose structure has the same layout. */
enum { FileBasicInformation = 4, FileStandardInformation = 5, FileInternalInformation = 6,
       FileEaInformation = 7, FileAccessInformation = 8, FileNameInformation = 9,
       FileRenameInformation = 10, FileDispositionInformation = 13,
       FilePositionInformation = 14, FileModeInformation = 16, FileAlignmentInformation = 17,
       FileAllocationInformation = 19, FileEndOfFileInformation = 20,
       FileAttributeTagInformation = 35, FileIdInformation = 59,
       FileDispositionInformationEx = 64, FileRenameInformationEx = 65,
       FileMaximumInformation = 80 };

static const struct { int nt, k32; ULONG size; } same_layout[] = {
    { FileBasicInformation, 0, 40 },         /* FILE_BASIC_INFO */
    { FileStandardInformation, 1, 24 },      /* FILE_STANDARD_INFO */
    { FileNameInformation, 2, 4 },           /* FILE_NAME_INFO (length + name) */
    { FileAttributeTagInformation, 9, 8 },   /* FILE_ATTRIBUTE_TAG_INFO */
    { FileIdInformation, 18, 24 },           /* FILE_ID_INFO */
};

static ULONG mode_bits(DWORD flags)
{
    static const struct { DWORD flag; ULONG mode; } bits[] = {
        { FILE_FLAG_WRITE_THROUGH, FILE_WRITE_THROUGH },
        { FILE_FLAG_SEQUENTIAL_SCAN, FILE_SEQUENTIAL_ONLY },
        { FILE_FLAG_NO_BUFFERING, FILE_NO_INTERMEDIATE_BUFFERING },
        { FILE_FLAG_DELETE_ON_CLOSE, FILE_DELETE_ON_CLOSE },
    };
    ULONG m = flags & FILE_FLAG_OVERLAPPED ? 0 : FILE_SYNCHRONOUS_IO_NONALERT;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (flags & bits[i].flag)
            m |= bits[i].mode;
    return m;
}

/* The small classes xeno answers from the file object itself: the value
 * in *V (SIZE bytes), or an NTSTATUS. */
static NTSTATUS small_info(struct w32_file *f, int cls, uint64_t *v, ULONG *size)
{
    struct stat st;
    *v = 0, *size = 4;
    switch (cls) {
    case FileInternalInformation:
        if (fstat(f->fd, &st) < 0)
            return w32_status_from_error(w32_error_from_errno(errno));
        *v = (uint64_t)st.st_ino, *size = 8;
        return 0;
    case FileEaInformation: return 0;          /* no extended attributes */
    case FileAlignmentInformation: return 0;   /* FILE_BYTE_ALIGNMENT */
    case FileAccessInformation: *v = f->rights | (f->access & 0xffff0000u); return 0;
    case FileModeInformation: *v = mode_bits(f->flags); return 0;
    case FilePositionInformation: {
        off_t p = lseek(f->fd, 0, SEEK_CUR);
        *size = 8;
        *v = p < 0 ? 0 : (uint64_t)p;          /* pipes and consoles: 0 */
        return 0;
    }
    }
    return STATUS_INVALID_INFO_CLASS;
}

static NTSTATUS query_small(HANDLE h, int cls, void *buf, ULONG n, ULONG *written)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return STATUS_NT_INVALID_HANDLE;
    uint64_t v;
    ULONG size;
    NTSTATUS st = small_info(f, cls, &v, &size);
    w32_obj_put(&f->o);
    if (st)
        return st;
    if (n < size)
        return STATUS_INFO_LENGTH_MISMATCH;
    if (!k32_copy_out(buf, &v, size))
        return STATUS_NT_ACCESS_VIOLATION;
    *written = size;
    return 0;
}

static NTSTATUS query_mapped(HANDLE h, int k32cls, ULONG size, void *buf, ULONG n, ULONG *written)
{
    if (n < size)
        return STATUS_INFO_LENGTH_MISMATCH;
    DWORD e = k32_file_info(h, k32cls, buf, n);
    if (e == ERROR_MORE_DATA) {               /* a name that did not fit */
        *written = n;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (e)
        return e == ERROR_BAD_LENGTH ? STATUS_INFO_LENGTH_MISMATCH : w32_status_from_error(e);
    if (k32cls == 2) {                        /* FileNameInformation: length + name */
        DWORD len = 0;
        k32_copy_in(&len, buf, sizeof len);
        size = 4 + len;
    }
    *written = size;
    return 0;
}

static NTSTATUS nt_query_file(HANDLE h, int cls, void *buf, ULONG n, ULONG *written)
{
    *written = 0;
    for (size_t i = 0; i < sizeof same_layout / sizeof same_layout[0]; i++)
        if (same_layout[i].nt == cls)
            return query_mapped(h, same_layout[i].k32, same_layout[i].size, buf, n, written);
    NTSTATUS st = query_small(h, cls, buf, n, written);
    if (st == STATUS_INVALID_INFO_CLASS && cls > 0 && cls < FileMaximumInformation)
        return STATUS_NOT_IMPLEMENTED;        /* a real class xeno does not answer */
    return st;
}

static NTSTATUS WINAPI w32_NtQueryInformationFile(HANDLE h, IO_STATUS_BLOCK *iosb, PVOID buf,
                                                  ULONG n, int cls)
{
    ULONG written = 0;
    if (!iosb)
        return STATUS_NT_ACCESS_VIOLATION;
    DWORD saved = w32_get_last_error();
    NTSTATUS st = nt_query_file(h, cls, buf, n, &written);
    w32_set_last_error(saved);
    return finish(iosb, st, written);
}

/* ---- NtSetInformationFile ---- */
/* FILE_RENAME_INFORMATION(_EX) → kernel32's FILE_RENAME_INFO: the same
 * layout; the Ex form's flags (REPLACE_IF_EXISTS 1, POSIX_SEMANTICS 2)
 * take the BOOLEAN's place. A name relative to a root directory handle
 * is not supported. */
static NTSTATUS set_rename(HANDLE h, const void *buf, ULONG n, int ex)
{
    struct { DWORD flags; DWORD pad; HANDLE root; DWORD len; } hdr;
    if (n < sizeof hdr)
        return STATUS_INFO_LENGTH_MISMATCH;
    char *copy = malloc(n);
    if (!copy)
        return STATUS_NO_MEMORY_NT;
    NTSTATUS st = 0;
    if (!k32_copy_in(copy, buf, n))
        st = STATUS_NT_ACCESS_VIOLATION;
    else if (memcpy(&hdr, copy, sizeof hdr), hdr.root)
        st = STATUS_NOT_SUPPORTED;
    else if (hdr.len > n - 20 || (ex && (hdr.flags & ~3u)))
        st = STATUS_NT_INVALID_PARAMETER;
    if (!st) {
        DWORD replace = ex ? hdr.flags & 1 : hdr.flags & 0xff;
        memcpy(copy, &replace, sizeof replace);
        DWORD e = k32_file_set_info(h, 3, copy, n);
        st = e == ERROR_ALREADY_EXISTS ? STATUS_OBJECT_NAME_COLLISION : w32_status_from_error(e);
    }
    free(copy);
    return st;
}

static NTSTATUS set_info(HANDLE h, int cls, void *buf, ULONG n)
{
    static const struct { int nt, k32; ULONG size; } same[] = {
        { FileBasicInformation, 0, 40 },
        { FileDispositionInformation, 4, 1 },
        { FileDispositionInformationEx, 21, 4 },
        { FileAllocationInformation, 5, 8 },
        { FileEndOfFileInformation, 6, 8 },
    };
    if (cls == FileRenameInformation || cls == FileRenameInformationEx)
        return set_rename(h, buf, n, cls == FileRenameInformationEx);
    if (cls == FilePositionInformation) {
        LARGE_INTEGER p;
        struct w32_file *f;
        if (n < 8 || !k32_copy_in(&p, buf, sizeof p))
            return n < 8 ? STATUS_INFO_LENGTH_MISMATCH : STATUS_NT_ACCESS_VIOLATION;
        if (!(f = w32_file_get(h)))
            return STATUS_NT_INVALID_HANDLE;
        int r = p.QuadPart < 0 ? -1 : (int)(lseek(f->fd, (off_t)p.QuadPart, SEEK_SET) < 0);
        w32_obj_put(&f->o);
        return r ? STATUS_NT_INVALID_PARAMETER : 0;
    }
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        if (same[i].nt == cls) {
            if (n < same[i].size)
                return STATUS_INFO_LENGTH_MISMATCH;
            return w32_status_from_error(k32_file_set_info(h, same[i].k32, buf, n));
        }
    return cls > 0 && cls < FileMaximumInformation ? STATUS_NOT_IMPLEMENTED : STATUS_INVALID_INFO_CLASS;
}

static NTSTATUS WINAPI w32_NtSetInformationFile(HANDLE h, IO_STATUS_BLOCK *iosb, PVOID buf,
                                                ULONG n, int cls)
{
    if (!iosb)
        return STATUS_NT_ACCESS_VIOLATION;
    if (n && !k32_readable(buf, n))
        return finish(iosb, STATUS_NT_ACCESS_VIOLATION, 0);
    DWORD saved = w32_get_last_error();
    NTSTATUS st = set_info(h, cls, buf, n);
    w32_set_last_error(saved);
    return finish(iosb, st, 0);
}

W32_EXPORTS(ntdll) = {
    EXPORT(NtReadFile, "hhppppupp:u"),
    EXPORT(NtWriteFile, "hhppppupp:u"),
    EXPORT(NtQueryInformationFile, "hppui:u"),
    EXPORT(NtSetInformationFile, "hppui:u"),
    EXPORT_AS("ZwReadFile", w32_NtReadFile, "hhppppupp:u"),
    EXPORT_AS("ZwWriteFile", w32_NtWriteFile, "hhppppupp:u"),
    EXPORT_AS("ZwQueryInformationFile", w32_NtQueryInformationFile, "hppui:u"),
    EXPORT_AS("ZwSetInformationFile", w32_NtSetInformationFile, "hppui:u"),
};
