/* vollabel.c — SetVolumeLabel(A/W): drives are host directories whose
 * label xeno cannot change (GetVolumeInformation reports none), so the
 * call is refused with ERROR_ACCESS_DENIED, as a write to the registry
 * is; a drive letter that maps to nothing is ERROR_PATH_NOT_FOUND.
 * cmd.exe's "label" command uses it. */
#include <limits.h>
#include <stdlib.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"

static BOOL set_label(const char *root)
{
    char host[PATH_MAX];
    DWORD err = w32_path_to_host(root ? root : "\\", host, sizeof host);
    w32_set_last_error(err ? err : ERROR_ACCESS_DENIED);
    return FALSE;
}

static BOOL WINAPI w32_SetVolumeLabelA(LPCSTR root, LPCSTR label)
{
    (void)label;
    return set_label(root);
}

static BOOL WINAPI w32_SetVolumeLabelW(LPCWSTR root, LPCWSTR label)
{
    (void)label;
    char *r = root ? w32_wide_to_utf8(root) : NULL;
    BOOL ok = set_label(r);
    free(r);
    return ok;
}

W32_EXPORTS(kernel32) = {
    EXPORT(SetVolumeLabelA, "ss:i"),
    EXPORT(SetVolumeLabelW, "ww:i"),
};
