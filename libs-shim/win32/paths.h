/* paths.h — Windows paths ↔ host paths. Drive letters map to host
 * directories: Z: is / (as in Wine), C: is $XENO_DRIVE_C (default
 * ~/.xeno/drive_c), any other letter X: is $XENO_DRIVE_X when set.
 * Relative paths stay relative to the current directory; '\' and '/'
 * are both separators. */
#ifndef XENO_W32_PATHS_H
#define XENO_W32_PATHS_H

#include <stddef.h>
#include "w32.h"

/* A Windows path (UTF-8) → host path in OUT. Returns 0, or a Win32 error
 * code (ERROR_PATH_NOT_FOUND for an unmapped drive, ERROR_FILENAME_EXCED_RANGE). */
DWORD w32_path_to_host(const char *win, char *out, size_t n);
DWORD w32_wpath_to_host(const WCHAR *win, char *out, size_t n);
/* An absolute host path → the Windows path a program should see. */
void w32_host_to_win(const char *host, char *out, size_t n);
/* The file name at the end of PATH (after its last \\ or /). */
const char *w32_path_base(const char *path);
/* The host directory backing drive LETTER, or NULL. */
const char *w32_drive_root(char letter);
/* The user's name as Windows programs see it (USERNAME, C:\\users\\NAME). */
const char *w32_user_name(void);

#endif
