/* fuzz_elf_info.c — libFuzzer harness: format detection, elf_parse,
 * elf_check_loadable and everything `xeno info` prints for an ELF file,
 * including the FreeBSD system call prediction, which runs capstone over
 * executable segments (fuzz_common.c checks every decode stays inside the
 * input). Refusals must be one clear line, also when libelf fails. */
#include "detect.h"
#include "elf_info.h"
#include "fuzz_common.h"
#include "info.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_quiet_stdout();
    return 0;
}

/* What elf_check_loadable promises elf_map_image. */
static void check_loadable(const struct elf_info *ei)
{
    int entry_ok = 0;
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *ph = &ei->phdr[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0) /* nothing is mapped for it */
            continue;
        FUZZ_ASSERT(ph->p_filesz <= ph->p_memsz);
        FUZZ_ASSERT(ph->p_offset <= ei->f->size && ph->p_filesz <= ei->f->size - ph->p_offset);
        FUZZ_ASSERT(ph->p_vaddr >= ei->lo && ph->p_vaddr + ph->p_memsz <= ei->hi);
        entry_ok |= ei->entry >= ph->p_vaddr && ei->entry - ph->p_vaddr < ph->p_memsz;
    }
    FUZZ_ASSERT(entry_ok);
    FUZZ_ASSERT(ei->hi > ei->lo && ei->hi < 0x7ff000000000ull);
}

static void parse(const struct xfile *f)
{
    struct elf_info ei;
    struct xerr e;
    if (elf_parse(&ei, f, &e) < 0) {
        fuzz_check_msg("elf_parse", e.msg);
        return;
    }
    FUZZ_ASSERT(ei.nphdr <= ELF_MAX_PHDRS);
    if (elf_check_loadable(&ei, &e) < 0)
        fuzz_check_msg("elf_check_loadable", e.msg);
    else
        check_loadable(&ei);
    elf_free(&ei);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    struct xfile f = fuzz_file(data, size);
    struct xdetect d;
    struct xerr e;
    xdetect(&f, &d);
    if (d.kind == XK_UNSUPPORTED)
        fuzz_check_msg("xdetect", d.why);
    parse(&f);
    if (info_describe(f.path, &f, &e) < 0)
        fuzz_check_msg("info", e.msg);
    fuzz_file_free(&f);
    return 0;
}
