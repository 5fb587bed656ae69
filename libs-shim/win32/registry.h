/* registry.h — the builtin DLLs: finding a DLL by the name a program
 * imports (case-insensitive, with or without ".dll", api-ms-win-* sets
 * resolved to the DLL that implements them) and an export by name or
 * ordinal. */
#ifndef XENO_W32_REGISTRY_H
#define XENO_W32_REGISTRY_H

#include "w32.h"

struct w32_dll *w32_find_dll(const char *name);
/* The DLL whose module handle is H, or NULL. */
struct w32_dll *w32_dll_by_handle(const void *h);
/* The builtin DLL exporting the function at ADDR (the first that does). */
struct w32_dll *w32_dll_by_export_address(const void *addr);
const struct w32_export *w32_find_export(const struct w32_dll *dll, const char *name,
                                         unsigned ordinal);
/* An export DLL takes from another builtin DLL (forward.c), or NULL. */
const struct w32_export *w32_forwarded_export(const struct w32_dll *dll, const char *name);
/* The implementation of builtin DLL.NAME (for calling it from C through an
 * ms_abi pointer), or NULL (forward.c). */
void *w32_builtin_fn(const char *dll, const char *name);
/* Sort export tables and make module handles; once, before loading. */
void w32_registry_init(void);
/* Every builtin DLL, for iteration (NULL-terminated). */
extern struct w32_dll *const w32_dlls[];

#endif
