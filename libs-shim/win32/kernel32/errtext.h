/* errtext.h — system message texts (errtext.c). */
#ifndef XENO_K32_ERRTEXT_H
#define XENO_K32_ERRTEXT_H

#include "../w32.h"

/* The message for a Win32 error code (or HRESULT_FROM_WIN32 of one),
 * without the trailing "\r\n"; NULL if xeno does not know it. */
const char *k32_error_text(DWORD code);

#endif
