/* elf.c — reading ELF files through libelf: OS branding (OSABI byte and
 * ABI notes), program headers, PT_INTERP and DT_NEEDED. */
#include <stdlib.h>
#include <string.h>

#include "elf_info.h"

struct name_map { unsigned key; const char *name; };

static const struct name_map osabi_names[] = {
    { 0, "System V" }, { 1, "HP-UX" }, { 2, "NetBSD" }, { 3, "Linux" },
    { 6, "Solaris" }, { 7, "AIX" }, { 8, "IRIX" }, { 9, "FreeBSD" },
    { 10, "Tru64" }, { 12, "OpenBSD" }, { 13, "OpenVMS" }, { 17, "CloudABI" },
    { 255, "standalone" },
};

static const struct name_map machine_names[] = {
    { EM_386, "i386" }, { EM_X86_64, "x86-64" }, { EM_AARCH64, "AArch64" },
    { EM_ARM, "ARM" }, { EM_RISCV, "RISC-V" }, { EM_PPC64, "PowerPC64" },
    { EM_PPC, "PowerPC" }, { EM_S390, "S/390" }, { EM_MIPS, "MIPS" },
    { EM_SPARCV9, "SPARC V9" }, { EM_IA_64, "IA-64" }, { 258, "LoongArch" },
};

static const struct name_map type_names[] = {
    { ET_NONE, "none" }, { ET_REL, "relocatable object" }, { ET_EXEC, "executable" },
    { ET_DYN, "shared object or PIE" }, { ET_CORE, "core dump" },
};

static const char *lookup(const struct name_map *m, size_t n, unsigned key)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].key == key)
            return m[i].name;
    return NULL;
}

const char *elf_machine_name(unsigned m)
{
    const char *s = lookup(machine_names, ARRAY_LEN(machine_names), m);
    return s ? s : "unknown machine";
}

const char *elf_type_name(unsigned t)
{
    const char *s = lookup(type_names, ARRAY_LEN(type_names), t);
    return s ? s : "unknown type";
}

/* Notes naming an OS: "FreeBSD"/1 (ABI tag), "GNU"/1 (ABI tag, OS in
 * desc[0]), "NetBSD"/1, "OpenBSD"/1. */
static void classify_note(struct elf_info *ei, const GElf_Nhdr *nh, const char *name,
                          const uint8_t *desc)
{
    if (nh->n_type != 1 || nh->n_descsz < 4)
        return;
    uint32_t d0;
    memcpy(&d0, desc, 4);
    if (nh->n_namesz == 8 && !memcmp(name, "FreeBSD", 8)) {
        ei->os = ELF_OS_FREEBSD;
        ei->os_name = "FreeBSD";
        ei->abi_version = d0;
    } else if (nh->n_namesz == 4 && !memcmp(name, "GNU", 4) && ei->os != ELF_OS_FREEBSD) {
        static const char *const gnu_os[] = { "Linux", "Hurd", "Solaris", "kFreeBSD" };
        ei->os = d0 == 0 ? ELF_OS_LINUX : ELF_OS_OTHER;
        ei->os_name = d0 < 4 ? gnu_os[d0] : "unknown GNU OS";
    } else if (nh->n_namesz == 7 && !memcmp(name, "NetBSD", 7)) {
        ei->os = ELF_OS_OTHER;
        ei->os_name = "NetBSD";
    } else if (nh->n_namesz == 8 && !memcmp(name, "OpenBSD", 8)) {
        ei->os = ELF_OS_OTHER;
        ei->os_name = "OpenBSD";
    }
}

static void scan_notes(struct elf_info *ei, const GElf_Phdr *ph)
{
    Elf_Data *d = elf_getdata_rawchunk(ei->elf, (int64_t)ph->p_offset, ph->p_filesz,
                                       ELF_T_NHDR);
    if (!d)
        return;
    size_t off = 0, name_off, desc_off;
    GElf_Nhdr nh;
    for (int guard = 0; guard < 256 && off < d->d_size; guard++) {
        size_t next = gelf_getnote(d, off, &nh, &name_off, &desc_off);
        if (next == 0 || next <= off)
            break;
        classify_note(ei, &nh, (const char *)d->d_buf + name_off,
                      (const uint8_t *)d->d_buf + desc_off);
        off = next;
    }
}

static void classify_os(struct elf_info *ei)
{
    const char *n = lookup(osabi_names, ARRAY_LEN(osabi_names), ei->osabi);
    ei->os_name = n ? n : "unknown OS ABI";
    if (ei->osabi == ELFOSABI_FREEBSD)
        ei->os = ELF_OS_FREEBSD;
    else if (ei->osabi == ELFOSABI_NONE || ei->osabi == ELFOSABI_LINUX)
        ei->os = ELF_OS_UNKNOWN;
    else
        ei->os = ELF_OS_OTHER;
    for (size_t i = 0; i < ei->nphdr; i++)
        if (ei->phdr[i].p_type == PT_NOTE)
            scan_notes(ei, &ei->phdr[i]);
    if (ei->os == ELF_OS_UNKNOWN) { /* an unbranded SysV ELF runs on Linux */
        ei->os = ELF_OS_LINUX;
        ei->os_name = "Linux";
    }
}

/* libelf's reason for the failure just seen. Its error state outlives
 * the call that set it, so elf_parse clears it first; a failure without a
 * recorded reason still gets words, never libelf's "no error". */
static const char *libelf_reason(void)
{
    int n = elf_errno();
    return n ? elf_errmsg(n) : "libelf gave no reason";
}

/* The identity bytes libelf would otherwise accept as "no kind" without
 * saying why. */
static int check_ident(const struct xfile *f, struct xerr *e)
{
    const uint8_t *id = f->data;
    if (f->size < EI_NIDENT)
        return xerr_set(e, "truncated ELF identification (%zu bytes)", f->size);
    if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64)
        return xerr_set(e, "invalid ELF class %u", id[EI_CLASS]);
    if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
        return xerr_set(e, "invalid ELF data encoding %u", id[EI_DATA]);
    if (id[EI_VERSION] != EV_CURRENT)
        return xerr_set(e, "unsupported ELF version %u", id[EI_VERSION]);
    return 0;
}

static const char *file_str(const struct elf_info *ei, uint64_t off)
{
    if (off >= ei->f->size)
        return NULL;
    const char *s = (const char *)ei->f->data + off;
    size_t avail = ei->f->size - off;
    return memchr(s, 0, avail < 4096 ? avail : 4096) ? s : NULL;
}

static int read_phdrs(struct elf_info *ei, struct xerr *e)
{
    size_t n;
    if (elf_getphdrnum(ei->elf, &n) != 0)
        return xerr_set(e, "cannot read program headers: %s", libelf_reason());
    if (n > ELF_MAX_PHDRS)
        return xerr_set(e, "too many program headers (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr *ph = &ei->phdr[i];
        if (!gelf_getphdr(ei->elf, (int)i, ph))
            return xerr_set(e, "program header %zu is unreadable: %s", i, libelf_reason());
        if (ph->p_type == PT_TLS)
            ei->has_tls = 1;
        if (ph->p_type == PT_INTERP) {
            if (ph->p_filesz == 0 || ph->p_offset >= ei->f->size ||
                ph->p_filesz > ei->f->size - ph->p_offset)
                return xerr_set(e, "PT_INTERP lies outside the file");
            ei->interp = file_str(ei, ph->p_offset);
            if (!ei->interp)
                return xerr_set(e, "PT_INTERP is not a valid string");
        }
    }
    ei->nphdr = n;
    return 0;
}

static int add_needed(struct elf_info *ei, const char *s)
{
    if (ei->nneeded >= 256)
        return 0;
    const char **n = realloc(ei->needed, (ei->nneeded + 1) * sizeof *n);
    if (!n)
        return -1;
    ei->needed = n;
    n[ei->nneeded++] = s;
    return 0;
}

static void read_needed(struct elf_info *ei)
{
    Elf_Scn *scn = NULL;
    GElf_Shdr sh;
    while ((scn = elf_nextscn(ei->elf, scn)) != NULL) {
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNAMIC)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        if (!d || sh.sh_entsize == 0)
            continue;
        size_t cnt = d->d_size / sh.sh_entsize;
        for (size_t i = 0; i < cnt && i < 4096; i++) {
            GElf_Dyn dyn;
            if (!gelf_getdyn(d, (int)i, &dyn) || dyn.d_tag == DT_NULL)
                break;
            if (dyn.d_tag != DT_NEEDED)
                continue;
            const char *s = elf_strptr(ei->elf, sh.sh_link, dyn.d_un.d_val);
            if (s && add_needed(ei, s) < 0)
                return;
        }
    }
}

int elf_parse(struct elf_info *ei, const struct xfile *f, struct xerr *e)
{
    memset(ei, 0, sizeof *ei);
    ei->f = f;
    if (f->size < SELFMAG || memcmp(f->data, ELFMAG, SELFMAG) != 0)
        return xerr_set(e, "not an ELF file");
    if (check_ident(f, e) < 0)
        return -1;
    elf_version(EV_CURRENT);
    elf_errno(); /* forget any earlier file's error */
    ei->elf = elf_memory((char *)f->data, f->size);
    if (!ei->elf || elf_kind(ei->elf) != ELF_K_ELF) {
        xerr_set(e, "malformed ELF file: %s", libelf_reason());
        elf_free(ei);
        return -1;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(ei->elf, &eh)) {
        elf_free(ei);
        return xerr_set(e, "truncated or malformed ELF header: %s", libelf_reason());
    }
    ei->cls = eh.e_ident[EI_CLASS];
    ei->data = eh.e_ident[EI_DATA];
    ei->osabi = eh.e_ident[EI_OSABI];
    ei->machine = eh.e_machine;
    ei->type = eh.e_type;
    ei->entry = eh.e_entry;
    if (read_phdrs(ei, e) < 0) {
        elf_free(ei);
        return -1;
    }
    classify_os(ei);
    read_needed(ei);
    return 0;
}

static int check_load(struct elf_info *ei, const GElf_Phdr *ph, struct xerr *e)
{
    const uint64_t limit = 0x7ff000000000ull;
    if (ph->p_filesz > ph->p_memsz)
        return xerr_set(e, "PT_LOAD at 0x%llx: file size exceeds memory size",
                        (unsigned long long)ph->p_vaddr);
    if (ph->p_offset > ei->f->size || ph->p_filesz > ei->f->size - ph->p_offset)
        return xerr_set(e, "PT_LOAD at 0x%llx extends past the end of the file",
                        (unsigned long long)ph->p_vaddr);
    if (ph->p_vaddr >= limit || ph->p_memsz >= limit - ph->p_vaddr)
        return xerr_set(e, "PT_LOAD at 0x%llx (size 0x%llx) is outside the user address "
                        "space", (unsigned long long)ph->p_vaddr,
                        (unsigned long long)ph->p_memsz);
    if (((ph->p_vaddr ^ ph->p_offset) & 0xfff) != 0)
        return xerr_set(e, "PT_LOAD at 0x%llx: address and file offset disagree modulo "
                        "the page size", (unsigned long long)ph->p_vaddr);
    if (ph->p_vaddr < ei->hi)
        return xerr_set(e, "PT_LOAD segments overlap or are out of order at 0x%llx",
                        (unsigned long long)ph->p_vaddr);
    if (ei->lo == 0 && ei->hi == 0)
        ei->lo = ph->p_vaddr & ~0xfffull;
    ei->hi = ph->p_vaddr + ph->p_memsz;
    return 0;
}

int elf_check_loadable(const struct elf_info *cei, struct xerr *e)
{
    struct elf_info *ei = (struct elf_info *)cei;
    int loads = 0, entry_ok = 0;
    ei->lo = ei->hi = 0;
    if (ei->cls != ELFCLASS64 || ei->data != ELFDATA2LSB || ei->machine != EM_X86_64)
        return xerr_set(e, "not a 64-bit little-endian x86-64 ELF file");
    if (ei->type != ET_EXEC && ei->type != ET_DYN)
        return xerr_set(e, "ELF type %s cannot be run", elf_type_name(ei->type));
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *ph = &ei->phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        if (check_load(ei, ph, e) < 0)
            return -1;
        loads++;
        if ((ph->p_flags & PF_X) && ei->entry >= ph->p_vaddr &&
            ei->entry - ph->p_vaddr < ph->p_memsz)
            entry_ok = 1;
    }
    if (loads == 0)
        return xerr_set(e, "no loadable segments");
    if (ei->hi - ei->lo > ((uint64_t)64 << 30))
        return xerr_set(e, "loadable segments span an implausible 0x%llx bytes",
                        (unsigned long long)(ei->hi - ei->lo));
    if (!entry_ok)
        return xerr_set(e, "entry point 0x%llx is not in an executable segment",
                        (unsigned long long)ei->entry);
    return 0;
}

void elf_foreach_section(const struct elf_info *ei, elf_section_cb cb, void *ctx)
{
    size_t shstrndx;
    if (elf_getshdrstrndx(ei->elf, &shstrndx) != 0)
        return;
    Elf_Scn *scn = NULL;
    GElf_Shdr sh;
    for (int n = 0; n < 4096 && (scn = elf_nextscn(ei->elf, scn)) != NULL; n++) {
        if (!gelf_getshdr(scn, &sh))
            continue;
        const char *name = elf_strptr(ei->elf, shstrndx, sh.sh_name);
        cb(ctx, name ? name : "?", &sh);
    }
}

struct section_find {
    const char *name;
    GElf_Shdr *sh;
    int found;
};

static void match_section(void *ctx, const char *name, const GElf_Shdr *sh)
{
    struct section_find *f = ctx;
    if (!f->found && !strcmp(name, f->name))
        *f->sh = *sh, f->found = 1;
}

int elf_find_section(const struct elf_info *ei, const char *name, GElf_Shdr *sh)
{
    struct section_find f = { name, sh, 0 };
    elf_foreach_section(ei, match_section, &f);
    return f.found;
}

void elf_free(struct elf_info *ei)
{
    free(ei->needed);
    ei->needed = NULL;
    if (ei->elf)
        elf_end(ei->elf);
    ei->elf = NULL;
}

static void symbols_of(const struct elf_info *ei, Elf_Scn *scn, const GElf_Shdr *sh,
                       elf_func_cb cb, void *ctx)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    if (!d || sh->sh_entsize == 0)
        return;
    size_t n = d->d_size / sh->sh_entsize;
    for (size_t i = 0; i < n && i < (1u << 22); i++) {
        GElf_Sym sym;
        if (!gelf_getsym(d, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
            sym.st_value == 0 || sym.st_shndx == SHN_UNDEF)
            continue;
        const char *name = elf_strptr(ei->elf, sh->sh_link, sym.st_name);
        cb(ctx, name ? name : "", sym.st_value, sym.st_size);
    }
}

void elf_foreach_function(const struct elf_info *ei, elf_func_cb cb, void *ctx)
{
    Elf_Scn *scn = NULL;
    GElf_Shdr sh;
    while ((scn = elf_nextscn(ei->elf, scn)) != NULL)
        if (gelf_getshdr(scn, &sh) && (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM))
            symbols_of(ei, scn, &sh, cb, ctx);
}

int elf_eh_frame_hdr(const struct elf_info *ei, uint64_t *vaddr, uint64_t *size)
{
    for (size_t i = 0; i < ei->nphdr; i++)
        if (ei->phdr[i].p_type == PT_GNU_EH_FRAME) {
            *vaddr = ei->phdr[i].p_vaddr;
            *size = ei->phdr[i].p_memsz;
            return 1;
        }
    return 0;
}
