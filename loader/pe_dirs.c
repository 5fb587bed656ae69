/* pe_dirs.c — PE data directories: imports, delay imports, exports, TLS
 * and base relocations, each parsed with bounded loops and checked RVAs. */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "pe_internal.h"

#define PE_MAX_DLLS 4096
#define PE_MAX_EXPORTS 65536
#define PE_MAX_TLS_CALLBACKS 64

static const char *const dir_names[PE_NDIRS] = {
    "export", "import", "resource", "exception", "security", "base relocation",
    "debug", "architecture", "global pointer", "TLS", "load config",
    "bound import", "IAT", "delay import", "CLR", "reserved",
};

int pe_check_dirs(struct pe_file *pe, struct xerr *e)
{
    for (unsigned i = 0; i < pe->ndirs; i++) {
        uint32_t rva = pe->dir[i].rva, size = pe->dir[i].size;
        if (i == PE_DIR_SECURITY || (rva == 0 && size == 0))
            continue; /* the security directory holds a file offset */
        if (rva >= pe->size_of_image || size > pe->size_of_image - rva)
            return xerr_set(e, "%s directory (RVA 0x%x, size 0x%x) lies outside the image",
                            dir_names[i], rva, size);
    }
    return 0;
}

static struct pe_import_dll *new_dll(struct pe_file *pe, struct xerr *e)
{
    if (pe->nimports >= PE_MAX_DLLS) {
        xerr_set(e, "import directory: more than %d DLLs", PE_MAX_DLLS);
        return NULL;
    }
    struct pe_import_dll *n = realloc(pe->imports, (pe->nimports + 1) * sizeof *n);
    if (!n) {
        xerr_set(e, "out of memory");
        return NULL;
    }
    pe->imports = n;
    n = &pe->imports[pe->nimports++];
    memset(n, 0, sizeof *n);
    return n;
}

static size_t total_imports(const struct pe_file *pe)
{
    size_t n = 0;
    for (size_t i = 0; i < pe->nimports; i++)
        n += pe->imports[i].nfns;
    return n;
}

/* Read one name/ordinal thunk array into dll->fns. NAMES is the lookup
 * table, IAT the address table the loader fills. */
static int read_thunks(struct pe_file *pe, struct pe_import_dll *dll, uint32_t names,
                       uint32_t iat, struct xerr *e)
{
    size_t budget = PE_MAX_IMPORTS - total_imports(pe);
    for (size_t i = 0;; i++) {
        const uint8_t *t = pe_rva(pe, names + 8 * (uint32_t)i, 8);
        if (!t || names + 8 * (uint64_t)i > UINT32_MAX)
            return xerr_set(e, "import table of %s is not terminated inside the file",
                            dll->name);
        uint64_t v = rd64(t);
        if (v == 0)
            return 0;
        if (i >= budget)
            return xerr_set(e, "import tables list more than %d functions (a loop?)",
                            PE_MAX_IMPORTS);
        struct pe_import_fn fn = { .iat_rva = iat + 8 * (uint32_t)i };
        if (v >> 63) {
            fn.ordinal = (uint16_t)v;
        } else {
            const uint8_t *hn = pe_rva(pe, (uint32_t)v, 2);
            fn.name = hn ? pe_str(pe, (uint32_t)v + 2) : NULL;
            if (!fn.name || (v >> 32))
                return xerr_set(e, "import of %s: function name at RVA 0x%llx is not a "
                                "valid string", dll->name, (unsigned long long)v);
            fn.hint = rd16(hn);
        }
        if (fn.iat_rva < iat || fn.iat_rva > pe->size_of_image - 8)
            return xerr_set(e, "import of %s: address table at RVA 0x%x lies outside the "
                            "image", dll->name, iat);
        if (i % 64 == 0) {
            void *n = realloc(dll->fns, (i + 64) * sizeof *dll->fns);
            if (!n)
                return xerr_set(e, "out of memory");
            dll->fns = n;
        }
        dll->fns[dll->nfns++] = fn;
    }
}

int pe_parse_imports(struct pe_file *pe, struct xerr *e)
{
    uint32_t rva = pe->dir[PE_DIR_IMPORT].rva;
    if (pe->ndirs <= PE_DIR_IMPORT || rva == 0)
        return 0;
    for (uint32_t i = 0;; i++) {
        const uint8_t *d = pe_rva(pe, rva + 20 * i, 20);
        if (!d)
            return xerr_set(e, "import directory: descriptor %u at RVA 0x%x is outside "
                            "the file (table not terminated)", i, rva + 20 * i);
        uint32_t ilt = rd32(d), name = rd32(d + 12), iat = rd32(d + 16);
        if (ilt == 0 && name == 0 && iat == 0)
            return 0;
        struct pe_import_dll *dll = new_dll(pe, e);
        if (!dll)
            return -1;
        dll->name = pe_name(pe, name);
        if (!dll->name)
            return xerr_set(e, "import directory: DLL name at RVA 0x%x is not a valid "
                            "string", name);
        dll->iat_rva = iat;
        if (read_thunks(pe, dll, ilt ? ilt : iat, iat, e) < 0)
            return -1;
    }
}

int pe_parse_delay_imports(struct pe_file *pe, struct xerr *e)
{
    uint32_t rva = pe->dir[PE_DIR_DELAY_IMPORT].rva;
    if (pe->ndirs <= PE_DIR_DELAY_IMPORT || rva == 0)
        return 0;
    for (uint32_t i = 0;; i++) {
        const uint8_t *d = pe_rva(pe, rva + 32 * i, 32);
        if (!d)
            return xerr_set(e, "delay import directory: descriptor %u is outside the file "
                            "(table not terminated)", i);
        uint32_t attrs = rd32(d), name = rd32(d + 4), hmod = rd32(d + 8);
        uint32_t iat = rd32(d + 12), ilt = rd32(d + 16);
        if (name == 0 && iat == 0 && ilt == 0)
            return 0;
        if (!(attrs & 1)) { /* the old format stores virtual addresses */
            uint32_t base = (uint32_t)pe->image_base;
            name -= base, hmod -= hmod ? base : 0, iat -= base, ilt -= base;
        }
        struct pe_import_dll *dll = new_dll(pe, e);
        if (!dll)
            return -1;
        dll->delay = 1;
        dll->name = pe_name(pe, name);
        if (!dll->name)
            return xerr_set(e, "delay import directory: DLL name at RVA 0x%x is not a "
                            "valid string", name);
        dll->iat_rva = iat;
        dll->handle_rva = hmod; /* the loader writes the module handle there */
        if (hmod && (uint64_t)hmod + 8 > pe->size_of_image)
            return xerr_set(e, "delay import of %s: module handle slot at RVA 0x%x lies "
                            "outside the image", dll->name, hmod);
        if (read_thunks(pe, dll, ilt, iat, e) < 0)
            return -1;
    }
}

static int read_export(struct pe_file *pe, uint32_t i, uint32_t funcs, struct xerr *e)
{
    const struct { uint32_t rva, size; } *d = (const void *)&pe->dir[PE_DIR_EXPORT];
    const uint8_t *p = pe_rva(pe, funcs + 4 * i, 4);
    if (!p)
        return xerr_set(e, "export directory: address table is outside the file");
    struct pe_export *x = &pe->exports[i];
    x->rva = rd32(p);
    if (x->rva >= d->rva && x->rva < d->rva + d->size) {
        x->forward = pe_str(pe, x->rva);
        if (!x->forward)
            return xerr_set(e, "export directory: forwarder string at RVA 0x%x is invalid",
                            x->rva);
    } else if (x->rva >= pe->size_of_image) {
        return xerr_set(e, "export directory: function RVA 0x%x is outside the image",
                        x->rva);
    }
    return 0;
}

static int read_export_names(struct pe_file *pe, const uint8_t *dir, struct xerr *e)
{
    uint32_t nnames = rd32(dir + 24), names = rd32(dir + 32), ords = rd32(dir + 36);
    if (nnames > PE_MAX_EXPORTS)
        return xerr_set(e, "export directory: %u names is implausible", nnames);
    for (uint32_t i = 0; i < nnames; i++) {
        const uint8_t *np = pe_rva(pe, names + 4 * i, 4), *op = pe_rva(pe, ords + 2 * i, 2);
        if (!np || !op)
            return xerr_set(e, "export directory: name tables are outside the file");
        uint16_t idx = rd16(op);
        const char *s = pe_str(pe, rd32(np));
        if (idx >= pe->nexports || !s)
            return xerr_set(e, "export directory: name %u is invalid", i);
        pe->exports[idx].name = s;
    }
    return 0;
}

int pe_parse_exports(struct pe_file *pe, struct xerr *e)
{
    uint32_t rva = pe->dir[PE_DIR_EXPORT].rva;
    if (pe->ndirs <= PE_DIR_EXPORT || rva == 0)
        return 0;
    const uint8_t *dir = pe_rva(pe, rva, 40);
    if (!dir)
        return xerr_set(e, "export directory at RVA 0x%x is outside the file", rva);
    uint32_t base = rd32(dir + 16), nfuncs = rd32(dir + 20), funcs = rd32(dir + 28);
    if (nfuncs > PE_MAX_EXPORTS)
        return xerr_set(e, "export directory: %u functions is implausible", nfuncs);
    pe->export_name = pe_str(pe, rd32(dir + 12));
    pe->exports = calloc(nfuncs ? nfuncs : 1, sizeof *pe->exports);
    if (!pe->exports)
        return xerr_set(e, "out of memory");
    pe->nexports = nfuncs;
    for (uint32_t i = 0; i < nfuncs; i++) {
        pe->exports[i].ordinal = base + i;
        if (read_export(pe, i, funcs, e) < 0)
            return -1;
    }
    return read_export_names(pe, dir, e);
}

static int va_to_rva(const struct pe_file *pe, uint64_t va, uint32_t *rva)
{
    if (va < pe->image_base || va - pe->image_base >= pe->size_of_image)
        return -1;
    *rva = (uint32_t)(va - pe->image_base);
    return 0;
}

static int read_tls_callbacks(struct pe_file *pe, struct xerr *e)
{
    uint32_t rva;
    if (pe->tls_callbacks_va == 0)
        return 0;
    if (va_to_rva(pe, pe->tls_callbacks_va, &rva) < 0)
        return xerr_set(e, "TLS callback table address 0x%llx is outside the image",
                        (unsigned long long)pe->tls_callbacks_va);
    pe->tls_callbacks = calloc(PE_MAX_TLS_CALLBACKS, sizeof(uint64_t));
    if (!pe->tls_callbacks)
        return xerr_set(e, "out of memory");
    for (size_t i = 0;; i++) {
        const uint8_t *p = pe_rva(pe, rva + 8 * (uint32_t)i, 8);
        if (!p)
            return xerr_set(e, "TLS callback table is not terminated inside the file");
        uint64_t cb = rd64(p);
        uint32_t unused;
        if (cb == 0)
            return 0;
        if (i == PE_MAX_TLS_CALLBACKS)
            return xerr_set(e, "more than %d TLS callbacks", PE_MAX_TLS_CALLBACKS);
        if (va_to_rva(pe, cb, &unused) < 0)
            return xerr_set(e, "TLS callback 0x%llx is outside the image",
                            (unsigned long long)cb);
        pe->tls_callbacks[pe->ntls_callbacks++] = cb;
    }
}

int pe_parse_tls(struct pe_file *pe, struct xerr *e)
{
    uint32_t rva = pe->dir[PE_DIR_TLS].rva, r;
    if (pe->ndirs <= PE_DIR_TLS || rva == 0)
        return 0;
    const uint8_t *d = pe_rva(pe, rva, 40);
    if (!d)
        return xerr_set(e, "TLS directory at RVA 0x%x is outside the file", rva);
    pe->has_tls = 1;
    pe->tls_start = rd64(d);
    pe->tls_end = rd64(d + 8);
    pe->tls_index_va = rd64(d + 16);
    pe->tls_callbacks_va = rd64(d + 24);
    pe->tls_zerofill = rd32(d + 32);
    /* no template is 0-0; a template's bytes are copied for each thread */
    if (pe->tls_end < pe->tls_start || (pe->tls_start == 0 && pe->tls_end != 0) ||
        (pe->tls_start && (va_to_rva(pe, pe->tls_start, &r) < 0 ||
                           pe->tls_end - pe->tls_start > pe->size_of_image - r)))
        return xerr_set(e, "TLS template 0x%llx-0x%llx is outside the image",
                        (unsigned long long)pe->tls_start, (unsigned long long)pe->tls_end);
    /* the loader writes the 4-byte index there */
    if (pe->tls_index_va && (va_to_rva(pe, pe->tls_index_va, &r) < 0 ||
                             r + 4ull > pe->size_of_image))
        return xerr_set(e, "TLS index address 0x%llx is outside the image",
                        (unsigned long long)pe->tls_index_va);
    return read_tls_callbacks(pe, e);
}

static void count_reloc(void *ctx, uint32_t rva, int type)
{
    (void)rva, (void)type;
    ++*(size_t *)ctx;
}

int pe_count_relocs(struct pe_file *pe, struct xerr *e)
{
    return pe_relocs_foreach(pe, count_reloc, &pe->nrelocs, e);
}

int pe_relocs_foreach(const struct pe_file *pe, pe_reloc_cb cb, void *ctx, struct xerr *e)
{
    uint32_t rva = pe->dir[PE_DIR_BASERELOC].rva, size = pe->dir[PE_DIR_BASERELOC].size;
    if (pe->ndirs <= PE_DIR_BASERELOC || rva == 0)
        return 0;
    for (uint32_t pos = 0; pos + 8 <= size;) {
        const uint8_t *b = pe_rva(pe, rva + pos, 8);
        if (!b)
            return xerr_set(e, "base relocation block at RVA 0x%x is outside the file",
                            rva + pos);
        uint32_t page = rd32(b), bsize = rd32(b + 4);
        if (bsize < 8 || bsize > size - pos || (bsize & 1))
            return xerr_set(e, "base relocation block at RVA 0x%x has invalid size %u",
                            rva + pos, bsize);
        const uint8_t *ent = pe_rva(pe, rva + pos, bsize);
        if (!ent)
            return xerr_set(e, "base relocation block at RVA 0x%x is outside the file",
                            rva + pos);
        for (uint32_t i = 8; i < bsize; i += 2) {
            uint16_t v = rd16(ent + i);
            int type = v >> 12;
            uint32_t target = page + (v & 0xfff);
            if (type == 0)
                continue;
            if (type != 10 && type != 3)
                return xerr_set(e, "unsupported base relocation type %d at RVA 0x%x",
                                type, target);
            if (target < page || target > pe->size_of_image - (type == 10 ? 8 : 4))
                return xerr_set(e, "base relocation target RVA 0x%x is outside the image",
                                target);
            cb(ctx, target, type);
        }
        pos += bsize;
    }
    return 0;
}
