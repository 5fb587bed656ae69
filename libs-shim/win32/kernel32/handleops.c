/* handleops.c — operations on any handle: CloseHandle, DuplicateHandle
 * (within this process; the pseudo handles of the current process and
 * thread become real handles), Get/SetHandleInformation (inherit and
 * protect-from-close flags) and CompareObjectHandles. */
#include "k32.h"

static BOOL WINAPI w32_CloseHandle(HANDLE h)
{
    return w32_handle_close(h);
}

static int is_current_process(HANDLE p)
{
    if (p == W32_CURRENT_PROCESS)
        return 1;
    struct w32_object *o = w32_handle_get(p, W32_H_PROCESS);
    int self = o && ((struct w32_process_obj *)o)->is_self;
    if (o)
        w32_obj_put(o);
    return self;
}

static BOOL WINAPI w32_DuplicateHandle(HANDLE src_proc, HANDLE src, HANDLE dst_proc, HANDLE *dst,
                                       DWORD access, BOOL inherit, DWORD options)
{
    (void)access;
    if (!is_current_process(src_proc) || (dst && !is_current_process(dst_proc))) {
        w32_set_last_error(ERROR_ACCESS_DENIED); /* other processes' tables are out of reach */
        return FALSE;
    }
    struct w32_object *o = w32_handle_get(src, 0);
    if (!o)
        return FALSE;
    HANDLE n = NULL;
    if (dst) {
        n = w32_handle_new(o);
        if (!n) {
            w32_obj_put(o);
            w32_set_last_error(ERROR_TOO_MANY_OPEN_FILES);
            return FALSE;
        }
        if (inherit)
            w32_handle_set_flags(n, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
        if (!k32_copy_out(dst, &n, sizeof n)) {
            w32_handle_close(n);
            w32_obj_put(o);
            w32_set_last_error(ERROR_NOACCESS);
            return FALSE;
        }
    }
    w32_obj_put(o);
    if (options & DUPLICATE_CLOSE_SOURCE)
        w32_handle_close(src);
    return TRUE;
}

static BOOL WINAPI w32_GetHandleInformation(HANDLE h, DWORD *flags)
{
    int f = w32_handle_flags(h);
    if (f < 0) {
        if (h == W32_CURRENT_PROCESS || h == W32_CURRENT_THREAD)
            f = 0;
        else {
            w32_set_last_error(ERROR_INVALID_HANDLE);
            return FALSE;
        }
    }
    DWORD v = (DWORD)f;
    if (!k32_copy_out(flags, &v, sizeof v)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
    if (!w32_handle_set_flags(h, mask, flags)) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_CompareObjectHandles(HANDLE a, HANDLE b)
{
    struct w32_object *x = w32_handle_get(a, 0), *y = w32_handle_get(b, 0);
    BOOL same = x && x == y;
    w32_obj_put(x);
    w32_obj_put(y);
    return same;
}

static NTSTATUS WINAPI w32_NtClose(HANDLE h)
{
    return w32_handle_close(h) ? 0 : (NTSTATUS)STATUS_INVALID_HANDLE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CloseHandle, "h:i"),
    EXPORT(DuplicateHandle, "hhhpuiu:i"),
    EXPORT(GetHandleInformation, "hp:i"),
    EXPORT(SetHandleInformation, "huu:i"),
    EXPORT(CompareObjectHandles, "hh:i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(NtClose, "h:u"),
};
