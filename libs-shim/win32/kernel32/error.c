/* error.c — the thread's last-error value (in its TEB, as programs may
 * read it directly at gs:0x68) and errno → Win32 error translation. */
#include <errno.h>

#include "../teb.h"
#include "../w32.h"
#include "../winerr.h"

void w32_set_last_error(DWORD e)
{
    w32_teb()->LastErrorValue = e;
}

DWORD w32_get_last_error(void)
{
    return w32_teb()->LastErrorValue;
}

static const struct { int err; DWORD win; } errmap[] = {
    { EPERM, ERROR_ACCESS_DENIED }, { ENOENT, ERROR_FILE_NOT_FOUND },
    { EIO, ERROR_NOT_READY }, { EBADF, ERROR_INVALID_HANDLE },
    { EAGAIN, ERROR_NO_DATA }, { ENOMEM, ERROR_NOT_ENOUGH_MEMORY },
    { EACCES, ERROR_ACCESS_DENIED }, { EFAULT, ERROR_NOACCESS },
    { EBUSY, ERROR_BUSY }, { EEXIST, ERROR_ALREADY_EXISTS },
    { EXDEV, ERROR_NOT_SAME_DEVICE }, { ENOTDIR, ERROR_PATH_NOT_FOUND },
    { EISDIR, ERROR_ACCESS_DENIED }, { EINVAL, ERROR_INVALID_PARAMETER },
    { ENFILE, ERROR_TOO_MANY_OPEN_FILES }, { EMFILE, ERROR_TOO_MANY_OPEN_FILES },
    { ENOSPC, ERROR_DISK_FULL }, { ESPIPE, ERROR_NEGATIVE_SEEK },
    { EROFS, ERROR_WRITE_PROTECT }, { EPIPE, ERROR_BROKEN_PIPE },
    { ENAMETOOLONG, ERROR_FILENAME_EXCED_RANGE }, { ENOSYS, ERROR_CALL_NOT_IMPLEMENTED },
    { ENOTEMPTY, ERROR_DIR_NOT_EMPTY }, { ELOOP, ERROR_CANT_RESOLVE_FILENAME },
    { ETIMEDOUT, ERROR_TIMEOUT }, { ECONNREFUSED, ERROR_CONNECTION_REFUSED },
    { EOPNOTSUPP, ERROR_NOT_SUPPORTED }, { EDEADLK, ERROR_LOCK_VIOLATION },
};

DWORD w32_error_from_errno(int e)
{
    for (size_t i = 0; i < sizeof errmap / sizeof errmap[0]; i++)
        if (errmap[i].err == e)
            return errmap[i].win;
    return ERROR_INVALID_FUNCTION;
}

static DWORD WINAPI w32_GetLastError(void)
{
    return w32_get_last_error();
}

static void WINAPI w32_SetLastError(DWORD e)
{
    w32_set_last_error(e);
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetLastError, ":u"),
    EXPORT(SetLastError, "u:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlGetLastWin32Error", w32_GetLastError, ":u"),
    EXPORT_AS("RtlSetLastWin32Error", w32_SetLastError, "u:v"),
};
