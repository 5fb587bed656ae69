/* file.c — CreateFileA/W (CreateFile2): every creation disposition,
 * access rights checked against the read-only attribute (xeno may run
 * as root, where the host would not refuse), share modes, directories
 * (FILE_FLAG_BACKUP_SEMANTICS), FILE_FLAG_DELETE_ON_CLOSE and
 * FILE_FLAG_OVERLAPPED; console devices (CON, CONIN$, CONOUT$) and NUL.
 * Last errors as Windows sets them: ERROR_ALREADY_EXISTS after
 * CREATE_ALWAYS/OPEN_ALWAYS on an existing file, ERROR_FILE_EXISTS for
 * CREATE_NEW, 2 or 3 for a missing file or directory. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "fileattr.h"
#include "fileobj.h"
#include "pathres.h"

#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5
#define FILE_FLAG_BACKUP_SEMANTICS 0x02000000
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000
#define FILE_FLAG_OPEN_REPARSE_POINT 0x00200000
#define DATA_W (FILE_WRITE_DATA | FILE_APPEND_DATA)
#define WRITE_ANY (DATA_W | FILE_WRITE_ATTRIBUTES | 0x10 /* FILE_WRITE_EA */)

struct open_req {
    char host[PATH_MAX];
    DWORD rights, share, disp, flags;
    struct stat st;
    int exists;
};

static int host_flags(const struct open_req *r)
{
    int rd = (r->rights & (FILE_READ_DATA | FILE_EXECUTE)) != 0;
    int wr = (r->rights & DATA_W) != 0;
    int fl = O_CLOEXEC | O_NOCTTY | (rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY);
    if (wr && !(r->rights & FILE_WRITE_DATA))
        fl |= O_APPEND;
    if (r->disp == CREATE_NEW)
        fl |= O_CREAT | O_EXCL;
    else if (r->disp == CREATE_ALWAYS || r->disp == OPEN_ALWAYS)
        fl |= O_CREAT;
    if (r->disp == CREATE_ALWAYS || r->disp == TRUNCATE_EXISTING)
        fl |= O_TRUNC;
    return fl;
}

/* The checks Windows makes before touching anything; 0 or an error. */
static DWORD precheck(struct open_req *r)
{
    int is_dir = r->exists && S_ISDIR(r->st.st_mode);
    if (r->disp < CREATE_NEW || r->disp > TRUNCATE_EXISTING)
        return ERROR_INVALID_PARAMETER;
    if (r->disp == TRUNCATE_EXISTING && !(r->rights & FILE_WRITE_DATA))
        return ERROR_INVALID_PARAMETER;
    if (!r->exists)
        return r->disp == OPEN_EXISTING || r->disp == TRUNCATE_EXISTING ? k32_missing_error(r->host) : 0;
    if (r->disp == CREATE_NEW)
        return ERROR_FILE_EXISTS;
    if (is_dir && (!(r->flags & FILE_FLAG_BACKUP_SEMANTICS) || r->disp == CREATE_ALWAYS ||
                   r->disp == TRUNCATE_EXISTING || (r->rights & DATA_W)))
        return ERROR_ACCESS_DENIED;
    if (!is_dir && k32_is_readonly(&r->st) &&
        ((r->rights & WRITE_ANY & ~FILE_WRITE_ATTRIBUTES) || r->disp == CREATE_ALWAYS ||
         r->disp == TRUNCATE_EXISTING || (r->flags & FILE_FLAG_DELETE_ON_CLOSE)))
        return ERROR_ACCESS_DENIED;
    DWORD want = r->rights | ((r->disp == CREATE_ALWAYS || r->disp == TRUNCATE_EXISTING) ? FILE_WRITE_DATA : 0);
    return k32_share_check(r->host, want, r->share);
}

static int is_console_dev(const char *host)
{
    return !strcmp(host, "/dev/tty");
}

/* Console devices without a controlling terminal: the standard handles. */
static int open_console(const struct open_req *r)
{
    int fd = open(r->host, O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd >= 0)
        return fd;
    return fcntl((r->rights & DATA_W) ? 1 : 0, F_DUPFD_CLOEXEC, 3);
}

static int do_open(struct open_req *r, mode_t mode)
{
    if (is_console_dev(r->host))
        return open_console(r);
    if (r->exists && S_ISDIR(r->st.st_mode))
        return open(r->host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int fd = open(r->host, host_flags(r), mode);
    if (fd < 0 && errno == EACCES && !(r->rights & (FILE_READ_DATA | DATA_W | FILE_EXECUTE)))
        fd = open(r->host, O_PATH | O_CLOEXEC); /* attributes only */
    return fd;
}

static HANDLE finish(struct open_req *r, int fd, const SECURITY_ATTRIBUTES *sa, DWORD access)
{
    struct w32_file *f = k32_file_new(fd, access, r->host);
    if (!f) {
        close(fd);
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    f->rights = r->rights;
    f->share = r->share;
    f->flags = r->flags;
    f->is_dir = r->exists && S_ISDIR(r->st.st_mode);
    f->delete_on_close = !!(r->flags & FILE_FLAG_DELETE_ON_CLOSE);
    f->append = (r->rights & FILE_APPEND_DATA) && !(r->rights & FILE_WRITE_DATA);
    DWORD e = is_console_dev(r->host) ? 0 : k32_share_open(f, r->host);
    if (e) {
        f->delete_on_close = 0;
        f->o.destroy(&f->o);
        w32_set_last_error(e);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = k32_handle_for(&f->o, sa);
    if (!h) {
        f->o.destroy(&f->o);
        return INVALID_HANDLE_VALUE;
    }
    w32_set_last_error(r->exists && (r->disp == CREATE_ALWAYS || r->disp == OPEN_ALWAYS)
                       ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
}

static HANDLE create_file(const char *name, DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa,
                          DWORD disp, DWORD flags_attrs)
{
    struct open_req *r = calloc(1, sizeof *r);
    if (!r) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    DWORD e = k32_host_path(name, r->host, sizeof r->host, 0);
    r->rights = k32_file_rights(access);
    r->share = share;
    r->disp = disp;
    r->flags = flags_attrs & 0xfff00000u;
    if (!e) {
        r->exists = stat(r->host, &r->st) == 0;
        e = precheck(r);
    }
    HANDLE h = INVALID_HANDLE_VALUE;
    if (e) {
        w32_set_last_error(e);
    } else {
        int created = !r->exists;
        int fd = do_open(r, (flags_attrs & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666);
        if (fd < 0) {
            w32_set_last_error(errno == EEXIST ? ERROR_FILE_EXISTS
                               : errno == EISDIR ? ERROR_ACCESS_DENIED : k32_errno_path(errno, r->host));
        } else {
            if (created && (flags_attrs & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM)))
                k32_set_dos_attrs(r->host, flags_attrs);
            if (!r->exists)
                fstat(fd, &r->st);
            h = finish(r, fd, sa, access);
        }
    }
    free(r);
    return h;
}

HANDLE k32_create_file(const char *name, DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa,
                       DWORD disp, DWORD flags_attrs)
{
    return create_file(name, access, share, sa, disp, flags_attrs);
}

static HANDLE WINAPI w32_CreateFileA(LPCSTR name, DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa,
                                     DWORD disp, DWORD flags, HANDLE tmpl)
{
    (void)tmpl;
    if (!name) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    return create_file(name, access, share, sa, disp, flags);
}

static HANDLE WINAPI w32_CreateFileW(LPCWSTR name, DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa,
                                     DWORD disp, DWORD flags, HANDLE tmpl)
{
    (void)tmpl;
    char *u = w32_wide_to_utf8(name);
    if (!u) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = create_file(u, access, share, sa, disp, flags);
    free(u);
    return h;
}

typedef struct {
    DWORD dwSize, dwFileAttributes, dwFileFlags, dwSecurityQosFlags;
    SECURITY_ATTRIBUTES *lpSecurityAttributes;
    HANDLE hTemplateFile;
} CREATEFILE2_EXTENDED_PARAMETERS;

static HANDLE WINAPI w32_CreateFile2(LPCWSTR name, DWORD access, DWORD share, DWORD disp,
                                     const CREATEFILE2_EXTENDED_PARAMETERS *x)
{
    DWORD fa = x ? x->dwFileAttributes | x->dwFileFlags : 0;
    return w32_CreateFileW(name, access, share, x ? x->lpSecurityAttributes : NULL, disp, fa, NULL);
}

/* ReOpenFile: another open of the same file with other rights. */
static HANDLE WINAPI w32_ReOpenFile(HANDLE h, DWORD access, DWORD share, DWORD flags)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return INVALID_HANDLE_VALUE;
    char *path = f->host_path ? strdup(f->host_path) : NULL;
    w32_obj_put(&f->o);
    if (!path) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return INVALID_HANDLE_VALUE;
    }
    struct open_req *r = calloc(1, sizeof *r);
    HANDLE res = INVALID_HANDLE_VALUE;
    if (r) {
        snprintf(r->host, sizeof r->host, "%s", path);
        r->rights = k32_file_rights(access), r->share = share, r->disp = OPEN_EXISTING;
        r->flags = flags & 0xfff00000u;
        r->exists = stat(r->host, &r->st) == 0;
        DWORD e = precheck(r);
        int fd = e ? -1 : do_open(r, 0666);
        if (e || fd < 0)
            w32_set_last_error(e ? e : k32_errno_path(errno, r->host));
        else
            res = finish(r, fd, NULL, access);
        free(r);
    }
    free(path);
    return res;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateFileA, "suupuuh:h"),
    EXPORT(CreateFileW, "wuupuuh:h"),
    EXPORT(CreateFile2, "wuuup:h"),
    EXPORT(ReOpenFile, "huuu:h"),
};
