/* procsearch.h — finding the program CreateProcess runs (procsearch.c). */
#ifndef XENO_K32_PROCSEARCH_H
#define XENO_K32_PROCSEARCH_H

#include "../w32.h"

enum { K32_RUN_BAD, K32_RUN_XENO, K32_RUN_HOST };

/* The host path (PATH_MAX bytes at HOST) of the program named by APP or,
 * without it, by CMDLINE's first token. Returns 0 or a Win32 error. */
DWORD k32_find_program(const char *app, const char *cmdline, char *host);
/* How to run HOST: through xeno, natively, or not at all. */
int k32_program_kind(const char *host);

#endif
