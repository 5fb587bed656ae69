/* pe.h — PE32+ (and PE32 header-level) parsing with full bounds checking.
 * The parse works on the file bytes only; mapping for execution is in
 * the Windows personality and uses the tables found here. */
#ifndef XENO_PE_H
#define XENO_PE_H

#include <stdint.h>
#include "file.h"

#define PE_MAX_SECTIONS 96              /* the Windows loader's own limit */
#define PE_MAX_IMAGE ((uint32_t)1 << 31) /* larger images are refused */
#define PE_MAX_IMPORTS 65536            /* functions over all DLLs */

enum {
    PE_MACHINE_I386 = 0x14c,
    PE_MACHINE_AMD64 = 0x8664,
    PE_MACHINE_ARM64 = 0xaa64,
    PE_MACHINE_ARMNT = 0x1c4,
};

enum {
    PE_DIR_EXPORT, PE_DIR_IMPORT, PE_DIR_RESOURCE, PE_DIR_EXCEPTION,
    PE_DIR_SECURITY, PE_DIR_BASERELOC, PE_DIR_DEBUG, PE_DIR_ARCH,
    PE_DIR_GLOBALPTR, PE_DIR_TLS, PE_DIR_LOAD_CONFIG, PE_DIR_BOUND_IMPORT,
    PE_DIR_IAT, PE_DIR_DELAY_IMPORT, PE_DIR_CLR, PE_DIR_RESERVED,
    PE_NDIRS
};

/* Section characteristics used for protections. */
#define PE_SCN_CNT_UNINIT 0x00000080u
#define PE_SCN_MEM_EXECUTE 0x20000000u
#define PE_SCN_MEM_READ 0x40000000u
#define PE_SCN_MEM_WRITE 0x80000000u

struct pe_section {
    char name[9];        /* as stored: "/N" names a string table entry */
    const char *long_name; /* the string table entry, or NULL */
    uint32_t vaddr, vsize; /* vsize: the larger of VirtualSize and raw size rounded */
    uint32_t raw_off, raw_size;
    uint32_t flags;
};

struct pe_import_fn {
    const char *name;    /* NULL when imported by ordinal */
    uint16_t hint;
    uint16_t ordinal;
    uint32_t iat_rva;    /* where the bound address is written */
};

struct pe_import_dll {
    const char *name;
    int delay;           /* from the delay-load directory */
    uint32_t iat_rva;
    uint32_t handle_rva; /* delay-load: where the module handle goes, or 0 */
    struct pe_import_fn *fns;
    size_t nfns;
};

struct pe_export {
    const char *name;    /* NULL for ordinal-only exports */
    uint32_t ordinal;    /* biased by the export directory's Base */
    uint32_t rva;
    const char *forward; /* "DLL.Name" for forwarded exports, else NULL */
};

struct pe_file {
    const struct xfile *f;
    uint32_t pe_off;
    uint16_t machine, nsect, characteristics, magic;
    uint32_t entry_rva;
    uint64_t image_base;
    uint32_t section_align, file_align, size_of_image, size_of_headers;
    uint16_t subsystem, dll_chars, major_subsys, minor_subsys;
    uint64_t stack_reserve, stack_commit, heap_reserve, heap_commit;
    uint32_t ndirs;
    struct { uint32_t rva, size; } dir[PE_NDIRS];
    struct pe_section sect[PE_MAX_SECTIONS];

    struct pe_import_dll *imports; /* normal imports, then delay imports */
    size_t nimports;
    struct pe_export *exports;
    size_t nexports;
    const char *export_name;

    /* TLS directory (virtual addresses, as stored) */
    int has_tls;
    uint64_t tls_start, tls_end, tls_index_va, tls_callbacks_va;
    uint32_t tls_zerofill;
    uint64_t *tls_callbacks;
    size_t ntls_callbacks;

    size_t npdata;       /* RUNTIME_FUNCTION entries in .pdata */
    size_t nrelocs;      /* base relocation entries (excluding padding) */
};

/* Parse and validate. Headers only for non-AMD64 machines (enough for
 * format detection and `xeno info`). Returns 0 or -1 with *e set. */
int pe_parse(struct pe_file *pe, const struct xfile *f, struct xerr *e);
void pe_free(struct pe_file *pe);

/* LEN file-backed bytes at RVA, or NULL if they are not all in the file. */
const void *pe_rva(const struct pe_file *pe, uint32_t rva, size_t len);
/* A NUL-terminated string of at most 4095 characters at RVA, or NULL. */
const char *pe_str(const struct pe_file *pe, uint32_t rva);

/* Walk base relocations; cb gets the RVA and type of every entry.
 * Returns 0 or -1 with *e set. */
typedef void (*pe_reloc_cb)(void *ctx, uint32_t rva, int type);
int pe_relocs_foreach(const struct pe_file *pe, pe_reloc_cb cb, void *ctx,
                      struct xerr *e);

const char *pe_machine_name(uint16_t machine);
const char *pe_subsystem_name(uint16_t subsystem);

#endif
