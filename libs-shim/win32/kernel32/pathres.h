/* pathres.h — Windows names → host paths for kernel32's file functions
 * (see pathres.c), and the Win32 errors of failed path operations. */
#ifndef XENO_K32_PATHRES_H
#define XENO_K32_PATHRES_H

#include <stddef.h>
#include "../w32.h"

#define K32_PATH_WILD 1   /* the last component may hold * and ? */
#define K32_PATH_EXACT 2  /* no case-insensitive lookup */

/* WIN (UTF-8 or UTF-16) → host path in OUT. Returns 0 or a Win32 error
 * (ERROR_INVALID_NAME, ERROR_PATH_NOT_FOUND, ERROR_FILENAME_EXCED_RANGE). */
DWORD k32_host_path(const char *win, char *out, size_t n, int flags);
DWORD k32_host_wpath(const WCHAR *win, char *out, size_t n, int flags);
/* A missing HOST path: ERROR_FILE_NOT_FOUND if its directory exists,
 * else ERROR_PATH_NOT_FOUND, as Windows distinguishes them. */
DWORD k32_missing_error(const char *host);
/* errno E from an operation on HOST → a Win32 error (ENOENT split as
 * above, ENOTDIR → ERROR_PATH_NOT_FOUND). */
DWORD k32_errno_path(int e, const char *host);

#endif
