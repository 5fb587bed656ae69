/* imports.c — binding a PE image's imports (normal and delay-loaded) to
 * builtin DLL exports, to DLLs shipped with the program (native.c), or to
 * stubs that report what is missing when called. */
#include <stdio.h>
#include <string.h>

#include "native.h"
#include "pe.h"
#include "process.h"
#include "registry.h"
#include "relay.h"
#include "xeno.h"

static void *resolve(struct w32_dll *dll, struct w32_native *nat, const char *dllname,
                     const struct pe_import_fn *fn)
{
    const struct w32_export *x = dll ? w32_find_export(dll, fn->name, fn->ordinal) : NULL;
    if (x)
        return w32_relay_wrap(dll, x);
    void *p = nat ? w32_native_export(nat, fn->name, fn->ordinal) : NULL;
    if (p)
        return p;
    char ord[16];
    if (!fn->name)
        snprintf(ord, sizeof ord, "#%u", fn->ordinal);
    return w32_missing_stub(dllname, fn->name ? fn->name : ord);
}

int w32_bind_imports_depth(const struct pe_file *pe, uint64_t base, int depth, struct xerr *e)
{
    for (size_t i = 0; i < pe->nimports; i++) {
        const struct pe_import_dll *d = &pe->imports[i];
        struct w32_dll *dll = w32_find_dll(d->name);
        struct w32_native *nat = NULL;
        if (!dll) { /* not builtin: a DLL shipped with the program? */
            struct xerr why;
            nat = w32_native_load(d->name, depth, &why);
            if (!nat && strstr(why.msg, "not found") == NULL)
                return xerr_set(e, "%s", why.msg);
        }
        for (size_t j = 0; j < d->nfns; j++) {
            void *addr = resolve(dll, nat, d->name, &d->fns[j]);
            memcpy((void *)(base + d->fns[j].iat_rva), &addr, sizeof addr);
        }
        if (d->delay && d->handle_rva) {
            void *h = dll ? dll->handle : nat ? (void *)nat->img.base : NULL;
            memcpy((void *)(base + d->handle_rva), &h, sizeof h);
        }
    }
    return 0;
}

int w32_bind_imports(const struct pe_file *pe, uint64_t base, struct xerr *e)
{
    return w32_bind_imports_depth(pe, base, 0, e);
}

int info_win32_import_known(const char *dllname, const char *name, unsigned ordinal)
{
    w32_registry_init();
    struct w32_dll *dll = w32_find_dll(dllname);
    return dll && w32_find_export(dll, name, ordinal) != NULL;
}
