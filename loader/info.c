/* info.c — `xeno info`: identity, layout and dependencies of PE and ELF
 * files, printed before (and without) running anything. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "detect.h"
#include "elf_info.h"
#include "info.h"
#include "pe.h"

#define ROW(k) printf("%-13s", k ":")

static const char *personality_of(enum xkind k)
{
    switch (k) {
    case XK_PE64: return "win64";
    case XK_ELF_FREEBSD: return "freebsd";
    case XK_ELF_LINUX: return "host (runs natively)";
    default: return "none (cannot run)";
    }
}

static void pe_section_flags(uint32_t f, char out[4])
{
    out[0] = f & PE_SCN_MEM_READ ? 'r' : '-';
    out[1] = f & PE_SCN_MEM_WRITE ? 'w' : '-';
    out[2] = f & PE_SCN_MEM_EXECUTE ? 'x' : '-';
    out[3] = 0;
}

static void print_pe_imports(const struct pe_file *pe)
{
    size_t nfn = 0, missing = 0;
    for (size_t i = 0; i < pe->nimports; i++)
        for (size_t j = 0; j < pe->imports[i].nfns; j++, nfn++) {
            const struct pe_import_fn *fn = &pe->imports[i].fns[j];
            missing += !info_win32_import_known(pe->imports[i].name, fn->name, fn->ordinal);
        }
    ROW("imports");
    printf("%zu functions from %zu DLLs, %zu not implemented by xeno\n", nfn,
           pe->nimports, missing);
    for (size_t i = 0; i < pe->nimports; i++) {
        const struct pe_import_dll *d = &pe->imports[i];
        printf("  %s%s\n", d->name, d->delay ? " (delay-loaded)" : "");
        for (size_t j = 0; j < d->nfns; j++) {
            const struct pe_import_fn *fn = &d->fns[j];
            const char *mark = info_win32_import_known(d->name, fn->name, fn->ordinal)
                                   ? "" : "  [not implemented]";
            if (fn->name)
                printf("    %s%s\n", fn->name, mark);
            else
                printf("    #%u%s\n", fn->ordinal, mark);
        }
    }
}

static void print_pe_exports(const struct pe_file *pe)
{
    if (!pe->nexports)
        return;
    ROW("exports");
    printf("%zu (%s)\n", pe->nexports, pe->export_name ? pe->export_name : "unnamed");
    for (size_t i = 0; i < pe->nexports; i++) {
        const struct pe_export *x = &pe->exports[i];
        if (x->rva == 0)
            continue;
        printf("  %5u %-40s", x->ordinal, x->name ? x->name : "(by ordinal)");
        if (x->forward)
            printf(" -> %s\n", x->forward);
        else
            printf(" 0x%x\n", x->rva);
    }
}

static void print_pe(const struct pe_file *pe)
{
    ROW("os/abi");
    printf("Windows, subsystem %s (%u), version %u.%u\n", pe_subsystem_name(pe->subsystem),
           pe->subsystem, pe->major_subsys, pe->minor_subsys);
    ROW("type");
    printf("%s\n", pe->characteristics & 0x2000 ? "DLL" : "executable");
    ROW("entry");
    printf("0x%llx\n", (unsigned long long)(pe->image_base + pe->entry_rva));
    ROW("image base");
    printf("0x%llx\n", (unsigned long long)pe->image_base);
    ROW("image size");
    printf("0x%x\n", pe->size_of_image);
    ROW("stack");
    printf("reserve 0x%llx, commit 0x%llx\n", (unsigned long long)pe->stack_reserve,
           (unsigned long long)pe->stack_commit);
    ROW("relocations");
    printf("%zu%s\n", pe->nrelocs, pe->dll_chars & 0x40 ? " (dynamic base)" : "");
    ROW("tls");
    if (pe->has_tls)
        printf("yes, %zu callbacks\n", pe->ntls_callbacks);
    else
        printf("no\n");
    ROW("unwind info");
    printf("%zu functions in .pdata\n", pe->npdata);
    ROW("sections");
    printf("%u\n", pe->nsect);
    printf("  %-8s %-18s %-10s %-10s %s\n", "name", "address", "vsize", "raw size", "flags");
    for (unsigned i = 0; i < pe->nsect; i++) {
        const struct pe_section *s = &pe->sect[i];
        char fl[4];
        pe_section_flags(s->flags, fl);
        printf("  %-8s 0x%016llx 0x%08x 0x%08x %s\n", s->long_name ? s->long_name : s->name,
               (unsigned long long)(pe->image_base + s->vaddr), s->vsize, s->raw_size, fl);
    }
    print_pe_imports(pe);
    print_pe_exports(pe);
}

static const char *phdr_type(uint32_t t)
{
    switch (t) {
    case PT_LOAD: return "LOAD";
    case PT_DYNAMIC: return "DYNAMIC";
    case PT_INTERP: return "INTERP";
    case PT_NOTE: return "NOTE";
    case PT_PHDR: return "PHDR";
    case PT_TLS: return "TLS";
    case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
    case PT_GNU_STACK: return "GNU_STACK";
    case PT_GNU_RELRO: return "GNU_RELRO";
    case 0x6474e553: return "GNU_PROPERTY";
    default: return "OTHER";
    }
}

static void print_section(void *ctx, const char *name, const GElf_Shdr *sh)
{
    (void)ctx;
    if (sh->sh_type == SHT_NULL)
        return;
    printf("  %-24s 0x%016llx 0x%08llx %c%c%c\n", name, (unsigned long long)sh->sh_addr,
           (unsigned long long)sh->sh_size, sh->sh_flags & SHF_ALLOC ? 'a' : '-',
           sh->sh_flags & SHF_WRITE ? 'w' : '-', sh->sh_flags & SHF_EXECINSTR ? 'x' : '-');
}

static void print_elf(const struct elf_info *ei, enum xkind kind)
{
    ROW("os/abi");
    printf("%s (OSABI %u)", ei->os_name, ei->osabi);
    if (ei->abi_version)
        printf(", ABI note %u", ei->abi_version);
    printf("\n");
    ROW("type");
    printf("%s%s\n", elf_type_name(ei->type),
           ei->type == ET_DYN && !ei->interp ? " (static PIE or library)" : "");
    ROW("entry");
    printf("0x%llx\n", (unsigned long long)ei->entry);
    ROW("interpreter");
    printf("%s\n", ei->interp ? ei->interp : "none (statically linked)");
    ROW("needed");
    for (size_t i = 0; i < ei->nneeded; i++)
        printf("%s%s", i ? ", " : "", ei->needed[i]);
    printf("%s\n", ei->nneeded ? "" : "none");
    ROW("segments");
    printf("%zu\n", ei->nphdr);
    printf("  %-13s %-10s %-18s %-10s %-10s %s\n", "type", "offset", "address", "filesz",
           "memsz", "flags");
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *p = &ei->phdr[i];
        printf("  %-13s 0x%08llx 0x%016llx 0x%08llx 0x%08llx %c%c%c\n", phdr_type(p->p_type),
               (unsigned long long)p->p_offset, (unsigned long long)p->p_vaddr,
               (unsigned long long)p->p_filesz, (unsigned long long)p->p_memsz,
               p->p_flags & PF_R ? 'r' : '-', p->p_flags & PF_W ? 'w' : '-',
               p->p_flags & PF_X ? 'x' : '-');
    }
    printf("sections:\n");
    elf_foreach_section(ei, print_section, NULL);
    if (kind == XK_ELF_FREEBSD)
        info_freebsd_syscalls(ei);
}

static void print_identity(const char *path, const struct xdetect *d)
{
    ROW("file"); printf("%s\n", path);
    ROW("format"); printf("%s\n", d->what);
    ROW("personality"); printf("%s\n", personality_of(d->kind));
}

/* Parse first, print after: a malformed file yields only its error line. */
static int info_parsed(const char *path, const struct xfile *f, const struct xdetect *d,
                       struct xerr *e)
{
    if (d->kind == XK_PE64) {
        struct pe_file pe;
        if (pe_parse(&pe, f, e) < 0)
            return -1;
        print_identity(path, d);
        print_pe(&pe);
        pe_free(&pe);
    } else if (d->kind == XK_ELF_FREEBSD || d->kind == XK_ELF_LINUX) {
        struct elf_info ei;
        if (elf_parse(&ei, f, e) < 0)
            return -1;
        print_identity(path, d);
        print_elf(&ei, d->kind);
        elf_free(&ei);
    } else {
        print_identity(path, d);
        ROW("note"); printf("%s\n", d->why);
    }
    return 0;
}

int info_describe(const char *path, const struct xfile *f, struct xerr *e)
{
    struct xdetect d;
    xdetect(f, &d);
    return info_parsed(path, f, &d, e);
}

static int info_file(const char *path)
{
    struct xfile f;
    struct xerr e;
    if (xfile_open(&f, path, &e) < 0) {
        xeno_warn("%s: %s", path, e.msg);
        return XENO_EXIT_NOLOAD;
    }
    int rc = info_describe(path, &f, &e);
    if (rc < 0)
        xeno_warn("%s: %s", path, e.msg);
    xfile_close(&f);
    return rc < 0 ? XENO_EXIT_NOLOAD : 0;
}

static void info_usage(FILE *out)
{
    fprintf(out,
            "usage: xeno info FILE...\n"
            "Show what FILE is without running it: format, machine, OS/ABI, entry point,\n"
            "image base, sections or segments; for PE files the imported DLLs and\n"
            "functions (marking those xeno does not implement), for ELF files the\n"
            "interpreter and needed libraries, and for FreeBSD programs the system\n"
            "calls the code can make.\n");
}

int cmd_info(int argc, char **argv)
{
    if (argc < 2) {
        info_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        info_usage(stdout);
        return 0;
    }
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            printf("\n");
        int r = info_file(argv[i]);
        if (r)
            rc = r;
    }
    return rc;
}
