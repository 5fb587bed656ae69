/* native.h — DLLs shipped with a program, loaded from files (see native.c). */
#ifndef XENO_W32_NATIVE_H
#define XENO_W32_NATIVE_H

#include "file.h"
#include "image.h"
#include "pe.h"
#include "w32.h"

struct w32_native {
    char *name;         /* "libstdc++-6.dll" as found */
    char *path;         /* host path */
    struct xfile f;
    struct pe_file pe;
    struct ximage img;  /* img.base is the module handle */
    int inited;
    int no_thread_calls; /* DisableThreadLibraryCalls */
    struct w32_native *next;
};

/* Find (already loaded) or load the DLL NAME; DEPTH guards recursion. */
struct w32_native *w32_native_load(const char *name, int depth, struct xerr *e);
struct w32_native *w32_native_find(const char *name);
struct w32_native *w32_native_by_handle(const void *h);
struct w32_native *w32_native_by_address(uint64_t a);
struct w32_native *w32_native_list(void);
/* An export by name (or by ordinal when NAME is NULL); forwarders followed. */
void *w32_native_export(struct w32_native *m, const char *name, unsigned ordinal);
/* DllMain (and TLS callbacks) with DLL_PROCESS_ATTACH for DLLs not yet
 * initialised; thread attach/detach for all; process detach in reverse. */
void w32_native_process_attach(void);
void w32_native_thread_event(int attach);
void w32_native_process_detach(void);

/* imports.c */
int w32_bind_imports_depth(const struct pe_file *pe, uint64_t base, int depth, struct xerr *e);

#endif
