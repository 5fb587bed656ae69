/* pe.c — PE headers and section table: validation and RVA access.
 * Directory parsers (imports, exports, TLS, relocations) are in pe_dirs.c. */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "pe_internal.h"

const char *pe_machine_name(uint16_t m)
{
    switch (m) {
    case PE_MACHINE_AMD64: return "x86-64";
    case PE_MACHINE_I386: return "i386";
    case PE_MACHINE_ARM64: return "ARM64";
    case PE_MACHINE_ARMNT: return "ARM (Thumb-2)";
    case 0x200: return "IA-64";
    default: return "unknown machine";
    }
}

const char *pe_subsystem_name(uint16_t s)
{
    static const char *const names[] = {
        [1] = "native", [2] = "windows GUI", [3] = "windows console",
        [5] = "OS/2 console", [7] = "POSIX console", [9] = "Windows CE GUI",
        [10] = "EFI application", [11] = "EFI boot service driver",
        [12] = "EFI runtime driver", [13] = "EFI ROM", [14] = "Xbox",
        [16] = "windows boot application",
    };
    if (s < ARRAY_LEN(names) && names[s])
        return names[s];
    return "unknown subsystem";
}

/* Map an RVA range to a file offset: inside the headers or inside one
 * section's raw data. Returns 0 on success. */
static int rva_to_off(const struct pe_file *pe, uint32_t rva, size_t len, size_t *off)
{
    if (rva < pe->size_of_headers) {
        if (len > pe->size_of_headers - rva)
            return -1;
        *off = rva;
        return 0;
    }
    for (unsigned i = 0; i < pe->nsect; i++) {
        const struct pe_section *s = &pe->sect[i];
        if (rva < s->vaddr || rva - s->vaddr >= s->raw_size)
            continue;
        uint32_t d = rva - s->vaddr;
        if (len > s->raw_size - d)
            return -1;
        *off = (size_t)s->raw_off + d;
        return 0;
    }
    return -1;
}

const void *pe_rva(const struct pe_file *pe, uint32_t rva, size_t len)
{
    size_t off;
    if (rva_to_off(pe, rva, len, &off) < 0)
        return NULL;
    return xfile_at(pe->f, off, len);
}

const char *pe_str(const struct pe_file *pe, uint32_t rva)
{
    size_t off;
    if (rva == 0 || rva_to_off(pe, rva, 1, &off) < 0)
        return NULL;
    const char *s = (const char *)pe->f->data + off;
    size_t avail = pe->f->size - off;
    if (avail > 4096)
        avail = 4096;
    return memchr(s, 0, avail) ? s : NULL;
}

const char *pe_name(const struct pe_file *pe, uint32_t rva)
{
    const char *s = pe_str(pe, rva);
    for (const char *c = s; c && *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return NULL;
    return s;
}

static int parse_optional(struct pe_file *pe, const uint8_t *oh, uint16_t ohsize,
                          struct xerr *e)
{
    pe->magic = rd16(oh);
    if (pe->magic == 0x10b) /* PE32: only headers are read, for detection */
        return 0;
    if (pe->magic != 0x20b)
        return xerr_set(e, "unknown optional header magic 0x%x", pe->magic);
    if (ohsize < 112)
        return xerr_set(e, "optional header too small for PE32+ (%u bytes)", ohsize);
    pe->entry_rva = rd32(oh + 16);
    pe->image_base = rd64(oh + 24);
    pe->section_align = rd32(oh + 32);
    pe->file_align = rd32(oh + 36);
    pe->size_of_image = rd32(oh + 56);
    pe->size_of_headers = rd32(oh + 60);
    pe->subsystem = rd16(oh + 68);
    pe->dll_chars = rd16(oh + 70);
    pe->major_subsys = rd16(oh + 48);
    pe->minor_subsys = rd16(oh + 50);
    pe->stack_reserve = rd64(oh + 72);
    pe->stack_commit = rd64(oh + 80);
    pe->heap_reserve = rd64(oh + 88);
    pe->heap_commit = rd64(oh + 96);
    pe->ndirs = rd32(oh + 108);
    if (pe->ndirs > PE_NDIRS)
        pe->ndirs = PE_NDIRS;
    if (112 + (size_t)pe->ndirs * 8 > ohsize)
        return xerr_set(e, "optional header too small for %u data directories", pe->ndirs);
    for (uint32_t i = 0; i < pe->ndirs; i++) {
        pe->dir[i].rva = rd32(oh + 112 + 8 * i);
        pe->dir[i].size = rd32(oh + 116 + 8 * i);
    }
    return 0;
}

static int check_layout(struct pe_file *pe, struct xerr *e)
{
    uint32_t sa = pe->section_align, fa = pe->file_align;
    if (sa == 0 || (sa & (sa - 1)) || fa == 0 || (fa & (fa - 1)) || fa > sa)
        return xerr_set(e, "invalid alignment (section 0x%x, file 0x%x)", sa, fa);
    if (pe->size_of_image == 0 || pe->size_of_image > PE_MAX_IMAGE)
        return xerr_set(e, "SizeOfImage 0x%x is implausible", pe->size_of_image);
    if (pe->size_of_headers > pe->size_of_image || pe->size_of_headers > pe->f->size)
        return xerr_set(e, "SizeOfHeaders 0x%x is larger than the image or the file",
                        pe->size_of_headers);
    if (pe->image_base & 0xffff)
        return xerr_set(e, "image base 0x%llx is not 64 KiB aligned",
                        (unsigned long long)pe->image_base);
    if (pe->image_base + pe->size_of_image < pe->image_base ||
        pe->image_base + pe->size_of_image > 0x7ffffffe0000ull)
        return xerr_set(e, "image base 0x%llx is outside the user address space",
                        (unsigned long long)pe->image_base);
    return 0;
}

/* Object-style long names: "/123" is offset 123 in the COFF string table
 * that follows the symbol table. Left NULL when it cannot be found. */
static const char *long_section_name(const struct pe_file *pe, const char *name)
{
    const uint8_t *fh = xfile_at(pe->f, pe->pe_off + 4, 20);
    if (name[0] != '/' || !fh)
        return NULL;
    uint64_t strtab = rd32(fh + 8) + (uint64_t)rd32(fh + 12) * 18;
    char *end;
    unsigned long off = strtoul(name + 1, &end, 10);
    if (*end || strtab == 0 || off < 4 || strtab + off >= pe->f->size)
        return NULL;
    const char *s = (const char *)pe->f->data + strtab + off;
    size_t avail = pe->f->size - (strtab + off);
    return memchr(s, 0, avail < 256 ? avail : 256) ? s : NULL;
}

static int parse_section(struct pe_file *pe, unsigned i, const uint8_t *sh, struct xerr *e)
{
    struct pe_section *s = &pe->sect[i];
    memcpy(s->name, sh, 8);
    s->name[8] = 0;
    for (char *c = s->name; *c; c++)
        if (*c < 0x20 || *c > 0x7e)
            *c = '?';
    s->long_name = long_section_name(pe, s->name);
    uint32_t vsize = rd32(sh + 8);
    s->vaddr = rd32(sh + 12);
    s->raw_size = rd32(sh + 16);
    s->raw_off = rd32(sh + 20);
    s->flags = rd32(sh + 36);
    if (s->flags & PE_SCN_CNT_UNINIT && s->raw_off == 0)
        s->raw_size = 0;
    s->vsize = vsize ? vsize : s->raw_size;
    if (s->raw_size > s->vsize && vsize)
        s->raw_size = s->vsize; /* the loader maps only VirtualSize bytes */
    if (s->raw_size && xfile_at(pe->f, s->raw_off, s->raw_size) == NULL)
        return xerr_set(e, "section %s: raw data (offset 0x%x, size 0x%x) extends past "
                        "the end of the file (0x%zx bytes)", s->name, s->raw_off,
                        s->raw_size, pe->f->size);
    if (s->vaddr < pe->size_of_headers && (s->vsize || s->raw_size))
        return xerr_set(e, "section %s: address 0x%x overlaps the headers", s->name, s->vaddr);
    if (s->vaddr > pe->size_of_image || s->vsize > pe->size_of_image - s->vaddr)
        return xerr_set(e, "section %s: range 0x%x+0x%x extends beyond SizeOfImage 0x%x",
                        s->name, s->vaddr, s->vsize, pe->size_of_image);
    if (i > 0) {
        const struct pe_section *p = &pe->sect[i - 1];
        if (s->vaddr < p->vaddr + p->vsize)
            return xerr_set(e, "sections %s and %s overlap or are out of order",
                            p->name, s->name);
    }
    return 0;
}

static int parse_sections(struct pe_file *pe, uint32_t sh_off, struct xerr *e)
{
    if (pe->nsect > PE_MAX_SECTIONS)
        return xerr_set(e, "too many sections (%u)", pe->nsect);
    const uint8_t *sh = xfile_at(pe->f, sh_off, (size_t)pe->nsect * 40);
    if (!sh)
        return xerr_set(e, "section table (%u entries at 0x%x) extends past the end of "
                        "the file", pe->nsect, sh_off);
    for (unsigned i = 0; i < pe->nsect; i++)
        if (parse_section(pe, i, sh + 40 * i, e) < 0)
            return -1;
    if (pe->entry_rva >= pe->size_of_image)
        return xerr_set(e, "entry point RVA 0x%x is outside the image", pe->entry_rva);
    return 0;
}

static int parse_headers(struct pe_file *pe, struct xerr *e)
{
    const struct xfile *f = pe->f;
    const uint8_t *mz = xfile_at(f, 0, 64);
    if (!mz || mz[0] != 'M' || mz[1] != 'Z')
        return xerr_set(e, "truncated DOS header");
    pe->pe_off = rd32(mz + 0x3c);
    const uint8_t *ph = xfile_at(f, pe->pe_off, 24);
    if (!ph)
        return xerr_set(e, "PE header offset 0x%x is outside the file", pe->pe_off);
    if (memcmp(ph, "PE\0\0", 4) != 0)
        return xerr_set(e, "no PE signature at offset 0x%x (a DOS program?)", pe->pe_off);
    pe->machine = rd16(ph + 4);
    pe->nsect = rd16(ph + 6);
    uint16_t ohsize = rd16(ph + 20);
    pe->characteristics = rd16(ph + 22);
    const uint8_t *oh = xfile_at(f, pe->pe_off + 24, ohsize);
    if (!oh || ohsize < 2)
        return xerr_set(e, "optional header (%u bytes) is truncated", ohsize);
    if (parse_optional(pe, oh, ohsize, e) < 0)
        return -1;
    if (pe->magic != 0x20b)
        return 0;
    if (check_layout(pe, e) < 0)
        return -1;
    return parse_sections(pe, pe->pe_off + 24 + ohsize, e);
}

int pe_parse(struct pe_file *pe, const struct xfile *f, struct xerr *e)
{
    memset(pe, 0, sizeof *pe);
    pe->f = f;
    if (parse_headers(pe, e) < 0)
        return -1;
    if (pe->magic != 0x20b || pe->machine != PE_MACHINE_AMD64)
        return 0;
    if (pe_check_dirs(pe, e) < 0 || pe_parse_imports(pe, e) < 0 ||
        pe_parse_delay_imports(pe, e) < 0 || pe_parse_exports(pe, e) < 0 ||
        pe_parse_tls(pe, e) < 0 || pe_count_relocs(pe, e) < 0) {
        pe_free(pe);
        return -1;
    }
    pe->npdata = pe->dir[PE_DIR_EXCEPTION].size / 12;
    return 0;
}

void pe_free(struct pe_file *pe)
{
    for (size_t i = 0; i < pe->nimports; i++)
        free(pe->imports[i].fns);
    free(pe->imports);
    free(pe->exports);
    free(pe->tls_callbacks);
    pe->imports = NULL;
    pe->exports = NULL;
    pe->tls_callbacks = NULL;
    pe->nimports = pe->nexports = pe->ntls_callbacks = 0;
}
