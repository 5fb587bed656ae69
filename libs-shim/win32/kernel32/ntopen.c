/* ntopen.c — ntdll's NtCreateFile and NtOpenFile (and their Zw names) on
 * kernel32's CreateFile: an OBJECT_ATTRIBUTES name relative to an open
 * directory handle (how Rust's std::fs::remove_dir_all walks a tree) or an
 * NT path (\??\C:\...), the six create dispositions with the
 * IO_STATUS_BLOCK's FILE_CREATED/FILE_OPENED… answer, and the options
 * that decide what may be opened (FILE_DIRECTORY_FILE,
 * FILE_NON_DIRECTORY_FILE) or how (FILE_DELETE_ON_CLOSE,
 * FILE_OPEN_REPARSE_POINT). Names under \Device\ are not mapped and fail
 * with STATUS_OBJECT_PATH_NOT_FOUND. As on Windows the last-error value is
 * left as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../ntstatus.h"
#include "../unicode.h"
#include "fileobj.h"
#include "k32.h"
#include "pathres.h"

typedef struct {
    USHORT Length, MaximumLength;
    WCHAR *Buffer;
} UNICODE_STRING_NT;

typedef struct {
    ULONG Length;
    HANDLE RootDirectory;
    UNICODE_STRING_NT *ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJECT_ATTRIBUTES;

typedef struct {
    union { NTSTATUS Status; PVOID Pointer; } u;
    ULONG_PTR Information;
} IO_STATUS_BLOCK_NT;

enum { FILE_SUPERSEDE, FILE_OPEN, FILE_CREATE, FILE_OPEN_IF, FILE_OVERWRITE, FILE_OVERWRITE_IF };
enum { FILE_SUPERSEDED, FILE_OPENED, FILE_CREATED, FILE_OVERWRITTEN };
#define FILE_DIRECTORY_FILE 0x1u
#define FILE_NON_DIRECTORY_FILE 0x40u
#define FILE_DELETE_ON_CLOSE_OPT 0x1000u
#define FILE_OPEN_REPARSE_POINT 0x200000u
#define FILE_FLAG_BACKUP_SEMANTICS_ 0x02000000u
#define FILE_FLAG_DELETE_ON_CLOSE_ 0x04000000u
#define FILE_FLAG_OPEN_REPARSE_POINT_ 0x00200000u
#define PATH_MAX_NT 4096
#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5

/* CreateFile's disposition for each NT one. */
static const DWORD dispositions[] = {
    [FILE_SUPERSEDE] = CREATE_ALWAYS, [FILE_OPEN] = OPEN_EXISTING, [FILE_CREATE] = CREATE_NEW,
    [FILE_OPEN_IF] = OPEN_ALWAYS, [FILE_OVERWRITE] = TRUNCATE_EXISTING,
    [FILE_OVERWRITE_IF] = CREATE_ALWAYS,
};

/* The Windows path (UTF-8) OA names, in OUT: 0 or an NTSTATUS. */
static NTSTATUS object_path(const OBJECT_ATTRIBUTES *oa, char *out, size_t n)
{
    OBJECT_ATTRIBUTES a;
    UNICODE_STRING_NT us;
    if (!oa || !k32_copy_in(&a, oa, sizeof a) || !a.ObjectName ||
        !k32_copy_in(&us, a.ObjectName, sizeof us) || us.Length % 2 || (us.Length && !us.Buffer))
        return STATUS_NT_INVALID_PARAMETER;
    WCHAR *w = calloc(us.Length / 2 + 1, sizeof *w);
    if (!w || !k32_copy_in(w, us.Buffer, us.Length)) {
        free(w);
        return w ? STATUS_NT_ACCESS_VIOLATION : (NTSTATUS)0xC0000017;
    }
    char *name = w32_wide_to_utf8(w);
    free(w);
    if (!name)
        return STATUS_OBJECT_NAME_INVALID;
    NTSTATUS st = 0;
    if (a.RootDirectory) { /* relative to an open directory */
        struct w32_file *d = w32_file_get(a.RootDirectory);
        if (!d || !d->host_path)
            st = STATUS_NT_INVALID_HANDLE;
        else if (name[0] == '\\')
            st = STATUS_OBJECT_NAME_INVALID;
        else
            snprintf(out, n, "Z:%s%s%s", d->host_path, *name ? "\\" : "", name);
        if (d)
            w32_obj_put(&d->o);
    } else if (!strncmp(name, "\\??\\", 4) || !strncmp(name, "\\DosDevices\\", 12)) {
        snprintf(out, n, "%s", name + (name[1] == '?' ? 4 : 12));
    } else {
        st = STATUS_OBJECT_PATH_NOT_FOUND; /* \Device\... is not mapped */
    }
    free(name);
    return st;
}

/* Open PATH as asked: the handle in *H, or an NTSTATUS. */
static NTSTATUS open_path(const char *path, DWORD access, DWORD share, ULONG disp, ULONG opts,
                          ULONG attrs, HANDLE *h, ULONG_PTR *info)
{
    char host[PATH_MAX_NT];
    struct stat st;
    int existed = k32_host_path(path, host, sizeof host, 0) == 0 && stat(host, &st) == 0;
    if (existed && (opts & FILE_NON_DIRECTORY_FILE) && S_ISDIR(st.st_mode))
        return STATUS_FILE_IS_A_DIRECTORY;
    if (existed && (opts & FILE_DIRECTORY_FILE) && !S_ISDIR(st.st_mode))
        return STATUS_NOT_A_DIRECTORY;
    if (!existed && (opts & FILE_DIRECTORY_FILE) && disp != FILE_OPEN) {
        DWORD e = k32_host_path(path, host, sizeof host, 0); /* a new directory */
        if (e || mkdir(host, 0777) < 0)
            return e ? w32_status_from_error(e) : STATUS_OBJECT_PATH_NOT_FOUND;
        disp = FILE_OPEN;
    }
    DWORD flags = (attrs & 0xffff) | (opts & FILE_NON_DIRECTORY_FILE ? 0 : FILE_FLAG_BACKUP_SEMANTICS_) |
                  (opts & FILE_DELETE_ON_CLOSE_OPT ? FILE_FLAG_DELETE_ON_CLOSE_ : 0) |
                  (opts & FILE_OPEN_REPARSE_POINT ? FILE_FLAG_OPEN_REPARSE_POINT_ : 0);
    *h = k32_create_file(path, access, share, NULL, dispositions[disp], flags);
    if (*h == INVALID_HANDLE_VALUE)
        return w32_status_from_error(w32_get_last_error());
    *info = !existed ? FILE_CREATED
          : disp == FILE_SUPERSEDE ? FILE_SUPERSEDED
          : disp == FILE_OVERWRITE || disp == FILE_OVERWRITE_IF ? FILE_OVERWRITTEN : FILE_OPENED;
    return 0;
}

static NTSTATUS WINAPI w32_NtCreateFile(HANDLE *out, DWORD access, const OBJECT_ATTRIBUTES *oa,
                                        IO_STATUS_BLOCK_NT *iosb, const LARGE_INTEGER *alloc,
                                        ULONG attrs, ULONG share, ULONG disp, ULONG opts,
                                        PVOID ea, ULONG ea_len)
{
    (void)alloc, (void)ea, (void)ea_len;
    char *path = malloc(PATH_MAX_NT);
    DWORD saved = w32_get_last_error();
    HANDLE h = INVALID_HANDLE_VALUE;
    ULONG_PTR info = 0;
    NTSTATUS st = !path ? (NTSTATUS)0xC0000017
                : disp > FILE_OVERWRITE_IF || ((opts & FILE_DIRECTORY_FILE) && (opts & FILE_NON_DIRECTORY_FILE))
                ? STATUS_NT_INVALID_PARAMETER : object_path(oa, path, PATH_MAX_NT);
    if (!st)
        st = open_path(path, access, share, disp, opts, attrs, &h, &info);
    free(path);
    w32_set_last_error(saved);
    IO_STATUS_BLOCK_NT r = { { st }, info };
    if (!st && (!out || !k32_copy_out(out, &h, sizeof h))) {
        w32_handle_close(h);
        return STATUS_NT_ACCESS_VIOLATION;
    }
    if (iosb && !k32_copy_out(iosb, &r, sizeof r))
        return STATUS_NT_ACCESS_VIOLATION;
    return st;
}

static NTSTATUS WINAPI w32_NtOpenFile(HANDLE *out, DWORD access, const OBJECT_ATTRIBUTES *oa,
                                      IO_STATUS_BLOCK_NT *iosb, ULONG share, ULONG opts)
{
    return w32_NtCreateFile(out, access, oa, iosb, NULL, 0, share, FILE_OPEN, opts, NULL, 0);
}

W32_EXPORTS(ntdll) = {
    EXPORT(NtCreateFile, "hupppuuuupu:u"),
    EXPORT(NtOpenFile, "hupppuu:u"),
    EXPORT_AS("ZwCreateFile", w32_NtCreateFile, "hupppuuuupu:u"),
    EXPORT_AS("ZwOpenFile", w32_NtOpenFile, "hupppuu:u"),
};
