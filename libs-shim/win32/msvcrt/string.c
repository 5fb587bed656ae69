/* string.c — byte-string and memory functions. Those whose Windows
 * behaviour equals the C library's forward to it (through an ms_abi
 * wrapper, which also keeps the registers Windows code expects kept). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crt.h"

#define FWD(ret, name, params, args) \
    static ret WINAPI w32_##name params { return name args; }
#define FWD_TO(ret, name, target, params, args) \
    static ret WINAPI w32_##name params { return target args; }

FWD(void *, memcpy, (void *d, const void *s, size_t n), (d, s, n))
FWD(void *, memmove, (void *d, const void *s, size_t n), (d, s, n))
FWD(void *, memset, (void *d, int c, size_t n), (d, c, n))
FWD(int, memcmp, (const void *a, const void *b, size_t n), (a, b, n))
FWD(void *, memchr, (const void *s, int c, size_t n), (s, c, n))
FWD(size_t, strlen, (const char *s), (s))
FWD(size_t, strnlen, (const char *s, size_t n), (s, n))
FWD(char *, strcpy, (char *d, const char *s), (d, s))
FWD(char *, strncpy, (char *d, const char *s, size_t n), (d, s, n))
FWD(char *, strcat, (char *d, const char *s), (d, s))
FWD(char *, strncat, (char *d, const char *s, size_t n), (d, s, n))
FWD(int, strcmp, (const char *a, const char *b), (a, b))
FWD(int, strncmp, (const char *a, const char *b, size_t n), (a, b, n))
FWD(char *, strchr, (const char *s, int c), (s, c))
FWD(char *, strrchr, (const char *s, int c), (s, c))
FWD(char *, strstr, (const char *a, const char *b), (a, b))
FWD(size_t, strspn, (const char *a, const char *b), (a, b))
FWD(size_t, strcspn, (const char *a, const char *b), (a, b))
FWD(char *, strpbrk, (const char *a, const char *b), (a, b))
FWD_TO(int, _stricmp, strcasecmp, (const char *a, const char *b), (a, b))
FWD_TO(int, _strnicmp, strncasecmp, (const char *a, const char *b, size_t n), (a, b, n))
FWD_TO(char *, _strdup, strdup, (const char *s), (s))


#define STRING_EXPORTS \
    EXPORT(memcpy, "ppq:p"), EXPORT(memmove, "ppq:p"), EXPORT(memset, "piq:p"), \
    EXPORT(memcmp, "ppq:i"), EXPORT(memchr, "piq:p"), EXPORT(strlen, "s:q"), \
    EXPORT(strnlen, "sq:q"), EXPORT(strcpy, "ps:p"), EXPORT(strncpy, "psq:p"), \
    EXPORT(strcat, "ps:p"), EXPORT(strncat, "psq:p"), EXPORT(strcmp, "ss:i"), \
    EXPORT(strncmp, "ssq:i"), EXPORT(strchr, "si:p"), EXPORT(strrchr, "si:p"), \
    EXPORT(strstr, "ss:p"), EXPORT(strspn, "ss:q"), EXPORT(strcspn, "ss:q"), \
    EXPORT(strpbrk, "ss:p"), EXPORT(_stricmp, "ss:i"), EXPORT(_strnicmp, "ssq:i"), \
    EXPORT(_strdup, "s:p"), \
    EXPORT_AS("_strcmpi", w32__stricmp, "ss:i"), EXPORT_AS("strdup", w32__strdup, "s:p")

W32_EXPORTS(msvcrt) = { STRING_EXPORTS };
W32_EXPORTS(ucrtbase) = { STRING_EXPORTS };
