/* forward.c — exports one builtin DLL takes from another, the way a
 * Windows DLL forwards an export: ntdll.dll exports a subset of the C
 * runtime (sprintf, _vsnprintf, wcslen, qsort, towupper …), which xeno
 * serves with msvcrt.dll's implementation (ntdll's CRT behaves like
 * msvcrt's, not like the UCRT's); psapi.dll (an alias of kernel32) names
 * kernel32's K32* functions without the prefix. registry.c asks here when a name is not
 * in the DLL's own table. Also: a builtin function by name, for C callers. */
#include <stdlib.h>
#include <string.h>

#include "registry.h"

extern struct w32_dll w32_dll_ntdll, w32_dll_msvcrt, w32_dll_kernel32;

/* The C-runtime names real ntdll.dll (x64) exports, sorted (strcmp). */
static const char *const ntdll_crt[] = {
    "_atoi64", "_i64toa", "_i64toa_s", "_i64tow", "_i64tow_s", "_itoa", "_itoa_s",
    "_itow", "_itow_s", "_lfind", "_ltoa", "_ltoa_s", "_ltow", "_ltow_s", "_makepath_s",
    "_memccpy", "_memicmp", "_snprintf", "_snprintf_s", "_snwprintf", "_snwprintf_s",
    "_splitpath", "_splitpath_s", "_strcmpi", "_stricmp", "_strlwr", "_strlwr_s",
    "_strnicmp", "_strupr", "_strupr_s", "_swprintf", "_tolower", "_toupper", "_ui64toa",
    "_ui64toa_s", "_ui64tow", "_ui64tow_s", "_ultoa", "_ultoa_s", "_ultow", "_ultow_s",
    "_vscprintf", "_vscwprintf", "_vsnprintf", "_vsnprintf_s", "_vsnwprintf",
    "_vsnwprintf_s", "_vswprintf", "_wcsicmp", "_wcslwr", "_wcslwr_s", "_wcsnicmp",
    "_wcstoi64", "_wcstoui64", "_wcsupr", "_wcsupr_s", "_wmakepath_s", "_wsplitpath_s",
    "_wtoi", "_wtoi64", "_wtol", "abs", "atan", "atan2", "atoi", "atol", "bsearch",
    "bsearch_s", "ceil", "cos", "fabs", "floor", "isalnum", "isalpha", "iscntrl",
    "isdigit", "isgraph", "islower", "isprint", "ispunct", "isspace", "isupper",
    "iswalnum", "iswalpha", "iswascii", "iswctype", "iswdigit", "iswgraph", "iswlower",
    "iswprint", "iswspace", "iswxdigit", "isxdigit", "labs", "log", "mbstowcs", "memchr",
    "memcmp", "memcpy", "memcpy_s", "memmove", "memmove_s", "memset", "pow", "qsort",
    "qsort_s", "sin", "sprintf", "sprintf_s", "sqrt", "sscanf", "strcat", "strcat_s",
    "strchr", "strcmp", "strcpy", "strcpy_s", "strcspn", "strlen", "strncat", "strncat_s",
    "strncmp", "strncpy", "strncpy_s", "strnlen", "strpbrk", "strrchr", "strspn", "strstr",
    "strtok_s", "strtol", "strtoul", "swprintf", "swprintf_s", "tan", "tolower", "toupper",
    "towlower", "towupper", "vsprintf", "vsprintf_s", "vswprintf_s", "wcscat", "wcscat_s",
    "wcschr", "wcscmp", "wcscpy", "wcscpy_s", "wcscspn", "wcslen", "wcsncat", "wcsncat_s",
    "wcsncmp", "wcsncpy", "wcsncpy_s", "wcsnlen", "wcspbrk", "wcsrchr", "wcsspn", "wcsstr",
    "wcstok", "wcstok_s", "wcstol", "wcstombs", "wcstoul",
};

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const struct w32_export *w32_forwarded_export(const struct w32_dll *dll, const char *name)
{
    if (dll == &w32_dll_kernel32 && name && strlen(name) < 120 && strncmp(name, "K32", 3)) {
        char k32[128] = "K32"; /* psapi.dll's names: kernel32's K32 functions */
        strcat(k32, name);
        const struct w32_export *x = w32_find_export(&w32_dll_kernel32, k32, 0);
        if (x)
            return x;
    }
    if (dll != &w32_dll_ntdll || !name)
        return NULL;
    if (!bsearch(&name, ntdll_crt, sizeof ntdll_crt / sizeof ntdll_crt[0],
                 sizeof ntdll_crt[0], cmp_name))
        return NULL;
    return w32_find_export(&w32_dll_msvcrt, name, 0);
}

void *w32_builtin_fn(const char *dll, const char *name)
{
    struct w32_dll *d = w32_find_dll(dll);
    const struct w32_export *x = d ? w32_find_export(d, name, 0) : NULL;
    return x ? x->addr : NULL;
}
