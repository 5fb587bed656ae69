/* dirinfo.h — directory listings through a handle (dirinfo.c): the
 * directory classes of GetFileInformationByHandleEx. */
#ifndef XENO_K32_DIRINFO_H
#define XENO_K32_DIRINFO_H

#include "../w32.h"

struct w32_file;
/* FileIdBothDirectoryInfo (10), FileFullDirectoryInfo (14),
 * FileIdExtdDirectoryInfo (19) and their Restart forms (11, 15, 20) into
 * BUF of N bytes: 0 or a Win32 error (ERROR_INVALID_PARAMETER for any
 * other class or a handle that is not a directory). */
DWORD k32_dir_info(struct w32_file *f, int cls, void *buf, DWORD n);

#endif
